// Vensim .mdl reader: each translation rule (stocks and flows, lookups, built-ins, subscripts, macros,
// control section, units, sketch) and robustness (unsupported functions, truncated files, CR line endings).
#include "solver/mdl/mdl_reader.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

#include "solver/compile/compiled_model.hpp"
#include "solver/equations/parser.hpp"
#include "solver/sim/simulate.hpp"
#include "solver/xmile/xmile.hpp"
#include "tests/solver/conformance_util.hpp"
#include "tests/solver/project_compare.hpp"

using namespace sdw;

namespace {

// Wraps equations in a minimal model with a control section.
std::string withControl(const std::string& equations) {
    return "{UTF-8}\n" + equations +
           "\nINITIAL TIME = 0 ~ Month ~ |\nFINAL TIME = 10 ~ Month ~ |\nTIME STEP = 0.5 ~ Month [0,?] ~ |\n"
           "SAVEPER = TIME STEP ~ Month ~ |\n";
}

model::Project read(const std::string& text, diag::Diagnostics& d) {
    auto p = mdl::readString(text, d, "test.mdl");
    REQUIRE(p.has_value());
    return *p;
}

std::string dump(const diag::Diagnostics& d) {
    std::string out;
    for (const auto& item : d.items()) out += diag::format(item) + "\n";
    return out;
}

model::Project readClean(const std::string& equations) {
    diag::Diagnostics d;
    auto p = read(withControl(equations), d);
    INFO(dump(d));
    REQUIRE_FALSE(d.hasErrors());
    return p;
}

// Equations compared as parsed trees, so spacing and redundant parentheses do not matter.
std::string norm(const std::string& xmile) {
    diag::Diagnostics d;
    auto e = equations::parse(xmile, "x", d);
    INFO(xmile);
    REQUIRE_FALSE(d.hasErrors());
    return equations::toString(e);
}

const model::Variable& var(const model::Project& p, const std::string& name) {
    const model::Variable* v = p.main().find(name);
    INFO(name);
    REQUIRE(v != nullptr);
    return *v;
}

std::string eq(const model::Project& p, const std::string& name) {
    return norm(var(p, name).equation);
}

// Compiles and runs a project that must compile and run cleanly.
sim::RunResult compileAndRun(const model::Project& p) {
    diag::Diagnostics d;
    auto compiled = compile::compileModel(p, d);
    INFO(dump(d));
    REQUIRE(compiled);
    sim::RunResult run = sim::simulate(*compiled);
    REQUIRE(run.ok());
    return run;
}

bool hasCode(const diag::Diagnostics& d, const char* code) {
    for (const auto& i : d.items())
        if (i.code == code) return true;
    return false;
}

}  // namespace

TEST_CASE("mdl: INTEG with a sum of plain names makes inflows and outflows", "[mdl]") {
    auto p = readClean(
        "Infected = INTEG(Infecting - Recovering + Arriving, 5) ~ Persons ~ |\n"
        "Infecting = 2 ~~|\nRecovering = Infected / Duration ~~|\nArriving = 1 ~~|\nDuration = 5 ~~|\n");
    const auto& s = var(p, "Infected");
    CHECK(s.kind == model::VarKind::Stock);
    CHECK(s.equation == "5");
    CHECK(s.inflows == std::vector<std::string>{"Infecting", "Arriving"});
    CHECK(s.outflows == std::vector<std::string>{"Recovering"});
    CHECK(var(p, "Recovering").kind == model::VarKind::Flow);
    CHECK(var(p, "Duration").kind == model::VarKind::Aux);
    CHECK(eq(p, "Recovering") == norm("Infected / Duration"));
}

TEST_CASE("mdl: INTEG with a complex rate gets a net flow variable", "[mdl]") {
    auto p = readClean(
        "Level = INTEG(0.1 * Level - drain, Start) ~~|\ndrain = 1 ~~|\nStart = 3 ~~|\n"
        "Const stock = INTEG(0, 4) ~~|\n");
    const auto& s = var(p, "Level");
    CHECK(s.equation == "Start");
    REQUIRE(s.inflows == std::vector<std::string>{"Level net flow"});
    CHECK(s.outflows.empty());
    const auto& f = var(p, "Level net flow");
    CHECK(f.kind == model::VarKind::Flow);
    CHECK(norm(f.equation) == norm("0.1 * Level - drain"));
    CHECK(var(p, "drain").kind == model::VarKind::Aux);  // not a flow: the rate is not a plain sum
    CHECK(var(p, "Const stock net flow").equation == "0");
}

