// Tests of the workbench's document logic without a window: create, connect, rename, delete, undo, redo,
// copy/paste, save and reload. Layer: tests/workbench.
#include "workbench/app/document.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "solver/compile/compiled_model.hpp"
#include "solver/sim/simulate.hpp"

using namespace sdw;
using app::Document;
using app::FlowEnd;

namespace {

std::string tempPath(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / "sdw_workbench_tests";
    std::filesystem::create_directories(dir);
    return (dir / name).string();
}

// population -> births (flow into population), birth_rate aux, connectors.
Document smallModel() {
    Document d;
    const auto pop = d.createStock(200, 100, "population");
    const auto births = d.createFlow(50, 100, 150, 100, "births");
    const auto rate = d.createAux(100, 40, "birth_rate");
    d.setEquation(pop, "100");
    d.setEquation(rate, "0.1");
    d.setEquation(births, "population * birth_rate");
    d.attachFlow(births, FlowEnd::Sink, pop);
    d.connect(rate, births);
    d.connect(pop, births);
    return d;
}

double finalValue(const model::Project& p, const std::string& name) {
    diag::Diagnostics diags;
    auto cm = compile::compileModel(p, diags);
    REQUIRE(cm);
    auto r = sim::simulate(*cm, {});
    REQUIRE(r.ok());
    return r.finalValue(name).value();
}

}  // namespace

TEST_CASE("document: created model compiles and grows", "[workbench][document]") {
    Document d = smallModel();
    REQUIRE(d.find("population"));
    CHECK(d.find("population")->inflows == std::vector<std::string>{"births"});
    auto p = d.project();
    p.specs.stop = 10;
    p.specs.dt = 1;
    // Euler, dt 1, 10% a step: 100 * 1.1^10.
    CHECK(finalValue(p, "population") == Approx(100 * std::pow(1.1, 10)).epsilon(1e-9));
}

TEST_CASE("document: rename updates equations, flow lists and the diagram", "[workbench][document]") {
    Document d = smallModel();
    std::string err;
    REQUIRE(d.rename("birth_rate", "Fertility Rate", err));
    CHECK(d.find("births")->equation == "population * Fertility_Rate");
    REQUIRE(d.rename("population", "people", err));
    CHECK(d.find("people")->inflows == std::vector<std::string>{"births"});
    REQUIRE(d.rename("births", "arrivals", err));
    CHECK(d.find("people")->inflows == std::vector<std::string>{"arrivals"});
    CHECK(d.find("arrivals")->equation == "people * Fertility_Rate");
    CHECK(d.viewObject("arrivals") != nullptr);
    int connectorsToArrivals = 0;
    for (const auto& o : d.view().objects)
        if (o.kind == model::ViewObject::Kind::Connector && o.to == "arrivals") ++connectorsToArrivals;
    CHECK(connectorsToArrivals == 2);
    CHECK_FALSE(d.rename("people", "arrivals", err));  // clash
    CHECK_FALSE(d.rename("people", "1abc", err));      // invalid
    CHECK_FALSE(err.empty());
}

// Function names, numbers and other words: tests/solver/rename_test.cpp (equations::renameInEquation).
TEST_CASE("document: rename leaves an array element of the same name alone", "[workbench][document]") {
    // Regions north and south, and a variable that is also called north.
    model::Project p;
    p.dimensions.push_back({"region", {"north", "south"}, false, {}});
    auto add = [&](const std::string& name, const std::string& eq, std::vector<std::string> dims = {}) {
        model::Variable v;
        v.name = name;
        v.equation = eq;
        v.dimensions = std::move(dims);
        p.main().add(v);
    };
    add("north", "5");
    add("pop", "10", {"region"});
    add("share", "pop[north] / north + SUM(pop[*]) / north");
    Document d = Document::fromProject(p, "");
    std::string err;
    REQUIRE(d.rename("north", "north total", err));
    CHECK(d.find("share")->equation == "pop[north] / north_total + SUM(pop[*]) / north_total");
    CHECK(d.project().dimensions[0].elements == std::vector<std::string>{"north", "south"});
    CHECK(finalValue(d.project(), "share") == Approx(10.0 / 5 + 20.0 / 5));  // still runs: 2 + 4
}

