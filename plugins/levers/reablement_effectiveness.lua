-- Lever: reablement effectiveness and length of stay. Each person's chance of leaving reablement independent
-- rises, and episodes are shorter, so the same staff see more people; an outcomes-based contract, therapists and
-- goal tracking are its cost. Evidence: 004 L2134 (15% more effective at achieving independence), 004 L928 (17%
-- better outcomes), 004 L924 (the best service adds five times the value of the worst), 004 L1824 (goals reached
-- twice as quickly), 004 L2123-2126 (Lancashire's contract pays for time to reable and outcomes).
-- The cost is an assumption (no figure in the sources): GBP 0.6m a year, about a tenth of reablement's budget.
return {
  id = "reablement_effectiveness",
  title = "Reablement effectiveness and length of stay",
  description = "Each person's chance of leaving reablement independent up 15% (15-17%); episodes a tenth shorter "
    .. "(up to half), so the same staff see more people; GBP 0.6m a year for therapists and an outcomes contract "
    .. "(assumption).",
  evidence = { "004 L924", "004 L928", "004 L1824", "004 L2123", "004 L2134" },
  params = {
    independence_gain = { default = 0.15, min = 0, max = 0.3, step = 0.01, units = "share",
                          label = "Gain in each person's chance of leaving independent" },
    length_of_stay_factor = { default = 0.9, min = 0.5, max = 1, step = 0.05, units = "x",
                              label = "Length of stay (x today's; 0.5 = twice as quick)" },
    investment = { default = 0.6, min = 0, max = 2, step = 0.1, units = "GBP million/year",
                   label = "Yearly cost: therapists, goal tracking, contract (assumption)" },
  },
  overrides = {
    constants = {
      reablement_effectiveness = function(p, base) return base * (1 + p.independence_gain) end,
      reablement_length_of_stay = function(p, base) return base * p.length_of_stay_factor end,
      reablement_quality_investment = function(p, base) return base + p.investment end,
    },
  },
}
