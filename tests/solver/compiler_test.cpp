// The compiler: name resolution, ordering, loops, diagnostics with codes and positions, arrays, overrides.
#include <catch2/catch.hpp>

#include "tests/solver/model_builder.hpp"

using namespace sdw;
using test::Builder;
using test::hasCode;

TEST_CASE("compiler: names ignore case and treat space and underscore alike", "[compiler]") {
    Builder b;
    b.aux("Birth Rate", "0.1").aux("births", "birth_RATE * \"BIRTH  rate\" * 100");
    sim::RunResult r = b.run();
    REQUIRE(r.ok());
    CHECK(*r.finalValue("births") == Approx(1.0));
    CHECK(r.names[1] == "Birth Rate");  // columns keep the name as written
}

TEST_CASE("compiler: equations are ordered by dependency, not by file order", "[compiler]") {
    Builder b;
    b.aux("c", "b * 2").aux("b", "a + 1").aux("a", "TIME");
    sim::RunResult r = b.run();
    REQUIRE(r.ok());
    CHECK(*r.finalValue("c") == Approx(22));
}

TEST_CASE("compiler: an unknown name is reported with a suggestion and its column", "[compiler][errors]") {
    Builder b;
    b.aux("birth_rate", "0.1").aux("births", "pop * birth_rat").aux("pop", "100");
    diag::Diagnostics d;
    CHECK_FALSE(b.compile(d));
    REQUIRE(hasCode(d, diag::code::kUnknownName));
    const auto& e = d.items().front();
    CHECK(e.where == "births");
    CHECK(e.column == 7);
    CHECK(e.message.find("birth_rate") != std::string::npos);
}

TEST_CASE("compiler: unknown functions and wrong argument counts", "[compiler][errors]") {
    Builder b;
    b.aux("a", "FOO(1)").aux("b", "SMTH1(1)").aux("c", "STEP(1, 2, 3)");
    diag::Diagnostics d;
    CHECK_FALSE(b.compile(d));
    CHECK(hasCode(d, diag::code::kUnknownFunction));
    CHECK(hasCode(d, diag::code::kArgCount));
}

TEST_CASE("compiler: an algebraic loop names every variable on it", "[compiler][errors]") {
    Builder b;
    b.aux("a", "b + 1").aux("b", "c * 2").aux("c", "a - 3").aux("d", "a");
    diag::Diagnostics d;
    CHECK_FALSE(b.compile(d));
    REQUIRE(hasCode(d, diag::code::kCircular));
    std::string msg;
    for (const auto& x : d.items())
        if (x.code == diag::code::kCircular) msg = x.message;
    CHECK(msg.find("a") != std::string::npos);
    CHECK(msg.find("b") != std::string::npos);
    CHECK(msg.find("c") != std::string::npos);
    CHECK(msg.find("d ->") == std::string::npos);
}

TEST_CASE("compiler: a loop through a stock or a delay is not algebraic", "[compiler]") {
    Builder b;
    b.stock("s", "1", {"f"}).flow("f", "g").aux("g", "s * 0.1").aux("p", "PREVIOUS(q, 0)").aux("q", "p + 1");
    sim::RunResult r = b.run();
    REQUIRE(r.ok());
    CHECK(*r.finalValue("q") == Approx(11));
}

TEST_CASE("compiler: missing equations, bad flow links, duplicate names, bad sim specs",
          "[compiler][errors]") {
    {
        Builder b;
        b.aux("a", "");
        diag::Diagnostics d;
        CHECK_FALSE(b.compile(d));
        CHECK(hasCode(d, diag::code::kMissingEquation));
    }
    {
        Builder b;
        b.stock("s", "0", {"nope"});
        diag::Diagnostics d;
        CHECK_FALSE(b.compile(d));
        CHECK(hasCode(d, diag::code::kBadFlowLink));
    }
    {
        Builder b;
        b.aux("x", "1").aux("X", "2");
        diag::Diagnostics d;
        CHECK_FALSE(b.compile(d));
        CHECK(hasCode(d, diag::code::kDuplicateName));
    }
    for (auto [start, stop, dt] : {std::tuple{0.0, 10.0, 0.0}, {10.0, 0.0, 1.0}, {0.0, 10.0, -1.0}}) {
        Builder b(start, stop, dt);
        b.aux("a", "1");
        diag::Diagnostics d;
        CHECK_FALSE(b.compile(d));
        CHECK(hasCode(d, diag::code::kBadSpecs));
    }
}

