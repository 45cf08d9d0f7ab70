// Small models the loop tests share. Layer: tests/solver (header only).
#pragma once

#include <array>
#include <string>

#include "tests/solver/model_builder.hpp"

namespace sdw::test {

// Three parties a, b, c, each a stock built up by its flow build_a, build_b, build_c (the equations given):
// with each flow reading the other two stocks, three loops between pairs (length 4) and two around all three
// (length 6, one each way): the LTM papers' three-party arms race.
inline Builder threeParties(double stop, double dt, const std::array<std::string, 3>& builds) {
    Builder b(0, stop, dt);
    for (std::string p : {"a", "b", "c"}) b.stock(p, "1", {"build_" + p});
    b.flow("build_a", builds[0]);
    b.flow("build_b", builds[1]);
    b.flow("build_c", builds[2]);
    return b;
}

}  // namespace sdw::test
