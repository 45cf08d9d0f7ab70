// Compile stage 6: the initial program, the per-step program with its clamps (a uniflow never goes below
// zero; a non-negative stock's outflows are cut, in the order listed, to what it holds plus what flows in
// during the step) and hook overrides, and the derivative program. Layer: solver.
#include "solver/compile/emit.hpp"

#include <limits>

#include "solver/compile/fuse.hpp"

namespace sdw::compile::detail {
namespace {

using model::canonicalName;

class Emitter {
  public:
    Emitter(const ExpandedModel& model, const Resolver& resolver, const SlotLayout& layout,
            const CompileOptions& options, Reporter& report)
        : m_model(model),
          m_layout(layout),
          m_options(options),
          m_report(report),
          m_out(layout.firstFree),
          m_lower(model, resolver, layout, m_out, report) {}

    Program run(const Ordering& ordering) {
        states();
        for (int si : ordering.init) element(si, Phase::Init, m_out.program().init);
        flowProgram(ordering.flow);
        for (size_t i = 0; i < m_model.elements.size(); ++i)
            if (m_model.elements[i].kind == ElementKind::Stock) netFlow(static_cast<int>(i));
        Program p = m_out.finish();
        fuseArithmetic(p);
        return p;
    }

  private:
    uint32_t slot(int element) const { return m_layout.slot[static_cast<size_t>(element)]; }
    void states();
    void element(int si, Phase phase, std::vector<Instr>& prog);
    void flowProgram(const std::vector<int>& order);
    std::vector<bool> hookWritable();
    std::vector<std::vector<std::pair<int, int>>> clampedOutflows() const;
    void clampOutflow(int flow, int stock, int position);
    void netFlow(int stock);
    void sumOfFlows(const Element& s, uint32_t deriv);

