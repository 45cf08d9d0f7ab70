// Values with their units as people read them. Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#include "workbench/app/quantity.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <vector>

#include "workbench/app/format.hpp"

namespace sdw::app {
namespace {

const std::string kPound = "\xc2\xa3";  // £ in UTF-8

std::string lower(std::string s) {
    std::string out;
    for (char c : s)
        if (!std::isspace(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(c));
    return out;
}

// Pounds a unit of money is worth: GBP 1, GBPm a million; 0 when the text is not money.
double poundsPerUnit(const std::string& u) {
    if (u == "gbp" || u == kPound || u == "pounds" || u == "pound") return 1;
    if (u == "gbpk" || u == kPound + "k") return 1e3;
    if (u == "gbpm" || u == kPound + "m") return 1e6;
    if (u == "gbpbn" || u == kPound + "bn") return 1e9;
    return 0;
}

// "year" for "years", "yr", ...; "" when the text is not a time unit.
std::string timeWord(const std::string& u) {
    if (u == "year" || u == "years" || u == "yr" || u == "yrs") return "year";
    if (u == "week" || u == "weeks" || u == "wk" || u == "wks") return "week";
    if (u == "month" || u == "months") return "month";
    if (u == "day" || u == "days") return "day";
    if (u == "quarter" || u == "quarters") return "quarter";
    return "";
}

bool isPeople(const std::string& u) {
    return u == "people" || u == "person" || u == "persons";
}

// Splits at the first '/' outside brackets: "GBP/(people*week)" -> "GBP", "people*week".
void splitUnits(const std::string& u, std::string& top, std::string& below) {
    int depth = 0;
    for (size_t i = 0; i < u.size(); ++i) {
        if (u[i] == '(') ++depth;
        if (u[i] == ')') --depth;
        if (u[i] == '/' && depth == 0) {
            top = u.substr(0, i);
            below = u.substr(i + 1);
            if (below.size() > 1 && below.front() == '(' && below.back() == ')')
                below = below.substr(1, below.size() - 2);
            return;
        }
    }
    top = u;
    below.clear();
}

// " per person a week" for "people*week"; "" for nothing below the line; nullopt-like "?" when some factor
// is not understood (the caller then shows the units as written).
std::string perText(const std::string& below, bool& understood) {
    understood = true;
    if (below.empty()) return "";
    std::string per, time, part;
    std::vector<std::string> parts;
    for (char c : below + "*") {
        if (c == '*') {
            parts.push_back(part);
            part.clear();
        } else {
            part += c;
        }
    }
    for (const auto& p : parts) {
        if (!timeWord(p).empty() && time.empty())
            time = " a " + timeWord(p);
        else if (isPeople(p))
            per += " per person";
        else if (p == "hour" || p == "hours")
            per += " per hour";
        else
            understood = false;
    }
    return per + time;
}

std::string scaled(double a, double scale, const char* suffix) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f%s", a / scale, suffix);
    return buf;
}

}  // namespace

std::string money(double pounds, bool sign) {
    if (!std::isfinite(pounds)) return readableNumber(pounds, sign);
    const double a = std::fabs(pounds);
    // Round first, so that £999,960 reads "£1.0m", not "£1000.0k".
    std::string digits;
    if (std::round(a / 1e8) >= 10)
        digits = scaled(a, 1e9, "bn");
    else if (std::round(a / 1e5) >= 10)
        digits = scaled(a, 1e6, "m");
    else if (std::round(a) >= 1e4)
        digits = scaled(a, 1e3, "k");
    else if (a < 100 && std::fabs(a - std::round(a)) >= 0.005) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", a);
        digits = buf;
    } else {
        digits = readableNumber(std::round(a));
        if (std::round(a) >= 1000) {  // readableNumber groups from 10,000: money groups from 1,000
            digits.insert(digits.size() - 3, ",");
        }
    }
    const bool zero = digits.find_first_not_of("0.,") == std::string::npos;
    const std::string s = zero ? "" : pounds < 0 ? "-" : sign ? "+" : "";
    return s + kPound + digits;
}

std::string percentChange(double change, double baseline) {
    if (std::fabs(baseline) < 1e-12 || !std::isfinite(change)) return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, "(%+.1f%%)", change / std::fabs(baseline) * 100);
    std::string s = buf;
    if (s == "(-0.0%)" || s == "(+0.0%)") s = "(0.0%)";
    return s;
}

double moneyScale(const std::string& units) {
    std::string top, below;
    splitUnits(lower(units), top, below);
    return poundsPerUnit(top);
}

bool isMoney(const std::string& units) {
    return moneyScale(units) > 0;
}

std::string withUnits(double v, const std::string& units, bool sign) {
    std::string top, below;
    const std::string u = lower(units);
    splitUnits(u, top, below);
    bool understood = true;
    const std::string per = perText(below, understood);
    if (!understood) return readableNumber(v, sign) + " " + units;
    if (const double scale = poundsPerUnit(top); scale > 0) return money(v * scale, sign) + per;
    if (top.empty() || top == "1" || top == "dmnl" || top == "dimensionless" || top == "unitless")
        return readableNumber(v, sign) + per;
    if (isPeople(top)) return readableNumber(v, sign) + " people" + per;
    return readableNumber(v, sign) + " " + (below.empty() ? units : top) + per;
}

std::string changeWithUnits(double change, double baseline, const std::string& units) {
    const std::string pct = percentChange(change, baseline);
    return withUnits(change, units, true) + (pct.empty() ? "" : " " + pct);
}

size_t displayWidth(const std::string& text) {
    return static_cast<size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string padLeft(const std::string& text, size_t width) {
    const size_t w = displayWidth(text);
    return w >= width ? text : std::string(width - w, ' ') + text;
}

std::string padRight(const std::string& text, size_t width) {
    const size_t w = displayWidth(text);
    return w >= width ? text : text + std::string(width - w, ' ');
}

}  // namespace sdw::app
