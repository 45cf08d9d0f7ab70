-- Workshop scenario: the caseload spiral (002 L1293, L1298; 003 L404; 004 L1848). Lua data; no levers needed.
return {
  name = "The caseload spiral",
  description = [[
Assessors take longer to replace (a year instead of four months) while demand keeps growing. Each vacancy puts more
people on the others' lists ("I'm taking on the additional 10 people", 002 L1293); staff go off "with anxiety and
stress" (002 L1298) and leave, which puts more on the rest: the loop in the model runs from assessor_workload to
workload_turnover_effect to assessors_leaving and back. Hurried decisions are less strengths-based, so more people
get services (decision_quality; "the immediate pressure to reduce waiting lists could lead to practitioners
foreshortening their involvements", 003 L404).
Watch: assessors, assessor_workload, assessment_waiting_time, awaiting_assessment, share_no_long_term_care,
carer_strain and carer_breakdowns (carers wait longer for help), people_waiting and council_spend.
Then try trusted_reviews or community_front_door, which take work off the assessors.]],
  plugins = {},
  constants = {
    assessor_recruitment_time = 52,   -- a year to fill a post (assumption)
    assessor_turnover = 0.2,          -- above council staff's 13% (004 L1848): a stressed team (assumption)
  },
  seed = 1,
}
