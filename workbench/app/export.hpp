// Exports a finance team can open and trust: results as an Excel workbook (a sheet per run, row 1 the names
// as in CSV, row 2 the units, numbers as numbers; libxlsxwriter) and the provenance every export records
// (model file and its SHA-256, scenarios and settings, seed, sdw version, price base). Layer: workbench/app.
// No ImGui, GLFW, GL or Lua.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "solver/model/model.hpp"
#include "solver/sim/simulate.hpp"

namespace sdw::app {

struct Provenance {
    std::string modelFile;
    std::string modelHash;               // SHA-256 of the file as read
    std::vector<std::string> scenarios;  // scenario files, in run order
    std::vector<std::string> settings;   // "--set NAME=VALUE", "--profile FILE", lever values
    uint64_t seed = 1;
    std::string priceBase;  // "2025/26"; "" when the model does not say
    std::string calendarStart;
};
// The model's file, hash and price base filled in; the caller adds scenarios, settings and seed.
Provenance provenanceOf(const std::string& modelFile, const model::Project& project);
// Name and value rows ("model file", "..."), the same in every export.
std::vector<std::pair<std::string, std::string>> provenanceRows(const Provenance& p);
// "name: value" lines, for a text file beside a CSV export.
std::string provenanceText(const Provenance& p);
// An export's provenance beside it: FILE.provenance.txt. False with a reason when it cannot be written.
bool writeProvenanceBeside(const std::string& path, const Provenance& provenance, std::string& error);

// True when this build can write .xlsx (libxlsxwriter was found).
bool canWriteWorkbook();
// Writes runs (labels name their sheets) and a "Provenance" sheet. A model with a calendar start gets a Date
// column after Time, as dates Excel can compute with. False with a reason on failure.
bool writeWorkbook(const std::string& path, const model::Project& project,
                   const std::vector<sim::RunResult>& runs, const std::vector<std::string>& labels,
                   const Provenance& provenance, std::string& error);

// "results" -> a sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique among `taken`.
std::string sheetName(const std::string& label, const std::vector<std::string>& taken);

}  // namespace sdw::app
