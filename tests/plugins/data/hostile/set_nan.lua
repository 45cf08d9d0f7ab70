-- Hostile: sets a declared variable to NaN.
return {
  id = "set_nan", title = "Set NaN", description = "sets rate to 0/0",
  evidence = { "test" },
  modifies = { "rate" },
  on_step = function(ctx)
    ctx:set("rate", 0 / 0)
  end,
}
