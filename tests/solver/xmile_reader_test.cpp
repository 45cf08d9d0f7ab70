// Tests of the XMILE reader: the conformance files, Stella extensions, namespaces, line endings, arrays,
// macros, modules, views, and bad input (each must give a diagnostic, never a crash). Layer: tests/solver.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "solver/xmile/xmile.hpp"
#include "tests/solver/conformance_util.hpp"

using namespace sdw;
namespace fs = std::filesystem;

namespace {

using sdw::test::formatAll;
using sdw::test::xmileFiles;

model::Project readOk(const std::string& rel) {
    diag::Diagnostics diags;
    auto p = xmile::readFile((sdw::test::conformanceRoot() / rel).string(), diags);
    INFO(rel);
    INFO(formatAll(diags));
    REQUIRE(p);
    REQUIRE_FALSE(diags.hasErrors());
    return *p;
}

std::optional<model::Project> readText(const std::string& text, diag::Diagnostics& diags) {
    return xmile::readString(text, diags, "test.xmile");
}

const diag::Diagnostic* findCode(const diag::Diagnostics& diags, const std::string& code) {
    for (const auto& d : diags.items())
        if (d.code == code) return &d;
    return nullptr;
}

int countKind(const model::Model& m, model::VarKind k) {
    int n = 0;
    for (const auto& v : m.variables) n += v.kind == k;
    return n;
}

std::string wrap(const std::string& variables, const std::string& extraRoot = "") {
    return "<xmile xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\" version=\"1.0\">\n"
           "<header><vendor>t</vendor><product>t</product></header>\n"
           "<sim_specs><start>0</start><stop>10</stop><dt>1</dt></sim_specs>\n" +
           extraRoot + "<model><variables>\n" + variables + "</variables></model>\n</xmile>\n";
}

}  // namespace

TEST_CASE("xmile: every conformance XMILE and STMX file reads without errors", "[xmile]") {
    SDW_NEEDS_CONFORMANCE();
    const auto files = xmileFiles();
    REQUIRE(files.size() >= 70);
    for (const auto& f : files) {
        diag::Diagnostics diags;
        auto p = xmile::readFile(f.string(), diags);
        INFO(f.string());
        INFO(formatAll(diags));
        CHECK(p.has_value());
        CHECK_FALSE(diags.hasErrors());
        if (p) CHECK_FALSE(p->main().variables.empty());
    }
}

TEST_CASE("xmile: SIR has its stocks, flows, auxiliaries and sim specs", "[xmile]") {
    SDW_NEEDS_CONFORMANCE();
    for (const char* rel : {"samples/SIR/SIR.xmile", "samples/SIR/SIR.stmx"}) {
        const auto p = readOk(rel);
        const auto& m = p.main();
        CHECK(countKind(m, model::VarKind::Stock) == 3);
        CHECK(countKind(m, model::VarKind::Flow) == 2);
        CHECK(countKind(m, model::VarKind::Aux) == 3);
        CHECK(p.specs.start == 0);
        CHECK(p.specs.stop == 100);
        CHECK(p.specs.dt == 0.03125);
        CHECK(p.specs.method == "euler");
        CHECK(p.specs.timeUnits == "Time");
        const auto* inf = m.find("infectious");
        REQUIRE(inf);
        CHECK(inf->equation == "5");
        CHECK(inf->inflows == std::vector<std::string>{"succumbing"});
        CHECK(inf->outflows == std::vector<std::string>{"recovering"});
        CHECK(inf->units == "people");
        CHECK(inf->line > 1);
        const auto* s = m.find("succumbing");
        REQUIRE(s);
        CHECK(s->equation == "susceptible*infectious/total_population*contact_infectivity");
    }
}

TEST_CASE("xmile: Stella extensions are kept, the method is lower-cased, the header read", "[xmile]") {
    SDW_NEEDS_CONFORMANCE();
    const auto p = readOk("samples/SIR/SIR.stmx");
    CHECK(p.name == "SIR-modern");
    CHECK(p.vendor == "isee systems, inc.");
    CHECK(p.product == "Stella Architect");
    CHECK(p.xmlns == "http://docs.oasis-open.org/xmile/ns/XMILE/v1.0");
    auto has = [](const std::vector<std::string>& xs, const std::string& needle) {
        return std::any_of(xs.begin(), xs.end(),
                           [&](const std::string& x) { return x.find(needle) != x.npos; });
    };
    CHECK(has(p.rootExtraXml, "<isee:prefs"));
    CHECK(has(p.rootExtraXml, "<model_units"));
    CHECK(has(p.headerExtraXml, "<uuid>03ab2dd2"));
    CHECK(has(p.main().variablesExtraXml, "<isee:dependencies"));
    CHECK(has(p.main().viewsExtraXml, "<style"));
    bool sawDelay = false;
    for (const auto& [k, v] : p.specs.extraAttrs) sawDelay |= k == "isee:simulation_delay" && v == "0";
    CHECK(sawDelay);
}

