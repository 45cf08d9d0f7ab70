// Name resolution over an expanded model, read only: used by the order, program and unit stages.
// Layer: solver (compile internals; not public API).
#pragma once

#include <string>
#include <vector>

#include "solver/compile/expand.hpp"

// Which elements a name stands for (with its subscripts, in the context of the element being computed and
// of the array reductions around it); the dimensions a reduction ranges over; near-miss suggestions.
namespace sdw::compile::detail {

// Why a name cannot be resolved as written; no problem while `code` is null. Not yet reported: the caller
// decides (dependency ordering resolves quietly, lowering reports).
struct Problem {
    const char* code = nullptr;
    std::string message;
    int pos = -1;
};

class Resolver {
  public:
    explicit Resolver(const ExpandedModel& model) : m_model(model), m_symbols(model.symbols) {}

    // The elements that Name or ElementRef node `node` of an equation of `element` stands for: one, or many
    // for a wildcard; empty when it cannot be resolved. `extra` holds the bindings of the reductions around
    // the node. The first problem goes to `problem` when it is given.
    std::vector<int> resolve(int element, const equations::Expr& e, int node,
                             const std::vector<Binding>& extra, Problem* problem = nullptr) const;
    // Every combination of bindings a reduction's argument ranges over, each after `extra`.
    std::vector<std::vector<Binding>> wildcardCombos(int element, const equations::Expr& e, int node,
                                                     const std::vector<Binding>& extra) const;
    // The same over the union of several arguments' wildcards (VECTOR SELECT's selection and values may
    // range over different dimensions: every pair is visited).
    std::vector<std::vector<Binding>> wildcardCombos(int element, const equations::Expr& e,
                                                     const std::vector<int>& nodes,
                                                     const std::vector<Binding>& extra) const;
    // The element of `dim` the bindings select, directly or through a mapping or subrange; -1 when none.
    int bindingFor(int dim, const std::vector<Binding>& bindings) const;
    // The nearest variable name in `scope` to an unknown one ("" when none is near).
    std::string suggest(const std::string& canonical, const std::string& scope) const;
    // The bindings a name sees: the element's context, then the reduction bindings not shadowed by it.
    std::vector<Binding> visibleBindings(const Element& s, const std::vector<Binding>& extra) const;
    const ExpandedModel& model() const { return m_model; }

  private:
    struct Site;
    bool choose(const Site& site, size_t k, std::vector<int>& choice, Problem* problem) const;
    bool chooseStar(const Site& site, size_t k, const equations::Node& sub, std::vector<int>& choice,
                    Problem* problem) const;
    bool chooseName(const Site& site, size_t k, const equations::Node& sub, std::vector<int>& choice,
                    Problem* problem) const;
    void wildcardDims(int element, const equations::Expr& e, int node, const std::vector<Binding>& extra,
                      std::vector<Binding>& dims) const;

    const ExpandedModel& m_model;
    const SymbolTable& m_symbols;
};

}  // namespace sdw::compile::detail
