// The workshop scenarios of models/adult_social_care/scenarios, loaded and run through the Lua scenario host
// with their plugins (as `sdw run --scenario` does): each moves its outcome measures the way its sources say,
// against the baseline run. Layer: tests/plugins (solver + plugin host).
#include <catch2/catch.hpp>
#include <filesystem>

#include "tests/plugins/default_model.hpp"

using namespace sdw;
using test::at;
using test::county;
using test::finalOf;
using test::total;

namespace {

const sim::RunResult& baseline() {
    static const auto base = county().run({});
    return base;
}

}  // namespace

TEST_CASE("scenarios: every workshop scenario loads through the host and runs",
          "[plugins][scenario][county]") {
    size_t ran = 0;
    for (const auto& e : std::filesystem::directory_iterator(std::string(SDW_SOURCE_DIR) +
                                                             "/models/adult_social_care/scenarios")) {
        if (e.path().extension() != ".lua") continue;
        INFO(e.path().string());
        const auto r = county().runScenario(e.path().filename().string());
        CHECK(r.ok());
        ++ran;
    }
    CHECK(ran == 9);  // the eight workshop scenarios of the domain README, and discharge to assess
}

TEST_CASE("scenarios: the COVID spot-bed trap is time-limited and leaves more people in care homes",
          "[plugins][scenario][county]") {
    const auto& base = baseline();
    const auto r = county().runScenario("covid_spot_bed_trap.lua");
    // 004 L2095-2097: for the twelve weeks of the surge the council buys spot residential beds
    CHECK(at(r, "interim_care_home_beds", 20) > 4 * at(base, "interim_care_home_beds", 20));
    // ... and then the surge ends: spot beds back to their usual level within a year
    CHECK(at(r, "interim_care_home_beds", 80) < 1.2 * at(base, "interim_care_home_beds", 80));
    // 004 L2099: three months later 45% need permanent bedded care: more residents a year on, and more spend
    CHECK(at(r, "people_in_care_homes", 52) > at(base, "people_in_care_homes", 52) + 40);
    CHECK(finalOf(r, "ledger_council_spend") > finalOf(base, "ledger_council_spend"));
}

TEST_CASE("scenarios: reablement done right (Lancashire): shorter stays from a low start",
          "[plugins][scenario][county]") {
    // Against the same county at Lancashire's low start (half the access, larger packages after, 004 L2121)
    const auto low =
        county().run({}, {{"reablement_referral_factor", 0.5}, {"post_reablement_package_factor", 0.6}});
    const auto r = county().runScenario("reablement_done_right.lua");
    // 004 L928: +64% appropriate volume, with no more staff: stays 39% shorter (004 L2126)
    const double volume =
        finalOf(r, "short_term_episodes_per_year") / finalOf(low, "short_term_episodes_per_year");
    CHECK(volume > 1.5);
    CHECK(volume < 1.8);
    CHECK(finalOf(r, "reablement_staff") == Approx(finalOf(low, "reablement_staff")));
    // 004 L2134: 15% more effective at achieving independence
    CHECK(finalOf(r, "share_independent_after_reablement") /
              finalOf(low, "share_independent_after_reablement") >
          1.1);
    // 004 L877: fewer hours of home care and lower council spend over the decade
    CHECK(finalOf(r, "home_care_hours") < finalOf(low, "home_care_hours"));
    CHECK(finalOf(r, "ledger_council_spend") < finalOf(low, "ledger_council_spend"));
}

TEST_CASE("scenarios: the front door that connects (Somerset)", "[plugins][scenario][county]") {
    const auto& base = baseline();
    const auto r = county().runScenario("front_door_that_connects.lua");
    // 004 L1276-1278: resolution rises from 67% to 76%, so fewer requests go on to an assessment
    const double referred = total(r, "referred_for_assessment") / total(base, "referred_for_assessment");
    CHECK(referred > 0.6);
    CHECK(referred < 0.85);
    // 004 L677: more than the 4.7% average fall in home-care hours (Somerset is a leader); lower spend
    CHECK(finalOf(r, "home_care_hours") < (1 - 0.047) * finalOf(base, "home_care_hours"));
    CHECK(finalOf(r, "ledger_council_spend") < finalOf(base, "ledger_council_spend"));
    CHECK(finalOf(r, "community_supported") > finalOf(base, "community_supported"));
}

TEST_CASE("scenarios: the austerity spiral shifts costs onto people, carers and the NHS",
          "[plugins][scenario][county]") {
    const auto& base = baseline();
    const auto r = county().runScenario("austerity_spiral.lua");
    // 004 L416-420: reserves run out, then short-term savings: eligibility tightens, reablement is cut
    CHECK(finalOf(r, "council_reserves") == Approx(0).margin(1));
    CHECK(finalOf(r, "eligibility_tightening") > 0.1);
    CHECK(finalOf(r, "short_term_episodes_per_year") < 0.8 * finalOf(base, "short_term_episodes_per_year"));
    // the needs do not go away (003 L239): more people wait, carers break down, more crises reach the NHS
    CHECK(finalOf(r, "people_waiting") > finalOf(base, "people_waiting"));
    CHECK(finalOf(r, "carer_breakdowns") > finalOf(base, "carer_breakdowns"));
    CHECK(finalOf(r, "ledger_nhs_cost") > finalOf(base, "ledger_nhs_cost"));
}

