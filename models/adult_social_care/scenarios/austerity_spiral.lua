-- Workshop scenario: the austerity spiral (004 L414-420; 002 L1082; 003 L79). Lua data; no levers needed.
return {
  name = "The austerity spiral",
  description = [[
The care budget falls by 2% a year in real terms while an ageing county's needs keep rising, and the rules force a
balanced budget every year, so the council cannot protect spending now that saves later. Reserves cover the gap
for a while; once they near the prudent minimum the council responds: eligibility tightens and reablement and
prevention are cut first ("it's the first thing that goes", 002 L1082).
Watch: council_reserves, budget_pressure, refused_after_assessment, eligibility_tightening, effective_reablement_staff,
people_waiting, emergency_arrivals and care_home_admissions_per_year. The cuts save money this year; the demand
they create arrives later and costs more.
What the sources say: a balanced budget every year means "change efforts become focussed on achieving short-term,
immediate savings" (004 L416); councils are "tempted to add more to their reserves" (004 L420).]],
  plugins = {},
  constants = {
    budget_growth_rate = -0.02,   -- real-terms cuts (assumption)
    invest_to_save_allowed = 0,   -- short-term rules (004 L416)
  },
  seed = 1,
}
