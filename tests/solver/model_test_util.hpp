// Helpers for the tests of the shipped models (models/): load and compile a model, run it, and read its runs
// (values at a time, means over a span, integrals of flows). Layer: tests/solver (solver only; no Lua).
#pragma once

#include <catch2/catch.hpp>
#include <cmath>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "solver/compile/compiled_model.hpp"
#include "solver/io/load_model.hpp"
#include "solver/sim/simulate.hpp"
#include "solver/xmile/xmile.hpp"
#include "tests/solver/run_reading.hpp"

namespace sdw::test {

inline const char* const kCounty = "models/adult_social_care/adult_social_care.xmile";

inline const std::vector<std::string> kAllModels = {
    kCounty,
    "models/teaching/delayed_discharge/delayed_discharge.xmile",
    "models/teaching/care_home_capacity/care_home_capacity.xmile",
    "models/teaching/care_workforce/care_workforce.xmile",
    "models/teaching/prevention/prevention.xmile",
};

inline std::string sourcePath(const std::string& rel) {
    return std::string(SDW_SOURCE_DIR) + "/" + rel;
}

struct Loaded {
    model::Project project;
    std::shared_ptr<const compile::CompiledModel> compiled;
    diag::Diagnostics diags;
};

inline Loaded load(const std::string& rel) {
    Loaded l;
    auto project = io::loadModelFile(sourcePath(rel), l.diags);
    INFO(rel);
    REQUIRE(project);
    l.project = std::move(*project);
    l.compiled = compile::compileModel(l.project, l.diags);
    for (const auto& d : l.diags.items()) UNSCOPED_INFO(diag::format(d));
    REQUIRE(l.compiled);
    return l;
}

using Sets = std::vector<std::pair<std::string, double>>;

inline sim::RunResult run(const Loaded& l, const Sets& sets = {}, bool everyStep = false) {
    sim::RunSpec spec;
    spec.sets = sets;
    if (everyStep) spec.saveper = l.compiled->specs.dt;
    auto r = sim::simulate(*l.compiled, spec);
    for (const auto& d : r.diagnostics.items()) UNSCOPED_INFO(diag::format(d));
    REQUIRE(r.ok());
    return r;
}

inline double constantOf(const Loaded& l, const std::string& name) {
    const auto* v = l.project.main().find(name);
    REQUIRE(v);
    return std::stod(v->equation);
}

// Integral of a flow over the run (left Riemann sum: what Euler integrates), from rows saved every dt.
inline double integral(const sim::RunResult& r, const std::string& name) {
    const auto s = r.series(name);
    INFO(name);
    REQUIRE(!s.empty());
    double sum = 0;
    for (size_t i = 0; i + 1 < r.rows(); ++i) sum += s[i] * (r.at(i + 1, 0) - r.at(i, 0));
    return sum;
}

inline bool isPeople(const model::Variable& v) {
    const std::string u = model::canonicalName(v.units);
    return u == "people" || u == "person" || u == "persons";
}

}  // namespace sdw::test
