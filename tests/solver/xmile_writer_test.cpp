// Tests of the XMILE writer: the round trip (read, write, read gives the same project) over every conformance
// file and over a project using every feature, kept extras, reciprocal dt, and the atomic file write.
// Layer: tests/solver.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "solver/compile/compiled_model.hpp"
#include "solver/sim/simulate.hpp"
#include "solver/xmile/xmile.hpp"
#include "tests/solver/conformance_util.hpp"
#include "tests/solver/project_compare.hpp"

using namespace sdw;
namespace fs = std::filesystem;

namespace {

using sdw::test::formatAll;
using sdw::test::xmileFiles;

model::Project readBack(const std::string& xml) {
    diag::Diagnostics diags;
    auto p = xmile::readString(xml, diags, "written.xmile");
    INFO(formatAll(diags));
    REQUIRE(p);
    REQUIRE_FALSE(diags.hasErrors());
    return *p;
}

// A project using every feature the writer knows, written by hand.
const char* kEverything =
    R"(<xmile xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0" xmlns:isee="http://iseesystems.com/XMILE">
<header><name>all</name><vendor>v</vendor><product version="2">p</product><options><uses_arrays/></options></header>
<sim_specs method="RK4" time_units="Years" isee:save_interval="0.5" isee:pause="1"><start>1</start><stop>3</stop>
<dt reciprocal="true">3</dt><isee:extra/></sim_specs>
<model_units><unit name="People"><alias>person</alias></unit></model_units>
<dimensions><dim name="n" size="2"/><dim name="r" maps_to="n"><elem name="a"/><elem name="b"/></dim></dimensions>
<model><variables>
<stock name="Stock&#x0A;One" isee:x="1"><doc>d</doc><eqn>10</eqn><inflow>in</inflow><outflow>out</outflow><non_negative/><units>People</units><isee:weird k="v">t</isee:weird></stock>
<flow name="in"><eqn>k * 2</eqn><uniflow/></flow>
<flow name="out"><eqn>Stock_One / 4</eqn></flow>
<aux name="k" access="input"><eqn>0.25</eqn><range min="0" max="1" step="0.05"/></aux>
<aux name="arr"><dimensions><dim name="n"/><dim name="r"/></dimensions>
<element subscript="1, a"><eqn>1</eqn></element><element subscript="2,b"><eqn>TIME</eqn><gf type="discrete"><xpts>0,1,5</xpts><ypts>3,4,5</ypts></gf></element></aux>
<aux name="tab user"><eqn>TIME</eqn><gf type="extrapolate"><xscale min="0" max="10"/><yscale min="0" max="5"/><ypts sep=";">1;2;4</ypts></gf></aux>
<gf name="table"><xpts>0,0.1,0.7</xpts><ypts>0,1,0.5</ypts></gf>
<module name="sub" model_name="inner"><connect to="x" from=".k"/></module>
<isee:dependencies><var name="in"><in>k</in></var></isee:dependencies>
</variables>
<views><style color="black"/><view name="one" zoom="200">
<stock name="Stock_One" x="100.5" y="200" width="45" height="35" label_side="top"><shape type="r"/></stock>
<flow name="in" x="50" y="200"><pts><pt x="10" y="200"/><pt x="100" y="200"/></pts></flow>
<aux name="k" x="1" y="2"/><alias uid="9" x="3" y="4"><of>k</of></alias>
<connector uid="10" angle="-12.5"><from><alias uid="9"/></from><to>in</to></connector>
<connector uid="11" x="5" y="6"><from>k</from><to>out</to></connector>
<module name="sub" x="7" y="8"/><group name="g" x="0" y="0" width="100" height="50"/>
<text_box x="1" y="1">Note &amp; more</text_box><graph x="5" y="5"><plot index="0"><entity name="k"/></plot></graph>
</view></views><behavior><non_negative/></behavior></model>
<model name="inner"><variables><aux name="x" access="input"><eqn>0</eqn></aux></variables></model>
<macro name="twice"><parm>x</parm><parm default="1">y</parm><eqn>x*2*y</eqn><doc>dd</doc></macro>
<macro name="acc"><parm>r</parm><eqn>s</eqn><sim_specs><dt>0.5</dt></sim_specs><variables><stock name="s"><eqn>0</eqn><inflow>f</inflow></stock><flow name="f"><eqn>r</eqn></flow></variables></macro>
</xmile>)";

}  // namespace

