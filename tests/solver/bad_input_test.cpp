// Bad input of every kind gets a diagnostic naming the problem and where it is; none crashes.
#include <algorithm>
#include <catch2/catch.hpp>

#include "solver/compile/compiled_model.hpp"
#include "solver/mdl/mdl_reader.hpp"
#include "solver/sim/simulate.hpp"
#include "solver/xmile/xmile.hpp"
#include "tests/solver/mdl_test_util.hpp"
#include "tests/solver/model_builder.hpp"

using namespace sdw;
using test::hasCode;

namespace {

std::string xmileText(const std::string& specs, const std::string& vars) {
    return "<?xml version=\"1.0\"?>\n<xmile version=\"1.0\" "
           "xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">\n"
           "<header><name>bad</name></header>\n" +
           specs + "\n<model><variables>\n" + vars + "\n</variables></model>\n</xmile>\n";
}
const std::string kSpecs = "<sim_specs><start>0</start><stop>10</stop><dt>1</dt></sim_specs>";
const std::string kStock = "<stock name=\"s\"><eqn>1</eqn><inflow>f</inflow></stock>";

// Reads, compiles and runs; returns every diagnostic.
diag::Diagnostics attempt(const std::string& text) {
    diag::Diagnostics d;
    auto p = xmile::readString(text, d, "bad.xmile");
    if (!p) return d;
    auto cm = compile::compileModel(*p, d);
    if (!cm) return d;
    auto r = sim::simulate(*cm);
    d.append(r.diagnostics);
    return d;
}

}  // namespace

TEST_CASE("bad input: truncated and malformed XML", "[errors][xmile]") {
    const std::string good = xmileText(kSpecs, kStock + "<flow name=\"f\"><eqn>1</eqn></flow>");
    for (size_t cut : {good.size() / 3, good.size() / 2, good.size() - 10}) {
        auto d = attempt(good.substr(0, cut));
        INFO("cut at " << cut);
        REQUIRE(d.hasErrors());
        CHECK(d.items().front().code == diag::code::kXmlMalformed);
        CHECK(d.items().front().line > 0);
    }
    CHECK(attempt("").items().front().code == diag::code::kXmlMalformed);
    CHECK(attempt("not xml at all").hasErrors());
    CHECK(attempt("<html><body/></html>").items().front().code == diag::code::kNotXmile);
}

