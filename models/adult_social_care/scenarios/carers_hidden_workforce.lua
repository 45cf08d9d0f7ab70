-- Workshop scenario: carers as a hidden workforce (004 L769, L802; 000 loop R5). Lua data; no levers needed.
return {
  name = "Carers as a hidden workforce",
  description = [[
Family carers hold most of the people with care needs in the county: informal and voluntary care is worth about
GBP 103bn nationally, GBP 62bn more than councils could pay to replace (004 L166, L769). When carers get no support,
more of them reach breaking point and the person they care for arrives at the front door, often in crisis
(004 L802). In the model the yearly carer-breakdown rate doubles, from 20% to 40% (an assumption: the sources give
no figure).
Watch: carer_breakdowns, requests_per_year, people_waiting, people_in_long_term_care, care_home_admissions_per_year
and council_spend. Then run the carers_support lever (or carer_breakdown_rate = 0.1) to see what respite and
support are worth.]],
  plugins = {},
  constants = {
    carer_breakdown_rate = 0.4,   -- assumption: twice the default (004 L802 gives no figure)
  },
  seed = 1,
}
