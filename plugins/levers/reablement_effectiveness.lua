-- Lever: reablement effectiveness and length of stay. More people leave reablement independent, and faster.
-- Evidence: 004 L2134 (15% more effective at achieving independence), 004 L928 (17% better outcomes),
-- 004 L924 (outcomes measured as end need against start need), 004 L1824 (goals reached twice as quickly).
return {
  id = "reablement_effectiveness",
  title = "Reablement effectiveness and length of stay",
  description = "Raise the share who leave reablement independent (+15-17%) and shorten episodes "
    .. "(as short as half the length) so the same staff see more people.",
  evidence = { "004 L924", "004 L928", "004 L1824", "004 L2134" },
  params = {
    independence_gain = { default = 0.15, min = 0, max = 0.3, step = 0.01, units = "share",
                          label = "Relative gain in share leaving independent" },
    length_of_stay_factor = { default = 0.75, min = 0.5, max = 1, step = 0.05, units = "x",
                              label = "Length of stay (x today's; 0.5 = twice as quick)" },
  },
  overrides = {
    constants = {
      reablement_independence_share = function(p, base) return math.min(1, base * (1 + p.independence_gain)) end,
      reablement_length_of_stay = function(p, base) return base * p.length_of_stay_factor end,
    },
  },
}
