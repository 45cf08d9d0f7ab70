// Diagnostics point at the error itself in the model file: the line and column of the name or call in the
// file as written (XMILE with entities and multi-line equations, Vensim with continuations, tabs, INTEG
// pieces and per-element equations), or name what supplied the text (an override) instead of a file line.
#include <catch2/catch.hpp>
#include <string>

#include "solver/compile/compiled_model.hpp"
#include "solver/mdl/mdl_reader.hpp"
#include "solver/model/text_origin.hpp"
#include "solver/xmile/xmile.hpp"

using namespace sdw;

namespace {

// Compiles and returns the first error whose message mentions `words`.
diag::Diagnostic firstError(const model::Project& p, const std::string& words,
                            const compile::CompileOptions& opts = {}) {
    diag::Diagnostics d;
    compile::compileModel(p, d, opts);
    std::string all;
    for (const auto& x : d.items()) {
        all += diag::format(x) + "\n";
        if (x.severity == diag::Severity::Error && x.message.find(words) != std::string::npos) return x;
    }
    INFO(all);
    FAIL("no error mentioning '" << words << "'");
    return {};
}

model::Project readXmile(const std::string& variables) {
    const std::string text =
        "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">\n"  // line 1
        "<header><name>t</name></header>\n"
        "<sim_specs><start>0</start><stop>2</stop><dt>1</dt></sim_specs>\n"
        "<dimensions><dim name=\"region\"><elem name=\"north\"/><elem name=\"south\"/></dim></dimensions>\n"
        "<model><variables>\n" +  // line 5
        variables +
        "</variables></model></xmile>\n";
    diag::Diagnostics d;
    auto p = xmile::readString(text, d, "t.xmile");
    REQUIRE(p);
    return *p;
}

model::Project readMdl(const std::string& equations) {
    diag::Diagnostics d;
    auto p = mdl::readString("{UTF-8}\n" + equations + "\nFINAL TIME = 2 ~ ~ |\nTIME STEP = 1 ~ ~ |\n", d,
                             "t.mdl");
    REQUIRE(p);
    return *p;
}

}  // namespace

TEST_CASE("positions: locate walks from the last anchor, counting columns and lines", "[positions]") {
    model::TextOrigin o = model::verbatimOrigin("ab\ncd", 10, 5);
    CHECK(model::locate(o, 0) == std::pair{10, 5});
    CHECK(model::locate(o, 1) == std::pair{10, 6});
    CHECK(model::locate(o, 4) == std::pair{11, 2});
    o.anchors.push_back({3, 20, 1});
    CHECK(model::locate(o, 4) == std::pair{20, 2});
    o.anchors.push_back({4, 0, 0});  // text with no place in the file
    CHECK(model::locate(o, 4) == std::pair{0, 0});
    CHECK(model::locate(o, 99) == std::pair{0, 0});
}

TEST_CASE("positions: XMILE errors are at the name in the file, past entities and line breaks",
          "[positions]") {
    const auto p = readXmile(
        "<aux name=\"a\"><eqn>1 + nothere</eqn></aux>\n"  // line 6: 'nothere' at column 24
        "<aux name=\"b\">\n"
        "  <eqn>\n"
        "    IF a &lt; 5 &amp;&amp; a &gt; 0 THEN\n"
        "       a * bogus\n"  // line 10: 'bogus' at column 12
        "    ELSE 0\n"
        "  </eqn>\n"
        "</aux>\n"
        "<aux name=\"c\"><eqn>a &gt; 1 AND missing</eqn></aux>\n");  // line 14: 'missing' at column 33
    diag::Diagnostic e = firstError(p, "'nothere'");
    CHECK(e.line == 6);
    CHECK(e.column == 24);
    e = firstError(p, "'bogus'");
    CHECK(e.line == 10);
    CHECK(e.column == 12);
    e = firstError(p, "'missing'");
    CHECK(e.line == 14);
    CHECK(e.column == 33);
}

TEST_CASE("positions: an XMILE element's own equation is located in its <element>", "[positions]") {
    const auto p = readXmile(
        "<aux name=\"x\"><dimensions><dim name=\"region\"/></dimensions>\n"
        "  <element subscript=\"north\"><eqn>1</eqn></element>\n"
        "  <element subscript=\"south\"><eqn>2 * typo</eqn></element>\n"  // line 8, 'typo' at column 39
        "</aux>\n");
    const diag::Diagnostic e = firstError(p, "'typo'");
    CHECK(e.where == "x[south]");
    CHECK(e.line == 8);
    CHECK(e.column == 39);
}

