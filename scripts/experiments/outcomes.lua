-- The outcome measures the experiments report (the domain's default outcome measures), shared by the scripts
-- here: local outcomes = dofile(sdw.root .. "/scripts/experiments/outcomes.lua")
return {
  "care_home_admissions_per_year",
  "people_in_care_homes",
  "delayed_bed_days",
  "share_independent_after_reablement",
  "home_care_hours",
  "people_waiting",
  "council_spend",
  "nhs_delay_cost",
  "vacancies",
}
