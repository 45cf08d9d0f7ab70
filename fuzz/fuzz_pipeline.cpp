// libFuzzer target: the whole pipeline on XMILE text, read -> compile -> simulate, under small limits (steps,
// array elements, delay pipelines, saved values) so that each input runs in milliseconds. Whatever the text,
// the engine must answer with diagnostics: no crash, no hang, no runaway memory.
// Build and run: scripts/fuzz.sh (corpus in fuzz/corpus/pipeline).
#include <cstddef>
#include <cstdint>
#include <string>

#include "solver/compile/compiled_model.hpp"
#include "solver/sim/simulate.hpp"
#include "solver/xmile/xmile.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    sdw::diag::Diagnostics diags;
    auto project = sdw::xmile::readString(text, diags, "fuzz.xmile");
    if (!project) return 0;
    sdw::compile::CompileOptions options;
    options.maxElements = 20'000;
    auto cm = sdw::compile::compileModel(*project, diags, options);
    if (!cm) return 0;
    sdw::sim::RunSpec spec;
    spec.maxSteps = 2'000;
    spec.maxPipelineCells = 100'000;
    spec.maxSavedValues = 1'000'000;
    sdw::sim::simulate(*cm, spec);
    // The same model with RK4, whose sub-steps hold pipelines and pulses.
    spec.method = sdw::sim::Method::RungeKutta4;
    spec.maxSteps = 200;
    sdw::sim::simulate(*cm, spec);
    return 0;
}