TEST_CASE("document: renaming a variable that gives the final time keeps the run's end",
          "[workbench][document]") {
    // A Vensim-style FINAL TIME computed during the run: the run ends once it reaches the variable's value.
    Document d = smallModel();
    const auto end = d.createAux(300, 40, "end time");
    d.setEquation(end, "IF_THEN_ELSE(population > 150, TIME, 100)");
    model::SimSpecs specs = d.project().specs;
    specs.dt = 1;
    specs.stopVar = "end time";
    d.setSpecs(specs);
    std::string err;
    REQUIRE(d.rename("end time", "horizon", err));
    CHECK(d.project().specs.stopVar == "horizon");
    diag::Diagnostics diags;
    auto cm = compile::compileModel(d.project(), diags);
    REQUIRE(cm);
    const auto r = sim::simulate(*cm, {});
    REQUIRE(r.ok());
    // 100 * 1.1^t first passes 150 at t = 5 (161.05); the run stops there.
    const auto time = r.series("Time");
    CHECK(time.back() == 5);
    CHECK(r.finalValue("population").value() == Approx(100 * std::pow(1.1, 5)).epsilon(1e-9));
}

TEST_CASE("document: delete removes links, and undo/redo restore every step", "[workbench][document]") {
    Document d = smallModel();
    const auto objectsBefore = d.view().objects.size();
    REQUIRE(d.remove({"births"}));
    CHECK_FALSE(d.find("births"));
    CHECK(d.find("population")->inflows.empty());
    CHECK(d.view().objects.size() == objectsBefore - 3);  // the flow and its two connectors
    REQUIRE(d.undo());
    CHECK(d.find("births"));
    CHECK(d.view().objects.size() == objectsBefore);
    REQUIRE(d.redo());
    CHECK_FALSE(d.find("births"));
    while (d.canUndo()) d.undo();
    CHECK(d.model().variables.empty());
    CHECK(d.canRedo());
}

TEST_CASE("document: a drag is one undo step and stocks drag their pipes", "[workbench][document]") {
    Document d = smallModel();
    const double x0 = d.viewObject("population")->x;
    d.checkpoint();
    for (int i = 0; i < 5; ++i) d.moveBy({"population"}, 10, 0);
    CHECK(d.viewObject("population")->x == Approx(x0 + 50));
    // The sink end of births sits on the stock's left edge.
    CHECK(d.viewObject("births")->points.back().first == Approx(x0 + 50 - app::kStockWidth / 2));
    d.undo();
    CHECK(d.viewObject("population")->x == Approx(x0));
}

TEST_CASE("document: copy and paste duplicates with fresh names", "[workbench][document]") {
    Document d = smallModel();
    const std::string clip = d.copy({"births", "birth_rate"});
    REQUIRE_FALSE(clip.empty());
    auto added = d.paste(clip);
    REQUIRE(added.size() == 2);
    CHECK(d.find("births_2"));
    CHECK(d.find("birth_rate_2"));
    // The pasted flow refers to the pasted rate, and still to the original stock.
    CHECK(d.find("births_2")->equation == "population * birth_rate_2");
    CHECK(d.viewObject("births_2")->x == Approx(d.viewObject("births")->x + 30));
}

TEST_CASE("document: save then reload gives the same model and layout", "[workbench][document]") {
    Document d = smallModel();
    const std::string path = tempPath("saved.xmile");
    std::string err;
    REQUIRE(d.saveAs(path, err));
    CHECK_FALSE(d.dirty());
    diag::Diagnostics diags;
    auto back = Document::open(path, diags);
    REQUIRE(back);
    CHECK(back->find("births")->equation == "population * birth_rate");
    CHECK(back->find("population")->inflows == std::vector<std::string>{"births"});
    REQUIRE(back->viewObject("population"));
    CHECK(back->viewObject("population")->x == Approx(d.viewObject("population")->x));
    CHECK(back->viewObject("birth_rate")->y == Approx(40));
    CHECK(back->viewObject("births")->points.size() == 2);
}

