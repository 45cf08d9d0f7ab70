-- Workshop scenario: carers as a hidden workforce (004 L769, L802; 000 L427; 002 L879). Lua data; no levers needed.
return {
  name = "Carers as a hidden workforce",
  description = [[
Family carers hold most of the people with care needs in the county: informal and voluntary care is worth about
GBP 103bn nationally, GBP 62bn more than councils could pay to replace (004 L769). When carers get no support,
more of them reach breaking point, and the person they care for arrives in crisis, at A&E or as an urgent request,
often with a worse outcome (004 L802). In the model the carer-breakdown rate doubles (an assumption: the sources
give no figure).
Watch: carer_breakdowns, crisis_admissions_after_breakdown, crisis_requests, emergency_admissions,
care_home_admissions_per_year, people_waiting and both ledgers (council and NHS). Then run the carers_support lever
to see what respite and support are worth, and what they cost.]],
  plugins = {},
  constants = {
    carer_breakdown_rate = 0.1,   -- assumption: twice the default (004 L802 gives no figure)
  },
  seed = 1,
}
