// The command registry, `sdw --help`, and where the project's files are. Layer: workbench/cli.
#include "workbench/cli/commands.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
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

namespace {

// What a value of an option of CLI11's type `type` ("UINT", "INT", "FLOAT", ...) must be.
std::string kindOf(const std::string& type) {
    if (type == "UINT") return "a whole number, 0 or more";
    if (type == "INT") return "a whole number";
    if (type == "FLOAT") return "a number";
    return "a value of type " + type;
}

// CLI11's message in words a user reads: "Could not convert: --dt = abc" says what --dt takes.
std::string usageMessage(const CLI::App& app, const CLI::ParseError& e) {
    const std::string what = e.what(), convert = "Could not convert: ";
    const size_t eq = what.find(" = ");
    if (what.rfind(convert, 0) == 0 && eq != std::string::npos) {
        const std::string name = what.substr(convert.size(), eq - convert.size());
        const CLI::Option* o = app.get_option_no_throw(name);
        if (o) return name + ": '" + what.substr(eq + 3) + "' is not " + kindOf(o->get_type_name());
    }
    return what;
}

// The number the whole of a validator's text reads as, or nullopt.
std::optional<double> numberFrom(const std::string& text) {
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::string shortest(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    return buf;
}

// A count's text: digits only. CLI11 reads "-1" into an unsigned option as its largest value, so that
// sdw sensitivity --trajectories -1 ran for ever.
const CLI::Validator kCount(
    [](std::string& text) -> std::string {
        const bool digits = !text.empty() && std::all_of(text.begin(), text.end(),
                                                         [](char c) { return c >= '0' && c <= '9'; });
        return digits ? "" : "'" + text + "' is not a whole number, 0 or more";
    },
    "");

}  // namespace

bool parseCommandLine(CLI::App& app, int argc, char** argv, int& rc) {
    for (CLI::Option* o : app.get_options())
        if (o->get_type_name().rfind("UINT", 0) == 0) o->check(kCount);
    try {
        app.parse(argc, argv);
        return true;
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) {  // --help
            rc = app.exit(e) == 0 ? kExitOk : kExitUsage;
            return false;
        }
        std::fprintf(stderr, "%s: %s\nRun '%s --help' for its options.\n", app.get_name().c_str(),
                     usageMessage(app, e).c_str(), app.get_name().c_str());
        rc = kExitUsage;
        return false;
    }
}

CLI::Validator wholeIn(long long lo, long long hi) {
    return CLI::Validator(
        [lo, hi](std::string& text) -> std::string {
            const auto v = numberFrom(text);
            if (!v || *v != std::floor(*v)) return "'" + text + "' is not a whole number";
            if (*v < static_cast<double>(lo) || *v > static_cast<double>(hi))
                return text + " is out of range: give " + std::to_string(lo) + " to " + std::to_string(hi);
            return "";
        },
        "whole number " + std::to_string(lo) + " to " + std::to_string(hi));
}

CLI::Validator numberIn(double lo, double hi) {
    return CLI::Validator(
        [lo, hi](std::string& text) -> std::string {
            const auto v = numberFrom(text);
            if (!v) return "'" + text + "' is not a number";
            if (*v < lo || *v > hi)
                return text + " is out of range: give " + shortest(lo) + " to " + shortest(hi);
            return "";
        },
        "number " + shortest(lo) + " to " + shortest(hi));
}

bool outputPathOk(const char* command, const char* option, const std::string& out, const std::string& model) {
    if (out.empty() || out == "-") return true;
    const std::string why = app::outputReplacesModel(out, model);
    if (!why.empty()) {
        std::fprintf(
            stderr,
            "sdw %s: %s %s: not written: %s, which writing would replace; give the output another name\n",
            command, option, out.c_str(), why.c_str());
        return false;
    }
    // Before the work, not after it: a thousand Monte Carlo runs were made, then "cannot write".
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path dir = fs::path(out).parent_path().empty() ? fs::path(".") : fs::path(out).parent_path();
    std::string problem;
    if (!fs::is_directory(dir, ec))
        problem = "the folder " + dir.string() + " does not exist";
    else if (fs::is_directory(out, ec))
        problem = "it is a folder; give a file name";
    else if (::access(dir.c_str(), W_OK) != 0)
        problem = "the folder " + dir.string() + " cannot be written to";
    if (problem.empty()) return true;
    std::fprintf(stderr, "sdw %s: %s %s: not written: %s\n", command, option, out.c_str(), problem.c_str());
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