TEST_CASE("document: a model opened from Vensim is never saved as XMILE over its .mdl",
          "[workbench][document]") {
    // Save wrote XMILE into the .mdl: the Vensim model gone, the file no longer Vensim's.
    const std::string mdl = tempPath("opened.mdl"),
                      text =
                          "{UTF-8}\nrate = 0.1\n\t~\t1/Month\n\t~\t|\n\nx = rate * 2\n\t~\t1/Month\n\t~\t|\n";
    std::ofstream(mdl, std::ios::binary) << text;
    diag::Diagnostics diags;
    auto d = Document::open(mdl, diags);
    REQUIRE(d);
    REQUIRE(d->setEquation("rate", "0.2"));
    CHECK_FALSE(d->savesInPlace());
    std::string err;
    CHECK_FALSE(d->save(err));
    CHECK(err.find("it is a Vensim model (.mdl)") != std::string::npos);
    CHECK(err.find("use Save As (" + tempPath("opened.xmile") + ")") != std::string::npos);
    CHECK_FALSE(d->saveAs(tempPath("other.stmx"), err));  // Save As to another model format: refused too
    CHECK(err.find("Stella model (.stmx)") != std::string::npos);
    std::ifstream in(mdl, std::ios::binary);
    CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == text);
    CHECK(d->dirty());
    // As XMILE beside it: written, and from then on Save writes there.
    REQUIRE(d->saveAs(d->xmileName(), err));
    CHECK(d->path() == tempPath("opened.xmile"));
    CHECK(d->savesInPlace());
    REQUIRE(d->setEquation("rate", "0.3"));
    CHECK(d->save(err));
}

TEST_CASE("document: edits mark the document dirty and bump the revision", "[workbench][document]") {
    Document d;
    const auto r0 = d.revision();
    CHECK_FALSE(d.dirty());
    d.createAux(0, 0);
    CHECK(d.dirty());
    CHECK(d.revision() > r0);
    CHECK_FALSE(d.setEquation("no_such", "1"));
}

TEST_CASE("document: an alias is placed, moved, connected from, and deleted without its variable",
          "[workbench][document][alias]") {
    Document d = smallModel();
    const std::string key = d.createAlias("birth_rate", 300, 200);
    REQUIRE(app::isAliasKey(key));
    CHECK(d.createAlias("no_such_variable", 0, 0).empty());
    const auto* a = d.viewObject(key);
    REQUIRE(a);
    CHECK(a->kind == model::ViewObject::Kind::Alias);
    CHECK(a->name == "birth_rate");
    CHECK(d.resolve(key) == "birth_rate");
    // The alias moves on its own: the original stays where it was.
    const double rateX = d.viewObject("birth_rate")->x;
    d.checkpoint();
    d.moveBy({key}, 25, -5);
    CHECK(d.viewObject(key)->x == Approx(325));
    CHECK(d.viewObject(key)->y == Approx(195));
    CHECK(d.viewObject("birth_rate")->x == Approx(rateX));
    // A connector can start from the alias; it names the alias by uid, and a second identical one is refused.
    REQUIRE(d.connect(key, "population"));
    CHECK_FALSE(d.connect(key, "population"));
    CHECK_FALSE(d.connect(key, "birth_rate"));  // the alias and its own variable
    const auto& c = d.view().objects.back();
    CHECK(c.kind == model::ViewObject::Kind::Connector);
    CHECK(c.fromAlias);
    CHECK(c.from == app::aliasUidOf(key));
    CHECK(c.to == "population");
    // Deleting the alias takes its connector, not the variable; undo brings both back.
    const auto objects = d.view().objects.size();
    REQUIRE(d.remove({key}));
    CHECK(d.viewObject(key) == nullptr);
    CHECK(d.find("birth_rate"));
    CHECK(d.view().objects.size() == objects - 2);
    REQUIRE(d.undo());
    CHECK(d.viewObject(key));
    CHECK(d.view().objects.size() == objects);
    // Deleting the variable removes its aliases and their connectors too.
    REQUIRE(d.remove({"birth_rate"}));
    CHECK(d.viewObject(key) == nullptr);
    for (const auto& o : d.view().objects) CHECK_FALSE(o.fromAlias);
}

