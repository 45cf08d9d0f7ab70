// Tests of near-miss names (solver/diag/near_name): edit distances worked by hand and the "did you mean"
// choice, shared by the compiler, the runner and the experiment options. Layer: tests/solver.
#include "solver/diag/near_name.hpp"

#include <catch2/catch.hpp>

using namespace sdw::diag;

TEST_CASE("near names: edit distance counts insertions, deletions, substitutions and neighbour swaps",
          "[diag]") {
    CHECK(editDistance("kitten", "sitting") == 3);  // k->s, e->i, +g
    CHECK(editDistance("", "abc") == 3);
    CHECK(editDistance("Stop", "sTOP") == 0);  // case does not count
    CHECK(editDistance("stpo", "stop") == 1);  // one swap of neighbours
    CHECK(editDistance("outflwo", "outflow") == 1);
}

TEST_CASE("near names: the nearest candidate within a third of the word's letters, else none", "[diag]") {
    const std::vector<std::string> options{"start", "stop", "dt", "saveper"};
    CHECK(nearestName("stpo", options) == "stop");
    CHECK(nearestIndex("savepr", options) == 3);
    CHECK(nearestName("method", options).empty());  // nothing within two edits
    CHECK(nearestName("x", {"dt"}).empty());        // two edits away from a one-letter word
    CHECK(nearestName("d", {"dt"}) == "dt");        // one edit is always near enough
}
