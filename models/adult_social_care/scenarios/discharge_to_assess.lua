-- Workshop scenario: discharge to assess with the capacity to match (004 L1106, L1118, L2083-2085). Lua data; runs
-- the discharge_to_assess lever.
return {
  name = "Discharge to assess, with the capacity to match",
  description = [[
Multi-disciplinary reviews of 10,400 hospital journeys found that, had every decision been the best one, care-home
placements from hospital could halve, going home with support could rise by almost a third, and going home with
reablement could almost treble (004 L2071, L2083-2085). Discharge to assess makes the assessment for ongoing care at
home, never in an acute setting, with "the right capacity ... commissioned to enable this" (004 L1106). Here the
discharge_to_assess lever runs at its defaults: the three factors, every assessment at home, and 40 more reablement
staff.
Watch: awaiting_decision and share_of_beds_medically_fit (the wait for a decision leaves the acute bed),
decided_for_reablement, decided_for_home_care, discharged_home_instead_of_care_home, in_short_term_bed,
care_home_admissions_per_year and the business case: the NHS saves most (delayed bed-days, short-term beds), the
council pays for the reablement and saves on care homes. Then set extra_reablement_staff = 0 to see the held-up
discharges go to spot beds.]],
  plugins = {
    discharge_to_assess = true,
  },
  seed = 1,
}
