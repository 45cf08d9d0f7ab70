// The .mdl writer: Vensim text for what Vensim can express, read back by the .mdl reader to the same
// numbers; an E140 naming the variable for what it cannot; and the round trip .mdl -> XMILE -> .mdl on every
// conformance model that passes today.
#include "solver/mdl/mdl_writer.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

#include "solver/mdl/mdl_reader.hpp"
#include "solver/xmile/xmile.hpp"
#include "tests/solver/conformance_util.hpp"
#include "tests/solver/mdl_test_util.hpp"

using namespace sdw;

namespace {

model::Project fromXmile(const std::string& variables, const std::string& extra = "") {
    const std::string text =
        "<xmile version=\"1.0\" "
        "xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\"><header><name>t</name>"
        "</header><sim_specs><start>0</start><stop>4</stop><dt>0.5</dt></sim_specs>" +
        extra + "<model><variables>" + variables + "</variables></model></xmile>";
    diag::Diagnostics d;
    auto p = xmile::readString(text, d, "t.xmile");
    INFO(test::dumpDiagnostics(d));
    REQUIRE(p);
    return *p;
}

std::string toMdl(const model::Project& p, diag::Diagnostics& d) {
    auto text = mdl::writeString(p, d);
    INFO(test::dumpDiagnostics(d));
    REQUIRE(text);
    return *text;
}

// Every saved value of every column of `a` equals the same column of `b`.
void sameRuns(const sim::RunResult& a, const sim::RunResult& b) {
    REQUIRE(a.rows() == b.rows());
    for (size_t c = 1; c < a.cols(); ++c) {
        const int other = b.column(a.names[c]);
        INFO(a.names[c]);
        REQUIRE(other >= 0);
        for (size_t r = 0; r < a.rows(); ++r)
            CHECK(b.at(r, static_cast<size_t>(other)) == Approx(a.at(r, c)));
    }
}

sim::RunResult runProject(const model::Project& p) {
    diag::Diagnostics d;
    auto cm = compile::compileModel(p, d);
    INFO(test::dumpDiagnostics(d));
    REQUIRE(cm);
    return sim::simulate(*cm);
}

// The text read back by the .mdl reader without error runs to the same numbers as the project written.
void readBackSame(const model::Project& p, const std::string& text) {
    diag::Diagnostics back;
    auto q = mdl::readString(text, back, "t.mdl");
    INFO(test::dumpDiagnostics(back));
    REQUIRE(q);
    REQUIRE_FALSE(back.hasErrors());
    sameRuns(runProject(p), runProject(*q));
}

const char* kDims =
    "<dimensions><dim name=\"region\"><elem name=\"north\"/><elem name=\"south\"/></dim></dimensions>";

}  // namespace

TEST_CASE("mdl writer: XMILE equations in Vensim's language run to the same numbers", "[mdl][writer]") {
    const auto p = fromXmile(
        "<stock name=\"Waiting list\"><eqn>100</eqn><inflow>referrals</inflow><outflow>seen</outflow></stock>"
        "<flow name=\"referrals\"><eqn>IF TIME &gt; 1 AND capacity &lt;&gt; 0 THEN 12 ELSE 8</eqn></flow>"
        "<flow name=\"seen\"><eqn>MIN(Waiting_list, capacity, 50) + SMTH1(capacity, 2, 1)</eqn></flow>"
        "<aux name=\"capacity\"><eqn>STEP(3, 2) + 5 - -1</eqn></aux>"
        "<aux name=\"lagged\"><eqn>DELAYN(referrals, 2, 3, 7) + SMTHN(seen, 1, 2)</eqn></aux>"
        "<aux name=\"ratio\"><eqn>SAFEDIV(seen, capacity - 9) + LOG10(100) + 2 ^ 3 ^ 2 / 512</eqn></aux>"
        "<aux name=\"effect\"><eqn>referrals</eqn><gf><xscale min=\"0\" "
        "max=\"20\"/><ypts>0,1,4</ypts></gf></aux>"
        "<gf name=\"curve\"><xpts>0,10</xpts><ypts>2,4</ypts></gf>"
        "<aux name=\"from curve\"><eqn>curve(5) + LOOKUP(curve, 10)</eqn></aux>");
    diag::Diagnostics d;
    const std::string text = toMdl(p, d);
    INFO(text);
    CHECK(text.find("IF THEN ELSE(Time > 1 :AND: capacity <> 0, 12, 8)") != std::string::npos);
    CHECK(text.find("DELAY N(referrals, 2, 7, 3)") != std::string::npos);  // Vensim puts init before order
    CHECK(text.find("SMOOTHI(capacity, 2, 1)") != std::string::npos);
    CHECK(text.find("Waiting list =\n\tINTEG(referrals - seen, 100)") != std::string::npos);
    CHECK(text.find("WITH LOOKUP(referrals, ([(0,0)-(20,4)],(0,0),(10,1),(20,4)))") != std::string::npos);
    CHECK(text.find("curve(\n\t[(0,2)-(10,4)],(0,2),(10,4))") != std::string::npos);
    readBackSame(p, text);
}

