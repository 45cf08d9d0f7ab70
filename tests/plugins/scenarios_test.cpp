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

TEST_CASE("scenarios: the COVID spot-bed trap leaves more people in care homes",
          "[plugins][scenario][county]") {
    const auto& base = baseline();
    const auto r = county().runScenario("covid_spot_bed_trap.lua");
    // 004 L2095-2097: councils bought spot residential beds for people leaving hospital
    CHECK(total(r, "spot_bed_placements") > 2 * total(base, "spot_bed_placements"));
    // 004 L2099: three months later 45% needed permanent bedded care: more residents a year on, and more
    // long-term spend over the decade
    CHECK(at(r, "people_in_care_homes", 52) > at(base, "people_in_care_homes", 52));
    CHECK(finalOf(r, "ledger_council_long_term_care_spend") >
          finalOf(base, "ledger_council_long_term_care_spend"));
}

TEST_CASE("scenarios: reablement done right (Lancashire)", "[plugins][scenario][county]") {
    const auto& base = baseline();
    const auto r = county().runScenario("reablement_done_right.lua");
    // 004 L928: +64% appropriate volume, with the staff to take it
    CHECK(finalOf(r, "short_term_episodes_per_year") / finalOf(base, "short_term_episodes_per_year") ==
          Approx(1.64).epsilon(0.03));
    // 004 L2134: 15% more effective at achieving independence
    CHECK(finalOf(r, "share_independent_after_reablement") /
              finalOf(base, "share_independent_after_reablement") ==
          Approx(1.15).epsilon(0.01));
    // 004 L877: each episode saves several times its cost in long-term care: fewer people in home care, and
    // the council spends less over the decade although it pays for the extra reablement
    CHECK(finalOf(r, "people_in_home_care") < finalOf(base, "people_in_home_care"));
    CHECK(finalOf(r, "ledger_council_invest_to_save") > finalOf(base, "ledger_council_invest_to_save"));
    CHECK(finalOf(r, "ledger_council_spend") < finalOf(base, "ledger_council_spend"));
}

TEST_CASE("scenarios: the front door that connects (Somerset)", "[plugins][scenario][county]") {
    const auto& base = baseline();
    const auto r = county().runScenario("front_door_that_connects.lua");
    // 004 L1276-1278: resolution rises to 77%, so fewer requests go on to an assessment (0.23 / 0.33 = x0.7)
    const double referred = total(r, "referred_for_assessment") / total(base, "referred_for_assessment");
    CHECK(referred > 0.6);
    CHECK(referred < 0.8);
    // 004 L677: 4.7% fewer home-care hours at least; lower spend
    CHECK(finalOf(r, "home_care_hours") < (1 - 0.047) * finalOf(base, "home_care_hours"));
    CHECK(finalOf(r, "council_spend") < finalOf(base, "council_spend"));
    // 004 L759: people come back when their community solution wears off, so more are 'supported' at any time
    CHECK(finalOf(r, "community_supported") > finalOf(base, "community_supported"));
}

TEST_CASE("scenarios: the austerity spiral", "[plugins][scenario][county]") {
    const auto& base = baseline();
    const auto r = county().runScenario("austerity_spiral.lua");
    // 004 L416: short-term savings first: pressure on the budget, reablement cut
    CHECK(finalOf(r, "budget_pressure") > finalOf(base, "budget_pressure"));
    CHECK(finalOf(r, "short_term_episodes_per_year") < finalOf(base, "short_term_episodes_per_year"));
    // 003 L239 (saying "no" until need is critical leaves expensive long-term care): more care-home
    // admissions and more people waiting later
    CHECK(finalOf(r, "care_home_admissions_per_year") > finalOf(base, "care_home_admissions_per_year"));
    CHECK(finalOf(r, "people_waiting") > finalOf(base, "people_waiting"));
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

TEST_CASE("scenarios: the grant cliff", "[plugins][scenario][county]") {
    const auto& base = baseline();
    const auto r = county().runScenario("grant_cliff.lua");
    // 004 L380, L414: a third of costs from central money, 59% of it temporary: a fifth of the budget goes in
    // year 3
    CHECK(at(r, "council_budget", 200) / at(base, "council_budget", 200) ==
          Approx(1 - 0.33 * 0.59).epsilon(0.01));
    CHECK(at(r, "budget_pressure", 200) > 1.0);
    CHECK(at(base, "budget_pressure", 200) < 1.0);
    // 004 L416-420: short-term cuts to reablement, then more care-home admissions
    CHECK(finalOf(r, "short_term_episodes_per_year") < finalOf(base, "short_term_episodes_per_year"));
    CHECK(finalOf(r, "care_home_admissions_per_year") > finalOf(base, "care_home_admissions_per_year"));
}

TEST_CASE("scenarios: the caseload spiral", "[plugins][scenario][county]") {
    const auto& base = baseline();
    const auto r = county().runScenario("caseload_spiral.lua");
    // 002 workforce and caseload loop; 004 L1539: queues lengthen, reviews go overdue, packages drift up
    CHECK(finalOf(r, "people_waiting") > 2 * finalOf(base, "people_waiting"));
    CHECK(at(r, "overdue_reviews", 104) > at(base, "overdue_reviews", 104));
    CHECK(at(r, "package_drift", 104) > at(base, "package_drift", 104));
}

TEST_CASE("scenarios: carers as a hidden workforce", "[plugins][scenario][county]") {
    const auto& base = baseline();
    const auto r = county().runScenario("carers_hidden_workforce.lua");
    // 004 L802: when carers break down, the person they care for arrives at the front door
    CHECK(at(r, "carer_breakdowns", 52) > 1.5 * at(base, "carer_breakdowns", 52));
    CHECK(at(r, "requests_per_year", 52) > at(base, "requests_per_year", 52));
    CHECK(finalOf(r, "people_waiting") > finalOf(base, "people_waiting"));
    CHECK(at(r, "council_spend", 52) > at(base, "council_spend", 52));
}

TEST_CASE("scenarios: discharge to assess with the capacity to match", "[plugins][scenario][county]") {
    const auto& base = baseline();
    const auto r = county().runScenario("discharge_to_assess.lua");
    // 004 L2083: care-home placements from hospital could halve
    CHECK(total(r, "discharged_to_care_home") < 0.75 * total(base, "discharged_to_care_home"));
    CHECK(total(r, "care_home_admissions_per_year") < total(base, "care_home_admissions_per_year"));
    // 004 L1106, L1118: the decision is made at home, so fewer delayed bed-days and a lower NHS cost
    CHECK(total(r, "delayed_bed_days") < 0.9 * total(base, "delayed_bed_days"));
    CHECK(finalOf(r, "nhs_delay_cost") < finalOf(base, "nhs_delay_cost"));
}
