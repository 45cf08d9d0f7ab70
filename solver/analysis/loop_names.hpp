// Names a model gives its loops, stored with it as an sdw extension of XMILE in its <model>:
//   <sdw:loops xmlns:sdw="urn:sdw:xmile:1">
//     <sdw:loop id="B3" name="the delayed-discharge
//     spiral"><sdw:var>a</sdw:var><sdw:var>b</sdw:var></sdw:loop>
//   </sdw:loops>
// A loop is named by its variables in causal order (the id is what it was when named). Other tools keep the
// element as they find it. Layer: solver (analysis). Depends on pugixml and model/ only.
#pragma once

#include <string>
#include <vector>

#include "solver/model/model.hpp"

namespace sdw::analysis::detail {

inline constexpr const char* kLoopNamesNs = "urn:sdw:xmile:1";

struct NamedLoop {
    std::string name;
    std::string id;                      // as stored (informative)
    std::vector<std::string> variables;  // as stored
};

// The named loops of a model (from the elements its reader kept), in file order; malformed entries skipped.
std::vector<NamedLoop> storedLoopNames(const model::Model& m);

}  // namespace sdw::analysis::detail
