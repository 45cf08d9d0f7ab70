// Reading a run in tests: a column's value at a time, at the end, and its mean over a span of time.
// Layer: tests (solver results only).
#pragma once

#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "solver/sim/simulate.hpp"

namespace sdw::test {

// Value of a column at the saved row closest to time t.
inline double at(const sim::RunResult& r, const std::string& name, double t) {
    const int c = r.column(name);
    INFO(name);
    REQUIRE(c >= 0);
    size_t best = 0;
    for (size_t i = 0; i < r.rows(); ++i)
        if (std::abs(r.at(i, 0) - t) < std::abs(r.at(best, 0) - t)) best = i;
    return r.at(best, static_cast<size_t>(c));
}

inline double finalOf(const sim::RunResult& r, const std::string& name) {
    auto v = r.finalValue(name);
    INFO(name);
    REQUIRE(v);
    return *v;
}

// Mean of a column over saved rows with from <= time <= to.
inline double meanOver(const sim::RunResult& r, const std::string& name, double from, double to) {
    const auto s = r.series(name);
    INFO(name);
    REQUIRE(!s.empty());
    double sum = 0;
    int n = 0;
    for (size_t i = 0; i < r.rows(); ++i)
        if (r.at(i, 0) >= from - 1e-9 && r.at(i, 0) <= to + 1e-9) sum += s[i], ++n;
    REQUIRE(n > 0);
    return sum / n;
}

}  // namespace sdw::test
