// The default county model (models/adult_social_care) with the shipped levers, loaded once for the plugin
// tests, and helpers to read its runs. Layer: tests/plugins (solver + plugin host).
#pragma once

#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "plugins/host/plugin_library.hpp"
#include "plugins/host/scenario.hpp"
#include "solver/xmile/xmile.hpp"
#include "tests/plugins/plugin_test_util.hpp"
#include "tests/solver/run_reading.hpp"

namespace sdw::test {

struct DefaultModel {
    model::Project project;
    plugins::PluginLibrary levers;
    DefaultModel() {
        diag::Diagnostics diags;
        auto p = xmile::readFile(
            std::string(SDW_SOURCE_DIR) + "/models/adult_social_care/adult_social_care.xmile", diags);
        INFO(allMessages(diags));
        REQUIRE(p.has_value());
        project = std::move(*p);
        levers.addDirectory(plugins::leversDirectory(SDW_SOURCE_DIR), diags);
        REQUIRE_FALSE(diags.hasErrors());
    }
    // One run, every week saved (saveper 1 week), with the levers on and the constants set.
    sim::RunResult run(const std::vector<plugins::PluginSelection>& on,
                       std::vector<std::pair<std::string, double>> constants = {}) const {
        plugins::RunRequest req;
        req.plugins = on;
        req.spec.sets = std::move(constants);
        req.spec.saveper = 1;
        auto r = plugins::runRequest(project, levers, req);
        INFO(allMessages(r.diagnostics));
        REQUIRE(r.ok());
        return r;
    }
    // A workshop scenario file, loaded and run through the scenario host as `sdw run --scenario` does.
    sim::RunResult runScenario(const std::string& file) const {
        diag::Diagnostics diags;
        const std::string path = std::string(SDW_SOURCE_DIR) + "/models/adult_social_care/scenarios/" + file;
        auto s = plugins::loadScenario(path, diags, &levers);
        INFO(path << "\n" << allMessages(diags));
        REQUIRE(s.has_value());
        sim::RunSpec base;
        base.saveper = 1;
        auto r = plugins::runRequest(project, levers, s->toRequest(base));
        INFO(allMessages(r.diagnostics));
        REQUIRE(r.ok());
        return r;
    }
};

inline const DefaultModel& county() {
    static DefaultModel m;
    return m;
}

// Integral over the run from the saved rows (trapezoid; rows every week).
inline double total(const sim::RunResult& r, const std::string& name) {
    const auto s = r.series(name);
    INFO(name);
    REQUIRE(s.size() > 1);
    double sum = 0;
    for (size_t i = 0; i + 1 < r.rows(); ++i) sum += (s[i] + s[i + 1]) / 2 * (r.at(i + 1, 0) - r.at(i, 0));
    return sum;
}

}  // namespace sdw::test