TEST_CASE("compiler: a model with no stocks runs, with a warning", "[compiler]") {
    Builder b;
    b.aux("a", "TIME * 2");
    diag::Diagnostics d;
    auto cm = b.compile(d);
    REQUIRE(cm);
    CHECK(hasCode(d, diag::code::kNoStocks));
    CHECK(sim::simulate(*cm).ok());
}

TEST_CASE("compiler: equation overrides and constants changed per run", "[compiler]") {
    Builder b;
    b.aux("k", "2").stock("s", "0", {"f"}).flow("f", "k");
    compile::CompileOptions o;
    o.equationOverrides["K"] = "5";
    diag::Diagnostics d;
    auto cm = b.compile(d, o);
    REQUIRE(cm);
    CHECK(*sim::simulate(*cm).finalValue("s") == Approx(50));
    sim::RunSpec spec;
    spec.sets = {{"k", 1}, {"s", 3}};
    CHECK(*sim::simulate(*cm, spec).finalValue("s") == Approx(13));
    spec.sets = {{"f", 1}};
    CHECK(sim::simulate(*cm, spec).status == sim::RunStatus::Failed);
}

TEST_CASE("sim: a run that produces NaN stops and names the variable and the time", "[sim][errors]") {
    Builder b(0, 10, 1);
    b.stock("s", "1", {"f"}).flow("f", "IF TIME >= 4 THEN 1/(s - s) ELSE 1");
    sim::RunResult r = b.run();
    CHECK(r.status == sim::RunStatus::Failed);
    REQUIRE(hasCode(r.diagnostics, diag::code::kNonFinite));
    const auto& d = r.diagnostics.items().front();
    CHECK(d.where == "f");
    CHECK(d.time == Approx(4));
    CHECK(d.message.find("at time 4") != std::string::npos);
}

TEST_CASE("sim: non-negative stocks and flows are clamped every DT", "[sim]") {
    Builder b(0, 10, 1);
    b.stock("s", "5", {"in"}, {"out1", "out2"}, true).flow("in", "1").flow("out1", "4").flow("out2", "10");
    b.stock("t", "0", {"uni"}).flow("uni", "-3", true);
    sim::RunResult r = b.run();
    REQUIRE(r.ok());
    for (double v : r.series("s")) CHECK(v >= 0);
    CHECK(r.series("out1")[0] == 4);
    CHECK(r.series("out2")[0] == 2);  // 5 + 1 - 4 left for it
    CHECK(r.series("out1")[1] == 1);  // then only the inflow is left
    CHECK(*r.finalValue("t") == 0);
}

