// Compile stage 3, expansion: stateful built-ins and macros become internal elements. Smooths and material
// delays become internal stocks; DELAY (the fixed pipeline), PREVIOUS and SAMPLE IF TRUE become states
// updated only at step boundaries; macros are inlined. Input: an ElementModel; output: an ExpandedModel, in
// which no equation calls a stateful built-in or a macro. Layer: solver. Not part of the public API.
#pragma once

#include <vector>

#include "solver/compile/elements.hpp"

namespace sdw::compile::detail {

// A pipeline delay, PREVIOUS or SAMPLE IF TRUE by element ids; the program stage gives it slots.
struct StateLink {
    StateSite::Kind kind = StateSite::Kind::Pipeline;
    int input = -1;  // the element whose value is recorded each step
    int delay = -1;  // pipeline: the delay time's element
    int state = -1;  // the state element: read by the equations, its equation is the initial value
};

struct ExpandedModel {
    SymbolTable symbols;  // macro instances add their parameters and body variables, marked internal
    std::vector<Element> elements;
    std::vector<LookupTable> tables;
    std::vector<StateLink> states;

    const Element& element(int i) const { return elements[static_cast<size_t>(i)]; }
};

ExpandedModel expandBuiltins(ElementModel model, const model::Project& project, const CompileOptions& options,
                             Reporter& report);

}  // namespace sdw::compile::detail
