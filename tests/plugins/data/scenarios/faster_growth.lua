-- A scenario for the tiny test model: the 'full' plugin with a higher growth, a constant and the sim specs.
return {
  name = "Faster growth",
  description = "Growth at 5% a week with a boost of 10 people at the start.",
  plugins = { full = { growth = 0.05, boost = 10 } },
  constants = { rate = 0.03 },
  sim_specs = { stop = 6, dt = 0.5 },
  seed = 42,
}
