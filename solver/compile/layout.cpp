// Compile stage 5: slots for every element and every stock's derivative. Layer: solver.
#include "solver/compile/layout.hpp"

namespace sdw::compile::detail {

SlotLayout layoutSlots(const ExpandedModel& model) {
    const size_t n = model.elements.size();
    SlotLayout layout;
    layout.slot.assign(n, 0);
    layout.derivSlot.assign(n, 0);
    uint32_t next = CompiledModel::kFirstFreeSlot;
    for (size_t i = 0; i < n; ++i)
        if (!model.elements[i].internal) layout.slot[i] = next++;
    for (size_t i = 0; i < n; ++i)
        if (model.elements[i].internal) layout.slot[i] = next++;
    for (size_t i = 0; i < n; ++i)
        if (model.elements[i].kind == ElementKind::Stock) layout.derivSlot[i] = next++;
    layout.firstFree = next;
    return layout;
}

}  // namespace sdw::compile::detail
