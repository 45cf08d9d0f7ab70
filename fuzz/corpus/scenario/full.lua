return {
  name = "Every field",
  description = "plugins, constants, sim specs and a seed",
  plugins = { reablement_effectiveness = { share = 0.5 }, carers_support = true },
  constants = { ["reablement staff"] = 150, wait_time = 4 },
  sim_specs = { start = 0, stop = 52, dt = 0.25, saveper = 1, method = "rk4" },
  seed = 42,
}
