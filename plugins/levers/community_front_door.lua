-- Lever: a community-connecting front door. More requests resolved by advice, information and community
-- connection; fewer home-care hours. Evidence: 004 L1276 (Somerset: 30% resolved before, over 60% now),
-- 004 L663 (1.4m requests a year through the community front door), 004 L677 (4.7% fewer domiciliary
-- care hours, range 4-6%). The front door is modelled as resolving a share of the requests that today go on
-- to an assessment: Somerset's 30% -> 62% is (0.62 - 0.30) / (1 - 0.30) = 0.46 of them.
return {
  id = "community_front_door",
  title = "Community-connecting front door",
  description = "Resolve more requests at the front door (Somerset: 30% to over 60%, so 46% of those that "
    .. "went on to an assessment) and trim home-care hours by about 4.7%.",
  evidence = { "004 L663", "004 L677", "004 L1276" },
  params = {
    unresolved_cut = { default = 0.46, min = 0, max = 0.6, step = 0.01, units = "share",
                       label = "Share of today's onward referrals resolved at the front door" },
    home_care_hours_reduction = { default = 0.047, min = 0.04, max = 0.06, step = 0.001, units = "share",
                                  label = "Reduction in home-care hours" },
  },
  overrides = {
    constants = {
      front_door_resolution_share = function(p, base) return base + (1 - base) * p.unresolved_cut end,
      home_care_hours_factor = function(p, base) return base * (1 - p.home_care_hours_reduction) end,
    },
  },
}