TEST_CASE("mdl: lookups with and without a range, calls and WITH LOOKUP", "[mdl]") {
    auto p = readClean(
        "effect table(\n\t[(0,0)-(10,2)],(0,1),(5,1.5),(10,2)) ~~|\n"
        "bare table((1,10),(2,20)) ~~|\n"
        "old style(0,1,2,5,6,7) ~~|\n"
        "effect = effect table(Time) ~~|\n"
        "shaped = WITH LOOKUP(Time, ([(0,0)-(2,4),(1,1)], (0,0), (2,4))) ~~|\n");
    const auto& t = var(p, "effect table");
    REQUIRE(t.gf.has_value());
    CHECK(t.equation.empty());
    CHECK(t.gf->xs == std::vector<double>{0, 5, 10});
    CHECK(t.gf->ys == std::vector<double>{1, 1.5, 2});
    CHECK(t.gf->xscale == std::make_pair(0.0, 10.0));
    CHECK(t.gf->yscale == std::make_pair(0.0, 2.0));
    const auto& b = var(p, "bare table");
    REQUIRE(b.gf.has_value());
    CHECK(b.gf->xs == std::vector<double>{1, 2});
    CHECK(b.gf->xscale == std::make_pair(1.0, 2.0));  // taken from the points when no range is written
    CHECK(b.gf->yscale == std::make_pair(10.0, 20.0));
    const auto& o = var(p, "old style");
    REQUIRE(o.gf.has_value());
    CHECK(o.gf->xs == std::vector<double>{0, 1, 2});
    CHECK(o.gf->ys == std::vector<double>{5, 6, 7});
    CHECK(eq(p, "effect") == norm("effect_table(TIME)"));
    const auto& w = var(p, "shaped");
    REQUIRE(w.gf.has_value());
    CHECK(norm(w.equation) == norm("TIME"));
    CHECK(w.gf->ys == std::vector<double>{0, 4});
}

TEST_CASE("mdl: IF THEN ELSE, logical operators and names with spaces", "[mdl]") {
    auto p = readClean(
        "a b = 1 ~~|\nc = 2 ~~|\n"
        "x = IF THEN ELSE(a b > 1 :AND: :NOT: c = 2, a b, c) ~~|\n"
        "y = if then else(a b <> c :OR: c <= 1, 1, 0) ~~|\n");
    CHECK(eq(p, "x") == norm("IF a_b > 1 AND NOT c = 2 THEN a_b ELSE c"));
    CHECK(eq(p, "y") == norm("IF a_b <> c OR c <= 1 THEN 1 ELSE 0"));
}

TEST_CASE("mdl: delays and smooths keep their meaning (argument order)", "[mdl]") {
    auto p = readClean(
        "in = 1 ~~|\nd = 2 ~~|\ninit = 3 ~~|\n"
        "dn = DELAY N(in, d, init, 4) ~~|\nsn = SMOOTH N(in, d, init, 5) ~~|\n"
        "df = DELAY FIXED(in, d, init) ~~|\nd1 = DELAY1I(in, d, init) ~~|\nd3 = DELAY3(in, d) ~~|\n"
        "s1 = SMOOTH(in, d) ~~|\ns3 = SMOOTH3I(in, d, init) ~~|\nfc = FORECAST(in, d, 7) ~~|\n"
        "tr = TREND(in, d, 0) ~~|\npw = PULSE(2, 3) ~~|\npt = PULSE TRAIN(1, 1, 3, 9) ~~|\n"
        "ai = ACTIVE INITIAL(in * 2, 5) ~~|\niv = INITIAL(in) ~~|\nsit = SAMPLE IF TRUE(Time > 2, in, 0) "
        "~~|\n"
        "rn = RANDOM NORMAL(0, 10, 5, 1, 42) ~~|\nru = RANDOM UNIFORM(0, 1, 7) ~~|\n"
        "lg = LOG(in, 10) ~~|\nmd = MODULO(7, 3) ~~|\nit = INTEGER(2.5) ~~|\n"
        "st = STEP(2, 3) + RAMP(1, 2, 4) ~~|\nts = TIME STEP * 2 + SAVEPER ~~|\n");
    // Vensim's DELAY N keeps its own name and argument order: it reads the previous step's delay time.
    CHECK(eq(p, "dn") == norm("DELAY_N(in, d, init, 4)"));
    CHECK(eq(p, "sn") == norm("SMOOTH_N(in, d, init, 5)"));
    CHECK(eq(p, "df") == norm("DELAY(in, d, init)"));
    CHECK(eq(p, "d1") == norm("DELAY1(in, d, init)"));
    CHECK(eq(p, "d3") == norm("DELAY3(in, d)"));
    CHECK(eq(p, "s1") == norm("SMTH1(in, d)"));
    CHECK(eq(p, "s3") == norm("SMTH3(in, d, init)"));
    CHECK(eq(p, "fc") == norm("FORCST(in, d, 7, 0)"));
    CHECK(eq(p, "tr") == norm("TREND(in, d, 0)"));
    CHECK(eq(p, "pw") == norm("PULSE_WIDTH(2, 3)"));
    CHECK(eq(p, "pt") == norm("PULSE_TRAIN(1, 1, 3, 9)"));
    CHECK(eq(p, "ai") == norm("ACTIVE_INITIAL(in * 2, 5)"));
    CHECK(eq(p, "iv") == norm("INIT(in)"));
    CHECK(eq(p, "sit") == norm("SAMPLE_IF_TRUE(TIME > 2, in, 0)"));
    CHECK(eq(p, "rn") == norm("NORMAL(5, 1, 42, 0, 10)"));  // truncated to [0, 10], not clipped
    CHECK(eq(p, "ru") == norm("RANDOM(0, 1, 7)"));
    CHECK(eq(p, "lg") == norm("LN(in) / LN(10)"));
    CHECK(eq(p, "md") == norm("MODULO(7, 3)"));  // the dividend's sign: not XMILE's MOD, the divisor's
    CHECK(eq(p, "it") == norm("INTEGER(2.5)"));  // toward zero: not XMILE's INT, which rounds down
    CHECK(eq(p, "st") == norm("STEP(2, 3) + RAMP(1, 2, 4)"));
    CHECK(eq(p, "ts") == norm("DT * 2 + 0.5"));
}

