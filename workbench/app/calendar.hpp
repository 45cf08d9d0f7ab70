// Model time as people read it: the calendar date at a model time (from the model's <sdw:calendar start>),
// years ("2035"), months ("Mar 2031") and UK financial years ("2030/31", April to March, as councils budget).
// Layer: workbench/app. Depends on solver/model and the standard library; no ImGui, GLFW, GL or Lua.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "solver/model/model.hpp"

namespace sdw::app {

struct Date {
    int year = 1970, month = 1, day = 1;
    bool operator==(const Date&) const = default;
};

// "2025-01-01" -> the date; nullopt unless it is a real day written YYYY-MM-DD.
std::optional<Date> parseDate(const std::string& iso);
// The financial year a date falls in, by the year it starts: 15 Mar 2031 -> 2030, 1 Apr 2031 -> 2031.
int financialYearOf(Date d);
// "2030/31" for the year starting April 2030; "1999/00" for April 1999.
std::string financialYearLabel(int startYear);

class Calendar {
  public:
    // The calendar of a model: its start date and how many time units make a year. Models in months,
    // quarters or years count in calendar months; weeks and days count in days (a week is 7 days). nullopt
    // when the model gives no start date or a time unit sdw cannot count years in.
    static std::optional<Calendar> of(const model::SimSpecs& specs);
    Calendar(Date start, double startTime, double unitsPerYear);

    Date dateAt(double t) const;
    // The model time of the start of a day (inverse of dateAt for whole days).
    double timeAt(Date d) const;
    double unitsPerYear() const { return m_unitsPerYear; }

    std::string year(double t) const;           // "2035"
    std::string month(double t) const;          // "Mar 2031"
    std::string day(double t) const;            // "3 Mar 2031"
    std::string financialYear(double t) const;  // "2030/31"
    // The label for the time cursor or a table row, precise enough for a run of `span` time units: a month
    // over runs of two years or more, else a day.
    std::string label(double t, double span) const;
    // Ticks for a time axis over [t0, t1], at most about `target`: the starts of years ("2027") every 1, 2,
    // 5, 10... years over runs of two years or more, else the starts of months ("Mar 2031") every 1, 2, 3
    // or 6.
    std::vector<std::pair<double, std::string>> ticks(double t0, double t1, int target) const;

  private:
    Date m_start;
    double m_startTime = 0, m_unitsPerYear = 1;
    double m_monthsPerUnit = 0;  // > 0 for models in months, quarters or years
};

// Three-letter English month name, 1..12.
const char* monthName(int month);

}  // namespace sdw::app