TEST_CASE("mdl writer: PI and PI() are written as the number, which Vensim has no name for",
          "[mdl][writer]") {
    // PI() (the SDXorg pi test model's form) was refused: "PI (with these arguments) has no Vensim
    // equivalent".
    const auto p = fromXmile(
        "<aux name=\"a\"><eqn>SIN(PI() / 2) + PI()</eqn></aux>"
        "<aux name=\"b\"><eqn>COS(PI)</eqn></aux>");
    diag::Diagnostics d;
    const std::string text = toMdl(p, d);
    INFO(text);
    CHECK(text.find("SIN(3.141592653589793 / 2) + 3.141592653589793") != std::string::npos);
    CHECK(text.find("COS(3.141592653589793)") != std::string::npos);
    readBackSame(p, text);
}

TEST_CASE("mdl writer: arrays, per-element equations, sums over dimensions and mappings", "[mdl][writer]") {
    const auto p = fromXmile(
        "<stock name=\"pop\"><dimensions><dim name=\"region\"/></dimensions>"
        "<element subscript=\"north\"><eqn>10</eqn></element><element "
        "subscript=\"south\"><eqn>20</eqn></element>"
        "<inflow>births</inflow></stock>"
        "<flow name=\"births\"><dimensions><dim name=\"region\"/></dimensions><eqn>pop[region] * "
        "0.1</eqn></flow>"
        "<aux name=\"total\"><eqn>SUM(pop[*]) + MEAN(pop[*]) + MAX(births[*])</eqn></aux>"
        "<aux name=\"team load\"><dimensions><dim name=\"team\"/></dimensions><eqn>pop[region] * "
        "2</eqn></aux>",
        std::string(kDims).insert(
            std::string(kDims).size() - 13,
            "<dim name=\"team\" maps_to=\"region\"><elem name=\"east\"/><elem name=\"west\"/></dim>"));
    diag::Diagnostics d;
    const std::string text = toMdl(p, d);
    INFO(text);
    CHECK(text.find("pop[north] =\n\tINTEG(births[north], 10)") != std::string::npos);
    CHECK(text.find("SUM(pop[region!]) + SUM(pop[region!]) / (ELMCOUNT(region)) + VMAX(births[region!])") !=
          std::string::npos);
    CHECK(text.find("team:\n\teast, west -> region") != std::string::npos);
    readBackSame(p, text);
}

