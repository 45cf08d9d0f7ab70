// Overhead of plugins (hidden: run with `plugin_tests "[.overhead]"`): a run with every lever on against
// none, and the cost of one on_step call. Prints the figures; asserts only that the runs succeed and agree.
#include <catch2/catch.hpp>
#include <cstdio>
#include <ctime>
#include <functional>

#include "tests/plugins/plugin_test_util.hpp"
#include "tests/plugins/small_care_model.hpp"

using namespace sdw;

namespace {

// CPU time of this process (the machine is shared: wall time would measure the neighbours too).
double secondsFor(int repeats, const std::function<void()>& f) {
    const std::clock_t t0 = std::clock();
    for (int i = 0; i < repeats; ++i) f();
    return static_cast<double>(std::clock() - t0) / CLOCKS_PER_SEC / repeats;
}

}  // namespace

TEST_CASE("overhead: every lever on against none, and on_step per step", "[.overhead]") {
    plugins::PluginLibrary lib;
    diag::Diagnostics diags;
    lib.addDirectory(plugins::leversDirectory(SDW_SOURCE_DIR), diags);
    REQUIRE(lib.addFile(test::pluginData("good/noop_step.lua"), diags));
    const auto project = test::smallCareModel();
    plugins::RunRequest none, all, overridesOnly, noop, pay;
    pay.plugins.push_back({"workforce_pay", {}});
    for (const auto& p : lib.all()) {
        if (p.id == "noop_step") continue;
        all.plugins.push_back({p.id, {}});
        if (!p.needsHooks()) overridesOnly.plugins.push_back({p.id, {}});
    }
    noop.plugins.push_back({"noop_step", {}});
    for (auto* r : {&none, &all, &overridesOnly, &noop, &pay})
        r->spec.dt = 1.0 / 64;  // 16,640 steps: per-step costs dominate
    bool ok = true;
    auto run = [&](const plugins::RunRequest& r) {
        const auto res = plugins::runRequest(project, lib, r);
        if (!res.ok() && ok) std::printf("%s", test::allMessages(res.diagnostics).c_str());
        ok = res.ok() && ok;
    };
    const int n = 50;
    run(none);  // warm the caches
    const double tNone = secondsFor(n, [&] { run(none); });
    const double tAll = secondsFor(n, [&] { run(all); });
    const double tOverrides = secondsFor(n, [&] { run(overridesOnly); });
    const double tPay = secondsFor(n, [&] { run(pay); });
    const double tNoop = secondsFor(n, [&] { run(noop); });
    const double steps = 260 * 64;
    std::printf("overhead (small care model, 16,640 Euler steps, CPU time, mean of %d runs):\n", n);
    std::printf("  no plugins:            %8.3f ms per run\n", tNone * 1e3);
    std::printf("  all 11 levers on:      %8.3f ms per run (%+.1f%%)\n", tAll * 1e3,
                100 * (tAll / tNone - 1));
    std::printf("  10 override-only:      %8.3f ms per run (%+.1f%%)\n", tOverrides * 1e3,
                100 * (tOverrides / tNone - 1));
    std::printf("  workforce_pay alone:   %8.3f ms per run -> %.3f us per on_step (get/set through ctx)\n",
                tPay * 1e3, (tPay - tNone) / steps * 1e6);
    plugins::RunRequest shortNone = none, shortOverrides = overridesOnly;
    shortNone.spec.dt = shortOverrides.spec.dt = 1;  // 260 steps: what is left is per-run setup
    const double tShortNone = secondsFor(n, [&] { run(shortNone); });
    const double tShortOverrides = secondsFor(n, [&] { run(shortOverrides); });
    std::printf("  10 override-only, 260 steps: %+.3f ms per run against none (16,640 steps: %+.3f ms)\n",
                (tShortOverrides - tShortNone) * 1e3, (tOverrides - tNone) * 1e3);
    std::printf("  one no-op on_step:     %8.3f ms per run -> %.3f us per on_step call\n", tNoop * 1e3,
                (tNoop - tNone) / steps * 1e6);
    CHECK(ok);
}
