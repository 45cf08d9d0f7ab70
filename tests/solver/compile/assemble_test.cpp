// Compile stage 8, assembly: the columns and names a caller sees. Layer: tests/solver.
#include <catch2/catch.hpp>

#include "tests/solver/compile/stages.hpp"

using namespace sdw;
using test::Builder;

TEST_CASE("assemble: columns are time and the user's variables, internal elements stay out of sight",
          "[compile][assemble]") {
    Builder b;
    b.aux("input", "5").aux("Smoothed Input", "SMTH1(input, 2)");
    diag::Diagnostics diags;
    const auto cm = b.compile(diags);
    REQUIRE(cm);
    std::vector<std::string> names;
    for (const auto& c : cm->columns) names.push_back(c.name);
    CHECK(names == std::vector<std::string>{"Time", "input", "Smoothed Input"});
    CHECK(cm->columns[1].isConstant);
    CHECK(cm->findColumn("smoothed_input") == 2);
    CHECK(cm->findSlot("Smoothed Input (smth1_1)") == -1);
    CHECK(cm->m_slotNames[cm->columns[2].slot + 1] == "Smoothed Input (smth1_1)");  // named for messages only
    CHECK(cm->stockCount() == 1);  // the internal stage is integrated like any stock
}