TEST_CASE("sim: a non-negative stock floors what drains it, even a shared outflow or a negative inflow",
          "[sim]") {
    Builder b(0, 10, 1);
    b.stock("plain", "3", {}, {"shared"}).stock("floored", "3", {}, {"shared"}, true).flow("shared", "1");
    b.stock("pushed", "2", {"neg"}, {}, true).flow("neg", "-1");
    sim::RunResult r = b.run();
    REQUIRE(r.ok());
    CHECK(*r.finalValue("plain") == -7);    // an ordinary stock goes negative
    CHECK(*r.finalValue("floored") == 0);   // the non-negative one stops at zero...
    CHECK(r.series("shared").back() == 1);  // ...without cutting the flow the other stock shares
    CHECK(r.series("pushed") == std::vector<double>{2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
}

TEST_CASE("sim: every run starts from fresh state", "[sim]") {
    Builder b(0, 20, 0.5);
    b.aux("x", "SMTH1(STEP(10, 2), 3) + DELAY(TIME, 2, 0) + PREVIOUS(TIME, 0)");
    diag::Diagnostics d;
    auto cm = b.compile(d);
    REQUIRE(cm);
    const auto a = sim::simulate(*cm).series("x");
    CHECK(sim::simulate(*cm).series("x") == a);
}

TEST_CASE("sim: save interval is independent of dt and time comes from a step counter", "[sim]") {
    Builder b(0, 1, 0.1);
    b.aux("t", "TIME");
    sim::RunSpec spec;
    spec.saveper = 0.5;
    sim::RunResult r = b.run(spec);
    REQUIRE(r.ok());
    CHECK(r.series("time") == std::vector<double>{0, 0.5, 1.0});
    sim::RunResult all = b.run();
    CHECK(all.rows() == 11);
    CHECK(all.series("time")[10] == 1.0);  // exactly, not 0.9999999999
}

TEST_CASE("arrays: apply-to-all, per-element, reductions and element columns", "[compiler][arrays]") {
    Builder b(0, 2, 1);
    b.dim("region", {"north", "south", "east"});
    b.aux("pop", "10", {"region"});
    b.last().elements = {{{"south"}, "20", std::nullopt}};
    b.aux("growth", "pop[region] * 0.1", {"region"});
    b.aux("total", "SUM(pop[*])").aux("biggest", "MAX(pop[*])").aux("n", "SIZE(pop[*])");
    b.aux("avg", "MEAN(growth[*])").aux("south_only", "pop[south] + growth[2]");
    sim::RunResult r = b.run();
    REQUIRE(r.ok());
    CHECK(r.column("pop[north]") > 0);
    CHECK(*r.finalValue("pop[south]") == 20);
    CHECK(*r.finalValue("total") == 40);
    CHECK(*r.finalValue("biggest") == 20);
    CHECK(*r.finalValue("n") == 3);
    CHECK(*r.finalValue("avg") == Approx(4.0 / 3));
    CHECK(*r.finalValue("south_only") == 22);
}

TEST_CASE("compiler: fused arithmetic gives exactly the numbers of the two steps it replaces",
          "[compiler][fuse]") {
    // a, b, c change with time so nothing folds at compile time; each equation is one fusable pair, with the
    // temporary on the left ((a op b) op c) or on the right (c op (a op b)).
    Builder b(0, 3, 1);
    b.aux("a", "TIME * 0.37 + 1.3").aux("b", "0.7 - TIME * 0.11").aux("c", "2.9 + TIME * TIME");
    const char* ops = "+-*/";
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j) {
            const std::string o1(1, ops[i]), o2(1, ops[j]);
            b.aux("l" + std::to_string(i) + std::to_string(j), "(a " + o1 + " b) " + o2 + " c");
            b.aux("r" + std::to_string(i) + std::to_string(j), "c " + o2 + " (a " + o1 + " b)");
        }
    diag::Diagnostics d;
    auto cm = b.compile(d);
    REQUIRE(cm);
    size_t fused = 0;
    for (const auto& in : cm->m_stepProgram)
        fused += in.op >= compile::Op::AddAdd && in.op <= compile::Op::DivRDiv;
    CHECK(fused >= 32);  // every pair above, and the inputs' own arithmetic
    const sim::RunResult r = sim::simulate(*cm, {});
    REQUIRE(r.ok());
    auto apply = [](char op, double x, double y) {
        switch (op) {
            case '+':
                return x + y;
            case '-':
                return x - y;
            case '*':
                return x * y;
            default:
                return x / y;
        }
    };
    for (size_t row = 0; row < r.rows(); ++row) {
        const double t = static_cast<double>(row);
        const double a = t * 0.37 + 1.3, bb = 0.7 - t * 0.11, c = 2.9 + t * t;
        for (int i = 0; i < 4; ++i)
            for (int j = 0; j < 4; ++j) {
                const std::string k = std::to_string(i) + std::to_string(j);
                const double t1 = apply(ops[i], a, bb);
                CHECK(r.at(row, static_cast<size_t>(r.column("l" + k))) == apply(ops[j], t1, c));
                CHECK(r.at(row, static_cast<size_t>(r.column("r" + k))) == apply(ops[j], c, t1));
            }
    }
}
