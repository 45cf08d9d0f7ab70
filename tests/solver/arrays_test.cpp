// Arrays: apply-to-all and per-element equations, arrayed stocks and flows, 2-D reductions, subranges,
// dimension mapping, and an arrayed model against its written-out twin.
#include <catch2/catch.hpp>

#include "bench/generated_models.hpp"
#include "solver/equations/parser.hpp"
#include "solver/xmile/xmile.hpp"
#include "tests/solver/model_builder.hpp"

using namespace sdw;
using test::Builder;

namespace {

std::string messages(const diag::Diagnostics& d) {
    std::string out;
    for (const auto& x : d.items()) out += diag::format(x) + "\n";
    return out;
}

// An arrayed constant m[rows, cols] whose element (r, c), counted from 1, is 10 * r + c.
void tensTable(Builder& b, const std::vector<std::string>& rows, const std::vector<std::string>& cols) {
    for (size_t r = 0; r < rows.size(); ++r)
        for (size_t c = 0; c < cols.size(); ++c)
            b.last().elements.push_back(
                {{rows[r], cols[c]}, std::to_string(10 * (r + 1) + c + 1), std::nullopt});
}

}  // namespace

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
    b.last().elements = {
        {{"young"}, "1", std::nullopt}, {{"middle"}, "2", std::nullopt}, {{"old"}, "3", std::nullopt}};
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

TEST_CASE("arrays: SUM(x[*]) and the other reductions inside an equation arrayed over x's dimension",
          "[arrays]") {
    // x = {1, 2, 3}: sum 6, mean 2, min 1, max 3, product 6, population standard deviation sqrt(2/3), size 3.
    Builder b(0, 0, 1);
    b.dim("region", {"a", "b", "c"});
    b.aux("x", "0", {"region"});
    b.last().elements = {{{"a"}, "1", std::nullopt}, {{"b"}, "2", std::nullopt}, {{"c"}, "3", std::nullopt}};
    b.aux("w", "10", {"region"});
    b.aux("share", "x / SUM(x[*])", {"region"});
    b.aux("dev", "x[region] - MEAN(x[*])", {"region"});
    b.aux("spread", "MAX(x[*]) - MIN(x[*]) + PROD(x[*]) + SIZE(x[*])", {"region"});
    b.aux("sd", "STDDEV(x[*]) + 0 * x", {"region"});
    b.aux("weighted", "SUM(x[*] * w[region])", {"region"});  // w[region] is this element's, x[*] every one
    b.aux("named", "SUM(x[*:region])", {"region"});
    sim::RunResult r = b.run();
    INFO(messages(r.diagnostics));
    REQUIRE(r.ok());
    CHECK(*r.finalValue("share[a]") == Approx(1.0 / 6));
    CHECK(*r.finalValue("share[c]") == Approx(3.0 / 6));
    CHECK(*r.finalValue("dev[a]") == Approx(-1));
    CHECK(*r.finalValue("dev[c]") == Approx(1));
    CHECK(*r.finalValue("spread[b]") == Approx(3 - 1 + 6 + 3));
    CHECK(*r.finalValue("sd[a]") == Approx(std::sqrt(2.0 / 3)));
    CHECK(*r.finalValue("weighted[b]") == Approx(60));
    CHECK(*r.finalValue("named[c]") == Approx(6));
}

TEST_CASE("arrays: partial wildcards reduce one row or column per element", "[arrays]") {
    // m[place, band] = 10 * place + band (places 1..3, bands 1..2). Row sums: 20p + 3; column sums: 60 + 3b.
    Builder b(0, 0, 1);
    b.dim("place", {"p1", "p2", "p3"}).dim("band", {"b1", "b2"});
    b.aux("m", "0", {"place", "band"});
    tensTable(b, {"p1", "p2", "p3"}, {"b1", "b2"});
    b.aux("row_share", "m / SUM(m[place, *])", {"place", "band"});
    b.aux("col_share", "m[place, band] / SUM(m[*, band])", {"place", "band"});
    b.aux("row_max", "MAX(m[place, *])", {"place"});
    b.aux("total_in_each", "SUM(m[*, *])", {"band"});
    sim::RunResult r = b.run();
    REQUIRE(r.ok());
    CHECK(*r.finalValue("row_share[p2, b1]") == Approx(21.0 / 43));
    CHECK(*r.finalValue("row_share[p2, b2]") == Approx(22.0 / 43));
    CHECK(*r.finalValue("col_share[p3, b2]") == Approx(32.0 / 66));
    CHECK(*r.finalValue("col_share[p1, b1]") == Approx(11.0 / 63));
    CHECK(*r.finalValue("row_max[p3]") == 32);
    CHECK(*r.finalValue("total_in_each[b1]") == 129);
}

TEST_CASE("arrays: SIZE of a bare dimension counts its elements", "[arrays]") {
    Builder b(0, 0, 1);
    b.dim("band", {"young", "middle", "old"}).dim("older", {"middle", "old"});
    b.aux("n", "SIZE(band) + 10 * SIZE(older)");
    b.aux("even", "1 / SIZE(band)", {"band"});
    sim::RunResult r = b.run();
    REQUIRE(r.ok());
    CHECK(*r.finalValue("n") == 23);
    CHECK(*r.finalValue("even[old]") == Approx(1.0 / 3));
}

