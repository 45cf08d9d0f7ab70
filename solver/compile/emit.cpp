// Slot layout and program emission, and the compileModel() entry point. Layout: time and run constants,
// then every visible variable in column order (so saving a row is one copy), then internal variables,
// literal constants and temporaries. Layer: solver.
#include <algorithm>
#include <cmath>
#include <limits>

#include "solver/compile/compiler_impl.hpp"
#include "solver/compile/fuse.hpp"
#include "solver/model/text_origin.hpp"

namespace sdw::compile {
namespace detail {

using model::canonicalName;

uint32_t Compiler::tempSlot() {
    return m_nextSlot++;
}

// State sites were built with scalar ids; now that slots exist, point them at slots.
void Compiler::fixStateSlots() {
    for (auto& site : m_out->m_states) {
        auto slotOf = [&](uint32_t scalar) { return m_scalars[scalar].slot; };
        site.outSlot = slotOf(site.outSlot);
        site.initSlot = slotOf(site.initSlot);
        site.inputSlot = slotOf(site.inputSlot);
        if (site.kind == StateSite::Kind::Pipeline) site.delaySlot = slotOf(site.delaySlot);
    }
}

uint32_t Compiler::constSlot(double v) {
    auto it = m_constSlots.find(v);
    if (it != m_constSlots.end() && !std::isnan(v)) return it->second;
    const uint32_t s = m_nextSlot++;
    if (m_constValue.size() <= s) {
        m_constValue.resize(s + 1, 0);
        m_isConst.resize(s + 1, false);
    }
    m_constValue[s] = v;
    m_isConst[s] = true;
    if (!std::isnan(v)) m_constSlots[v] = s;
    return s;
}

void Compiler::layoutSlots() {
    // Visible scalars first, in model order (the columns), then the rest.
    uint32_t next = CompiledModel::kFirstFreeSlot;
    for (auto& s : m_scalars)
        if (s.visible) s.slot = next++;
    for (auto& s : m_scalars)
        if (!s.visible) s.slot = next++;
    for (auto& s : m_scalars)
        if (s.kind == ScalarKind::Stock) s.derivSlot = next++;
    m_nextSlot = next;
}

void Compiler::emitPrograms() {
    auto emitScalar = [&](int si, Phase phase, std::vector<Instr>& prog) {
        Scalar& s = m_scalars[static_cast<size_t>(si)];
        if (s.isConstant || !s.defined) return;
        if (s.expr.empty()) return;  // a lookup table called by name
        if (phase == Phase::Flow && s.kind == ScalarKind::Stock) return;
        const size_t before = prog.size();
        uint32_t r = lower(si, s.expr, s.expr.root, phase, prog);
        if (s.table >= 0 && s.kind != ScalarKind::Stock) {
            emit(prog, Op::Lookup, r, static_cast<uint32_t>(s.table));
            prog.back().dst = s.slot;
            return;
        }
        // Retarget the last instruction to write straight into the variable's slot.
        const bool pinned = r < m_pinned.size() && m_pinned[r];
        if (prog.size() > before && prog.back().dst == r && r >= m_out->m_slotCount && !pinned) {
            prog.back().dst = s.slot;
        } else {
            emit(prog, Op::Copy, r);
            prog.back().dst = s.slot;
        }
    };
    m_out->m_slotCount = m_nextSlot;  // temporaries are above this mark

    for (int si : m_initOrder) emitScalar(si, Phase::Init, m_out->m_initProgram);

    // Per-step program, with non-negative clamps: a uniflow never goes below zero, and a non-negative stock's
    // outflows are cut, in the order listed, to what the stock holds plus what flows in during this DT.
    std::vector<std::vector<std::pair<int, int>>> outflowOf(m_scalars.size());  // flow -> (stock, position)
    for (size_t i = 0; i < m_scalars.size(); ++i) {
        const Scalar& s = m_scalars[i];
        if (s.kind != ScalarKind::Stock || !s.nonNegative) continue;
        for (size_t k = 0; k < s.outflows.size(); ++k)
            outflowOf[static_cast<size_t>(s.outflows[k])].push_back(
                {static_cast<int>(i), static_cast<int>(k)});
    }
    // A flow that drains several stocks keeps its own value; each non-negative stock then floors its net
    // flow.
    std::vector<int> drains(m_scalars.size(), 0);
    for (const auto& s : m_scalars)
        if (s.kind == ScalarKind::Stock)
            for (int out : s.outflows) ++drains[static_cast<size_t>(out)];
    for (size_t f = 0; f < outflowOf.size(); ++f)
        if (drains[f] > 1) outflowOf[f].clear();
    std::vector<bool> writable(m_scalars.size(), false);
    for (const auto& name : m_options.hookWritable) {
        const int var = findVar(canonicalName(name), "");
        if (var < 0) {
            m_diags.error(diag::code::kUnknownName, name,
                          "a plugin declares it modifies '" + name + "', which the model does not have");
            m_failed = true;
            continue;
        }
        const VarInfo& v = m_vars[static_cast<size_t>(var)];
        for (int k = 0; k < v.scalarCount; ++k) writable[static_cast<size_t>(v.firstScalar + k)] = true;
    }
    for (int si : m_flowOrder) {
        emitScalar(si, Phase::Flow, m_out->m_flowProgram);
        Scalar& s = m_scalars[static_cast<size_t>(si)];
        if (writable[static_cast<size_t>(si)] && !s.isConstant) {
            const uint32_t ov = constSlot(std::numeric_limits<double>::quiet_NaN());
            m_out->m_flowProgram.push_back(Instr{Op::Override, Fn::Abs, s.slot, ov, 0, 0});
            m_out->m_overrideSlot[s.slot] = ov;
        }
        if (s.kind == ScalarKind::Flow && s.nonNegative) {
            emit(m_out->m_flowProgram, Op::ClampNonNeg, s.slot);
            m_out->m_flowProgram.back().dst = s.slot;
        }
        for (auto [stock, pos] : outflowOf[static_cast<size_t>(si)]) {
            const Scalar& st = m_scalars[static_cast<size_t>(stock)];
            auto& prog = m_out->m_flowProgram;
            uint32_t room = emit(prog, Op::Div, st.slot, CompiledModel::kDtSlot);
            for (int in : st.inflows)
                room = emit(prog, Op::Add, room, m_scalars[static_cast<size_t>(in)].slot);
            for (int k = 0; k < pos; ++k)
                room = emit(prog, Op::Sub, room,
                            m_scalars[static_cast<size_t>(st.outflows[static_cast<size_t>(k)])].slot);
            emit(prog, Op::ClampOutflow, s.slot, room);
            prog.back().dst = s.slot;
        }
    }

    // Net flow of each stock. The first operation writes straight into the derivative slot, and a stock fed
    // by a single inflow uses that flow's slot as its derivative, with no instruction at all.
    for (auto& s : m_scalars) {
        if (s.kind != ScalarKind::Stock) continue;
        auto& prog = m_out->m_derivProgram;
        const int si = static_cast<int>(&s - m_scalars.data());
        auto slotOf = [&](int scalar) { return m_scalars[static_cast<size_t>(scalar)].slot; };
        if (!s.rate.empty()) {
            const size_t before = prog.size();
            const uint32_t r = lower(si, s.rate, s.rate.root, Phase::Flow, prog);
            if (prog.size() > before && prog.back().dst == r)
                prog.back().dst = s.derivSlot;
            else
                prog.push_back(Instr{Op::Copy, Fn::Abs, s.derivSlot, r, 0, 0});
        } else if (s.inflows.size() == 1 && s.outflows.empty() && !s.nonNegative) {
            s.derivSlot = slotOf(s.inflows[0]);
        } else if (s.inflows.empty() && s.outflows.empty()) {
            s.derivSlot = constSlot(0);
        } else {
            // Inflows first, then outflows subtracted; a stock with outflows only negates their sum.
            std::vector<std::pair<Op, uint32_t>> terms;
            for (int in : s.inflows) terms.push_back({Op::Add, slotOf(in)});
            for (int out : s.outflows) terms.push_back({s.inflows.empty() ? Op::Add : Op::Sub, slotOf(out)});
            uint32_t lhs = terms[0].second;
            for (size_t k = 1; k < terms.size(); ++k) {
                prog.push_back(Instr{terms[k].first, Fn::Abs, s.derivSlot, lhs, terms[k].second, 0});
                lhs = s.derivSlot;
            }
            if (s.inflows.empty())
                prog.push_back(Instr{Op::Neg, Fn::Abs, s.derivSlot, lhs, 0, 0});
            else if (terms.size() == 1)
                prog.push_back(Instr{Op::Copy, Fn::Abs, s.derivSlot, lhs, 0, 0});
        }
        if (s.nonNegative) {
            // The stock never goes below zero: whatever drains it (a shared outflow, a negative inflow) can
            // take at most what it holds this DT. Its own outflows were already cut in the flow program
            // above.
            const uint32_t room = tempSlot(), floor = tempSlot();
            prog.push_back(Instr{Op::Div, Fn::Abs, room, s.slot, CompiledModel::kDtSlot, 0});
            prog.push_back(Instr{Op::Neg, Fn::Abs, floor, room, 0, 0});
            prog.push_back(Instr{Op::Fn2, Fn::Max2, s.derivSlot, s.derivSlot, floor, 0});
        }
        m_out->m_stockSlots.push_back(s.slot);
        m_out->m_derivSlots.push_back(s.derivSlot);
    }
    fuseArithmetic(*m_out, m_out->m_slotCount, m_pinned,
                   {&m_out->m_initProgram, &m_out->m_flowProgram, &m_out->m_derivProgram});
    m_out->m_stepProgram = m_out->m_flowProgram;
    m_out->m_stepProgram.insert(m_out->m_stepProgram.end(), m_out->m_derivProgram.begin(),
                                m_out->m_derivProgram.end());
}

std::shared_ptr<const CompiledModel> Compiler::run() {
    CompiledModel& cm = *m_out;
    cm.specs = m_project.specs;
    cm.modelName = m_project.name;
    const auto& specs = m_project.specs;
    if (!(specs.dt > 0) || !std::isfinite(specs.dt)) {
        m_diags.error(diag::code::kBadSpecs, "sim_specs",
                      "dt must be a positive number (it is " + std::to_string(specs.dt) + ")");
        m_failed = true;
    }
    if (!(specs.stop >= specs.start)) {
        m_diags.error(diag::code::kBadSpecs, "sim_specs",
                      "the stop time (" + std::to_string(specs.stop) + ") is before the start time (" +
                          std::to_string(specs.start) + ")");
        m_failed = true;
    }
    if (specs.saveper && !(*specs.saveper > 0)) {
        m_diags.error(diag::code::kBadSpecs, "sim_specs", "the save interval must be positive");
        m_failed = true;
    }
    collectDimensions();
    collectVariables(m_project.main(), "", 0);
    expandScalars();
    linkStocks();
    if (m_failed) return nullptr;
    expandAll();
    if (m_failed) return nullptr;
    if (!order(Phase::Init, m_initOrder) || !order(Phase::Flow, m_flowOrder)) return nullptr;
    layoutSlots();
    fixStateSlots();
    emitPrograms();
    if (m_failed) return nullptr;
    if (m_options.checkUnits) checkUnits();

    bool anyStock = false;
    for (const auto& s : m_scalars) anyStock = anyStock || s.kind == ScalarKind::Stock;
    if (!anyStock)
        m_diags.warning(
            diag::code::kNoStocks, m_project.name.empty() ? "model" : m_project.name,
            "the model has no stocks: nothing accumulates, so every value is computed afresh each step");

    // Final slot table.
    cm.m_slotCount = m_nextSlot;
    cm.m_initialSlots.assign(m_nextSlot, 0.0);
    cm.m_slotNames.assign(m_nextSlot, "");
    for (size_t s = 0; s < m_isConst.size(); ++s)
        if (m_isConst[s]) cm.m_initialSlots[s] = m_constValue[s];
    cm.m_slotNames[CompiledModel::kTimeSlot] = "time";
    cm.m_isStockSlot.assign(m_nextSlot, false);
    for (uint32_t s : cm.m_stockSlots) cm.m_isStockSlot[s] = true;
    cm.m_isConstantSlot.assign(m_nextSlot, false);
    cm.columns.push_back(
        {"Time", "time", model::VarKind::Aux, specs.timeUnits, CompiledModel::kTimeSlot, false});
    for (const auto& s : m_scalars) {
        cm.m_slotNames[s.slot] = s.display;
        cm.m_slotByName[s.canonical] = s.slot;
        if (s.isConstant) {
            cm.m_initialSlots[s.slot] = s.constantValue;
            cm.m_isConstantSlot[s.slot] = s.visible;
        }
        if (!s.visible) continue;
        model::VarKind kind = s.kind == ScalarKind::Stock  ? model::VarKind::Stock
                              : s.kind == ScalarKind::Flow ? model::VarKind::Flow
                                                           : model::VarKind::Aux;
        cm.columns.push_back({s.display, s.canonical, kind, s.units, s.slot, s.isConstant});
        cm.m_checkSlots.push_back(s.slot);
    }
    return m_out;
}

}  // namespace detail

std::shared_ptr<const CompiledModel> compileModel(const model::Project& project, diag::Diagnostics& diags,
                                                  const CompileOptions& options) {
    try {
        const size_t before = diags.items().size();
        detail::Compiler c(project, diags, options);
        auto compiled = c.run();
        model::placeInSource(diags, project, options.equationOverrides, before);  // columns -> file positions
        return compiled;
    } catch (const std::exception& e) {
        diags.error(diag::code::kUnsupported, project.name,
                    std::string("internal compiler error: ") + e.what());
        return nullptr;
    }
}

int CompiledModel::findSlot(const std::string& name) const {
    const std::string key = model::canonicalRef(name);
    if (key == "time") return static_cast<int>(kTimeSlot);
    auto it = m_slotByName.find(key);
    return it == m_slotByName.end() ? -1 : static_cast<int>(it->second);
}

int CompiledModel::findColumn(const std::string& name) const {
    const int slot = findSlot(name);
    if (slot < 0) return -1;
    for (size_t i = 0; i < columns.size(); ++i)
        if (columns[i].slot == static_cast<uint32_t>(slot)) return static_cast<int>(i);
    return -1;
}

}  // namespace sdw::compile
