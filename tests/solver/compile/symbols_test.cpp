// Compile stage 1, symbols: dimensions with subranges and mappings, module inlining, name checks.
// Layer: tests/solver.
#include <catch2/catch.hpp>

#include "tests/solver/compile/stages.hpp"

using namespace sdw;
using test::Builder;

TEST_CASE("symbols: a dimension whose elements all belong to a larger one is its subrange",
          "[compile][symbols]") {
    Builder b;
    b.dim("region", {"North", "South", "East"})
        .dim("coast", {"south", "east"})
        .dim("zone", {"z1", "z2", "z3"});
    b.project.dimensions[2].maps = {"Region"};
    test::Stages s;
    const auto st = s.symbols(b.project);
    const int region = st.findDim("region"), coast = st.findDim("coast"), zone = st.findDim("zone");
    REQUIRE((region >= 0 && coast >= 0 && zone >= 0));
    CHECK(st.dim(coast).parent == region);
    CHECK(st.dim(coast).parentIndex == std::vector<int>{1, 2});  // south and east, by position in region
    CHECK(st.dim(region).parent == -1);
    CHECK(st.dim(zone).parent == -1);  // same size, other names: a mapping, not a subrange
    CHECK(st.dim(zone).mapsTo == std::vector<int>{region});
    CHECK(st.dim(region).elemsDisplay == std::vector<std::string>{"North", "South", "East"});
    CHECK(st.dim(region).elems == std::vector<std::string>{"north", "south", "east"});
    CHECK(st.elementSuffix({region, zone}, {2, 0}, true) == "[East,z1]");
    CHECK(st.elementIndices({region, zone}, 7) == std::vector<int>{2, 1});  // 7 = 2 * 3 + 1, row-major
}

TEST_CASE("symbols: a module's variables are inlined under its scope, with its inputs",
          "[compile][symbols]") {
    Builder b;
    b.aux("k", "4");
    model::Variable sub;
    sub.kind = model::VarKind::Module;
    sub.name = "Sub";
    sub.moduleModel = "inner";
    sub.connections = {{"Sub.x", ".k"}};
    b.project.main().variables.push_back(sub);
    model::Model inner;
    inner.name = "inner";
    inner.variables.resize(2);
    inner.variables[0].name = "x";
    inner.variables[0].equation = "0";
    inner.variables[1].name = "y";
    inner.variables[1].equation = "x * 2";
    b.project.models.push_back(inner);
    test::Stages s;
    const auto st = s.symbols(b.project);
    REQUIRE(st.findVar("sub", "") >= 0);
    CHECK(st.var(st.findVar("sub", "")).kind == model::VarKind::Module);
    const int y = st.findVar("y", "sub.");
    REQUIRE(y >= 0);
    CHECK(st.var(y).display == "sub.y");
    CHECK(st.var(y).canonical == "sub.y");
    CHECK(st.findVar("y", "") < 0);  // not in the main model's scope
    REQUIRE(st.inputs.count("sub.x"));
    CHECK(st.inputs.at("sub.x").equation == "k");  // `from` without its leading '.'
    CHECK(st.inputs.at("sub.x").parentScope.empty());
    CHECK_FALSE(s.report.failed());
}

TEST_CASE("symbols: duplicate names and unknown dimensions are reported, the rest is collected",
          "[compile][symbols][errors]") {
    Builder b;
    b.aux("Birth Rate", "1").aux("birth_rate", "2").aux("pop", "3", {"nowhere"}).aux("ok", "4");
    test::Stages s;
    const auto st = s.symbols(b.project);
    CHECK(s.report.failed());
    CHECK(test::hasCode(s.diags, "E206"));
    CHECK(test::hasCode(s.diags, "E210"));
    CHECK(st.findVar("ok", "") >= 0);
    CHECK(st.var(st.findVar("birth_rate", "")).display == "Birth Rate");  // the first keeps the name
}
