-- An on_step that only reads the time: to measure the cost of calling Lua at each step.
return {
  id = "noop_step", title = "No-op step", description = "reads one value each step",
  evidence = { "test" },
  on_step = function(ctx)
    local t = ctx:time()
  end,
}