TEST_CASE("mdl: subscripts, subranges, number lists and per-element equations", "[mdl][arrays]") {
    auto p = readClean(
        "Region: North, South, East ~~|\nCoast: South, East ~~|\nBand: (b1-b3) -> Other ~~|\nOther: x, y, z "
        "~~|\n"
        "pop[Region] = 10, 20, 30 ~~|\n"
        "grid[Region, Band] = 1, 2, 3; 4, 5, 6; 7, 8, 9; ~~|\n"
        "share[North] = 0.5 ~~|\nshare[Coast] = pop[Coast] / 100 ~~|\n"
        "double[Region] = 2 * pop[Region] ~~|\n"
        "total = SUM(pop[Region!]) ~~|\ncoastal = VMAX(pop[Coast!]) ~~|\nn = ELMCOUNT(Region) ~~|\n");
    REQUIRE(p.dimensions.size() == 4);
    CHECK(p.findDimension("Band")->elements == std::vector<std::string>{"b1", "b2", "b3"});
    CHECK(p.findDimension("Band")->maps == std::vector<std::string>{"Other"});
    CHECK(p.findDimension("Coast")->elements == std::vector<std::string>{"South", "East"});
    const auto& pop = var(p, "pop");
    CHECK(pop.dimensions == std::vector<std::string>{"Region"});
    REQUIRE(pop.elements.size() == 3);
    CHECK(pop.elements[1].subscripts == std::vector<std::string>{"South"});
    CHECK(pop.elements[1].equation == "20");
    const auto& grid = var(p, "grid");
    REQUIRE(grid.elements.size() == 9);
    CHECK(grid.elements[5].subscripts == std::vector<std::string>{"South", "b3"});
    CHECK(grid.elements[5].equation == "6");
    const auto& share = var(p, "share");
    CHECK(share.dimensions == std::vector<std::string>{"Region"});  // the full range, not the subrange
    REQUIRE(share.elements.size() == 3);
    CHECK(share.elements[2].subscripts == std::vector<std::string>{"East"});
    CHECK(norm(share.elements[2].equation) == norm("pop[East] / 100"));
    const auto& dbl = var(p, "double");
    CHECK(dbl.elements.empty());  // apply-to-all
    CHECK(norm(dbl.equation) == norm("2 * pop[Region]"));
    CHECK(eq(p, "total") == norm("SUM(pop[*])"));
    CHECK(eq(p, "coastal") == norm("MAX(pop[*:Coast])"));
    CHECK(eq(p, "n") == norm("SIZE(Region)"));  // the engine counts the range, so the equation stays readable
}

TEST_CASE("mdl: shares of a total, x[d] / SUM(x[d!]), in an equation subscripted by d", "[mdl][arrays]") {
    // pop = {10, 30, 60}: shares 0.1, 0.3, 0.6; the largest coastal (South, East) population is 60.
    auto p = readClean(
        "Region: North, South, East ~~|\nCoast: South, East ~~|\npop[Region] = 10, 30, 60 ~~|\n"
        "share[Region] = pop[Region] / SUM(pop[Region!]) ~~|\n"
        "gap[Region] = VMAX(pop[Coast!]) - pop[Region] ~~|\n");
    const sim::RunResult run = compileAndRun(p);
    CHECK(*run.finalValue("share[North]") == Approx(0.1));
    CHECK(*run.finalValue("share[East]") == Approx(0.6));
    CHECK(*run.finalValue("gap[North]") == Approx(50));
}

