// The command registry, `sdw --help`, and where the project's files are. Layer: workbench/cli.
#include "workbench/cli/commands.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

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

std::string projectRoot() {
    if (const char* home = std::getenv("SDW_HOME"); home && *home) return home;
#ifdef SDW_SOURCE_DIR
    if (std::filesystem::exists(std::filesystem::path(SDW_SOURCE_DIR) / "models")) return SDW_SOURCE_DIR;
#endif
    return std::filesystem::current_path().string();
}

std::string defaultModelPath() {
    return (std::filesystem::path(projectRoot()) / "models" / "adult_social_care" / "adult_social_care.xmile").string();
}

namespace {

void printUsage(FILE* out) {
    std::fprintf(out,
                 "sdw: the system-dynamics workbench for health and social care\n\n"
                 "Usage:\n"
                 "  sdw                 open the workbench on the default adult social care model\n"
                 "  sdw <command> ...   run a command (each takes --help)\n\nCommands:\n");
    for (const auto& c : commandRegistry()) std::fprintf(out, "  %-10s %s\n", c.name.c_str(), c.summary.c_str());
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