TEST_CASE("mdl writer: what Vensim cannot express is named, and nothing is written", "[mdl][writer]") {
    for (const auto& [eq, words] :
         std::vector<std::pair<std::string, std::string>>{{"STDDEV(x[*])", "STDDEV"},
                                                          {"x[@1]", "@n"},
                                                          {"x[north:south]", "ranges"},
                                                          {"x'", "transposition"}}) {
        const auto p = fromXmile(
            "<aux name=\"x\"><dimensions><dim name=\"region\"/></dimensions><eqn>1</eqn></aux>"
            "<aux name=\"odd one\"><eqn>" +
                eq + "</eqn></aux>",
            kDims);
        diag::Diagnostics d;
        INFO(eq);
        CHECK_FALSE(mdl::writeString(p, d));
        REQUIRE(d.hasErrors());
        CHECK(d.items().front().code == std::string(diag::code::kNotVensim));
        CHECK(d.items().front().where == "odd one");
        CHECK(d.items().front().message.find(words) != std::string::npos);
    }
    auto p = fromXmile("<module name=\"hospital\" model_name=\"beds\"/>");
    diag::Diagnostics d;
    CHECK_FALSE(mdl::writeString(p, d));
    CHECK(test::dumpDiagnostics(d).find("E140 error in 'hospital'") != std::string::npos);
}

TEST_CASE("mdl writer: approximations are warned about, saying how they differ", "[mdl][writer]") {
    const auto p = fromXmile(
        "<stock name=\"S\"><eqn>1</eqn><non_negative/><outflow>f</outflow></stock>"
        "<flow name=\"f\"><eqn>INT(S) + S MOD 2</eqn><non_negative/></flow>"
        "<stock name=\"ledger\"><eqn>0</eqn><non_negative/><inflow>f</inflow></stock>");
    diag::Diagnostics d;
    const std::string text = toMdl(p, d);
    CHECK(text.find("MAX(INTEGER(S) + MODULO(S, 2), 0)") != std::string::npos);  // a non-negative flow
    const std::string all = test::dumpDiagnostics(d);
    CHECK(all.find("W141 warning in 'S'") != std::string::npos);  // no non-negative stocks in Vensim
    CHECK(all.find("in 'ledger'") == std::string::npos);          // no outflow to cut: nothing differs
    CHECK(all.find("INTEGER toward zero") != std::string::npos);
    CHECK(all.find("MODULO") != std::string::npos);
    // XMILE that Vensim wrote means INTEGER and MODULO by INT and MOD: written back, nothing is approximate
    // (the warning said it was), and the .mdl runs to the XMILE's numbers.
    auto vensim = fromXmile(
        "<aux name=\"x\"><eqn>-9.9 + TIME</eqn></aux>"
        "<aux name=\"f\"><eqn>INT(x) + x MOD 3 + MOD(x, 2)</eqn></aux>");
    vensim.product = "Vensim";
    diag::Diagnostics dv;
    const std::string back = toMdl(vensim, dv);
    CHECK(back.find("INTEGER(x) + MODULO(x, 3) + MODULO(x, 2)") != std::string::npos);
    CHECK(test::dumpDiagnostics(dv).find("W141") == std::string::npos);
    readBackSame(vensim, back);
}

TEST_CASE("mdl writer: a round trip .mdl -> XMILE -> .mdl keeps every passing conformance model's numbers",
          "[mdl][writer][conformance]") {
    SDW_NEEDS_CONFORMANCE();
    int tried = 0, kept = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(test::conformanceRoot())) {
        if (e.path().extension() != ".mdl" || !test::runConformance(e.path()).pass) continue;
        ++tried;
        diag::Diagnostics d;
        auto first = io::loadModelFile(e.path().string(), d);
        REQUIRE(first);
        auto viaXmile = xmile::readString(xmile::writeString(*first), d, "via.xmile");
        REQUIRE(viaXmile);
        diag::Diagnostics written;
        auto text = mdl::writeString(*viaXmile, written);
        INFO(e.path().string() << "\n" << test::dumpDiagnostics(written));
        CHECK(text);
        if (!text) continue;
        diag::Diagnostics back;
        const auto again = mdl::readString(*text, back, e.path().string());
        const test::Comparison c = test::runAndCompare(again, back, e.path().parent_path());
        INFO(c.detail << "\n" << *text);
        CHECK(c.pass);
        kept += c.pass ? 1 : 0;
    }
    WARN("mdl round trip: " << kept << " of " << tried << " passing .mdl models keep their numbers");
    CHECK(tried > 0);
}
