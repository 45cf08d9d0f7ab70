// Vensim constructs the .mdl reader reads (issue 12), each in a small model of our own, run to numbers worked
// out by hand: names like functions, quotes and backslashes in names, inline lookups with spaced signs,
// unchangeable constants, TABBED ARRAY, numeric ranges, mappings, sub-ranges that together cover a variable,
// control variables written as expressions, and reality checks.
#include <catch2/catch.hpp>
#include <string>

#include "tests/solver/mdl_test_util.hpp"

using namespace sdw;

namespace {

std::string dump(const diag::Diagnostics& d) {
    return test::dumpDiagnostics(d);
}

// Runs the equations with a control section (Time 0 to 2, step 1) unless `control` is false.
sim::RunResult run(const std::string& equations, diag::Diagnostics& d, bool control = true) {
    return test::runMdl(
        "{UTF-8}\n" + equations +
            (control ? "\nINITIAL TIME = 0 ~~|\nFINAL TIME = 2 ~~|\nTIME STEP = 1 ~~|\n" : ""),
        d);
}

double at(const sim::RunResult& r, const std::string& name, size_t row = 0) {
    return test::valueAt(r, name, row);
}

bool hasCode(const diag::Diagnostics& d, const char* code, const std::string& where = "") {
    for (const auto& x : d.items())
        if (x.code == code && (where.empty() || x.where == where)) return true;
    return false;
}

}  // namespace

TEST_CASE("mdl constructs: variables named like functions or operators", "[mdl][constructs]") {
    diag::Diagnostics d;
    const auto r =
        run("mod = 5 ~~|\nexp = 2 ~~|\nuses mod = mod * exp ~~|\nmodulo call = MODULO(10, 3) ~~|\n"
            "and = 1 ~~|\nboth = and + mod ~~|\n",
            d);
    CHECK(at(r, "uses mod") == 10);
    CHECK(at(r, "modulo call") == 1);
    CHECK(at(r, "both") == 6);
}

TEST_CASE("mdl constructs: names with quotes, backslashes and operators inside", "[mdl][constructs]") {
    diag::Diagnostics d;
    const auto r =
        run("\"rate \\\"as agreed\\\" \\ per day\" = 4 ~~|\n"
            "\"in + out-flow\" = \"rate \\\"as agreed\\\" \\ per day\" * 2 ~~|\n"
            "\"Stock|with bar\" = INTEG(\"in + out-flow\", 10) ~~|\n",
            d);
    CHECK(at(r, "rate \"as agreed\" \\ per day") == 4);
    CHECK(at(r, "in + out-flow") == 8);
    CHECK(at(r, "Stock|with bar", 2) == 26);  // 10 + 2 * 8
    auto p = mdl::readString("{UTF-8}\n\"in + out-flow\" = 1 ~~|\n\"S\" = INTEG(\"in + out-flow\", 0) ~~|\n",
                             d, "t.mdl");
    REQUIRE(p);
    // A quoted name holding '+' and '-' is still one flow, not a sum.
    CHECK(p->main().find("S")->inflows == std::vector<std::string>{"in + out-flow"});
    CHECK(p->main().find("in + out-flow")->kind == model::VarKind::Flow);
}

TEST_CASE("mdl constructs: inline lookups whose signs stand apart from their numbers", "[mdl][constructs]") {
    diag::Diagnostics d;
    const auto r = run("y = WITH LOOKUP(Time, ((0,- 1) , (  + 2 ,-  0.5), (4, + 1) )) ~~|\n", d);
    CHECK(at(r, "y", 0) == -1);
    CHECK(at(r, "y", 1) == Approx(-0.75));  // halfway from (0,-1) to (2,-0.5)
    CHECK(at(r, "y", 2) == -0.5);
}

TEST_CASE("mdl constructs: unchangeable constants (==) are constants", "[mdl][constructs]") {
    diag::Diagnostics d;
    const auto r = run("k == 7 ~~|\nz = k + 1 ~~|\n", d);
    CHECK(at(r, "k") == 7);
    CHECK(at(r, "z") == 8);
}