TEST_CASE("xmile: reciprocal dt and the pre-standard namespace", "[xmile]") {
    SDW_NEEDS_CONFORMANCE();
    const auto p = readOk("samples/SIR/SIR_reciprocal-dt.xmile");
    CHECK(p.specs.dt == 1.0 / 32);
    CHECK(p.specs.dtReciprocal);
    CHECK(p.xmlns == "http://www.systemdynamics.org/XMILE");
    CHECK(p.main().variables.size() == 8);
}

TEST_CASE("xmile: save interval in its three spellings", "[xmile]") {
    for (const std::string specs :
         {"<sim_specs isee:save_interval=\"0.5\"><start>0</start><stop>4</stop><dt>0.25</dt></sim_specs>",
          "<sim_specs><start>0</start><stop>4</stop><dt>0.25</dt><savestep>0.5</savestep></sim_specs>",
          "<sim_specs method=\"RK4\"><start>0</start><stop>4</stop><dt>0.25</dt><save_step>0.5</save_step>"
          "</sim_specs>"}) {
        diag::Diagnostics diags;
        auto p = readText("<xmile xmlns:isee=\"http://iseesystems.com/XMILE\">" + specs + "</xmile>", diags);
        INFO(specs);
        REQUIRE(p);
        REQUIRE(p->specs.saveper);
        CHECK(*p->specs.saveper == 0.5);
        CHECK(p->specs.dt == 0.25);
    }
    diag::Diagnostics diags;
    auto p = readText("<xmile><sim_specs method=\"RK4\"><dt>1</dt></sim_specs></xmile>", diags);
    REQUIRE(p);
    CHECK(p->specs.method == "rk4");
}

TEST_CASE("xmile: graphical functions with xpts, xscale, separators and kinds", "[xmile]") {
    SDW_NEEDS_CONFORMANCE();
    const auto sep = readOk("tests/lookups/test_lookups_xpts_sep.xmile");
    const auto* table = sep.main().find("lookup function table");
    REQUIRE(table);
    CHECK(table->kind == model::VarKind::Aux);
    CHECK(table->equation.empty());
    REQUIRE(table->gf);
    CHECK(table->gf->xptsWritten);
    CHECK(table->gf->xs == std::vector<double>{0, 5, 10, 15, 20, 25, 30, 35, 40, 45});
    CHECK(table->gf->ys == std::vector<double>{0, 0, 1, 1, 0, 0, -1, -1, 0, 0});
    REQUIRE(table->gf->yscale);
    CHECK(table->gf->yscale->first == -1);
    CHECK(table->gf->yscale->second == 1);

    const auto xs = readOk("tests/lookups/test_lookups_xscale.xmile");
    const auto* t2 = xs.main().find("lookup_function_table");
    REQUIRE(t2);
    REQUIRE(t2->gf);
    CHECK_FALSE(t2->gf->xptsWritten);
    CHECK(t2->gf->xs == std::vector<double>{0, 5, 10, 15, 20, 25, 30, 35, 40, 45});
    const auto* inl = xs.main().find("Lookup Linebreak Before Comma");
    REQUIRE(inl);
    REQUIRE(inl->gf);
    CHECK(inl->gf->xs.size() == 13);
    CHECK(inl->gf->ys.size() == 13);
    CHECK(inl->gf->xs[1] == 1.25);

    diag::Diagnostics diags;
    auto p =
        readText(wrap("<aux name=\"a\"><eqn>TIME</eqn><gf type=\"discrete\"><xscale min=\"0\" max=\"1\"/>"
                      "<ypts sep=\";\">1;2;3</ypts></gf></aux>"
                      "<aux name=\"b\"><eqn>TIME</eqn><gf type=\"extrapolate\"><xpts>0,2</xpts>"
                      "<ypts>0,4</ypts></gf></aux>"
                      "<aux name=\"c\"><eqn>TIME</eqn><gf discrete=\"true\"><xpts>0,1</xpts>"
                      "<ypts>0,1</ypts></gf></aux>"),
                 diags);
    REQUIRE(p);
    const auto& a = *p->main().find("a")->gf;
    CHECK(a.kind == model::GraphicalFunction::Kind::Discrete);
    CHECK(a.xs == std::vector<double>{0, 0.5, 1});
    CHECK(a.ys == std::vector<double>{1, 2, 3});
    CHECK(a.ySeparator == ";");
    CHECK(p->main().find("b")->gf->kind == model::GraphicalFunction::Kind::Extrapolate);
    CHECK(p->main().find("c")->gf->kind == model::GraphicalFunction::Kind::Discrete);
}