TEST_CASE("document: aliases save as XMILE <alias> with <of> and come back with their connectors",
          "[workbench][document][alias]") {
    Document d = smallModel();
    const std::string key = d.createAlias("population", -120, 160);
    // population -> births exists from the original symbol; from the alias it is another link.
    REQUIRE(d.connect(key, "births"));
    const std::string path = tempPath("alias.xmile");
    std::string err;
    REQUIRE(d.saveAs(path, err));
    std::ifstream in(path);
    const std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(xml.find("<alias") != std::string::npos);
    CHECK(xml.find("<of>population</of>") != std::string::npos);
    diag::Diagnostics diags;
    auto back = Document::open(path, diags);
    REQUIRE(back);
    const auto* a = back->viewObject(key);
    REQUIRE(a);
    CHECK(a->name == "population");
    CHECK(a->x == Approx(-120));
    CHECK(a->y == Approx(160));
    const std::string uid = app::aliasUidOf(key);
    int fromAlias = 0;
    for (const auto& o : back->view().objects)
        fromAlias +=
            o.kind == model::ViewObject::Kind::Connector && o.fromAlias && o.from == uid && o.to == "births";
    CHECK(fromAlias == 1);
    // The reloaded model still compiles: an alias is only a picture.
    auto cm = compile::compileModel(back->project(), diags);
    CHECK(cm);
}

TEST_CASE("document: restored autosaved work is dirty, keeps the model's path, and has a fresh revision",
          "[workbench][document][recovery]") {
    Document d = smallModel();
    const auto rev = d.revision();
    Document r = Document::recovered(d.project(), "/models/county.xmile");
    CHECK(r.dirty());
    CHECK(r.path() == "/models/county.xmile");
    CHECK_FALSE(r.canUndo());
    CHECK(r.find("births"));
    // Revisions never repeat across documents: the run service must not reuse another model's compile.
    CHECK(r.revision() != rev);
    CHECK(Document().revision() != Document().revision());
}

TEST_CASE(
    "document: a pipe's bends move, add and remove as undo steps, save as <pts>, and the valve stays on the "
    "pipe",
    "[workbench][document][pipes]") {
    Document d;
    const auto f = d.createFlow(0, 0, 200, 0, "discharges");
    // Add a bend in the middle of the only segment, then drag it down: a V-shaped pipe.
    const auto index = d.addBend(f, 0, 100, 0);
    REQUIRE(index);
    CHECK(*index == 1);
    CHECK(d.viewObject(f)->points.size() == 3);
    CHECK_FALSE(d.addBend(f, 5, 0, 0));  // no such segment
    d.checkpoint();
    REQUIRE(d.moveBend(f, 1, 100, 80));
    CHECK_FALSE(d.moveBend(f, 0, 5, 5));  // the ends are not bends: they attach to stocks
    const auto* o = d.viewObject(f);
    CHECK(o->points[1] == std::pair<double, double>{100, 80});
    // The valve is still on the pipe, half way along it (it was in the middle of the straight pipe).
    CHECK(app::pipeFraction(o->points, o->x, o->y) == Approx(0.5).margin(1e-6));
    const auto on = app::pipePointAt(o->points, 0.5);
    CHECK(o->x == Approx(on.first));
    CHECK(o->y == Approx(on.second));
    CHECK(o->y == Approx(80).margin(1e-6));  // half way along a symmetric V is its bottom

    // Saved as the points, and read back the same.
    const std::string path = tempPath("bent_pipe.xmile");
    std::string err;
    REQUIRE(d.saveAs(path, err));
    diag::Diagnostics diags;
    auto back = Document::open(path, diags);
    REQUIRE(back);
    REQUIRE(back->viewObject(f)->points.size() == 3);
    CHECK(back->viewObject(f)->points[1].second == Approx(80));

    // Undo takes back the drag, then the added bend; redo puts them back.
    REQUIRE(d.undo());
    CHECK(d.viewObject(f)->points[1].second == Approx(0));
    REQUIRE(d.undo());
    CHECK(d.viewObject(f)->points.size() == 2);
    REQUIRE(d.redo());
    REQUIRE(d.redo());
    CHECK(d.viewObject(f)->points[1].second == Approx(80));
    // Removing the bend is one undo step; straighten removes them all.
    REQUIRE(d.removeBend(f, 1));
    CHECK(d.viewObject(f)->points.size() == 2);
    CHECK(d.viewObject(f)->y == Approx(0));  // back on the straight pipe
    REQUIRE(d.undo());
    CHECK(d.viewObject(f)->points.size() == 3);
    d.addBend(f, 1, 150, 40);
    REQUIRE(d.viewObject(f)->points.size() == 4);
    REQUIRE(d.straightenPipe(f));
    CHECK(d.viewObject(f)->points.size() == 2);
    CHECK_FALSE(d.straightenPipe(f));
}

