// Compile stage 2, elements: one Element per value the model computes (a scalar variable, or one element of
// an arrayed one) with its equation parsed, its lookup table, and a stock's flows linked. Input: the
// SymbolTable; output: an ElementModel. Layer: solver. Not part of the public API.
#pragma once

#include <string>
#include <vector>

#include "solver/compile/symbols.hpp"
#include "solver/equations/ast.hpp"

namespace sdw::compile::detail {

// A binding of one dimension to one of its elements while compiling an element of an arrayed variable.
struct Binding {
    int dim;
    int elem;
    // Made by an explicit * inside a reduction: binds that * only, when the context already binds the same
    // dimension (SUM(x[*]) in an equation arrayed over x's dimension).
    bool star = false;
};

enum class ElementKind { Stock, Flow, Aux, State };

// One value with one slot. Internal elements are made by the expansion stage (a smooth's stages, a delay's
// pipeline, a macro's variables); they are never columns and never named by the user.
struct Element {
    std::string canonical;  // with scope and "[elem]"; empty for an internal element
    std::string display;
    ElementKind kind = ElementKind::Aux;
    bool internal = false;
    int var = -1;  // the user's variable it belongs to (for an internal one: the variable that made it)
    std::vector<Binding> ctx;
    std::string scope;                   // where its equation looks names up ("" or "module.")
    equations::Expr expr;                // the equation (a stock's or a state's initial value)
    std::vector<int> inflows, outflows;  // stocks: element ids
    equations::Expr rate;                // internal stocks: net flow (when there are no flow lists)
    bool nonNegative = false;
    int table = -1;  // lookup table applied to expr's value (or called by name when expr is empty)
    bool isConstant = false;
    double constantValue = 0;
    std::string units;
    int line = 0;
    bool defined = true;  // false when the equation is missing or could not be read (its expr is then 0)
    // Macro instances this element sits inside: a macro's body variables and parameter defaults are expanded
    // after the call, so they carry the depth and a macro calling itself from its body meets the limit.
    int macroDepth = 0;
};

struct ElementModel {
    SymbolTable symbols;
    std::vector<Element> elements;
    std::vector<LookupTable> tables;
    // Every variable has its elements. False when the model's size stopped the stage part way; the later
    // stages can then not look for further errors.
    bool complete = true;
};

// `vensimDialect`: the equations are XMILE that Vensim wrote, whose INT is Vensim's INTEGER (toward zero) and
// whose MOD is Vensim's MODULO (the dividend's sign).
ElementModel buildElements(SymbolTable symbols, const CompileOptions& options, Reporter& report,
                           bool vensimDialect = false);

// A diagnostic at an element's variable and line; an internal element reports against the variable that
// made it. `pos` is a 0-based column in its equation, or -1.
diag::Diagnostic problemAt(const SymbolTable& symbols, const Element& element, const char* code,
                           const std::string& message, int pos = -1);

}  // namespace sdw::compile::detail
