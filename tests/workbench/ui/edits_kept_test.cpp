// Edits typed into the workbench reach the model, however the field is left, and win over what was there
// before (the slider of a constant); keys typed after a missed click do not switch diagram tools; a message
// under a field never moves the next field. Driven through the panels with pointer and keys (issue 11).
// Layer: tests/workbench.
#include <catch2/catch.hpp>
#include <string>

#include "tests/workbench/ui/headless_ui.hpp"
#include "workbench/ui/workbench.hpp"

using namespace sdw;
using test::HeadlessUi;

namespace {

// pool (a stock, starts empty) <- filling = fill_rate; fill_rate = 2 and ratio = 1 are constants (sliders).
void fillingModel(HeadlessUi& ui, ui::Workbench& wb) {
    wb.newModel();
    wb.doc.createStock(0, 0, "pool");
    wb.doc.createFlow(-150, 0, -45, 0, "filling");
    wb.doc.attachFlow("filling", app::FlowEnd::Sink, "pool");
    wb.doc.createAux(-100, -80, "fill_rate");
    wb.doc.createAux(100, -80, "ratio");
    wb.doc.setEquation("fill_rate", "2");
    wb.doc.setEquation("ratio", "1");
    wb.doc.setEquation("filling", "fill_rate");
    wb.snap = false;
    for (int i = 0; i < 3; ++i) ui.frame(wb);  // the canvas fits the model
    ui.settle(wb);
    REQUIRE(wb.result);
}

double span(const ui::Workbench& wb) {
    return wb.doc.project().specs.stop - wb.doc.project().specs.start;
}

ui::SliderInput& input(ui::Workbench& wb, const std::string& name) {
    for (auto& in : wb.inputs)
        if (in.name == name) return in;
    FAIL("no slider for " << name);
    return wb.inputs.front();
}

// A point of the canvas with nothing on it.
ImVec2 emptyCanvas(HeadlessUi& ui, const ui::Workbench& wb) {
    const ImVec2 p = ui.screenOf(0, 110);
    ui::PipeGrip grip;
    REQUIRE(ui::hitTest(wb, ui::canvasState(), p, grip).empty());
    return p;
}

void selectAndShow(HeadlessUi& ui, ui::Workbench& wb, const std::string& name) {
    wb.select(name);
    ui.frame(wb);
    ui.frame(wb);
}

}  // namespace

TEST_CASE("properties: a constant's equation typed in Properties wins over its slider, on every run after",
          "[workbench][properties][issue11]") {
    HeadlessUi ui;
    ui::Workbench wb;
    fillingModel(ui, wb);
    CHECK(wb.result->finalValue("pool").value() == Approx(2 * span(wb)));
    // The user had moved the constant's slider to 3.
    input(wb, "fill_rate").value = 3;
    wb.sliderMoved();
    ui.settle(wb);
    CHECK(wb.result->finalValue("pool").value() == Approx(3 * span(wb)));

    // Then types 5 as its equation and leaves the field for the next one.
    selectAndShow(ui, wb, "fill_rate");
    ui.typeInto(wb, "equation", "5");
    ui.click(wb, HeadlessUi::centreOf("units"));
    ui.settle(wb);
    CHECK(wb.doc.find("fill_rate")->equation == "5");
    CHECK(wb.result->finalValue("pool").value() == Approx(5 * span(wb)));
    // The next run (Run, or any other slider) keeps it: the slider followed the equation.
    wb.rerun();
    ui.settle(wb);
    CHECK(wb.result->finalValue("pool").value() == Approx(5 * span(wb)));
    CHECK(input(wb, "fill_rate").value == 5);
    CHECK(input(wb, "fill_rate").base == 5);

    // With the slider untouched, too: 6 typed, and runs after it use 6.
    ui.typeInto(wb, "equation", "6");
    ui.click(wb, HeadlessUi::centreOf("units"));
    ui.settle(wb);
    input(wb, "ratio").value = 0.5;  // another slider moves: a new run
    wb.sliderMoved();
    ui.settle(wb);
    CHECK(wb.result->finalValue("pool").value() == Approx(6 * span(wb)));
    CHECK(wb.result->finalValue("ratio").value() == Approx(0.5));
}

