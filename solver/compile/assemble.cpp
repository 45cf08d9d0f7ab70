// Compile stage 8: the compiled model's slot table, columns and programs. Layer: solver.
#include "solver/compile/assemble.hpp"

namespace sdw::compile::detail {

std::shared_ptr<CompiledModel> assemble(const ExpandedModel& model, const SlotLayout& layout, Program program,
                                        const model::Project& project) {
    auto out = std::make_shared<CompiledModel>();
    CompiledModel& cm = *out;
    cm.specs = project.specs;
    cm.modelName = project.name;
    const uint32_t slots = program.slotCount;
    cm.m_slotCount = slots;
    cm.m_initialSlots.assign(slots, 0.0);
    cm.m_slotNames.assign(slots, "");
    for (size_t s = 0; s < program.isConst.size(); ++s)
        if (program.isConst[s]) cm.m_initialSlots[s] = program.constValue[s];
    cm.m_slotNames[CompiledModel::kTimeSlot] = "time";
    cm.m_isStockSlot.assign(slots, false);
    for (uint32_t s : program.stockSlots) cm.m_isStockSlot[s] = true;
    cm.m_isConstantSlot.assign(slots, false);
    cm.columns.push_back(
        {"Time", "time", model::VarKind::Aux, project.specs.timeUnits, CompiledModel::kTimeSlot, false});
    for (size_t i = 0; i < model.elements.size(); ++i) {
        const Element& s = model.elements[i];
        const uint32_t slot = layout.slot[i];
        cm.m_slotNames[slot] = s.display;
        if (s.isConstant) {
            cm.m_initialSlots[slot] = s.constantValue;
            cm.m_isConstantSlot[slot] = !s.internal;
        }
        if (s.internal) continue;  // internal elements are neither columns nor names a caller can look up
        cm.m_slotByName[s.canonical] = slot;
        const model::VarKind kind = s.kind == ElementKind::Stock  ? model::VarKind::Stock
                                    : s.kind == ElementKind::Flow ? model::VarKind::Flow
                                                                  : model::VarKind::Aux;
        cm.columns.push_back({s.display, s.canonical, kind, s.units, slot, s.isConstant});
        cm.m_checkSlots.push_back(slot);
    }
    cm.m_initProgram = std::move(program.init);
    cm.m_flowProgram = std::move(program.flow);
    cm.m_derivProgram = std::move(program.deriv);
    cm.m_stepProgram = cm.m_flowProgram;
    cm.m_stepProgram.insert(cm.m_stepProgram.end(), cm.m_derivProgram.begin(), cm.m_derivProgram.end());
    cm.m_tables = model.tables;
    cm.m_tables.insert(cm.m_tables.end(), program.derivedTables.begin(), program.derivedTables.end());
    cm.m_lists = std::move(program.lists);
    cm.m_randoms = std::move(program.randoms);
    cm.m_states = std::move(program.states);
    cm.m_stockSlots = std::move(program.stockSlots);
    cm.m_derivSlots = std::move(program.derivSlots);
    cm.m_overrideSlot = std::move(program.overrideSlot);
    return out;
}

}  // namespace sdw::compile::detail