TEST_CASE("xmile: named, indexed and mapped dimensions, arrayed variables and elements", "[xmile]") {
    SDW_NEEDS_CONFORMANCE();
    const auto sub = readOk("tests/subscript_subranges/test_subscript_subrange.xmile");
    const auto* dim = sub.findDimension("Dim1");
    REQUIRE(dim);
    CHECK(dim->elements == std::vector<std::string>{"Entry 1", "Entry 2", "Entry 3"});
    CHECK_FALSE(dim->indexed);
    CHECK(sub.main().find("Rate A")->dimensions == std::vector<std::string>{"Dim1"});

    const auto flows = readOk("tests/subscripted_flows/test_subscripted_flows.xmile");
    bool sawElements = false;
    for (const auto& v : flows.main().variables) {
        if (v.elements.empty()) continue;
        sawElements = true;
        CHECK(v.elements.size() == 3);
        CHECK(v.elements[0].subscripts == std::vector<std::string>{"Entry 1"});
        CHECK(v.elements[0].equation == "Rate_A[Entry_1]");
    }
    CHECK(sawElements);

    diag::Diagnostics diags;
    auto p = readText(
        "<xmile><dimensions><dim name=\"n\" size=\"3\"/>"
        "<dim name=\"region\" maps_to=\"area\"><elem name=\"north\"/><elem name=\"south\"/></dim>"
        "<dim name=\"area\"><elem name=\"a\"/><elem name=\"b\"/><map to=\"zone\"/></dim>"
        "</dimensions><model><variables><aux name=\"x\"><dimensions><dim name=\"n\"/>"
        "<dim name=\"region\"/></dimensions><element subscript=\" 1 , north\"><eqn>4</eqn>"
        "</element></aux></variables></model></xmile>",
        diags);
    REQUIRE(p);
    REQUIRE(p->dimensions.size() == 3);
    CHECK(p->dimensions[0].indexed);
    CHECK(p->dimensions[0].elements == std::vector<std::string>{"1", "2", "3"});
    CHECK(p->dimensions[1].maps == std::vector<std::string>{"area"});
    CHECK(p->dimensions[2].maps == std::vector<std::string>{"zone"});
    const auto& x = *p->main().find("x");
    CHECK(x.dimensions == std::vector<std::string>{"n", "region"});
    REQUIRE(x.elements.size() == 1);
    CHECK(x.elements[0].subscripts == std::vector<std::string>{"1", "north"});
}

TEST_CASE("xmile: macros, modules and sub-models", "[xmile]") {
    diag::Diagnostics diags;
    auto p = readText(
        "<xmile><model name=\"inner\"><variables><aux name=\"input\" access=\"input\"><eqn>0</eqn></aux>"
        "<aux name=\"out\" access=\"output\"><eqn>input*2</eqn></aux></variables></model>"
        "<model><variables><module name=\"inner\"><connect to=\"input\" from=\".k\"/></module>"
        "<module name=\"second\" model_name=\"inner\"/><aux name=\"k\"><eqn>3</eqn></aux></variables></model>"
        "<macro name=\"twice\"><parm>x</parm><parm default=\"1\">y</parm><eqn>x*2*y</eqn><doc>d</doc></macro>"
        "<macro name=\"acc\"><parm>r</parm><eqn>s</eqn><sim_specs><dt>0.5</dt></sim_specs><variables>"
        "<stock name=\"s\"><eqn>0</eqn><inflow>f</inflow></stock><flow name=\"f\"><eqn>r</eqn></flow>"
        "</variables></macro></xmile>",
        diags);
    REQUIRE(p);
    REQUIRE(p->models.size() == 2);
    CHECK(p->models[0].name.empty());
    CHECK(p->models[1].name == "inner");
    CHECK(p->models[1].find("input")->accessType == "input");
    const auto* mod = p->main().find("inner");
    REQUIRE(mod);
    CHECK(mod->kind == model::VarKind::Module);
    REQUIRE(mod->connections.size() == 1);
    CHECK(mod->connections[0].to == "input");
    CHECK(mod->connections[0].from == ".k");
    CHECK(p->main().find("second")->moduleModel == "inner");
    REQUIRE(p->macros.size() == 2);
    const auto& twice = p->macros[0];
    CHECK(twice.params == std::vector<std::string>{"x", "y"});
    REQUIRE(twice.paramDefaults.size() == 2);
    CHECK_FALSE(twice.paramDefaults[0]);
    CHECK(twice.paramDefaults[1] == std::optional<std::string>("1"));
    CHECK(twice.equation == "x*2*y");
    CHECK(twice.doc == "d");
    const auto& acc = p->macros[1];
    REQUIRE(acc.specs);
    CHECK(acc.specs->dt == 0.5);
    CHECK(acc.body.variables.size() == 2);
    CHECK(acc.body.find("s")->inflows == std::vector<std::string>{"f"});
}

