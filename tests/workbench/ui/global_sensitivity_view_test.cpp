// The How sure tab's Morris and Sobol bars driven frame by frame on a model whose outcome is a known linear
// function of three constants (tests/workbench/app/linear_model.hpp: total(10) = 10 (3a + b - 2c), a, b, c
// uniform on 1..2, 0..10, 1..4): method chosen, Run clicked, the bars drawn in the hand-worked order with
// the hand-worked sizes. Layer: tests/workbench/ui.
#include "workbench/ui/panels/global_sensitivity_view.hpp"

#include <catch2/catch.hpp>

#include "tests/workbench/app/linear_model.hpp"
#include "tests/workbench/ui/headless_ui.hpp"
#include "workbench/ui/panels/uncertainty_panel.hpp"

using namespace sdw;
using test::centre;
using test::HeadlessUi;

namespace {

ui::TornadoView& shown(HeadlessUi& ui, ui::Workbench& wb, const std::string& file) {
    ui.open(wb, test::linearModel(file, false));
    ui.settle(wb);
    auto& view = wb.panel<ui::UncertaintyPanel>().tornado();
    wb.showPanel<ui::UncertaintyPanel>();
    view.scrollIntoView();
    for (int i = 0; i < 3; ++i) ui.frame(wb);  // to the front, drawn, scrolled
    return view;
}

void runClicked(HeadlessUi& ui, ui::Workbench& wb, ui::TornadoView& view) {
    ui.frame(wb);  // the method's own controls drawn
    ui.click(wb, centre(view.runButton()));
    REQUIRE(view.global().message().empty());
    REQUIRE(view.settle(wb));
    ui.frame(wb);
}

}  // namespace

TEST_CASE("how sure tab: Morris bars of a linear model are its coefficients times its ranges",
          "[workbench][sensitivity]") {
    HeadlessUi ui;
    ui::Workbench wb;
    auto& view = shown(ui, wb, "sdw_ui_global_morris.xmile");
    view.setMethod(ui::TornadoView::Method::Morris, 4, 3);
    runClicked(ui, wb, view);
    const auto r = view.global().job().result();
    REQUIRE(r);
    CHECK(r->runs == 4 * 4);  // 4 trajectories of 3 constants + 1
    REQUIRE(r->bars.size() == 3);
    // Across its range: b moves total by 10 x 10 = 100, c by 10 x 2 x 3 = 60 (down), a by 10 x 3 x 1 = 30.
    CHECK(r->bars[0].parameter == "b");
    CHECK(r->bars[0].score == Approx(100));
    CHECK(r->bars[1].parameter == "c");
    CHECK(r->bars[1].signedMu == Approx(-60));
    CHECK(r->bars[2].score == Approx(30));
    CHECK(view.global().barsDrawn() == 3);
    CHECK(view.barsDrawn() == 0);  // the tornado's own bars are not drawn
    CHECK(view.global().labelColumn() >= ImGui::CalcTextSize("0 to 10").x);
}

TEST_CASE("how sure tab: Sobol bars of a linear model are its variance shares", "[workbench][sensitivity]") {
    HeadlessUi ui;
    ui::Workbench wb;
    auto& view = shown(ui, wb, "sdw_ui_global_sobol.xmile");
    view.setMethod(ui::TornadoView::Method::Sobol, 1500, 2);
    runClicked(ui, wb, view);
    const auto r = view.global().job().result();
    REQUIRE(r);
    REQUIRE(r->bars.size() == 3);
    // Shares of the variance 1208.3: b 833.3 (0.690), c 300 (0.248), a 75 (0.062); 1,500 samples: +-0.05.
    CHECK(r->bars[0].parameter == "b");
    CHECK(r->bars[0].score == Approx(0.690).margin(0.05));
    CHECK(r->bars[1].score == Approx(0.248).margin(0.05));
    CHECK(r->bars[2].second == Approx(0.062).margin(0.05));
    CHECK(view.global().barsDrawn() == 3);
    // Back to one at a time: the tornado's Run, not Sobol's.
    view.setMethod(ui::TornadoView::Method::OneAtATime);
    ui.frame(wb);
    CHECK(view.global().barsDrawn() == 0);
}
