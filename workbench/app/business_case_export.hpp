// A business case as a file a finance team opens: CSV by year (each payer's saving, the total and the
// cumulative total, in pounds as plain numbers), then the payback year and net present value of each payer,
// with its provenance beside it (FILE.provenance.txt, as `sdw run --out` writes). Layer: workbench/app. No
// ImGui, GLFW, GL or Lua.
#pragma once

#include <string>

#include "workbench/app/comparison.hpp"
#include "workbench/app/export.hpp"

namespace sdw::app {

// The CSV text of a computed report (its `result` set); `discountRate` is the one its NPVs were taken at.
std::string businessCaseCsv(const BusinessCaseReport& report, double discountRate);
// Writes the CSV and its provenance beside it. False with a reason (the file named) when the report has no
// result or a file cannot be written.
bool writeBusinessCaseCsv(const std::string& path, const BusinessCaseReport& report, double discountRate,
                          const Provenance& provenance, std::string& error);

}  // namespace sdw::app
