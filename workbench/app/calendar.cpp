// Model time as dates, years, months and financial years. Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#include "workbench/app/calendar.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "solver/analysis/business_case.hpp"

namespace sdw::app {
namespace {

namespace ch = std::chrono;

ch::year_month_day toYmd(Date d) {
    return ch::year{d.year} / ch::month{static_cast<unsigned>(d.month)} /
           ch::day{static_cast<unsigned>(d.day)};
}

Date fromYmd(ch::year_month_day ymd) {
    return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

long daysBetween(Date a, Date b) {
    return (ch::sys_days{toYmd(b)} - ch::sys_days{toYmd(a)}).count();
}

Date addDays(Date d, long n) {
    return fromYmd(ch::year_month_day{ch::sys_days{toYmd(d)} + ch::days{n}});
}

// `months` calendar months after d, the day clamped to the month's last (31 Jan + 1 month = 28 Feb).
Date addMonths(Date d, long months) {
    const auto ym = ch::year{d.year} / ch::month{static_cast<unsigned>(d.month)} + ch::months{months};
    const int last = static_cast<int>(static_cast<unsigned>((ym / ch::last).day()));
    return {static_cast<int>(ym.year()), static_cast<int>(static_cast<unsigned>(ym.month())),
            d.day < last ? d.day : last};
}

int daysInMonth(Date d) {
    return static_cast<int>(static_cast<unsigned>(
        (ch::year{d.year} / ch::month{static_cast<unsigned>(d.month)} / ch::last).day()));
}

}  // namespace

const char* monthName(int month) {
    static const char* names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return month >= 1 && month <= 12 ? names[month - 1] : "?";
}

std::optional<Date> parseDate(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
    const Date d{std::stoi(s.substr(0, 4)), std::stoi(s.substr(5, 2)), std::stoi(s.substr(8, 2))};
    if (!toYmd(d).ok()) return std::nullopt;
    return d;
}

int financialYearOf(Date d) {
    return d.month >= 4 ? d.year : d.year - 1;
}

std::string financialYearLabel(int startYear) {
    const int next = (startYear + 1) % 100;
    return std::to_string(startYear) + "/" + (next < 10 ? "0" : "") + std::to_string(next);
}

std::optional<Calendar> Calendar::of(const model::SimSpecs& specs) {
    const auto start = parseDate(specs.calendarStart);
    const double perYear = analysis::timeUnitsPerYear(specs.timeUnits);
    if (!start || perYear <= 0) return std::nullopt;
    return Calendar(*start, specs.start, perYear);
}

Calendar::Calendar(Date start, double startTime, double unitsPerYear)
    : m_start(start), m_startTime(startTime), m_unitsPerYear(unitsPerYear) {
    // 12 a year: months; 4: quarters; 1: years. Anything else (weeks, days) counts in days.
    for (double n : {12.0, 4.0, 1.0})
        if (std::fabs(unitsPerYear - n) < 1e-9) m_monthsPerUnit = 12 / n;
}

Date Calendar::dateAt(double t) const {
    const double units = t - m_startTime;
    if (m_monthsPerUnit > 0) {
        const double months = units * m_monthsPerUnit;
        const long whole = static_cast<long>(std::floor(months + 1e-9));
        const Date base = addMonths(m_start, whole);
        return addDays(base, std::lround((months - static_cast<double>(whole)) * daysInMonth(base)));
    }
    return addDays(m_start, std::lround(units * 365.25 / m_unitsPerYear));
}

double Calendar::timeAt(Date d) const {
    if (m_monthsPerUnit > 0) {
        const long whole =
            (d.year - m_start.year) * 12L + (d.month - m_start.month) - (d.day < m_start.day ? 1 : 0);
        const Date base = addMonths(m_start, whole);
        const double months =
            static_cast<double>(whole) + static_cast<double>(daysBetween(base, d)) / daysInMonth(base);
        return m_startTime + months / m_monthsPerUnit;
    }
    return m_startTime + static_cast<double>(daysBetween(m_start, d)) * m_unitsPerYear / 365.25;
}

std::string Calendar::year(double t) const {
    return std::to_string(dateAt(t).year);
}

std::string Calendar::month(double t) const {
    const Date d = dateAt(t);
    return std::string(monthName(d.month)) + " " + std::to_string(d.year);
}

std::string Calendar::day(double t) const {
    const Date d = dateAt(t);
    return std::to_string(d.day) + " " + month(t);
}

std::string Calendar::financialYear(double t) const {
    return financialYearLabel(financialYearOf(dateAt(t)));
}

std::string Calendar::label(double t, double span) const {
    return span >= 2 * m_unitsPerYear ? month(t) : day(t);
}

std::vector<std::pair<double, std::string>> Calendar::ticks(double t0, double t1, int target) const {
    std::vector<std::pair<double, std::string>> out;
    const double years = (t1 - t0) / m_unitsPerYear;
    const Date a = dateAt(t0), b = dateAt(t1);
    const auto add = [&](Date d, std::string label) {
        const double t = timeAt(d);
        if (t >= t0 - 1e-9 && t <= t1 + 1e-9) out.emplace_back(t, std::move(label));
    };
    target = std::max(1, target);
    if (years >= 2) {
        int step = 1;
        for (int s : {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000}) {
            step = s;
            if (years / s <= target) break;
        }
        for (int y = a.year; y <= b.year; ++y)
            if (y % step == 0) add({y, 1, 1}, std::to_string(y));
        return out;
    }
    int step = 1;
    for (int s : {1, 2, 3, 6, 12}) {
        step = s;
        if (years * 12 / s <= target) break;
    }
    for (long m = a.year * 12L + a.month - 1; m <= b.year * 12L + b.month - 1; ++m) {
        const Date d{static_cast<int>(m / 12), static_cast<int>(m % 12) + 1, 1};
        if ((d.month - 1) % step == 0) add(d, std::string(monthName(d.month)) + " " + std::to_string(d.year));
    }
    return out;
}

}  // namespace sdw::app
