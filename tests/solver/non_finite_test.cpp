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
