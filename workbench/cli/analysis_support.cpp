// Shared pieces of the uncertainty commands: the trial runner hook, base run options, progress with an ETA,
// CSV. Layer: workbench/cli. No GUI, no Lua.
#include "workbench/cli/analysis_support.hpp"

#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "solver/analysis/run_options.hpp"
#include "solver/io/load_model.hpp"
#include "solver/xmile/xmile.hpp"
#include "workbench/cli/commands.hpp"

namespace sdw::cli {

TrialRunnerFactory& trialRunnerFactory() {
    static TrialRunnerFactory factory =
        [](const model::Project& project, const sim::RunSpec& base, const std::string& scenario,
           diag::Diagnostics& diags) -> std::unique_ptr<analysis::TrialRunner> {
        if (!scenario.empty()) {
            diags.error(diag::code::kBadArgument, scenario,
                        "scenarios need the Lua plugin host, which this build of sdw does not have");
            return nullptr;
        }
        auto runner = std::make_unique<analysis::CompiledTrialRunner>(project, base);
        if (!runner->ok()) {
            diags.append(runner->diagnostics());
            return nullptr;
        }
        return runner;
    };
    return factory;
}

void BaseRunOptions::add(CLI::App& app) {
    app.add_option("--method", method, "integration method: euler, rk4 or rk45 (default: the model's)");
    app.add_option("--dt", dt, "time step (default: the model's)");
    app.add_option("--stop", stop, "stop time (default: the model's)");
    app.add_option("--saveper", saveper, "save interval, a whole multiple of dt (default: the model's)");
    app.add_option("-j,--threads", threads, "runs in parallel (default: every core)");
    app.add_option("--scenario", scenario,
                   "scenario file (.lua): analyse the run it gives (its levers on, its constants set); a "
                   "lever's param can be varied only when the lever is on");
    app.add_option("--engine", engine,
                   "interp (the reference interpreter), compiled (native code, built once for all the runs) "
                   "or auto (compiled for a batch of 8 runs or more)")
        ->check(CLI::IsMember({"interp", "compiled", "auto"}));
}

bool BaseRunOptions::toSpec(const model::Project& project, const char* command, sim::RunSpec& spec) const {
    if (!method.empty()) {
        spec.method = sim::parseMethod(method);
        if (!spec.method) {
            std::fprintf(stderr, "sdw %s: unknown method '%s' (use euler, rk4 or rk45)\n", command,
                         method.c_str());
            return false;
        }
    }
    spec.dt = dt;
    spec.stop = stop;
    spec.saveper = saveper;
    spec.engine = *sim::parseEngine(engine);  // checked by the option's validator
    spec.quickFirst = true;  // compiled: libtcc's code at once, cc's optimised build behind it
    if (const auto why = analysis::checkSaveperOverride(dt, saveper, project.specs.dt, project.specs.saveper);
        !why.empty()) {
        std::fprintf(stderr, "sdw %s: %s\n", command, why.c_str());
        return false;
    }
    return true;
}

std::optional<model::Project> loadForCommand(const std::string& path) {
    diag::Diagnostics diags;
    auto project = io::loadModelFile(path, diags);
    if (!project || diags.hasErrors()) {
        for (const auto& d : diags.items())
            std::fprintf(stderr, "%s: %s\n", path.c_str(), diag::format(d).c_str());
        return std::nullopt;
    }
    return project;
}

std::unique_ptr<analysis::TrialRunner> makeRunner(const model::Project& project, const sim::RunSpec& base,
                                                  const std::string& path, const std::string& scenario) {
    diag::Diagnostics diags;
    auto runner = trialRunnerFactory()(project, base, scenario, diags);
    for (const auto& d : diags.items())
        std::fprintf(stderr, "%s: %s\n", path.c_str(), diag::format(d).c_str());
    return runner;
}

std::vector<std::string> varsOrOutcomes(const std::string& vars, const model::Project& project) {
    if (!vars.empty()) return splitVars(vars);
    return xmile::groupMembers(project.main(), xmile::kOutcomeGroup);
}

ProgressBar::ProgressBar(std::string label)
    : m_label(std::move(label)),
      m_start(std::chrono::steady_clock::now()),
      m_tty(isatty(fileno(stderr)) != 0) {}

void ProgressBar::operator()(size_t done, size_t total) {
    if (total == 0) return;               // nothing counted yet (calibrate's probe run): no "0/0" line
    if (!m_tty && done != total) return;  // in a log, one line at the end
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    const double eta = done ? elapsed * static_cast<double>(total - done) / static_cast<double>(done) : 0;
    constexpr int kWidth = 30;
    const int filled = total ? static_cast<int>(kWidth * done / total) : kWidth;
    std::fprintf(stderr, "\r%s [%.*s%*s] %zu/%zu  %.0fs elapsed, %.0fs left ", m_label.c_str(), filled,
                 "##############################", kWidth - filled, "", done, total, elapsed, eta);
    if (done == total) std::fputc('\n', stderr);
    std::fflush(stderr);
}

std::string numberText(double v) {
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

bool writeCsv(const std::string& path, const std::vector<std::string>& header,
              const std::vector<double>& data, const char* command,
              const std::optional<app::Calendar>& calendar) {
    std::ofstream file;
    if (path != "-") {
        file.open(path);
        if (!file) {
            std::fprintf(stderr, "sdw %s: cannot write '%s'\n", command, path.c_str());
            return false;
        }
    }
    std::ostream& out = path == "-" ? std::cout : file;
    for (size_t c = 0; c < header.size(); ++c) {
        const bool quote = header[c].find(',') != std::string::npos;
        out << (c ? "," : "") << (quote ? "\"" + header[c] + "\"" : header[c]);
        if (c == 0 && calendar) out << ",Date";
    }
    out << "\n";
    std::string line;
    for (size_t i = 0; i < data.size(); i += header.size()) {
        line.clear();
        for (size_t c = 0; c < header.size() && i + c < data.size(); ++c) {
            line += (c ? "," : "") + numberText(data[i + c]);
            if (c == 0 && calendar) line += "," + isoDate(calendar->dateAt(data[i]));
        }
        out << line << "\n";
    }
    return static_cast<bool>(out);
}

}  // namespace sdw::cli
