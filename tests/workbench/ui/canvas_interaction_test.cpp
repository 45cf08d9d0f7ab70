// The workbench's canvas driven with synthetic mouse input, without a window or GL (ImGui's "null" pattern,
// tests/workbench/ui/headless_ui.hpp). Layer: tests/workbench.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "tests/workbench/ui/headless_ui.hpp"
#include "workbench/ui/canvas.hpp"
#include "workbench/ui/latency_probe.hpp"
#include "workbench/ui/panels/charts_panel.hpp"
#include "workbench/ui/panels/menus.hpp"
#include "workbench/ui/workbench.hpp"
#if defined(SDW_HAVE_PLUGINS)
#include "workbench/app/levers/lever_set.hpp"
#endif

using namespace sdw;
using test::HeadlessUi;

TEST_CASE("canvas: the stock tool places a stock where the user clicks, and a drag moves it",
          "[workbench][canvas]") {
    HeadlessUi ui;
    ui::Workbench wb;
    wb.newModel();
    for (int i = 0; i < 3; ++i) ui.frame(wb);  // layout settles (fit to view)
    const ImVec2 target = ui.screenOf(100, 60);
    wb.tool = ui::Tool::Stock;
    ui.mouse(wb, target, false);
    ui.mouse(wb, target, true);
    ui.mouse(wb, target, false);
    REQUIRE(wb.session().doc().model().variables.size() == 1);
    const auto& v = wb.session().doc().model().variables.front();
    CHECK(v.kind == model::VarKind::Stock);
    const auto* o = wb.session().doc().viewObject(v.name);
    REQUIRE(o);
    CHECK(o->x == Approx(100).margin(app::kGrid));
    CHECK(o->y == Approx(60).margin(app::kGrid));
    CHECK(wb.tool == ui::Tool::Select);
    ui.canvas().renaming.clear();  // close the rename-in-place field the tool opened
    ui.frame(wb);
    ui.frame(wb);

    // Drag it 100 px right in small steps; snap-to-grid rounds on release.
    const double x0 = o->x;
    const float zoom = ui.canvas().zoom;
    ImVec2 p = ui.screenOf(o->x, o->y);
    ui.mouse(wb, p, true);
    for (int i = 0; i < 10; ++i) {
        p.x += 10;
        ui.mouse(wb, p, true);
    }
    ui.mouse(wb, p, false);
    REQUIRE(wb.session().doc().viewObject(v.name));
    CHECK(wb.session().doc().viewObject(v.name)->x == Approx(x0 + 100 / zoom).margin(10));
    // The whole drag is one undo step.
    wb.session().doc().undo();
    CHECK(wb.session().doc().viewObject(v.name)->x == Approx(x0));
}

TEST_CASE("canvas: a flow drawn from a stock is attached to it, rubber-band selects", "[workbench][canvas]") {
    HeadlessUi ui;
    ui::Workbench wb;
    wb.newModel();
    wb.session().doc().createStock(0, 0, "pool");
    wb.snap = false;
    for (int i = 0; i < 3; ++i) ui.frame(wb);
    wb.tool = ui::Tool::Flow;
    ImVec2 p = ui.screenOf(0, 0);
    ui.mouse(wb, p, false);
    ui.mouse(wb, p, true);
    for (int i = 0; i < 10; ++i) {
        p.x += 15;
        ui.mouse(wb, p, true);
    }
    ui.mouse(wb, p, false);
    REQUIRE(wb.session().doc().model().variables.size() == 2);
    const auto* pool = wb.session().doc().find("pool");
    REQUIRE(pool->outflows.size() == 1);
    const auto* flow = wb.session().doc().find(pool->outflows.front());
    REQUIRE(flow);
    CHECK(flow->kind == model::VarKind::Flow);

    // Rubber-band from empty space around everything selects both.
    wb.selection.clear();
    ui.drag(wb, ui.screenOf(-150, -100), ui.screenOf(400, 100), 5);
    CHECK(wb.selection.size() == 2);
}