TEST_CASE("mdl: ELMCOUNT becomes SIZE(dim) and counts ranges and subranges in the engine", "[mdl][arrays]") {
    // Region has 3 elements and its subrange Coast 2, so n = 3, c = 2 and share[r] = 1/3 for every r.
    auto p = readClean(
        "Region: North, South, East ~~|\nCoast: South, East ~~|\n"
        "n = ELMCOUNT(Region) ~~|\nc = ELMCOUNT(Coast) ~~|\nshare[Region] = 1 / ELMCOUNT(Region) ~~|\n");
    CHECK(eq(p, "c") == norm("SIZE(Coast)"));
    const sim::RunResult run = compileAndRun(p);
    CHECK(*run.finalValue("n") == 3);
    CHECK(*run.finalValue("c") == 2);
    CHECK(*run.finalValue("share[South]") == Approx(1.0 / 3));
}

TEST_CASE("mdl: arrayed stocks with plain flows stay stock-and-flow", "[mdl][arrays]") {
    auto p = readClean("D: a, b ~~|\nS[D] = INTEG(inflow[D], 0) ~~|\ninflow[a] = 1 ~~|\ninflow[b] = 2 ~~|\n");
    CHECK(var(p, "S").inflows == std::vector<std::string>{"inflow"});
    CHECK(var(p, "inflow").kind == model::VarKind::Flow);
    CHECK(var(p, "inflow").elements.size() == 2);
}

TEST_CASE("mdl: macros with an expression body and with a stock", "[mdl][macro]") {
    diag::Diagnostics d;
    auto p = read(
        withControl(":MACRO: DOUBLE IT(input, factor)\nDOUBLE IT = input * factor * 2 ~ x ~ doubles |\n"
                    ":END OF MACRO:\n:MACRO: ACC(rate, start)\nACC = INTEG(rate, start) ~~|\n:END OF MACRO:\n"
                    "y = DOUBLE IT(3, 4) + ACC(1, 0) ~~|\n"),
        d);
    REQUIRE_FALSE(d.hasErrors());
    REQUIRE(p.macros.size() == 2);
    const auto* m = p.findMacro("DOUBLE IT");
    REQUIRE(m);
    CHECK(m->params == std::vector<std::string>{"input", "factor"});
    CHECK(norm(m->equation) == norm("input * factor * 2"));
    CHECK(m->body.variables.empty());
    const auto* acc = p.findMacro("ACC");
    REQUIRE(acc);
    CHECK(acc->equation.empty());
    const auto* stock = acc->body.find("ACC");
    REQUIRE(stock);
    CHECK(stock->kind == model::VarKind::Stock);
    CHECK(eq(p, "y") == norm("DOUBLE_IT(3, 4) + ACC(1, 0)"));
    CHECK(p.main().find("DOUBLE IT") == nullptr);
}

TEST_CASE("mdl: the control section becomes sim specs, not variables", "[mdl]") {
    diag::Diagnostics d;
    auto p = read(
        "x = 1 ~~|\nFINAL TIME = 12 * 5 ~ Week ~ |\nINITIAL TIME = 2 ~ Week ~|\n"
        "SAVEPER = TIME STEP * 2 ~ Week ~|\nTIME STEP = 1/4 ~ Week [0,?] ~|\n",
        d);
    REQUIRE_FALSE(d.hasErrors());
    CHECK(p.specs.start == 2);
    CHECK(p.specs.stop == 60);
    CHECK(p.specs.dt == 0.25);
    REQUIRE(p.specs.saveper.has_value());
    CHECK(*p.specs.saveper == 0.5);
    CHECK(p.specs.timeUnits == "Week");
    CHECK(p.main().variables.size() == 1);
    CHECK(p.main().find("TIME STEP") == nullptr);
}

TEST_CASE("mdl: control equations may use the model's constants", "[mdl]") {
    diag::Diagnostics d;
    auto p = read(
        "horizon = 30 ~~|\nFINAL TIME = INITIAL TIME + horizon ~~|\nINITIAL TIME = 2020 ~~|\n"
        "TIME STEP = 0.25 ~~|\nSAVEPER = 1 ~~|\n",
        d);
    CHECK(d.empty());
    CHECK(p.specs.stop == 2050);
    CHECK(p.main().find("horizon") != nullptr);  // still a model variable
}

