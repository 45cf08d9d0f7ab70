-- Lever: a community-connecting front door. More requests are resolved by advice, information and community
-- connection, so fewer go on to an assessment and fewer new home-care packages start. Evidence: 004 L663 and
-- footnote 25 at 004 L677 (better use of community and VCS services through the front door cut commissioned
-- home-care hours by 4.7% on average, range 4-6%, across a sample of councils), 004 L1238 (67% resolved is
-- typical), 004 L1276-1278 (Somerset: from ~30% to 62%, plus 15% at triage).
-- The default resolves 15% of the requests that today go on to an assessment (67% -> 72%): in the default model
-- that gives the 4-6% fewer home-care hours of 004 L677. Somerset's jump from 30% to 62% is (0.62 - 0.30) /
-- (1 - 0.30) = 0.46, the top of the usual range; the front_door_that_connects scenario uses 0.3 (67% -> 77%).
-- An earlier version also cut hours per person by 4.7% on top, counting 004 L677's total effect twice.
return {
  id = "community_front_door",
  title = "Community-connecting front door",
  description = "Resolve more requests at the front door by connecting people to community support (15% of "
    .. "those that went on to an assessment: 67% to 72%), which cuts commissioned home-care hours by the 4-6% "
    .. "councils achieved.",
  evidence = { "004 L663", "004 L677", "004 L1238", "004 L1276" },
  params = {
    unresolved_cut = { default = 0.15, min = 0, max = 0.6, step = 0.01, units = "share",
                       label = "Share of today's onward referrals resolved at the front door" },
  },
  overrides = {
    constants = {
      front_door_resolution_share = function(p, base) return base + (1 - base) * p.unresolved_cut end,
    },
  },
}
