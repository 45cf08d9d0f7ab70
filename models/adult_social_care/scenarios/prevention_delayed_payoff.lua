-- Workshop scenario: prevention's delayed pay-off (003 L79, L286, L575). Lua data; runs the prevention lever.
return {
  name = "Prevention's delayed pay-off",
  description = [[
The council invests GBP 3 million a year in prevention and community capacity from 2025. The money is spent at once;
the effect on new care needs arrives over one to five years (003 L79, L286) and can divert at most 25-50% of the
demand for intensive care that prevention can reach (003 L575: not serious disability or dementia; 30% here).
Watch: council_spend and ledger_council_invest_to_save rise first; prevention_effect builds slowly; new_needs,
people_in_long_term_care and ledger_council_long_term_care_spend fall later; the business case shows the payback
year. Then set invest_to_save_allowed = 0 and budget_growth_rate = -0.02 to see the investment cut before it pays.
In the model: the prevention lever with investment = 3, max_effect = 0.3 and lag_years = 2.]],
  plugins = {
    prevention = {
      investment = 3,     -- GBP million a year (assumption)
      max_effect = 0.3,   -- within 25-50% (003 L575)
      lag_years = 2,      -- within 1-5 years (003 L286)
    },
  },
  seed = 1,
}