TEST_CASE("xmile: variable details: non_negative forms, units, doc, range, access, kept extras", "[xmile]") {
    diag::Diagnostics diags;
    auto p =
        readText(wrap("<stock name=\"s1\"><eqn>1</eqn><non_negative/></stock>"
                      "<stock name=\"s2\"><eqn>1</eqn><non_negative>true</non_negative></stock>"
                      "<stock name=\"s3\"><eqn>1</eqn><non_negative>false</non_negative></stock>"
                      "<flow name=\"f\"><eqn>1</eqn><uniflow/></flow>"
                      "<aux name=\"k\" flow_concept=\"true\"><eqn>  2 </eqn><units>1/Month</units>"
                      "<doc>why</doc><range min=\"0\" max=\"5\" step=\"0.5\"/><isee:thing a=\"1\"/></aux>"),
                 diags);
    REQUIRE(p);
    const auto& m = p->main();
    CHECK(m.find("s1")->nonNegative);
    CHECK(m.find("s2")->nonNegative);
    CHECK_FALSE(m.find("s3")->nonNegative);
    CHECK(m.find("f")->nonNegative);
    const auto& k = *m.find("k");
    CHECK(k.equation == "2");
    CHECK(k.units == "1/Month");
    CHECK(k.doc == "why");
    REQUIRE(k.range);
    CHECK(k.range->min == 0);
    CHECK(k.range->max == 5);
    CHECK(k.range->step == std::optional<double>(0.5));
    REQUIRE(k.extraAttrs.size() == 1);
    CHECK(k.extraAttrs[0].first == "flow_concept");
    REQUIRE(k.extraXml.size() == 1);
    CHECK(k.extraXml[0] == "<isee:thing a=\"1\"/>");
}

TEST_CASE("xmile: views: positions, flow points, connectors with aliases, kept objects", "[xmile]") {
    SDW_NEEDS_CONFORMANCE();
    const auto sir = readOk("samples/SIR/SIR_reciprocal-dt.xmile");
    REQUIRE_FALSE(sir.main().views.empty());
    const auto& objs = sir.main().views[0].objects;
    REQUIRE_FALSE(objs.empty());
    CHECK(objs[0].kind == model::ViewObject::Kind::Connector);
    CHECK(objs[0].uid == "0");
    CHECK(objs[0].from == "duration");
    CHECK(objs[0].to == "recovering");
    CHECK(objs[0].x == 297);

    diag::Diagnostics diags;
    auto p = readText(
        "<xmile><model><variables/><views><view name=\"main\" zoom=\"150\">"
        "<stock name=\"s\" x=\"10\" y=\"20\" width=\"45\" height=\"35\" label_side=\"top\"/>"
        "<flow name=\"f\" x=\"5\" y=\"6\"><pts><pt x=\"1\" y=\"2\"/><pt x=\"3\" y=\"4\"/></pts></flow>"
        "<alias uid=\"7\" x=\"1\" y=\"1\"><of>s</of></alias>"
        "<connector uid=\"8\" angle=\"45\"><from><alias uid=\"7\"/></from><to>f</to></connector>"
        "<text_box x=\"3\" y=\"4\">Hello</text_box><graph x=\"9\" y=\"9\"><plot/></graph>"
        "</view></views></model></xmile>",
        diags);
    REQUIRE(p);
    const auto& v = p->main().views.at(0);
    CHECK(v.name == "main");
    REQUIRE(v.objects.size() == 6);
    CHECK(v.objects[0].kind == model::ViewObject::Kind::Stock);
    CHECK(v.objects[0].width == std::optional<double>(45));
    CHECK(v.objects[1].points == std::vector<std::pair<double, double>>{{1, 2}, {3, 4}});
    CHECK(v.objects[2].kind == model::ViewObject::Kind::Alias);
    CHECK(v.objects[2].name == "s");
    CHECK(v.objects[3].fromAlias);
    CHECK(v.objects[3].from == "7");
    CHECK(v.objects[3].angle == std::optional<double>(45));
    CHECK(v.objects[4].kind == model::ViewObject::Kind::Text);
    CHECK(v.objects[4].text == "Hello");
    CHECK(v.objects[5].kind == model::ViewObject::Kind::Other);
    CHECK(v.objects[5].tag == "graph");
    CHECK(v.objects[5].extraXml.at(0).find("<plot") != std::string::npos);
}

