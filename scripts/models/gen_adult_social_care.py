"""Writes models/adult_social_care/adult_social_care.xmile (the default county model) from the tables below.
Every parameter cites a seed line (`004 L877` = line 877 of /work/shared/seeds/004_*.txt) or says it is an
assumption with a range. Run: python3 scripts/models/gen_adult_social_care.py [--check]."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from xmile_gen import DMNL, Model  # noqa: E402

P, PW, PY, W, Y = "people", "people/week", "people/year", "weeks", "years"
PERYEAR = "1/year"
GBPW, GBPY = "GBP/week", "GBP/year"
HW = "hours/week"
WTE = "wte"

m = Model("adult_social_care", stop=522, dt=0.25)
# sectors: key, title, x, y, width, height (diagram coordinates; x/y of the group are its centre)
m.sector("demo", "1. Demography and need", 0, 0, 1500, 880)
m.sector("door", "2. Front door", 1540, 0, 1300, 880)
m.sector("hosp", "3. Hospital and discharge", 0, 920, 1500, 880)
m.sector("short", "4. Short-term services", 1540, 920, 1300, 880)
m.sector("ltc", "5. Long-term care", 2880, 0, 1400, 1800)
m.sector("work", "6. Workforce", 2880, 1840, 1400, 1000)
m.sector("money", "7. Money and the ledger", 0, 1840, 2840, 1000)

A = "Assumption"
S = m.const
S("weeks_per_year", 52.18, "weeks/year", "Definition: 365.25 days / 7.", "demo", None)
m.aux("simulation_year", "TIME / weeks_per_year", Y, "Years since the start of 2025.", "demo")

# ------------------------------------------------------------------ 1. demography and need
m.stock("adults_18_64", 435000, P, A + " (county profile, ~58% of 750,000 residents; ONS-type figure not in the "
        "seeds); range 380,000-490,000.", "demo", (330, 130))
m.stock("people_65_84", 145000, P, A + " (county profile, ~19% of residents); range 120,000-170,000.", "demo",
        (760, 130))
m.stock("people_85_plus", 22000, P, A + " (county profile, ~3% of residents); range 16,000-28,000.", "demo",
        (1190, 130))
S("adult_entries_per_year", 11300, PY, A + ": young people turning 18 plus net migration, set so the 18-64 band "
  "stays roughly level; range 8,000-15,000.", "demo", (8000, 15000))
S("ageing_rate_18_64", 0.026, PERYEAR, A + ": share of 18-64s turning 65 each year, calibrated so the 65+ band "
  "grows about 2% a year as it did in 2009-19 (+23% in ten years, 004 L358); range 0.018-0.03.", "demo",
  (0.018, 0.03))
S("ageing_rate_65_84", 0.027, PERYEAR, A + ": share of 65-84s turning 85 each year, calibrated so the 85+ band "
  "grows about 2% a year (+20% in 2009-19, 004 L358); range 0.02-0.035.", "demo", (0.02, 0.035))
S("mortality_18_64", 0.0025, PERYEAR, A + " (population mortality, not in the seeds); range 0.0015-0.004.",
  "demo", (0.0015, 0.004))
S("mortality_65_84", 0.022, PERYEAR, A + " (not in the seeds); range 0.015-0.03.", "demo", (0.015, 0.03))
S("mortality_85_plus", 0.16, PERYEAR, A + " (not in the seeds); range 0.12-0.2.", "demo", (0.12, 0.2))
m.flow("entering_adulthood", "adult_entries_per_year / weeks_per_year", PW,
       "Counted entry: turning 18 and net migration.", "demo", to="adults_18_64")
m.flow("ageing_to_65", "adults_18_64 * ageing_rate_18_64 / weeks_per_year", PW, "Ageing into the 65-84 band.",
       "demo", frm="adults_18_64", to="people_65_84")
m.flow("ageing_to_85", "people_65_84 * ageing_rate_65_84 / weeks_per_year", PW, "Ageing into the 85+ band.",
       "demo", frm="people_65_84", to="people_85_plus")
m.flow("deaths_18_64", "adults_18_64 * mortality_18_64 / weeks_per_year", PW, "Counted exit: deaths.", "demo",
       frm="adults_18_64")
m.flow("deaths_65_84", "people_65_84 * mortality_65_84 / weeks_per_year", PW, "Counted exit: deaths.", "demo",
       frm="people_65_84")
m.flow("deaths_85_plus", "people_85_plus * mortality_85_plus / weeks_per_year", PW, "Counted exit: deaths.",
       "demo", frm="people_85_plus")
m.aux("people_65_plus", "people_65_84 + people_85_plus", P, "Residents aged 65 and over.", "demo")
m.aux("growth_of_65_plus", "people_65_plus / INIT(people_65_plus) - 1", DMNL,
      "Growth of the 65+ band since 2025 (compare +23% over 2009-19, 004 L358).", "demo")

m.stock("community_with_needs", 29000, P, "People living at home with care needs and no formal service, many "
        "held by family carers. Initial value: 2.2 million people supported informally or by the voluntary "
        "sector (004 L769) x 1.33%.", "demo", (760, 420))
m.stock("community_supported", 9400, P, "People whose request was resolved by advice, information or a "
        "community connection (004 L1238); they return to 'with needs' after the benefit wears off. Initial value: "
        "resolved requests x 38.1 weeks (near equilibrium).", "door", (2100, 160))
S("onset_rate_18_64", 0.004, PERYEAR, A + ": yearly onset of care needs among 18-64s (calibrated so requests are "
  "about 25,000 a year, 004 L157 x 1.33%); range 0.002-0.008.", "demo", (0.002, 0.008))
S("onset_rate_65_84", 0.025, PERYEAR, A + ": yearly onset of care needs among 65-84s (calibrated, as above); "
  "range 0.015-0.04.", "demo", (0.015, 0.04))
S("onset_rate_85_plus", 0.15, PERYEAR, A + ": yearly onset of care needs among people 85+ (calibrated, as "
  "above); range 0.1-0.25.", "demo", (0.1, 0.25))
S("mortality_with_needs", 0.08, PERYEAR, A + ": deaths among people with needs at home; range 0.04-0.12.",
  "demo", (0.04, 0.12))
S("carer_held_share", 0.5, DMNL, A + ": share of people with needs held by family carers (6.5 million UK carers, "
  "004 L200, give no county share); range 0.3-0.7.", "demo", (0.3, 0.7))
S("carer_breakdown_rate", 0.2, PERYEAR, A + " (lever target): share of people held by informal carers who move "
  "to formal demand each year when the carer can no longer cope (004 L802; 000 feedback loop R5; no figure in "
  "the sources); range 0.05-0.5.", "demo", (0.05, 0.5))
S("unsupported_request_rate", 1.12, PERYEAR, A + ": yearly rate at which people with needs and no carer ask the "
  "council for help (calibrated to 25,000 requests a year, 004 L157 x 1.33%); range 0.6-1.6.", "demo", (0.6, 1.6))
m.aux("onset_demand", "(adults_18_64 * onset_rate_18_64 + people_65_84 * onset_rate_65_84 + people_85_plus * "
      "onset_rate_85_plus) / weeks_per_year", PW, "New care needs before prevention.", "demo")
m.flow("onset_of_need", "onset_demand * (1 - prevention_effect)", PW,
       "Counted entry into the care-needs domain: ageing, long-term conditions, life events (004 L189-196); "
       "prevention lowers it (003 L575).", "demo", to="community_with_needs")
m.flow("deaths_with_needs", "community_with_needs * mortality_with_needs / weeks_per_year", PW,
       "Counted exit: deaths at home.", "demo", frm="community_with_needs")
m.aux("carer_breakdowns", "community_with_needs * carer_held_share * carer_breakdown_rate / weeks_per_year", PW,
      "People whose family carer can no longer cope, who then ask for formal care (004 L802).", "demo")
m.flow("requests_for_support", "community_with_needs * (1 - carer_held_share) * unsupported_request_rate / "
       "weeks_per_year + carer_breakdowns", PW, "Community requests to the council front door (1.9 million a year "
       "nationally incl. hospital, 004 L157).", "door", frm="community_with_needs", to="at_front_door")
m.aux("requests_per_year", "(requests_for_support + fit_needing_support) * weeks_per_year", PY,
      "Outcome: requests for support a year, community and hospital (~25,000 = 1.9 million x 1.33%, 004 L157).",
      "door")
m.aux("unmet_need_index", "(community_with_needs + awaiting_assessment + awaiting_home_care) / "
      "INIT(community_with_needs + awaiting_assessment + awaiting_home_care)", DMNL,
      "People with needs and no formal care (at home or waiting), relative to 2025: drives emergency admissions "
      "(S3 L239: saying 'no' until need is critical).", "demo")

# prevention (sector 1): investment now, effect one to five years later, with a ceiling
S("prevention_investment", 0, "GBPm/year", "Lever target: GBP million a year invested in prevention and community "
  "capacity (0 = none beyond today's).", "demo", (0, 10))
S("prevention_max_effect", 0.25, DMNL, "Lever target: ceiling on the reduction of long-term-care demand from "
  "prevention, 25-50% (003 L575).", "demo", (0.1, 0.5))
S("prevention_lag_years", 2, Y, "Lever target: years before prevention's effect arrives, 1-5 (003 L79, L286).",
  "demo", (1, 5))
S("prevention_scale", 3, "GBPm/year", A + ": investment that reaches 63% of the ceiling (no figure in the "
  "sources); range 1-10.", "demo", (1, 10))
m.aux("effective_prevention_investment", "prevention_investment * short_term_funding_factor", "GBPm/year",
      "Prevention spend after any short-term cut under budget pressure (S2 L1082: prevention 'is the first thing "
      "that goes').", "demo")
m.aux("prevention_effect_target", "prevention_max_effect * (1 - EXP(-effective_prevention_investment / "
      "prevention_scale))", DMNL, "Effect prevention would have once mature (saturating, 003 L575).", "demo")
m.aux("prevention_effect", "DELAY3(prevention_effect_target, prevention_lag_years * weeks_per_year, 0)", DMNL,
      "Reduction of new care needs, arriving over 1-5 years (third-order delay starting from none, 003 L286).",
      "demo")

# ------------------------------------------------------------------ 2. front door
m.stock("at_front_door", 180, P, "People in contact with the front door, being triaged (about half a week of "
        "requests).", "door", (1850, 420))
m.stock("awaiting_assessment", 125, P, "People waiting for a Care Act assessment (initial value " + A.lower() +
        ").", "door", (2400, 420))
S("triage_time", 0.5, W, A + ": time to triage a request; range 0.25-2.", "door", (0.25, 2))
S("front_door_resolution_share", 0.67, DMNL, "Lever target: share of requests resolved by advice, information or "
  "community connection: typically 67% (004 L1238); Somerset went from ~30% to over 60% (004 L1276) plus 15% at "
  "triage (004 L1278).", "door", (0.2, 0.9))
S("support_duration", 38.1, W, "Weeks a community solution holds before needs rise again (004 L759).", "door",
  (20, 80))
m.flow("resolved_at_front_door", "at_front_door / triage_time * front_door_resolution_share", PW,
       "Requests resolved without formal care (004 L1238).", "door", frm="at_front_door",
       to="community_supported")
m.flow("referred_for_assessment", "at_front_door / triage_time * (1 - front_door_resolution_share)", PW,
       "Requests passed on for assessment.", "door", frm="at_front_door", to="awaiting_assessment")
m.flow("needs_return_after_support", "community_supported / support_duration", PW,
       "The community solution wears off and needs rise (004 L759, loop B4).", "door", frm="community_supported",
       to="community_with_needs", route=[(2100, 185), (2100, 330), (790, 330), (790, 395)])
m.flow("deaths_while_supported", "community_supported * mortality_with_needs / weeks_per_year", PW,
       "Counted exit: deaths.", "door", frm="community_supported")
S("assessor_wte", 62, WTE, A + ": social workers and assessors (WTE) doing assessments and reviews; range 30-90.",
  "door", (30, 90))
S("assessments_per_assessor", 2.6, "people/(wte*week)", A + ": assessments each WTE completes a week; range "
  "1.5-4.", "door", (1.5, 4))
S("minimum_assessment_time", 1, W, A + ": shortest time from referral to a completed assessment; range 0.5-3.",
  "door", (0.5, 3))
m.aux("assessment_capacity", "assessor_wte * assessments_per_assessor", PW, "Assessments possible a week.", "door")
m.aux("assessments_completed", "MIN(awaiting_assessment / minimum_assessment_time, assessment_capacity)", PW,
      "Assessments completed a week.", "door")
S("older_share_of_requests", 0.65, DMNL, A + ": share of community requests from people aged 65+ (ASCFR-type "
  "figure, not in the seeds); range 0.5-0.8.", "door", (0.5, 0.8))
S("new_contact_care_home_share", 0.10, DMNL, "Lever target: share of older people's assessed new contacts whose "
  "outcome is a care home; strengths-based practice took the long-term-care outcome share from ~10% to ~5% "
  "(003 L553).", "door", (0.02, 0.2))
S("care_home_diversion_share", 0, DMNL, "Lever target: share of older people's care-home admissions diverted to "
  "home-based care: at least 18%, up to 50% locally (004 L649, L657).", "door", (0, 0.5))
S("community_home_based_share", 0.40, DMNL, A + ": share of completed community assessments that need home-based "
  "support (reablement or home care), calibrated to ~3,500 short-term episodes a year (004 L161 x 1.33%); range "
  "0.25-0.55.", "door", (0.25, 0.55))
S("community_reablement_weight", 4.1, DMNL, A + ": how much more often a community assessment needing home-based "
  "support is routed to reablement than the overall referral share (calibrated, as above); range 2-6.", "door",
  (2, 6))
S("working_age_support_share", 0.12, DMNL, A + ": share of completed assessments that lead to working-age "
  "long-term support (learning disability, mental health, physical disability); range 0.06-0.2.", "door",
  (0.06, 0.2))
S("independent_decision_factor", 1, DMNL, "Lever target: multiplier on the share of assessments deciding 'no "
  "long-term care' (strengths-based practice: +30% more independent outcomes, 004 L1309, L1485).", "door",
  (0.5, 2))
m.aux("share_to_reablement", "community_home_based_share * MIN(1, reablement_referral_share * "
      "community_reablement_weight)", DMNL, "Share of completed assessments routed to reablement.", "door")
m.aux("share_to_care_home", "older_share_of_requests * new_contact_care_home_share * (1 - "
      "care_home_diversion_share)", DMNL, "Share of completed assessments going to a care home.", "door")
m.aux("share_diverted_to_home_care", "older_share_of_requests * new_contact_care_home_share * "
      "care_home_diversion_share", DMNL, "Care-home outcomes diverted to home-based care (004 L649).", "door")
m.aux("base_share_no_long_term_care", "MAX(0, 1 - community_home_based_share - older_share_of_requests * "
      "new_contact_care_home_share - working_age_support_share)", DMNL,
      "Share of assessments deciding no long-term care before strengths-based practice.", "door")
m.aux("share_no_long_term_care", "MIN(base_share_no_long_term_care * independent_decision_factor, 1 - "
      "share_to_reablement - share_to_care_home - share_diverted_to_home_care)", DMNL,
      "Share of assessments deciding no long-term care: information, equipment, a community solution.", "door")
m.aux("share_long_term_before_tightening", "MAX(0, 1 - share_to_reablement - share_to_care_home - "
      "share_diverted_to_home_care - share_no_long_term_care)", DMNL,
      "What is left for long-term home care and working-age support.", "door")
m.aux("share_refused_by_tightening", "share_long_term_before_tightening * eligibility_tightening", DMNL,
      "People refused a service because eligibility was tightened under budget pressure (000, 002-003 loop: "
      "austerity and gatekeeping).", "door")
m.aux("community_reablement_demand", "assessments_completed * share_to_reablement", PW,
      "Community referrals to reablement.", "door")
m.flow("community_reablement_starts", "MIN(community_reablement_demand, MAX(0, reablement_start_capacity - "
       "hospital_reablement_starts))", PW, "Community referrals that start reablement (hospital referrals come "
       "first).", "short", frm="awaiting_assessment", to="in_reablement",
       route=[(2445, 450), (2640, 450), (2640, 980), (2430, 980), (2430, 1035)])  # clear of the stock's name
m.flow("reablement_overflow_to_home_care", "community_reablement_demand - community_reablement_starts", PW,
       "Referrals reablement had no room for: they wait for a long-term package instead (004 L922: capacity "
       "explains 16% of missed reablement).", "door", frm="awaiting_assessment", to="awaiting_home_care",
       route=[(2445, 408), (3055, 408)])  # beside assessed_to_home_care's pipe, not on it
m.flow("assessed_to_home_care", "assessments_completed * (share_long_term_before_tightening * (1 - "
       "eligibility_tightening) * MAX(0, community_home_based_share - share_to_reablement) / MAX(0.0001, "
       "MAX(0, community_home_based_share - share_to_reablement) + working_age_support_share) + "
       "share_diverted_to_home_care)", PW, "Assessed as needing long-term home care.", "door",
       frm="awaiting_assessment", to="awaiting_home_care")
m.flow("assessed_to_working_age_support", "assessments_completed * share_long_term_before_tightening * (1 - "
       "eligibility_tightening) * working_age_support_share / MAX(0.0001, MAX(0, community_home_based_share - "
       "share_to_reablement) + working_age_support_share)", PW, "Assessed as needing working-age long-term "
       "support.", "door", frm="awaiting_assessment", to="working_age_long_term_support", route=[(2445, 440), (2700, 440), (2700, 1400), (3555, 1400)])
m.flow("assessed_to_care_home", "assessments_completed * share_to_care_home", PW,
       "Older people placed in a care home from the community (two in three admissions, 004 L649).", "door",
       frm="awaiting_assessment", to="people_in_care_homes", route=[(2445, 430), (2680, 430), (2680, 920), (3555, 920)])
m.flow("assessed_no_long_term_care", "assessments_completed * share_no_long_term_care", PW,
       "Assessed, no long-term care: back to the community with a solution.", "door", frm="awaiting_assessment",
       to="community_supported")
m.flow("refused_after_assessment", "assessments_completed * share_refused_by_tightening", PW,
       "Refused under tightened eligibility: back to the community with unmet needs.", "door",
       frm="awaiting_assessment", to="community_with_needs",
       route=[(2370, 445), (2370, 620), (730, 620), (730, 445)])

# ------------------------------------------------------------------ 3. hospital and discharge
m.stock("in_acute_treatment", 930, P, "Older people in acute beds still being treated (initial value: admissions "
        "x treatment time).", "hosp", (330, 1060))
m.stock("awaiting_discharge", 360, P, "Older people medically fit for discharge still in an acute bed, waiting "
        "for a decision or a service (27% of acute beds, 004 L1118).", "hosp", (800, 1060))
m.stock("interim_care_home_beds", 40, P, "People discharged to a spot-purchased care-home bed 'to assess' "
        "(004 L2095-2097).", "hosp", (1300, 1300))
S("admission_rate_65_84", 0.15, PERYEAR, A + ": emergency admissions a year per person 65-84 (HES-type figure, "
  "not in the seeds); range 0.1-0.2.", "hosp", (0.1, 0.2))
S("admission_rate_85_plus", 0.45, PERYEAR, A + ": emergency admissions a year per person 85+; range 0.3-0.6.",
  "hosp", (0.3, 0.6))
S("unmet_need_admission_elasticity", 0.5, DMNL, A + ": rise in emergency admissions per unit rise of unmet need "
  "(S2 L948: people wait until crisis); range 0-1.", "hosp", (0, 1))
m.flow("emergency_admissions", "(people_65_84 * admission_rate_65_84 + people_85_plus * admission_rate_85_plus) / "
       "weeks_per_year * MAX(0.5, 1 + unmet_need_admission_elasticity * (unmet_need_index - 1))", PW,
       "Counted entry: older people's emergency admissions.", "hosp", to="in_acute_treatment")
S("acute_treatment_time", 1.5, W, A + ": acute stay until medically fit; range 1-2.5.", "hosp", (1, 2.5))
S("in_hospital_mortality", 0.05, DMNL, A + ": share of older emergency patients who die in hospital; range "
  "0.03-0.08.", "hosp", (0.03, 0.08))
S("supported_discharge_share", 0.195, DMNL, A + ": share of patients leaving who need social care (calibrated so "
  "hospital referrals are about 35% of older people's requests, 004 L1088); range 0.12-0.3.", "hosp", (0.12, 0.3))
m.aux("becoming_medically_fit", "in_acute_treatment / acute_treatment_time * (1 - in_hospital_mortality)", PW,
      "Patients declared medically fit each week.", "hosp")
m.flow("deaths_in_hospital", "in_acute_treatment / acute_treatment_time * in_hospital_mortality", PW,
       "Counted exit: deaths.", "hosp", frm="in_acute_treatment")
m.flow("discharged_without_support", "becoming_medically_fit * (1 - supported_discharge_share)", PW,
       "Counted exit: home with no social care.", "hosp", frm="in_acute_treatment")
m.flow("fit_needing_support", "becoming_medically_fit * supported_discharge_share", PW,
       "Medically fit, needing social care to leave: referrals from hospital (004 L1088).", "hosp",
       frm="in_acute_treatment", to="awaiting_discharge")
S("discharge_planning_time", 3.0, W, A + ": time to decide and arrange a supported discharge when services have "
  "room (004 L1118: people wait for decisions as well as services), calibrated so 27% of acute beds hold "
  "medically fit people; range 1-4.", "hosp", (1, 4))
S("hospital_home_based_share", 0.60, DMNL, A + ": share of supported discharges needing home-based support "
  "(reablement or home care); range 0.4-0.8.", "hosp", (0.4, 0.8))
S("hospital_reablement_weight", 4.2, DMNL, A + ": how much more often home-based hospital discharges go to "
  "reablement than the overall referral share (calibrated, 004 L889: reablement usually follows a hospital stay); "
  "range 2-6.", "hosp", (2, 6))
S("hospital_care_home_share", 0.04, DMNL, A + ": share of supported discharges to a care home, calibrated so one "
  "in three older admissions comes from hospital (004 L649); range 0.02-0.1.", "hosp", (0.02, 0.1))
S("d2a_care_home_factor", 1, DMNL, "Lever target: multiplier on the discharge-to-care-home share (D2A: x0.5, "
  "004 L2083).", "hosp", (0.3, 1.5))
S("d2a_home_support_factor", 1, DMNL, "Lever target: multiplier on discharge home with support (D2A: x1.3, "
  "004 L2084).", "hosp", (0.5, 2))
S("d2a_reablement_factor", 1, DMNL, "Lever target: multiplier on discharge home with reablement (D2A: x3, "
  "004 L2085).", "hosp", (0.5, 3))
m.aux("reablement_share_of_home_based", "MIN(1, reablement_referral_share * hospital_reablement_weight)", DMNL,
      "Share of home-based discharges offered reablement first.", "hosp")
m.aux("raw_share_reablement", "hospital_home_based_share * reablement_share_of_home_based * "
      "d2a_reablement_factor", DMNL, "Discharge-to-reablement share before normalising.", "hosp")
m.aux("raw_share_home_care", "hospital_home_based_share * (1 - reablement_share_of_home_based) * "
      "d2a_home_support_factor + hospital_care_home_share * d2a_care_home_factor * care_home_diversion_share", DMNL,
      "Discharge-to-home-care share before normalising (diverted care-home admissions included).", "hosp")
m.aux("raw_share_care_home", "hospital_care_home_share * d2a_care_home_factor * (1 - care_home_diversion_share)",
      DMNL, "Discharge-to-care-home share before normalising.", "hosp")
m.aux("pathway_total", "raw_share_reablement + raw_share_home_care", DMNL,
      "Sum of the home-based pathways after the discharge-to-assess factors.", "hosp")
m.aux("supported_pathway_share", "MIN(1, hospital_home_based_share + hospital_care_home_share * "
      "d2a_care_home_factor)", DMNL, "Share of supported discharges that need reablement, home care or a care "
      "home. Discharge to assess changes the home-based mix within the home-based share (004 L2083-2085 compare "
      "'actual' and 'best' for the same people) and scales the care-home route by its own factor, so a halved "
      "care-home route is halved (004 L2083); the places it frees go home.", "hosp")
m.aux("pathway_scale", "XIDZ(hospital_home_based_share + hospital_care_home_share * d2a_care_home_factor * "
      "care_home_diversion_share, pathway_total, 0)", DMNL,
      "Scales the home-based pathway shares back to the home-based share (plus diverted care-home admissions).",
      "hosp")
m.aux("discharges_ready", "awaiting_discharge / discharge_planning_time", PW,
      "Supported discharges that could happen this week if services had room.", "hosp")
m.aux("hospital_reablement_demand", "discharges_ready * raw_share_reablement * pathway_scale", PW,
      "Discharges wanting reablement.", "hosp")
m.aux("hospital_home_care_demand", "discharges_ready * raw_share_home_care * pathway_scale", PW,
      "Discharges wanting a home-care package.", "hosp")
m.flow("hospital_reablement_starts", "MIN(hospital_reablement_demand, reablement_start_capacity)", PW,
       "Discharges home with reablement (limited by reablement capacity).", "short", frm="awaiting_discharge",
       to="in_reablement")
m.flow("hospital_home_care_starts", "MIN(hospital_home_care_demand, home_care_start_capacity)", PW,
       "Discharges home with a care package (limited by home-care capacity).", "ltc", frm="awaiting_discharge",
       to="people_in_home_care", route=[(790, 1035), (790, 895), (2860, 895), (2860, 470), (3590, 470), (3590, 445)])
m.flow("discharged_to_care_home", "discharges_ready * raw_share_care_home", PW,
       "Discharges straight to a long-term care-home place (one in three admissions, 004 L649).", "hosp",
       frm="awaiting_discharge", to="people_in_care_homes", route=[(820, 1035), (820, 905), (3555, 905)])
m.flow("discharged_home_other", "discharges_ready * (1 - supported_pathway_share)", PW,
       "Counted exit: home with equipment, NHS community care or no ongoing social care.", "hosp",
       frm="awaiting_discharge")
m.aux("unmet_discharge_demand", "hospital_reablement_demand - hospital_reablement_starts + "
      "hospital_home_care_demand - hospital_home_care_starts", PW,
      "Discharges held up because reablement or home care is full.", "hosp")
S("spot_bed_share", 0.2, DMNL, A + ": share of held-up discharges placed each week in a spot care-home bed "
  "instead (004 L2095: 'a typical local authority reaction'); range 0-0.6.", "hosp", (0, 0.6))
S("interim_stay", 13, W, "Weeks in a spot bed before the outcome is known: 'three months later' (004 L2099).",
  "hosp", (6, 26))
S("permanent_after_interim_share", 0.45, DMNL, "Share of spot-bed residents needing permanent bedded care three "
  "months later (004 L2099).", "hosp", (0.1, 0.6))
m.flow("spot_bed_placements", "unmet_discharge_demand * spot_bed_share", PW,
       "Held-up discharges sent to a spot care-home bed (004 L2095-2097).", "hosp", frm="awaiting_discharge",
       to="interim_care_home_beds", route=[(845, 1078), (1150, 1078), (1150, 1300), (1255, 1300)])  # not through a name
m.flow("interim_to_permanent_care", "interim_care_home_beds / interim_stay * permanent_after_interim_share", PW,
       "Spot-bed residents who end up in permanent care (45%, 004 L2099).", "hosp", frm="interim_care_home_beds",
       to="people_in_care_homes", route=[(1300, 1275), (1300, 912), (3555, 912)])
m.flow("interim_to_home_care", "interim_care_home_beds / interim_stay * (1 - permanent_after_interim_share)", PW,
       "Spot-bed residents who go home with a package.", "hosp", frm="interim_care_home_beds",
       to="people_in_home_care",
       route=[(1310, 1275), (1310, 888), (2870, 888), (2870, 460), (3610, 460), (3610, 445)], label_at=2)
S("acute_beds", 1330, P, A + ": general acute bed places for the county (~100,000 in England x 1.33%, not in the "
  "seeds); range 1,000-1,700.", "hosp", (1000, 1700))
S("days_per_year", 365.25, "days/year", "Definition.", "hosp", None)
S("delayed_bed_cost", 2000, "GBP/(people*week)", "Cost of a hospital bed for a delayed patient: over GBP 2,000 a "
  "week (004 L1122).", "hosp", (1500, 3000))
m.aux("share_of_beds_medically_fit", "awaiting_discharge / acute_beds", DMNL,
      "Outcome: share of acute beds held by people medically fit to leave (27%, 004 L1118).", "hosp")
m.aux("delayed_bed_days", "awaiting_discharge * days_per_year", "people*days/year",
      "Outcome: delayed-discharge bed-days a year.", "hosp")
m.aux("nhs_delay_cost", "awaiting_discharge * delayed_bed_cost * weeks_per_year", GBPY,
      "Outcome: NHS cost of delayed discharges a year (GBP 2,000+ a week a bed, 004 L1122).", "hosp")

# ------------------------------------------------------------------ 4. short-term services
m.stock("in_reablement", 400, P, "People receiving reablement (initial value: ~67 starts a week x 6 weeks).",
        "short", (2400, 1060))
S("reablement_referral_share", 0.14, DMNL, "Lever target: share of hospital discharges and community requests "
  "routed to reablement (about 3,500 episodes for 25,000 requests, 004 L157, L161); +40% is the national "
  "opportunity (004 L633), almost x2 locally (004 L922).", "short", (0.05, 0.3))
S("reablement_staff", 165, WTE, "Lever target: reablement workers (WTE), derived: ~3,500 episodes a year (004 L161 "
  "x 1.33%) at about GBP 1,243 each (GBP 8,700 / 7, 004 L877) and GBP 27,000 a WTE.", "short", (0, 400))
S("reablement_clients_per_wte", 2.5, "people/wte", A + ": people on a reablement worker's caseload at once; range "
  "1.5-4.", "short", (1.5, 4))
S("reablement_length_of_stay", 6, W, "Lever target: weeks per reablement episode, 2-6 (004 L889); Derbyshire could "
  "halve it (004 L1824).", "short", (2, 8))
S("reablement_independence_share", 0.6, DMNL, "Lever target: share leaving reablement with no ongoing care. "
  + A + " (the seeds give no base rate; +15-17% is the improvement, 004 L928, L2134); range 0.3-0.8.", "short",
  (0.3, 0.8))
S("reablement_care_home_share", 0.02, DMNL, A + ": share leaving reablement for a care home; range 0.01-0.1.",
  "short", (0.01, 0.1))
S("post_reablement_package_factor", 0.3, DMNL, A + ": size of a package after reablement relative to one without "
  "it (004 L924: end need vs start need), set so that +40% short-term services returns several times its cost "
  "as in 004 L877; range 0.1-0.9.", "short", (0.1, 0.9))
m.aux("effective_reablement_staff", "reablement_staff * short_term_funding_factor", WTE,
      "Reablement staff after any short-term cut under budget pressure.", "short")
m.aux("reablement_places", "effective_reablement_staff * reablement_clients_per_wte", P,
      "People reablement can hold at once.", "short")
m.aux("reablement_start_capacity", "reablement_places / reablement_length_of_stay", PW,
      "Reablement capacity = staff / length of stay (004 L889, loop R4).", "short")
m.aux("reablement_completions", "in_reablement / reablement_length_of_stay", PW, "Episodes ending a week.",
      "short")
m.flow("reablement_to_independence", "reablement_completions * reablement_independence_share", PW,
       "Counted exit: independent, no ongoing care.", "short", frm="in_reablement")
m.flow("reablement_to_home_care", "reablement_completions * (1 - reablement_independence_share - "
       "reablement_care_home_share)", PW, "Leaving reablement with a (smaller) package.", "short",
       frm="in_reablement", to="people_in_home_care", route=[(2445, 1050), (2850, 1050), (2850, 465), (3600, 465), (3600, 445)])
m.flow("reablement_to_care_home", "reablement_completions * reablement_care_home_share", PW,
       "Leaving reablement for a care home.", "short", frm="in_reablement", to="people_in_care_homes", route=[(2445, 1070), (3620, 1070), (3620, 925)])
m.aux("short_term_episodes_per_year", "(hospital_reablement_starts + community_reablement_starts) * "
      "weeks_per_year", PY, "Outcome: reablement episodes a year (~3,500 = 261,605 x 1.33%, 004 L161).", "short")
m.aux("share_independent_after_reablement", "XIDZ(reablement_to_independence, reablement_completions, "
      "reablement_independence_share)", DMNL, "Outcome: share independent after reablement (004 L924).", "short")

# ------------------------------------------------------------------ 5. long-term care
m.stock("awaiting_home_care", 150, P, "People assessed and waiting for a home-care package (initial value "
        + A.lower() + ").", "ltc", (3100, 420))
m.stock("people_in_home_care", 5400, P, "Publicly funded long-term home care and direct payments, all ages "
        "(older adults: up to 225,000 nationally, 004 L687).", "ltc", (3600, 420))
m.stock("home_care_hours_committed", 33500, HW, "Hours a week in current care plans: a co-flow of the people in "
        "home care (004 notes: package size as a co-flow). Initial value: 5,400 people x ~6.2 hours (smaller packages after reablement).", "ltc", (3600, 160))
m.stock("people_in_care_homes", 3000, P, "Older people in publicly funded residential and nursing care.", "ltc",
        (3600, 900))
m.stock("working_age_long_term_support", 3100, P, "Working-age adults with long-term support (learning "
        "disability 104,000 + 27,000 nationally, 004 L641, L673; mental health; physical disability).", "ltc",
        (3600, 1400))
m.stock("self_funded_care_home_residents", 2800, P, "Self-funders in care homes: 53% of residents in county areas "
        "(004 L366).", "ltc", (4100, 900))
S("new_package_hours", 7.3, "hours/(people*week)", "Average hours a week of a new home-care package, derived: "
  "older adults' home care ~GBP 1.5bn (004 L689-693) / 225,000 people (004 L687) / GBP 17.48 an hour (004 L881) "
  "/ 52 weeks.", "ltc", (4, 14))
S("home_care_hours_factor", 1, DMNL, "Lever target: multiplier on home-care hours per person (trusted reviews -5%, "
  "004 L689; the front door's -4.7%, 004 L677, is a total that the model gets from fewer packages).", "ltc",
  (0.7, 1.2))
S("package_setup_time", 1, W, A + ": time to set up a package once a carer is free; range 0.5-3.", "ltc", (0.5, 3))
S("home_care_package_duration", 72, W, "Average duration of a long-term home-care package (004 L881).", "ltc",
  (40, 120))
S("home_care_escalation_share", 0.025, DMNL, A + ": share of ended packages that end in a care home (need "
  "escalation, 004 L759); range 0.02-0.1.", "ltc", (0.02, 0.1))
S("care_home_stay_years", 3, Y, A + ": mean stay in a care home: 'several years' (004 L1124); range 2-4.", "ltc",
  (2, 4))
S("working_age_support_years", 4, Y, A + ": mean duration of working-age long-term support; range 3-10.", "ltc",
  (3, 10))
S("self_funder_admissions_per_year", 1100, PY, A + ": self-funded care-home admissions a year (53% self-funders, "
  "004 L366, held level); range 500-1,300.", "ltc", (500, 1300))
S("self_funder_spend_down_rate", 0.06, PERYEAR, A + ": share of self-funders whose money runs out each year, who "
  "then turn to the council (004 L368, L2056; no figure given); range 0.05-0.2.", "ltc", (0.05, 0.2))
m.aux("average_hours_per_person", "XIDZ(home_care_hours_committed, people_in_home_care, new_package_hours)",
      "hours/(people*week)", "Average hours a week per person in home care.", "ltc")
m.aux("home_care_start_capacity", "MAX(0, home_care_capacity_hours - home_care_hours_needed) / "
      "(new_package_hours * home_care_hours_factor) / package_setup_time", PW,
      "New packages the workforce can take on a week.", "ltc")
m.flow("home_care_starts_from_community", "MIN(awaiting_home_care / package_setup_time, MAX(0, "
       "home_care_start_capacity - hospital_home_care_starts))", PW,
       "Packages starting for people waiting at home (hospital discharges come first).", "ltc",
       frm="awaiting_home_care", to="people_in_home_care")
m.flow("home_care_escalation_to_care_home", "people_in_home_care / home_care_package_duration * "
       "home_care_escalation_share", PW, "Needs outgrow home care.", "ltc", frm="people_in_home_care",
       to="people_in_care_homes")
m.flow("home_care_ends", "people_in_home_care / home_care_package_duration * (1 - home_care_escalation_share)",
       PW, "Counted exit: package ends (death, recovery, moving away).", "ltc", frm="people_in_home_care")
m.flow("hours_added", "(hospital_home_care_starts + home_care_starts_from_community + interim_to_home_care) * "
       "new_package_hours + reablement_to_home_care * new_package_hours * post_reablement_package_factor",
       "hours/week/week", "Hours a week added by new packages (smaller after reablement).", "ltc",
       to="home_care_hours_committed")
m.flow("hours_removed", "(home_care_escalation_to_care_home + home_care_ends) * average_hours_per_person",
       "hours/week/week", "Hours a week released as packages end.", "ltc", frm="home_care_hours_committed")
m.flow("care_home_exits", "people_in_care_homes / (care_home_stay_years * weeks_per_year)", PW,
       "Counted exit: deaths in care homes.", "ltc", frm="people_in_care_homes")
m.flow("working_age_support_exits", "working_age_long_term_support / (working_age_support_years * "
       "weeks_per_year)", PW, "Counted exit: support ends (moves, recovery, death, transition counted as exit).",
       "ltc", frm="working_age_long_term_support")
m.flow("self_funder_admissions", "self_funder_admissions_per_year / weeks_per_year", PW,
       "Counted entry: self-funded care-home admissions.", "ltc", to="self_funded_care_home_residents",
       route=[(4100, 700), (4100, 875)])
m.flow("spend_down_to_council", "self_funded_care_home_residents * self_funder_spend_down_rate / "
       "weeks_per_year", PW, "Self-funders whose money runs out (004 L368, loop R6).", "ltc",
       frm="self_funded_care_home_residents", to="people_in_care_homes")
m.flow("self_funder_exits", "self_funded_care_home_residents / (care_home_stay_years * weeks_per_year)", PW,
       "Counted exit: deaths.", "ltc", frm="self_funded_care_home_residents")
m.aux("home_care_hours_needed", "home_care_hours_committed * home_care_hours_factor * (1 + package_drift)", HW,
      "Hours a week the care plans call for.", "ltc")
m.aux("home_care_hours", "MIN(home_care_hours_needed, home_care_capacity_hours)", HW,
      "Outcome: home-care hours delivered a week.", "ltc")
m.aux("care_home_admissions_from_hospital", "(discharged_to_care_home + interim_to_permanent_care) * "
      "weeks_per_year", PY, "Care-home admissions that follow a hospital stay.", "ltc")
m.aux("care_home_admissions_per_year", "(assessed_to_care_home + home_care_escalation_to_care_home + "
      "reablement_to_care_home) * weeks_per_year + care_home_admissions_from_hospital", PY,
      "Outcome: older people's publicly funded care-home admissions a year (~800 = 60,000 x 1.33%, 004 L649).",
      "ltc")
m.aux("share_of_admissions_from_hospital", "XIDZ(care_home_admissions_from_hospital, "
      "care_home_admissions_per_year, 0)", DMNL, "One in three (004 L649).", "ltc")
m.aux("people_in_long_term_care", "people_in_home_care + people_in_care_homes + working_age_long_term_support",
      P, "Publicly funded long-term care, all settings (~11,000 = 838,530 x 1.33%, 004 L161).", "ltc")
m.aux("people_waiting", "awaiting_assessment + awaiting_home_care + awaiting_discharge", P,
      "Outcome: people waiting for an assessment, a package, or to leave hospital.", "ltc")
# reviews (trusted providers)
S("reviews_per_assessor", 0.9, "people/(wte*week)", A + ": reviews a WTE completes a week besides assessments; "
  "range 0.3-1.5.", "ltc", (0.3, 1.5))
S("review_capacity_factor", 1, DMNL, "Lever target: multiplier on review capacity (trusted provider-led reviews, "
  "004 L1406-1414).", "ltc", (0.5, 3))
S("max_package_drift", 0.10, DMNL, A + ": extra hours packages drift to when never reviewed (004 L1351: time-and-"
  "task keeps packages high); trusted reviews remove ~5% (004 L689); range 0.05-0.2.", "ltc", (0.05, 0.2))
m.aux("review_coverage", "MIN(1, assessor_wte * reviews_per_assessor * review_capacity_factor / MAX(1, "
      "people_in_home_care / weeks_per_year))", DMNL, "Share of annual reviews that happen.", "ltc")
m.aux("package_drift", "max_package_drift * (1 - review_coverage)", DMNL, "Hours above the care plan because "
      "reviews are overdue (loop B2).", "ltc")
m.aux("overdue_reviews", "people_in_home_care * (1 - review_coverage)", P, "People whose annual review is "
      "overdue (004 L1539).", "ltc")

# ------------------------------------------------------------------ 6. workforce
m.stock("home_care_workers", 1800, WTE, "Home-care workers (WTE) for publicly funded care. " + A + " (county "
        "share of 1.65 million ASC jobs, 004 L174, not split by service); range 1,400-2,400.", "work", (3400, 1980))
S("productive_hours_per_worker", 20.5, "hours/(wte*week)", A + ": contact hours a week per WTE (travel unpaid, "
  "004 L1929); range 15-28.", "work", (15, 28))
S("funded_post_margin", 0.10, DMNL, A + ": posts funded above the hours in care plans (cover, travel, growth); "
  "range 0-0.2.", "work", (0, 0.2))
S("base_turnover_rate", 0.30, PERYEAR, "Turnover of independent-sector care workers, ~30% a year (004 L1850).",
  "work", (0.13, 0.45))
S("care_worker_pay_ratio", 0.95, DMNL, "Lever target: care-worker pay relative to retail pay. " + A + ": 0.95, "
  "retail now pays more (004 L1929-1931); range 0.8-1.3.", "work", (0.8, 1.3))
S("time_to_fill_vacancy", 10, W, A + ": weeks to fill a vacancy; range 4-26.", "work", (4, 26))
m.aux("turnover_pay_effect", "care_worker_pay_ratio", DMNL, A + ": turnover multiplier against pay; 1.1 x retail "
      "gives ~23% (Scotland below 22.9%, 004 L1935).", "work",
      gf=([0.7, 0.8, 0.9, 0.95, 1.0, 1.1, 1.2, 1.3], [1.5, 1.3, 1.1, 1.0, 0.9, 0.76, 0.66, 0.6]))
m.aux("recruitment_pay_effect", "care_worker_pay_ratio", DMNL, A + ": recruitment multiplier against pay (low pay "
      "is the main reason cited, 004 L1879).", "work",
      gf=([0.7, 0.8, 0.9, 0.95, 1.0, 1.1, 1.2, 1.3], [0.5, 0.7, 0.9, 1.0, 1.1, 1.25, 1.4, 1.5]))
m.aux("home_care_turnover_rate", "base_turnover_rate * turnover_pay_effect", PERYEAR, "Outcome: turnover a year.",
      "work")
m.aux("home_care_capacity_hours", "home_care_workers * productive_hours_per_worker", HW,
      "Home-care hours the workforce can deliver a week.", "work")
m.aux("funded_home_care_posts", "(home_care_hours_committed * home_care_hours_factor * (1 + package_drift) + "
      "awaiting_home_care * new_package_hours) * (1 + funded_post_margin) / productive_hours_per_worker", WTE,
      "Posts the commissioned hours pay for.", "work")
m.aux("vacancies", "MAX(0, funded_home_care_posts - home_care_workers)", WTE,
      "Outcome: home-care vacancies (WTE). The seeds give no vacancy rate (004 notes).", "work")
m.aux("vacancy_rate", "XIDZ(vacancies, funded_home_care_posts, 0)", DMNL, "Vacancies / funded posts.", "work")
m.flow("recruitment", "vacancies / time_to_fill_vacancy * recruitment_pay_effect", "wte/week",
       "Counted entry: new starters.", "work", to="home_care_workers")
m.flow("leavers", "home_care_workers * home_care_turnover_rate / weeks_per_year", "wte/week",
       "Counted exit: leavers (turnover).", "work", frm="home_care_workers")

# ------------------------------------------------------------------ 7. money
S("home_care_cost_per_hour", 17.48, "GBP/hours", "All-up cost of an hour of home care (004 L881).", "money",
  (15, 25))
S("care_home_cost_per_week", 650, "GBP/(people*week)", "Cost of a care-home bed for an older person: over GBP 650 "
  "a week (004 L1124).", "money", (500, 1000))
S("reablement_cost_per_wte", 27000, "GBP/(wte*year)", "Derived: GBP 1,243 an episode (GBP 8,700 / 7, 004 L877) x "
  "3,500 episodes / 160 WTE.", "money", (20000, 40000))
S("working_age_support_cost_per_week", 600, "GBP/(people*week)", A + ": average weekly cost of working-age "
  "support (learning disability has the highest unit costs, 004 L358); range 300-1,200.", "money", (300, 1200))
S("assessor_cost_per_wte", 50000, "GBP/(wte*year)", A + ": cost of a social worker or assessor; range "
  "40,000-65,000.", "money", (40000, 65000))
S("gbp_per_million", 1000000, "GBP/GBPm", "Definition.", "money", None)
S("council_budget_2025", 242e6, GBPY, "Calibrated: 2025 budget about 2% above the model's 2025 spend; "
  "range 150-250 million.", "money", (150e6, 250e6))
S("budget_growth_rate", 0.025, PERYEAR, A + ": yearly growth of the council's care budget; range 0-0.06.",
  "money", (0, 0.06))
S("central_funding_share", 0.33, DMNL, "Share of county care costs met by government funding (004 L380).",
  "money", (0.2, 0.5))
S("temporary_grant_share", 0.59, DMNL, "Lever target: share of central funding that comes as temporary grants "
  "(004 L414).", "money", (0, 1))
S("temporary_grant_end_year", 99, Y, A + ": year (from 2025) at which temporary grants stop; 99 = they never "
  "stop in this run (the grant cliff scenario sets 3); range 1-99.", "money", (1, 99))
S("invest_to_save_allowed", 1, DMNL, "Lever target: 1 if the council may keep spending now to save later under "
  "budget pressure, 0 if short-term rules cut reablement and prevention first (004 L414-420; S2 L1082).", "money",
  (0, 1))
S("budget_response_time", 26, W, A + ": weeks for budget pressure to turn into decisions (half a budget year); "
  "range 8-52.", "money", (8, 52))
m.aux("home_care_spend", "home_care_hours * home_care_cost_per_hour", GBPW, "Home care spend a week.", "money")
m.aux("care_home_spend", "(people_in_care_homes + interim_care_home_beds) * care_home_cost_per_week", GBPW,
      "Care-home spend a week (long-term and spot beds).", "money")
m.aux("reablement_spend", "effective_reablement_staff * reablement_cost_per_wte / weeks_per_year", GBPW,
      "Reablement spend a week.", "money")
m.aux("working_age_support_spend", "working_age_long_term_support * working_age_support_cost_per_week", GBPW,
      "Working-age support spend a week.", "money")
m.aux("assessment_spend", "assessor_wte * assessor_cost_per_wte / weeks_per_year", GBPW,
      "Front door and assessment staff a week.", "money")
m.aux("prevention_spend", "effective_prevention_investment * gbp_per_million / weeks_per_year", GBPW,
      "Prevention spend a week.", "money")
m.aux("council_spend_per_week", "home_care_spend + care_home_spend + reablement_spend + working_age_support_spend "
      "+ assessment_spend + prevention_spend", GBPW, "Council adult social care spend a week.", "money")
m.aux("council_spend", "council_spend_per_week * weeks_per_year", GBPY, "Outcome: council spend a year.", "money")
m.aux("grant_loss", "central_funding_share * temporary_grant_share * STEP(1, temporary_grant_end_year * "
      "weeks_per_year)", DMNL, "Share of the budget lost when temporary grants stop (the grant cliff).", "money")
m.aux("council_budget", "council_budget_2025 * EXP(budget_growth_rate * simulation_year) * (1 - grant_loss)", GBPY,
      "Council adult social care budget a year.", "money")
m.aux("budget_pressure", "council_spend / council_budget", DMNL, "Spend / budget.", "money")
m.aux("perceived_budget_pressure", "SMTH1(budget_pressure, budget_response_time, 1)", DMNL,
      "Budget pressure as it reaches decisions.", "money")
m.aux("eligibility_tightening", "perceived_budget_pressure", DMNL, A + ": share of long-term-care decisions "
      "refused as eligibility tightens under budget pressure (000, 002-003 austerity loop); zero at or below "
      "budget.", "money", gf=([0.9, 1.0, 1.1, 1.2, 1.4, 1.6], [0, 0, 0.1, 0.18, 0.28, 0.3]))
m.aux("short_term_cut", "perceived_budget_pressure", DMNL, A + ": share of reablement and prevention cut when "
      "invest-to-save is not allowed (004 L416: 'short-term, immediate savings').", "money",
      gf=([0.9, 1.0, 1.1, 1.2, 1.4, 1.6], [0, 0, 0.25, 0.45, 0.7, 0.8]))
m.aux("short_term_funding_factor", "1 - (1 - invest_to_save_allowed) * short_term_cut", DMNL,
      "1 = reablement and prevention fully funded.", "money")
m.stock("ledger_council_spend", 0, "GBP", "Ledger: council spend since 2025 (who pays).", "money", (330, 1980))
m.stock("ledger_council_invest_to_save", 0, "GBP", "Ledger: council spend on reablement and prevention since "
        "2025 (the investment).", "money", (1050, 1980))
m.stock("ledger_nhs_delay_cost", 0, "GBP", "Ledger: NHS cost of delayed discharges since 2025 (what the NHS "
        "saves when delays fall).", "money", (1770, 1980))
m.stock("ledger_council_long_term_care_spend", 0, "GBP", "Ledger: council spend on home care, care homes and "
        "working-age support since 2025 (what the council saves when demand falls).", "money", (2490, 1980))
m.flow("council_spending", "council_spend_per_week", GBPW, "Accrues council spend.", "money",
       to="ledger_council_spend")
m.flow("invest_to_save_spending", "reablement_spend + prevention_spend", GBPW, "Accrues reablement and "
       "prevention spend.", "money", to="ledger_council_invest_to_save")
m.flow("nhs_delay_spending", "nhs_delay_cost / weeks_per_year", GBPW, "Accrues the NHS delay cost.", "money",
       to="ledger_nhs_delay_cost")
m.flow("long_term_care_spending", "home_care_spend + care_home_spend + working_age_support_spend", GBPW,
       "Accrues long-term care spend.", "money", to="ledger_council_long_term_care_spend")

# The outcome measures of the domain README, shown first by comparisons and charts.
# The first three are what a strategy lead asks first; the workbench opens its charts on them.
m.outcomes = ["care_home_admissions_per_year", "delayed_bed_days", "council_spend", "people_in_care_homes",
              "share_independent_after_reablement", "home_care_hours", "people_waiting", "nhs_delay_cost",
              "vacancies", "requests_per_year",
              "short_term_episodes_per_year", "people_in_long_term_care", "ledger_council_spend",
              "ledger_council_invest_to_save", "ledger_nhs_delay_cost", "ledger_council_long_term_care_spend"]

# The front door and demography sectors hold many auxiliaries and aliases between their pipes: give the top
# row of sectors 200 more pixels (everything below moves down with it).
m.stretch(below=870, by=200)

PEOPLE_STOCKS = [v.name for v in m.vars if v.kind == "stock" and v.units == P]

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "..", "..", "models", "adult_social_care", "adult_social_care.xmile")
    with open(out, "w") as f:
        f.write(m.xmile("Adult social care: a county system", ""))
    print("wrote", os.path.normpath(out), len(m.vars), "variables")
    if "--check" in sys.argv:
        rows = m.simulate()
        names = ["requests_for_support", "fit_needing_support", "care_home_admissions_per_year",
                 "share_of_admissions_from_hospital", "short_term_episodes_per_year", "people_in_long_term_care",
                 "share_of_beds_medically_fit", "home_care_turnover_rate", "people_waiting", "council_spend",
                 "budget_pressure", "vacancies", "people_in_home_care", "people_in_care_homes",
                 "community_with_needs", "awaiting_assessment", "awaiting_home_care", "awaiting_discharge",
                 "in_reablement", "home_care_workers", "growth_of_65_plus", "unmet_discharge_demand",
                 "community_supported", "home_care_capacity_hours", "home_care_hours_needed"]
        for k in [0, 4 * 52, 4 * 261, 4 * 522]:
            r = rows[k]
            print("t=%g" % r["TIME"], " ".join("%s=%.4g" % (n, r[n] * (52.18 if n in (
                "requests_for_support", "fit_needing_support") else 1)) for n in names))
