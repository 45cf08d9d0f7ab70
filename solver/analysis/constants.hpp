// A model's constants as a modeller lists them: value, units, plausible range, distribution and source
// (the variable's documentation), and the distribution a Monte Carlo run draws each from. Layer: solver
// (analysis). No GUI, no Lua.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "solver/analysis/distribution.hpp"
#include "solver/model/model.hpp"

namespace sdw::analysis {

struct ConstantInfo {
    std::string name;  // as written
    double value = 0;
    std::string units;
    std::optional<double> min, max;  // the plausible range (<sdw:uncertainty>), if any
    std::string distribution;        // as the model writes it; "uniform(min,max)" when it gives only a range
    std::string source;              // the documentation: a citation, or "Assumption: ..."
};

// Every scalar constant of the main model (an aux whose equation is a number), in file order.
std::vector<ConstantInfo> listConstants(const model::Project& project);

// The distribution the model gives a variable: its own, truncated at its range, or uniform over the range;
// nullopt when it has no range (or an empty one).
std::optional<Distribution> modelDistribution(const model::Variable& v);

}  // namespace sdw::analysis
