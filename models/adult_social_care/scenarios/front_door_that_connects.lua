-- Workshop scenario: the front door that connects, Somerset (004 L1272-1286, L843). Lua data; runs the community_front_door lever.
return {
  name = "The front door that connects (Somerset)",
  description = [[
Somerset turned its contact centre into a front door that connects people to community support: resolution without
a full assessment went from about 30% to over 60%, plus a further 15% offered a community solution at the same-day
triage call (004 L1276-1278), backed by over 600 community micro-providers (004 L1286). Our county already resolves
the typical 67% (004 L1238); here the community_front_door lever resolves 30% of the requests that went on to an
assessment (unresolved_cut = 0.3), so resolution reaches 77%. Commissioned home-care hours fall by about 9% by 2035,
more than the 4-6% average councils achieved through community connection (004 L677): Somerset is a leader.
Watch: awaiting_assessment and people_waiting, assessments_completed, home_care_hours and council_spend. Then look at
community_supported: people come back when a community solution wears off after about 38 weeks (004 L759).
The lever's default (unresolved_cut = 0.15) is the national average; Somerset's own 30% -> 62% jump is 0.46.]],
  plugins = {
    -- 0.67 + 0.33 x 0.3 = 0.77: Somerset's 62% plus 15% at triage (004 L1272, L1278), for a typical county
    community_front_door = { unresolved_cut = 0.3 },
  },
  seed = 1,
}
