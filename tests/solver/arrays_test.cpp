// Arrays: apply-to-all and per-element equations, arrayed stocks and flows, 2-D reductions, subranges,
// dimension mapping, and an arrayed model against its written-out twin.
#include <catch2/catch.hpp>

#include "bench/generated_models.hpp"
#include "tests/solver/model_builder.hpp"

using namespace sdw;
using test::Builder;

TEST_CASE("arrays: arrayed stocks and flows integrate element by element", "[arrays]") {
    Builder b(0, 4, 1);
    b.dim("age", {"young", "old"});
    b.stock("pop", "100", {"births"}, {"deaths"});
    b.last().dimensions = {"age"};
    b.flow("births", "pop * 0.1");
    b.last().dimensions = {"age"};
    b.flow("deaths", "pop[age] * death_rate[age]");
    b.last().dimensions = {"age"};
    b.aux("death_rate", "0.05", {"age"});
    b.last().elements = {{{"old"}, "0.2", std::nullopt}};
    sim::RunResult r = b.run();
    REQUIRE(r.ok());
    CHECK(*r.finalValue("pop[young]") == Approx(100 * std::pow(1.05, 4)));
    CHECK(*r.finalValue("pop[old]") == Approx(100 * std::pow(0.9, 4)));
}

TEST_CASE("arrays: two dimensions, reductions over one of them, transposed reference", "[arrays]") {
    Builder b(0, 0, 1);
    b.dim("place", {"a", "b", "c"}).dim("band", {"x", "y"});
    b.aux("m", "1", {"place", "band"});
    b.last().elements = {{{"b", "y"}, "10", std::nullopt}, {{"c", "x"}, "5", std::nullopt}};
    b.aux("by_place", "SUM(m[place, *])", {"place"});
    b.aux("by_band", "SUM(m[*, band])", {"band"});
    b.aux("all", "SUM(m[*, *])");
    b.aux("t", "m[place, band]", {"band", "place"});
    sim::RunResult r = b.run();
    REQUIRE(r.ok());
    CHECK(*r.finalValue("by_place[b]") == 11);
    CHECK(*r.finalValue("by_band[x]") == 7);
    CHECK(*r.finalValue("by_band[y]") == 12);
    CHECK(*r.finalValue("all") == 19);
    CHECK(*r.finalValue("t[y, b]") == 10);
    CHECK(r.column("m[b,y]") > 0);
}

TEST_CASE("arrays: subranges pick elements of their parent dimension", "[arrays]") {
    Builder b(0, 0, 1);
    b.dim("band", {"young", "middle", "old"}).dim("older", {"middle", "old"});
    b.aux("pop", "0", {"band"});
    b.last().elements = {{{"young"}, "1", std::nullopt}, {{"middle"}, "2", std::nullopt}, {{"old"}, "3", std::nullopt}};
    b.aux("older_pop", "pop[older]", {"older"});
    b.aux("sum_older", "SUM(pop[older])");
    sim::RunResult r = b.run();
    REQUIRE(r.ok());
    CHECK(*r.finalValue("older_pop[middle]") == 2);
    CHECK(*r.finalValue("older_pop[old]") == 3);
    CHECK(*r.finalValue("sum_older") == 5);
}

TEST_CASE("arrays: bad subscripts are diagnosed", "[arrays][errors]") {
    Builder b(0, 0, 1);
    b.dim("band", {"young", "old"});
    b.aux("pop", "1", {"band"});
    b.aux("a", "pop[middle]").aux("c", "pop[1, 2]").aux("d", "pop + 1").aux("e", "pop[3]");
    diag::Diagnostics d;
    CHECK_FALSE(b.compile(d));
    int badSubscripts = 0;
    for (const auto& x : d.items()) badSubscripts += x.code == diag::code::kBadSubscript ? 1 : 0;
    CHECK(badSubscripts == 4);
}

TEST_CASE("arrays: an arrayed model equals its written-out scalar twin", "[arrays]") {
    diag::Diagnostics d;
    auto arrayed = compile::compileModel(bench::localitiesModel(7, true, 10, 0.5), d);
    auto scalar = compile::compileModel(bench::localitiesModel(7, false, 10, 0.5), d);
    REQUIRE(arrayed);
    REQUIRE(scalar);
    CHECK(arrayed->columns.size() == scalar->columns.size());
    const auto ra = sim::simulate(*arrayed), rs = sim::simulate(*scalar);
    REQUIRE(ra.ok());
    REQUIRE(rs.ok());
    for (int place : {0, 3, 6})
        for (int c : {0, 7, 19}) {
            const std::string elem = "[L" + std::to_string(place) + "]";
            const std::string sfx = std::to_string(c);
            CHECK(ra.series("stock" + sfx + elem) == rs.series("stock" + sfx + "_" + std::to_string(place)));
        }
}
