// Running the compiler's stages one at a time in tests, on a project built in code. Layer: tests/solver.
#pragma once

#include <string>

#include "solver/compile/assemble.hpp"
#include "solver/compile/emit.hpp"
#include "solver/compile/unit_check.hpp"
#include "solver/equations/ast.hpp"
#include "tests/solver/model_builder.hpp"

namespace sdw::test {

struct Stages {
    diag::Diagnostics diags;
    compile::detail::Reporter report{diags};
    compile::CompileOptions options;

    compile::detail::SymbolTable symbols(const model::Project& p) {
        return compile::detail::collectSymbols(p, options, report);
    }
    compile::detail::ElementModel elements(const model::Project& p) {
        return compile::detail::buildElements(symbols(p), options, report);
    }
    compile::detail::ExpandedModel expanded(const model::Project& p) {
        return compile::detail::expandBuiltins(elements(p), p, options, report);
    }
};

// The element of a user's variable (its first, for an array).
inline int elementOf(const compile::detail::ExpandedModel& m, const std::string& name) {
    const int v = m.symbols.findVar(model::canonicalName(name), "");
    return v < 0 ? -1 : m.symbols.var(v).firstElement;
}

inline std::string equationOf(const compile::detail::ExpandedModel& m, int element) {
    return equations::toString(m.element(element).expr);
}

}  // namespace sdw::test
