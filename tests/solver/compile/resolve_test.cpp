// Name resolution over an expanded model: subranges, mappings, wildcards, and problems left to the caller.
// Layer: tests/solver.
#include <catch2/catch.hpp>

#include "tests/solver/compile/stages.hpp"

using namespace sdw;
using test::Builder;

namespace {

// The elements the reference at `node` (the root, or its first argument) of `name`'s equation stands for.
std::vector<int> resolveIn(const compile::detail::ExpandedModel& m, const std::string& name,
                           bool firstArgument, compile::detail::Problem* problem = nullptr) {
    const int element = test::elementOf(m, name);
    const auto& e = m.element(element).expr;
    const int node = firstArgument ? e.at(e.root).args[0] : e.root;
    return compile::detail::Resolver(m).resolve(element, e, node, {}, problem);
}

}  // namespace

TEST_CASE("resolve: subranges, mapped dimensions and wildcards", "[compile][resolve][arrays]") {
    Builder b;
    b.dim("region", {"n", "s", "e"}).dim("coast", {"s", "e"}).dim("zone", {"z1", "z2", "z3"});
    b.project.dimensions[2].maps = {"region"};
    b.aux("pop", "1", {"region"}).aux("near", "pop[coast]", {"coast"}).aux("z", "pop", {"zone"});
    b.aux("total", "SUM(pop[*])").aux("one", "pop[e]");
    test::Stages st;
    const auto m = st.expanded(b.project);
    const int pop = test::elementOf(m, "pop");
    // near[s] (its first element) reads pop[s]: the subrange's element in its parent.
    CHECK(resolveIn(m, "near", false) == std::vector<int>{pop + 1});
    // z[z1] reads pop by position through the mapping zone -> region.
    CHECK(resolveIn(m, "z", false) == std::vector<int>{pop});
    // Outside a reduction's bindings, * stands for every element.
    CHECK(resolveIn(m, "total", true) == std::vector<int>{pop, pop + 1, pop + 2});
    CHECK(resolveIn(m, "one", false) == std::vector<int>{pop + 2});
}

TEST_CASE("resolve: a problem goes to the caller, never straight to the diagnostics",
          "[compile][resolve][errors]") {
    Builder b;
    b.aux("pop", "1").aux("u", "popp + 1").aux("w", "pop[x]");
    test::Stages st;
    const auto m = st.expanded(b.project);
    compile::detail::Problem unknown, subscripted;
    CHECK(resolveIn(m, "u", true, &unknown).empty());
    CHECK(std::string(unknown.code) == "E201");
    CHECK(unknown.message == "unknown name 'popp'; did you mean 'pop'?");
    CHECK(unknown.pos == 0);
    CHECK(resolveIn(m, "w", false, &subscripted) == std::vector<int>{test::elementOf(m, "pop")});
    CHECK(std::string(subscripted.code) == "E210");  // still one element: the problem is the subscript
    CHECK(st.diags.empty());
}
