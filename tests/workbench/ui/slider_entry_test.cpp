// Exact slider values, typed as a Stella or Vensim user types them: the box beside a constant's slider takes
// a number in the slider's range on Enter (and re-runs), refuses anything else with the reason, and leaves
// the value as it was. Layer: tests/workbench/ui.
#include <catch2/catch.hpp>

#include "tests/workbench/ui/headless_ui.hpp"
#include "workbench/app/format.hpp"
#include "workbench/ui/panels/panels.hpp"

using namespace sdw;

namespace {

void typeInBox(test::HeadlessUi& ui, ui::Workbench& wb, const std::string& input, const std::string& text) {
    const auto box = wb.panel<ui::ConstantsPanel>().valueBox(input);
    REQUIRE(box);
    ui.typeIntoBox(wb, *box, text);
}

}  // namespace

TEST_CASE("slider entry: a typed value in range is taken and runs; out of range or not a number is refused",
          "[workbench][gui][sliders]") {
    test::HeadlessUi ui;
    ui::Workbench wb;
    ui.openCounty(wb);
    wb.showPanel<ui::ConstantsPanel>();
    ui.frame(wb);
    ui.frame(wb);
    auto& s = wb.session();
    REQUIRE_FALSE(s.inputs().empty());
    const auto in = s.inputs().front();
    const double inside = in.min + (in.max - in.min) / 4;
    const auto before = s.result();
    typeInBox(ui, wb, in.name, app::readableNumber(inside));
    CHECK(s.inputs().front().value == Approx(inside).epsilon(1e-3));
    CHECK(wb.panel<ui::ConstantsPanel>().refusal(in.name).empty());
    ui.settle(wb);
    CHECK(s.result() != before);  // a new run with the value typed

    const double outside = in.max + (in.max - in.min) + 1;
    typeInBox(ui, wb, in.name, app::readableNumber(outside));
    CHECK(s.inputs().front().value == Approx(inside).epsilon(1e-3));  // unchanged
    const std::string why = wb.panel<ui::ConstantsPanel>().refusal(in.name);
    INFO(why);
    CHECK(why.find("outside") != std::string::npos);
    CHECK(why.find("not taken") != std::string::npos);

    typeInBox(ui, wb, in.name, "lots");
    CHECK(wb.panel<ui::ConstantsPanel>().refusal(in.name) == "'lots' is not a number");
    CHECK(s.inputs().front().value == Approx(inside).epsilon(1e-3));
}
