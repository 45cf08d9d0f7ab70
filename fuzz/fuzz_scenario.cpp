// libFuzzer target: the Lua scenario loader and the plugin loader on arbitrary text. The sandbox must hold
// whatever the text does: the instruction budget stops loops (finalizers and __close included, which run when
// the plugin's state closes), the memory cap stops allocation, and every failure is a diagnostic.
// Build and run: scripts/fuzz.sh (corpus in fuzz/corpus/scenario).
#include <cstddef>
#include <cstdint>
#include <string>

#include "plugins/host/plugin_library.hpp"
#include "plugins/host/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    sdw::plugins::SandboxLimits limits;
    limits.memoryBytes = 8u << 20;         // small, so that the cap is reached often
    limits.instructionsPerCall = 200'000;  // a runaway loop ends in milliseconds
    sdw::diag::Diagnostics diags;
    if (auto s = sdw::plugins::loadScenarioText(text, "fuzz.lua", diags, nullptr, limits)) s->toRequest({});
    sdw::plugins::checkPluginSource(text, "fuzz_plugin.lua", diags, limits);
    return 0;
}