TEST_CASE("arrays: graphical functions with a table per element", "[arrays][gf]") {
    auto table = [](double y0, double y1) {
        model::GraphicalFunction g;
        g.xs = {0, 10};
        g.ys = {y0, y1};
        return g;
    };
    Builder b(0, 0, 1);
    b.dim("region", {"a", "b"});
    // Tables only, called by name per element: effect[a] rises 0 -> 10, effect[b] falls 100 -> 0 over x
    // 0..10.
    b.aux("effect", "", {"region"});
    b.last().elements = {{{"a"}, "", table(0, 10)}, {{"b"}, "", table(100, 0)}};
    // One equation for the variable, a table per element.
    b.aux("shared_input", "5", {"region"});
    b.last().elements = {{{"a"}, "", table(0, 10)}, {{"b"}, "", table(100, 0)}};
    b.last().equation = "2";
    // An equation and a table per element.
    b.aux("own_input", "", {"region"});
    b.last().elements = {{{"a"}, "1", table(0, 10)}, {{"b"}, "9", table(100, 0)}};
    b.aux("called", "effect(5)", {"region"});
    b.aux("looked", "LOOKUP(effect[b], 2.5)");
    sim::RunResult r = b.run();
    REQUIRE(r.ok());
    CHECK(*r.finalValue("shared_input[a]") == Approx(2));
    CHECK(*r.finalValue("shared_input[b]") == Approx(80));
    CHECK(*r.finalValue("own_input[a]") == Approx(1));
    CHECK(*r.finalValue("own_input[b]") == Approx(10));
    CHECK(*r.finalValue("called[a]") == Approx(5));
    CHECK(*r.finalValue("called[b]") == Approx(50));
    CHECK(*r.finalValue("looked") == Approx(75));
}

TEST_CASE("arrays: a per-element table with mismatched points is diagnosed by element",
          "[arrays][gf][errors]") {
    Builder b(0, 0, 1);
    b.dim("region", {"a", "b"});
    model::GraphicalFunction bad;
    bad.xs = {0, 1, 2};
    bad.ys = {0, 1};
    b.aux("effect", "1", {"region"});
    b.last().elements = {{{"b"}, "", bad}};
    diag::Diagnostics d;
    CHECK_FALSE(b.compile(d));
    REQUIRE(test::hasCode(d, diag::code::kBadGraphical));
    bool named = false;
    for (const auto& x : d.items()) named = named || x.where == "effect[b]";
    CHECK(named);
}

TEST_CASE("arrays: XMILE arrayed graphical functions, <gf> in each <element> or listed in order",
          "[arrays][gf][xmile]") {
    // Tables over x 0..10: region a rises 0 -> 10, region b falls 100 -> 0 (evenly spread by xscale).
    const std::string gfA = "<gf><xscale min=\"0\" max=\"10\"/><ypts>0,10</ypts></gf>";
    const std::string gfB = "<gf><xscale min=\"0\" max=\"10\"/><ypts>100,0</ypts></gf>";
    const std::string text =
        "<xmile xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\"><header/>"
        "<sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>"
        "<dimensions><dim name=\"region\"><elem name=\"a\"/><elem name=\"b\"/></dim></dimensions>"
        "<model><variables>"
        "<aux name=\"tables\"><dimensions><dim name=\"region\"/></dimensions><eqn/>"
        "<element subscript=\"a\">" +
        gfA + "</element><element subscript=\"b\">" + gfB +
        "</element></aux>"
        "<aux name=\"per element\"><dimensions><dim name=\"region\"/></dimensions>"
        "<element subscript=\"a\"><eqn>4</eqn>" +
        gfA +
        "</element>"
        "<element subscript=\"b\"><eqn>TIME + 1</eqn>" +
        gfB +
        "</element></aux>"
        "<aux name=\"listed\"><dimensions><dim name=\"region\"/></dimensions><eqn>5</eqn>" +
        gfA + gfB +
        "</aux>"
        "<aux name=\"called\"><dimensions><dim name=\"region\"/></dimensions><eqn>tables(2)</eqn></aux>"
        "</variables></model></xmile>";
    diag::Diagnostics d;
    auto p = xmile::readString(text, d);
    REQUIRE(p);
    auto cm = compile::compileModel(*p, d);
    INFO(messages(d));
    REQUIRE(cm);
    const sim::RunResult r = sim::simulate(*cm);
    REQUIRE(r.ok());
    CHECK(r.series("per element[a]") == std::vector<double>{4, 4});
    CHECK(r.series("per element[b]") == std::vector<double>{90, 80});  // x = TIME + 1 = 1, 2
    CHECK(*r.finalValue("listed[a]") == Approx(5));
    CHECK(*r.finalValue("listed[b]") == Approx(50));
    CHECK(*r.finalValue("called[a]") == Approx(2));
    CHECK(*r.finalValue("called[b]") == Approx(80));
    // The round trip keeps one table per element.
    diag::Diagnostics d2;
    auto back = xmile::readString(xmile::writeString(*p), d2);
    REQUIRE(back);
    const model::Variable* listed = back->main().find("listed");
    REQUIRE(listed);
    REQUIRE(listed->elements.size() == 2);
    REQUIRE(listed->elements[1].gf);
    CHECK(listed->elements[1].gf->ys == std::vector<double>{100, 0});
}

