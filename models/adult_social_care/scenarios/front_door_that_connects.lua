-- Workshop scenario: the front door that connects, Somerset (004 L1272-1286, L843). Lua data; runs one lever.
return {
  name = "The front door that connects (Somerset)",
  description = [[
Somerset turned its contact centre into a front door that connects people to community support: resolution without
a full assessment went from about 30% to over 60%, plus a further 15% offered a community solution at the same-day
triage call (004 L1276-1278), backed by over 600 community micro-providers (004 L1286). Our county already resolves
the typical 67% (004 L1238); here the community_front_door lever closes 40% of the gap to every request community
support could meet (67% -> 76% resolved), with GBP 1m a year for connectors and micro-provider grants (assumption).
Watch: awaiting_assessment, assessment_waiting_time, home_care_hours, community_supported and the business case.
People come back when a community solution wears off (community_solution_years).
The lever's default (gap_closed = 0.12) gives the 4-6% fewer home-care hours councils achieved on average
(004 L677); Somerset is a leader.]],
  plugins = {
    community_front_door = { gap_closed = 0.4, investment = 1 },
  },
  seed = 1,
}
