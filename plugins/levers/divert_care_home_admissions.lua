-- Lever: divert care-home admissions to home-based care. Evidence: 004 L649 (at least 18% of the 60,000
-- older people entering a care home each year could be supported more independently), 004 L657 (as high as
-- 50% in some authorities).
return {
  id = "divert_care_home_admissions",
  title = "Divert care-home admissions",
  description = "Support at least 18% (up to 50%) of older people's care-home admissions at home instead.",
  evidence = { "004 L649", "004 L657" },
  params = {
    diversion_share = { default = 0.18, min = 0, max = 0.5, step = 0.01, units = "share",
                        label = "Share of care-home admissions diverted home" },
  },
  overrides = {
    constants = {
      care_home_diversion_share = function(p, base) return math.max(base, p.diversion_share) end,
    },
  },
}
