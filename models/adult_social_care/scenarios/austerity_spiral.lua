-- Workshop scenario: the austerity spiral (000; 002-003 austerity loops; 004 L414-420). Lua data; no levers needed.
return {
  name = "The austerity spiral",
  description = [[
The care budget stops growing in real terms while an ageing county's needs keep rising, and the rules force a
balanced budget every year, so the council cannot spend now to save later. In the model the budget is held flat
and invest-to-save is switched off: as spend runs past the budget, eligibility tightens and reablement and
prevention are cut first ("it's the first thing that goes", S2 L1082).
Watch: budget_pressure, people refused (refused_after_assessment), community_with_needs, emergency_admissions,
care_home_admissions_per_year and council_spend. Cuts save money this year; the demand they create arrives later
and costs more.
What the sources say: saying "no" until need is critical leaves "the only option, relatively expensive long-term
care" (S3 L239); change efforts "become focussed on achieving short-term, immediate savings" (004 L416).]],
  plugins = {},
  constants = {
    budget_growth_rate = 0,       -- flat cash budget (assumption)
    invest_to_save_allowed = 0,   -- short-term rules (004 L416)
  },
  seed = 1,
}
