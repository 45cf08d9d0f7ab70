// Every shipped lever (plugins/levers/*.lua) passes the contract, cites evidence in the agreed form, and
// moves its target constants by its evidence's factor and its outcome in the evidence's direction on a small
// model.
#include <catch2/catch.hpp>
#include <regex>

#include "plugins/host/plugin_library.hpp"
#include "tests/plugins/plugin_test_util.hpp"
#include "tests/plugins/small_care_model.hpp"

using namespace sdw;

namespace {

const plugins::PluginLibrary& levers() {
    static plugins::PluginLibrary lib = [] {
        plugins::PluginLibrary l;
        diag::Diagnostics diags;
        l.addDirectory(plugins::leversDirectory(SDW_SOURCE_DIR), diags);
        INFO(test::allMessages(diags));
        REQUIRE_FALSE(diags.hasErrors());
        return l;
    }();
    return lib;
}

sim::RunResult runWith(const std::vector<plugins::PluginSelection>& on,
                       std::vector<std::pair<std::string, double>> constants = {}) {
    plugins::RunRequest req;
    req.plugins = on;
    req.spec.sets = std::move(constants);
    auto r = plugins::runRequest(test::smallCareModel(), levers(), req);
    INFO(test::allMessages(r.diagnostics));
    REQUIRE(r.ok());
    return r;
}

double finalOf(const sim::RunResult& r, const std::string& name) {
    auto v = r.finalValue(name);
    REQUIRE(v.has_value());
    return *v;
}

}  // namespace

TEST_CASE("levers: all eleven load and cite evidence as 'seed Lline'", "[plugins][levers]") {
    REQUIRE(levers().all().size() == 11);
    const std::regex citation("00[0-4] L[0-9]+(-[0-9]+)?");
    for (const auto& p : levers().all()) {
        INFO(p.id);
        REQUIRE_FALSE(p.evidence.empty());
        for (const auto& e : p.evidence) CHECK(std::regex_match(e, citation));
        CHECK_FALSE(p.params.empty());
    }
}

TEST_CASE("levers: the small model runs with every lever on at once", "[plugins][levers]") {
    std::vector<plugins::PluginSelection> all;
    for (const auto& p : levers().all()) all.push_back({p.id, {}});
    const std::vector<std::pair<std::string, double>> staffed = {{"reablement_staff", 600}};
    auto r = runWith(all, staffed);
    CHECK(finalOf(r, "care_home_admissions_per_year") <
          finalOf(runWith({}, staffed), "care_home_admissions_per_year"));
}

TEST_CASE("levers: each lever moves its targets by its evidence's factor", "[plugins][levers]") {
    const auto base = runWith({});
    struct Case {
        const char* lever;
        const char* target;
        double factor;  // expected target / baseline target at the lever's defaults
    };
    const Case cases[] = {
        {"expand_short_term_services", "reablement_referral_factor", 1.4},  // 004 L633: +40%
        {"expand_short_term_services", "reablement_staff", 1.4},
        {"reablement_effectiveness", "reablement_effectiveness", 1.15},  // 004 L2134: +15%
        {"reablement_effectiveness", "reablement_length_of_stay", 0.9},
        {"discharge_to_assess", "d2a_care_home_factor", 0.5},      // 004 L2083
        {"discharge_to_assess", "d2a_home_support_factor", 1.3},   // 004 L2084
        {"discharge_to_assess", "d2a_reablement_factor", 3},       // 004 L2085
        {"discharge_to_assess", "reablement_staff", 140.0 / 100},  // +40 WTE to take the extra referrals
        {"community_front_door", "front_door_reach", (0.4 + 0.6 * 0.12) / 0.4},  // a share of the gap closed
        {"strengths_based_practice", "assessment_reach", 1.05},
        {"trusted_reviews", "provider_review_rate", 0},  // from none: checked below
        {"carers_support", "carers_support_share", 2},   // a fifth to two fifths of caring families
        {"funding_settlement", "temporary_grant_share", 0.2 / 0.59},
    };
    for (const auto& c : cases) {
        if (c.factor == 0) continue;
        INFO(c.lever << " -> " << c.target);
        auto r = runWith({{c.lever, {}}});
        CHECK(finalOf(r, c.target) == Approx(finalOf(base, c.target) * c.factor));
    }
    // targets whose baseline is zero: compare with the evidence's level directly
    CHECK(finalOf(runWith({{"divert_care_home_admissions", {}}}), "care_home_diversion_share") ==
          Approx(0.18));
    CHECK(finalOf(runWith({{"strengths_based_practice", {}}}), "strengths_based_review_share") == Approx(1));
    CHECK(finalOf(runWith({{"discharge_to_assess", {}}}), "assessment_in_hospital_share") == Approx(0));
    CHECK(finalOf(runWith({{"trusted_reviews", {}}}), "provider_review_rate") == Approx(1.5));
    CHECK(finalOf(runWith({{"prevention", {}}}), "prevention_investment") == Approx(2));
    CHECK(finalOf(runWith({{"workforce_pay", {}}}), "care_worker_pay_ratio") == Approx(1.05));  // by week 52
    // levers that cost money say so: their programme cost lands in the model
    CHECK(finalOf(runWith({{"reablement_effectiveness", {}}}), "reablement_quality_investment") ==
          Approx(0.6));
    CHECK(finalOf(runWith({{"community_front_door", {}}}), "front_door_investment") == Approx(0.5));
    CHECK(finalOf(runWith({{"strengths_based_practice", {}}}), "practice_development_investment") ==
          Approx(0.4));
}