TEST_CASE("workbench: live equation check names the problem, slider moves re-run", "[workbench][canvas]") {
    HeadlessUi ui;
    ui::Workbench wb;
    wb.newModel();
    wb.session().doc().createStock(0, 0, "pool");
    wb.session().doc().createFlow(-150, 0, -45, 0, "filling");
    wb.session().doc().attachFlow("filling", app::FlowEnd::Sink, "pool");
    wb.session().doc().createAux(-100, -80, "fill_rate");
    wb.session().doc().setEquation("fill_rate", "2");
    wb.session().doc().setEquation("filling", "fill_rate");
    ui.frame(wb);
    wb.settle();
    ui.frame(wb);
    REQUIRE(wb.session().result());
    const double stop = wb.session().doc().project().specs.stop,
                 start = wb.session().doc().project().specs.start;
    CHECK(wb.session().result()->finalValue("pool").value() == Approx(2 * (stop - start)));

    wb.session().check("filling", "fill_rat * 2");
    for (int i = 0; i < 200 && wb.session().checking(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        ui.frame(wb);
    }
    REQUIRE_FALSE(wb.session().checking());
    bool named = false;
    for (const auto& d : wb.session().checkDiagnostics().items())
        named |= d.where == "filling" && d.message.find("fill_rat") != std::string::npos;
    CHECK(named);
    CHECK(wb.session().doc().find("filling")->equation == "fill_rate");  // checking does not edit the model

    // The constant is a slider; moving it re-runs without touching the document.
    REQUIRE(wb.session().inputs().size() == 1);
    CHECK(wb.session().inputs()[0].name == "fill_rate");
    ui::LatencyProbe probe;  // and times the way from the slider to the screen
    wb.setLatencyProbe(&probe);
    wb.session().inputs()[0].value = 3;
    probe.start(wb.session().inputsChanged());
    wb.settle();
    ui.frame(wb);
    CHECK(wb.session().result()->finalValue("pool").value() == Approx(3 * (stop - start)));
    CHECK(probe.done());
    CHECK(probe.screenMs() >= 0);
    wb.setLatencyProbe(nullptr);
    CHECK_FALSE(wb.session().doc().canRedo());

    // Results export as CSV: a header with every column, then one row per saved step.
    const auto csv = std::filesystem::temp_directory_path() / "sdw_canvas_test_results.csv";
    wb.session().exportCsv(csv.string());
    std::ifstream in(csv);
    std::string header, line;
    std::getline(in, header);
    CHECK(header.rfind("Time,", 0) == 0);
    CHECK(header.find("pool") != std::string::npos);
    size_t rows = 0;
    while (std::getline(in, line)) ++rows;
    CHECK(rows == wb.session().result()->rows());
}

TEST_CASE("canvas: the alias tool drags a ghost of a variable into place, it moves, connects and deletes",
          "[workbench][canvas][alias]") {
    HeadlessUi ui;
    ui::Workbench wb;
    wb.newModel();
    wb.session().doc().createStock(0, 0, "pool");
    wb.session().doc().createAux(0, -120, "target");
    wb.snap = false;
    for (int i = 0; i < 3; ++i) ui.frame(wb);
    // Drag from the stock to empty space with the alias tool.
    wb.tool = ui::Tool::Alias;
    ui.drag(wb, ui.screenOf(0, 0), ui.screenOf(200, 60));
    REQUIRE(wb.selection.size() == 1);
    const std::string key = wb.selection.front();
    REQUIRE(app::isAliasKey(key));
    const auto* a = wb.session().doc().viewObject(key);
    REQUIRE(a);
    CHECK(a->name == "pool");
    CHECK(a->x == Approx(200).margin(2));
    CHECK(a->y == Approx(60).margin(2));
    CHECK(wb.session().doc().model().variables.size() == 2);  // a picture, not a new variable
    CHECK(wb.tool == ui::Tool::Select);

    // Hovering and clicking the alias selects the alias (not the original); a drag moves only it.
    const double origX = wb.session().doc().viewObject("pool")->x;
    const ImVec2 at = ui.screenOf(a->x, a->y);
    ui.drag(wb, at, ImVec2(at.x, at.y + 50), 5);
    CHECK(wb.isSelected(key));
    CHECK(wb.session().doc().viewObject(key)->y == Approx(60 + 50 / ui.canvas().zoom).margin(3));
    CHECK(wb.session().doc().viewObject("pool")->x == Approx(origX));

    // The connector tool starts from the alias.
    wb.tool = ui::Tool::Connector;
    ui.drag(wb, ui.screenOf(wb.session().doc().viewObject(key)->x, wb.session().doc().viewObject(key)->y),
            ui.screenOf(0, -120));
    const auto& c = wb.session().doc().view().objects.back();
    REQUIRE(c.kind == model::ViewObject::Kind::Connector);
    CHECK(c.fromAlias);
    CHECK(c.to == "target");

    // Delete removes the alias and its connector; undo brings them back.
    wb.selection = {key};
    wb.deleteSelection();
    CHECK(wb.session().doc().viewObject(key) == nullptr);
    CHECK(wb.session().doc().find("pool"));
    wb.session().doc().undo();
    CHECK(wb.session().doc().viewObject(key) != nullptr);
    ui.frame(wb);  // draws the alias (dashed, italic label) without trouble
}

TEST_CASE("workbench: autosaved work newer than the model is offered at start-up, Restore loads it dirty",
          "[workbench][recovery]") {
    HeadlessUi ui;
    const auto dir = std::filesystem::temp_directory_path() / "sdw_canvas_recovery";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string modelPath = (dir / "county.xmile").string();
    {
        app::Document d;
        d.createStock(0, 0, "residents");
        std::string err;
        REQUIRE(d.saveAs(modelPath, err));
        std::this_thread::sleep_for(std::chrono::milliseconds(20));  // file times must differ
        d.createAux(60, 0, "unsaved_work");
        ui::Workbench probe;  // the state directory the app uses (XDG_STATE_HOME, set by HeadlessUi)
        const std::string rec = app::recoveryPathFor(modelPath, probe.session().stateDir());
        std::filesystem::create_directories(std::filesystem::path(rec).parent_path());
        REQUIRE(d.writeCopy(rec, err));
    }
    for (bool restore : {true, false}) {
        if (!restore) {  // the Discard path: autosave again, then say no
            ui::Workbench w;
            diag::Diagnostics diags;
            auto d = app::Document::open(modelPath, diags).value();
            d.createAux(60, 0, "unsaved_work");
            std::string err;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            REQUIRE(d.writeCopy(app::recoveryPathFor(modelPath, w.session().stateDir()), err));
        }
        ui::Workbench wb;
        std::string err;
        REQUIRE(wb.openFile(modelPath, err));
        REQUIRE(wb.session().recoveryOffer());
        ui.frame(wb);
        ui.frame(wb);
        // The modal is on screen.
        ImGuiWindow* modal = ImGui::FindWindowByName("Recover unsaved work?");
        REQUIRE(modal);
        CHECK(modal->Active);
        CHECK_FALSE(wb.session().doc().find("unsaved_work"));
        if (restore) {
            REQUIRE(wb.restoreRecovery());
            CHECK(wb.session().doc().find("unsaved_work"));
            CHECK(wb.session().doc().dirty());
            CHECK(wb.session().doc().path() == modelPath);
        } else {
            wb.session().discardRecoveryOffer();
            CHECK_FALSE(wb.session().doc().find("unsaved_work"));
            CHECK_FALSE(wb.session().doc().dirty());
            CHECK_FALSE(app::pendingRecovery(modelPath, wb.session().stateDir()));
        }
        CHECK_FALSE(wb.session().recoveryOffer());
        ui.frame(wb);
        ui.frame(wb);
        CHECK_FALSE(modal->Active);  // closed
        wb.settle();
    }
}

TEST_CASE("workbench: a model that names its outcome measures opens its charts on them",
          "[workbench][charts]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.openCounty(wb);
    ui.frame(wb);
    REQUIRE(wb.session().charts().size() >= 2);
    // The group's first measures, each chart one unit and scale: admissions (with short-term episodes, also
    // people a year and within ten times), then delayed bed-days.
    REQUIRE_FALSE(wb.session().charts()[0].vars.empty());
    CHECK(wb.session().charts()[0].vars.front() == "care_home_admissions_per_year");
    CHECK(std::find(wb.session().charts()[0].vars.begin(), wb.session().charts()[0].vars.end(),
                    "short_term_episodes_per_year") != wb.session().charts()[0].vars.end());
    CHECK(std::find(wb.session().charts()[0].vars.begin(), wb.session().charts()[0].vars.end(),
                    "requests_per_year") ==
          wb.session().charts()[0].vars.end());  // 30 times the admissions: it would flatten them
    REQUIRE_FALSE(wb.session().charts()[1].vars.empty());
    CHECK(wb.session().charts()[1].vars.front() == "delayed_bed_days");
}

TEST_CASE(
    "canvas: dragging a selected pipe: the middle adds a bend, a bend moves, an end drops a cloud, each one "
    "undo step",
    "[workbench][canvas][pipes]") {
    HeadlessUi ui;
    ui::Workbench wb;
    const auto f = ui.selectedStraightPipe(wb);
    // The valve sits in the middle, so the segment's handle is half way from the valve to the sink end.
    std::string hit;
    CHECK(ui.gripAt(wb, 50, 0, hit) == ui::PipeGrip::Kind::Segment);
    CHECK(hit == f);
    ui.drag(wb, ui.screenOf(50, 0), ui.screenOf(50, 80));
    const auto* o = wb.session().doc().viewObject(f);
    REQUIRE(o->points.size() == 3);
    CHECK(o->points[1].first == Approx(50).margin(2));
    CHECK(o->points[1].second == Approx(80).margin(2));
    CHECK(wb.isSelected(f));  // the flow stays selected
    // The bend is a handle now: drag it further.
    CHECK(ui.gripAt(wb, o->points[1].first, o->points[1].second, hit) == ui::PipeGrip::Kind::Bend);
    ui.drag(wb, ui.screenOf(o->points[1].first, o->points[1].second), ui.screenOf(60, 120));
    o = wb.session().doc().viewObject(f);
    REQUIRE(o->points.size() == 3);
    CHECK(o->points[1].first == Approx(60).margin(2));
    CHECK(o->points[1].second == Approx(120).margin(2));
    // The ends did not move, and the valve is on the pipe.
    CHECK(o->points.front() == std::pair<double, double>{-100, 0});
    CHECK(o->points.back() == std::pair<double, double>{100, 0});
    const auto on = app::pipePointAt(o->points, app::pipeFraction(o->points, o->x, o->y));
    CHECK(std::hypot(on.first - o->x, on.second - o->y) == Approx(0).margin(1e-6));
    ui.frame(wb);  // draws the bent pipe with its handles
    // A right click on the bend opens the symbol menu on that bend (its "Remove this bend" item).
    const ImVec2 bend = ui.screenOf(o->points[1].first, o->points[1].second);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = bend;
    ui.frame(wb);
    io.MouseDown[1] = true;
    ui.frame(wb);
    io.MouseDown[1] = false;
    ui.frame(wb);
    ui.frame(wb);
    CHECK(ImGui::GetCurrentContext()->OpenPopupStack.Size == 1);
    CHECK(ui.canvas().menuTarget == f);
    CHECK(ui.canvas().menuGrip.kind == ui::PipeGrip::Kind::Bend);
    CHECK(ui.canvas().menuGrip.index == 1);
    ImGui::ClosePopupToLevel(0, false);
    ui.frame(wb);
    REQUIRE(wb.session().doc().undo());
    CHECK(wb.session().doc().viewObject(f)->points[1].second == Approx(80).margin(2));
    REQUIRE(wb.session().doc().undo());
    CHECK(wb.session().doc().viewObject(f)->points.size() == 2);

    // Dragging an end into open space leaves its cloud where it was dropped.
    CHECK(ui.gripAt(wb, 100, 0, hit) == ui::PipeGrip::Kind::Sink);
    ui.drag(wb, ui.screenOf(100, 0), ui.screenOf(100, 90));
    const auto& p = wb.session().doc().viewObject(f)->points;
    // The horizontal run is kept and the pipe turns down at the old end: a corner, not a slant.
    REQUIRE(p.size() == 3);
    CHECK(p[1].second == Approx(0));
    CHECK(p[1].first == Approx(p[2].first));
    CHECK(p.back().first == Approx(100).margin(2));
    CHECK(p.back().second == Approx(90).margin(2));
    REQUIRE(wb.session().doc().undo());
    CHECK(wb.session().doc().viewObject(f)->points.size() == 2);
}

TEST_CASE("canvas: an alias of a stock is drawn and hit at the original's size",
          "[workbench][canvas][alias]") {
    HeadlessUi ui;
    ui::Workbench wb;
    wb.newModel();
    const auto stock =
        wb.session().doc().createStock(0, 0, "waiting_list");  // 90 x 50, twice Stella's default
    const auto key = wb.session().doc().createAlias(stock, 300, 0);
    for (int i = 0; i < 3; ++i) ui.frame(wb);
    ui::PipeGrip grip;
    // 40 units right of the alias's centre: inside a 90-wide box, outside a 45-wide one.
    CHECK(ui::hitTest(wb, ui.canvas(), ui.screenOf(340, 20), grip) == key);
    CHECK(ui::hitTest(wb, ui.canvas(), ui.screenOf(350, 0), grip).empty());
}

TEST_CASE(
    "canvas: without 32-bit vertex offsets the county diagram splits across draw lists under 64k vertices",
    "[workbench][canvas][large]") {
    HeadlessUi ui;
    ImGuiIO& io = ImGui::GetIO();
    io.BackendFlags &=
        ~ImGuiBackendFlags_RendererHasVtxOffset;  // e.g. OpenGL 3.0/3.1, or a 16-bit-only renderer
    io.DisplaySize =
        ImVec2(4800, 3000);  // the whole county diagram on screen: the canvas draws only what shows
    ui::Workbench wb;
    ui.openCounty(wb);
    // Zoomed so every label is drawn and the model is on screen.
    auto& cs = ui.canvas();
    cs.zoom = 0.75f;
    cs.pan = ImVec2(10, 10);
    ui.frame(wb);
    size_t canvasVertices = 0, canvasLists = 0, largest = 0;
    const ImDrawData* dd = ImGui::GetDrawData();
    REQUIRE(dd);
    for (int i = 0; i < dd->CmdListsCount; ++i) {
        const ImDrawList* l = dd->CmdLists[i];
        const size_t n = static_cast<size_t>(l->VtxBuffer.Size);
        largest = std::max(largest, n);
        CHECK(n < 65536);  // every list, canvas or not, is indexable with 16 bits
        if (l->_OwnerName && std::string(l->_OwnerName).rfind("Diagram", 0) == 0)
            canvasVertices += n, ++canvasLists;
    }
    INFO("canvas vertices " << canvasVertices << " in " << canvasLists << " lists; largest list " << largest);
    CHECK(canvasVertices > 65536);  // the case the split is for
    CHECK(canvasLists >= 3);        // the Diagram window and at least two layers
    wb.settle();
}

TEST_CASE("workbench: untitled work is autosaved, and offered at the next start beside the default model",
          "[workbench][recovery]") {
    HeadlessUi ui;
    const std::string county = HeadlessUi::countyModel();
    auto leaveUntitledWork = [&] {
        ui::Workbench wb;
        wb.newModel();
        wb.session().setAutosaveSeconds(0);  // autosave at the next frame rather than after a minute
        wb.session().doc().createStock(0, 0, "waiting_list");
        ui.frame(wb);
        wb.session().finishRecoveryCopy();  // written on a worker, not in the frame
        const std::string rec = app::recoveryPathFor("", wb.session().stateDir());
        REQUIRE(std::filesystem::exists(rec));
        wb.settle();
        return rec;  // the session ends without a save: a crash, a power cut
    };
    for (bool restore : {true, false}) {
        const std::string rec = leaveUntitledWork();
        ui::Workbench wb;  // the next start: `sdw` opens the default model, then looks for untitled work
        std::string error;
        REQUIRE(wb.openFile(county, error));
        wb.session().offerUntitledRecovery();
        REQUIRE(wb.session().recoveryOffer());
        CHECK(wb.session().recoveryOffer()->modelPath.empty());
        CHECK(wb.session().recoveryOffer()->file == rec);
        ui.frame(wb);
        ui.frame(wb);
        ImGuiWindow* modal = ImGui::FindWindowByName("Recover unsaved work?");
        REQUIRE(modal);
        CHECK(modal->Active);
        CHECK(wb.session().doc().path() == county);
        if (restore) {
            REQUIRE(wb.restoreRecovery());
            CHECK(wb.session().doc().find("waiting_list"));
            CHECK(wb.session().doc().path().empty());
            CHECK(wb.session().doc().dirty());  // still to be saved
            CHECK(wb.session().kept().empty());
            // Saving it under a name spends the autosaved copy.
            const auto saved = std::filesystem::temp_directory_path() / "sdw_recovered_untitled.xmile";
            wb.session().saveAs(saved.string());
            CHECK_FALSE(wb.session().doc().dirty());
            CHECK_FALSE(std::filesystem::exists(rec));
        } else {
            wb.session().discardRecoveryOffer();
            CHECK(wb.session().doc().path() == county);
            CHECK_FALSE(wb.session().doc().dirty());
            CHECK_FALSE(std::filesystem::exists(rec));
        }
        CHECK_FALSE(wb.session().recoveryOffer());
        ui.frame(wb);
        ui.frame(wb);
        CHECK_FALSE(modal->Active);
        wb.settle();
    }
}

TEST_CASE("workbench: Ctrl+Z, Ctrl+Y, Delete and Space work from the keyboard", "[workbench][shortcuts]") {
    HeadlessUi ui;
    ImGuiIO& io = ImGui::GetIO();
    // As the GLFW backend maps them (GLFW key codes).
    io.KeyMap[ImGuiKey_Delete] = 261;
    io.KeyMap[ImGuiKey_Space] = 32;
    auto press = [&](ui::Workbench& wb, int key, bool ctrl) {
        io.KeyCtrl = ctrl;
        io.KeysDown[key] = true;
        ui.frame(wb);
        io.KeysDown[key] = false;
        io.KeyCtrl = false;
        ui.frame(wb);
    };
    ui::Workbench wb;
    wb.newModel();
    ui.frame(wb);
    const auto name = wb.session().doc().createAux(0, 0, "fill_rate");
    wb.select(name);
    press(wb, 261, false);  // Delete
    CHECK_FALSE(wb.session().doc().find(name));
    press(wb, 'Z', true);
    CHECK(wb.session().doc().find(name));
    press(wb, 'Y', true);
    CHECK_FALSE(wb.session().doc().find(name));
    press(wb, 'Z', true);
    wb.session().doc().setEquation(name, "2");
    wb.settle();
    ui.frame(wb);
    REQUIRE_FALSE(wb.session().timeColumn().empty());
    wb.session().playback().time = wb.session().timeColumn().front();
    press(wb, 32, false);  // Space plays
    CHECK(wb.session().playback().playing);
    press(wb, 32, false);  // and pauses
    CHECK_FALSE(wb.session().playback().playing);
    CHECK(wb.session().playback().time >
          wb.session().timeColumn().front());  // the time marker moved while it played
}

TEST_CASE(
    "workbench: charts overlay every kept run, presentation shows only the charts and sliders chosen for it",
    "[workbench][charts][present]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.openCounty(wb);
    REQUIRE_FALSE(wb.session().inputs().empty());
#if defined(SDW_HAVE_PLUGINS)
    // Presented until the user chooses: four inputs that the model's workshop scenarios turn.
    REQUIRE_FALSE(wb.session().levers().scenarios().empty());
    size_t presented = 0;
    for (const auto& in : wb.session().inputs()) {
        if (!in.present) continue;
        ++presented;
        bool turned = false;
        for (const auto& sc : wb.session().levers().scenarios())
            for (const auto& c : sc.constants)
                turned |= model::canonicalName(c.first) == model::canonicalName(in.name);
        CHECK(turned);
    }
    CHECK(presented == 4);
#endif
    auto rerunWith = [&](double share) {
        for (auto& in : wb.session().inputs())
            if (in.present) in.value = in.min + (in.max - in.min) * share;
        wb.session().inputsChanged();
        wb.settle();
        ui.frame(wb);
    };
    wb.session().keepRun("Baseline");
    rerunWith(0.7);
    wb.session().keepRun("More entries");
    rerunWith(0.9);
    REQUIRE(wb.session().kept().size() == 2);
    const auto& chart = wb.session().charts()[0];
    REQUIRE_FALSE(chart.vars.empty());
    std::vector<std::vector<double>> keptTimes;
    const auto series = ui::chartSeries(wb.session(), chart, keptTimes);
    // The current run, the baseline (dashed) and the second kept run (dotted), each for every variable.
    REQUIRE(series.size() == chart.vars.size() * 3);
    const auto& base = series[chart.vars.size()];
    const auto& second = series[chart.vars.size() * 2];
    CHECK_FALSE(series.front().dashed);
    CHECK(base.dashed);
    CHECK(base.run == "Baseline");
    CHECK(second.run == "More entries");
    CHECK(second.dash < base.dash);
    CHECK(second.y.size() == keptTimes[1].size());

    // Presenting: the second chart is left out when unticked; sliders only those marked.
    CHECK(ui::chartsShown(wb.session(), false) == std::vector<size_t>{0, 1});
    wb.session().charts()[1].present = false;
    CHECK(ui::chartsShown(wb.session(), true) == std::vector<size_t>{0});
    CHECK(ui::chartsShown(wb.session(), false) ==
          std::vector<size_t>{0, 1});  // the Charts tab still shows both
    wb.mode = ui::Mode::Present;
    ui.frame(wb);
    ui.frame(wb);
    ImGuiWindow* present = ImGui::FindWindowByName("##present");
    REQUIRE(present);
    CHECK(present->Active);
    CHECK_FALSE(ImGui::FindWindowByName("Diagram")->Active);  // no editing chrome
    wb.settle();
}

TEST_CASE("workbench: Ctrl+S on an untitled model opens Save As on a file name, not an empty path",
          "[workbench][shortcuts]") {
    HeadlessUi ui;
    ui::Workbench wb;
    wb.newModel();
    wb.session().doc().createStock(0, 0, "waiting_list");
    ui.frame(wb);
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = true;
    io.KeysDown['S'] = true;
    ui.frame(wb);
    io.KeysDown['S'] = false;
    io.KeyCtrl = false;
    CHECK(wb.fileDialog().action() == ui::FileAction::SaveAs);
    CHECK(std::filesystem::path(wb.fileDialog().path()).extension() == ".xmile");
    ui.frame(wb);
    ImGuiWindow* dialog = ImGui::FindWindowByName("Save model as");
    REQUIRE(dialog);
    CHECK(dialog->Active);
    CHECK(wb.session().doc().dirty());  // nothing saved behind the user's back
}

TEST_CASE("canvas: a new stock is renamed in place by typing its name and Enter",
          "[workbench][canvas][rename]") {
    HeadlessUi ui;
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Enter] = 257;      // GLFW_KEY_ENTER, as the GLFW backend maps it
    io.KeyMap[ImGuiKey_Backspace] = 259;  // GLFW_KEY_BACKSPACE
    ui::Workbench wb;
    wb.newModel();
    for (int i = 0; i < 3; ++i) ui.frame(wb);
    wb.tool = ui::Tool::Stock;
    const ImVec2 at = ui.screenOf(0, 0);
    ui.mouse(wb, at, false);
    ui.mouse(wb, at, true);
    ui.mouse(wb, ImVec2(at.x + 300, at.y + 200), false);  // the pointer leaves, as a user's hand would
    REQUIRE(wb.session().doc().model().variables.size() == 1);
    const std::string made = wb.session().doc().model().variables.front().name;
    REQUIRE(ui.canvas().renaming == made);
    ui.frame(wb);  // the field takes the keyboard, its text all selected
    ui.frame(wb);
    for (char c : std::string("waiting_list")) io.AddInputCharacter(static_cast<unsigned>(c));
    ui.frame(wb);
    io.KeysDown[257] = true;
    ui.frame(wb);
    io.KeysDown[257] = false;
    ui.frame(wb);
    CHECK(ui.canvas().renaming.empty());
    CHECK(wb.session().doc().find("waiting_list"));
    CHECK_FALSE(wb.session().doc().find(made));
    CHECK(wb.isSelected("waiting_list"));
}

TEST_CASE("canvas: what lies off the canvas is not drawn", "[workbench][canvas][large]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.openCounty(wb);
    auto canvasVertices = [&] {
        ui.frame(wb);
        size_t n = 0;
        const ImDrawData* dd = ImGui::GetDrawData();
        for (int i = 0; dd && i < dd->CmdListsCount; ++i) {
            const ImDrawList* l = dd->CmdLists[i];
            if (l->_OwnerName && std::string(l->_OwnerName).rfind("Diagram", 0) == 0)
                n += static_cast<size_t>(l->VtxBuffer.Size);
        }
        return n;
    };
    auto& cs = ui.canvas();
    cs.zoom = 0.75f;
    cs.pan = ImVec2(10, 10);  // the top-left sector
    const size_t corner = canvasVertices();
    ImGui::GetIO().DisplaySize = ImVec2(4800, 4400);  // the same zoom with the whole diagram in view
    const size_t whole = canvasVertices();
    INFO("top-left view " << corner << " vertices, whole diagram " << whole);
    CHECK(corner > 0);
    CHECK(corner * 2 < whole);
    wb.settle();
}
