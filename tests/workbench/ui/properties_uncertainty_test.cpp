// Properties > Uncertainty driven with the pointer and keyboard: a constant's distribution typed and Set is
// saved in the model, a wrong one is refused with the reason and changes nothing, Ctrl+Z undoes a set.
// Layer: tests/workbench.
#include <catch2/catch.hpp>

#include "tests/workbench/decay_model.hpp"
#include "tests/workbench/ui/headless_ui.hpp"

using namespace sdw;
using test::HeadlessUi;

TEST_CASE("properties: a constant's distribution is set, refused when wrong, undone",
          "[workbench][distribution]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.open(wb, test::decayModelFile("sdw_ui_properties_uncertainty.xmile"));
    wb.select("k");
    for (int i = 0; i < 3; ++i) ui.frame(wb);
    ui.click(wb, ui.centreOf("uncertainty"));  // open the section
    ui.frame(wb);
    const auto& props = wb.panel<ui::PropertiesPanel>();
    const auto& doc = wb.session().doc();
    ui.typeInto(wb, "distribution", "triangular(0.1,0.5,0.4)");
    ui.click(wb, ui.centreOf("uncertainty set"));
    CHECK(props.uncertaintyRefusal() == "triangular(lo,mode,hi) needs lo <= mode <= hi");
    CHECK(doc.find("k")->uncertainty->distribution == "triangular(0.1,0.2,0.4)");  // unchanged
    ui.typeInto(wb, "distribution", "normal(0.25,0.05)");
    ui.typeInto(wb, "uncertainty min", "0.15");
    ui.click(wb, ui.centreOf("uncertainty set"));
    CHECK(props.uncertaintyRefusal().empty());
    REQUIRE(doc.find("k")->uncertainty);
    CHECK(doc.find("k")->uncertainty->distribution == "normal(0.25,0.05)");
    CHECK(doc.find("k")->uncertainty->min == 0.15);
    CHECK(doc.find("k")->uncertainty->max == 0.4);
    ui.click(wb, ImVec2(5, 995));  // off the fields, so Ctrl+Z goes to the model, not a text box
    ui.key(wb, 'Z', true);
    CHECK(doc.find("k")->uncertainty->distribution == "triangular(0.1,0.2,0.4)");
    CHECK(doc.find("k")->uncertainty->min == 0.1);
}
