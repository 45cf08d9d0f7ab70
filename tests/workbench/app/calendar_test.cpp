// Model time as dates, years and financial years (workbench/app/calendar). Day counts are worked by hand:
// 2025-2034 hold two leap days (2028, 2032), so 1 Jan 2035 is 3,652 days after 1 Jan 2025.
// Layer: tests/workbench/app.
#include "workbench/app/calendar.hpp"

#include <catch2/catch.hpp>

using namespace sdw;
using app::Date;

namespace {
app::Calendar county() {
    model::SimSpecs s;
    s.start = 0;
    s.stop = 522;
    s.timeUnits = "weeks";
    s.calendarStart = "2025-01-01";
    auto c = app::Calendar::of(s);
    REQUIRE(c);
    return *c;
}
}  // namespace

TEST_CASE("calendar: dates and financial years by hand", "[workbench][calendar]") {
    CHECK(app::parseDate("2024-02-29") == Date{2024, 2, 29});
    CHECK_FALSE(app::parseDate("2025-02-29"));
    CHECK_FALSE(app::parseDate("2025-1-01"));
    CHECK(app::financialYearOf({2031, 3, 15}) == 2030);
    CHECK(app::financialYearOf({2031, 4, 1}) == 2031);
    CHECK(app::financialYearLabel(2030) == "2030/31");
    CHECK(app::financialYearLabel(1999) == "1999/00");
}

TEST_CASE("calendar: a model in weeks from 1 January 2025", "[workbench][calendar]") {
    const auto c = county();
    CHECK(c.dateAt(0) == Date{2025, 1, 1});
    CHECK(c.dateAt(52) == Date{2025, 12, 31});  // 364 days
    CHECK(c.dateAt(522) == Date{2035, 1, 3});   // 3,654 days: two after 1 Jan 2035
    CHECK(c.year(522) == "2035");
    CHECK(c.month(322) == "Mar 2031");  // 2,254 days: 1 Mar 2031 is day 2,250 (one leap day, 2028)
    CHECK(c.day(322) == "5 Mar 2031");
    CHECK(c.financialYear(322) == "2030/31");
    CHECK(c.financialYear(326) == "2031/32");             // 2,282 days: 2 Apr 2031
    CHECK(c.timeAt({2030, 1, 1}) == Approx(1826.0 / 7));  // five years, one leap day
    CHECK(c.label(100, 522) == "Dec 2026");               // 700 days: 1 Dec 2026 is day 699
    CHECK(c.label(100, 52) == "2 Dec 2026");
}

TEST_CASE("calendar: time axes tick at years or months", "[workbench][calendar]") {
    const auto c = county();
    // ten years on about six ticks: every other year; 1 Jan 2026 is 365 days in (week 52.14)
    const auto years = c.ticks(0, 522, 6);
    REQUIRE(years.size() == 5);
    CHECK(years.front().first == Approx(365.0 / 7));
    CHECK(years.front().second == "2026");
    CHECK(years.back().second == "2034");
    // half a year (26 weeks, to 2 Jul 2025) on about four ticks: every other month from January
    const auto months = c.ticks(0, 26, 4);
    REQUIRE(months.size() == 4);
    CHECK(months[0].second == "Jan 2025");
    CHECK(months[1].second == "Mar 2025");
    CHECK(months[1].first == Approx(59.0 / 7));
    CHECK(months[3].second == "Jul 2025");
}

TEST_CASE("calendar: models in months and years count calendar months", "[workbench][calendar]") {
    model::SimSpecs s;
    s.timeUnits = "months";
    s.calendarStart = "2024-01-31";
    auto c = app::Calendar::of(s);
    REQUIRE(c);
    CHECK(c->dateAt(1) == Date{2024, 2, 29});  // the day clamped to a leap February
    CHECK(c->dateAt(13) == Date{2025, 2, 28});
    s.calendarStart = "2030-04-01";
    c = app::Calendar::of(s);
    CHECK(c->dateAt(0.5) == Date{2030, 4, 16});  // half of April's 30 days
    CHECK(c->timeAt({2031, 4, 1}) == Approx(12));
    s.timeUnits = "years";
    s.start = 2030;
    c = app::Calendar::of(s);
    CHECK(c->dateAt(2035) == Date{2035, 4, 1});
    CHECK(c->financialYear(2035) == "2035/36");
}

TEST_CASE("calendar: none without a start date or a countable time unit", "[workbench][calendar]") {
    model::SimSpecs s;
    s.timeUnits = "weeks";
    CHECK_FALSE(app::Calendar::of(s));
    s.calendarStart = "2025-01-01";
    s.timeUnits = "furlongs";
    CHECK_FALSE(app::Calendar::of(s));
}
