-- Workshop scenario: the grant cliff (004 L380, L414-420; 002 L1610-1623). Lua data; no levers needed.
return {
  name = "The grant cliff",
  description = [[
59% of central government money for adult social care comes as temporary grants (004 L414), and central money meets
about a third of county care costs (004 L380). Here the temporary grants stop after three years and the council may
not protect invest-to-save spending. The budget drops by about a fifth overnight; reserves carry the overspend for
a while, then run out, and the council responds with tighter eligibility and cuts to reablement and prevention.
Watch: council_budget, council_reserves and budget_pressure from year 3, then effective_reablement_staff, people
refused (refused_after_assessment), people_waiting and care_home_admissions_per_year. Then add the
funding_settlement lever (plugins = { funding_settlement = true }: a fifth of central money temporary instead of
59%, invest-to-save allowed) and see which cuts are avoided.
What the sources say: annual, piecemeal funding makes it "difficult to plan strategically" and pushes money into
reserves (004 L414-420); grants "by the end of March" cannot buy staff (002 L1610).]],
  plugins = {},
  constants = {
    temporary_grant_end_year = 3,
    invest_to_save_allowed = 0,
  },
  seed = 1,
}