TEST_CASE("mdl: control equations are evaluated by the equation parser, with Vensim's functions", "[mdl]") {
    diag::Diagnostics d;
    // 2^3 * 30 = 240 when horizon > 10; MODULO(7, 4) / 6 = 0.5; a function of time is no constant: it stays
    // a variable that the run reads every step.
    auto p = read(
        "horizon = 30 ~~|\nFINAL TIME = IF THEN ELSE(horizon > 10, POWER(2, 3) * horizon, 0) ~~|\n"
        "INITIAL TIME = 0 ~~|\nTIME STEP = MODULO(7, 4) / 6 ~~|\nSAVEPER = RAMP(1, 0, 5) ~~|\n",
        d);
    INFO(dump(d));
    CHECK(p.specs.stop == 240);
    CHECK(p.specs.dt == 0.5);
    CHECK_FALSE(p.specs.saveper.has_value());  // RAMP(1, 0, 5) is 0 at the start: no usable fixed value
    CHECK(p.specs.saveperVar == "saveper");
    CHECK(d.empty());
}

TEST_CASE("mdl: sketches with several views, shadow variables and unknown objects", "[mdl][sketch]") {
    diag::Diagnostics d;
    auto p = read(
        withControl("S = INTEG(f, 1) ~~|\nf = k * S ~~|\nk = 0.1 ~~|\n") +
            "\\\\\\---/// Sketch information - do not modify anything except names\n"
            "V300  Do not put anything below this section - it will be ignored\n*Main\n"
            "$192-192-192,0,Times New Roman|12||0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|96,96,100,0\n"
            "10,1,S,300,200,40,20,3,3,0,0,0,0,0,0\n12,2,48,150,200,10,8,0,3,0,0,-1,0,0,0\n"
            "11,3,48,220,200,6,8,34,3,0,0,1,0,0,0\n10,4,f,220,216,8,8,40,3,0,0,-1,0,0,0\n"
            "1,5,3,1,4,0,0,22,0,0,0,-1--1--1,,1|(255,200)|\n1,6,3,2,100,0,0,22,0,0,0,-1--1--1,,1|(180,200)|\n"
            "10,7,k,220,120,10,8,8,3,0,0,0,0,0,0\n1,8,7,4,0,0,0,0,0,64,0,-1--1--1,,1|(220,168)|\n"
            "99,9,something new\n10,10,A comment that is no variable,50,50,40,8,8,3,0,0,0,0,0,0\n"
            "*Second view\n10,1,k,100,100,10,8,8,2,0,3,-1,0,0,0,128-128-128,0-0-0,|12||128-128-128\n"
            "10,2,S,200,100,40,20,3,3,0,0,0,0,0,0\n1,3,1,2,0,0,0,0,0,64,0,-1--1--1,,1|(150,80)|\n"
            "///---\\\\\\\n:L<%^E!@\n",
        d);
    INFO(dump(d));
    REQUIRE_FALSE(d.hasErrors());
    REQUIRE(p.main().views.size() == 2);
    const auto& main = p.main().views[0];
    CHECK(main.name == "Main");
    REQUIRE(main.objects.size() ==
            4);  // S, f, k and the connector k -> f; the cloud, object 99 and the text skipped
    CHECK(main.objects[1].kind == model::ViewObject::Kind::Flow);
    // The pipe runs from the cloud's centre (150) to the stock's left side (300 - 40), not to the points the
    // file writes (180 and 255: the middles Vensim keeps for each half of the pipe).
    CHECK(main.objects[1].points == std::vector<std::pair<double, double>>{{150, 200}, {260, 200}});
    CHECK(main.objects[3].kind == model::ViewObject::Kind::Connector);
    CHECK(main.objects[3].from == "k");
    CHECK(main.objects[3].to == "f");  // the arrow ends on the flow's name
    REQUIRE(main.objects[3].angle.has_value());
    CHECK(*main.objects[3].angle == Approx(-90));  // straight down the screen from k (220,120) to f (220,216)
    const auto& second = p.main().views[1];
    CHECK(second.name == "Second view");
    REQUIRE(second.objects.size() == 3);
    CHECK(second.objects[0].kind == model::ViewObject::Kind::Alias);
    CHECK(second.objects[0].name == "k");
    CHECK(second.objects[2].fromAlias);  // the connector leaves the shadow of k, named by its uid
    CHECK(second.objects[2].from == second.objects[0].uid);
    CHECK(second.objects[2].to == "S");
}

