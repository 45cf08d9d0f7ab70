// Compile stage 2, elements: arrays as elements, per-element definitions, constants, stocks linked to the
// matching element of an arrayed flow, overrides. Layer: tests/solver.
#include <catch2/catch.hpp>

#include "tests/solver/compile/stages.hpp"

using namespace sdw;
using compile::detail::ElementKind;
using test::Builder;

namespace {

const compile::detail::Element& elementNamed(const compile::detail::ElementModel& m,
                                             const std::string& canonical) {
    for (const auto& e : m.elements)
        if (e.canonical == canonical) return e;
    FAIL("no element " << canonical);
    return m.elements.front();
}

}  // namespace

TEST_CASE("elements: an arrayed variable has one element per combination, row-major", "[compile][elements]") {
    Builder b;
    b.dim("a", {"a1", "a2"}).dim("b", {"b1", "b2", "b3"}).aux("m", "1", {"a", "b"});
    b.last().elements.push_back({{"A2", "b3"}, "7", std::nullopt});
    test::Stages s;
    const auto m = s.elements(b.project);
    const auto& var = m.symbols.var(m.symbols.findVar("m", ""));
    REQUIRE(var.elementCount == 6);
    const auto& last = m.elements[static_cast<size_t>(var.firstElement + 5)];
    CHECK(last.canonical == "m[a2,b3]");
    CHECK(last.ctx.size() == 2);
    CHECK((last.ctx[0].elem == 1 && last.ctx[1].elem == 2));
    CHECK(last.isConstant);
    CHECK(last.constantValue == 7);  // its own definition
    const auto& second = m.elements[static_cast<size_t>(var.firstElement + 1)];
    CHECK(second.canonical == "m[a1,b2]");
    CHECK(second.constantValue == 1);  // the variable's equation
    CHECK_FALSE(second.internal);
}

TEST_CASE("elements: a stock takes the element of an arrayed flow that matches its own",
          "[compile][elements]") {
    Builder b;
    b.dim("r", {"n", "s"}).stock("pop", "10", {"births"}).flow("births", "pop * 0.1");
    b.project.main().variables[0].dimensions = {"r"};
    b.project.main().variables[1].dimensions = {"r"};
    test::Stages s;
    const auto m = s.elements(b.project);
    const auto& popS = elementNamed(m, "pop[s]");
    REQUIRE(popS.inflows.size() == 1);
    CHECK(m.elements[static_cast<size_t>(popS.inflows[0])].canonical == "births[s]");
    CHECK(popS.kind == ElementKind::Stock);
    CHECK_FALSE(popS.isConstant);  // a stock's initial value is never a run constant
}

TEST_CASE("elements: an equation override replaces the written equation", "[compile][elements]") {
    Builder b;
    b.aux("k", "TIME").aux("j", "2");
    test::Stages s;
    s.options.equationOverrides = {{"K", "5"}};
    const auto m = s.elements(b.project);
    CHECK(elementNamed(m, "k").isConstant);
    CHECK(elementNamed(m, "k").constantValue == 5);
    CHECK(elementNamed(m, "j").constantValue == 2);
}

TEST_CASE("elements: a missing equation and a bad table are reported with the variable",
          "[compile][elements][errors]") {
    Builder b;
    b.aux("empty", " ").gf("tab", {0, 2, 1}, {1, 2, 3}, "TIME");
    test::Stages s;
    const auto m = s.elements(b.project);
    CHECK(s.report.failed());
    CHECK(test::hasCode(s.diags, "E205"));
    CHECK(test::hasCode(s.diags, "E212"));
    CHECK_FALSE(elementNamed(m, "empty").defined);
}
