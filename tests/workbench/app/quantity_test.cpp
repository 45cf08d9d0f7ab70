// Values with their units as a strategy lead reads them (workbench/app/quantity): money in pounds with
// k/m/bn, people and rates with their units, changes with percentages, never scientific notation. Expected
// strings are written out by hand. Layer: tests/workbench/app.
#include "workbench/app/quantity.hpp"

#include <catch2/catch.hpp>

#include "workbench/app/format.hpp"

using namespace sdw;

TEST_CASE("quantity: money reads in pounds with k, m and bn", "[workbench][format]") {
    CHECK(app::money(272.1e6) ==
          "\xc2\xa3"
          "272.1m");
    CHECK(app::money(272'149'000) ==
          "\xc2\xa3"
          "272.1m");
    CHECK(app::money(-19.2e6) ==
          "-\xc2\xa3"
          "19.2m");
    CHECK(app::money(1.234e9) ==
          "\xc2\xa3"
          "1.2bn");
    CHECK(app::money(999'960) ==
          "\xc2\xa3"
          "1.0m");  // not "£1000.0k"
    CHECK(app::money(12'345) ==
          "\xc2\xa3"
          "12.3k");
    CHECK(app::money(1243) ==
          "\xc2\xa3"
          "1,243");
    CHECK(app::money(650) ==
          "\xc2\xa3"
          "650");
    CHECK(app::money(17.48) ==
          "\xc2\xa3"
          "17.48");
    CHECK(app::money(5000, true) ==
          "+\xc2\xa3"
          "5,000");
    CHECK(app::money(-0.001, true) ==
          "\xc2\xa3"
          "0");
}

TEST_CASE("quantity: values carry their units", "[workbench][format]") {
    CHECK(app::withUnits(272.1, "GBPm/year") ==
          "\xc2\xa3"
          "272.1m a year");
    CHECK(app::withUnits(650, "GBP/(people*week)") ==
          "\xc2\xa3"
          "650 per person a week");
    CHECK(app::withUnits(17.48, "GBP/hours") ==
          "\xc2\xa3"
          "17.48 per hour");
    CHECK(app::withUnits(12345, "people") == "12,345 people");
    CHECK(app::withUnits(120, "people/week") == "120 people a week");
    CHECK(app::withUnits(0.12, "1/year") == "0.12 a year");
    CHECK(app::withUnits(0.27, "dmnl") == "0.27");
    CHECK(app::withUnits(3, "weeks") == "3 weeks");
    CHECK(app::withUnits(2, "furlongs/fortnight") == "2 furlongs/fortnight");
    CHECK(app::isMoney("GBPm/year"));
    CHECK_FALSE(app::isMoney("people"));
}

TEST_CASE("quantity: changes read with their sign and percentage", "[workbench][format]") {
    // 19.2 / 290.9 = 6.60%
    CHECK(app::changeWithUnits(-19.2, 290.9, "GBPm") ==
          "-\xc2\xa3"
          "19.2m (-6.6%)");
    CHECK(app::changeWithUnits(310, 15500, "people") == "+310 people (+2.0%)");
    CHECK(app::changeWithUnits(5, 0, "people") == "+5 people");
    CHECK(app::percentChange(-0.0001, 1000) == "(0.0%)");
}

TEST_CASE("format: never scientific notation", "[workbench][format]") {
    CHECK(app::readableNumber(0.00001234) == "0.00001234");
    CHECK(app::readableNumber(1e15) == "1,000,000,000,000,000");
    CHECK(app::readableNumber(-0.00004, true) == "-0.00004");
    CHECK(app::tickLabel(1.5e12) == "1500B");
    CHECK(app::compactNumber(0.00001) == "0.00001");
}

TEST_CASE("quantity: columns line up with pound signs", "[workbench][format]") {
    CHECK(app::displayWidth("\xc2\xa3"
                            "12") == 3);
    CHECK(app::padLeft("\xc2\xa3"
                       "1",
                       4) ==
          "  \xc2\xa3"
          "1");
    CHECK(app::padRight("ab", 3) == "ab ");
}
