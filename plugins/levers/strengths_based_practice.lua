-- Lever: strengths-based practice. Assessments reach more independent decisions, fewer new contacts end in a
-- care home, and a conversation replaces the 30-40 page assessment form, so each assessment takes less time.
-- Evidence: 004 L1309 and 004 L1485 (30% more independent outcomes; 84% more people seen in a timely manner),
-- 003 L553 (fewer new contacts whose outcome is residential or nursing care; the domain table gives 10% to 5%),
-- 003 L309 and L313 (30-40 page forms replaced by a conversation with the minimum of paperwork).
-- Why the time saving matters: people given an independent outcome come back to the front door when their
-- solution wears off (004 L759), so without it the lever raised repeat demand on a fixed assessment team and the
-- queue grew without limit, the opposite of 004 L1309. The size of the saving is an assumption (no figure in the
-- sources): 25% of an assessment's time by default, range 0-50%.
return {
  id = "strengths_based_practice",
  title = "Strengths-based practice",
  description = "30% more assessments decide on no long-term care; the care-home outcome of new contacts "
    .. "falls from 10% to 5%; a conversation instead of a long form saves about a quarter of each assessment's "
    .. "time (assumption), so people are seen sooner.",
  evidence = { "004 L1309", "004 L1485", "003 L553", "003 L309", "003 L313" },
  params = {
    independent_decision_gain = { default = 0.3, min = 0, max = 0.5, step = 0.05, units = "share",
                                  label = "More independent decisions (relative)" },
    new_contact_care_home_share = { default = 0.05, min = 0.03, max = 0.10, step = 0.005, units = "share",
                                    label = "Share of new contacts ending in a care home" },
    assessment_time_saving = { default = 0.25, min = 0, max = 0.5, step = 0.05, units = "share",
                               label = "Time saved per assessment (assumption)" },
  },
  overrides = {
    constants = {
      independent_decision_factor = function(p, base) return base * (1 + p.independent_decision_gain) end,
      new_contact_care_home_share = function(p, base) return math.min(base, p.new_contact_care_home_share) end,
      assessments_per_assessor = function(p, base) return base / (1 - p.assessment_time_saving) end,
      minimum_assessment_time = function(p, base) return base * (1 - p.assessment_time_saving) end,
    },
  },
}
