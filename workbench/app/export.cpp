// Excel workbooks and export provenance. Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#include "workbench/app/export.hpp"

#include <algorithm>
#include <fstream>

#include "workbench/app/calendar.hpp"
#include "workbench/app/sha256.hpp"
#ifdef SDW_HAVE_XLSX
#include <xlsxwriter.h>
#endif

#ifndef SDW_VERSION
#define SDW_VERSION "unknown"
#endif

namespace sdw::app {

Provenance provenanceOf(const std::string& modelFile, const model::Project& project) {
    Provenance p;
    p.modelFile = modelFile;
    p.modelHash = sha256OfFile(modelFile).value_or("(file not readable)");
    p.priceBase = project.specs.priceBase;
    p.calendarStart = project.specs.calendarStart;
    return p;
}

std::vector<std::pair<std::string, std::string>> provenanceRows(const Provenance& p) {
    std::vector<std::pair<std::string, std::string>> rows{{"model file", p.modelFile},
                                                          {"model sha256", p.modelHash}};
    std::string scenarios;
    for (const auto& s : p.scenarios) scenarios += (scenarios.empty() ? "" : "; ") + s;
    rows.emplace_back("scenarios", scenarios.empty() ? "none (the baseline)" : scenarios);
    std::string settings;
    for (const auto& s : p.settings) settings += (settings.empty() ? "" : "; ") + s;
    rows.emplace_back("settings", settings.empty() ? "none" : settings);
    rows.emplace_back("seed", std::to_string(p.seed));
    rows.emplace_back("sdw version", SDW_VERSION);
    rows.emplace_back("price base",
                      p.priceBase.empty() ? "not stated by the model" : p.priceBase + " prices");
    rows.emplace_back("calendar start", p.calendarStart.empty() ? "none" : p.calendarStart);
    return rows;
}

std::string provenanceText(const Provenance& p) {
    std::string out;
    for (const auto& [k, v] : provenanceRows(p)) out += k + ": " + v + "\n";
    return out;
}

bool writeProvenanceBeside(const std::string& path, const Provenance& provenance, std::string& error) {
    const std::string side = path + ".provenance.txt";
    std::ofstream out(side);
    out << provenanceText(provenance);
    out.close();
    if (!out) error = "could not write " + side;
    return static_cast<bool>(out);
}

std::string sheetName(const std::string& label, const std::vector<std::string>& taken) {
    std::string base;
    for (char c : label.empty() ? std::string("run") : label)
        base += std::string("[]:*?/\\").find(c) == std::string::npos ? c : '_';
    if (base.front() == '\'') base.front() = '_';
    base = base.substr(0, 31);
    std::string name = base;
    for (int n = 2; std::find(taken.begin(), taken.end(), name) != taken.end(); ++n) {
        const std::string tail = " (" + std::to_string(n) + ")";
        name = base.substr(0, 31 - tail.size()) + tail;
    }
    return name;
}

#ifdef SDW_HAVE_XLSX
bool canWriteWorkbook() {
    return true;
}

namespace {

void writeRunSheet(lxw_workbook* wb, lxw_worksheet* ws, const model::Project& project,
                   const sim::RunResult& r) {
    const auto cal = Calendar::of(project.specs);
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format* dateFormat = workbook_add_format(wb);
    format_set_num_format(dateFormat, "yyyy-mm-dd");
    lxw_col_t col = 0;
    for (size_t c = 0; c < r.cols(); ++c) {
        const model::Variable* v = c ? project.main().find(r.names[c]) : nullptr;
        worksheet_write_string(ws, 0, col, r.names[c].c_str(), bold);
        worksheet_write_string(ws, 1, col,
                               c == 0 ? project.specs.timeUnits.c_str()
                               : v    ? v->units.c_str()
                                      : "",
                               nullptr);
        for (size_t row = 0; row < r.rows(); ++row)
            worksheet_write_number(ws, static_cast<lxw_row_t>(row + 2), col, r.at(row, c), nullptr);
        ++col;
        if (c == 0 && cal) {
            worksheet_write_string(ws, 0, col, "Date", bold);
            worksheet_write_string(ws, 1, col, "date", nullptr);
            worksheet_set_column(ws, col, col, 11, nullptr);
            for (size_t row = 0; row < r.rows(); ++row) {
                const Date d = cal->dateAt(r.at(row, 0));
                lxw_datetime dt = {d.year, d.month, d.day, 0, 0, 0};
                worksheet_write_datetime(ws, static_cast<lxw_row_t>(row + 2), col, &dt, dateFormat);
            }
            ++col;
        }
    }
    worksheet_freeze_panes(ws, 2, 1);
}

}  // namespace

bool writeWorkbook(const std::string& path, const model::Project& project,
                   const std::vector<sim::RunResult>& runs, const std::vector<std::string>& labels,
                   const Provenance& provenance, std::string& error) {
    lxw_workbook* wb = workbook_new(path.c_str());
    if (!wb) {
        error = "cannot create '" + path + "'";
        return false;
    }
    std::vector<std::string> taken{"Provenance"};
    for (size_t i = 0; i < runs.size(); ++i) {
        taken.push_back(sheetName(i < labels.size() ? labels[i] : "", taken));
        writeRunSheet(wb, workbook_add_worksheet(wb, taken.back().c_str()), project, runs[i]);
    }
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Provenance");
    lxw_row_t row = 0;
    for (const auto& [k, v] : provenanceRows(provenance)) {
        worksheet_write_string(ws, row, 0, k.c_str(), nullptr);
        worksheet_write_string(ws, row++, 1, v.c_str(), nullptr);
    }
    worksheet_set_column(ws, 0, 0, 16, nullptr);
    const lxw_error rc = workbook_close(wb);
    if (rc != LXW_NO_ERROR) {
        error = "cannot write '" + path + "': " + lxw_strerror(rc);
        return false;
    }
    return true;
}
#else
bool canWriteWorkbook() {
    return false;
}

bool writeWorkbook(const std::string&, const model::Project&, const std::vector<sim::RunResult>&,
                   const std::vector<std::string>&, const Provenance&, std::string& error) {
    error = "this build of sdw has no Excel writer (libxlsxwriter was not found when it was built)";
    return false;
}
#endif

}  // namespace sdw::app
