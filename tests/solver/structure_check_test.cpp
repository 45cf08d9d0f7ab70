// model::checkStructure: a stock's inflows and outflows must be flows; the error names the stock, the
// variable and what it is instead.
#include "solver/model/structure_check.hpp"

#include <catch2/catch.hpp>

#include "tests/solver/model_builder.hpp"

using namespace sdw;

TEST_CASE("structure: a stock listing an auxiliary or a stock as a flow is an error naming both",
          "[structure]") {
    test::Builder b;
    b.stock("Beds", "10", {"admissions"}, {"Discharged"}).aux("admissions", "2").stock("Discharged", "0");
    b.stock("Other", "0", {"moves"}).flow("moves", "1");
    diag::Diagnostics d;
    model::checkStructure(b.project, d);
    REQUIRE(d.errorCount() == 2);
    CHECK(d.items()[0].code == std::string(diag::code::kBadFlowLink));
    CHECK(d.items()[0].where == "Beds");
    CHECK(d.items()[0].message.find("'admissions' as an inflow") != std::string::npos);
    CHECK(d.items()[0].message.find("is an auxiliary") != std::string::npos);
    CHECK(d.items()[1].message.find("'Discharged' as an outflow") != std::string::npos);
    CHECK(d.items()[1].message.find("is a stock") != std::string::npos);
}

TEST_CASE("structure: flows, and names the model lacks, pass (the compiler reports the missing ones)",
          "[structure]") {
    test::Builder b;
    b.stock("Beds", "10", {"admissions"}, {"nowhere"}).flow("admissions", "2");
    diag::Diagnostics d;
    model::checkStructure(b.project, d);
    CHECK(d.empty());
}
