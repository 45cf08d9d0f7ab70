// The instruction interpreter: one switch over a flat array, no allocation, no virtual calls. Random draws
// and time functions follow the step-hold rule (drawn or evaluated at the step's start, held in sub-steps).
// Layer: solver.
#pragma once

#include <cstdint>
#include <vector>

#include "solver/compile/compiled_model.hpp"

namespace sdw::sim {

// A small, fully specified generator (SplitMix64 seeding + xoshiro256**), so the same seed gives the same
// numbers on every machine and compiler (std:: distributions are implementation-defined).
class Rng {
  public:
    explicit Rng(uint64_t seed = 1) { reseed(seed); }
    void reseed(uint64_t seed);
    uint64_t next();
    double uniform01();  // [0, 1)
    double normal();     // standard normal (Marsaglia polar)
  private:
    uint64_t m_s[4] = {0, 0, 0, 0};
    bool m_hasSpare = false;
    double m_spare = 0;
};

struct Runtime {
    const compile::CompiledModel* model = nullptr;
    std::vector<Rng> rngs;  // one per random site
    bool draw = true;       // draw new random values (the first evaluation of a step)
};

void execute(const std::vector<compile::Instr>& prog, double* slots, Runtime& rt);
double lookup(const compile::LookupTable& t, double x);
// A draw from the site's distribution, given its arguments' values (at most kMaxRandomArgs: the parameters,
// then an optional seed, then optional bounds min and max); drawRandomAt reads them from the slots. With
// bounds the distribution is truncated, as Vensim's RANDOM functions are: a draw outside [min, max] is drawn
// again (up to kTruncatedTries times; then the value is NaN, which stops the run naming the variable).
constexpr size_t kMaxRandomArgs = 6;
constexpr int kTruncatedTries = 10000;
// How many parameters the distribution takes before its seed (the seed's position).
size_t randomParameters(compile::RandomSite::Dist dist);
double drawRandom(const compile::RandomSite& site, const double* args, Rng& rng);
double drawRandomAt(const compile::RandomSite& site, const double* slots, Rng& rng);

}  // namespace sdw::sim