TEST_CASE("xmile: any namespace prefix, an isee: element is not taken for a standard one", "[xmile]") {
    diag::Diagnostics diags;
    auto p = readText(
        "<x:xmile xmlns:x=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\" "
        "xmlns:isee=\"http://iseesystems.com/XMILE\"><x:sim_specs><x:start>2</x:start>"
        "<x:stop>9</x:stop><x:dt>1</x:dt></x:sim_specs><x:model><x:variables>"
        "<x:aux name=\"a\"><x:eqn>1</x:eqn></x:aux><isee:aux name=\"b\"/></x:variables>"
        "</x:model></x:xmile>",
        diags);
    REQUIRE(p);
    CHECK(p->specs.start == 2);
    CHECK(p->specs.stop == 9);
    REQUIRE(p->main().variables.size() == 1);
    CHECK(p->main().variables[0].name == "a");
    CHECK(p->main().variablesExtraXml.size() == 1);
}

TEST_CASE("xmile: CR, CRLF and LF line endings read alike, with right line numbers", "[xmile]") {
    const std::string lf =
        wrap("<aux name=\"a\">\n<eqn>1\n+2</eqn>\n</aux>\n<aux name=\"b\"><eqn>a</eqn></aux>\n");
    auto convert = [&](const std::string& nl) {
        std::string out;
        for (char c : lf) out += c == '\n' ? nl : std::string(1, c);
        return out;
    };
    std::optional<model::Project> fromLf;
    for (const std::string nl : {"\n", "\r\n", "\r"}) {
        diag::Diagnostics diags;
        auto p = readText(convert(nl), diags);
        REQUIRE(p);
        const auto* a = p->main().find("a");
        REQUIRE(a);
        CHECK(a->equation == "1\n+2");
        CHECK(a->line == 5);
        CHECK(p->main().find("b")->line == 9);
        if (!fromLf) fromLf = *p;
        CHECK(*p == *fromLf);  // the whole project, line numbers included
    }
}

TEST_CASE("xmile: escaped newlines in names and equations", "[xmile]") {
    diag::Diagnostics diags;
    auto p = readText(wrap("<aux name=\"Birth&#x0A;Rate\"><eqn>1&#x0A;+ 2</eqn></aux>"), diags);
    REQUIRE(p);
    const auto& v = p->main().variables.at(0);
    CHECK(v.name == "Birth\nRate");
    CHECK(v.equation == "1\n+ 2");
    CHECK(p->main().find("birth_rate") == &v);
}

