-- Workshop scenario: the front door that connects, Somerset (004 L1272-1286, L843). Lua data; no levers needed.
return {
  name = "The front door that connects (Somerset)",
  description = [[
Somerset turned its contact centre into a front door that connects people to community support: resolution without
a full assessment went from about 30% to over 60%, plus a further 15% offered a community solution at the same-day
triage call (004 L1276-1278), backed by over 600 community micro-providers (004 L1286). Our county already resolves
the typical 67% (004 L1238); here it reaches 77%, and commissioned home-care hours fall by the 4.7% councils achieved
through community connection (004 L677).
Watch: awaiting_assessment and people_waiting, assessments_completed, home_care_hours and council_spend. Then look at
community_supported: people come back when a community solution wears off after about 38 weeks (004 L759).
Lever equivalent: community_front_door.]],
  plugins = {},
  constants = {
    front_door_resolution_share = 0.77,  -- 62% + 15% at triage (004 L1272, L1278), applied to a typical county
    home_care_hours_factor = 0.953,      -- -4.7% commissioned home-care hours (004 L677)
  },
  seed = 1,
}
