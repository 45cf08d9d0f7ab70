// The command registry, `sdw --help`, and where the project's files are. Layer: workbench/cli.
#include "workbench/cli/commands.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "workbench/app/paths.hpp"

namespace sdw::cli {

std::vector<Command>& commandRegistry() {
    static std::vector<Command> commands;
    return commands;
}

void registerCommand(Command c) {
    for (auto& existing : commandRegistry())
        if (existing.name == c.name) {
            existing = std::move(c);
            return;
        }
    commandRegistry().push_back(std::move(c));
}

ScenarioRunner& scenarioRunner() {
    static ScenarioRunner runner;
    return runner;
}

bool parseCommandLine(CLI::App& app, int argc, char** argv, int& rc) {
    try {
        app.parse(argc, argv);
        return true;
    } catch (const CLI::ParseError& e) {
        rc = app.exit(e) == 0 ? kExitOk : kExitUsage;
        return false;
    }
}

bool outputPathOk(const char* command, const char* option, const std::string& out, const std::string& model) {
    if (out.empty() || out == "-") return true;
    const std::string why = app::outputReplacesModel(out, model);
    if (why.empty()) return true;
    std::fprintf(
        stderr, "sdw %s: %s %s: not written: %s, which writing would replace; give the output another name\n",
        command, option, out.c_str(), why.c_str());
    return false;
}

int runDefaultHeadless() {
    const std::string model = app::defaultModelPath();
    std::vector<std::string> args = {"sdw", "run", model, "--compare"};
    std::vector<std::string> scenarios;
    std::error_code ec;
    const auto dir = std::filesystem::path(model).parent_path() / "scenarios";
    if (scenarioRunner() && std::filesystem::is_directory(dir, ec))
        for (const auto& e : std::filesystem::directory_iterator(dir, ec))
            if (e.path().extension() == ".lua") scenarios.push_back(e.path().string());
    std::sort(scenarios.begin(), scenarios.end());
    for (const auto& f : scenarios) {
        args.push_back("--scenario");
        args.push_back(f);
    }
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    return dispatch(static_cast<int>(args.size()), argv.data());
}

namespace {

void printUsage(FILE* out) {
    std::fprintf(out,
                 "sdw: the system-dynamics workbench for health and social care\n\n"
                 "Usage:\n"
                 "  sdw                 open the workbench on the default adult social care model\n"
                 "  sdw <command> ...   run a command (each takes --help)\n\nCommands:\n");
    for (const auto& c : commandRegistry())
        std::fprintf(out, "  %-10s %s\n", c.name.c_str(), c.summary.c_str());
    std::fprintf(out, "\nExit codes: 0 ok, 1 model error, 2 usage error.\n");
}

}  // namespace

int dispatch(int argc, char** argv) {
    if (argc < 2) {
        printUsage(stderr);
        return kExitUsage;
    }
    const std::string cmd = argv[1];
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
        printUsage(stdout);
        return kExitOk;
    }
    if (cmd == "--version") {
        std::printf("sdw 0.1.0\n");
        return kExitOk;
    }
    for (const auto& c : commandRegistry()) {
        if (c.name == cmd) return c.run(argc - 1, argv + 1);
    }
    std::fprintf(stderr, "sdw: unknown command '%s'\n\n", cmd.c_str());
    printUsage(stderr);
    return kExitUsage;
}

}  // namespace sdw::cli