TEST_CASE("arrays: transposition x' and dimension positions @n", "[arrays]") {
    // m[row, col] = 10 * row + col, rows 1..3 and columns 1..2.
    Builder b(0, 0, 1);
    b.dim("row", {"r1", "r2", "r3"})
        .dim("col", {"c1", "c2"})
        .dim("x", {"x1", "x2"})
        .dim("y", {"y1", "y2", "y3"});
    b.aux("m", "0", {"row", "col"});
    tensTable(b, {"r1", "r2", "r3"}, {"c1", "c2"});
    b.aux("by_name", "m'", {"col", "row"});  // dimensions shared by name: the same element
    b.aux("by_position", "m'", {"x", "y"});  // none shared: m' is [col, row], matched position by position
    b.aux("picked", "m'[c1, r3]");           // subscripts of m' address col, then row
    b.aux("positions", "m[@2, @1]", {"col", "row"});  // @p: this element's p-th dimension
    b.aux("row_total", "SUM(m'[*, row])", {"row"});
    sim::RunResult r = b.run();
    INFO(messages(r.diagnostics));
    REQUIRE(r.ok());
    CHECK(*r.finalValue("by_name[c2, r3]") == 32);
    CHECK(*r.finalValue("by_position[x2, y3]") == 32);
    CHECK(*r.finalValue("by_position[x1, y2]") == 21);
    CHECK(*r.finalValue("picked") == 31);
    CHECK(*r.finalValue("positions[c1, r3]") == 31);
    CHECK(*r.finalValue("positions[c2, r1]") == 12);
    CHECK(*r.finalValue("row_total[r2]") == 43);
}

TEST_CASE("arrays: transposition and positions parse and print back", "[arrays][parser]") {
    diag::Diagnostics d;
    const auto e = equations::parse("m' + m'[a, b] + m[@2, @1] + bob's_pay", "x", d);
    REQUIRE_FALSE(d.hasErrors());
    CHECK(equations::toString(e) == "(((m' + m'[a, b]) + m[@2, @1]) + bob's_pay)");
    equations::parse("m[@0]", "x", d);
    CHECK(test::hasCode(d, diag::code::kSyntax));
}

TEST_CASE("arrays: a subscript range is refused with a diagnostic naming the variable and the range",
          "[arrays][errors]") {
    Builder b(0, 0, 1);
    b.dim("band", {"young", "middle", "old"});
    b.aux("pop", "1", {"band"});
    b.aux("some", "SUM(pop[young:middle])");
    diag::Diagnostics d;
    CHECK_FALSE(b.compile(d));
    bool named = false;
    for (const auto& x : d.items())
        named = named || (x.code == diag::code::kUnsupported && x.where == "some" &&
                          x.message.find("young:middle") != std::string::npos);
    INFO(messages(d));
    CHECK(named);
}

TEST_CASE("arrays: a dimension position beyond the variable's dimensions is diagnosed", "[arrays][errors]") {
    Builder b(0, 0, 1);
    b.dim("row", {"r1", "r2"}).dim("col", {"c1", "c2"});
    b.aux("m", "1", {"row", "col"});
    b.aux("z", "m[@1, @2]", {"row"});
    b.aux("w", "m'", {"row"});  // m' has two dimensions, z one: no element to pick for col
    diag::Diagnostics d;
    CHECK_FALSE(b.compile(d));
    bool named = false;
    for (const auto& x : d.items())
        named = named || (x.code == diag::code::kBadSubscript && x.where.rfind("z", 0) == 0 &&
                          x.message.find("@2") != std::string::npos);
    CHECK(named);
}

TEST_CASE("arrays: mapped dimensions pair elements position by position, both ways", "[arrays]") {
    Builder b(0, 0, 1);
    b.dim("area", {"north", "south"}).dim("zone", {"z1", "z2"});
    b.project.dimensions.back().maps = {"area"};
    b.aux("x", "0", {"area"});
    b.last().elements = {{{"north"}, "1", std::nullopt}, {{"south"}, "2", std::nullopt}};
    b.aux("y", "x * 10", {"zone"});
    b.aux("y_named", "x[area] * 100", {"zone"});
    b.aux("back", "y + 1", {"area"});
    sim::RunResult r = b.run();
    INFO(messages(r.diagnostics));
    REQUIRE(r.ok());
    CHECK(*r.finalValue("y[z2]") == 20);
    CHECK(*r.finalValue("y_named[z1]") == 100);
    CHECK(*r.finalValue("back[south]") == 21);
}