TEST_CASE("xmile: read, write, read gives the same project for every conformance file",
          "[xmile][roundtrip]") {
    SDW_NEEDS_CONFORMANCE();
    const auto files = xmileFiles();
    REQUIRE(files.size() >= 70);
    for (const auto& f : files) {
        INFO(f.string());
        diag::Diagnostics diags;
        auto first = xmile::readFile(f.string(), diags);
        REQUIRE(first);
        const std::string written = xmile::writeString(*first);
        const auto second = readBack(written);
        const auto a = test::comparableAfterRoundTrip(*first), b = test::comparableAfterRoundTrip(second);
        INFO(test::whereDiffers(a, b));
        CHECK(a == b);
        // Writing again gives the same text: the writer is a fixed point after one round.
        CHECK(xmile::writeString(second) == written);
    }
}

TEST_CASE("xmile: every feature survives the round trip", "[xmile][roundtrip]") {
    const auto first = readBack(kEverything);
    REQUIRE(first.main().variables.size() == 8);
    REQUIRE(first.models.size() == 2);
    REQUIRE(first.macros.size() == 2);
    const auto second = readBack(xmile::writeString(first));
    const auto a = test::comparableAfterRoundTrip(first), b = test::comparableAfterRoundTrip(second);
    INFO(test::whereDiffers(a, b));
    CHECK(a == b);
    CHECK(second.main().find("Stock One")->name == "Stock\nOne");
    CHECK(second.main().find("table")->gf->name == "table");
    CHECK(second.specs.dt == 1.0 / 3);
}

TEST_CASE("xmile: the writer uses the standard namespace, reciprocal dt and keeps extras in place",
          "[xmile]") {
    const auto p = readBack(kEverything);
    const std::string xml = xmile::writeString(p);
    CHECK(xml.find("xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\"") != std::string::npos);
    CHECK(xml.find("<dt reciprocal=\"true\">3</dt>") != std::string::npos);
    CHECK(xml.find("isee:save_interval=\"0.5\"") != std::string::npos);
    CHECK(xml.find("<dim name=\"n\" size=\"2\"") != std::string::npos);
    // The kept Stella element is inside its stock, the dependencies inside <variables>, the style inside
    // <views>.
    const auto stock = xml.find("<stock name=\"Stock");
    const auto weird = xml.find("<isee:weird k=\"v\">t</isee:weird>");
    const auto stockEnd = xml.find("</stock>", stock);
    REQUIRE(weird != std::string::npos);
    CHECK((stock < weird && weird < stockEnd));
    const auto deps = xml.find("<isee:dependencies>");
    CHECK((deps > xml.find("<variables>") && deps < xml.find("</variables>")));
    const auto style = xml.find("<style color=\"black\"");
    CHECK((style > xml.find("<views>") && style < xml.find("</views>")));
    CHECK(xml.find("<from>k</from>") != std::string::npos);

    auto pre = readBack(kEverything);
    pre.xmlns = "http://www.systemdynamics.org/XMILE";
    CHECK(xmile::writeString(pre).find("http://www.systemdynamics.org/XMILE") == std::string::npos);
}

