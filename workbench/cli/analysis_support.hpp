// What the uncertainty commands (`sdw constants`, `sdw mc`, `sdw sensitivity`, `sdw calibrate`) share: the
// trial runner they run batches on (model constants only, or, with the plugin host, plugin params too), the
// run options every one of them takes, a progress bar with an ETA, and CSV output. Layer: workbench/cli.
// No GUI, no Lua (the plugin host installs its runner through trialRunnerFactory()).
#pragma once

#include <CLI/CLI.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "solver/analysis/distribution.hpp"
#include "solver/analysis/trials.hpp"
#include "solver/model/model.hpp"
#include "workbench/app/calendar.hpp"

namespace sdw::cli {

// Makes the runner for a project and a base run (with `scenario`, a scenario file, on top: its levers on and
// its constants set; the base's explicit dt, stop, saveper and method win over its sim specs). The default
// compiles once and varies model constants, and refuses a scenario; the plugin host replaces it with one that
// also varies "plugin_id.param" of the levers the base run switches on. Returns null with diagnostics when
// the model does not compile or the scenario cannot be read.
using TrialRunnerFactory = std::function<std::unique_ptr<analysis::TrialRunner>(
    const model::Project& project, const sim::RunSpec& base, const std::string& scenario,
    diag::Diagnostics& diags)>;
TrialRunnerFactory& trialRunnerFactory();

// The uncertainty commands: constants, mc, sensitivity, calibrate (each registers from its own file).
void registerAnalysisCommands();
void registerMcCommand();
void registerSensitivityCommand();
void registerCalibrateCommand();

// Options of the base run every uncertainty command takes (--method, --dt, --stop, --saveper, --threads,
// --engine).
struct BaseRunOptions {
    std::string method;
    std::string engine = "auto";
    std::optional<double> dt, stop, saveper;
    unsigned threads = 0;
    std::string scenario;  // --scenario FILE: the analysed run is the scenario's (its levers on)
    void add(CLI::App& app);
    // The spec; false with a message on stderr (unknown method, saveper not a multiple of dt).
    bool toSpec(const model::Project& project, const char* command, sim::RunSpec& spec) const;
};

// Loads a model, printing its diagnostics on failure.
std::optional<model::Project> loadForCommand(const std::string& path);
// The runner, or null after printing why.
std::unique_ptr<analysis::TrialRunner> makeRunner(const model::Project& project, const sim::RunSpec& base,
                                                  const std::string& path, const std::string& scenario = "");

// "a,b" -> names (brackets kept whole); empty -> the model's "Outcome measures" group.
std::vector<std::string> varsOrOutcomes(const std::string& vars, const model::Project& project);

// A progress bar with an ETA on stderr (a single line at the end when stderr is not a terminal).
class ProgressBar {
  public:
    explicit ProgressBar(std::string label);
    void operator()(size_t done, size_t total);
    std::function<void(size_t, size_t)> callback() {
        return [this](size_t d, size_t t) { (*this)(d, t); };
    }

  private:
    std::string m_label;
    std::chrono::steady_clock::time_point m_start;
    bool m_tty;
};

// Shortest text that reads back as the same double.
std::string numberText(double v);
// Writes rows of numbers under a header as CSV to `path` ("-" = standard output). False after a message.
// With a calendar, a Date column (ISO days) follows the first column, the model time, as in `sdw run`'s CSV.
bool writeCsv(const std::string& path, const std::vector<std::string>& header,
              const std::vector<double>& data, const char* command,
              const std::optional<app::Calendar>& calendar = std::nullopt);

}  // namespace sdw::cli
