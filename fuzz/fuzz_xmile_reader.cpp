// libFuzzer target: the XMILE reader (and the compiler after it) must never crash, whatever the bytes.
// Build: cmake -DSDW_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ ...; run: fuzz_xmile_reader fuzz/corpus/xmile
#include <cstddef>
#include <cstdint>
#include <string>

#include "solver/compile/compiled_model.hpp"
#include "solver/xmile/xmile.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    sdw::diag::Diagnostics diags;
    if (auto project = sdw::xmile::readString(text, diags, "fuzz")) {
        project->specs.stop = std::min(project->specs.stop, project->specs.start + 10);
        sdw::diag::Diagnostics d2;
        sdw::compile::compileModel(*project, d2);
        sdw::xmile::writeString(*project);
    }
    return 0;
}
