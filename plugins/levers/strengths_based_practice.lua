-- Lever: strengths-based practice. Assessments reach more independent decisions, and fewer new contacts end
-- in a care home. Evidence: 004 L1309 and 004 L1485 (30% more independent outcomes), 003 L553 (fewer new
-- contacts whose outcome is residential or nursing care; the domain table gives 10% to 5%).
return {
  id = "strengths_based_practice",
  title = "Strengths-based practice",
  description = "30% more assessments decide on no long-term care; the care-home outcome of new contacts "
    .. "falls from 10% to 5%.",
  evidence = { "004 L1309", "004 L1485", "003 L553" },
  params = {
    independent_decision_gain = { default = 0.3, min = 0, max = 0.5, step = 0.05, units = "share",
                                  label = "More independent decisions (relative)" },
    new_contact_care_home_share = { default = 0.05, min = 0.03, max = 0.10, step = 0.005, units = "share",
                                    label = "Share of new contacts ending in a care home" },
  },
  overrides = {
    constants = {
      independent_decision_factor = function(p, base) return base * (1 + p.independent_decision_gain) end,
      new_contact_care_home_share = function(p, base) return math.min(base, p.new_contact_care_home_share) end,
    },
  },
}
