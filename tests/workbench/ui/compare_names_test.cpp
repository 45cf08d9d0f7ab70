// The comparison as a strategy lead reads it: a long run name or outcome name is never cut off; each wraps
// within its column. Checked on the size each name was given against what its whole text needs at its
// column's width. Layer: tests/workbench/ui.
#include <catch2/catch.hpp>

#include "tests/workbench/ui/headless_ui.hpp"
#include "workbench/ui/panels/panels.hpp"

using namespace sdw;

TEST_CASE("compare: long run and outcome names wrap in their columns, never cut off",
          "[workbench][gui][compare]") {
    test::HeadlessUi ui;
    ui::Workbench wb;
    ui.openCounty(wb);
    auto& s = wb.session();
    const std::string longName = "Reablement done right, with the winter grant kept and trusted assessors";
    s.keepRun("Baseline");
    auto& in = s.inputs().front();
    in.value = in.min + (in.max - in.min) * 0.75;
    s.inputsChanged();
    ui.settle(wb);
    s.keepRun(longName);
    wb.showPanel<ui::ComparePanel>();
    ui.frame(wb);
    ui.frame(wb);
    const auto& cells = wb.panel<ui::ComparePanel>().cells();
    bool sawLong = false, sawWrapped = false;
    for (const auto& c : cells) {
        INFO(c.text << " in " << c.width << " px");
        const ImVec2 need = ImGui::CalcTextSize(c.text.c_str(), nullptr, false, c.width);
        CHECK(c.size.y >= need.y - 0.5f);  // room for every line of it
        CHECK(c.size.x <= c.width + 1);    // and none of it past the column's edge
        sawLong = sawLong || c.text == longName;
        sawWrapped = sawWrapped || c.size.y > ImGui::GetTextLineHeight() * 1.5f;
    }
    CHECK(sawLong);     // the kept run's whole name is the column's header
    CHECK(sawWrapped);  // and some name did need more than one line
}
