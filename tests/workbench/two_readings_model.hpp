// A model fitted to two observed series that disagree, for the calibration weight tests (app and UI).
// Layer: tests/workbench.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

namespace sdw::test {

// Two readings of one constant k (range 0 to 5): y1 = k and y2 = k; observed y1 = 1 and y2 = 3 at t = 0..4.
// A sum of squares weighted w1, w2 is least at k = (w1 x 1 + w2 x 3) / (w1 + w2): 2 with equal weights, 2.5
// with y2 weighted 3, 1 with y2 weighted 0.
inline std::string twoReadingsModel(const std::string& fileName) {
    const auto path = (std::filesystem::temp_directory_path() / fileName).string();
    std::ofstream(path) << "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\" "
                           "xmlns:sdw=\"urn:sdw:xmile:1\"><header><name>t</name></header>"
                           "<sim_specs method=\"euler\"><start>0</start><stop>4</stop><dt>1</dt></sim_specs>"
                           "<model><variables><aux name=\"k\"><eqn>4</eqn><sdw:uncertainty min=\"0\" "
                           "max=\"5\"/></aux><aux name=\"y1\"><eqn>k</eqn></aux><aux name=\"y2\"><eqn>k</eqn>"
                           "</aux></variables></model></xmile>";
    return path;
}

// Its observed data: y1 = 1 and y2 = 3 at t = 0, 1, 2, 3, 4.
inline std::string twoReadingsData() {
    std::string text = "Time,y1,y2\n";
    for (int t = 0; t <= 4; ++t) text += std::to_string(t) + ",1,3\n";
    return text;
}

}  // namespace sdw::test