TEST_CASE("xmile: bad input gives diagnostics, not crashes", "[xmile][errors]") {
    SECTION("truncated XML") {
        diag::Diagnostics diags;
        const std::string full = wrap("<aux name=\"a\"><eqn>1</eqn></aux>");
        CHECK_FALSE(readText(full.substr(0, full.size() / 2), diags));
        const auto* d = findCode(diags, "E101");
        REQUIRE(d);
        CHECK(d->line > 0);
    }
    SECTION("empty file") {
        diag::Diagnostics diags;
        CHECK_FALSE(readText("", diags));
        CHECK(findCode(diags, "E101"));
    }
    SECTION("not XML at all") {
        diag::Diagnostics diags;
        CHECK_FALSE(readText("population = 100 ~ people ~|", diags));
        CHECK(findCode(diags, "E101"));
    }
    SECTION("a root that is not xmile") {
        diag::Diagnostics diags;
        CHECK_FALSE(readText("<?xml version=\"1.0\"?>\n<html><body/></html>", diags));
        const auto* d = findCode(diags, "E102");
        REQUIRE(d);
        CHECK(d->line == 2);
    }
    SECTION("a bad number names the element and its line") {
        diag::Diagnostics diags;
        CHECK_FALSE(readText("<xmile>\n<sim_specs>\n<start>abc</start>\n</sim_specs>\n</xmile>", diags));
        const auto* d = findCode(diags, "E103");
        REQUIRE(d);
        CHECK(d->line == 3);
        CHECK(d->message.find("start") != std::string::npos);
        CHECK(d->message.find("abc") != std::string::npos);
    }
    SECTION("a bad graphical-function point") {
        diag::Diagnostics diags;
        CHECK_FALSE(readText(wrap("<gf name=\"g\"><xpts>0,x</xpts><ypts>1,2</ypts></gf>"), diags));
        CHECK(findCode(diags, "E103"));
    }
    SECTION("a file that cannot be opened names its path") {
        diag::Diagnostics diags;
        const std::string path = "/nonexistent/dir/model.xmile";
        CHECK_FALSE(xmile::readFile(path, diags));
        const auto* d = findCode(diags, "E100");
        REQUIRE(d);
        CHECK(d->where == path);
    }
    SECTION("random bytes") {
        diag::Diagnostics diags;
        std::string junk;
        for (int i = 0; i < 4096; ++i) junk.push_back(static_cast<char>((i * 7919) % 256));
        CHECK_FALSE(readText(junk, diags));
        CHECK(diags.hasErrors());
    }
}

TEST_CASE("xmile: a 10 MB equation is read whole", "[xmile]") {
    std::string eq;
    eq.reserve(10'500'000);
    while (eq.size() < 10'000'000) eq += "a+";
    eq += "1";
    diag::Diagnostics diags;
    auto p = readText(wrap("<aux name=\"big\"><eqn>" + eq + "</eqn></aux>"), diags);
    REQUIRE(p);
    CHECK(p->main().find("big")->equation.size() == eq.size());
}

TEST_CASE("xmile: a variable left unclosed is read with a warning (SDXorg non_negative_flows)", "[xmile]") {
    SDW_NEEDS_CONFORMANCE();
    diag::Diagnostics diags;
    auto p = xmile::readFile(
        (sdw::test::conformanceRoot() / "tests/non_negative_flows/test_non_negative_flows.xmile").string(),
        diags);
    REQUIRE(p);
    CHECK_FALSE(diags.hasErrors());
    REQUIRE(diags.warningCount() == 1);
    CHECK(diags.items()[0].line == 37);
    const auto& m = p->main();
    CHECK(m.name == "default");
    CHECK(countKind(m, model::VarKind::Stock) == 4);
    CHECK(countKind(m, model::VarKind::Flow) == 4);
    CHECK(m.find("if_else2")->nonNegative);        // written " TruE  "
    CHECK_FALSE(m.find("if_else3")->nonNegative);  // written "FALSE  "
    CHECK(m.find("OutFlow1")->nonNegative);
    CHECK(m.find("TestStock2")->kind == model::VarKind::Stock);

    diag::Diagnostics d2;
    CHECK_FALSE(readText("<xmile><model><variables><aux name=\"a\"><eqn>1</eqn></variables></xmile>", d2));
    CHECK(findCode(d2, "E101"));
}

TEST_CASE("xmile: <behavior> sets the default non_negative of stocks and flows", "[xmile]") {
    SDW_NEEDS_CONFORMANCE();
    const auto flows = readOk("tests/non_negative_flows/test_non_negative_flows_behavior.xmile");
    CHECK(flows.main().find("OutFlow1")->nonNegative);          // no flag of its own: the default
    CHECK_FALSE(flows.main().find("OutFlow0")->nonNegative);    // its own "false" wins
    CHECK_FALSE(flows.main().find("TestStock1")->nonNegative);  // the default is for flows only
    const auto stocks = readOk("tests/non_negative_stocks/test_non_negative_stocks_behavior.xmile");
    for (const auto& v : stocks.main().variables)
        if (v.kind == model::VarKind::Flow) CHECK_FALSE(v.nonNegative);

    diag::Diagnostics diags;
    auto p = readText(
        "<xmile><behavior><non_negative/></behavior><model><variables><stock name=\"s\"><eqn>1</eqn>"
        "</stock></variables></model><model name=\"m\"><behavior><stock><non_negative>false"
        "</non_negative></stock></behavior><variables><stock name=\"t\"><eqn>1</eqn></stock>"
        "<flow name=\"f\"><eqn>1</eqn></flow></variables></model></xmile>",
        diags);
    REQUIRE(p);
    CHECK(p->main().find("s")->nonNegative);
    CHECK_FALSE(p->models[1].find("t")->nonNegative);  // the model's own behavior
    CHECK(p->models[1].find("f")->nonNegative);        // still the file's
}

