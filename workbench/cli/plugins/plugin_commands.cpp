// `sdw plugins list`, `sdw plugins check FILE...`, `sdw script FILE.lua [ARGS...]`, and the scenario runner
// used by `sdw run MODEL --scenario FILE`. Layer: workbench/cli. No Lua header: it talks to plugins/host.
#include "workbench/cli/plugins/plugin_commands.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>

#include "plugins/host/batch.hpp"
#include "plugins/host/plugin_library.hpp"
#include "plugins/host/scenario.hpp"
#include "plugins/host/script_runner.hpp"
#include "plugins/host/trial_runner.hpp"
#include "workbench/app/levers/lever_set.hpp"
#include "workbench/app/paths.hpp"
#include "workbench/cli/analysis_support.hpp"
#include "workbench/cli/commands.hpp"

namespace sdw::cli {

// The shipped levers' folder, then any folders named in SDW_PLUGIN_PATH (colon-separated).
namespace {

void printDiags(const diag::Diagnostics& diags) {
    std::fflush(stdout);  // keep each file's verdict beside its diagnostics
    for (const auto& d : diags.items()) std::fprintf(stderr, "%s\n", diag::format(d).c_str());
}

plugins::PluginLibrary installedPlugins(diag::Diagnostics& diags,
                                        const std::vector<std::string>& extraDirs = {}) {
    plugins::PluginLibrary lib;
    std::vector<std::string> dirs = app::pluginDirectories();
    dirs.insert(dirs.end(), extraDirs.begin(), extraDirs.end());
    for (const auto& d : dirs)
        if (std::filesystem::is_directory(d)) lib.addDirectory(d, diags);
    return lib;
}

std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

int listCommand(const std::vector<std::string>& dirs, bool verbose) {
    diag::Diagnostics diags;
    auto lib = installedPlugins(diags, dirs);
    for (const auto& p : lib.all()) {
        std::printf("%-28s %s\n", p.id.c_str(), p.title.c_str());
        if (!verbose) continue;
        std::printf("    %s\n    evidence:", p.description.c_str());
        for (const auto& e : p.evidence) std::printf(" [%s]", e.c_str());
        std::printf("\n");
        for (const auto& q : p.params)
            std::printf("    %-24s %-10s default %-8s range [%s, %s]  %s\n", q.name.c_str(), q.units.c_str(),
                        fmt(q.defaultValue).c_str(), fmt(q.min).c_str(), fmt(q.max).c_str(), q.label.c_str());
    }
    printDiags(diags);
    return diags.hasErrors() ? kExitModelError : kExitOk;
}

int checkCommand(const std::vector<std::string>& files, bool asScenario) {
    int status = kExitOk;
    diag::Diagnostics libDiags;
    auto lib = installedPlugins(libDiags);
    for (const auto& f : files) {
        diag::Diagnostics diags;
        const bool scenario = asScenario || f.find("/scenarios/") != std::string::npos;
        bool ok = false;
        if (scenario)
            ok = plugins::loadScenario(f, diags, &lib).has_value();
        else
            ok = plugins::checkPluginFile(f, diags).has_value();
        std::printf("%s: %s\n", f.c_str(), ok ? (scenario ? "scenario ok" : "plugin ok") : "refused");
        printDiags(diags);
        if (!ok) status = kExitModelError;
    }
    return status;
}

int pluginsCommand(int argc, char** argv) {
    CLI::App app{"List installed plugins or check plugin and scenario files against their contracts",
                 "sdw plugins"};
    app.require_subcommand(1);
    auto* list = app.add_subcommand("list", "list installed plugins (plugins/levers and SDW_PLUGIN_PATH)");
    std::vector<std::string> dirs;
    bool verbose = false;
    list->add_option("--dir", dirs, "another plugin folder to include");
    list->add_flag("-v,--verbose", verbose, "show descriptions, evidence and params");
    auto* check = app.add_subcommand("check", "check plugin (or scenario) files; exit 1 when one is refused");
    std::vector<std::string> files;
    bool asScenario = false;
    check->add_option("files", files, "plugin or scenario files (.lua)")->required();
    check->add_flag("--scenario", asScenario, "check the files as scenarios (automatic under scenarios/)");
    if (int rc; !parseCommandLine(app, argc, argv, rc)) return rc;
    if (list->parsed()) return listCommand(dirs, verbose);
    return checkCommand(files, asScenario);
}

int scriptCommand(int argc, char** argv) {
    CLI::App app{"Run a trusted experiment script with the `sdw` Lua module (see plugins/README.md)",
                 "sdw script"};
    std::string file;
    std::vector<std::string> args;
    unsigned threads = 0;
    app.add_option("file", file, "the script (.lua)")->required();
    app.add_option("args", args, "arguments, readable as sdw.args");
    app.add_option("-j,--threads", threads, "parallel runs (default: every core)");
    if (int rc; !parseCommandLine(app, argc, argv, rc)) return rc;
    plugins::ScriptOptions o;
    o.projectRoot = app::projectRoot();
    o.pluginDirs = app::pluginDirectories();
    o.args = args;
    o.threads = threads;
    diag::Diagnostics diags;
    const bool ok = plugins::runScript(file, o, diags);
    printDiags(diags);
    return ok ? kExitOk : kExitModelError;
}

bool runScenarios(const model::Project& project, const std::vector<std::string>& files,
                  const sim::RunSpec& base, std::vector<sim::RunResult>& results,
                  std::vector<std::string>& labels, diag::Diagnostics& diags) {
    diag::Diagnostics libDiags;
    auto lib = installedPlugins(libDiags);
    // A broken plugin nobody asked for is a warning here; `sdw plugins check` reports it as an error.
    for (auto d : libDiags.items()) {
        d.severity = diag::Severity::Warning;
        diags.add(d);
    }
    std::vector<plugins::RunRequest> reqs;
    for (const auto& f : files) {
        auto s = plugins::loadScenario(f, diags, &lib);
        if (!s) return false;
        reqs.push_back(s->toRequest(base));
        labels.push_back(s->name.empty() ? f : s->name);
    }
    plugins::BatchOptions o;
    results = plugins::runBatch(project, lib, reqs, o);
    return true;
}

}  // namespace

void registerPluginCommands() {
    registerCommand({"plugins", "list plugins, or check plugin and scenario files", pluginsCommand});
    registerCommand({"script", "run an experiment script (sweeps, Monte Carlo, tornado)", scriptCommand});
    scenarioRunner() = runScenarios;
    // sdw mc / sensitivity / calibrate may vary plugin params ("plugin_id.param") as well as constants.
    trialRunnerFactory() = [](const model::Project& project, const sim::RunSpec& base,
                              const std::string& scenario,
                              diag::Diagnostics& diags) -> std::unique_ptr<analysis::TrialRunner> {
        static const plugins::PluginLibrary library = [] {
            diag::Diagnostics ignored;  // a broken plugin nobody asks for is `sdw plugins check`'s business
            return installedPlugins(ignored);
        }();
        plugins::RunRequest request;
        request.spec = base;
        if (!scenario.empty()) {  // its levers and constants; the command line's own options win
            auto s = plugins::loadScenario(scenario, diags, &library);
            if (!s) return nullptr;
            request = s->toRequestKeeping(base);
        }
        auto runner = std::make_unique<plugins::PluginTrialRunner>(project, library, request);
        if (!runner->ok()) {
            diags.append(runner->diagnostics());
            return nullptr;
        }
        return runner;
    };
}

}  // namespace sdw::cli
