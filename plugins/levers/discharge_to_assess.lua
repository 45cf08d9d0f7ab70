-- Lever: discharge to assess. Assess people for ongoing care at home, never in an acute bed; the discharge
-- mix shifts away from care homes, and the part of the hospital wait spent waiting for a decision goes.
-- Evidence: 004 L1106 (assessment in the community, never in acute), 004 L1110 (D2A balances flow out of
-- hospital with the right long-term outcome), 004 L1118 (people medically fit wait for decisions after an
-- assessment as well as for services), 004 L2083-2085 (care-home placements could halve; home with support
-- +almost a third; home with reablement almost threefold).
-- Why the decision time: changing the mix alone only sends more people towards a full reablement service, so
-- delays rose; D2A's point is that the long-term decision is no longer made in the acute bed. The sources give
-- no split of the wait between decisions and services: half is an assumption, range 0.33-1 (1 = no change).
return {
  id = "discharge_to_assess",
  title = "Discharge to assess",
  description = "Discharge mix: care home x0.5, home with support x1.3, home with reablement x3; the "
    .. "assessment happens at home, so the in-hospital wait for a decision halves (assumption).",
  evidence = { "004 L1106", "004 L1110", "004 L1118", "004 L2083", "004 L2084", "004 L2085" },
  params = {
    care_home_factor = { default = 0.5, min = 0.5, max = 1, step = 0.05, units = "x",
                         label = "Discharges to a care home (x today's)" },
    home_support_factor = { default = 1.3, min = 1, max = 1.3, step = 0.05, units = "x",
                            label = "Discharges home with support (x today's)" },
    reablement_factor = { default = 3, min = 1, max = 3, step = 0.1, units = "x",
                          label = "Discharges home with reablement (x today's)" },
    decision_time_factor = { default = 0.5, min = 0.33, max = 1, step = 0.01, units = "x",
                             label = "Time to decide and arrange a discharge (x today's; assumption)" },
  },
  overrides = {
    constants = {
      d2a_care_home_factor = function(p, base) return base * p.care_home_factor end,
      d2a_home_support_factor = function(p, base) return base * p.home_support_factor end,
      d2a_reablement_factor = function(p, base) return base * p.reablement_factor end,
      discharge_planning_time = function(p, base) return base * p.decision_time_factor end,
    },
  },
}
