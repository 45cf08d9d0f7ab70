-- Workshop scenario: the caseload spiral (002 workforce and caseload loop; 004 L1406-1414, L1539). Lua data.
return {
  name = "The caseload spiral",
  description = [[
A fifth of assessor posts go unfilled. The same people must now do assessments and reviews, so queues lengthen,
annual reviews slip, and hurried decisions are less strengths-based: packages are bigger and drift upward when
nobody reviews them (004 L1351, L1539).
In the model: assessor_wte falls from 62 to 50 and the share of "no long-term care" decisions falls by 15%
(assumption).
Watch: awaiting_assessment and people_waiting, overdue_reviews, package_drift, home_care_hours and council_spend.
Then try review_capacity_factor = 2 (trusted provider-led reviews, 004 L1406-1414: 924 hours a week freed in one
county) to see part of the spiral reversed.]],
  plugins = {},
  constants = {
    assessor_wte = 50,                   -- a fifth of posts vacant (assumption)
    independent_decision_factor = 0.85,  -- rushed decisions (assumption; the reverse of +30%, 004 L1309)
  },
  seed = 1,
}
