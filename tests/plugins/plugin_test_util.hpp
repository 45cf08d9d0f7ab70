// Shared helpers for the plugin host tests: data paths, a tiny model built in code, and run shortcuts.
#pragma once

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "plugins/host/plugin_library.hpp"
#include "plugins/host/plugin_session.hpp"
#include "tests/solver/model_builder.hpp"

namespace sdw::test {

inline std::string pluginData(const std::string& rel) {
    return std::string(SDW_SOURCE_DIR) + "/tests/plugins/data/" + rel;
}

// population grows at `rate`; x = population * 2. Weeks 0..10, Euler, dt 1.
inline model::Project tinyModel() {
    Builder b(0, 10, 1);
    b.stock("population", "100", {"growth"});
    b.flow("growth", "population * rate");
    b.aux("rate", "0.01");
    b.aux("x", "population * 2");
    return b.project;
}

inline bool hasPluginCode(const diag::Diagnostics& d, const std::string& code) {
    for (const auto& x : d.items())
        if (x.code == code) return true;
    return false;
}

inline std::string allMessages(const diag::Diagnostics& d) {
    std::string out;
    for (const auto& x : d.items()) out += diag::format(x) + "\n";
    return out;
}

inline const diag::Diagnostic* firstError(const diag::Diagnostics& d) {
    for (const auto& x : d.items())
        if (x.severity == diag::Severity::Error) return &x;
    return nullptr;
}

// Loads one plugin file into a fresh library and runs the tiny model with it on.
struct OnePluginRun {
    plugins::PluginLibrary library;
    diag::Diagnostics loadDiags;
    bool loaded = false;
    sim::RunResult result;

    explicit OnePluginRun(const std::string& file, const plugins::SandboxLimits& limits = {}) {
        library.limits = limits;
        loaded = library.addFile(file, loadDiags);
        if (!loaded) return;
        plugins::RunRequest req;
        req.plugins.push_back({library.all().front().id, {}});
        result = plugins::runRequest(tinyModel(), library, req);
    }
};

}  // namespace sdw::test
