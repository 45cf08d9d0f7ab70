// Batches and sampling: Latin hypercube strata, seeded reproducibility, and parallel runs equal to serial
// ones.
#include "plugins/host/batch.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "tests/plugins/plugin_test_util.hpp"
#include "tests/plugins/small_care_model.hpp"

using namespace sdw;

TEST_CASE("batch: a Latin hypercube puts one point in each stratum of each dimension", "[plugins][batch]") {
    const size_t n = 50, dims = 3;
    const auto pts = plugins::latinHypercube(n, dims, 11);
    REQUIRE(pts.size() == n);
    for (size_t d = 0; d < dims; ++d) {
        std::vector<int> hits(n, 0);
        for (const auto& p : pts) {
            REQUIRE(p[d] >= 0.0);
            REQUIRE(p[d] < 1.0);
            ++hits[static_cast<size_t>(p[d] * n)];
        }
        CHECK(std::all_of(hits.begin(), hits.end(), [](int h) { return h == 1; }));
    }
}

TEST_CASE("batch: the same seed gives the same samples, another seed others", "[plugins][batch]") {
    CHECK(plugins::latinHypercube(20, 2, 5) == plugins::latinHypercube(20, 2, 5));
    CHECK(plugins::latinHypercube(20, 2, 5) != plugins::latinHypercube(20, 2, 6));
}

TEST_CASE("batch: a seeded Monte Carlo over lever ranges is reproducible, in parallel", "[plugins][batch]") {
    plugins::PluginLibrary lib;
    diag::Diagnostics diags;
    lib.addDirectory(plugins::leversDirectory(SDW_SOURCE_DIR), diags);
    REQUIRE_FALSE(diags.hasErrors());
    auto monteCarlo = [&](uint64_t seed, unsigned threads) {
        const auto pts = plugins::latinHypercube(16, 2, seed);
        std::vector<plugins::RunRequest> reqs;
        for (const auto& p : pts) {
            plugins::RunRequest r;
            r.plugins.push_back({"divert_care_home_admissions", {{"diversion_share", 0.5 * p[0]}}});
            r.plugins.push_back({"workforce_pay", {{"target_pay_ratio", 0.8 + 0.5 * p[1]}}});
            r.spec.vars = {"people_in_care_homes", "vacancies"};
            reqs.push_back(r);
        }
        plugins::BatchOptions o;
        o.threads = threads;
        std::vector<double> out;
        for (const auto& r : plugins::runBatch(test::smallCareModel(), lib, reqs, o)) {
            REQUIRE(r.ok());
            out.push_back(*r.finalValue("people_in_care_homes"));
            out.push_back(*r.finalValue("vacancies"));
        }
        return out;
    };
    const auto a = monteCarlo(3, 4), b = monteCarlo(3, 4), serial = monteCarlo(3, 1),
               other = monteCarlo(4, 4);
    CHECK(a == b);
    CHECK(a == serial);
    CHECK(a != other);
}

// Requests that only set constants run as one engine batch (one compile, shared native code); each must
// give what the same request gives on its own (one request: the per-request path, which recompiles).
TEST_CASE("batch: constants-only requests run as one engine batch, each as it would alone",
          "[plugins][batch]") {
    plugins::PluginLibrary lib;
    std::vector<plugins::RunRequest> reqs;
    for (double base : {80.0, 100.0, 120.0}) {
        plugins::RunRequest r;
        r.spec.sets = {{"base_requests", base}, {"care_home_diversion_share", base / 1000}};
        r.spec.vars = {"requests", "people_in_care_homes"};
        reqs.push_back(r);
    }
    plugins::BatchOptions o;
    o.threads = 2;
    const auto together = plugins::runBatch(test::smallCareModel(), lib, reqs, o);
    REQUIRE(together.size() == 3);
    for (size_t i = 0; i < reqs.size(); ++i) {
        const auto alone = plugins::runBatch(test::smallCareModel(), lib, {reqs[i]}, o);
        REQUIRE(together[i].ok());
        REQUIRE(alone.at(0).ok());
        CHECK(together[i].names == alone[0].names);
        CHECK(together[i].data == alone[0].data);
    }
    // requests = (base_requests + carer_breakdowns) x (1 - prevention effect), with carer_breakdowns =
    // 20 x (1 - 0.4 x 0.2) = 18.4 and no prevention invested (effect 0): (120 + 18.4) / (100 + 18.4).
    CHECK(*together[2].finalValue("requests") / *together[1].finalValue("requests") == Approx(138.4 / 118.4));
    // A name that is not a constant: the per-request path, which names it.
    reqs[1].spec.sets = {{"no_such_constant", 1}};
    const auto mixed = plugins::runBatch(test::smallCareModel(), lib, reqs, o);
    CHECK(mixed[0].ok());
    CHECK_FALSE(mixed[1].ok());
    REQUIRE_FALSE(mixed[1].diagnostics.empty());
    CHECK(mixed[1].diagnostics.items().front().where == "no_such_constant");
}
