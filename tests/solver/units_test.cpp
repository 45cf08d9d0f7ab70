// Units: parsing unit strings and warning, by name, about dimensional mismatches.
#include "solver/compile/units.hpp"

#include <catch2/catch.hpp>

#include "tests/solver/model_builder.hpp"

using namespace sdw;

namespace {
compile::Unit unit(const std::string& s) {
    std::string err;
    auto u = compile::parseUnit(s, err);
    REQUIRE(err.empty());
    REQUIRE(u);
    return *u;
}
std::vector<diag::Diagnostic> unitWarnings(const test::Builder& b) {
    diag::Diagnostics d;
    REQUIRE(b.compile(d));
    std::vector<diag::Diagnostic> out;
    for (const auto& x : d.items())
        if (x.code == diag::code::kUnitMismatch) out.push_back(x);
    return out;
}
}  // namespace

TEST_CASE("units: parsing products, quotients, powers and aliases", "[units]") {
    CHECK(unit("people/week") == unit("person / weeks"));
    CHECK(unit("£/(person*week)") == unit("£/person/week"));
    CHECK(unit("1/year").toString() == "1/year");
    CHECK(unit("dmnl").powers.empty());
    CHECK(unit("m^2/m") == unit("m"));
    CHECK(unit("hours/week").toString() == "hour/week");
    std::string err;
    CHECK_FALSE(compile::parseUnit("people/(week", err));
    CHECK_FALSE(err.empty());
    CHECK_FALSE(compile::parseUnit("", err));
}

TEST_CASE("units: consistent model gives no warnings", "[units]") {
    test::Builder b(0, 10, 1);
    b.project.specs.timeUnits = "weeks";
    b.stock("waiting", "100", {"arrivals"}, {"admissions"});
    b.last().units = "people";
    b.flow("arrivals", "20");
    b.last().units = "people/week";
    b.flow("admissions", "waiting / wait_time");
    b.last().units = "people/week";
    b.aux("wait_time", "4");
    b.last().units = "weeks";
    CHECK(unitWarnings(b).empty());
}

TEST_CASE("units: mismatches are warnings naming the variable", "[units]") {
    test::Builder b(0, 10, 1);
    b.project.specs.timeUnits = "weeks";
    b.stock("waiting", "100", {}, {"admissions"});
    b.last().units = "people";
    b.flow("admissions", "waiting * wait_time");  // people*week, declared people/week
    b.last().units = "people/week";
    b.aux("wait_time", "4");
    b.last().units = "weeks";
    b.aux("nonsense", "waiting + wait_time");
    b.last().units = "people";
    b.flow("orphan", "1");
    b.last().units = "pounds";
    auto w = unitWarnings(b);
    REQUIRE(w.size() == 2);
    CHECK(w[0].where == "admissions");
    CHECK(w[0].message.find("person*week") != std::string::npos);
    CHECK(w[1].where == "nonsense");
}
