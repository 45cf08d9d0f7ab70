-- Hostile: sets a variable it did not declare in 'modifies'.
return {
  id = "undeclared_set", title = "Undeclared set", description = "sets rate without declaring it",
  evidence = { "test" },
  modifies = { "x" },
  on_step = function(ctx)
    ctx:set("rate", 0.5)
  end,
}
