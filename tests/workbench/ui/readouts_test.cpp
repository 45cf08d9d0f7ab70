// What the workbench reads out about time and values, checked where a user sees them: the Properties value
// line in the date and the units (not "Value at t = 313.2: 435000 people"), and the time scrubber's date
// beside the slider, where the knob cannot cover it. Layer: tests/workbench/ui.
#include <catch2/catch.hpp>

#include "tests/workbench/ui/headless_ui.hpp"
#include "workbench/app/comparison.hpp"

using namespace sdw;

TEST_CASE("readouts: the Properties value line reads as a date and in the variable's units",
          "[workbench][gui][format]") {
    test::HeadlessUi ui;
    ui::Workbench wb;
    ui.openCounty(wb);
    wb.select("people_65_84");
    wb.session().playback().time = 313.2;
    ui.frame(wb);
    ui.frame(wb);
    const std::string line = wb.panel<ui::PropertiesPanel>().valueShown();
    INFO(line);
    // the county model starts on 1 Jan 2025 and runs in weeks: week 313.2 is 2 Jan 2031 (2,192.4 days on)
    CHECK(line.rfind("Value on 2 Jan 2031 (week 313.2): ", 0) == 0);
    CHECK(line.substr(line.size() - 7) == " people");
    CHECK(line.find(',') != std::string::npos);  // thousands separated
    CHECK(line.find("t =") == std::string::npos);
    CHECK(line.find("e+") == std::string::npos);
}

TEST_CASE("readouts: the scrubber's date sits beside its slider, never under the knob", "[workbench][gui]") {
    test::HeadlessUi ui;
    ui::Workbench wb;
    ui.openCounty(wb);
    for (double t : {0.0, 261.0, 520.0}) {
        wb.session().playback().time = t;
        ui.frame(wb);
        const auto& cs = ui.canvas();
        CHECK(cs.scrubberText == app::describeTime(wb.session().doc().project().specs, t));
        CHECK(cs.scrubberSlider.z > cs.scrubberSlider.x);
        CHECK(cs.scrubberLabel.x >= cs.scrubberSlider.z);  // the label starts right of the slider's end
    }
}
