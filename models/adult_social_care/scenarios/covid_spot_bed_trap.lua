-- Workshop scenario: the COVID spot-bed trap (004 L2095-2099). Lua data for sdw scenarios; runs without levers.
return {
  name = "The COVID spot-bed trap",
  description = [[
Spring 2020: hospitals are told to empty beds within days (004 L2095). Home care cannot be arranged at short
notice, reablement staff are redeployed, so the council buys residential beds "to assess" instead. In the model,
discharges are arranged within a week instead of three, reablement staff fall by a third, vacancies take six months
to fill, home-care workers deliver a sixth fewer hours, and four in five held-up discharges go to a spot care-home
bed each week instead of one in five.
Watch: spot_bed_placements and interim_care_home_beds in the first weeks, then interim_to_permanent_care,
people_in_care_homes and the ledger (ledger_council_long_term_care_spend) against the baseline: a few weeks of
emergency decisions leave a care-home population that stays higher for years.
What the sources say: 95% of the people in these beds could have lived independently at home, but three months
later 45% needed permanent bedded care (004 L2097-2099). Reabling D2A beds cut ongoing care costs by 14% (004 L2113).
Try next: run "Reablement done right" and compare who ends up in a care home.]],
  plugins = {},
  constants = {
    discharge_planning_time = 1,    -- "discharge within days" (004 L2095); 3 weeks by default
    spot_bed_share = 0.8,           -- assumption: most held-up discharges go to a spot bed (004 L2095)
    productive_hours_per_worker = 17, -- home-care staff off sick or shielding (assumption; 20.5 by default)
    reablement_staff = 110,         -- a third redeployed (assumption; 150 staff moved in one area, 004 L1977)
    time_to_fill_vacancy = 26,      -- recruitment stalls (assumption)
  },
  seed = 1,
}