TEST_CASE("levers: each lever moves its outcome in the direction of its evidence", "[plugins][levers]") {
    const auto base = runWith({});
    // with the reablement capacity discharge to assess needs behind it (004 L1106)
    const std::vector<std::pair<std::string, double>> staffed = {{"reablement_staff", 600}};
    const auto staffedBase = runWith({}, staffed);
    auto moves = [&](const char* lever, const char* outcome, int sign, bool withStaff = false) {
        INFO(lever << " -> " << outcome);
        const auto r = withStaff ? runWith({{lever, {}}}, staffed) : runWith({{lever, {}}});
        const double b = finalOf(withStaff ? staffedBase : base, outcome), v = finalOf(r, outcome);
        CHECK(sign * (v - b) > 1e-6 * std::max(1.0, std::fabs(b)));
    };
    moves("expand_short_term_services", "independent_after_reablement", +1);
    moves("reablement_effectiveness", "share_independent_after_reablement", +1);
    moves("discharge_to_assess", "delayed_bed_days", -1, true);
    moves("community_front_door", "people_with_home_care", -1);
    moves("strengths_based_practice", "learning_disability_hours", -1);
    moves("strengths_based_practice", "care_home_admissions_per_year", -1);
    moves("divert_care_home_admissions", "people_in_care_homes", -1);
    moves("divert_care_home_admissions", "people_with_home_care", +1);
    moves("trusted_reviews", "home_care_hours", -1);
    moves("workforce_pay", "vacancies", -1);
    moves("carers_support", "carer_breakdowns", -1);
    moves("prevention", "people_with_home_care", -1);
}

TEST_CASE("levers: diverting 18% of admissions cuts admissions by 18%", "[plugins][levers]") {
    const double b = finalOf(runWith({}), "care_home_admissions");
    const double v = finalOf(runWith({{"divert_care_home_admissions", {}}}), "care_home_admissions");
    CHECK(v == Approx(b * (1 - 0.18)));  // 004 L649
}

TEST_CASE("levers: prevention is worse before better", "[plugins][levers]") {
    const auto base = runWith({});
    const auto r = runWith({{"prevention", {}}});
    const auto spendBase = base.series("council_spend"), spend = r.series("council_spend");
    CHECK(spend[4] > spendBase[4]);  // paying now ...
    const auto effect = r.series("prevention_effect");
    CHECK(effect[52] < effect[260]);    // ... the effect builds over years (003 L286)
    CHECK(effect[260] <= 0.25 + 1e-9);  // ... up to its ceiling (003 L575)
}

TEST_CASE("levers: a multi-year settlement lets prevention money work", "[plugins][levers]") {
    const std::vector<std::pair<std::string, double>> funded = {{"prevention_investment", 2}};
    const auto base = runWith({}, funded);
    const auto settled = runWith({{"funding_settlement", {}}}, funded);
    CHECK(finalOf(settled, "prevention_effect") > finalOf(base, "prevention_effect"));
    const auto noInvest = runWith({{"funding_settlement", {{"invest_to_save_allowed", 0}}}}, funded);
    CHECK(finalOf(noInvest, "prevention_effect") == Approx(0).margin(1e-12));
}
