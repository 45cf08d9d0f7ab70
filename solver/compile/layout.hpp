// Compile stage 5, slot layout: time and the run's constants first, then every user-visible element in
// column order (so saving a row is one copy), then internal elements, then a derivative slot per stock.
// Input: an ExpandedModel; output: a SlotLayout. Literal constants and temporaries come later, from the
// program stage. Layer: solver. Not part of the public API.
#pragma once

#include <cstdint>
#include <vector>

#include "solver/compile/expand.hpp"

namespace sdw::compile::detail {

struct SlotLayout {
    std::vector<uint32_t> slot;       // by element
    std::vector<uint32_t> derivSlot;  // by element: a stock's net flow (0 for the rest)
    uint32_t firstFree =
        CompiledModel::kFirstFreeSlot;  // the program stage's constants and temporaries start here
};

SlotLayout layoutSlots(const ExpandedModel& model);

}  // namespace sdw::compile::detail
