// The shipped levers on the default county model (models/adult_social_care): each moves its target constant
// as its evidence says, and its outcome measure in the evidence's direction after ten years.
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>

#include "plugins/host/plugin_library.hpp"
#include "plugins/host/scenario.hpp"
#include "solver/xmile/xmile.hpp"
#include "tests/plugins/plugin_test_util.hpp"

using namespace sdw;

namespace {

struct DefaultModel {
    model::Project project;
    plugins::PluginLibrary levers;
    DefaultModel() {
        diag::Diagnostics diags;
        auto p = xmile::readFile(
            std::string(SDW_SOURCE_DIR) + "/models/adult_social_care/adult_social_care.xmile", diags);
        INFO(test::allMessages(diags));
        REQUIRE(p.has_value());
        project = std::move(*p);
        levers.addDirectory(plugins::leversDirectory(SDW_SOURCE_DIR), diags);
        REQUIRE_FALSE(diags.hasErrors());
    }
    sim::RunResult run(const std::vector<plugins::PluginSelection>& on,
                       std::vector<std::pair<std::string, double>> constants = {}) const {
        plugins::RunRequest req;
        req.plugins = on;
        req.constants = std::move(constants);
        auto r = plugins::runRequest(project, levers, req);
        INFO(test::allMessages(r.diagnostics));
        REQUIRE(r.ok());
        return r;
    }
};

const DefaultModel& county() {
    static DefaultModel m;
    return m;
}

double finalOf(const sim::RunResult& r, const std::string& name) {
    auto v = r.finalValue(name);
    INFO(name);
    REQUIRE(v.has_value());
    return *v;
}

}  // namespace

TEST_CASE("default model: outcome measures with each lever, against the baseline", "[.explore]") {
    const char* outcomes[] = {"care_home_admissions_per_year",
                              "people_in_care_homes",
                              "delayed_bed_days",
                              "share_independent_after_reablement",
                              "home_care_hours",
                              "people_waiting",
                              "council_spend",
                              "nhs_delay_cost",
                              "vacancies",
                              "short_term_episodes_per_year"};
    const auto base = county().run({});
    std::printf("%-30s", "lever");
    for (auto o : outcomes) std::printf(" %12.12s", o);
    std::printf("\n%-30s", "(baseline)");
    for (auto o : outcomes) std::printf(" %12.5g", finalOf(base, o));
    std::printf("\n");
    for (const auto& p : county().levers.all()) {
        const auto r = county().run({{p.id, {}}});
        std::printf("%-30.30s", p.id.c_str());
        for (auto o : outcomes) std::printf(" %+11.2f%%", 100 * (finalOf(r, o) / finalOf(base, o) - 1));
        std::printf("\n");
    }
    CHECK(base.ok());
}

TEST_CASE("default model: each lever moves its outcome as its evidence says", "[plugins][levers][county]") {
    const auto base = county().run({});
    auto ratio = [&](const char* lever, const char* outcome) {
        return finalOf(county().run({{lever, {}}}), outcome) / finalOf(base, outcome);
    };
    // 004 L633: +40% routed to reablement, with staff to match -> +40% episodes; less long-term home care
    CHECK(ratio("expand_short_term_services", "short_term_episodes_per_year") == Approx(1.4).epsilon(0.02));
    CHECK(ratio("expand_short_term_services", "home_care_hours") < 0.95);
    // 004 L2134: 15% more effective at achieving independence
    CHECK(ratio("reablement_effectiveness", "share_independent_after_reablement") ==
          Approx(1.15).epsilon(0.01));
    CHECK(ratio("reablement_effectiveness", "home_care_hours") < 0.95);
    // 004 L2083: care-home placements from hospital could halve
    CHECK(ratio("discharge_to_assess", "care_home_admissions_per_year") < 0.9);
    // 004 L677: 4.7% fewer home-care hours (and fewer people referred on for assessment)
    CHECK(ratio("community_front_door", "home_care_hours") < 1 - 0.047);
    CHECK(ratio("community_front_door", "referred_for_assessment") < 0.9);
    // 004 L1309, L1485: more independent outcomes; fewer care-home outcomes of new contacts
    CHECK(ratio("strengths_based_practice", "care_home_admissions_per_year") < 0.9);
    // 004 L649: at least 18% of older people's care-home admissions diverted home
    CHECK(ratio("divert_care_home_admissions", "people_in_care_homes") < 0.95);
    CHECK(ratio("divert_care_home_admissions", "care_home_admissions_per_year") ==
          Approx(1 - 0.18).margin(0.06));
    // 004 L1410 (domain table: -5% hours)
    CHECK(ratio("trusted_reviews", "home_care_hours") < 0.95);
    // 004 L1850, L1935: better pay, lower turnover, fewer vacancies
    CHECK(ratio("workforce_pay", "vacancies") < 0.9);
    // 004 L802: fewer carer breakdowns, fewer care-home admissions (assumption-sized)
    CHECK(ratio("carers_support", "care_home_admissions_per_year") < 1.0);
    // 003 L286, L575: less long-term care after the lag
    CHECK(ratio("prevention", "people_in_long_term_care") < 0.97);
}

TEST_CASE("default model: prevention is worse before better", "[plugins][levers][county]") {
    const auto base = county().run({});
    const auto r = county().run({{"prevention", {}}});
    const auto spendBase = base.series("council_spend_per_week"), spend = r.series("council_spend_per_week");
    REQUIRE(spend.size() == spendBase.size());
    CHECK(spend[spend.size() / 20] >
          spendBase[spendBase.size() / 20]);  // half a year in: paying, not yet saving
    CHECK(spend.back() < spendBase.back());   // ten years on: saving
}

TEST_CASE("default model: a multi-year settlement softens the grant cliff", "[plugins][levers][county]") {
    const std::vector<std::pair<std::string, double>> cliff = {{"temporary_grant_end_year", 3},
                                                               {"invest_to_save_allowed", 0}};
    const auto base = county().run({}, cliff);
    const auto settled = county().run({{"funding_settlement", {}}}, cliff);
    CHECK(finalOf(settled, "council_budget") > finalOf(base, "council_budget"));
}

TEST_CASE("default model: every workshop scenario loads and runs", "[plugins][scenario][county]") {
    size_t ran = 0;
    for (const auto& e : std::filesystem::directory_iterator(std::string(SDW_SOURCE_DIR) +
                                                             "/models/adult_social_care/scenarios")) {
        if (e.path().extension() != ".lua") continue;
        INFO(e.path().string());
        diag::Diagnostics diags;
        auto s = plugins::loadScenario(e.path().string(), diags, &county().levers);
        INFO(test::allMessages(diags));
        REQUIRE(s.has_value());
        auto r = plugins::runRequest(county().project, county().levers, s->toRequest({}));
        INFO(test::allMessages(r.diagnostics));
        CHECK(r.ok());
        ++ran;
    }
    CHECK(ran >= 1);
}