TEST_CASE("positions: Vensim errors are at the name in the .mdl, across continuations and tabs",
          "[positions]") {
    const auto p = readMdl(
        "Population = INTEG (\n"                // line 2
        "\tbirths - deaths * zzz,\n"            // line 3: 'zzz' at column 20 (the tab is one column)
        "\t initial populatio) ~ people ~ |\n"  // line 4: 'initial populatio' at column 3
        "births = Population * \\\n"            // line 5, continued
        "     birth rat ~ ~ |\n"                // line 6: 'birth rat' at column 6
        "deaths = 1 ~ ~ |\nbirth rate = 1 ~ ~ |\ninitial population = 1 ~ ~ |\n"
        "region : north, south ~ ~ |\n"
        "split[region] = Population / 2 + nosuch[region] ~ ~ |\n");  // line 11: 'nosuch' at column 34
    CHECK(firstError(p, "'zzz'").line == 3);
    CHECK(firstError(p, "'zzz'").column == 20);
    CHECK(firstError(p, "'initial_populatio'").line == 4);
    CHECK(firstError(p, "'initial_populatio'").column == 3);
    CHECK(firstError(p, "'birth_rat'").line == 6);
    CHECK(firstError(p, "'birth_rat'").column == 6);
    CHECK(firstError(p, "'nosuch'").line == 11);
    CHECK(firstError(p, "'nosuch'").column == 34);
}

TEST_CASE("positions: a Vensim element defined on its own is located on its own line", "[positions]") {
    const auto p = readMdl(
        "region : north, south ~ ~ |\n"  // line 2
        "x[north] = 1 ~ ~ |\n"
        "x[south] = 2 + oops ~ ~ |\n");  // line 4: 'oops' at column 16
    const diag::Diagnostic e = firstError(p, "'oops'");
    CHECK(e.where == "x[south]");
    CHECK(e.line == 4);
    CHECK(e.column == 16);
}

TEST_CASE("positions: a function the .mdl reader cannot translate is reported where it is written",
          "[positions]") {
    diag::Diagnostics d;
    mdl::readString("{UTF-8}\nx = 1 ~ ~ |\ny = 2 +\n  FROBNICATE(x) ~ ~ |\n", d, "t.mdl");
    REQUIRE(d.hasErrors());
    const diag::Diagnostic& e = d.items().front();
    CHECK(e.code == std::string(diag::code::kUnsupported));
    CHECK(e.where == "y");
    CHECK(e.line == 4);
    CHECK(e.column == 3);
}

TEST_CASE("positions: an equation edited after reading keeps the variable's line and drops the column",
          "[positions]") {
    auto p = readXmile("<aux name=\"a\"><eqn>1</eqn></aux>\n<aux name=\"b\"><eqn>a</eqn></aux>\n");
    p.main().find("b")->equation = "a + later";
    const diag::Diagnostic e = firstError(p, "'later'");
    CHECK(e.line == 7);    // where b is defined
    CHECK(e.column == 5);  // in the equation text as it now is
    CHECK(e.origin.empty());
}

TEST_CASE("positions: an error in an equation override names the override, not a file line", "[positions]") {
    const auto p = readXmile("<aux name=\"a\"><eqn>1</eqn></aux>\n");
    compile::CompileOptions opts;
    opts.equationOverrides["A"] = "2 * nothing";
    const diag::Diagnostic e = firstError(p, "'nothing'", opts);
    CHECK(e.line == 0);
    CHECK(e.column == 5);
    CHECK(e.origin == "the equation override of 'a'");
    CHECK(diag::format(e).find("(the equation override of 'a', col 5)") != std::string::npos);
    auto supplied = p;
    supplied.main().find("a")->equation = "nope";
    supplied.main().find("a")->origins[""] = model::suppliedOrigin("nope", "plugin 'lever' (lever.lua)");
    CHECK(firstError(supplied, "'nope'").origin == "plugin 'lever' (lever.lua)");
}
