// Sampling for uncertainty runs: a portable generator, Latin hypercube points, rank correlation between
// inputs (Iman and Conover 1982), percentiles and Spearman's rank correlation. Layer: solver (analysis).
// Standard library only; the same seed gives the same numbers on every machine.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sdw::analysis {

// A small, portable generator (splitmix64): the standard library's distributions differ between vendors.
class SplitMix64 {
  public:
    explicit SplitMix64(uint64_t seed) : m_state(seed) {}
    uint64_t next();
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0,1)

  private:
    uint64_t m_state;
};

// `samples` points in [0,1)^dims, one per stratum in every dimension.
std::vector<std::vector<double>> latinHypercube(size_t samples, size_t dims, uint64_t seed);
// `samples` independent uniform points in [0,1)^dims (plain Monte Carlo, and Sobol's two base matrices).
std::vector<std::vector<double>> randomPoints(size_t samples, size_t dims, uint64_t seed);

// A wanted rank (Spearman) correlation between inputs i and j.
struct RankCorrelation {
    size_t i = 0, j = 0;
    double rho = 0;
};

// Reorders the values within each column of `points` (rows are samples) so that the columns' rank
// correlations approach the targets; every column keeps its values, so Latin hypercube strata stay. Returns
// false with a reason when the targets cannot hold together (the matrix is not positive definite) or an
// index or rho is out of range.
bool correlateRanks(std::vector<std::vector<double>>& points, const std::vector<RankCorrelation>& targets,
                    uint64_t seed, std::string& error);

// The p-th percentile (0..100) of `values`, interpolating linearly between order statistics (the usual
// definition in R's quantile type 7 and numpy). Reorders `values`.
double percentile(std::vector<double>& values, double p);
// Spearman's rank correlation of two equally long series (ties get their mean rank).
double rankCorrelation(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace sdw::analysis
