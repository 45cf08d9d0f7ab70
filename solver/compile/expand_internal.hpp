// The expansion stage's walker, shared by expand.cpp (the walk, size guards, macros) and expand_stateful.cpp
// (smooths, delays, trends, states). Every equation is rebuilt into a new tree: the input is only read.
// Layer: solver. Not part of the public API.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "solver/compile/expand.hpp"

namespace sdw::compile::detail {

using equations::Expr;
using equations::Node;
using equations::NodeKind;

// Small builders of new nodes in an expression arena; each returns the new node's index.
int exprNum(Expr& e, double v);
int exprBin(Expr& e, char op, int a, int b);
int exprCall(Expr& e, const std::string& fn, std::vector<int> args);
// A reference to element `target` (an internal element has no name a user could write); `text` names it in
// messages.
int exprRef(Expr& e, int target, const std::string& text, int pos);
// Copies a subtree; safe when dst and src are the same arena (nodes are re-read after every append).
int copyInto(Expr& dst, const Expr& src, int node);

class Expander {
  public:
    Expander(ElementModel in, const model::Project& project, const CompileOptions& options, Reporter& report);
    ExpandedModel run();

  private:
    // --- expand.cpp ---
    bool changes(const Expr& e) const;
    int node(int element, const Expr& in, int n, Expr& out, int macroDepth);
    bool overLimit(int element, const Expr& out, const Node& call);
    int newInternal(const std::string& base, ElementKind kind, int parent);
    int internalAux(int parent, const Expr& src, int node, const std::string& base);
    void error(int element, const char* code, const std::string& message, int pos);
    int macro(int element, Expr& out, const Node& call, const model::Macro& m, int macroDepth);
    bool macroParameters(int element, const Expr& out, const Node& call, const model::Macro& m,
                         const std::string& scope, int macroDepth);
    int macroBody(int element, const model::Macro& m, const std::string& scope, int macroDepth);
    int instanceVariable(int element, const std::string& name, ElementKind kind, const std::string& scope);
    int macroValue(int element, Expr& out, const Node& call, const model::Macro& m, const std::string& scope,
                   int result, int macroDepth);

    // --- expand_stateful.cpp ---
    int stateful(int element, Expr& out, const Node& call);
    int smoothOrDelay(int element, Expr& out, const Node& call);
    int trend(int element, Expr& out, const Node& call);
    int state(int element, Expr& out, const Node& call);
    int previousValue(int element, const Expr& src, int value);

    // --- initial_constant.cpp ---
    // The order of SMTHN / DELAYN / DELAY_N (lowered for a short delay); 0 (reported) when it is no constant.
    int smoothOrder(int element, const Expr& out, const Node& call);
    // The value of an expression of constants (chains of constant variables, DT, the start and stop times);
    // nullopt when it depends on time, state or anything not known before the run.
    std::optional<double> initialConstant(int element, const Expr& e, int node, int depth);
    std::optional<double> nameConstant(int element, const Expr& e, int node, int depth);
    std::optional<double> timeCallAtStart(int element, const Expr& e, int node, int depth);

    Element& at(int i) { return m_out.elements[static_cast<size_t>(i)]; }

    const model::Project& m_project;
    const CompileOptions& m_options;
    Reporter& m_report;
    bool m_orderAtStart = false;   // evaluating an order: Time, STEP and RAMP take their starting values
    bool m_orderUsesTime = false;  // ... and the order read one of them
    ExpandedModel m_out;
    std::unordered_map<std::string, Expr> m_macroBodies;  // parsed once per macro
    int m_instances = 0;                                  // macro instances, for their scopes
    size_t m_macroInstances = 0;                          // macro calls inlined (each makes a few elements)
    int m_depth = 0;  // nesting of the walk: inlined macros deepen an equation past the parser's limit
    bool m_tooLarge = false;  // a size or depth guard fired: stop expanding (one report, not thousands)
};

}  // namespace sdw::compile::detail
