// The workbench's canvas driven with synthetic mouse input, without a window or GL (ImGui's "null" pattern:
// build the font atlas, feed io, run frames, discard the draw data). Layer: tests/workbench.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <imgui.h>

#include "workbench/ui/canvas.hpp"
#include "workbench/ui/theme.hpp"
#include "workbench/ui/workbench.hpp"

using namespace sdw;

namespace {

class HeadlessUi {
public:
    HeadlessUi() {
        const auto dir = std::filesystem::temp_directory_path() / "sdw_canvas_test_state";
        std::filesystem::create_directories(dir);
        setenv("XDG_STATE_HOME", dir.c_str(), 1);  // keep recent files and recovery out of the user's home
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1400, 900);
        io.DeltaTime = 1.0f / 60;
        ui::theme::apply(1.0f);
        unsigned char* px = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    }
    ~HeadlessUi() { ImGui::DestroyContext(); }
    void frame(ui::Workbench& wb) {
        ImGui::NewFrame();
        wb.frame(ImGui::GetIO().DisplaySize);
        ImGui::Render();
        wb.afterPresent();
    }
    void mouse(ui::Workbench& wb, ImVec2 p, bool down) {
        ImGui::GetIO().MousePos = p;
        ImGui::GetIO().MouseDown[0] = down;
        frame(wb);
    }
    // Screen position of a model point on the canvas.
    ImVec2 screenOf(double x, double y) { return ui::canvasState().toScreen(x, y); }
};

}  // namespace

TEST_CASE("canvas: the stock tool places a stock where the user clicks, and a drag moves it", "[workbench][canvas]") {
    HeadlessUi ui;
    ui::Workbench wb;
    wb.newModel();
    for (int i = 0; i < 3; ++i) ui.frame(wb);  // layout settles (fit to view)
    const ImVec2 target = ui.screenOf(100, 60);
    wb.tool = ui::Tool::Stock;
    ui.mouse(wb, target, false);
    ui.mouse(wb, target, true);
    ui.mouse(wb, target, false);
    REQUIRE(wb.doc.model().variables.size() == 1);
    const auto& v = wb.doc.model().variables.front();
    CHECK(v.kind == model::VarKind::Stock);
    const auto* o = wb.doc.viewObject(v.name);
    REQUIRE(o);
    CHECK(o->x == Approx(100).margin(ui::document::kGrid));
    CHECK(o->y == Approx(60).margin(ui::document::kGrid));
    CHECK(wb.tool == ui::Tool::Select);
    ui::canvasState().renaming.clear();  // close the rename-in-place field the tool opened
    ui.frame(wb);
    ui.frame(wb);

    // Drag it 100 px right in small steps; snap-to-grid rounds on release.
    const double x0 = o->x;
    const float zoom = ui::canvasState().zoom;
    ImVec2 p = ui.screenOf(o->x, o->y);
    ui.mouse(wb, p, true);
    for (int i = 0; i < 10; ++i) {
        p.x += 10;
        ui.mouse(wb, p, true);
    }
    ui.mouse(wb, p, false);
    REQUIRE(wb.doc.viewObject(v.name));
    CHECK(wb.doc.viewObject(v.name)->x == Approx(x0 + 100 / zoom).margin(10));
    // The whole drag is one undo step.
    wb.doc.undo();
    CHECK(wb.doc.viewObject(v.name)->x == Approx(x0));
}

TEST_CASE("canvas: a flow drawn from a stock is attached to it; rubber-band selects", "[workbench][canvas]") {
    HeadlessUi ui;
    ui::Workbench wb;
    wb.newModel();
    wb.doc.createStock(0, 0, "pool");
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
    REQUIRE(wb.doc.model().variables.size() == 2);
    const auto* pool = wb.doc.find("pool");
    REQUIRE(pool->outflows.size() == 1);
    const auto* flow = wb.doc.find(pool->outflows.front());
    REQUIRE(flow);
    CHECK(flow->kind == model::VarKind::Flow);

    // Rubber-band from empty space around everything selects both.
    wb.selection.clear();
    ImVec2 a = ui.screenOf(-150, -100), b = ui.screenOf(400, 100);
    ui.mouse(wb, a, false);
    ui.mouse(wb, a, true);
    for (int i = 1; i <= 5; ++i) ui.mouse(wb, ImVec2(a.x + (b.x - a.x) * i / 5, a.y + (b.y - a.y) * i / 5), true);
    ui.mouse(wb, b, false);
    CHECK(wb.selection.size() == 2);
}

TEST_CASE("workbench: live equation check names the problem; slider moves re-run", "[workbench][canvas]") {
    HeadlessUi ui;
    ui::Workbench wb;
    wb.newModel();
    wb.doc.createStock(0, 0, "pool");
    wb.doc.createFlow(-150, 0, -45, 0, "filling");
    wb.doc.attachFlow("filling", ui::document::FlowEnd::Sink, "pool");
    wb.doc.createAux(-100, -80, "fill_rate");
    wb.doc.setEquation("fill_rate", "2");
    wb.doc.setEquation("filling", "fill_rate");
    ui.frame(wb);
    wb.settle();
    ui.frame(wb);
    REQUIRE(wb.result);
    const double stop = wb.doc.project().specs.stop, start = wb.doc.project().specs.start;
    CHECK(wb.result->finalValue("pool").value() == Approx(2 * (stop - start)));

    wb.submitCheck("filling", "fill_rat * 2");
    for (int i = 0; i < 200 && wb.checkPending; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        ui.frame(wb);
    }
    REQUIRE_FALSE(wb.checkPending);
    bool named = false;
    for (const auto& d : wb.checkDiagnostics.items())
        named |= d.where == "filling" && d.message.find("fill_rat") != std::string::npos;
    CHECK(named);
    CHECK(wb.doc.find("filling")->equation == "fill_rate");  // checking does not edit the model

    // The constant is a slider; moving it re-runs without touching the document.
    REQUIRE(wb.inputs.size() == 1);
    CHECK(wb.inputs[0].name == "fill_rate");
    wb.inputs[0].value = 3;
    wb.sliderMoved();
    wb.settle();
    ui.frame(wb);
    CHECK(wb.result->finalValue("pool").value() == Approx(3 * (stop - start)));
    CHECK(wb.lastLatencyMs >= 0);
    CHECK_FALSE(wb.doc.canRedo());

    // Results export as CSV: a header with every column, then one row per saved step.
    const auto csv = std::filesystem::temp_directory_path() / "sdw_canvas_test_results.csv";
    wb.exportCsv(csv.string());
    std::ifstream in(csv);
    std::string header, line;
    std::getline(in, header);
    CHECK(header.rfind("Time,", 0) == 0);
    CHECK(header.find("pool") != std::string::npos);
    size_t rows = 0;
    while (std::getline(in, line)) ++rows;
    CHECK(rows == wb.result->rows());
}
