// Numbers and names as people read them, written once for every face of sdw: the CLI's reports and the
// workbench's panels, charts and diagram. Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#pragma once

#include <cstddef>
#include <string>

namespace sdw::app {

// A variable's name as a person reads it: "waiting_list" -> "waiting list".
std::string displayName(const std::string& name);
// A count with its noun, singular for one: "1 error", "0 errors", "12 variables" (nouns that add -s).
std::string counted(size_t n, const std::string& noun);
// A number as a report would print it: whole numbers with thousands separators from 10,000 up (184,660, not
// 1.8466e+05), else four significant figures; `sign` writes + on positive values (differences).
std::string readableNumber(double v, bool sign = false);
// A chart axis label: 1.2k, 3.4M, 5.6B, else four significant figures.
std::string tickLabel(double v);
// A value in a small box (a stock on the diagram): 1.25M, 12.3k, 512, 0.05; 0 for solver round-off next to an
// empty stock; "n/a" when the value is NaN or infinite.
std::string compactNumber(double v);
// The printf format of a slider over [lo, hi]: whole numbers when the range reaches 1,000, else four
// significant figures.
const char* sliderFormat(double lo, double hi);

}  // namespace sdw::app