TEST_CASE("properties: an edit is kept when its field is left by a click on the diagram",
          "[workbench][properties][issue11]") {
    HeadlessUi ui;
    ui::Workbench wb;
    fillingModel(ui, wb);

    // An auxiliary's equation, left by a click on empty diagram (which also clears the selection).
    selectAndShow(ui, wb, "ratio");
    ui.typeInto(wb, "equation", "pool / 2");
    ui.click(wb, emptyCanvas(ui, wb));
    CHECK(wb.selection.empty());
    CHECK(wb.doc.find("ratio")->equation == "pool / 2");
    ui.settle(wb);
    CHECK(wb.result->finalValue("ratio").value() == Approx(2 * span(wb) / 2));

    // A stock's units, left by a click on another variable: the units stay with the stock.
    selectAndShow(ui, wb, "pool");
    ui.typeInto(wb, "units", "people");
    ui.click(wb, ui.screenOf(-100, -80));  // fill_rate's symbol
    CHECK(wb.isSelected("fill_rate"));
    CHECK(wb.doc.find("pool")->units == "people");
    CHECK(wb.doc.find("fill_rate")->units.empty());

    // A new name typed in Properties, left by a click on the diagram.
    ui.frame(wb);
    ui.typeInto(wb, "name", "rate_of_filling");
    ui.click(wb, emptyCanvas(ui, wb));
    CHECK(wb.doc.find("rate_of_filling"));
    CHECK(wb.doc.find("filling")->equation == "rate_of_filling");

    // The run's stop time (nothing selected: the specs), left by a click on a variable.
    ui.frame(wb);
    ui.typeInto(wb, "stop", "30");
    ui.click(wb, ui.screenOf(0, 0));  // pool
    CHECK(wb.isSelected("pool"));
    CHECK(wb.doc.project().specs.stop == 30);
    // Each edit is one undo step, as typing it and pressing Enter would be.
    CHECK(wb.doc.undo());
    CHECK(wb.doc.project().specs.stop != 30);
    CHECK(wb.doc.find("rate_of_filling"));
}

TEST_CASE("workbench: keys typed after a click that missed a field do not switch diagram tools",
          "[workbench][shortcuts][issue11]") {
    HeadlessUi ui;
    ui::Workbench wb;
    fillingModel(ui, wb);
    selectAndShow(ui, wb, "ratio");
    // The click lands on the properties panel below its fields, not in one.
    const auto eq = ui::propertiesFieldRect("equation");
    REQUIRE(eq);
    ui.click(wb, ImVec2((eq->x + eq->z) / 2, ImGui::GetIO().DisplaySize.y - 60));
    ui.type(wb, "stock");
    CHECK(wb.tool == ui::Tool::Select);
    CHECK(wb.doc.model().variables.size() == 4);
    CHECK(wb.doc.find("ratio")->equation == "1");
    // On the diagram, the letters are the tools' keys as before.
    ui.click(wb, emptyCanvas(ui, wb));
    ui.type(wb, "s");
    CHECK(wb.tool == ui::Tool::Stock);
}

TEST_CASE("properties: a message under the equation never moves the fields below it",
          "[workbench][properties][issue11]") {
    HeadlessUi ui;
    ui::Workbench wb;
    fillingModel(ui, wb);
    selectAndShow(ui, wb, "ratio");
    const auto before = ui::propertiesFieldRect("units");
    REQUIRE(before);
    // A half-typed equation: the live check names the problem under the field.
    ui.typeInto(wb, "equation", "pool + ");
    ui.waitForCheck(wb);
    ui.frame(wb);
    bool named = false;
    for (const auto& d : wb.checkDiagnostics.items()) named |= d.where == "ratio";
    CHECK(named);
    const auto after = ui::propertiesFieldRect("units");
    REQUIRE(after);
    CHECK(after->y == before->y);
    CHECK(after->w == before->w);
    // And so a click aimed at Units while the message shows lands in Units.
    ui.click(wb, HeadlessUi::centreOf("units"));
    ui.type(wb, "dmnl");
    ui.click(wb, emptyCanvas(ui, wb));
    CHECK(wb.doc.find("ratio")->units == "dmnl");
}
