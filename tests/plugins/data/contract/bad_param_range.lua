-- Contract: a param's default must lie within [min, max] (line 7 breaks it).
return {
  id = "bad_param_range", title = "Bad range", description = "default above max",
  evidence = { "004 L877" },
  params = {
    share = { default = 0.2, min = 0, max = 1, step = 0.01, units = "1", label = "Share" },
    multiplier = { default = 3, min = 1, max = 2, step = 0.1, units = "1", label = "Multiplier" },
  },
  overrides = { constants = { rate = function(p, base) return base * p.multiplier end } },
}
