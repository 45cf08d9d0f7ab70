-- Workshop scenario: discharge to assess with the capacity to match (004 L1106, L2083-2085). Lua data.
return {
  name = "Discharge to assess, with the capacity to match",
  description = [[
Multi-disciplinary reviews of 10,400 hospital journeys found that, had every decision been the best one, care-home
placements from hospital could halve, going home with support could rise by almost a third, and going home with
reablement could almost treble (004 L2071, L2083-2085). Discharge to assess moves the long-term decision out of the
acute ward (004 L1106). Here the discharge mix follows the "best" pattern and reablement staff grow by 60% so the
service can take the extra people; without the extra staff the held-up discharges go to spot beds (try
reablement_staff = 165).
Watch: discharged_to_care_home, care_home_admissions_per_year, share_of_beds_medically_fit, spot_bed_placements and
nhs_delay_cost.
Lever equivalent: discharge_to_assess.]],
  plugins = {},
  constants = {
    d2a_care_home_factor = 0.5,
    d2a_home_support_factor = 1.3,
    d2a_reablement_factor = 3,
    reablement_staff = 265,
  },
  seed = 1,
}
