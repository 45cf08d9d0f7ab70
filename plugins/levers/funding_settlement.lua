-- Lever: the funding settlement. Multi-year money instead of temporary grants, and whether the council may
-- spend now to save later. Evidence: 004 L414 (temporary grants make strategic planning hard; 59% of the
-- funding is temporary), 004 L420 (no certainty of income for providers); 002 L1610 (Welsh short-term grants).
-- On the default model the temporary grants are renewed every year (temporary_grant_end_year = 99), so the lever
-- changes nothing until a scenario ends them (scenarios/grant_cliff.lua); then it keeps the budget, reablement
-- and care-home admissions near the baseline (tests/plugins/default_model_levers_test.cpp).
return {
  id = "funding_settlement",
  title = "Funding settlement",
  description = "Move funding from temporary grants (59%) to multi-year money, and allow invest-to-save. It "
    .. "protects the budget when temporary grants end (the grant cliff); while they are renewed it changes nothing.",
  evidence = { "004 L414", "004 L420", "002 L1610" },
  params = {
    temporary_grant_share = { default = 0.2, min = 0, max = 0.59, step = 0.01, units = "share",
                              label = "Share of funding from temporary grants" },
    invest_to_save_allowed = { default = 1, min = 0, max = 1, step = 1, units = "0/1",
                               label = "Invest-to-save allowed" },
  },
  overrides = {
    constants = {
      temporary_grant_share = function(p) return p.temporary_grant_share end,
      invest_to_save_allowed = function(p) return p.invest_to_save_allowed end,
    },
  },
}
