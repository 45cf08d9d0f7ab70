-- Workshop scenario: the grant cliff (004 L414-420; 002 short-term grants). Lua data; no levers needed.
return {
  name = "The grant cliff",
  description = [[
59% of central government money for adult social care comes as temporary grants (004 L414), and central money meets
about a third of county care costs (004 L380). Here the temporary grants stop after three years and the council may
not borrow against future savings. The budget drops by about a fifth overnight.
Watch: council_budget and budget_pressure at year 3, then reablement (effective_reablement_staff), people refused,
care_home_admissions_per_year and people_in_care_homes in the years after. Then add the funding_settlement lever
(plugins = { funding_settlement = true }: a fifth of central money temporary instead of 59%, invest-to-save allowed)
and see which cuts are avoided.
What the sources say: annual, piecemeal funding makes it "difficult to plan strategically" and pushes money into
reserves (004 L414-420).]],
  plugins = {},
  constants = {
    temporary_grant_end_year = 3,
    invest_to_save_allowed = 0,
  },
  seed = 1,
}
