// A business case as CSV, with its provenance beside it. Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#include "workbench/app/business_case_export.hpp"

#include <cstdio>
#include <fstream>

#include "workbench/app/format.hpp"

namespace sdw::app {
namespace {

// "council spend" -> "council_spend".
std::string columnName(const std::string& label) {
    std::string out;
    for (char c : label) out += c == ' ' ? '_' : c;
    return out;
}

std::string number(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

// A CSV cell: quoted when it holds a comma or a quote.
std::string cell(const std::string& text) {
    if (text.find_first_of(",\"") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

std::string businessCaseCsv(const BusinessCaseReport& report, double discountRate) {
    if (!report.result) return "";
    const auto& bc = *report.result;
    const double scale = report.poundsPerUnit > 0 ? report.poundsPerUnit : 1;
    const std::string unit = report.poundsPerUnit > 0 ? "_gbp" : "";
    std::string out = "year";
    for (const auto& p : report.payerColumns) out += "," + columnName(p) + "_saving" + unit;
    out += ",total_saving" + unit + ",cumulative_total_saving" + unit + "\n";
    for (size_t y = 0; y < report.years.size(); ++y) {
        out += cell(report.years[y]);
        for (const auto& p : bc.payers) out += "," + number(p.saving[y] * scale);
        out += "," + number(bc.total.saving[y] * scale) + "," + number(bc.total.cumulativeSaving[y] * scale) +
               "\n";
    }
    out += "\npayback year";
    for (const auto& p : bc.payers) out += "," + cell(report.paybackOf(p));
    out += "," + cell(report.paybackOf(bc.total)) + "\n";
    out += cell("net present value at " + readableNumber(discountRate * 100) + "% a year");
    for (const auto& p : bc.payers) out += "," + number(p.netPresentValue * scale);
    out += "," + number(bc.total.netPresentValue * scale) + "\n";
    out += "\n" + cell("note: " + report.note + "; savings are baseline cost less scenario cost") + "\n";
    return out;
}

bool writeBusinessCaseCsv(const std::string& path, const BusinessCaseReport& report, double discountRate,
                          const Provenance& provenance, std::string& error) {
    if (!report.result) {
        error = "there is no business case to export: " + report.error;
        return false;
    }
    std::ofstream out(path);
    out << businessCaseCsv(report, discountRate);
    out.close();
    if (!out) {
        error = "could not write " + path;
        return false;
    }
    return writeProvenanceBeside(path, provenance, error);
}

}  // namespace sdw::app
