// Modules (sub-models wired by connections) and macros (expression and stock-and-flow bodies), inlined by
// the compiler so they cost what their variables would cost written out.
#include <catch2/catch.hpp>

#include "solver/xmile/xmile.hpp"
#include "tests/solver/model_builder.hpp"

using namespace sdw;
using test::Builder;

namespace {
model::Variable variable(model::VarKind kind, const std::string& name, const std::string& eq) {
    model::Variable v;
    v.kind = kind;
    v.name = name;
    v.equation = eq;
    return v;
}
}  // namespace

TEST_CASE("modules: a sub-model instantiated twice, wired to the parent by connections", "[modules]") {
    Builder b(0, 5, 1);
    // The sub-model: a queue fed by an input, drained over a wait time.
    model::Model queue;
    queue.name = "queue";
    auto arrivals = variable(model::VarKind::Aux, "arrivals", "0");
    arrivals.accessType = "input";
    queue.variables.push_back(arrivals);
    auto waiting = variable(model::VarKind::Stock, "waiting", "0");
    waiting.inflows = {"arrive"};
    waiting.outflows = {"leave"};
    queue.variables.push_back(waiting);
    queue.variables.push_back(variable(model::VarKind::Flow, "arrive", "arrivals"));
    auto leave = variable(model::VarKind::Flow, "leave", "waiting / 2");
    leave.accessType = "output";
    queue.variables.push_back(leave);
    b.project.models.push_back(queue);

    b.aux("demand", "10");
    for (const char* name : {"north", "south"}) {
        model::Variable m;
        m.kind = model::VarKind::Module;
        m.name = name;
        m.moduleModel = "queue";
        m.connections = {{"arrivals", std::string(name) == "north" ? "demand" : "demand * 2"}};
        b.project.main().variables.push_back(m);
    }
    b.aux("total_leaving", "north.leave + south.leave");
    sim::RunResult r = b.run();
    INFO((r.diagnostics.empty() ? "" : diag::format(r.diagnostics.items()[0])));
    REQUIRE(r.ok());
    // waiting(t+1) = waiting + demand - waiting/2 → north: 0, 10, 15, 17.5; leave = waiting/2.
    CHECK(r.series("north.waiting")[3] == Approx(17.5));
    CHECK(r.series("south.waiting")[3] == Approx(35));
    CHECK(*r.finalValue("total_leaving") == Approx(*r.finalValue("north.leave") * 3));
}

TEST_CASE("macros: expression and stock-and-flow bodies", "[macros]") {
    Builder b(0, 3, 1);
    model::Macro twice;
    twice.name = "twice_plus";
    twice.params = {"x", "y"};
    twice.equation = "2 * x + y";
    b.project.macros.push_back(twice);
    model::Macro acc;  // an accumulator: a stock inside the macro, its value the result
    acc.name = "accumulate";
    acc.params = {"rate"};
    auto st = variable(model::VarKind::Stock, "accumulate", "0");
    st.inflows = {"add"};
    acc.body.variables.push_back(st);
    acc.body.variables.push_back(variable(model::VarKind::Flow, "add", "rate"));
    b.project.macros.push_back(acc);
    b.aux("a", "twice_plus(3, TIME)").aux("b", "accumulate(5) + accumulate(1)");
    sim::RunResult r = b.run();
    INFO((r.diagnostics.empty() ? "" : diag::format(r.diagnostics.items()[0])));
    REQUIRE(r.ok());
    CHECK(r.series("a") == std::vector<double>{6, 7, 8, 9});
    CHECK(r.series("b") == std::vector<double>{0, 6, 12, 18});  // two independent instances
}

// Stella draws what a module receives as a placeholder, often a stock marked as an input (the predator-prey
// sample as modules): connected, it follows what the other module sends at every step, not its first value.
TEST_CASE("modules: an input drawn as a stock follows another module's output over time", "[modules]") {
    const char* text = R"(<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
<header><name>two modules</name></header><sim_specs><start>0</start><stop>4</stop><dt>1</dt></sim_specs>
<model><variables>
  <module name="A"><connect to="A.inc" from="one"/></module>
  <module name="B"><connect to="B.inc" from="A.level"/></module>
  <aux name="one"><eqn>1</eqn></aux>
</variables></model>
<model name="A"><variables>
  <aux name="inc" access="input"><eqn>0</eqn></aux>
  <stock name="level" access="output"><eqn>0</eqn><inflow>add</inflow></stock>
  <flow name="add"><eqn>inc</eqn></flow>
</variables></model>
<model name="B"><variables>
  <stock name="inc" access="input"><eqn>0</eqn><inflow>unused</inflow></stock>
  <flow name="unused"><eqn>100</eqn></flow>
  <stock name="level" access="output"><eqn>0</eqn><inflow>add</inflow></stock>
  <flow name="add"><eqn>inc</eqn></flow>
</variables></model></xmile>)";
    diag::Diagnostics d;
    auto p = xmile::readString(text, d, "modules.xmile");
    REQUIRE(p);
    auto cm = compile::compileModel(*p, d);
    REQUIRE(cm);
    const sim::RunResult r = sim::simulate(*cm);
    REQUIRE(r.ok());
    // Euler by hand, dt 1: A.level = 0, 1, 2, 3, 4; B.inc = A.level; B.level(t+1) = B.level + A.level.
    CHECK(r.series("b.inc") == std::vector<double>{0, 1, 2, 3, 4});
    CHECK(r.series("b.level") == std::vector<double>{0, 0, 1, 3, 6});
    CHECK(test::hasCode(d, diag::code::kInputFlowsUnused));  // the stock's own inflow is said to go unused
}
