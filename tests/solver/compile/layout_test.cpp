// Compile stage 5, slot layout: run constants, then the user's elements in column order, then internal
// elements, then derivatives. Layer: tests/solver.
#include <catch2/catch.hpp>

#include "tests/solver/compile/stages.hpp"

using namespace sdw;
using test::Builder;

TEST_CASE("layout: user elements first in model order, then internal ones, then derivatives",
          "[compile][layout]") {
    Builder b;
    b.stock("s", "1", {"f"}).flow("f", "SMTH1(s, 2)").aux("k", "3");
    test::Stages st;
    const auto m = st.expanded(b.project);
    REQUIRE(m.elements.size() == 4);  // s, f, k and f's smoothing stage
    const auto layout = compile::detail::layoutSlots(m);
    const uint32_t first = compile::CompiledModel::kFirstFreeSlot;
    CHECK(layout.slot == std::vector<uint32_t>{first, first + 1, first + 2, first + 3});
    CHECK(layout.derivSlot == std::vector<uint32_t>{first + 4, 0, 0, first + 5});  // s and the stage
    CHECK(layout.firstFree == first + 6);
}
