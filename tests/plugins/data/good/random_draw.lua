-- Uses math.random in on_start: the run's seed must make it reproducible.
return {
  id = "random_draw", title = "Random", description = "sets population to a random draw",
  evidence = { "test" },
  modifies = { "population" },
  on_start = function(ctx)
    ctx:set("population", math.random(1, 1000000))
  end,
}
