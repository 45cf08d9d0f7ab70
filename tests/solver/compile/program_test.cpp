// Compile stages 6 and 7, the program: the builder's constants and folding, lowering into a variable's own
// slot, stocks' net flows, clamps, and fusion. Layer: tests/solver.
#include <catch2/catch.hpp>
#include <cmath>

#include "solver/compile/instructions.hpp"
#include "tests/solver/compile/stages.hpp"

using namespace sdw;
using compile::Op;
using test::Builder;

namespace {

struct Built {
    compile::detail::ExpandedModel model;
    compile::detail::SlotLayout layout;
    compile::detail::Program program;
};

Built build(const model::Project& p, test::Stages& st) {
    auto m = st.expanded(p);
    const compile::detail::Resolver resolver(m);
    const auto order = compile::detail::orderEquations(m, resolver, st.report);
    REQUIRE(order);
    auto layout = compile::detail::layoutSlots(m);
    auto program = compile::detail::emitProgram(m, resolver, *order, layout, st.options, st.report);
    return {std::move(m), std::move(layout), std::move(program)};
}

}  // namespace

TEST_CASE("program: the builder keeps one slot per constant and folds constant arithmetic",
          "[compile][program]") {
    compile::detail::ProgramBuilder out(100);
    std::vector<compile::Instr> prog;
    const uint32_t two = out.constant(2), three = out.constant(3);
    CHECK(out.constant(2) == two);
    const double nan = std::nan("");
    CHECK(out.constant(nan) != out.constant(nan));  // NaN never equals itself: never shared
    const uint32_t six = out.emit(prog, Op::Mul, two, three);
    CHECK(prog.empty());
    CHECK(out.isConst(six));
    CHECK(out.constValue(six) == 6);
    const uint32_t t = out.emit(prog, Op::Mul, two, compile::CompiledModel::kTimeSlot);
    REQUIRE(prog.size() == 1);
    CHECK(prog[0].dst == t);
    CHECK_FALSE(out.isConst(t));
    CHECK(out.finish().slotCount == t + 1);
}

TEST_CASE("program: an equation's last instruction writes straight into its variable's slot",
          "[compile][program]") {
    Builder b;
    b.aux("a", "2 * 3 + k").aux("k", "TIME");
    test::Stages st;
    const Built x = build(b.project, st);
    const auto& flow = x.program.flow;
    // k = TIME is a copy of the time slot; a = 6 + k is one addition into a's slot, 2 * 3 folded.
    REQUIRE(flow.size() == 2);
    CHECK(flow[0].op == Op::Copy);
    CHECK(flow[0].a == compile::CompiledModel::kTimeSlot);
    CHECK(flow[1].op == Op::Add);
    CHECK(flow[1].dst == x.layout.slot[static_cast<size_t>(test::elementOf(x.model, "a"))]);
    CHECK(x.program.constValue[flow[1].a] == 6);
}

TEST_CASE("program: a stock fed by one inflow reads the flow's slot as its derivative",
          "[compile][program]") {
    Builder b;
    b.stock("s", "0", {"f"}).flow("f", "TIME").stock("t", "10", {}, {"g"}).flow("g", "t / 2");
    test::Stages st;
    const Built x = build(b.project, st);
    auto slot = [&](const char* n) {
        return x.layout.slot[static_cast<size_t>(test::elementOf(x.model, n))];
    };
    REQUIRE(x.program.derivSlots.size() == 2);
    CHECK(x.program.derivSlots[0] == slot("f"));  // no instruction at all
    // t' = -g: one negation into t's derivative slot.
    REQUIRE(x.program.deriv.size() == 1);
    CHECK(x.program.deriv[0].op == Op::Neg);
    CHECK(x.program.deriv[0].a == slot("g"));
    CHECK(x.program.deriv[0].dst == x.program.derivSlots[1]);
}

TEST_CASE("program: a non-negative stock cuts its outflow to what it holds", "[compile][program]") {
    Builder b;
    b.stock("s", "1", {}, {"out"}, true).flow("out", "5");
    test::Stages st;
    const Built x = build(b.project, st);
    const uint32_t out = x.layout.slot[static_cast<size_t>(test::elementOf(x.model, "out"))];
    // out is a constant, so the per-step program is its clamp alone: room = s / DT, out = min(out, room).
    REQUIRE(x.program.flow.size() == 2);
    CHECK(x.program.flow[0].op == Op::Div);
    CHECK(x.program.flow[1].op == Op::ClampOutflow);
    CHECK((x.program.flow[1].dst == out && x.program.flow[1].a == out));
    CHECK(x.program.deriv.back().fn == compile::Fn::Max2);  // and floors its net flow
}

TEST_CASE("program: two arithmetic steps through a temporary are fused", "[compile][program][fuse]") {
    Builder b;
    b.aux("a", "TIME * 2 + TIME / 4");
    test::Stages st;
    const Built x = build(b.project, st);
    // TIME*2 -> t1; TIME/4 -> t2; t1 + t2 -> a: the last two fuse (t2 is read once, by the next) into
    // a = TIME/4 + t1 (addition commutes exactly).
    REQUIRE(x.program.flow.size() == 2);
    CHECK(x.program.flow[0].op == Op::Mul);
    CHECK(x.program.flow[1].op == Op::DivAdd);
    CHECK(x.program.flow[1].dst == x.layout.slot[static_cast<size_t>(test::elementOf(x.model, "a"))]);
    CHECK(x.program.flow[1].c == x.program.flow[0].dst);
}

TEST_CASE("program: forEachRead names the slots behind list offsets and site numbers", "[compile][program]") {
    const std::vector<uint32_t> lists = {7, 8, 9, 10, 11};
    std::vector<compile::RandomSite> randoms(1);
    randoms[0].args = {20, 21};
    auto reads = [&](const compile::Instr& in) {
        std::vector<uint32_t> out;
        compile::forEachRead(in, lists, randoms, [&](uint32_t s) { out.push_back(s); });
        return out;
    };
    // SUM over 3 slots listed from offset 1; a random draw held in slot 30 from site 0; a table look-up.
    CHECK(reads({Op::Sum, compile::Fn::Abs, 99, 1, 0, 3}) == std::vector<uint32_t>{8, 9, 10});
    CHECK(reads({Op::Random, compile::Fn::Abs, 99, 0, 30, 0}) == std::vector<uint32_t>{30, 20, 21});
    CHECK(reads({Op::Lookup, compile::Fn::Abs, 99, 5, 2, 0}) == std::vector<uint32_t>{5});  // b is a table
    CHECK(reads({Op::Add, compile::Fn::Abs, 99, 5, 6, 0}) == std::vector<uint32_t>{5, 6, 0});
}
