// Tests of the workbench's background runner and its files (recent list, recovery), without a window.
// Layer: tests/workbench.
#include "workbench/app/run_service.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <thread>

#include "workbench/app/document.hpp"
#include "workbench/app/recovery.hpp"

using namespace sdw;
using namespace std::chrono_literals;

namespace {

// stock grows by rate*stock per time unit; rate is a constant (a slider candidate).
std::shared_ptr<const model::Project> growthModel() {
    app::Document d;
    d.createStock(100, 100, "stock");
    d.createFlow(0, 100, 50, 100, "inflow");
    d.createAux(50, 50, "rate");
    d.setEquation("stock", "10");
    d.setEquation("rate", "0.5");
    d.setEquation("inflow", "rate * stock");
    d.attachFlow("inflow", app::FlowEnd::Sink, "stock");
    auto p = d.project();
    p.specs.stop = 4;
    p.specs.dt = 1;
    return std::make_shared<const model::Project>(p);
}

app::RunOutcome waitFor(app::RunService& rs) {
    REQUIRE(rs.waitIdle(30s));
    auto out = rs.poll();
    REQUIRE(out);
    return *out;
}

}  // namespace

TEST_CASE("run service: runs on the worker and returns an immutable result", "[workbench][run]") {
    app::RunService rs;
    app::RunJob req;
    req.project = growthModel();
    req.revision = 1;
    req.tag = 7;
    rs.submit(req);
    auto out = waitFor(rs);
    CHECK(out.tag == 7);
    REQUIRE(out.result);
    REQUIRE(out.result->ok());
    // Euler, dt 1: 10 * 1.5^4.
    CHECK(out.result->finalValue("stock").value() == Approx(10 * 1.5 * 1.5 * 1.5 * 1.5));
    REQUIRE(out.compiled);
    const int col = out.compiled->findColumn("rate");
    REQUIRE(col >= 0);
    CHECK(out.compiled->columns[static_cast<size_t>(col)].isConstant);
}

TEST_CASE("run service: slider values change constants without recompiling", "[workbench][run]") {
    app::RunService rs;
    app::RunJob req;
    req.project = growthModel();
    req.revision = 3;
    rs.submit(req);
    auto first = waitFor(rs);
    req.request.spec.sets = {{"rate", 1.0}};
    rs.submit(req);
    auto second = waitFor(rs);
    CHECK(second.compiled == first.compiled);  // same revision: the worker's compiled model is reused
    CHECK(second.result->finalValue("stock").value() == Approx(10 * 16.0));
}

TEST_CASE("run service: a compile-only check reports the problem in an equation", "[workbench][run]") {
    app::RunService rs;
    app::RunJob req;
    req.project = growthModel();
    req.options.equationOverrides["inflow"] = "rate * stok";
    req.compileOnly = true;
    rs.submit(req);
    auto out = waitFor(rs);
    CHECK_FALSE(out.result);
    REQUIRE(out.compileDiagnostics.hasErrors());
    bool named = false;
    for (const auto& d : out.compileDiagnostics.items())
        if (d.where == "inflow" && d.message.find("stok") != std::string::npos) named = true;
    CHECK(named);
}

TEST_CASE("run service: the newest request wins", "[workbench][run]") {
    app::RunService rs;
    app::RunJob req;
    req.project = growthModel();
    for (int i = 1; i <= 20; ++i) {
        req.tag = static_cast<uint64_t>(i);
        req.request.spec.sets = {{"rate", i * 0.01}};
        rs.submit(req);
    }
    auto out = waitFor(rs);
    CHECK(out.tag == 20);
    CHECK(out.result->finalValue("stock").value() == Approx(10 * std::pow(1.2, 4)));
}

TEST_CASE("run service: the interpreter serves a new model while its native code is built, then it runs",
          "[workbench][run]") {
    // The slider never waits for a compiler: the first run of a model is interpreted; a helper thread builds
    // the native code, and later runs use it, with the same numbers.
    app::RunService rs;
    auto model = std::make_shared<model::Project>(*growthModel());
    model->specs.stop = 500;  // 501 evaluations: enough that Auto would compile
    model->specs.dt = 1;
    app::RunJob req;
    req.project = model;
    req.revision = 1;
    req.request.spec.sets = {{"rate", 0.001}};
    rs.submit(req);
    const auto first = waitFor(rs);
    REQUIRE(first.result);
    REQUIRE(first.result->ok());
    CHECK(first.result->engine == sim::Engine::Interpreter);
    CHECK(first.result->finalValue("stock").value() == Approx(10 * std::pow(1.001, 500)));
    app::RunOutcome later = first;
    for (int k = 0; k < 300 && later.result->engine != sim::Engine::Compiled; ++k) {
        if (rs.nativeReady()) {
            rs.submit(req);
            later = waitFor(rs);
            REQUIRE(later.result);
        } else {
            std::this_thread::sleep_for(100ms);
        }
    }
    if (later.result->engine != sim::Engine::Compiled) {  // a machine that cannot build it must say so
        bool said = false;
        for (const auto& d : later.result->diagnostics.items())
            said = said || d.code == std::string(diag::code::kNativeFallback);
        CHECK(said);
    }
    REQUIRE(later.result->data.size() == first.result->data.size());
    for (size_t k = 0; k < first.result->data.size(); ++k)
        REQUIRE(later.result->data[k] == Approx(first.result->data[k]).epsilon(1e-12));
}

TEST_CASE("app files: recent list keeps order, no duplicates, survives reload", "[workbench][files]") {
    const auto dir = std::filesystem::temp_directory_path() / "sdw_wb_files";
    std::filesystem::remove_all(dir);
    const std::string list = (dir / "recent.txt").string();
    {
        app::RecentFiles r(list);
        r.add("/tmp/a.xmile");
        r.add("/tmp/b.xmile");
        r.add("/tmp/a.xmile");
        CHECK(r.items() == std::vector<std::string>{"/tmp/a.xmile", "/tmp/b.xmile"});
        for (int i = 0; i < 20; ++i) r.add("/tmp/m" + std::to_string(i) + ".xmile");
        CHECK(r.items().size() == app::kMaxRecent);
    }
    app::RecentFiles again(list);
    CHECK(again.items().front() == "/tmp/m19.xmile");
}

TEST_CASE("app files: a recovery file newer than the model is offered, then discarded",
          "[workbench][files]") {
    const auto dir = std::filesystem::temp_directory_path() / "sdw_wb_recovery";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    app::Document d;
    d.createStock(0, 0, "s");
    const std::string modelPath = (dir / "m.xmile").string();
    std::string err;
    REQUIRE(d.saveAs(modelPath, err));
    CHECK_FALSE(app::pendingRecovery(modelPath, dir.string()));
    std::this_thread::sleep_for(20ms);  // file times must differ
    d.createAux(10, 10, "unsaved_work");
    const std::string rec = app::recoveryPathFor(modelPath, dir.string());
    std::filesystem::create_directories(std::filesystem::path(rec).parent_path());
    REQUIRE(d.writeCopy(rec, err));
    auto offered = app::pendingRecovery(modelPath, dir.string());
    REQUIRE(offered);
    diag::Diagnostics diags;
    auto back = app::Document::open(*offered, diags);
    REQUIRE(back);
    CHECK(back->find("unsaved_work"));
    app::discardRecovery(modelPath, dir.string());
    CHECK_FALSE(app::pendingRecovery(modelPath, dir.string()));
}
