// Compile stage 4, dependency order: both phases, what each built-in reads, and loops. Layer: tests/solver.
#include <algorithm>
#include <catch2/catch.hpp>

#include "tests/solver/compile/stages.hpp"

using namespace sdw;
using compile::detail::Phase;
using test::Builder;

namespace {

size_t at(const std::vector<int>& order, int element) {
    return static_cast<size_t>(std::find(order.begin(), order.end(), element) - order.begin());
}

}  // namespace

TEST_CASE("order: the initial program computes everything, the per-step program all but stocks",
          "[compile][order]") {
    Builder b;
    b.stock("s", "k", {"f"}).flow("f", "s * r").aux("r", "k / 10").aux("k", "5");
    test::Stages st;
    const auto m = st.expanded(b.project);
    const compile::detail::Resolver resolver(m);
    const auto o = compile::detail::orderEquations(m, resolver, st.report);
    REQUIRE(o);
    const int s = test::elementOf(m, "s"), f = test::elementOf(m, "f"), r = test::elementOf(m, "r"),
              k = test::elementOf(m, "k");
    REQUIRE(o->init.size() == 4);
    CHECK(at(o->init, k) < at(o->init, s));  // the stock's initial value reads k
    CHECK(at(o->init, s) < at(o->init, f));
    CHECK(at(o->init, r) < at(o->init, f));
    REQUIRE(o->flow.size() == 3);
    CHECK(at(o->flow, s) == o->flow.size());  // not computed per step: integrated
    CHECK(at(o->flow, r) < at(o->flow, f));
}

TEST_CASE("order: INIT reads its argument only while initialising, ACTIVE INITIAL one argument per phase",
          "[compile][order]") {
    Builder b;
    b.aux("a", "INIT(x) + ACTIVE_INITIAL(y, z)").aux("x", "1").aux("y", "2").aux("z", "3");
    test::Stages st;
    const auto m = st.expanded(b.project);
    const compile::detail::Resolver resolver(m);
    const auto& a = m.element(test::elementOf(m, "a"));
    std::vector<int> init, flow;
    compile::detail::collectDependencies(resolver, 0, a.expr, a.expr.root, Phase::Init, {}, init);
    compile::detail::collectDependencies(resolver, 0, a.expr, a.expr.root, Phase::Flow, {}, flow);
    CHECK(init == std::vector<int>{test::elementOf(m, "x"), test::elementOf(m, "z")});
    CHECK(flow == std::vector<int>{test::elementOf(m, "y")});
}

TEST_CASE("order: a reduction depends on every element it ranges over", "[compile][order][arrays]") {
    Builder b;
    b.dim("d", {"p", "q", "r"}).aux("x", "1", {"d"}).aux("total", "SUM(x[*]) + x[q]");
    test::Stages st;
    const auto m = st.expanded(b.project);
    const compile::detail::Resolver resolver(m);
    const auto& total = m.element(test::elementOf(m, "total"));
    std::vector<int> deps;
    compile::detail::collectDependencies(resolver, test::elementOf(m, "total"), total.expr, total.expr.root,
                                         Phase::Flow, {}, deps);
    const int x = test::elementOf(m, "x");
    CHECK(deps == std::vector<int>{x, x + 1, x + 2, x + 1});
}

TEST_CASE("order: a loop without a stock is refused, naming every variable on it",
          "[compile][order][errors]") {
    Builder b;
    b.aux("a", "b + 1").aux("b", "c * 2").aux("c", "a").aux("d", "1");
    test::Stages st;
    const auto m = st.expanded(b.project);
    const compile::detail::Resolver resolver(m);
    CHECK_FALSE(compile::detail::orderEquations(m, resolver, st.report));
    REQUIRE(test::hasCode(st.diags, "E204"));
    CHECK(st.diags.items().back().message.find("a -> b -> c -> a") != std::string::npos);
}
