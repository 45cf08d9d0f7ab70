// The How sure tab's "Which assumptions matter" driven frame by frame: Run the tornado clicked, frames go on
// while it runs, the bars are drawn widest first; Cancel clicked mid-way stops it with no bars and the UI
// drawing on. Layer: tests/workbench.
#include "workbench/ui/panels/tornado_view.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/workbench/decay_model.hpp"
#include "tests/workbench/ui/headless_ui.hpp"
#include "workbench/ui/panels/uncertainty_panel.hpp"

using namespace sdw;
using test::centre;
using test::HeadlessUi;

namespace {

// A model whose runs are long (half a million steps each, eight constants with ranges: 17 runs), so a tornado
// is still running when Cancel is clicked a few frames later.
std::string slowModel() {
    const auto path = (std::filesystem::temp_directory_path() / "sdw_ui_tornado_slow.xmile").string();
    std::ofstream f(path);
    f << "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\" "
         "xmlns:sdw=\"urn:sdw:xmile:1\"><header><name>t</name></header>"
         "<sim_specs method=\"euler\" time_units=\"years\"><start>0</start><stop>500</stop><dt>0.001</dt>"
         "</sim_specs><model><variables>"
         "<stock name=\"s\"><eqn>0</eqn><inflow>adding</inflow></stock>"
         "<flow name=\"adding\"><eqn>c1+c2+c3+c4+c5+c6+c7+c8</eqn></flow>";
    for (int i = 1; i <= 8; ++i)
        f << "<aux name=\"c" << i << "\"><eqn>1</eqn><sdw:uncertainty min=\"0\" max=\"2\"/></aux>";
    f << "<group name=\"Outcome measures\"><entity name=\"s\"/></group></variables></model></xmile>";
    return path;
}

// The How sure tab in front with the tornado section scrolled into view: the tab comes to the front, then
// draws (and scrolls the section to the top), then the scroll takes effect.
ui::TornadoView& showTornado(HeadlessUi& ui, ui::Workbench& wb) {
    auto& view = wb.panel<ui::UncertaintyPanel>().tornado();
    wb.showPanel<ui::UncertaintyPanel>();
    view.scrollIntoView();
    for (int k = 0; k < 3; ++k) ui.frame(wb);
    return view;
}

}  // namespace

TEST_CASE("how sure tab: Run the tornado draws the bars of the decay's one uncertain rate",
          "[workbench][tornado]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.open(wb, test::decayModelFile("sdw_ui_tornado_decay.xmile"));
    wb.session().charts().assign(1, {});
    wb.session().addToChart("s");
    ui.settle(wb);
    auto& view = showTornado(ui, wb);
    CHECK(view.barsDrawn() == 0);
    ui.click(wb, centre(view.runButton()));
    REQUIRE(view.message().empty());
    for (int i = 0; i < 2000 && view.busy(); ++i) ui.frame(wb);
    REQUIRE(view.settle(wb));
    ui.frame(wb);
    const auto r = view.tornado().result();
    REQUIRE(r);
    CHECK(r->setup.outcome == "s");  // no outcome measures: the first charted variable
    REQUIRE(r->bars.size() == 1);
    // k from 0.1 to 0.4: s(8) = 100 (1 - k/4)^32 from 100 x 0.975^32 to 100 x 0.9^32; baseline k = 0.2.
    CHECK(r->bars[0].outcomeLow == Approx(test::decayAt(0.1, 8)));
    CHECK(r->bars[0].outcomeHigh == Approx(test::decayAt(0.4, 8)));
    CHECK(r->bars[0].baseline == Approx(test::decayAt(0.2, 8)));
    CHECK(view.barsDrawn() == 1);
}

TEST_CASE("how sure tab: Cancel stops a long tornado and keeps the UI drawing", "[workbench][tornado]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.open(wb, slowModel());
    ui.settle(wb);
    auto& view = showTornado(ui, wb);
    ui.click(wb, centre(view.runButton()));
    REQUIRE(view.busy());
    CHECK(wb.animating());  // the main loop keeps drawing for the progress bar
    ui.frame(wb);
    REQUIRE(view.busy());
    ui.click(wb, centre(view.cancelButton()));
    REQUIRE(view.settle(wb));
    ui.frame(wb);
    CHECK_FALSE(view.busy());
    CHECK(view.message() == "Cancelled: no bars were made.");
    CHECK_FALSE(view.tornado().result());
    CHECK(view.barsDrawn() == 0);
}

TEST_CASE("how sure tab: a long units label and the run's end date are shown whole", "[workbench][tornado]") {
    // Two years of weeks from 1 Jan 2033 (the run's end: week 104, 30 Dec 2034); the one ranged constant is
    // in people/(wte*week), the label that the name column cut at 22 em and the "at" box at 12 em.
    const auto path = (std::filesystem::temp_directory_path() / "sdw_ui_tornado_units.xmile").string();
    std::ofstream(path)
        << "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\" "
           "xmlns:sdw=\"urn:sdw:xmile:1\"><header><name>t</name></header>"
           "<sim_specs method=\"euler\" time_units=\"weeks\"><start>0</start><stop>104</stop>"
           "<dt>1</dt><sdw:calendar start=\"2033-01-01\"/></sim_specs><model><variables>"
           "<stock name=\"seen\"><eqn>0</eqn><inflow>seeing</inflow><units>people</units></stock>"
           "<flow name=\"seeing\"><eqn>productivity_of_reablement_staff * 40</eqn></flow>"
           "<aux name=\"productivity_of_reablement_staff\"><eqn>1</eqn>"
           "<units>people/(wte*week)</units><sdw:uncertainty min=\"0.5\" max=\"2\"/></aux>"
           "<group name=\"Outcome measures\"><entity name=\"seen\"/></group>"
           "</variables></model></xmile>";
    HeadlessUi ui;
    ui::Workbench wb;
    ui.open(wb, path);
    ui.settle(wb);
    auto& view = showTornado(ui, wb);
    const std::string end = app::tornadoTimeLabel(wb.session(), 104);
    CHECK(end == "end of run (30 Dec 2034)");
    const ImVec4 box = view.atBox();
    // The box holds the label, its padding and the arrow.
    CHECK(box.z - box.x >= ImGui::CalcTextSize(end.c_str()).x + ImGui::GetFrameHeight());
    ui.click(wb, centre(view.runButton()));
    REQUIRE(view.settle(wb));
    ui.frame(wb);
    REQUIRE(view.barsDrawn() == 1);
    const std::string range = ui::rangeLabel(0.5, 2, "people/(wte*week)");
    CHECK(range == "0.5 to 2 people/(wte*week)");
    CHECK(view.labelColumn() >= ImGui::CalcTextSize("productivity of reablement staff").x);
    CHECK(view.labelColumn() >= ImGui::CalcTextSize(range.c_str()).x);
}
