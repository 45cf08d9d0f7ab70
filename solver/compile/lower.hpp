// Lowering, in the program stage: one equation's tree -> instructions, reading the expanded model, the
// resolver and the layout (all immutable), writing through a ProgramBuilder. Layer: solver (not public API).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "solver/compile/layout.hpp"
#include "solver/compile/order.hpp"
#include "solver/compile/program.hpp"
#include "solver/equations/builtins.hpp"

// Adding a built-in: a row in equations/builtins.cpp, then its kind's case in lower_call.cpp (a new math
// function: a row in kMathFunctions there, an Fn code in compiled_model.hpp and the interpreter's case).
namespace sdw::compile::detail {

class Lowerer {
  public:
    Lowerer(const ExpandedModel& model, const Resolver& resolver, const SlotLayout& layout,
            ProgramBuilder& out, Reporter& report)
        : m_model(model), m_resolver(resolver), m_layout(layout), m_out(out), m_report(report) {}

    // Instructions computing node `node` of an equation of `element` appended to `prog`; returns the slot
    // that holds the value (a variable's, a constant's or a new temporary).
    uint32_t lower(int element, const equations::Expr& e, int node, Phase phase, std::vector<Instr>& prog);

  private:
    // Where a node is being lowered: its equation, phase and program, and the reductions around it.
    struct Site {
        int element;
        const equations::Expr& e;
        Phase phase;
        std::vector<Instr>& prog;
        std::vector<Binding> extra;  // wildcard bindings while inside an array reduction
    };

    // --- lower.cpp: expressions and names ---
    uint32_t expr(Site& at, int node);
    uint32_t name(Site& at, int node);
    uint32_t conditional(Site& at, const equations::Node& n);
    void error(int element, const char* code, const std::string& message, int pos);
    uint32_t slotOf(int element) const { return m_layout.slot[static_cast<size_t>(element)]; }

    // --- lower_call.cpp: built-in functions ---
    uint32_t call(Site& at, int node);
    uint32_t graphicalCall(Site& at, int node, int var);
    uint32_t arg(Site& at, const equations::Node& n, int k);
    uint32_t math(Site& at, const equations::Node& n, equations::BuiltinKind kind);
    uint32_t conditionalCall(Site& at, const equations::Node& n);
    uint32_t timeFunction(Site& at, const equations::Node& n);
    uint32_t random(Site& at, const equations::Node& n, int node);
    uint32_t initial(Site& at, const equations::Node& n, int node);
    uint32_t lookup(Site& at, const equations::Node& n);
    uint32_t derivedTable(int table, const std::string& function);
    uint32_t reduce(Site& at, const equations::Node& n);

    // --- lower_array.cpp: Vensim's array functions, dimensions as values ---
    uint32_t arrayFunction(Site& at, int node);
    std::vector<uint32_t> arrayOperands(Site& at, const equations::Node& n, const std::vector<uint32_t>& v,
                                        int pos, Fn& fn);
    std::vector<uint32_t> vectorSelectList(Site& at, const equations::Node& n);
    // The slots of argument `arg` made whole over its last `trailing` dimensions (empty: not an array).
    std::vector<uint32_t> lowerWhole(Site& at, int arg, int trailing);
    // The element being defined, as a 0-based index over its last `trailing` dimensions; -1 when it has
    // fewer.
    int definedPosition(int element, int trailing) const;
    int dimensionValue(const Site& at, const std::string& name) const;

    const ExpandedModel& m_model;
    const Resolver& m_resolver;
    const SlotLayout& m_layout;
    ProgramBuilder& m_out;
    Reporter& m_report;
    std::unordered_map<uint64_t, uint32_t> m_initCapture;  // (element, node) -> slot holding INIT(x)'s value
    std::unordered_map<std::string, uint32_t>
        m_randomSlots;  // (element, node, reduction bindings) -> held draw
    std::unordered_map<std::string, uint32_t> m_derivedTables;  // "table:function" -> its derived table
};

}  // namespace sdw::compile::detail