TEST_CASE("mdl constructs: TABBED ARRAY values, by rows", "[mdl][constructs]") {
    diag::Diagnostics d;
    const auto r =
        run("row : r1, r2 ~~|\ncol : c1, c2, c3 ~~|\n"
            "t[row, col] = TABBED ARRAY(\n\t1\t2\t3\n\t4\t5\t6) ~~|\ntotal = SUM(t[row!, col!]) ~~|\n",
            d);
    CHECK(at(r, "t[r2,c1]") == 4);
    CHECK(at(r, "t[r1,c3]") == 3);
    CHECK(at(r, "total") == 21);
}

TEST_CASE("mdl constructs: numeric-range subscript definitions", "[mdl][constructs]") {
    diag::Diagnostics d;
    const auto r =
        run("layer : (1-4) ~~|\nzone : (z8-z10) ~~|\nx[layer] = 1, 2, 3, 4 ~~|\ny[zone] = 10, 20, 30 ~~|\n"
            "sx = SUM(x[layer!]) ~~|\nsy = y[z9] ~~|\n",
            d);
    CHECK(at(r, "x[3]") == 3);
    CHECK(at(r, "sx") == 10);
    CHECK(at(r, "sy") == 20);
}

TEST_CASE("mdl constructs: mappings between dimensions pair elements by position", "[mdl][constructs]") {
    diag::Diagnostics d;
    const auto r =
        run("area : north, south -> team ~~|\nteam : east team, west team ~~|\n"
            "demand[area] = 10, 20 ~~|\nassigned[team] = demand[area] * 2 ~~|\n"
            // Cohorts: each older cohort ages in from the one before it (Vensim's PREVIOUS COHORT idiom).
            "age : young, middle, old ~~|\nolder : middle, old ~~|\nprevious : young, middle -> older ~~|\n"
            "aging[age] = 1, 2, 3 ~~|\npop[young] = INTEG(-aging[young], 10) ~~|\n"
            "pop[older] = INTEG(aging[previous] - aging[older], 10) ~~|\n",
            d);
    CHECK(at(r, "assigned[east team]") == 20);
    CHECK(at(r, "assigned[west team]") == 40);
    CHECK(at(r, "pop[young]", 2) == 8);   // 10 - 2 * 1
    CHECK(at(r, "pop[middle]", 2) == 8);  // 10 + 2 * (1 - 2)
    CHECK(at(r, "pop[old]", 2) == 8);     // 10 + 2 * (2 - 3)
}

TEST_CASE("mdl constructs: a mapping that reorders elements is refused, naming it", "[mdl][constructs]") {
    diag::Diagnostics d;
    mdl::readString("{UTF-8}\na : a1, a2 -> (b : b2, b1) ~~|\nb : b1, b2 ~~|\n", d, "t.mdl");
    INFO(dump(d));
    CHECK(hasCode(d, diag::code::kUnsupported, "a"));
    d = {};
    mdl::readString("{UTF-8}\na : a1, a2 -> (b : b1, b2) ~~|\nb : b1, b2 ~~|\n", d, "t.mdl");
    CHECK_FALSE(d.hasErrors());  // the target's own order is a plain mapping
}

TEST_CASE("mdl constructs: equations over sub-ranges that together cover a variable", "[mdl][constructs]") {
    diag::Diagnostics d;
    const auto r = run(
        "site : s1, s2, s3 ~~|\nlow : s1, s2 ~~|\nhigh : s3 ~~|\npair : s3, s2 ~~|\n"
        "v[low] = 1 ~~|\nv[high] = 2 ~~|\n"
        "count[s2] = 5 ~~|\ncount[s3] = 6 ~~|\n"  // exactly the elements of `pair`: the variable is over pair
        "capped[low] = 3, 4 ~~|\n",               // a number list over a sub-range stays on the sub-range
        d);
    CHECK(at(r, "v[s1]") == 1);
    CHECK(at(r, "v[s2]") == 1);
    CHECK(at(r, "v[s3]") == 2);
    CHECK(at(r, "count[s3]") == 6);
    CHECK(at(r, "capped[s2]") == 4);
    CHECK(r.column("capped[s3]") < 0);
    CHECK(r.column("count[s1]") < 0);
    CHECK_FALSE(hasCode(d, diag::code::kMdlPartialArray));
}

TEST_CASE("mdl constructs: elements no equation defines are 0, with a warning naming them",
          "[mdl][constructs]") {
    diag::Diagnostics d;
    const auto r = run("site : s1, s2, s3 ~~|\nw[s1] = 1 ~~|\nw[s3] = 3 ~~|\n", d);
    CHECK(at(r, "w[s2]") == 0);
    CHECK(at(r, "w[s3]") == 3);
    REQUIRE(hasCode(d, diag::code::kMdlPartialArray, "w"));
    CHECK(dump(d).find("w[s2]") != std::string::npos);
}

