// Internal state of the compiler, shared by its stages (compiler.cpp: variables, arrays, order, layout;
// expand.cpp: stateful built-ins and macros into internal variables; lower.cpp: expressions to instructions).
// Layer: solver. Not part of the public API.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "solver/compile/compiled_model.hpp"
#include "solver/equations/ast.hpp"
#include "solver/equations/builtins.hpp"

namespace sdw::compile::detail {

using equations::BuiltinInfo;
using equations::BuiltinKind;
using equations::findBuiltin;

enum class Phase { Init, Flow };

struct DimInfo {
    std::string canonical;
    std::string display;
    std::vector<std::string> elems;         // canonical element names
    std::vector<std::string> elemsDisplay;  // as written
    std::vector<int> mapsTo;                // dimensions this one maps onto, position by position
    int parent = -1;                        // for a subrange: the dimension whose elements it picks
    std::vector<int> parentIndex;           // subrange element -> index in parent
};

// A binding of one dimension to one of its elements while compiling an element of an arrayed variable.
struct Binding {
    int dim;
    int elem;
    bool star =
        false;  // made by an explicit * inside a reduction: binds that * only, when the context
                // already binds the same dimension (SUM(x[*]) in an equation arrayed over x's dimension)
};

enum class ScalarKind { Stock, Flow, Aux, State };

// One thing with one slot: a scalar variable, one element of an arrayed variable, or an internal variable
// made by expanding a built-in (names starting with '#').
struct Scalar {
    std::string canonical;
    std::string display;
    ScalarKind kind = ScalarKind::Aux;
    bool visible = true;
    int var = -1;  // VarInfo index
    std::vector<Binding> ctx;
    std::string scope;                   // prefix for name look-up ("" or "module.")
    equations::Expr expr;                // the equation (a stock's initial value; a state's initial value)
    std::vector<int> inflows, outflows;  // stocks: scalar ids
    equations::Expr rate;  // stocks made by expansion: net flow expression (when no inflow/outflow lists)
    bool nonNegative = false;
    int table = -1;  // lookup table applied to expr's value (or called by name when expr is empty)
    bool isConstant = false;
    double constantValue = 0;
    uint32_t slot = 0;
    uint32_t derivSlot = 0;
    int stateSite = -1;  // State: index into m_states
    std::string units;
    int line = 0;
    bool defined = true;  // false when the equation is missing
    // Macro instances this scalar sits inside. A macro's body variables and parameter defaults are expanded
    // later than the call, by expandAll: they carry the depth so a macro that calls itself from its body
    // still meets the nesting limit.
    int macroDepth = 0;
};

// One variable of the model (after module inlining), possibly arrayed.
struct VarInfo {
    std::string canonical;
    std::string display;
    model::VarKind kind = model::VarKind::Aux;
    const model::Variable* src = nullptr;
    std::string scope;
    std::vector<int> dims;
    int firstScalar = -1;
    int scalarCount = 0;
    int table = -1;
};

class Compiler {
  public:
    Compiler(const model::Project& project, diag::Diagnostics& diags, const CompileOptions& options)
        : m_project(project), m_diags(diags), m_options(options) {}
    std::shared_ptr<const CompiledModel> run();

    // --- compiler.cpp ---
    void collectDimensions();
    void collectVariables(const model::Model& m, const std::string& scope, int depth);
    void expandScalars();
    void linkStocks();
    bool order(Phase phase, std::vector<int>& out);
    void layoutSlots();
    void emitPrograms();
    void checkUnits();
    int elementCount(const std::vector<int>& dims) const;
    std::vector<int> elementIndices(const std::vector<int>& dims, int flat) const;
    std::string elementSuffix(const std::vector<int>& dims, const std::vector<int>& idx, bool display) const;

    // --- expand.cpp ---
    void expandAll();
    void expandNode(int scalar, equations::Expr& e, int node, int macroDepth);
    int newHidden(const std::string& base, ScalarKind kind, int parent);
    int copyInto(equations::Expr& dst, const equations::Expr& src, int node);
    int exprName(equations::Expr& e, const std::string& canonical, int pos);
    int exprNum(equations::Expr& e, double v);
    int exprBin(equations::Expr& e, char op, int a, int b);
    int exprCall(equations::Expr& e, const std::string& fn, std::vector<int> args);
    int hiddenAux(int parent, const equations::Expr& src, int node, const std::string& base);
    void expandStateful(int scalar, equations::Expr& e, int node);
    void expandMacro(int scalar, equations::Expr& e, int node, const model::Macro& macro, int macroDepth);

