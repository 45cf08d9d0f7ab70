// Edits typed into Properties reach the model however the field is left, and win over a constant's slider;
// keys after a missed click do not switch tools; a message never moves the next field (issue 11). Layer:
// tests/workbench.
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
    wb.session().doc().createStock(0, 0, "pool");
    wb.session().doc().createFlow(-150, 0, -45, 0, "filling");
    wb.session().doc().attachFlow("filling", app::FlowEnd::Sink, "pool");
    wb.session().doc().createAux(-100, -80, "fill_rate");
    wb.session().doc().createAux(100, -80, "ratio");
    wb.session().doc().setEquation("fill_rate", "2");
    wb.session().doc().setEquation("ratio", "1");
    wb.session().doc().setEquation("filling", "fill_rate");
    wb.snap = false;
    for (int i = 0; i < 3; ++i) ui.frame(wb);  // the canvas fits the model
    ui.settle(wb);
    REQUIRE(wb.session().result());
}

double span(const ui::Workbench& wb) {
    return wb.session().doc().project().specs.stop - wb.session().doc().project().specs.start;
}

app::SliderInput& input(ui::Workbench& wb, const std::string& name) {
    for (auto& in : wb.session().inputs())
        if (in.name == name) return in;
    FAIL("no slider for " << name);
    return wb.session().inputs().front();
}

// A point of the canvas with nothing on it.
ImVec2 emptyCanvas(HeadlessUi& ui, const ui::Workbench& wb) {
    const ImVec2 p = ui.screenOf(0, 110);
    ui::PipeGrip grip;
    REQUIRE(ui::hitTest(wb, ui.canvas(), p, grip).empty());
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
    CHECK(wb.session().result()->finalValue("pool").value() == Approx(2 * span(wb)));
    // The user had moved the constant's slider to 3.
    input(wb, "fill_rate").value = 3;
    wb.session().inputsChanged();
    ui.settle(wb);
    CHECK(wb.session().result()->finalValue("pool").value() == Approx(3 * span(wb)));

    // Then types 5 as its equation and leaves the field for the next one.
    selectAndShow(ui, wb, "fill_rate");
    ui.typeInto(wb, "equation", "5");
    ui.click(wb, ui.centreOf("units"));
    ui.settle(wb);
    CHECK(wb.session().doc().find("fill_rate")->equation == "5");
    CHECK(wb.session().result()->finalValue("pool").value() == Approx(5 * span(wb)));
    // The next run (Run, or any other slider) keeps it: the slider followed the equation.
    wb.session().rerun();
    ui.settle(wb);
    CHECK(wb.session().result()->finalValue("pool").value() == Approx(5 * span(wb)));
    CHECK(input(wb, "fill_rate").value == 5);
    CHECK(input(wb, "fill_rate").base == 5);

    // With the slider untouched, too: 6 typed, and runs after it use 6.
    ui.typeInto(wb, "equation", "6");
    ui.click(wb, ui.centreOf("units"));
    ui.settle(wb);
    input(wb, "ratio").value = 0.5;  // another slider moves: a new run
    wb.session().inputsChanged();
    ui.settle(wb);
    CHECK(wb.session().result()->finalValue("pool").value() == Approx(6 * span(wb)));
    CHECK(wb.session().result()->finalValue("ratio").value() == Approx(0.5));
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
    CHECK(wb.session().doc().find("ratio")->equation == "pool / 2");
    ui.settle(wb);
    CHECK(wb.session().result()->finalValue("ratio").value() == Approx(2 * span(wb) / 2));

    // A stock's units, left by a click on another variable: the units stay with the stock.
    selectAndShow(ui, wb, "pool");
    ui.typeInto(wb, "units", "people");
    ui.click(wb, ui.screenOf(-100, -80));  // fill_rate's symbol
    CHECK(wb.isSelected("fill_rate"));
    CHECK(wb.session().doc().find("pool")->units == "people");
    CHECK(wb.session().doc().find("fill_rate")->units.empty());

    // A new name typed in Properties, left by a click on the diagram.
    ui.frame(wb);
    ui.typeInto(wb, "name", "rate_of_filling");
    ui.click(wb, emptyCanvas(ui, wb));
    CHECK(wb.session().doc().find("rate_of_filling"));
    CHECK(wb.session().doc().find("filling")->equation == "rate_of_filling");

    // The run's stop time (nothing selected: the specs), left by a click on a variable.
    ui.frame(wb);
    ui.typeInto(wb, "stop", "30");
    ui.click(wb, ui.screenOf(0, 0));  // pool
    CHECK(wb.isSelected("pool"));
    CHECK(wb.session().doc().project().specs.stop == 30);
    // Each edit is one undo step, as typing it and pressing Enter would be.
    CHECK(wb.session().doc().undo());
    CHECK(wb.session().doc().project().specs.stop != 30);
    CHECK(wb.session().doc().find("rate_of_filling"));
}

TEST_CASE("workbench: keys typed after a click that missed a field do not switch diagram tools",
          "[workbench][shortcuts][issue11]") {
    HeadlessUi ui;
    ui::Workbench wb;
    fillingModel(ui, wb);
    // Just opened, nothing clicked yet: the letters are the tools' keys.
    ui.type(wb, "s");
    CHECK(wb.tool == ui::Tool::Stock);
    ui.key(wb, test::kKeyEscape);
    CHECK(wb.tool == ui::Tool::Select);
    selectAndShow(ui, wb, "ratio");
    // The click lands on the properties panel below its fields, not in one.
    const auto eq = ui.fieldRect("equation");
    REQUIRE(eq);
    ui.click(wb, ImVec2((eq->x + eq->z) / 2, ImGui::GetIO().DisplaySize.y - 60));
    ui.type(wb, "stock");
    CHECK(wb.tool == ui::Tool::Select);
    CHECK(wb.session().doc().model().variables.size() == 4);
    CHECK(wb.session().doc().find("ratio")->equation == "1");
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
    const auto before = ui.fieldRect("units");
    REQUIRE(before);
    // A half-typed equation: the live check names the problem under the field.
    ui.typeInto(wb, "equation", "pool + ");
    ui.waitForCheck(wb);
    ui.frame(wb);
    bool named = false;
    for (const auto& d : wb.session().checkDiagnostics().items()) named |= d.where == "ratio";
    CHECK(named);
    const auto after = ui.fieldRect("units");
    REQUIRE(after);
    CHECK(after->y == before->y);
    CHECK(after->w == before->w);
    // And so a click aimed at Units while the message shows lands in Units.
    ui.click(wb, ui.centreOf("units"));
    ui.type(wb, "dmnl");
    ui.click(wb, emptyCanvas(ui, wb));
    CHECK(wb.session().doc().find("ratio")->units == "dmnl");
}