TEST_CASE("bad input: equation errors name the variable and the column", "[errors][xmile]") {
    auto d = attempt(xmileText(kSpecs, kStock + "<flow name=\"f\"><eqn>(s + 1</eqn></flow>"));
    REQUIRE(hasCode(d, diag::code::kUnbalancedParen));
    CHECK(d.items().front().where == "f");
    const std::string text = xmileText(kSpecs, kStock + "<flow name=\"f\"><eqn>SMOOTHY(s, 2)</eqn></flow>");
    d = attempt(text);
    REQUIRE(hasCode(d, diag::code::kUnknownFunction));
    // The line and column of SMOOTHY in the file itself.
    const size_t at = text.find("SMOOTHY"), lineStart = text.rfind('\n', at) + 1;
    CHECK(d.items().front().line == 1 + std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
    CHECK(d.items().front().column == static_cast<int>(at - lineStart) + 1);
    d = attempt(xmileText(
        kSpecs, kStock + "<flow name=\"f\"><eqn>s * rat</eqn></flow><aux name=\"rate\"><eqn>1</eqn></aux>"));
    REQUIRE(hasCode(d, diag::code::kUnknownName));
    CHECK(d.items().front().message.find("did you mean 'rate'") != std::string::npos);
}

TEST_CASE("bad input: a 100,000-deep nested expression and a 10 MB equation", "[errors][xmile]") {
    const std::string deep = std::string(100000, '(') + "1" + std::string(100000, ')');
    auto d = attempt(xmileText(kSpecs, kStock + "<flow name=\"f\"><eqn>" + deep + "</eqn></flow>"));
    CHECK(hasCode(d, diag::code::kTooDeep));
    std::string big = "1";
    big.reserve(10 * 1024 * 1024);
    while (big.size() < 10 * 1024 * 1024) big += " + 1";
    d = attempt(xmileText(kSpecs, kStock + "<flow name=\"f\"><eqn>" + big + "</eqn></flow>"));
    CHECK(hasCode(d, diag::code::kTooLong));
}

TEST_CASE("bad input: no stocks, dt = 0, stop before start, a bad number", "[errors][xmile]") {
    auto d = attempt(xmileText(kSpecs, "<aux name=\"a\"><eqn>TIME</eqn></aux>"));
    CHECK(hasCode(d, diag::code::kNoStocks));
    CHECK_FALSE(d.hasErrors());
    d = attempt(xmileText("<sim_specs><start>0</start><stop>10</stop><dt>0</dt></sim_specs>",
                          kStock + "<flow name=\"f\"><eqn>1</eqn></flow>"));
    CHECK(hasCode(d, diag::code::kBadSpecs));
    d = attempt(xmileText("<sim_specs><start>10</start><stop>0</stop><dt>1</dt></sim_specs>",
                          kStock + "<flow name=\"f\"><eqn>1</eqn></flow>"));
    CHECK(hasCode(d, diag::code::kBadSpecs));
    d = attempt(xmileText("<sim_specs><start>0</start><stop>ten</stop><dt>1</dt></sim_specs>",
                          kStock + "<flow name=\"f\"><eqn>1</eqn></flow>"));
    CHECK(hasCode(d, diag::code::kBadNumber));
}

TEST_CASE("bad input: a dt typo that would take forever is refused", "[errors]") {
    test::Builder b(0, 1e6, 1e-6);
    b.stock("s", "0", {"f"}).flow("f", "1");
    sim::RunResult r = b.run();
    CHECK(r.status == sim::RunStatus::Failed);
    CHECK(hasCode(r.diagnostics, diag::code::kTooManySteps));
}

// ---- Reproducers found by the fuzzers (scripts/fuzz.sh); each is also in fuzz/corpus/ as regress_*. ----

TEST_CASE("bad input: a macro whose body variable calls the macro again (fuzz: mdl_reader OOM)",
          "[errors][macros]") {
    // The body's variables were expanded after the call, at depth 0 again, so the recursion never met the
    // 20-level limit, and each generation's internal names repeated the last: gigabytes within seconds.
    const std::string text =
        "{UTF-8}\n:MACRO: SPIRAL(x)\nSPIRAL = INNER ~~|\nINNER = SPIRAL(x + 1) ~~|\n"
        ":END OF MACRO:\nstock = INTEG(f, 1) ~~|\nf = SPIRAL(stock) ~~|\n"
        "INITIAL TIME = 0 ~~|\nFINAL TIME = 10 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n";
    diag::Diagnostics d;
    auto p = mdl::readString(text, d, "spiral.mdl");
    REQUIRE(p);
    CHECK_FALSE(compile::compileModel(*p, d));
    REQUIRE(hasCode(d, diag::code::kCircular));
    const auto& e = d.items().back();
    CHECK(e.where == "f");
    CHECK(e.message.find("calls itself more than 20 deep") != std::string::npos);
    // Calling itself twice from the body: stopped by the count of macro instances (or the depth), not memory.
    const std::string twice =
        "<macro name=\"fork\"><parm>x</parm><variables><aux name=\"fork\"><eqn>inner</eqn></aux>"
        "<aux name=\"inner\"><eqn>fork(x) + fork(x + 1)</eqn></aux></variables></macro>";
    std::string doc = xmileText(kSpecs, kStock + "<flow name=\"f\"><eqn>fork(s)</eqn></flow>");
    doc.insert(doc.find("<model>"), twice);
    d = attempt(doc);
    REQUIRE(d.hasErrors());
    CHECK((hasCode(d, diag::code::kTooLarge) || hasCode(d, diag::code::kCircular)));
    CHECK(d.items().front().where == "f");
}

TEST_CASE("bad input: numbers too large for an integer where one is expected (UBSan: float-to-int)",
          "[errors]") {
    // Each of these cast a double of 1e30 to int, or overflowed an int exponent: undefined behaviour that
    // UBSan reports. Now they are range-checked.
    test::Builder b;
    b.dim("d", {"a", "b"}).stock("s", "0", {"f"}).aux("arr", "TIME", {"d"}).flow("f", "arr[@1e30]");
    diag::Diagnostics d;
    CHECK_FALSE(b.compile(d));
    CHECK(hasCode(d, diag::code::kSyntax));
    test::Builder power;  // a unit raised to 1e30: the unit check gives up on it instead
    power.stock("s", "1", {"f"}).flow("f", "(s ^ 1e30) * 0 + (((s ^ 1000) ^ 1000) ^ 1000) ^ 1000 * 0");
    power.project.main().variables[0].units = "people";  // (the exponents overflowed int: people^10^12)
    power.project.main().variables[1].units = "people^2000000000/week";
    d = {};
    CHECK(power.compile(d));
    // A damaged .mdl sketch with ids and flags of 1e30 and nan: read as 0, the model still reads.
    d = {};
    auto p = mdl::readString(
        "{UTF-8}\nx = 1 ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 1 ~~|\n"
        "\\\\\\---/// Sketch information\nV300  Do not put anything below this section\n*View 1\n"
        "10,1e30,x,100,100,40,20,3,nan,0,0,0,0,0,0\n1,2,1e30,-1e30,0,0,0,0,0,128,0,-1--1--1,,1|(0,0)|\n"
        "///---\\\\\\\n",
        d, "sketch.mdl");
    REQUIRE(p);
    CHECK_FALSE(d.hasErrors());
    CHECK(p->main().find("x"));
}

namespace {

size_t countCode(const diag::Diagnostics& d, const std::string& code) {
    return static_cast<size_t>(std::count_if(d.items().begin(), d.items().end(),
                                             [&](const diag::Diagnostic& x) { return x.code == code; }));
}

const diag::Diagnostic* firstWith(const diag::Diagnostics& d, const std::string& code) {
    for (const auto& x : d.items())
        if (x.code == code) return &x;
    return nullptr;
}

}  // namespace

TEST_CASE("bad input: array functions given too few arguments (fuzz: mdl_reader heap overflow)",
          "[errors][arrays]") {
    // Gathering what an array function depends on read its second (or first) argument before the count was
    // checked: `sdw check` crashed on a typo that dropped an argument, instead of saying what was wrong.
    for (const std::string call :
         {"VECTOR SELECT(vals[d!])", "VECTOR SELECT()", "ALLOCATE AVAILABLE(vals[d])",
          "ALLOCATE BY PRIORITY(vals[d])", "VECTOR REORDER()", "VECTOR SORT ORDER()", "VECTOR RANK()",
          "VECTOR ELM MAP()"}) {
        INFO(call);
        diag::Diagnostics d;
        auto p = mdl::readString("{UTF-8}\nd: a, b ~~|\nvals[d] = 1, 2 ~~|\nx[d] = " + call +
                                     " ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 1 ~~|\n",
                                 d, "few.mdl");
        REQUIRE(p);
        CHECK_FALSE(compile::compileModel(*p, d));
        const diag::Diagnostic* e = firstWith(d, diag::code::kArgCount);
        REQUIRE(e);
        CHECK(e->where.rfind("x[", 0) == 0);
        CHECK(e->message.find("arguments but is given") != std::string::npos);
    }
}

// Before, the compile stopped at the first stage that erred: a typo in one equation was only reported once
// every unreadable equation elsewhere had been fixed, one `sdw check` at a time.
TEST_CASE("bad input: every error in a model is reported in one pass", "[errors][compiler]") {
    test::Builder b;
    b.aux("broken", "1 +")                 // E112: cannot be read
        .aux("uses_broken", "broken * 2")  // fine: no follow-on error for what refers to it
        .aux("rate", "0.1")
        .aux("typo", "rat * 2")  // E201
        .aux("x", "y + 1")
        .aux("y", "x - 1")  // E204: x and y are defined in terms of each other
        .aux("empty", "")   // E205
        .stock("s", "10", {"inflow"}, {"outflow_typo"})
        .flow("inflow", "s * rate")
        .flow("outflow", "s / 4");  // E207: s drains a flow that does not exist
    diag::Diagnostics d;
    CHECK_FALSE(b.compile(d));
    INFO(test::dumpDiagnostics(d));
    CHECK(countCode(d, diag::code::kUnexpectedEnd) == 1);
    CHECK(countCode(d, diag::code::kCircular) == 1);
    CHECK(countCode(d, diag::code::kMissingEquation) == 1);
    CHECK(countCode(d, diag::code::kBadFlowLink) == 1);
    REQUIRE(countCode(d, diag::code::kUnknownName) == 1);
    const diag::Diagnostic* typo = firstWith(d, diag::code::kUnknownName);
    CHECK(typo->where == "typo");
    CHECK(typo->column == 1);
    CHECK(typo->message.find("'rate'") != std::string::npos);
    CHECK(d.errorCount() == 5);
}

TEST_CASE("bad input: a Vensim equation the reader cannot translate and a typo elsewhere are both reported",
          "[errors][mdl]") {
    const std::string mdl =
        "{UTF-8}\nstock = INTEG(inflow - outflow, 10)\n\t~\tpeople\n\t~\t\t|\n"
        "inflow = 2 * rat\n\t~\tpeople/Month\n\t~\t\t|\n"
        "outflow = stock / 5\n\t~\tpeople/Month\n\t~\t\t|\n"
        "rate = 1\n\t~\tpeople/Month\n\t~\t\t|\n"
        "weird = GET 123 DATA(stock)\n\t~\tpeople\n\t~\t\t|\n"
        "INITIAL TIME = 0\n\t~\tMonth\n\t~\t\t|\nFINAL TIME = 10\n\t~\tMonth\n\t~\t\t|\n"
        "TIME STEP = 1\n\t~\tMonth\n\t~\t\t|\nSAVEPER = TIME STEP\n\t~\tMonth\n\t~\t\t|\n";
    diag::Diagnostics d;
    auto p = mdl::readString(mdl, d, "t.mdl");
    REQUIRE(p);
    CHECK_FALSE(compile::compileModel(*p, d));
    INFO(test::dumpDiagnostics(d));
    const diag::Diagnostic* typo = firstWith(d, diag::code::kUnknownName);
    REQUIRE(typo);
    CHECK(typo->where == "inflow");
    CHECK(typo->line == 5);
    CHECK(typo->message.find("'rate'") != std::string::npos);
    const diag::Diagnostic* unread = firstWith(d, diag::code::kMdlSyntax);
    REQUIRE(unread);
    CHECK(unread->where == "weird");
    CHECK(unread->line == 14);
    CHECK_FALSE(hasCode(d, diag::code::kMissingEquation));  // no follow-on error for the unread equation
}
