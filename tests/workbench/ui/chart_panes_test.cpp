// A chart of many units: each unit gets a pane at a readable height; the panes that do not fit are named in
// the last one's title instead of all being drawn too small to show a line (six units drew six blank boxes).
#include <catch2/catch.hpp>
#include <cmath>

#include "tests/workbench/ui/headless_ui.hpp"
#include "workbench/ui/panels/charts_panel.hpp"

using namespace sdw;

TEST_CASE("charts: six units in one chart draw readable panes, not six blank ones",
          "[workbench][gui][charts]") {
    test::HeadlessUi ui;
    ui::Workbench wb;
    ui.openCounty(wb);
    auto& s = wb.session();
    // Six units: £ a week, people, people a year, people*days a year, a dimensionless index, requests a week.
    s.charts()[0].vars = {"council_spend",    "people_65_84", "care_home_admissions_per_year",
                          "delayed_bed_days", "carer_strain", "requests_for_support"};
    ui.settle(wb);
    ui.frame(wb);
    ui.frame(wb);
    const auto& drawn = wb.panel<ui::ChartsPanel>().drawnUntil(0);
    size_t lines = 0;
    for (const auto& [label, last] : drawn) lines += std::isnan(last) ? 0 : 1;
    INFO("lines drawn: " << lines << " of " << drawn.size());
    CHECK(lines >= 1);             // the panes that fit each draw their line
    CHECK(drawn.size() == lines);  // what is recorded is drawn: a pane left out is named, not drawn blank
}
