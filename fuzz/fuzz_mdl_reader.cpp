// libFuzzer target: the Vensim .mdl reader, and the compiler and a short run after it, must never crash or
// hang, whatever the text. Build and run: scripts/fuzz.sh (corpus in fuzz/corpus/mdl).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "solver/compile/compiled_model.hpp"
#include "solver/mdl/mdl_reader.hpp"
#include "solver/sim/simulate.hpp"
#include "solver/xmile/xmile.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    sdw::diag::Diagnostics diags;
    auto project = sdw::mdl::readString(text, diags, "fuzz.mdl");
    if (!project) return 0;
    sdw::xmile::writeString(*project);  // `sdw convert` writes what was read
    sdw::compile::CompileOptions options;
    options.maxElements = 20'000;
    auto cm = sdw::compile::compileModel(*project, diags, options);
    if (!cm) return 0;
    sdw::sim::RunSpec spec;
    spec.maxSteps = 500;
    spec.maxPipelineCells = 100'000;
    spec.maxSavedValues = 1'000'000;
    sdw::sim::simulate(*cm, spec);
    return 0;
}
