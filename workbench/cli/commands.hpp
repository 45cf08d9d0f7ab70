// The headless commands of the `sdw` program (run, check, convert, bench, ...), and the registry other
// parts of the program (the plugin host's commands, the workbench's `open` and `shot`) add themselves to.
// Layer: workbench/cli. Must not include ImGui, GLFW or Lua headers.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "solver/compile/compiled_model.hpp"
#include "solver/diag/diagnostics.hpp"
#include "solver/model/model.hpp"
#include "solver/sim/simulate.hpp"
#include "workbench/app/calendar.hpp"

namespace sdw::cli {

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitModelError = 1;
inline constexpr int kExitUsage = 2;

struct Command {
    std::string name;     // "run"
    std::string summary;  // one line for `sdw --help`
    // argv[0] is the command name; returns an exit code. Must not throw.
    std::function<int(int argc, char** argv)> run;
};

// Registered commands, in the order they were added.
std::vector<Command>& commandRegistry();
void registerCommand(Command c);

// The built-in engine commands: run, check, convert, bench.
void registerEngineCommands();
// --set NAME=VALUE options as `sdw run` reads them: a constant or an equation recompiled (copts), a stock's
// initial value set (spec). False, after saying why on stderr (as `command`), on a malformed one or an
// unknown name.
bool applySets(const char* command, const std::vector<std::string>& sets, const model::Project& project,
               sim::RunSpec& spec, compile::CompileOptions& copts);
// `sdw loops`: feedback loops and their scores (loops_command.cpp).
void registerLoopsCommand();
// `sdw doc`: a model's parameter and source tables, or its local profile as CSV (doc_command.cpp).
void registerDocCommand();

// `sdw run --compare`'s business case of each scenario, from the model's cost ledgers (its "Business case"
// group, one per payer: council, NHS, ...), at `discountRate` a year (comparison_report.cpp).
void writeBusinessCases(std::ostream& out, const model::Project& project,
                        const std::vector<sim::RunResult>& results, const std::vector<std::string>& labels,
                        double discountRate);
// The comparison of `sdw run --compare`: `measures` at model time `at` (default: the end of the run) under
// the baseline (results[0]) and each scenario's change, then the scenarios' names and files.
void writeComparison(std::ostream& out, const model::Project& project,
                     const std::vector<sim::RunResult>& results, const std::vector<std::string>& labels,
                     const std::vector<std::string>& files, const std::vector<std::string>& measures,
                     std::optional<double> at);

// Entry point for `sdw <command> ...`. Prints usage on a bad command and returns kExitUsage.
int dispatch(int argc, char** argv);

// `sdw run MODEL --scenario FILE [--scenario FILE2 ...]`: the plugin host, when built, installs this runner.
// It runs `project` once per scenario file (base spec from the command line, then the scenario's own
// overrides), filling one result and one label per scenario. Returns false with diagnostics on failure.
using ScenarioRunner = std::function<bool(
    const model::Project& project, const std::vector<std::string>& files, const sim::RunSpec& base,
    std::vector<sim::RunResult>& results, std::vector<std::string>& labels, diag::Diagnostics& diags)>;
ScenarioRunner& scenarioRunner();

// Parses a command's arguments. On --help (rc = kExitOk) or a usage error (rc = kExitUsage; the message on
// standard error names the command and the option, and what its value must be) returns false: the command
// returns rc.
bool parseCommandLine(CLI::App& app, int argc, char** argv, int& rc);

// Validators for numeric options that say what is wrong with the value given: "'abc' is not a whole number",
// "0 is out of range: give 2 to 10000000" (CLI::Range read "abc" as out of range).
CLI::Validator wholeIn(long long lo, long long hi);
CLI::Validator numberIn(double lo, double hi);

// False, saying why on standard error, when `out` (a file `command` writes: CSV, markdown, C, PNG) is the
// model file it reads (`model`) or is named like a model file (.xmile, .xml, .stmx, .itmx, .mdl): writing
// there would replace a model (`sdw loops m.xmile --scores --out m.xmile` did). Empty and "-" (standard
// output) pass.
bool outputPathOk(const char* command, const char* option, const std::string& out, const std::string& model);

// The Date column of sdw's CSVs: "2030-04-01".
std::string isoDate(app::Date d);

// "a,b,c" -> names; commas inside brackets stay ("pop[a,b]" is one name); spaces around names trimmed.
std::vector<std::string> splitVars(const std::string& s);

// The headless main job (no display, or no workbench in this build): the default model's baseline and every
// scenario beside it, compared on its outcome measures (`sdw run MODEL --compare --scenario ...`).
int runDefaultHeadless();

}  // namespace sdw::cli
