// Presentation mode as a trainer uses it: the run revealed as it plays (nothing after the time cursor is
// drawn before Play), and the diagram's readouts at the cursor. Checked on what the view decides to draw,
// not on pixels. Layer: tests/workbench/ui.
#include <catch2/catch.hpp>
#include <cmath>

#include "tests/workbench/ui/headless_ui.hpp"
#include "workbench/ui/panels/charts_panel.hpp"
#include "workbench/ui/panels/presentation_panel.hpp"

using namespace sdw;

namespace {

bool isKept(const std::string& label) {
    return label.find("(Baseline)") != std::string::npos;
}

// Every chart presented: the current run's series end at or before `until`; the kept baseline's reach `end`.
void checkDrawn(const ui::Workbench& wb, double until, double end) {
    const auto shown = ui::chartsShown(wb.session(), true);
    REQUIRE_FALSE(shown.empty());
    size_t current = 0, kept = 0;
    for (size_t c : shown)
        for (const auto& [label, last] : wb.panel<ui::ChartsPanel>().drawnUntil(c)) {
            INFO(label << " drawn to " << last << "; cursor " << until);
            if (isKept(label)) {
                CHECK(last == Approx(end));
                ++kept;
            } else {
                CHECK((std::isnan(last) || last <= until));
                ++current;
            }
        }
    CHECK(current > 0);
    CHECK(kept > 0);
}

}  // namespace

TEST_CASE("presentation: before Play the charts draw nothing after the cursor, Play reveals the run",
          "[workbench][gui][present]") {
    test::HeadlessUi ui;
    ui::Workbench wb;
    ui.openCounty(wb);
    auto& s = wb.session();
    s.keepRun("Baseline");
    auto& in = s.inputs().front();
    in.value = in.min + (in.max - in.min) * 0.75;  // a scenario, so the baseline is overlaid
    s.inputsChanged();
    ui.settle(wb);
    const double t0 = s.timeColumn().front(), t1 = s.timeColumn().back();
    s.playback().time = t1;  // where a run leaves the cursor
    wb.present();
    ui.frame(wb);
    ui.frame(wb);
    CHECK(s.playback().time == t0);
    CHECK_FALSE(s.playback().playing);
    checkDrawn(wb, t0, t1);

    s.togglePlay();
    for (int i = 0; i < 30; ++i) ui.frame(wb);  // half a second at 60 frames a second: a twentieth of the run
    const double now = s.playback().time;
    CHECK(now == Approx(t0 + (t1 - t0) / 20).epsilon(0.05));
    checkDrawn(wb, now, t1);
    bool revealed = false;  // and the run so far is drawn
    for (const auto& [label, last] : wb.panel<ui::ChartsPanel>().drawnUntil(ui::chartsShown(s, true).front()))
        revealed = revealed || (!isKept(label) && last > t0 + (now - t0) / 2);
    CHECK(revealed);
}

TEST_CASE("presentation: the diagram reads out each stock's level and each flow's rate at the cursor",
          "[workbench][gui][present]") {
    test::HeadlessUi ui;
    ui::Workbench wb;
    wb.newModel();
    auto& d = wb.session().doc();
    model::SimSpecs specs;
    specs.start = 0, specs.stop = 20, specs.dt = 0.25, specs.timeUnits = "weeks";
    d.setSpecs(specs);
    d.createStock(0, 0, "patients");
    d.setEquation("patients", "100");
    d.createFlow(-250, 0, -23, 0, "admissions");
    d.attachFlow("admissions", app::FlowEnd::Sink, "patients");
    d.setEquation("admissions", "5");
    d.setUnits("admissions", "people/week");
    d.createStock(0, 200, "spend");  // money reads as pounds, as everywhere else in the workbench
    d.setEquation("spend", "0");
    d.setUnits("spend", "GBP");
    d.createFlow(-250, 200, -23, 200, "spending");
    d.attachFlow("spending", app::FlowEnd::Sink, "spend");
    d.setEquation("spending", "250000");
    d.setUnits("spending", "GBP/week");
    ui.settle(wb);
    REQUIRE(wb.session().result());
    wb.present();
    const auto readout = [&](const std::string& name) -> std::string {
        for (const auto& r : wb.panel<ui::PresentationPanel>().readings())
            if (r.name == name) return r.text;
        return "(none)";
    };
    for (double t : {0.0, 8.0, 20.0}) {
        wb.session().playback().time = t;
        ui.frame(wb);
        ui.frame(wb);
        INFO("t = " << t);
        // patients(t) = 100 + 5 t (a constant inflow of 5 a week)
        CHECK(readout("patients") == std::to_string(static_cast<int>(100 + 5 * t)));
        CHECK(readout("admissions") == "5/week");
        // spend(t) = 250,000 t: £0, £2.0m, £5.0m; not 2M or 2e+06
        CHECK(readout("spend") == (t == 0 ? "\u00a30" : t == 8 ? "\u00a32.0m" : "\u00a35.0m"));
        CHECK(readout("spending") == "\u00a3250.0k/week");
    }
}

TEST_CASE("presentation: the county model one sector at a time, PageDown to the next, readouts on it only",
          "[workbench][gui][present]") {
    test::HeadlessUi ui;
    ui::Workbench wb;
    ui.openCounty(wb);
    wb.present();
    ui.frame(wb);
    ui.frame(wb);
    auto& panel = wb.panel<ui::PresentationPanel>();
    const auto sectors = ui::PresentationPanel::sectors(wb);
    REQUIRE(sectors.size() == 7);  // the county diagram's seven groups
    CHECK(sectors[0]->name == "1. Demography, need and carers");
    std::vector<float> zooms;
    // Each sector shown: its readouts (enough of them to follow it) lie on it, in model units and on screen.
    for (int k = 0; k < 3; ++k) {
        INFO("sector " << k << ": " << sectors[static_cast<size_t>(k)]->name);
        REQUIRE(panel.sector() == k);
        const auto& g = *sectors[static_cast<size_t>(k)];
        const auto& readings = panel.readings();
        CHECK(readings.size() >= 3);
        const ImVec4 box = panel.sectorRect();
        for (const auto& r : readings) {
            INFO(r.name);
            const auto* o = wb.session().doc().viewObject(r.name);
            REQUIRE(o);
            CHECK(std::abs(o->x - g.x) <= *g.width / 2);
            CHECK(std::abs(o->y - g.y) <= *g.height / 2);
            CHECK((r.rect.x >= box.x && r.rect.z <= box.z && r.rect.y >= box.y && r.rect.w <= box.w));
            // The reading shows the name: the diagram leaves out the variable's own label (a flow's sat
            // under its reading, half hidden); the editing diagram keeps every label.
            CHECK(ui::namedByReading(panel.canvas(), r.name));
        }
        CHECK(panel.canvas().namedByReadings.size() == readings.size());
        zooms.push_back(panel.canvas().zoom);
        ui.tap(wb, test::kKeyPageDown);
    }
    ui.tap(wb, test::kKeyPageUp);
    CHECK(panel.sector() == 2);
    panel.showSector(wb, 0);
    ui.tap(wb, test::kKeyPageUp);  // before the first sector: the whole system
    CHECK(panel.sector() == -1);
    CHECK(panel.readings().size() >= 10);
    // A sector is drawn at least twice as large as the whole diagram (the county's is about 3 sectors wide).
    for (float z : zooms) CHECK(z >= 2 * panel.canvas().zoom);
}
