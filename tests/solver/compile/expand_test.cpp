// Compile stage 3, expansion: stateful built-ins and macros as internal elements, referred to by
// ElementRef nodes, never by a name. Layer: tests/solver.
#include <catch2/catch.hpp>

#include "tests/solver/compile/stages.hpp"

using namespace sdw;
using compile::detail::ElementKind;
using equations::NodeKind;
using test::Builder;

TEST_CASE("expand: SMTH1 becomes one internal stock that the equation refers to", "[compile][expand]") {
    Builder b;
    b.aux("input", "5").aux("out", "SMTH1(input, 2)");
    test::Stages s;
    const auto m = s.expanded(b.project);
    REQUIRE(m.elements.size() == 3);
    const auto& stage = m.element(2);
    CHECK(stage.internal);
    CHECK(stage.kind == ElementKind::Stock);
    CHECK(stage.canonical.empty());  // nothing a user could name
    CHECK(stage.display == "out (smth1_1)");
    const auto& out = m.element(test::elementOf(m, "out"));
    CHECK(out.expr.at(out.expr.root).kind == NodeKind::ElementRef);
    CHECK(out.expr.at(out.expr.root).value == 2);
    // stage' = (input - stage) / (T / order), from the input's value.
    CHECK(equations::toString(stage.rate) == "((input - out (smth1_1))/(2/1))");
    CHECK(test::equationOf(m, 2) == "input");
}

TEST_CASE("expand: DELAYN takes its order from a constant, an order that is not one is refused",
          "[compile][expand]") {
    Builder b;
    b.aux("input", "5").aux("n", "4").aux("out", "DELAYN(input, 8, n, 0)");
    test::Stages s;
    const auto m = s.expanded(b.project);
    int stages = 0;
    for (const auto& e : m.elements) stages += e.internal && e.kind == ElementKind::Stock;
    CHECK(stages == 4);
    // The output is the last stage's outflow: stage / (delay / order).
    CHECK(test::equationOf(m, test::elementOf(m, "out")) == "(out (delayn_4)/(8/4))");

    Builder bad;
    bad.aux("input", "5").aux("out", "DELAYN(input, 8, TIME, 0)");
    test::Stages s2;
    s2.expanded(bad.project);
    CHECK(test::hasCode(s2.diags, "E209"));
}

TEST_CASE("expand: DELAY becomes a state with an input and a delay time", "[compile][expand]") {
    Builder b;
    b.aux("input", "5").aux("out", "DELAY(input * 2, 3)");
    test::Stages s;
    const auto m = s.expanded(b.project);
    REQUIRE(m.states.size() == 1);
    const auto& link = m.states[0];
    CHECK(link.kind == compile::StateSite::Kind::Pipeline);
    CHECK(m.element(link.state).kind == ElementKind::State);
    CHECK(test::equationOf(m, link.state) == "(input*2)");  // the initial value: the input's
    CHECK(test::equationOf(m, link.input) == "(input*2)");
    CHECK(test::equationOf(m, link.delay) == "3");
    CHECK((m.element(link.input).internal && m.element(link.delay).internal));
}

TEST_CASE("expand: each macro call is an instance with its own internal variables",
          "[compile][expand][macro]") {
    Builder b;
    b.aux("input", "5").aux("out", "twice(input) + twice(3)");
    model::Macro twice;
    twice.name = "twice";
    twice.params = {"x"};
    twice.equation = "x * 2";
    b.project.macros.push_back(twice);
    test::Stages s;
    const auto m = s.expanded(b.project);
    CHECK_FALSE(s.report.failed());
    int params = 0;
    for (const auto& v : m.symbols.vars)
        if (v.internal) {
            ++params;
            CHECK(v.canonical.find('"') != std::string::npos);  // a scope no user name can spell
            CHECK(m.element(v.firstElement).internal);
        }
    CHECK(params == 2);
    CHECK(m.symbols.findVar("x", "") < 0);
    // Each use refers to its own instance's parameter, written as the macro wrote it.
    const auto& out = m.element(test::elementOf(m, "out"));
    CHECK(equations::toString(out.expr) == "((x*2) + (x*2))");
    const auto& sum = out.expr.at(out.expr.root);
    const double left = out.expr.at(out.expr.at(sum.args[0]).args[0]).value;
    const double right = out.expr.at(out.expr.at(sum.args[1]).args[0]).value;
    CHECK(left != right);
    CHECK(test::equationOf(m, static_cast<int>(right)) == "3");
}
