-- Lever: discharge to assess. The assessment for ongoing care moves out of the acute bed to the person's home, and
-- the discharge mix moves to what multi-disciplinary reviews judged best: care homes half as often, home with
-- support a third more often, home with reablement three times as often; reablement grows to take them, and its
-- staff are the cost. Evidence: 004 L1106 (the assessment is carried out in the community, never in an acute
-- setting; the right capacity is commissioned to enable this), 004 L1110 (discharge to assess), 004 L1118
-- (people wait for decisions after an assessment, and for services), 004 L2083-2085 (the three factors).
-- The model's own assumptions decide how much shorter the wait becomes (hospital_assessment_time) and how many of
-- the people who now go home later need a care home after all (added_care_home_risk); both are wide.
return {
  id = "discharge_to_assess",
  title = "Discharge to assess",
  description = "Assess at home, never in the acute bed; discharge mix: care home x0.5, home with support x1.3, "
    .. "home with reablement x3; 40 more reablement staff to take the extra referrals.",
  evidence = { "004 L1106", "004 L1110", "004 L1118", "004 L2083", "004 L2084", "004 L2085" },
  params = {
    care_home_factor = { default = 0.5, min = 0.5, max = 1, step = 0.05, units = "x",
                         label = "Discharges to a care home (x today's)" },
    home_support_factor = { default = 1.3, min = 1, max = 1.3, step = 0.05, units = "x",
                            label = "Discharges home with support (x today's)" },
    reablement_factor = { default = 3, min = 1, max = 3, step = 0.1, units = "x",
                          label = "Discharges home with reablement (x today's)" },
    assessed_at_home_share = { default = 1, min = 0, max = 1, step = 0.05, units = "share",
                               label = "Share of assessments moved from the acute bed to home" },
    extra_reablement_staff = { default = 40, min = 0, max = 200, step = 5, units = "WTE",
                               label = "Reablement staff added for the extra referrals" },
  },
  overrides = {
    constants = {
      d2a_care_home_factor = function(p, base) return base * p.care_home_factor end,
      d2a_home_support_factor = function(p, base) return base * p.home_support_factor end,
      d2a_reablement_factor = function(p, base) return base * p.reablement_factor end,
      assessment_in_hospital_share = function(p, base) return base * (1 - p.assessed_at_home_share) end,
      reablement_staff = function(p, base) return base + p.extra_reablement_staff end,
    },
  },
}
