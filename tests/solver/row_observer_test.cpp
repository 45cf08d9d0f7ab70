// RunSpec::rowObserver, the hook loop scoring reads each saved row through (link scores computed inside the
// run, no table kept): it sees every saved row, the same values the run's table holds, from every engine and
// method, with finalOnly too. Layer: tests/solver.
#include <catch2/catch.hpp>
#include <cmath>

#include "tests/solver/model_builder.hpp"

using namespace sdw;

namespace {

struct Rows : sim::RowObserver {
    std::vector<std::vector<double>> rows;
    void onRow(const double* row, size_t cols) override { rows.emplace_back(row, row + cols); }
};

// dx/dt = -k x with k = 0.1 from x = 100, 0 to 10 in steps of 0.5, compiled.
std::shared_ptr<const compile::CompiledModel> decay() {
    test::Builder b(0, 10, 0.5);
    b.stock("x", "100", {}, {"drain"}).flow("drain", "k * x").aux("k", "0.1");
    diag::Diagnostics d;
    auto cm = b.compile(d);
    REQUIRE(cm);
    return cm;
}

}  // namespace

TEST_CASE("engine: a row observer sees every saved row as the table holds it", "[engine][loops]") {
    // Euler on the decay, saved every 1: x(t) = 100 * 0.95^(2t).
    const auto cm = decay();
    for (auto engine : {sim::Engine::Interpreter, sim::Engine::Compiled})
        for (auto method : {sim::Method::Euler, sim::Method::RungeKutta4, sim::Method::DormandPrince})
            for (bool finalOnly : {false, true}) {
                INFO(sim::engineName(engine) << " " << sim::methodName(method) << " finalOnly " << finalOnly);
                sim::RunSpec spec;
                spec.engine = engine;
                spec.method = method;
                spec.saveper = 1;
                const sim::RunResult table = sim::simulate(*cm, spec);
                REQUIRE(table.ok());
                Rows seen;
                spec.rowObserver = &seen;
                spec.finalOnly = finalOnly;
                const sim::RunResult observed = sim::simulate(*cm, spec);
                REQUIRE(observed.ok());
                REQUIRE(seen.rows.size() == 11);
                REQUIRE(table.rows() == 11);
                for (size_t r = 0; r < 11; ++r) {
                    REQUIRE(seen.rows[r].size() == table.cols());
                    for (size_t c = 0; c < table.cols(); ++c) CHECK(seen.rows[r][c] == table.at(r, c));
                    CHECK(seen.rows[r][0] == Approx(static_cast<double>(r)));
                }
                if (method == sim::Method::Euler)
                    CHECK(seen.rows[10][static_cast<size_t>(table.column("x"))] ==
                          Approx(100 * std::pow(0.95, 20)).epsilon(1e-12));
            }
}

TEST_CASE("engine: a run's shape, its columns counted or named, before the run", "[engine][loops]") {
    // 0 to 10 saved every 2: six rows (0, 2, ..., 10); the columns asked for, Time first.
    const auto cm = decay();
    sim::Simulator sim(*cm);
    sim::RunSpec spec;
    spec.saveper = 2;
    spec.vars = {"x", "drain"};
    std::vector<std::string> names;
    size_t rows = 0, columns = 0, rowsToo = 0;
    sim::RunResult info;
    REQUIRE(sim.shape(spec, names, rows, info));
    REQUIRE(sim.shape(spec, columns, rowsToo, info));
    CHECK(rows == 6);
    CHECK(rowsToo == 6);
    CHECK(names.size() == 3);
    CHECK(columns == 3);
    spec.vars = {"no_such_variable"};  // unusable: false, saying which name
    CHECK_FALSE(sim.shape(spec, columns, rows, info));
    REQUIRE_FALSE(info.diagnostics.empty());
    CHECK(info.diagnostics.items().front().message.find("no_such_variable") != std::string::npos);
}
