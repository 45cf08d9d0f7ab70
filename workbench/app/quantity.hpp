// Values with their units as a strategy lead reads them: money as pounds with k/m/bn ("£272.1m"), people
// and rates with their units ("1,234 people a week"), changes with their percentage ("-£19.2m (-6.6%)").
// Negative values carry a plain hyphen everywhere (terminals, CSV viewers and the workbench's font alike);
// nothing is ever printed in scientific notation. Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#pragma once

#include <string>

namespace sdw::app {

// Pounds: "£1.2bn", "£272.1m", "£12.3k" from £10,000 up, "£1,243", "£650", "£17.48"; `sign` writes + on
// positive values (changes).
std::string money(double pounds, bool sign = false);
// A value in the model's units: money when the units are GBP, GBPk, GBPm, GBPbn or £ (a time unit below
// the line reads "a year", "a week"; people "per person"); a count with its noun ("12,345 people"); a plain
// number for dimensionless units ("dmnl", "1", none); else the number and the units as written.
std::string withUnits(double v, const std::string& units, bool sign = false);
// A change against a baseline: the signed change in its units and, when the baseline is not zero, the
// percentage: "-£19.2m (-6.6%)", "+310 people (+2.0%)".
std::string changeWithUnits(double change, double baseline, const std::string& units);
// "(+6.6%)" style percentage of a change; "" when the baseline is zero.
std::string percentChange(double change, double baseline);
// Pounds one unit is worth when the units are money (GBP 1, GBPm 1,000,000, with or without a time below
// the line); 0 for anything else.
double moneyScale(const std::string& units);
// True when the units are money (GBP and its multiples, £), with or without a time below the line.
bool isMoney(const std::string& units);

// Width of UTF-8 text in characters (for lining up columns holding "£"), and padding to a width.
size_t displayWidth(const std::string& text);
std::string padLeft(const std::string& text, size_t width);
std::string padRight(const std::string& text, size_t width);

}  // namespace sdw::app