    const ExpandedModel& m_model;
    const SlotLayout& m_layout;
    const CompileOptions& m_options;
    Reporter& m_report;
    ProgramBuilder m_out;
    Lowerer m_lower;
};

// State sites, in the order the expansion made them, with the slots of their elements.
void Emitter::states() {
    for (const StateLink& link : m_model.states) {
        StateSite site;
        site.kind = link.kind;
        site.outSlot = slot(link.state);
        site.initSlot = slot(link.state);
        site.inputSlot = slot(link.input);
        if (link.kind == StateSite::Kind::Pipeline) site.delaySlot = slot(link.delay);
        m_out.program().states.push_back(site);
    }
}

// One element's equation, its value written straight into its slot where the last instruction allows.
void Emitter::element(int si, Phase phase, std::vector<Instr>& prog) {
    const Element& s = m_model.element(si);
    if (s.isConstant || !s.defined) return;
    if (s.expr.empty()) return;  // a lookup table called by name
    if (phase == Phase::Flow && s.kind == ElementKind::Stock) return;
    const size_t before = prog.size();
    const uint32_t r = m_lower.lower(si, s.expr, s.expr.root, phase, prog);
    if (s.table >= 0 && s.kind != ElementKind::Stock) {
        m_out.emit(prog, Op::Lookup, r, static_cast<uint32_t>(s.table));
        prog.back().dst = slot(si);
        return;
    }
    // Retarget the last instruction to write straight into the variable's slot.
    if (prog.size() > before && prog.back().dst == r && r >= m_layout.firstFree && !m_out.pinned(r)) {
        prog.back().dst = slot(si);
    } else {
        m_out.emit(prog, Op::Copy, r);
        prog.back().dst = slot(si);
    }
}

void Emitter::flowProgram(const std::vector<int>& order) {
    const auto outflowOf = clampedOutflows();
    const std::vector<bool> writable = hookWritable();
    auto& prog = m_out.program().flow;
    for (int si : order) {
        element(si, Phase::Flow, prog);
        const Element& s = m_model.element(si);
        if (writable[static_cast<size_t>(si)] && !s.isConstant) {
            const uint32_t ov = m_out.constant(std::numeric_limits<double>::quiet_NaN());
            prog.push_back(Instr{Op::Override, Fn::Abs, slot(si), ov, 0, 0});
            m_out.program().overrideSlot[slot(si)] = ov;
        }
        if (s.kind == ElementKind::Flow && s.nonNegative) {
            m_out.emit(prog, Op::ClampNonNeg, slot(si));
            prog.back().dst = slot(si);
        }
        for (auto [stock, pos] : outflowOf[static_cast<size_t>(si)]) clampOutflow(si, stock, pos);
    }
}

// Elements a step hook may set (CompileOptions::hookWritable); an unknown name is an error.
std::vector<bool> Emitter::hookWritable() {
    std::vector<bool> writable(m_model.elements.size(), false);
    for (const auto& name : m_options.hookWritable) {
        const int var = m_model.symbols.findVar(canonicalName(name), "");
        if (var < 0) {
            m_report.error(diag::code::kUnknownName, name,
                           "a plugin declares it modifies '" + name + "', which the model does not have");
            continue;
        }
        const VarInfo& v = m_model.symbols.var(var);
        for (int k = 0; k < v.elementCount; ++k) writable[static_cast<size_t>(v.firstElement + k)] = true;
    }
    return writable;
}

// Flow -> (non-negative stock, position in its outflows). A flow that drains several stocks keeps its own
// value; each non-negative stock then floors its net flow.
std::vector<std::vector<std::pair<int, int>>> Emitter::clampedOutflows() const {
    const auto& elements = m_model.elements;
    std::vector<std::vector<std::pair<int, int>>> outflowOf(elements.size());
    std::vector<int> drains(elements.size(), 0);
    for (size_t i = 0; i < elements.size(); ++i) {
        const Element& s = elements[i];
        if (s.kind != ElementKind::Stock) continue;
        for (size_t k = 0; k < s.outflows.size(); ++k) {
            ++drains[static_cast<size_t>(s.outflows[k])];
            if (s.nonNegative)
                outflowOf[static_cast<size_t>(s.outflows[k])].push_back(
                    {static_cast<int>(i), static_cast<int>(k)});
        }
    }
    for (size_t f = 0; f < outflowOf.size(); ++f)
        if (drains[f] > 1) outflowOf[f].clear();
    return outflowOf;
}

// flow = min(flow, max(0, stock/DT + inflows - earlier outflows)).
void Emitter::clampOutflow(int flow, int stock, int position) {
    const Element& st = m_model.element(stock);
    auto& prog = m_out.program().flow;
    uint32_t room = m_out.emit(prog, Op::Div, slot(stock), CompiledModel::kDtSlot);
    for (int in : st.inflows) room = m_out.emit(prog, Op::Add, room, slot(in));
    for (int k = 0; k < position; ++k)
        room = m_out.emit(prog, Op::Sub, room, slot(st.outflows[static_cast<size_t>(k)]));
    m_out.emit(prog, Op::ClampOutflow, slot(flow), room);
    prog.back().dst = slot(flow);
}

// A stock's net flow. The first operation writes straight into the derivative slot, and a stock fed by a
// single inflow uses that flow's slot as its derivative, with no instruction at all.
void Emitter::netFlow(int si) {
    const Element& s = m_model.element(si);
    auto& prog = m_out.program().deriv;
    uint32_t deriv = m_layout.derivSlot[static_cast<size_t>(si)];
    if (!s.rate.empty()) {
        const size_t before = prog.size();
        const uint32_t r = m_lower.lower(si, s.rate, s.rate.root, Phase::Flow, prog);
        if (prog.size() > before && prog.back().dst == r)
            prog.back().dst = deriv;
        else
            prog.push_back(Instr{Op::Copy, Fn::Abs, deriv, r, 0, 0});
    } else if (s.inflows.size() == 1 && s.outflows.empty() && !s.nonNegative) {
        deriv = slot(s.inflows[0]);
    } else if (s.inflows.empty() && s.outflows.empty()) {
        deriv = m_out.constant(0);
    } else {
        sumOfFlows(s, deriv);
    }
    if (s.nonNegative) {
        // The stock never goes below zero: whatever drains it (a shared outflow, a negative inflow) can take
        // at most what it holds this DT. Its own outflows were already cut in the per-step program.
        const uint32_t room = m_out.temp(), floor = m_out.temp();
        prog.push_back(Instr{Op::Div, Fn::Abs, room, slot(si), CompiledModel::kDtSlot, 0});
        prog.push_back(Instr{Op::Neg, Fn::Abs, floor, room, 0, 0});
        prog.push_back(Instr{Op::Fn2, Fn::Max2, deriv, deriv, floor, 0});
    }
    m_out.program().stockSlots.push_back(slot(si));
    m_out.program().derivSlots.push_back(deriv);
}

// Inflows added, then outflows subtracted; a stock with outflows only negates their sum.
void Emitter::sumOfFlows(const Element& s, uint32_t deriv) {
    auto& prog = m_out.program().deriv;
    std::vector<std::pair<Op, uint32_t>> terms;
    for (int in : s.inflows) terms.push_back({Op::Add, slot(in)});
    for (int out : s.outflows) terms.push_back({s.inflows.empty() ? Op::Add : Op::Sub, slot(out)});
    uint32_t lhs = terms[0].second;
    for (size_t k = 1; k < terms.size(); ++k) {
        prog.push_back(Instr{terms[k].first, Fn::Abs, deriv, lhs, terms[k].second, 0});
        lhs = deriv;
    }
    if (s.inflows.empty())
        prog.push_back(Instr{Op::Neg, Fn::Abs, deriv, lhs, 0, 0});
    else if (terms.size() == 1)
        prog.push_back(Instr{Op::Copy, Fn::Abs, deriv, lhs, 0, 0});
}

}  // namespace

Program emitProgram(const ExpandedModel& model, const Resolver& resolver, const Ordering& ordering,
                    const SlotLayout& layout, const CompileOptions& options, Reporter& report) {
    return Emitter(model, resolver, layout, options, report).run(ordering);
}

}  // namespace sdw::compile::detail
