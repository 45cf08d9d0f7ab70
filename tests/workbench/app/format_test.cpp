// Numbers and names as people read them (workbench/app/format): the CLI's reports and the workbench's
// panels print through these. Expected strings are written out by hand. Layer: tests/workbench/app.
#include "workbench/app/format.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <string>

using namespace sdw;

TEST_CASE("format: names read with spaces", "[workbench][format]") {
    CHECK(app::displayName("people_in_home_care") == "people in home care");
    CHECK(app::displayName("Time") == "Time");
}

TEST_CASE("format: a count takes its noun's plural except for one (the status bar said '1 errors')",
          "[workbench][format]") {
    CHECK(app::counted(1, "error") == "1 error");
    CHECK(app::counted(0, "error") == "0 errors");
    CHECK(app::counted(12, "variable") == "12 variables");
}

TEST_CASE("format: report numbers group thousands from 10,000 up, else four significant figures",
          "[workbench][format]") {
    CHECK(app::readableNumber(184660) == "184,660");
    CHECK(app::readableNumber(-1234567) == "-1,234,567");
    CHECK(app::readableNumber(9999) == "9999");
    CHECK(app::readableNumber(0.25) == "0.25");
    CHECK(app::readableNumber(12.3456) == "12.35");
    CHECK(app::readableNumber(25300, true) == "+25,300");
    CHECK(app::readableNumber(-19.2, true) == "-19.2");
    CHECK(app::readableNumber(3, true) == "+3");
    CHECK(app::readableNumber(std::nan("")) == "nan");
}

TEST_CASE("format: axis ticks and diagram values stay short", "[workbench][format]") {
    CHECK(app::tickLabel(0) == "0");
    CHECK(app::tickLabel(2500) == "2500");
    CHECK(app::tickLabel(150000) == "150k");
    CHECK(app::tickLabel(2500000) == "2.5M");
    CHECK(app::tickLabel(3.2e9) == "3.2B");
    CHECK(app::compactNumber(425431) == "425.4k");
    CHECK(app::compactNumber(1250000) == "1.25M");
    CHECK(app::compactNumber(512.4) == "512");
    CHECK(app::compactNumber(0.05) == "0.05");
    CHECK(app::compactNumber(3e-9) == "0");  // round-off next to an empty stock
    CHECK(app::compactNumber(std::nan("")) == "n/a");
}

TEST_CASE("format: sliders show whole numbers once their range reaches 1,000", "[workbench][format]") {
    CHECK(std::string(app::sliderFormat(0, 2000)) == "%.0f");
    CHECK(std::string(app::sliderFormat(-1500, 0)) == "%.0f");
    CHECK(std::string(app::sliderFormat(0, 1)) == "%.4g");
}
