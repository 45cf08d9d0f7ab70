-- Lever: trusted provider-led reviews. Providers propose package changes, an assessor checks them; more
-- reviews happen and packages shrink. Evidence: 004 L689 (providers trusted to adjust packages),
-- 004 L1406 (91% of proposals approved), 004 L1410 (packages down four hours; 924 hours a week freed).
-- The 5% cut in hours is the domain table's figure for this lever.
return {
  id = "trusted_reviews",
  title = "Trusted provider-led reviews",
  description = "Let providers propose package changes: review capacity up, home-care hours down about 5%.",
  evidence = { "004 L689", "004 L1406", "004 L1410" },
  params = {
    review_capacity_multiplier = { default = 1.5, min = 1, max = 2, step = 0.1, units = "x",
                                   label = "Review capacity (x today's; assumption)" },
    home_care_hours_reduction = { default = 0.05, min = 0, max = 0.1, step = 0.005, units = "share",
                                  label = "Reduction in home-care hours" },
  },
  overrides = {
    constants = {
      review_capacity_factor = function(p, base) return base * p.review_capacity_multiplier end,
      home_care_hours_factor = function(p, base) return base * (1 - p.home_care_hours_reduction) end,
    },
  },
}