    // --- lower.cpp ---
    uint32_t lower(int scalar, const equations::Expr& e, int node, Phase phase, std::vector<Instr>& prog);
    uint32_t lowerCall(int scalar, const equations::Expr& e, int node, Phase phase, std::vector<Instr>& prog);
    uint32_t lowerReduce(int scalar, const equations::Expr& e, int node, Phase phase,
                         std::vector<Instr>& prog);
    void collectDeps(int scalar, const equations::Expr& e, int node, Phase phase, std::vector<int>& out);
    // Resolve a Name node to scalar ids (one, or many for wildcards). Empty on error (reported).
    std::vector<int> resolve(int scalar, const equations::Expr& e, int node,
                             const std::vector<Binding>& extra, bool report);
    int findVar(const std::string& canonical, const std::string& scope) const;
    int bindingFor(int dim, const std::vector<Binding>& bindings) const;
    std::vector<std::vector<Binding>> wildcardCombos(int scalar, const equations::Expr& e, int node);
    void wildcardDims(int scalar, const equations::Expr& e, int node, std::vector<Binding>& dims);
    // The bindings a name sees: the element's context, then the reduction bindings not shadowed by it.
    std::vector<Binding> visibleBindings(const Scalar& s, const std::vector<Binding>& extra) const;
    std::string suggest(const std::string& canonical, const std::string& scope) const;
    void fixStateSlots();
    uint32_t constSlot(double v);
    uint32_t tempSlot();
    uint32_t emit(std::vector<Instr>& prog, Op op, uint32_t a, uint32_t b = 0, uint32_t c = 0,
                  Fn fn = Fn::Abs);
    bool isConstSlot(uint32_t s) const { return s < m_constValue.size() && m_isConst[s]; }
    void error(int scalar, const char* code, const std::string& msg, int pos = -1);
    void warning(int scalar, const char* code, const std::string& msg);

    const model::Project& m_project;
    diag::Diagnostics& m_diags;
    const CompileOptions& m_options;
    std::shared_ptr<CompiledModel> m_out = std::make_shared<CompiledModel>();

    std::vector<DimInfo> m_dims;
    std::unordered_map<std::string, int> m_dimByName;
    std::vector<VarInfo> m_vars;
    std::unordered_map<std::string, int> m_varByName;  // canonical (with scope) -> VarInfo
    std::vector<Scalar> m_scalars;
    std::unordered_map<std::string, equations::Expr> m_macroBodies;
    int m_hiddenCounter = 0;
    std::map<double, uint32_t> m_constSlots;
    std::vector<double> m_constValue;  // by slot (only meaningful where m_isConst)
    std::vector<bool> m_isConst;
    uint32_t m_nextSlot = CompiledModel::kFirstFreeSlot;
    std::unordered_map<uint64_t, uint32_t> m_initCapture;  // (scalar, node) -> slot holding INIT(x)'s value
    std::unordered_map<std::string, uint32_t>
        m_randomSlots;             // (scalar, node, reduction bindings) -> held draw
    std::vector<Binding> m_extra;  // wildcard bindings while inside an array reduction
    std::vector<bool> m_pinned;    // slots that must keep their own value (INIT captures): never retargeted
    std::vector<int> m_flowOrder, m_initOrder;
    std::unordered_set<std::string> m_reported;
    // Module inputs: inner variable -> (equation from the parent, the parent's scope).
    std::unordered_map<std::string, std::pair<std::string, std::string>> m_connections;
    bool m_failed = false;
    int m_expandDepth = 0;
    size_t m_macroInstances = 0;  // macro calls inlined so far (each makes a few internal variables)
    bool m_tooLarge =
        false;  // a size or depth guard fired: stop expanding (one report, not thousands)  // nesting of
                // expandNode: inlined macros deepen an equation past the parser's limit
};

}  // namespace sdw::compile::detail
