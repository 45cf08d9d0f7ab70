-- Lever: divert care-home admissions from the community to home-based care. The hospital third of admissions is
-- discharge to assess's; this lever acts on the two thirds decided in the community. People diverted get a large
-- (upper-quartile) package, which the model pays for, and many go into a care home later (the model's
-- diverted_later_admission_share). Evidence: 004 L649 (at least 18% of the 60,000 older people entering a care home
-- each year could be supported in a more independent setting; one in three come from hospital), 004 L657 (as high
-- as 50% in some authorities; priced as a care home less an upper-quartile home-care package).
return {
  id = "divert_care_home_admissions",
  title = "Divert care-home admissions",
  description = "Support at least 18% (up to 50%) of the care-home decisions made in the community at home "
    .. "instead, with an upper-quartile package.",
  evidence = { "004 L649", "004 L657" },
  params = {
    diversion_share = { default = 0.18, min = 0, max = 0.5, step = 0.01, units = "share",
                        label = "Share of community care-home decisions supported at home" },
  },
  overrides = {
    constants = {
      care_home_diversion_share = function(p, base) return math.max(base, p.diversion_share) end,
    },
  },
}
