// `sdw constants MODEL [--csv]`: every constant with its value, units, plausible range, distribution and
// source, for a modeller choosing what to vary; and the registration of the uncertainty commands.
// Layer: workbench/cli. No GUI, no Lua.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "solver/analysis/constants.hpp"
#include "workbench/app/format.hpp"
#include "workbench/cli/analysis_support.hpp"
#include "workbench/cli/commands.hpp"

namespace sdw::cli {
namespace {

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

void printTable(const std::vector<analysis::ConstantInfo>& list) {
    size_t width = 8;
    for (const auto& c : list) width = std::max(width, c.name.size());
    std::printf("%-*s %14s %-14s %-34s %s\n", static_cast<int>(width), "constant", "value", "units",
                "distribution (plausible range)", "source");
    for (const auto& c : list) {
        std::string source = c.source.size() > 70 ? c.source.substr(0, 67) + "..." : c.source;
        std::printf("%-*s %14s %-14s %-34s %s\n", static_cast<int>(width), c.name.c_str(),
                    app::readableNumber(c.value).c_str(), c.units.c_str(),
                    c.distribution.empty() ? "-" : c.distribution.c_str(), source.c_str());
    }
}

int cmdConstants(int argc, char** argv) {
    CLI::App app{"List a model's constants: value, units, plausible range, distribution and source",
                 "sdw constants"};
    std::string path;
    bool csv = false;
    app.add_option("model", path, "model file")->required();
    app.add_flag("--csv", csv, "CSV: name,value,units,min,max,distribution,source");
    if (int rc; !parseCommandLine(app, argc, argv, rc)) return rc;
    auto project = loadForCommand(path);
    if (!project) return kExitModelError;
    const auto list = analysis::listConstants(*project);
    if (!csv) {
        printTable(list);
        return kExitOk;
    }
    std::cout << "name,value,units,min,max,distribution,source\n";
    for (const auto& c : list)
        std::cout << csvField(c.name) << "," << numberText(c.value) << "," << csvField(c.units) << ","
                  << (c.min ? numberText(*c.min) : "") << "," << (c.max ? numberText(*c.max) : "") << ","
                  << csvField(c.distribution) << "," << csvField(c.source) << "\n";
    return kExitOk;
}

}  // namespace

void registerAnalysisCommands() {
    registerCommand(
        {"constants", "list a model's constants with ranges, distributions and sources", cmdConstants});
    registerMcCommand();
    registerSensitivityCommand();
    registerCalibrateCommand();
}

}  // namespace sdw::cli