TEST_CASE("xmile: a round-tripped model simulates to the same numbers", "[xmile][roundtrip]") {
    SDW_NEEDS_CONFORMANCE();
    for (const char* rel :
         {"samples/SIR/SIR.stmx", "samples/teacup/teacup.xmile", "tests/lookups/test_lookups_xpts_sep.xmile",
          "tests/non_negative_stocks/test_non_negative_stocks.xmile"}) {
        INFO(rel);
        diag::Diagnostics diags;
        auto first = xmile::readFile((sdw::test::conformanceRoot() / rel).string(), diags);
        REQUIRE(first);
        const auto second = readBack(xmile::writeString(*first));
        diag::Diagnostics d1, d2;
        auto c1 = compile::compileModel(*first, d1);
        auto c2 = compile::compileModel(second, d2);
        REQUIRE(c1);
        REQUIRE(c2);
        const auto r1 = sim::simulate(*c1);
        const auto r2 = sim::simulate(*c2);
        REQUIRE(r1.ok());
        CHECK(r1.names == r2.names);
        CHECK(r1.data == r2.data);
        CHECK(r1.rows() > 1);
    }
}

TEST_CASE("xmile: writeFile replaces the file atomically and reports failures", "[xmile]") {
    const fs::path dir = fs::temp_directory_path() / "sdw_xmile_writer_test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path target = dir / "out.xmile";
    {
        std::ofstream old(target);
        old << "old content";
    }
    const auto p = readBack(kEverything);
    std::string error;
    REQUIRE(xmile::writeFile(p, target.string(), error));
    CHECK(error.empty());
    std::ifstream in(target);
    std::stringstream ss;
    ss << in.rdbuf();
    CHECK(ss.str() == xmile::writeString(p));
    size_t files = 0;
    for (const auto& e : fs::directory_iterator(dir)) files += e.is_regular_file();
    CHECK(files == 1);  // no temporary file left behind

    std::string error2;
    CHECK_FALSE(xmile::writeFile(p, (dir / "missing" / "x.xmile").string(), error2));
    CHECK(error2.find("missing") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("xmile: a 100,000-deep kept element is read and written back without blowing up",
          "[xmile][errors]") {
    std::string deep =
        "<xmile><header><vendor>v</vendor><product>p</product></header><model><variables>"
        "<aux name=\"a\"><eqn>1</eqn>";
    for (int i = 0; i < 100000; ++i) deep += "<x>";
    for (int i = 0; i < 100000; ++i) deep += "</x>";
    deep += "</aux></variables></model></xmile>";
    const auto first = readBack(deep);
    REQUIRE(first.main().find("a"));
    const std::string written = xmile::writeString(first);
    CHECK(written.size() < 2 * deep.size());  // written unindented, not with 100,000 levels of spaces
    const auto second = readBack(written);
    const auto a = test::comparableAfterRoundTrip(first), b = test::comparableAfterRoundTrip(second);
    INFO(test::whereDiffers(a, b));
    CHECK(a == b);
}

TEST_CASE("xmile: the project's own models survive the round trip and simulate the same",
          "[xmile][roundtrip]") {
    size_t seen = 0;
    for (const auto& e : fs::recursive_directory_iterator(fs::path(SDW_SOURCE_DIR) / "models")) {
        if (!e.is_regular_file() || e.path().extension() != ".xmile") continue;
        ++seen;
        INFO(e.path().string());
        diag::Diagnostics diags;
        auto first = xmile::readFile(e.path().string(), diags);
        REQUIRE(first);
        const auto second = readBack(xmile::writeString(*first));
        const auto a = test::comparableAfterRoundTrip(*first), b = test::comparableAfterRoundTrip(second);
        INFO(test::whereDiffers(a, b));
        CHECK(a == b);
        diag::Diagnostics d1, d2;
        auto c1 = compile::compileModel(*first, d1);
        auto c2 = compile::compileModel(second, d2);
        REQUIRE(c1);
        REQUIRE(c2);
        const auto r1 = sim::simulate(*c1);
        const auto r2 = sim::simulate(*c2);
        CHECK(r1.names == r2.names);
        CHECK(r1.data == r2.data);
    }
    CHECK(seen >= 1);
}
