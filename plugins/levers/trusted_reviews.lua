-- Lever: trusted provider-led reviews. Providers propose package changes one and a half times a year and an assessor checks them;
-- the hours above need that time-and-task commissioning leaves in care plans are removed. The council pays for
-- the reviews. Evidence: 004 L689 (5% of formal care avoided when providers are trusted to adjust packages),
-- 004 L1406 (91% of proposals approved, against up to a year before), 004 L1408 (providers spot
-- over-prescription), 004 L1410 (packages down four hours; 924 hours a week freed).
return {
  id = "trusted_reviews",
  title = "Trusted provider-led reviews",
  description = "Providers propose package changes one and a half times a year, checked by an assessor; over-prescribed hours "
    .. "come out of care plans (about 5% of hours); the council pays for each review.",
  evidence = { "004 L689", "004 L1406", "004 L1408", "004 L1410" },
  params = {
    reviews_per_year = { default = 1.5, min = 0, max = 4, step = 0.5, units = "per year",
                         label = "Provider-led reviews a year per package" },
  },
  overrides = {
    constants = {
      provider_review_rate = function(p, base) return base + p.reviews_per_year end,
    },
  },
}
