// Names a model gives its loops, stored with it as an sdw extension of XMILE in its <model>:
//   <sdw:loops>
//     <sdw:loop id="B3" name="the delayed-discharge spiral" description="a sentence for the room">
//       <sdw:var>a</sdw:var><sdw:var>b</sdw:var></sdw:loop>
//   </sdw:loops>
// (sdw: is urn:sdw:xmile:1, declared on <xmile>.) A loop is named by its variables in causal order (the id is
// what it was when named). Other tools keep the element as they find it. Layer: solver (analysis). Depends on
// pugixml and model/ only.
#pragma once

#include <string>
#include <vector>

#include "solver/model/model.hpp"

namespace sdw::analysis::detail {

inline constexpr const char* kLoopNamesNs = "urn:sdw:xmile:1";

struct NamedLoop {
    std::string name;
    std::string id;                      // as stored (informative)
    std::string description;             // what the loop does, for a trainer or a reader ("" when none)
    std::vector<std::string> variables;  // as stored
};

// The named loops of a model (from the elements its reader kept), in file order; malformed entries skipped.
std::vector<NamedLoop> storedLoopNames(const model::Model& m);

// Stores `loop` in m's <sdw:loops> (made when m has none), replacing the entry naming the same loop (the same
// variables in the same causal order, from any of them); an empty name removes that entry, and an emptied
// <sdw:loops> goes. Other entries and extension elements are kept as they are.
void storeLoopName(model::Model& m, const NamedLoop& loop);

// a and b are the same loop: the same canonical names in the same cyclic order, from any of them.
bool sameCycle(const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace sdw::analysis::detail