TEST_CASE("scenarios: prevention's delayed pay-off", "[plugins][scenario][county]") {
    const auto& base = baseline();
    const auto r = county().runScenario("prevention_delayed_payoff.lua");
    // 003 L286: benefits arrive in one to five years: spend first, savings later (worse before better)
    CHECK(at(r, "council_spend", 26) > at(base, "council_spend", 26));
    CHECK(at(r, "prevention_effect", 52) < 0.5 * finalOf(r, "prevention_effect"));
    CHECK(finalOf(r, "people_in_long_term_care") < finalOf(base, "people_in_long_term_care"));
    CHECK(finalOf(r, "council_spend") < finalOf(base, "council_spend"));
    // 003 L575: never beyond the ceiling (30% in this scenario)
    CHECK(finalOf(r, "prevention_effect") <= 0.3);
}

TEST_CASE("scenarios: the grant cliff, and a response once reserves run out", "[plugins][scenario][county]") {
    const auto& base = baseline();
    const auto r = county().runScenario("grant_cliff.lua");
    // 004 L380, L414: a third of costs from central money, 59% of it temporary: a fifth of the budget goes in
    // year 3
    CHECK(at(r, "council_budget", 200) / at(base, "council_budget", 200) ==
          Approx(1 - 0.33 * 0.59).epsilon(0.01));
    // reserves carry the overspend, then run out; the council responds and the pressure falls back towards 1
    // (004 L416: a balanced budget every year)
    CHECK(at(r, "budget_pressure", 170) > 1.05);
    CHECK(at(r, "council_reserves", 300) == Approx(0).margin(1));
    CHECK(finalOf(r, "budget_pressure") < at(r, "budget_pressure", 170));
    CHECK(finalOf(r, "budget_pressure") < 1.08);
    CHECK(finalOf(r, "short_term_episodes_per_year") < finalOf(base, "short_term_episodes_per_year"));
    CHECK(finalOf(r, "people_waiting") > finalOf(base, "people_waiting"));
}

TEST_CASE("scenarios: the caseload spiral is a loop", "[plugins][scenario][county]") {
    const auto& base = baseline();
    const auto r = county().runScenario("caseload_spiral.lua");
    // slower recruitment leaves posts empty; heavier caseloads drive more leavers (002 L1293, L1298)
    CHECK(finalOf(r, "assessors") < 0.9 * finalOf(base, "assessors"));
    CHECK(finalOf(r, "workload_turnover_effect") > 1.1);
    CHECK(finalOf(r, "assessment_waiting_time") > 2 * finalOf(base, "assessment_waiting_time"));
    CHECK(finalOf(r, "people_waiting") > 2 * finalOf(base, "people_waiting"));
}

TEST_CASE("scenarios: carers as a hidden workforce: breakdowns bring crises and care homes",
          "[plugins][scenario][county]") {
    const auto& base = baseline();
    const auto r = county().runScenario("carers_hidden_workforce.lua");
    // 004 L802: carer breakdown triggers significant and often worse changes for the person cared for
    CHECK(at(r, "carer_breakdowns", 52) > 1.5 * at(base, "carer_breakdowns", 52));
    CHECK(at(r, "crisis_admissions_after_breakdown", 52) >
          1.5 * at(base, "crisis_admissions_after_breakdown", 52));
    CHECK(finalOf(r, "care_home_admissions_per_year") > finalOf(base, "care_home_admissions_per_year"));
    CHECK(finalOf(r, "ledger_council_spend") > finalOf(base, "ledger_council_spend"));
    CHECK(finalOf(r, "ledger_nhs_cost") > finalOf(base, "ledger_nhs_cost"));
}

TEST_CASE("scenarios: discharge to assess with the capacity to match", "[plugins][scenario][county]") {
    const auto& base = baseline();
    const auto r = county().runScenario("discharge_to_assess.lua");
    // 004 L2083: care-home placements from hospital could halve
    CHECK(total(r, "decided_for_care_home") < 0.6 * total(base, "decided_for_care_home"));
    CHECK(total(r, "care_home_admissions_per_year") < total(base, "care_home_admissions_per_year"));
    // 004 L1106, L1118: the decision is made at home, so fewer delayed bed-days and a lower NHS cost
    CHECK(total(r, "delayed_bed_days") < 0.8 * total(base, "delayed_bed_days"));
    CHECK(finalOf(r, "ledger_nhs_cost") < finalOf(base, "ledger_nhs_cost"));
}
