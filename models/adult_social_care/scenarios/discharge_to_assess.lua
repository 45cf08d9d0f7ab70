-- Workshop scenario: discharge to assess with the capacity to match (004 L1106, L2083-2085). Lua data; runs the discharge_to_assess lever.
return {
  name = "Discharge to assess, with the capacity to match",
  description = [[
Multi-disciplinary reviews of 10,400 hospital journeys found that, had every decision been the best one, care-home
placements from hospital could halve, going home with support could rise by almost a third, and going home with
reablement could almost treble (004 L2071, L2083-2085). Discharge to assess moves the long-term decision out of the
acute ward (004 L1106), so people no longer wait in an acute bed for a decision (004 L1118). Here the
discharge_to_assess lever (its defaults: care home x0.5, home with support x1.3, home with reablement x3, half the
in-hospital wait for a decision, an assumption) runs with reablement staff up from 165 to 265 so the service can
take the extra people (004 L1106: "the right capacity ... is commissioned"); without them the held-up discharges
go to spot beds (remove the reablement_staff line to see it).
Watch: discharged_to_care_home, care_home_admissions_per_year, share_of_beds_medically_fit, delayed_bed_days,
spot_bed_placements and nhs_delay_cost.]],
  plugins = {
    discharge_to_assess = true,   -- 004 L1106, L2083-2085
  },
  constants = {
    reablement_staff = 265,       -- assumption: +100 WTE, enough for the extra reablement starts
  },
  seed = 1,
}