TEST_CASE("document: moving a stock keeps a bent, orthogonal pipe orthogonal",
          "[workbench][document][pipes]") {
    Document d;
    // An L-shaped pipe: out of care_home's right edge, right to a corner, then down to a cloud.
    const auto stock = d.createStock(300, 200, "care_home");
    const double hw = app::kStockWidth / 2;
    const auto f = d.createFlow(300 + hw, 200, 500, 320, "deaths");
    REQUIRE(d.addBend(f, 0, 500, 200));
    REQUIRE(d.attachFlow(f, FlowEnd::Source, stock));
    REQUIRE(d.viewObject(f)->points.size() == 3);
    CHECK(d.viewObject(f)->points.front() == std::pair<double, double>{300 + hw, 200});
    // Drag the stock 30 left and 40 down: the end stays on its right edge, the first segment stays horizontal
    // (the corner slides down with it) and the segment after the corner stays vertical.
    d.checkpoint();
    d.moveBy({stock}, -30, 40);
    const auto& p = d.viewObject(f)->points;
    REQUIRE(p.size() == 3);
    CHECK(p[0].first == Approx(270 + hw));
    CHECK(p[0].second == Approx(240));
    CHECK(p[1] == std::pair<double, double>{500, 240});
    CHECK(p[2] == std::pair<double, double>{500, 320});
    // The valve is on the pipe.
    const auto* o = d.viewObject(f);
    const auto on = app::pipePointAt(p, app::pipeFraction(p, o->x, o->y));
    CHECK(std::hypot(on.first - o->x, on.second - o->y) == Approx(0).margin(1e-6));
    // A straight pipe stays straight, as before.
    const auto g = d.createFlow(100, 240, 300 - 30 - hw, 240, "admissions");
    REQUIRE(d.attachFlow(g, FlowEnd::Sink, stock));
    d.moveBy({stock}, 0, 25);
    CHECK(d.viewObject(g)->points.size() == 2);
    CHECK(d.viewObject(g)->points.front().second == Approx(d.viewObject(g)->points.back().second));
}

TEST_CASE("document: aliases copy and paste as aliases, with the connectors between what was copied",
          "[workbench][document][alias]") {
    Document d = smallModel();
    const std::string key = d.createAlias("population", 400, 200);
    REQUIRE(d.connect(key, "births"));
    // The alias alone: it pastes as a second alias of the same variable, not a new variable.
    const auto vars = d.model().variables.size();
    auto added = d.paste(d.copy({key}));
    REQUIRE(added.size() == 1);
    REQUIRE(app::isAliasKey(added.front()));
    CHECK(added.front() != key);
    CHECK(d.model().variables.size() == vars);
    const auto* pasted = d.viewObject(added.front());
    REQUIRE(pasted);
    CHECK(pasted->name == "population");
    CHECK(pasted->x == Approx(430));
    // Its connector to births did not come along: births was not copied.
    int fromPasted = 0;
    for (const auto& o : d.view().objects)
        fromPasted += o.kind == model::ViewObject::Kind::Connector && o.fromAlias &&
                      o.from == app::aliasUidOf(added.front());
    CHECK(fromPasted == 0);
    REQUIRE(d.undo());
    CHECK(d.viewObject(added.front()) == nullptr);

    // The alias with births: the alias still stands for population (not copied), the connector comes along
    // from the new alias to the new flow.
    added = d.paste(d.copy({key, "births"}));
    REQUIRE(added.size() == 2);
    CHECK(std::find(added.begin(), added.end(), "births_2") != added.end());
    std::string newKey;
    for (const auto& a : added)
        if (app::isAliasKey(a)) newKey = a;
    REQUIRE_FALSE(newKey.empty());
    CHECK(d.viewObject(newKey)->name == "population");
    int links = 0;
    for (const auto& o : d.view().objects)
        links += o.kind == model::ViewObject::Kind::Connector && o.fromAlias &&
                 o.from == app::aliasUidOf(newKey) && o.to == "births_2";
    CHECK(links == 1);

    // An alias copied with its variable stands for the pasted copy of it.
    const std::string rateAlias = d.createAlias("birth_rate", 100, 300);
    added = d.paste(d.copy({"birth_rate", rateAlias}));
    REQUIRE(added.size() == 2);
    for (const auto& a : added)
        if (app::isAliasKey(a)) CHECK(d.viewObject(a)->name == "birth_rate_2");
    // The whole thing still compiles: aliases are pictures.
    diag::Diagnostics diags;
    CHECK(compile::compileModel(d.project(), diags));
}

