// Compile stage 5, slot layout: ExpandedModel -> SlotLayout. Layer: solver (compile internals; not public
// API).
#pragma once

#include <cstdint>
#include <vector>

#include "solver/compile/expand.hpp"

// Time and the run's constants first, then every user-visible element in column order (so saving a row is
// one copy), then internal elements, then a derivative slot per stock. Literal constants and temporaries
// come later, from the program stage.
namespace sdw::compile::detail {

struct SlotLayout {
    std::vector<uint32_t> slot;       // by element
    std::vector<uint32_t> derivSlot;  // by element: a stock's net flow (0 for the rest)
    uint32_t firstFree =
        CompiledModel::kFirstFreeSlot;  // the program stage's constants and temporaries start here
};

SlotLayout layoutSlots(const ExpandedModel& model);

}  // namespace sdw::compile::detail
