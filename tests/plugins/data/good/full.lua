-- A plugin that uses every part of the contract, on the test model (population, rate, x).
return {
  id = "full", title = "Everything", description = "params, overrides, modifies, hooks and events",
  evidence = { "004 L877", "003 L286" },
  params = {
    growth = { default = 0.02, min = 0, max = 0.1, step = 0.005, units = "1/week", label = "Growth rate" },
    boost = { default = 5, min = 0, max = 10, step = 1, units = "people", label = "Boost" },
  },
  overrides = {
    constants = { rate = function(p, base) return p.growth end },
    equations = { x = "population * 3" },
  },
  modifies = { "population", "x" },
  on_start = function(ctx)
    ctx:set("population", ctx:get("population") + ctx.params.boost)
  end,
  on_step = function(ctx)
    if ctx:time() >= 8 then ctx:set("x", -1) end
  end,
  events = {
    { time = 5, set = { population = 1000 } },
  },
}
