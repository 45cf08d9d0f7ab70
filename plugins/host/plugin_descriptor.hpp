// Plain C++ descriptions of plugins, scenarios and run requests: what the workbench's levers panel and the
// CLI use. Layer: plugins/host. Must not include lua.h (the UI includes this header), ImGui or GLFW.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "solver/sim/run_request.hpp"
#include "solver/sim/simulate.hpp"

namespace sdw::plugins {

// Stable codes for plugin diagnostics (E4xx while loading a plugin or scenario, E5xx while calling one).
namespace code {
inline constexpr const char* kPluginUnreadable = "E401";  // file missing or unreadable
inline constexpr const char* kPluginSyntax = "E402";      // Lua syntax error, or a bytecode chunk
inline constexpr const char* kPluginLoadError = "E403";   // runtime error while the file ran
inline constexpr const char* kContract = "E404";          // the returned table breaks the plugin contract
inline constexpr const char* kScenario = "E405";          // a scenario file breaks the scenario rules
inline constexpr const char* kUnknownPlugin = "E406";     // a scenario or request names a plugin we lack
inline constexpr const char* kBadTarget = "E407";         // an override names a variable the model lacks
inline constexpr const char* kCallError = "E501";     // a Lua error inside on_start/on_step/an event/override
inline constexpr const char* kBudget = "E502";        // instruction budget exceeded (infinite loop?)
inline constexpr const char* kMemory = "E503";        // memory cap exceeded
inline constexpr const char* kForbiddenSet = "E504";  // set a variable the plugin did not declare
inline constexpr const char* kNonFiniteSet = "E505";  // set NaN or infinity
}  // namespace code

// One slider: a plugin parameter with its range.
struct ParamDescriptor {
    std::string name;   // Lua key, snake_case
    std::string label;  // shown beside the slider
    std::string units;
    double defaultValue = 0;
    double min = 0;
    double max = 1;
    double step = 0;  // 0 = continuous
};

// What a plugin file declares (read once, in a throwaway sandbox).
struct PluginDescriptor {
    std::string id;
    std::string title;
    std::string description;
    std::string file;                   // path it was loaded from
    std::vector<std::string> evidence;  // citations, e.g. "004 L877"
    std::vector<ParamDescriptor> params;
    std::vector<std::string> constants;   // constants it overrides
    std::vector<std::string> equations;   // equations it overrides
    std::vector<std::string> graphicals;  // graphical functions it overrides
    std::vector<std::string> modifies;    // variables on_start/on_step/events may set
    bool hasOnStart = false;
    bool hasOnStep = false;
    std::vector<double> eventTimes;

    const ParamDescriptor* findParam(const std::string& name) const {
        for (const auto& p : params)
            if (p.name == name) return &p;
        return nullptr;
    }
    bool needsHooks() const { return hasOnStart || hasOnStep || !eventTimes.empty(); }
};

// A plugin switched on for a run, and one run: the engine's plain types (solver/sim/run_request.hpp), so the
// CLI, scripts, scenarios and the workbench ask for runs the same way.
using PluginSelection = sim::PluginSelection;
using RunRequest = sim::RunRequest;

// A scenario file, as data.
struct Scenario {
    std::string name;
    std::string description;
    std::string file;
    std::vector<PluginSelection> plugins;
    std::vector<std::pair<std::string, double>> constants;
    std::optional<double> start, stop, dt, saveper;
    std::optional<std::string> method;
    std::optional<uint64_t> seed;

    // The run this scenario asks for, on top of a base spec (the command line's).
    RunRequest toRequest(const sim::RunSpec& base) const;
    // The same, but the base's own start, stop, dt, saveper and method (those it sets) win over the
    // scenario's.
    RunRequest toRequestKeeping(const sim::RunSpec& base) const;
};

// Limits of an untrusted Lua state.
struct SandboxLimits {
    size_t memoryBytes = 64u << 20;             // per lua_State
    uint64_t instructionsPerCall = 20'000'000;  // per call into Lua (0 = unlimited)
};

}  // namespace sdw::plugins
