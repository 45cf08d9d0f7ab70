// Compile stage 4, dependency order: ExpandedModel (read through a Resolver) -> Ordering.
// Layer: solver (compile internals; not public API).
#pragma once

#include <optional>
#include <vector>

#include "solver/compile/resolve.hpp"

// The initial program computes every element; the per-step program every element that is not a stock or a
// state. An algebraic loop is reported with every name on it.
namespace sdw::compile::detail {

// The initial program computes every element, stocks included; the per-step program the rest from the stocks.
enum class Phase { Init, Flow };

struct Ordering {
    std::vector<int> init;  // element ids
    std::vector<int> flow;
};

// The elements an equation reads in `phase`: INIT() reads its argument only while initialising, ACTIVE
// INITIAL one argument per phase, a reduction every element it ranges over, LOOKUP its input only.
void collectDependencies(const Resolver& resolver, int element, const equations::Expr& e, int node,
                         Phase phase, const std::vector<Binding>& extra, std::vector<int>& out);

// nullopt when the equations form a loop (reported).
std::optional<Ordering> orderEquations(const ExpandedModel& model, const Resolver& resolver,
                                       Reporter& report);

// Every element each phase computes, in the model's order: not an order to run, only to walk every equation
// for its other errors once a loop has been reported.
Ordering unorderedForChecks(const ExpandedModel& model);

}  // namespace sdw::compile::detail