TEST_CASE("mdl: units, range hints, comments and group headers", "[mdl]") {
    auto p = readClean(
        "********************************************************\n\t.Care\n"
        "********************************************************~\n\t\tThe care sector.\n\t|\n"
        "beds = 40 ~ Beds [0,100,5] ~ Beds open in the ward, \\\n\t\tfrom the trust's return. |\n"
        "rate = 1 ~ 1/Month [0,?] ~ :SUPPLEMENTARY |\n");
    const auto& b = var(p, "beds");
    CHECK(b.units == "Beds");
    REQUIRE(b.range.has_value());
    CHECK(b.range->min == 0);
    CHECK(b.range->max == 100);
    CHECK(b.range->step == 5);
    CHECK(b.doc == "Beds open in the ward, from the trust's return.");
    const auto& r = var(p, "rate");
    CHECK(r.units == "1/Month");
    CHECK_FALSE(r.range.has_value());  // an open range "?" is no slider range
    CHECK(r.doc.empty());
    CHECK(p.main().variables.size() == 2);
}

TEST_CASE("mdl: names with other characters are quoted in equations", "[mdl]") {
    auto p = readClean("\"cost $/bed\" = 3 ~~|\ny = \"cost $/bed\" * 2 ~~|\n");
    CHECK(var(p, "cost $/bed").name == "cost $/bed");
    CHECK(eq(p, "y") == norm("\"cost $/bed\" * 2"));
}

TEST_CASE("mdl: unsupported functions give E211 and the rest is read", "[mdl][errors]") {
    diag::Diagnostics d;
    auto p = read(withControl("a = 1 ~~|\nb = GET XLS DATA('f.xlsb', 'S', 'A', 'B1') ~~|\nc = a + 1 ~~|\n"
                              "tab(GET XLS LOOKUPS('f.xlsb', 'S', 'A', 'B1')) ~~|\ndata var := 3 ~~|\n"),
                  d);
    REQUIRE(hasCode(d, diag::code::kUnsupported));
    bool named = false;
    for (const auto& i : d.items())
        if (i.code == diag::code::kUnsupported && i.where == "b") {
            named = i.message.find("GET XLS DATA") != std::string::npos && i.line == 3;
        }
    CHECK(named);
    CHECK(eq(p, "c") == norm("a + 1"));
    CHECK(eq(p, "data var") == norm("3"));  // a data equation of constants is read as an equation
    CHECK(d.errorCount() == 2);             // the two binary workbooks
}

TEST_CASE("mdl: a truncated file is reported, not a crash", "[mdl][errors]") {
    const std::string full =
        withControl("Stock = INTEG(inflow, 10) ~ People ~ |\ninflow = Stock * 0.1 ~~|\n");
    for (size_t cut : {size_t(5), size_t(20), size_t(30), full.size() / 2, full.size() - 3}) {
        diag::Diagnostics d;
        auto p = mdl::readString(full.substr(0, cut), d);
        INFO("cut at " << cut);
        CHECK(p.has_value());
    }
    diag::Diagnostics d;
    mdl::readString("x = (1 + ~~|\ny = LOOKUPX(( ~~|\nz(", d);
    CHECK(hasCode(d, diag::code::kMdlSyntax));
    for (const auto& i : d.items()) CHECK(i.line > 0);
}

