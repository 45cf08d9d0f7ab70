-- Lever: a community-connecting front door. Community connectors, micro-providers and same-day triage resolve
-- more of the requests community support could meet at first contact, so fewer go on to an assessment and fewer
-- packages start. It draws on the same pool of needs as strengths-based practice (the model's
-- community_solvable_share): together they can never divert more than that pool. Evidence: 004 L663 and footnote
-- 25 at 004 L677 (better use of community services through the front door cut commissioned home-care hours by
-- 4.7% on average, range 4-6%), 004 L1238 (67% resolved is typical), 004 L1276-1278 (Somerset: from about 30% to
-- 62%, plus 15% at triage).
-- The default closes a quarter of the gap between today's reach and all of that pool (67% -> 72% resolved); the
-- cost (connectors, grants to micro-providers) is an assumption: GBP 0.5m a year.
return {
  id = "community_front_door",
  title = "Community-connecting front door",
  description = "Resolve more requests at first contact by connecting people to community support (67% to 70% "
    .. "resolved), cutting commissioned home-care hours by the 4-6% councils achieved; GBP 0.5m a year for "
    .. "connectors and micro-provider grants (assumption).",
  evidence = { "004 L663", "004 L677", "004 L1238", "004 L1276" },
  params = {
    gap_closed = { default = 0.12, min = 0, max = 1, step = 0.05, units = "share",
                   label = "Share of the remaining solvable requests now resolved at first contact" },
    investment = { default = 0.5, min = 0, max = 3, step = 0.1, units = "GBP million/year",
                   label = "Yearly cost: connectors and micro-provider grants (assumption)" },
  },
  overrides = {
    constants = {
      front_door_reach = function(p, base) return base + (1 - base) * p.gap_closed end,
      front_door_investment = function(p, base) return base + p.investment end,
    },
  },
}
