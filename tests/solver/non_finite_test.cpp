// A run that meets NaN or infinity: by default it stops and names the variable and the time (E301); asked
// to go on (RunSpec::stopOnNonFinite = false, as the workbench asks), it keeps every other value and names
// each such variable once, with the first time. Layer: tests/solver.
#include <catch2/catch.hpp>
#include <cmath>

#include "solver/compile/compiled_model.hpp"
#include "solver/sim/simulate.hpp"
#include "tests/solver/model_builder.hpp"

using namespace sdw;

namespace {

// waiting fills at 10 a step from empty; ratio = waiting / (0.2 waiting) is 0/0 at t = 0, then 5.
std::shared_ptr<const compile::CompiledModel> waitingModel(const std::string& method = "euler") {
    test::Builder b(0, 10, 1, method);
    b.stock("waiting", "0", {"referrals"}, {});
    b.flow("referrals", "10");
    b.aux("ratio", "waiting / (0.2 * waiting)");
    diag::Diagnostics diags;
    auto cm = b.compile(diags);
    REQUIRE(cm);
    return cm;
}

}  // namespace

TEST_CASE("sim: a NaN stops the run by default, naming the variable and the time", "[sim][nan]") {
    const auto r = sim::simulate(*waitingModel(), {});
    CHECK_FALSE(r.ok());
    REQUIRE(r.diagnostics.items().size() == 1);
    CHECK(r.diagnostics.items()[0].code == "E301");
    CHECK(r.diagnostics.items()[0].where == "ratio");
    CHECK(r.diagnostics.items()[0].time == 0);
}

TEST_CASE("sim: asked to go on, a run keeps the other values and names the NaN variable once", "[sim][nan]") {
    for (const std::string method : {"euler", "rk4"}) {
        sim::RunSpec spec;
        spec.stopOnNonFinite = false;
        const auto r = sim::simulate(*waitingModel(method), spec);
        INFO(method);
        CHECK(r.ok());
        REQUIRE(r.rows() == 11);
        CHECK(r.finalValue("waiting").value() == Approx(100));  // 10 a step for 10 steps
        const auto ratio = r.series("ratio");
        CHECK(std::isnan(ratio[0]));
        CHECK(ratio[1] == Approx(5));
        CHECK(ratio[10] == Approx(5));
        REQUIRE(r.diagnostics.items().size() == 1);  // once, though it is checked every step
        CHECK(r.diagnostics.items()[0].code == "E301");
        CHECK(r.diagnostics.items()[0].where == "ratio");
        CHECK(r.diagnostics.items()[0].time == 0);
    }
}

// A NaN or infinity set for a run (a typed "inf", a NaN from a user's script) is the value's mistake, not an
// equation's: the run is refused before its first step, naming the variable and the value, on both engines
// and for sets by name (the CLI, Python, Lua) and by slot (batches).
TEST_CASE("sim: a set value that is not a finite number is refused, naming it", "[sim][nan]") {
    test::Builder b(0, 10, 1);
    b.stock("waiting", "5", {"referrals"}, {});
    b.flow("referrals", "rate");
    b.aux("rate", "2");
    diag::Diagnostics diags;
    const auto cm = b.compile(diags);
    REQUIRE(cm);
    for (auto engine : {sim::Engine::Interpreter, sim::Engine::Compiled}) {
        for (const std::string name : {"rate", "waiting"}) {
            for (double bad : {std::nan(""), HUGE_VAL, -HUGE_VAL}) {
                INFO(name << " = " << bad);
                sim::RunSpec spec;
                spec.engine = engine;
                spec.sets = {{name, bad}};
                const auto r = sim::simulate(*cm, spec);
                CHECK_FALSE(r.ok());
                CHECK(r.rows() == 0);
                REQUIRE(r.diagnostics.items().size() == 1);
                const auto& d = r.diagnostics.items()[0];
                CHECK(d.code == "E209");
                CHECK(d.where == name);
                CHECK_THAT(d.message, Catch::Contains("a value set must be a finite number"));
                CHECK_THAT(d.message, Catch::Contains(std::isnan(bad) ? "to NaN"
                                                      : bad > 0       ? "to infinity"
                                                                      : "to -infinity"));
                spec.sets.clear();
                spec.slotSets = {{static_cast<uint32_t>(cm->findSlot(name)), bad}};
                const auto bySlot = sim::simulate(*cm, spec);
                CHECK_FALSE(bySlot.ok());
                REQUIRE(bySlot.diagnostics.items().size() == 1);
                CHECK(bySlot.diagnostics.items()[0].where == name);
            }
        }
        sim::RunSpec fine;  // the same sets with finite values run
        fine.engine = engine;
        fine.sets = {{"rate", 3}, {"waiting", 1}};
        const auto r = sim::simulate(*cm, fine);
        REQUIRE(r.ok());
        CHECK(r.finalValue("waiting").value() == Approx(31));  // 1 + 3 a step for 10 steps
    }
}