TEST_CASE(
    "document: dropping a pipe end in open space detaches it there, turning a corner rather than slanting",
    "[workbench][document][pipes]") {
    Document d;
    const auto stock = d.createStock(300, 100, "home_care");
    const double hw = app::kStockWidth / 2;
    const auto f = d.createFlow(300 + hw, 100, 500, 100, "ending_care");
    REQUIRE(d.attachFlow(f, FlowEnd::Source, stock));
    // Drop the sink end lower down: the pipe keeps its horizontal run out of the stock and turns down.
    REQUIRE(d.moveFlowEndTo(f, FlowEnd::Sink, 560, 220));
    auto p = d.viewObject(f)->points;
    REQUIRE(p.size() == 3);
    CHECK(p[0] == std::pair<double, double>{300 + hw, 100});
    CHECK(p[1] == std::pair<double, double>{560, 100});
    CHECK(p[2] == std::pair<double, double>{560, 220});
    CHECK(d.find(stock)->outflows.size() == 1);  // the source end stays attached
    // Dropping the source end in open space takes it off the stock, and moves it; one undo step.
    REQUIRE(d.moveFlowEndTo(f, FlowEnd::Source, 400, 60));
    CHECK(d.find(stock)->outflows.empty());
    p = d.viewObject(f)->points;
    CHECK(p.front() == std::pair<double, double>{400, 60});
    CHECK(p[1].second == Approx(60));  // the first segment stays horizontal: the corner slid up
    CHECK(p[1].first == Approx(560));
    const auto* o = d.viewObject(f);
    const auto on = app::pipePointAt(p, app::pipeFraction(p, o->x, o->y));
    CHECK(std::hypot(on.first - o->x, on.second - o->y) == Approx(0).margin(1e-6));
    REQUIRE(d.undo());
    CHECK(d.find(stock)->outflows.size() == 1);
    CHECK(d.viewObject(f)->points.front() == std::pair<double, double>{300 + hw, 100});
}

TEST_CASE("document: saving the county model after one edit changes only that edit's line",
          "[workbench][document]") {
    // The shipped models are stored in the writer's canonical form, so `git diff` after a workbench edit
    // shows the edit and nothing else.
    const std::string path =
        std::string(SDW_SOURCE_DIR) + "/models/adult_social_care/adult_social_care.xmile";
    auto readAll = [](const std::string& p) {
        std::ifstream in(p, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    };
    auto splitLines = [](const std::string& text) {
        std::vector<std::string> out;
        std::string line;
        for (char c : text) {
            if (c == '\n') {
                out.push_back(line);
                line.clear();
            } else {
                line += c;
            }
        }
        return out;
    };
    const auto before = splitLines(readAll(path));
    diag::Diagnostics diags;
    auto doc = Document::open(path, diags);
    REQUIRE(doc);
    REQUIRE(doc->setEquation("reablement_staff", "200"));
    doc->moveBy({"weeks_per_year"}, 20, 0);
    const std::string out = tempPath("county_edited.xmile");
    std::string error;
    REQUIRE(doc->saveAs(out, error));
    const auto after = splitLines(readAll(out));
    REQUIRE(after.size() == before.size());
    std::vector<std::string> changed;
    for (size_t i = 0; i < before.size(); ++i)
        if (before[i] != after[i]) changed.push_back(after[i]);
    REQUIRE(changed.size() == 2);
    CHECK(changed[0].find("<eqn>200</eqn>") != std::string::npos);
    CHECK(changed[1].find("<aux name=\"weeks_per_year\"") != std::string::npos);
}
