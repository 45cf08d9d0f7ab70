-- Lever: prevention and community capacity. Money invested now lowers long-term-care demand later, up to a
-- ceiling: worse before better. Evidence: 003 L79 (financial pressure both drives and blocks prevention),
-- 003 L286 (benefits in 1-5 years), 003 L575 (reductions are finite: perhaps 25-50% of demand for intensive care,
-- and not for serious disability or dementia, so the model applies the ceiling to its preventable share of needs).
return {
  id = "prevention",
  title = "Prevention and community capacity",
  description = "Invest in prevention: preventable needs fall after a 1-5 year lag, up to a ceiling of 25-50%.",
  evidence = { "003 L79", "003 L286", "003 L575" },
  params = {
    investment = { default = 2, min = 0, max = 10, step = 0.5, units = "GBP million/year",
                   label = "Investment in prevention" },
    max_effect = { default = 0.25, min = 0.25, max = 0.5, step = 0.05, units = "share",
                   label = "Ceiling on the cut in preventable needs" },
    lag_years = { default = 2, min = 1, max = 5, step = 0.5, units = "years",
                  label = "Years before the effect arrives" },
  },
  overrides = {
    constants = {
      prevention_investment = function(p, base) return base + p.investment end,
      prevention_max_effect = function(p) return p.max_effect end,
      prevention_lag_years = function(p) return p.lag_years end,
    },
  },
}