TEST_CASE("xmile: per-element equations as several <eqn> or a list of numbers", "[xmile]") {
    SDW_NEEDS_CONFORMANCE();
    const auto arith = readOk("tests/arithmetics_exp/test_arithmetics_exp.xmile");
    const auto* add = arith.main().find("add substract");
    REQUIRE(add);
    REQUIRE(add->elements.size() == 9);
    CHECK(add->elements[0].subscripts == std::vector<std::string>{"sub1"});
    CHECK(add->elements[0].equation == "cons-time2+time3-cons");
    CHECK(add->elements[8].subscripts == std::vector<std::string>{"sub9"});
    CHECK(add->elements[8].equation == "(0.01-time2)   +(time3-cons)");

    const auto mm = readOk("tests/min_max_1arg/test_min_max_1arg.xmile");
    const auto* var1 = mm.main().find("var1");
    REQUIRE(var1);
    CHECK(var1->equation.empty());
    REQUIRE(var1->elements.size() == 3);
    CHECK(var1->elements[2].subscripts == std::vector<std::string>{"c"});
    CHECK(var1->elements[2].equation == "3");

    diag::Diagnostics diags;
    auto two = readText(
        "<xmile><dimensions><dim name=\"a\" size=\"2\"/><dim name=\"b\"><elem name=\"x\"/>"
        "<elem name=\"y\"/><elem name=\"z\"/></dim></dimensions><model><variables>"
        "<aux name=\"t\"><dimensions><dim name=\"a\"/><dim name=\"b\"/></dimensions>"
        "<eqn>1,2,3;4,5,6;</eqn></aux><aux name=\"u\"><eqn>1, 2</eqn></aux></variables></model>"
        "</xmile>",
        diags);
    REQUIRE(two);
    const auto& t = *two->main().find("t");
    REQUIRE(t.elements.size() == 6);
    CHECK(t.elements[1].subscripts == std::vector<std::string>{"1", "y"});
    CHECK(t.elements[1].equation == "2");
    CHECK(t.elements[3].subscripts == std::vector<std::string>{"2", "x"});
    CHECK(two->main().find("u")->equation == "1, 2");  // not arrayed: left to the equation parser

    diag::Diagnostics bad;
    CHECK_FALSE(
        readText("<xmile><dimensions><dim name=\"a\" size=\"3\"/></dimensions><model><variables>"
                 "<aux name=\"t\"><dimensions><dim name=\"a\"/></dimensions><eqn>1</eqn><eqn>2</eqn>"
                 "</aux></variables></model></xmile>",
                 bad));
    const auto* d = findCode(bad, "E210");
    REQUIRE(d);
    CHECK(d->where == "t");
}

TEST_CASE("xmile: pre-standard files: variables straight in <model>, geometry from <display>", "[xmile]") {
    SDW_NEEDS_CONFORMANCE();
    const auto p = readOk("samples/SIR/SIR_legacy.stmx");
    const auto& m = p.main();
    CHECK(countKind(m, model::VarKind::Stock) == 3);
    CHECK(countKind(m, model::VarKind::Flow) == 2);
    CHECK(countKind(m, model::VarKind::Aux) == 3);
    REQUIRE(m.views.size() == 1);
    const auto& objs = m.views[0].objects;
    REQUIRE(objs.size() == 8 + 6);  // eight variables, six connectors
    CHECK(objs[0].kind == model::ViewObject::Kind::Stock);
    CHECK(objs[0].name == "susceptible");
    CHECK(objs[0].x == 102);
    CHECK(objs[0].y == 135);
    CHECK(objs[3].kind == model::ViewObject::Kind::Flow);
    CHECK(objs[3].points == std::vector<std::pair<double, double>>{{124, 135}, {190, 135}});
    CHECK(objs[3].extraXml.empty());
    CHECK(objs[8].kind == model::ViewObject::Kind::Connector);
    CHECK(objs[8].from == "duration");
    CHECK(objs[8].to == "recovering");
}

