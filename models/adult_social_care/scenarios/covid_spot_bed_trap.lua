-- Workshop scenario: the COVID spot-bed trap (004 L2095-2099). Lua data; runs without levers.
return {
  name = "The COVID spot-bed trap",
  description = [[
Spring 2020, replayed in this county: hospitals are told to empty beds within days (004 L2095). For twelve weeks
from the middle of March, discharge decisions take a third of their usual time, home-care workers deliver 15% fewer
hours (sickness and shielding; an assumption), and because care at home "was deemed impossible to service at short
notice" the council buys residential beds to assess people in, ten times as often as usual, with no reablement
wrapped around them (004 L2097). Then the surge ends.
Watch: spot_beds_instead_of_home_care and interim_care_home_beds during the surge, then interim_to_permanent_care,
people_in_care_homes and ledger_council_spend against the baseline: twelve weeks of emergency decisions leave a
care-home population, and a cost, that stay higher for years.
What the sources say: 95% of the people in these beds could have lived independently at home, but three months later
45% needed permanent bedded care (004 L2097-2099). Reabling beds cut ongoing care costs by 14% (004 L2113).
Try next: set permanent_after_interim_share = 0.25 to see what reabling the beds would have saved.]],
  plugins = {},
  constants = {
    surge_start_week = 10,       -- mid-March (the run starts on 1 January)
    surge_weeks = 12,            -- the first wave's decant (004 L2095); the model's surge inputs do the rest
  },
  seed = 1,
}
