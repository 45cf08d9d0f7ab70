"""Writes the four teaching models in models/teaching/<name>/<name>.xmile: delayed discharge, care-home
capacity, care workforce, prevention. Small on purpose: each shows one whole-system effect to a room.
Run: python3 scripts/models/gen_teaching.py [--check]."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from xmile_gen import DMNL, Model  # noqa: E402

P, PW, PY, W, Y = "people", "people/week", "people/year", "weeks", "years"
A = "Teaching assumption"


# The first sector of each model starts at x = -160 so that the clouds of the counted entries on the left
# (a pipe of at least 235 px ahead of the stock) sit inside it.


def delayed_discharge():
    m = Model("delayed_discharge", stop=104, dt=0.25)
    m.sector("h", "Hospital", -160, 0, 1060, 560)
    m.sector("c", "Home care", 940, 0, 700, 560)
    S = m.const
    m.stock("patients_in_treatment", 280, P, "Patients being treated (initial value: admissions x treatment time).",
            "h", (200, 130))
    m.stock("medically_fit_waiting", 35, P, "Patients medically fit to leave, waiting for home care (27% of acute "
            "beds nationally, 004 L1118).", "h", (650, 130))
    m.stock("people_with_home_care", 2520, P, "People with a home-care package (initial value: 35 starts a week "
            "x 72 weeks).", "c", (1300, 130))
    S("hospital_beds", 400, P, A + ": beds in a small acute hospital.", "h", (300, 600))
    S("admission_demand", 140, PW, A + ": people needing admission a week.", "h", (100, 200))
    S("treatment_time", 2, W, A + ": weeks of treatment.", "h", (1, 4))
    S("needs_care_share", 0.25, DMNL, A + ": share of patients needing home care to go home.", "h", (0.1, 0.4))
    S("bed_turnaround_time", 0.5, W, A + ": time to fill a free bed.", "h", (0.25, 1))
    S("arrangement_time", 1, W, A + ": time to arrange a package when a carer is free.", "c", (0.5, 3))
    S("home_care_places", 2600, P, A + ": packages the home-care workforce can carry.", "c", (1500, 3500))
    S("home_care_cut_share", 0.1, DMNL, "Slider: share of home-care capacity cut at the cut week.", "c", (0, 0.3))
    S("cut_week", 26, W, "Slider: week the cut happens.", "c", (1, 100))
    S("capacity_adjustment_time", 4, W, A + ": how fast providers take on or shed packages.", "c", (1, 12))
    S("package_duration", 72, W, "Average home-care package: 72 weeks (004 L881).", "c", (40, 120))
    S("delayed_bed_cost", 2000, "GBP/(people*week)", "A delayed bed costs over GBP 2,000 a week (004 L1122).", "h",
      (1500, 3000))
    m.aux("home_care_capacity", "home_care_places * (1 - home_care_cut_share * STEP(1, cut_week))", P,
          "Packages the workforce can carry after the cut.", "c")
    m.aux("occupied_beds", "patients_in_treatment + medically_fit_waiting", P, "Beds in use.", "h")
    m.aux("free_beds", "MAX(0, hospital_beds - occupied_beds)", P, "Empty beds.", "h")
    m.flow("admissions", "MIN(admission_demand, free_beds / bed_turnaround_time)", PW,
           "Counted entry: admissions, limited by free beds.", "h", to="patients_in_treatment")
    m.aux("admissions_turned_away", "admission_demand - admissions", PW,
          "People who could not be admitted (waiting in A&E, cancelled operations).", "h")
    m.aux("recovering", "patients_in_treatment / treatment_time", PW, "Patients becoming fit a week.", "h")
    m.flow("discharged_home", "recovering * (1 - needs_care_share)", PW, "Counted exit: home with no care.", "h",
           frm="patients_in_treatment")
    m.flow("fit_needing_care", "recovering * needs_care_share", PW, "Fit, needing home care.", "h",
           frm="patients_in_treatment", to="medically_fit_waiting")
    m.flow("package_ends", "people_with_home_care / package_duration", PW, "Counted exit: packages end.", "c",
           frm="people_with_home_care")
    m.flow("home_care_starts", "MIN(medically_fit_waiting / arrangement_time, MAX(0, (home_care_capacity - "
           "people_with_home_care) / capacity_adjustment_time + package_ends))", PW,
           "Discharges with a package, limited by free home-care capacity.", "c", frm="medically_fit_waiting",
           to="people_with_home_care")
    m.aux("share_of_beds_delayed", "medically_fit_waiting / hospital_beds", DMNL,
          "Share of beds held by people fit to leave.", "h")
    m.aux("nhs_delay_cost", "medically_fit_waiting * delayed_bed_cost", "GBP/week", "NHS cost of delays a week.",
          "h")
    # What the README tells the room to watch: the charts open on these.
    m.outcomes = [
        "medically_fit_waiting", "patients_in_treatment", "share_of_beds_delayed", "admissions_turned_away",
        "nhs_delay_cost"
    ]
    return m


def care_home_capacity():
    m = Model("care_home_capacity", stop=520, dt=0.25)
    m.sector("d", "Demand", -160, 0, 960, 560)
    m.sector("b", "Beds and commissioning", 840, 0, 900, 560)
    S = m.const
    S("weeks_per_year", 52.18, "weeks/year", "Definition.", "d", None)
    m.stock("population_65_plus", 165000, P, A + ": a county's 65+ residents.", "d", (200, 130))
    m.stock("waiting_list", 20, P, "People assessed as needing a care home, waiting for a bed.", "d", (680, 130))
    m.stock("residents", 2400, P, "People in commissioned care-home beds.", "b", (1520, 130))
    m.stock("commissioned_beds", 2500, "beds", "Beds the council has commissioned.", "b", (1520, 400))
    S("people_per_bed", 1, "people/beds", "Definition: one resident a bed.", "b", None)
    S("growth_rate_65_plus", 0.021, "1/year", "65+ growth: +23% over 2009-19 (004 L358), about 2.1% a year.", "d",
      (0, 0.04))
    S("referral_rate", 0.0049, "1/year", A + ": care-home referrals a year per person 65+ (about 800 a year for "
      "165,000, 004 L649 x 1.33%).", "d", (0.003, 0.008))
    S("mean_stay_years", 3, Y, A + ": mean stay, 'several years' (004 L1124).", "b", (1, 5))
    S("commissioning_delay", 52, W, "Slider: weeks between seeing demand and having the beds (a year ahead).", "b",
      (4, 104))
    S("demand_perception_time", 26, W, A + ": weeks of referrals averaged to judge demand.", "b", (4, 52))
    S("bed_margin", 0.02, DMNL, A + ": spare beds commissioned above expected residents.", "b", (0, 0.15))
    S("forecast_growth", 0, DMNL, "Slider: 1 = commissioners add the expected growth over the commissioning "
      "delay; 0 = they buy for last year's demand.", "b", (0, 1))
    S("placement_time", 1, W, A + ": weeks to move into a free bed.", "b", (0.5, 4))
    S("bed_cost", 650, "GBP/(people*week)", "A care-home bed costs over GBP 650 a week (004 L1124).", "b",
      (500, 1000))
    S("waiting_cost", 300, "GBP/(people*week)", A + ": cost a week of keeping someone safe while they wait "
      "(interim home care, hospital delays).", "b", (100, 2000))
    m.flow("population_growth", "population_65_plus * growth_rate_65_plus / weeks_per_year", PW,
           "Counted entry: net growth of the 65+ population.", "d", to="population_65_plus")
    S("referral_surge", 0.1, DMNL, "Slider: extra share of referrals from the surge week (a hospital push, a "
      "provider closing); 0 = none.", "d", (0, 0.5))
    S("surge_week", 104, W, "Slider: week the surge starts.", "d", (1, 500))
    m.flow("referrals", "population_65_plus * referral_rate / weeks_per_year * (1 + referral_surge * STEP(1, "
           "surge_week))", PW,
           "Counted entry into the care-home pathway (the population stock is a driver, not a source).", "d",
           to="waiting_list")
    m.aux("free_beds", "MAX(0, commissioned_beds * people_per_bed - residents)", P,
          "Empty commissioned beds, counted as the people they could take.", "b")
    m.flow("exits", "residents / (mean_stay_years * weeks_per_year)", PW, "Counted exit: deaths.", "b",
           frm="residents")
    m.flow("placements", "MIN(waiting_list / placement_time, free_beds / placement_time + exits)", PW,
           "Moves into a bed.", "b", frm="waiting_list", to="residents")
    m.aux("perceived_need", "SMTH1(residents + waiting_list, demand_perception_time)", P,
          "Beds needed as commissioners see it: recent residents plus the waiting list.", "b")
    m.aux("desired_beds", "perceived_need / people_per_bed * (1 + bed_margin) * (1 + forecast_growth * growth_rate_65_plus * "
          "commissioning_delay / weeks_per_year)", "beds", "Beds commissioners want.", "b")
    m.flow("commissioning", "(desired_beds - commissioned_beds) / commissioning_delay", "beds/week",
           "Beds added (or released) a week.", "b", to="commissioned_beds")
    m.aux("occupancy", "XIDZ(residents, commissioned_beds * people_per_bed, 0)", DMNL, "Residents / beds.", "b")
    m.aux("weekly_cost", "commissioned_beds * people_per_bed * bed_cost + waiting_list * waiting_cost", "GBP/week",
          "Beds paid for (full or empty) plus the cost of waiting.", "b")
    # What the README tells the room to watch: the charts open on these.
    m.outcomes = [
        "waiting_list", "residents", "commissioned_beds", "occupancy", "weekly_cost"
    ]
    return m


def care_workforce():
    m = Model("care_workforce", stop=260, dt=0.25)
    m.sector("w", "Workforce", -160, 0, 1160, 600)
    m.sector("c", "Capacity", 1040, 0, 700, 600)
    S = m.const
    S("weeks_per_year", 52.18, "weeks/year", "Definition.", "w", None)
    m.stock("new_recruits", 300, "wte", "Care workers in their first six months (WTE).", "w", (200, 130))
    m.stock("experienced_staff", 1600, "wte", "Care workers past their first six months (WTE).", "w", (700, 130))
    S("probation_time", 26, W, A + ": weeks to become experienced.", "w", (8, 52))
    S("new_recruit_turnover", 0.47, "1/year", "New, young starters leave fastest: 46.9% a year for under-20s "
      "(004 L1913), used here for all new recruits.", "w", (0.3, 0.7))
    S("experienced_turnover", 0.24, "1/year", A + ": experienced staff turnover; with new recruits the total is "
      "about 30% a year (004 L1850); 60+ workers 22.4% (004 L1913).", "w", (0.1, 0.35))
    S("pay_ratio_2025", 0.95, DMNL, A + ": care pay / retail pay; retail now pays more (004 L1929-1931).", "w",
      (0.8, 1.3))
    S("pay_rise", 0, DMNL, "Slider: rise in the pay ratio at the pay-rise week (0.15 takes it to 1.1).", "w",
      (0, 0.3))
    S("pay_rise_week", 52, W, "Slider: week of the pay rise.", "w", (1, 200))
    S("time_to_fill_vacancy", 10, W, A + ": weeks to fill a vacancy at today's pay.", "w", (4, 26))
    S("hours_demand", 40000, "hours/week", A + ": hours of care commissioned a week.", "c", (20000, 60000))
    S("demand_growth", 0.03, "1/year", A + ": growth of commissioned hours a year.", "c", (0, 0.06))
    S("hours_per_experienced", 21, "hours/(wte*week)", A + ": contact hours a week per experienced WTE.", "c",
      (15, 28))
    S("hours_per_new_recruit", 14, "hours/(wte*week)", A + ": contact hours a week per new recruit (shadowing, "
      "training).", "c", (8, 21))
    m.aux("pay_ratio", "pay_ratio_2025 + pay_rise * STEP(1, pay_rise_week)", DMNL, "Care pay / retail pay.", "w")
    m.aux("turnover_pay_effect", "pay_ratio", DMNL, A + ": at 1.1 x retail, turnover falls about a quarter "
          "(Scotland below 22.9% vs ~30%, 004 L1935).", "w",
          gf=([0.7, 0.8, 0.9, 0.95, 1.0, 1.1, 1.2, 1.3], [1.5, 1.3, 1.1, 1.0, 0.9, 0.76, 0.66, 0.6]))
    m.aux("recruitment_pay_effect", "pay_ratio", DMNL, A + ": better pay fills vacancies faster (low pay is the "
          "main reason cited for turnover, 004 L1879).", "w",
          gf=([0.7, 0.8, 0.9, 0.95, 1.0, 1.1, 1.2, 1.3], [0.5, 0.7, 0.9, 1.0, 1.1, 1.25, 1.4, 1.5]))
    m.aux("commissioned_hours", "hours_demand * EXP(demand_growth * TIME / weeks_per_year)", "hours/week",
          "Hours commissioned a week, growing.", "c")
    m.aux("capacity_hours", "experienced_staff * hours_per_experienced + new_recruits * hours_per_new_recruit",
          "hours/week", "Hours the workforce can deliver a week.", "c")
    m.aux("funded_posts", "commissioned_hours / hours_per_experienced * 1.05", "wte", "Posts the hours pay for.",
          "c")
    m.aux("vacancies", "MAX(0, funded_posts - experienced_staff - new_recruits)", "wte", "Empty posts.", "w")
    m.aux("unmet_hours", "MAX(0, commissioned_hours - capacity_hours)", "hours/week", "Care not delivered.", "c")
    m.flow("hiring", "vacancies / time_to_fill_vacancy * recruitment_pay_effect", "wte/week",
           "Counted entry: new starters.", "w", to="new_recruits")
    m.flow("becoming_experienced", "new_recruits / probation_time", "wte/week", "Recruits who stay six months.",
           "w", frm="new_recruits", to="experienced_staff")
    m.flow("recruit_leavers", "new_recruits * new_recruit_turnover * turnover_pay_effect / weeks_per_year",
           "wte/week", "Counted exit.", "w", frm="new_recruits")
    m.flow("experienced_leavers", "experienced_staff * experienced_turnover * turnover_pay_effect / "
           "weeks_per_year", "wte/week", "Counted exit.", "w", frm="experienced_staff")
    m.aux("turnover_rate", "(recruit_leavers + experienced_leavers) * weeks_per_year / (new_recruits + "
          "experienced_staff)", "1/year", "Total turnover a year (about 30%, 004 L1850).", "w")
    # What the README tells the room to watch: the charts open on these.
    m.outcomes = [
        "unmet_hours", "capacity_hours", "hours_demand", "turnover_rate", "vacancies"
    ]
    return m


def prevention():
    m = Model("prevention", stop=520, dt=0.25)
    m.sector("p", "With prevention", -160, 0, 1260, 560)
    m.sector("n", "Without prevention (the counterfactual)", -160, 600, 1260, 400)
    m.sector("m", "Money", 1140, 0, 700, 1000)
    S = m.const
    S("weeks_per_year", 52.18, "weeks/year", "Definition.", "p", None)
    m.stock("people_at_risk", 12000, P, A + ": people at risk of needing long-term care.", "p", (200, 130))
    m.stock("people_in_long_term_care", 6000, P, "People in long-term care (with prevention).", "p", (700, 130))
    m.stock("at_risk_without_prevention", 12000, P, "The same population with no prevention.", "n", (200, 700))
    m.stock("long_term_care_without_prevention", 6000, P, "Long-term care with no prevention.", "n", (700, 700))
    S("new_risk_per_year", 4000, PY, A + ": people becoming at risk a year.", "p", (2000, 8000))
    S("escalation_rate", 0.2, "1/year", A + ": share of at-risk people who need long-term care each year.", "p",
      (0.1, 0.4))
    S("at_risk_exit_rate", 0.133, "1/year", A + ": at-risk people who die or no longer need help, a year.", "p",
      (0.05, 0.3))
    S("long_term_care_years", 2.5, Y, A + ": mean time in long-term care.", "p", (1, 5))
    S("prevention_investment", 2, "GBPm/year", "Slider: GBP million a year spent on prevention from the start "
      "week.", "m", (0, 10))
    S("start_week", 26, W, "Slider: week prevention starts.", "m", (0, 260))
    S("prevention_max_effect", 0.3, DMNL, "Ceiling: 25-50% of intensive demand may be diverted (003 L575).", "p",
      (0.25, 0.5))
    S("prevention_scale", 2, "GBPm/year", A + ": investment reaching 63% of the ceiling.", "p", (0.5, 10))
    S("prevention_lag_years", 2, Y, "Benefits 'work through in 1-5 years' (003 L286).", "p", (1, 5))
    S("care_cost", 400, "GBP/(people*week)", A + ": average weekly cost of long-term care (home care to care "
      "home, 004 L881, L1124).", "m", (200, 800))
    S("gbp_per_million", 1000000, "GBP/GBPm", "Definition.", "m", None)
    m.aux("investment_now", "prevention_investment * STEP(1, start_week)", "GBPm/year", "Investment running.", "m")
    m.aux("prevention_effect", "DELAY3(prevention_max_effect * (1 - EXP(-investment_now / prevention_scale)), "
          "prevention_lag_years * weeks_per_year)", DMNL, "Fewer escalations, arriving 1-5 years later.", "p")
    m.flow("becoming_at_risk", "new_risk_per_year / weeks_per_year", PW, "Counted entry.", "p",
           to="people_at_risk")
    m.flow("escalating", "people_at_risk * escalation_rate * (1 - prevention_effect) / weeks_per_year", PW,
           "Needing long-term care.", "p", frm="people_at_risk", to="people_in_long_term_care")
    m.flow("leaving_risk", "people_at_risk * at_risk_exit_rate / weeks_per_year", PW, "Counted exit.", "p",
           frm="people_at_risk")
    m.flow("leaving_care", "people_in_long_term_care / (long_term_care_years * weeks_per_year)", PW,
           "Counted exit.", "p", frm="people_in_long_term_care")
    m.flow("becoming_at_risk_cf", "new_risk_per_year / weeks_per_year", PW, "Counted entry.", "n",
           to="at_risk_without_prevention")
    m.flow("escalating_cf", "at_risk_without_prevention * escalation_rate / weeks_per_year", PW,
           "Needing long-term care.", "n", frm="at_risk_without_prevention", to="long_term_care_without_prevention")
    m.flow("leaving_risk_cf", "at_risk_without_prevention * at_risk_exit_rate / weeks_per_year", PW,
           "Counted exit.", "n", frm="at_risk_without_prevention")
    m.flow("leaving_care_cf", "long_term_care_without_prevention / (long_term_care_years * weeks_per_year)", PW,
           "Counted exit.", "n", frm="long_term_care_without_prevention")
    m.aux("spend_with_prevention", "people_in_long_term_care * care_cost + investment_now * gbp_per_million / "
          "weeks_per_year", "GBP/week", "Care plus prevention spend a week.", "m")
    m.aux("spend_without_prevention", "long_term_care_without_prevention * care_cost", "GBP/week",
          "Care spend a week with no prevention.", "m")
    m.stock("cumulative_net_benefit", 0, "GBP", "Money saved so far minus money invested: dips below zero before "
            "it rises (worse before better).", "m", (1500, 500), nonneg=False)
    m.flow("net_benefit", "spend_without_prevention - spend_with_prevention", "GBP/week",
           "Saving this week (negative while costs run ahead of benefits).", "m", to="cumulative_net_benefit")
    # What the README tells the room to watch: the charts open on these.
    m.outcomes = [
        "cumulative_net_benefit", "people_in_long_term_care", "long_term_care_without_prevention", "net_benefit",
        "prevention_effect"
    ]
    return m


MODELS = {"delayed_discharge": (delayed_discharge, "Delayed discharge: cutting home care fills hospital beds"),
          "care_home_capacity": (care_home_capacity, "Care-home capacity: commissioning a year behind demand"),
          "care_workforce": (care_workforce, "Care workforce: pay, turnover and capacity"),
          "prevention": (prevention, "Prevention: worse before better")}

if __name__ == "__main__":
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "models", "teaching")
    for name, (fn, title) in MODELS.items():
        m = fn()
        os.makedirs(os.path.join(root, name), exist_ok=True)
        with open(os.path.join(root, name, name + ".xmile"), "w") as f:
            f.write(m.xmile(title, ""))
        print("wrote", name, len(m.vars), "variables")
        if "--check" in sys.argv:
            rows = m.simulate()
            keys = ("admissions_turned_away", "share_of_beds_delayed", "occupancy", "turnover_rate",
                    "unmet_hours", "prevention_effect", "net_benefit")
            for k in (0, len(rows) // 4, len(rows) // 2, len(rows) - 1):
                r = rows[k]
                shown = [v.name for v in m.vars if v.kind == "stock" or v.name in keys]
                print("  t=%g " % r["TIME"] + " ".join("%s=%.4g" % (n, r[n]) for n in shown))