TEST_CASE("mdl: CR-only and CRLF line endings read the same", "[mdl]") {
    std::string lf =
        withControl("a = 1 ~ m ~ first |\nb = a + \\\n 2 ~~|\nt(\n[(0,0)-(1,1)],(0,0),(1,1)) ~~|\n");
    std::string cr = lf, crlf;
    for (char& c : cr)
        if (c == '\n') c = '\r';
    for (char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    diag::Diagnostics lfDiags;
    const model::Project fromLf = read(lf, lfDiags);
    for (const std::string& text : {cr, crlf}) {
        diag::Diagnostics d;
        auto p = read(text, d);
        CHECK(p == fromLf);  // the whole project, line numbers and sketch included
        CHECK_FALSE(d.hasErrors());
        CHECK(eq(p, "b") == norm("a + 2"));
        CHECK(var(p, "a").doc == "first");
        CHECK(var(p, "b").line == 3);
        CHECK(var(p, "t").gf.has_value());
        CHECK(p.specs.dt == 0.5);
    }
}

// A pipe drawn downwards into a stock meets the top of its box (300 - 20), level with the valve; the other
// end is the cloud's centre above.
TEST_CASE("mdl: a vertical pipe meets the side of its stock that faces the valve", "[mdl][sketch]") {
    diag::Diagnostics d;
    auto p = read(withControl("S = INTEG(f, 1) ~~|\nf = 1 ~~|\n") +
                      "\\\\\\---/// Sketch information - do not modify anything except names\n"
                      "V300  Do not put anything below this section - it will be ignored\n*Main\n"
                      "$192-192-192,0,Times New Roman|12||0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|96,96,100,0\n"
                      "10,1,S,300,300,40,20,3,3,0,0,0,0,0,0\n12,2,48,301,120,10,8,0,3,0,0,-1,0,0,0\n"
                      "11,3,48,301,200,6,8,34,3,0,0,1,0,0,0\n10,4,f,330,200,8,8,40,3,0,0,-1,0,0,0\n"
                      "1,5,3,1,4,0,0,22,0,0,0,-1--1--1,,1|(301,245)|\n"
                      "1,6,3,2,100,0,0,22,0,0,0,-1--1--1,,1|(301,155)|\n"
                      "///---\\\\\\\n:L<%^E!@\n",
                  d);
    INFO(dump(d));
    REQUIRE_FALSE(d.hasErrors());
    const auto& objs = p.main().views.at(0).objects;
    const auto f = std::find_if(objs.begin(), objs.end(), [](const auto& o) { return o.name == "f"; });
    REQUIRE(f != objs.end());
    CHECK(f->points == std::vector<std::pair<double, double>>{{301, 120}, {301, 280}});
}

TEST_CASE("mdl: the sketch of SIR.mdl places stocks, flows and connectors", "[mdl][sketch]") {
    const auto path = test::conformanceRoot() / "samples" / "SIR" / "SIR.mdl";
    if (!std::filesystem::exists(path)) {
        WARN("conformance models not found: skipped");
        return;
    }
    diag::Diagnostics d;
    auto p = mdl::readFile(path.string(), d);
    REQUIRE(p.has_value());
    REQUIRE_FALSE(d.hasErrors());
    REQUIRE(p->main().views.size() == 1);
    const auto& objs = p->main().views[0].objects;
    auto find = [&](model::ViewObject::Kind k, const std::string& name) -> const model::ViewObject* {
        for (const auto& o : objs)
            if (o.kind == k && o.name == name) return &o;
        return nullptr;
    };
    // Positions as written in the file's sketch lines ("10,1,Susceptible,248,267,40,20,..." and valve 6).
    const auto* s = find(model::ViewObject::Kind::Stock, "Susceptible");
    REQUIRE(s);
    CHECK(s->x == 248);
    CHECK(s->y == 267);
    CHECK(s->width == 80);  // the file gives half sizes: 40 x 20
    const auto* f = find(model::ViewObject::Kind::Flow, "Succumbing");
    REQUIRE(f);
    CHECK(f->x == 331);
    CHECK(f->y == 268);
    REQUIRE(f->points.size() == 2);
    // The pipe meets the stocks' sides, level with its valve: Susceptible's right (248 + 40), Infectious's
    // left (413 - 40).
    CHECK(f->points[0] == std::make_pair(288.0, 268.0));  // from Susceptible
    CHECK(f->points[1] == std::make_pair(373.0, 268.0));  // into Infectious
    CHECK(find(model::ViewObject::Kind::Aux, "Contact Infectivity"));
    int connectors = 0;
    bool durationToRecovering = false;
    for (const auto& o : objs)
        if (o.kind == model::ViewObject::Kind::Connector) {
            ++connectors;
            durationToRecovering |= o.from == "Duration" && o.to == "Recovering";
            REQUIRE(o.angle.has_value());
            CHECK(*o.angle > -180);
            CHECK(*o.angle <= 180);
        }
    CHECK(connectors == 7);
    CHECK(durationToRecovering);
    CHECK(var(*p, "Succumbing").kind == model::VarKind::Flow);
    CHECK(var(*p, "Susceptible").outflows == std::vector<std::string>{"Succumbing"});
}

TEST_CASE("mdl: every conformance .mdl model reads without errors", "[mdl][conformance]") {
    const auto root = test::conformanceRoot();
    if (!std::filesystem::exists(root)) {
        WARN("conformance models not found: skipped");
        return;
    }
    int files = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
        if (e.path().extension() != ".mdl") continue;
        ++files;
        diag::Diagnostics d;
        auto p = mdl::readFile(e.path().string(), d);
        INFO(e.path().string());
        INFO(dump(d));
        REQUIRE(p.has_value());
        CHECK_FALSE(d.hasErrors());
        CHECK_FALSE(p->main().variables.empty());
        // Every equation the reader wrote must be one sdw's equation parser accepts.
        for (const auto& v : p->main().variables) {
            diag::Diagnostics pd;
            if (!v.equation.empty()) equations::parse(v.equation, v.name, pd);
            for (const auto& el : v.elements) equations::parse(el.equation, v.name, pd);
            INFO(v.name << " = " << v.equation);
            CHECK_FALSE(pd.hasErrors());
        }
    }
    CHECK(files >= 33);
}

