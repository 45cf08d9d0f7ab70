-- A workshop scenario as modellers write them: a long description, levers with params, constants by name.
return {
  name = "Winter pressure with reablement",
  description = [[
Hospital discharges rise by a quarter over the winter weeks while reablement grows by a fifth.
Watch the delayed discharges and the care-home admissions.]],
  plugins = {
    expand_short_term_services = { extra_share = 0.2 },
    discharge_to_assess = true,
  },
  constants = {
    winter_discharge_uplift = 1.25,
    ["reablement staff"] = 120,
  },
  sim_specs = { stop = 260, dt = 0.5, method = "euler" },
  seed = 7,
}
