// A value at a time as the Properties panel reads it: the date and the units, never "t = 313.2: 435000".
// Dates worked by hand. Layer: tests/workbench/app.
#include <catch2/catch.hpp>
#include <cmath>

#include "workbench/app/comparison.hpp"

using namespace sdw;

TEST_CASE("value line: the date with the model time, the value with its units", "[format][calendar]") {
    model::SimSpecs specs;
    specs.timeUnits = "weeks";
    specs.calendarStart = "2025-01-01";
    // week 313.2 = 2,192.4 days; 1 Jan 2025 to 1 Jan 2031 is 365 * 5 + 366 (2028) = 2,191 days: 2 Jan 2031
    CHECK(app::describeValueAt(specs, 313.2, 435000, "people") ==
          "Value on 2 Jan 2031 (week 313.2): 435,000 people");
    CHECK(app::describeValueAt(specs, 0, 272.1e6, "GBP") ==
          "Value on 1 Jan 2025 (week 0): \xc2\xa3"
          "272.1m");
    CHECK(app::describeValueAt(specs, 1, std::nan(""), "people") ==
          "Value on 8 Jan 2025 (week 1): none (NaN)");
    specs.calendarStart.clear();
    CHECK(app::describeValueAt(specs, 313.2, 435000, "people") == "Value at week 313.2: 435,000 people");
}
