// Tests of the business case by comparing runs (solver/analysis/business_case) on cases worked by hand:
// yearly costs and savings, payback year, net present value at the Green Book rate, sums over payers, bad
// input. Layer: tests/solver.
#include "solver/analysis/business_case.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace sdw;
using analysis::BusinessCaseInput;
using analysis::PayerLedger;

namespace {

// A ledger that accumulates the given yearly costs, sampled at the start of each year.
std::vector<double> ledger(const std::vector<double>& yearly) {
    std::vector<double> out{0};
    for (double c : yearly) out.push_back(out.back() + c);
    return out;
}

BusinessCaseInput yearly(const std::vector<double>& base, const std::vector<double>& scen) {
    BusinessCaseInput in;
    for (size_t i = 0; i <= base.size(); ++i) in.times.push_back(static_cast<double>(i));
    in.payers.push_back({"council", ledger(base), ledger(scen)});
    return in;
}

}  // namespace

TEST_CASE("business case: a scenario that saves from the start pays back in year 0", "[business]") {
    std::string error;
    const auto bc = analysis::computeBusinessCase(yearly({100, 100, 100}, {90, 90, 90}), error);
    REQUIRE(bc);
    REQUIRE(bc->years == 3);
    const auto& c = bc->payers.front();
    CHECK(c.saving == std::vector<double>{10, 10, 10});
    CHECK(c.cumulativeSaving == std::vector<double>{10, 20, 30});
    CHECK(c.paybackYear == 0);
    // 10 + 10 / 1.035 + 10 / 1.035^2 = 10 + 9.66184 + 9.33511 = 28.99695
    CHECK(c.netPresentValue == Approx(10 + 10 / 1.035 + 10 / (1.035 * 1.035)));
    CHECK(c.netPresentValue == Approx(28.99695).epsilon(1e-6));
}

TEST_CASE("business case: invest first, save later: payback when the cumulative saving reaches zero",
          "[business]") {
    std::string error;
    // Year 0 costs 20 more; each later year saves 10: cumulative -20, -10, 0, 10.
    const auto bc = analysis::computeBusinessCase(yearly({100, 100, 100, 100}, {120, 90, 90, 90}), error);
    REQUIRE(bc);
    const auto& c = bc->payers.front();
    CHECK(c.saving == std::vector<double>{-20, 10, 10, 10});
    CHECK(c.cumulativeSaving == std::vector<double>{-20, -10, 0, 10});
    CHECK(c.paybackYear == 2);
    CHECK(c.netPresentValue == Approx(-20 + 10 / 1.035 + 10 / std::pow(1.035, 2) + 10 / std::pow(1.035, 3)));
    // at a higher discount rate the later savings count for less
    auto in = yearly({100, 100, 100, 100}, {120, 90, 90, 90});
    in.discountRate = 0.3;  // -20 + 7.692 + 5.917 + 4.552 = -1.84
    CHECK(analysis::computeBusinessCase(in, error)->payers.front().netPresentValue < 0);
}

TEST_CASE("business case: no payback when the cumulative saving ends below zero, or dips again",
          "[business]") {
    std::string error;
    CHECK_FALSE(
        analysis::computeBusinessCase(yearly({100, 100}, {105, 105}), error)->payers.front().paybackYear);
    // positive after year 0, then below zero in year 2: it pays back for good only from year 3
    const auto bc = analysis::computeBusinessCase(yearly({100, 100, 100, 100}, {90, 100, 115, 80}), error);
    CHECK(bc->payers.front().cumulativeSaving == std::vector<double>{10, 10, -5, 15});
    CHECK(bc->payers.front().paybackYear == 3);
}

TEST_CASE("business case: weekly samples, part years and several payers", "[business]") {
    // A weekly model sampled every 13 weeks for 2.5 years; the council saves 52 a year from the start, the
    // NHS pays 26 a year more; the half year at the end is not a whole year and is left out.
    BusinessCaseInput in;
    in.timeUnitsPerYear = 52;
    PayerLedger council{"council", {}, {}}, nhs{"nhs", {}, {}};
    for (int w = 0; w <= 130; w += 13) {
        in.times.push_back(w);
        council.baseline.push_back(10.0 * w);
        council.scenario.push_back(9.0 * w);
        nhs.baseline.push_back(5.0 * w);
        nhs.scenario.push_back(5.5 * w);
    }
    in.payers = {council, nhs};
    std::string error;
    const auto bc = analysis::computeBusinessCase(in, error);
    INFO(error);
    REQUIRE(bc);
    CHECK(bc->years == 2);
    CHECK(bc->payers[0].baselineCost == std::vector<double>{520, 520});
    CHECK(bc->payers[0].saving == std::vector<double>{52, 52});
    CHECK(bc->payers[1].saving == std::vector<double>{-26, -26});
    CHECK(bc->payers[1].paybackYear == std::nullopt);
    CHECK(bc->total.payer == "total");
    CHECK(bc->total.saving == std::vector<double>{26, 26});
    CHECK(bc->total.paybackYear == 0);
    CHECK(bc->total.netPresentValue == Approx(26 + 26 / 1.035));
}

TEST_CASE("business case: bad input is refused with a reason", "[business]") {
    std::string error;
    auto in = yearly({100}, {90});
    in.payers.clear();
    CHECK_FALSE(analysis::computeBusinessCase(in, error));
    CHECK(error.find("no payer") != std::string::npos);
    in = yearly({100, 100}, {90, 90});
    in.payers.front().scenario.pop_back();
    CHECK_FALSE(analysis::computeBusinessCase(in, error));
    CHECK(error.find("'council'") != std::string::npos);
    in = yearly({100, 100}, {90, 90});
    in.times[1] = in.times[0];
    CHECK_FALSE(analysis::computeBusinessCase(in, error));
    CHECK(error.find("increase") != std::string::npos);
    in = yearly({100, 100}, {90, 90});
    in.timeUnitsPerYear = 5;
    CHECK_FALSE(analysis::computeBusinessCase(in, error));
    CHECK(error.find("less than a whole year") != std::string::npos);
    in.timeUnitsPerYear = -1;
    CHECK_FALSE(analysis::computeBusinessCase(in, error));
    CHECK(analysis::timeUnitsPerYear("Weeks") == Approx(52.1786).epsilon(1e-4));
    CHECK(analysis::timeUnitsPerYear("months") == 12);
    CHECK(analysis::timeUnitsPerYear("fortnights") == 0);
}

TEST_CASE("business case: years can start later than the run (a financial year from 1 April)", "[business]") {
    // Ledgers 0, 100, 200, 300 (baseline) and 0, 90, 180, 270 at years 0..3; year 0 moved to t = 0.25.
    const auto in = analysis::startingAt(yearly({100, 100, 100}, {90, 90, 90}), 0.25);
    CHECK(in.times == std::vector<double>{0.25, 1, 2, 3});
    CHECK(in.payers.front().baseline == std::vector<double>{25, 100, 200, 300});
    CHECK(in.payers.front().scenario == std::vector<double>{22.5, 90, 180, 270});
    std::string error;
    const auto bc = analysis::computeBusinessCase(in, error);
    REQUIRE(bc);
    CHECK(bc->years == 2);  // 2.75 years of samples: two whole years from 0.25
    CHECK(bc->payers.front().saving == std::vector<double>{10, 10});
    CHECK(analysis::startingAt(in, 0).times == in.times);  // not after the first sample: unchanged
}