TEST_CASE("mdl: every conformance .mdl model converts to XMILE and reads back whole", "[mdl][roundtrip]") {
    SDW_NEEDS_CONFORMANCE();
    int files = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(test::conformanceRoot())) {
        if (e.path().extension() != ".mdl") continue;
        ++files;
        INFO(e.path().string());
        diag::Diagnostics d, back;
        auto p = mdl::readFile(e.path().string(), d);
        REQUIRE(p.has_value());
        auto again = xmile::readString(xmile::writeString(*p), back, "converted.xmile");
        REQUIRE(again.has_value());
        // What the writer adds: a vendor and product ("sdw") when the project names none, as XMILE requires,
        // and the element name of each view object's kind, which the XMILE reader records as its tag.
        for (auto* q : {&*p, &*again}) {
            q->vendor = q->product = "";
            q->productAttrs.clear();
            for (auto& view : q->main().views)
                for (auto& o : view.objects)
                    if (o.kind != model::ViewObject::Kind::Other) o.tag.clear();
        }
        const auto a = test::comparableAfterRoundTrip(*p), b = test::comparableAfterRoundTrip(*again);
        INFO(test::whereDiffers(a, b));
        CHECK(a == b);
    }
    CHECK(files >= 33);
}

TEST_CASE("mdl: every translated built-in compiles and runs in sdw's engine", "[mdl][engine]") {
    diag::Diagnostics d;
    auto p =
        read(withControl(
                 "R: r1, r2 ~~|\nin = 1 + STEP(2, 3) + RAMP(1, 2, 4) ~~|\nd = 2 ~~|\n"
                 "a = DELAY N(in, d, 3, 4) + SMOOTH N(in, d, 3, 5) + DELAY FIXED(in, d, 3) ~~|\n"
                 "b = DELAY1I(in, d, 3) + DELAY3(in, d) + SMOOTH(in, d) + SMOOTH3I(in, d, 3) ~~|\n"
                 "c = FORECAST(in, d, 7) + TREND(in, d, 0) + PULSE(2, 3) + PULSE TRAIN(1, 1, 3, 9) ~~|\n"
                 "e = ACTIVE INITIAL(in * 2, 5) + INITIAL(in) + SAMPLE IF TRUE(Time > 2, in, 0) ~~|\n"
                 "f = RANDOM NORMAL(0, 10, 5, 1, 42) + RANDOM UNIFORM(0, 1, 7) ~~|\n"
                 "g = LOG(in, 10) + INTEGER(2.5) + MODULO(7, 3) + XIDZ(1, 0, 5) + ZIDZ(1, 0) + GAME(3) ~~|\n"
                 "h = IF THEN ELSE(in > 1 :AND: :NOT: d = 3, TIME STEP, SAVEPER) ~~|\n"
                 "v[R] = 10, 20 ~~|\nw = SUM(v[R!]) + VMAX(v[R!]) + ELMCOUNT(R) ~~|\n"
                 "t([(0,0)-(10,10)],(0,0),(10,10)) ~~|\nu = t(Time) ~~|\nwl = WITH LOOKUP(Time, "
                 "((0,1),(10,2))) ~~|\n"
                 "S[R] = INTEG(v[R] * 0.01, v[R]) ~~|\n"),
             d);
    auto compiled = compile::compileModel(p, d);
    INFO(dump(d));
    REQUIRE(compiled);
    REQUIRE_FALSE(d.hasErrors());
    const sim::RunResult run = sim::simulate(*compiled);
    REQUIRE(run.ok());
    const int w = run.column("w"), g = run.column("g"), s2 = run.column("S[r2]");
    REQUIRE(w >= 0);
    REQUIRE(s2 >= 0);
    CHECK(run.at(0, static_cast<size_t>(w)) ==
          Approx(20 + 10 + 20 + 2));  // SUM + VMAX + ELMCOUNT of {10, 20}
    // LOG(1, 10) + INTEGER(2.5) + MODULO(7, 3) + XIDZ(1, 0, 5) + ZIDZ(1, 0) + GAME(3) at in = 1
    CHECK(run.at(0, static_cast<size_t>(g)) == Approx(0 + 2 + 1 + 5 + 0 + 3));
    // S[r2] grows by 20 * 0.01 per month for 10 months
    CHECK(run.at(run.rows() - 1, static_cast<size_t>(s2)) == Approx(22));
    const int wl = run.column("wl");
    REQUIRE(wl >= 0);
    CHECK(run.at(run.rows() - 1, static_cast<size_t>(wl)) == Approx(2));  // the table at Time = 10
}