TEST_CASE("mdl constructs: an equation covering too many elements is refused, not expanded",
          "[mdl][constructs]") {
    diag::Diagnostics d;
    auto p =
        mdl::readString("{UTF-8}\na : (a1-a2000) ~~|\nb : (b1-b2000) ~~|\nx[a, b] = 1, 2 ~~|\n", d, "t.mdl");
    REQUIRE(p);
    CHECK(hasCode(d, diag::code::kMdlSyntax, "x"));
}

TEST_CASE("mdl constructs: control variables folded through chains of constants", "[mdl][constructs]") {
    diag::Diagnostics d;
    auto p = mdl::readString(
        "{UTF-8}\nstart year = 2020 ~~|\nyears = 5 ~~|\nhorizon = years * 2 ~~|\n"
        "INITIAL TIME = start year ~~|\nFINAL TIME = INITIAL TIME + horizon ~~|\n"
        "TIME STEP = 1 / 4 ~~|\nSAVEPER = TIME STEP * 2 ~~|\n",
        d, "t.mdl");
    INFO(dump(d));
    REQUIRE(p);
    CHECK(d.empty());
    CHECK(p->specs.start == 2020);
    CHECK(p->specs.stop == 2030);
    CHECK(p->specs.dt == 0.25);
    CHECK(p->specs.saveper == 0.5);
}

TEST_CASE("mdl constructs: control variables that change during the run stay variables the run reads",
          "[mdl][constructs]") {
    diag::Diagnostics d;
    auto p = mdl::readString(
        "{UTF-8}\nclock = Time ~~|\nS = INTEG(1, 0) ~~|\n"
        "TIME STEP = IF THEN ELSE(Time < 4, 1, 0.5) ~~|\nFINAL TIME = IF THEN ELSE(clock > 3, 5, 9) ~~|\n"
        "SAVEPER = S + TIME STEP ~~|\n",
        d, "t.mdl");
    INFO(dump(d));
    REQUIRE(p);
    CHECK_FALSE(d.hasErrors());
    CHECK(p->specs.dtVar == "time_step");
    CHECK(p->specs.stopVar == "final_time");
    CHECK(p->specs.saveperVar == "saveper");
    // Their values with Time at the start, where they can be told, stand in the fixed specs.
    CHECK(p->specs.dt == 1);
    CHECK(p->specs.stop == 9);
    // SAVEPER refers to the variable TIME STEP, not to the run's step.
    const model::Variable* saveper = p->main().find("SAVEPER");
    REQUIRE(saveper);
    CHECK(saveper->equation.find("TIME_STEP") != std::string::npos);
}

TEST_CASE("mdl constructs: an INITIAL TIME that cannot be told before the run is refused, saying why",
          "[mdl][constructs]") {
    diag::Diagnostics d;
    mdl::readString("{UTF-8}\nS = INTEG(1, 0) ~~|\nINITIAL TIME = S ~~|\nFINAL TIME = 10 ~~|\n", d, "t.mdl");
    INFO(dump(d));
    REQUIRE(d.errorCount() == 1);
    const auto& x = d.items().front();
    CHECK(x.code == std::string(diag::code::kBadSpecs));
    CHECK(x.where == "INITIAL TIME");
    CHECK(x.message.find("'S' is a stock") != std::string::npos);
}

TEST_CASE("mdl constructs: reality checks are left out with a warning, not read as ranges",
          "[mdl][constructs]") {
    diag::Diagnostics d;
    auto p = mdl::readString(
        "{UTF-8}\nsector : a, b ~~|\nout[sector] = 1 ~~|\n"
        "check one[sector] :THE CONDITION: out[sector] = 0 :IMPLIES: out[sector] >= 0 ~~|\n"
        "test in :TEST INPUT: out[a] = 0 ~~|\n",
        d, "t.mdl");
    REQUIRE(p);
    CHECK_FALSE(d.hasErrors());
    CHECK(hasCode(d, diag::code::kMdlIgnored, "check one"));
    CHECK(hasCode(d, diag::code::kMdlIgnored, "test in"));
    CHECK(p->dimensions.size() == 1);  // only `sector`
}
