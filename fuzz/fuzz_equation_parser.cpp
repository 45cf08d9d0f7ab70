// libFuzzer target: the equation parser and the compiler must never crash, whatever the text.
// Build: cmake -DSDW_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ ...; run: fuzz_equation_parser fuzz/corpus/equation
#include <cstddef>
#include <cstdint>
#include <string>

#include "solver/compile/compiled_model.hpp"
#include "solver/equations/parser.hpp"
#include "solver/sim/simulate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    sdw::diag::Diagnostics diags;
    sdw::equations::parse(text, "x", diags);
    // Also through the compiler and a short run, as an auxiliary beside a stock and a dimension.
    sdw::model::Project p;
    p.specs.stop = 3;
    p.dimensions.push_back({"d", {"a", "b"}, false, {}});
    auto& m = p.main();
    sdw::model::Variable stock;
    stock.kind = sdw::model::VarKind::Stock;
    stock.name = "s";
    stock.equation = "1";
    stock.inflows = {"f"};
    m.variables.push_back(stock);
    sdw::model::Variable flow;
    flow.kind = sdw::model::VarKind::Flow;
    flow.name = "f";
    flow.equation = text;
    m.variables.push_back(flow);
    sdw::model::Variable arr;
    arr.name = "arr";
    arr.equation = "TIME";
    arr.dimensions = {"d"};
    m.variables.push_back(arr);
    sdw::diag::Diagnostics d2;
    if (auto cm = sdw::compile::compileModel(p, d2)) sdw::sim::simulate(*cm);
    return 0;
}