TEST_CASE("xmile: a Stella slider gives its range to a variable that has none", "[xmile]") {
    diag::Diagnostics diags;
    auto p = readText(
        "<xmile><model><variables><aux name=\"k\"><eqn>1</eqn></aux><aux name=\"j\"><eqn>1</eqn>"
        "<range min=\"0\" max=\"2\"/></aux></variables><views><view>"
        "<slider x=\"1\" y=\"1\"><entity name=\"k\"/><range min=\"0\" max=\"10\" increment=\"0.5\"/>"
        "</slider><slider><entity name=\"j\"/><range min=\"5\" max=\"9\"/></slider>"
        "</view></views></model></xmile>",
        diags);
    REQUIRE(p);
    const auto& k = *p->main().find("k");
    REQUIRE(k.range);
    CHECK(k.range->max == 10);
    CHECK(k.range->step == std::optional<double>(0.5));
    CHECK(p->main().find("j")->range->max == 2);    // its own range wins
    CHECK(p->main().views[0].objects.size() == 2);  // the sliders stay on the view
}

TEST_CASE("xmile: a model-level group lists its members and survives the round trip", "[xmile][groups]") {
    const std::string text =
        "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">"
        "<header><name>g</name></header><sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>"
        "<model><variables>"
        "<aux name=\"a\"><eqn>1</eqn></aux><aux name=\"b b\"><eqn>2</eqn></aux>"
        "<group name=\"Outcome Measures\"><entity name=\"b b\"/><entity name=\"a\"/></group>"
        "<group name=\"other\"><entity name=\"a\"/></group>"
        "</variables></model></xmile>";
    diag::Diagnostics diags;
    auto p = xmile::readString(text, diags);
    REQUIRE(p);
    // Group names compare as XMILE names do; members keep file order.
    CHECK(xmile::groupMembers(p->main(), "outcome_measures") == std::vector<std::string>{"b b", "a"});
    CHECK(xmile::groupMembers(p->main(), "other") == std::vector<std::string>{"a"});
    CHECK(xmile::groupMembers(p->main(), "missing").empty());
    auto again = xmile::readString(xmile::writeString(*p), diags);
    REQUIRE(again);
    CHECK(xmile::groupMembers(again->main(), xmile::kOutcomeGroup) == std::vector<std::string>{"b b", "a"});
}

// Vensim's XMILE may write a flow as an <aux> that a stock lists (SDXorg zeroled_decimals.xmile, ten of
// them): the file was refused with E207 for each. Read as a flow, with a W106 note naming it and its line;
// another writer's file keeps the rule (the check that gives E207 runs on loading, io::loadModelFile).
TEST_CASE("xmile: a flow that Vensim wrote as an <aux> is read as a flow, with W106", "[xmile]") {
    const auto file = [](const std::string& product) {
        return "<?xml version=\"1.0\"?>\n<xmile version=\"1.0\" "
               "xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">\n"
               "<header><product version=\"1.0\">" +
               product +
               "</product></header>\n<sim_specs><start>0</start><stop>2</stop><dt>1</dt></sim_specs>\n"
               "<model><variables>\n<stock name=\"s\"><eqn>0</eqn><inflow>fill</inflow></stock>\n"
               "<aux name=\"fill\"><eqn>3</eqn></aux>\n<aux name=\"other\"><eqn>fill * 2</eqn></aux>\n"
               "</variables></model></xmile>\n";
    };
    diag::Diagnostics d;
    const auto p = readText(file("Vensim"), d);
    REQUIRE(p);
    CHECK_FALSE(d.hasErrors());
    const auto* w = findCode(d, "W106");
    REQUIRE(w);
    CHECK(w->where == "fill");
    CHECK(w->line == 7);  // the <aux name="fill"> line
    CHECK(p->main().find("fill")->kind == model::VarKind::Flow);
    CHECK(p->main().find("other")->kind == model::VarKind::Aux);  // not listed by a stock: left as written
    diag::Diagnostics d2;
    const auto stella = readText(file("Stella Architect"), d2);
    REQUIRE(stella);
    CHECK(stella->main().find("fill")->kind == model::VarKind::Aux);
    CHECK_FALSE(findCode(d2, "W106"));
}
