// Compile stage 3, expansion: ElementModel -> ExpandedModel, in which no equation calls a stateful built-in
// or a macro. Layer: solver (compile internals; not public API).
#pragma once

#include <vector>

#include "solver/compile/elements.hpp"

// Smooths and material delays become internal stocks; DELAY (the fixed pipeline), PREVIOUS and SAMPLE IF
// TRUE become states updated only at step boundaries; macros are inlined, each call an instance.
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
