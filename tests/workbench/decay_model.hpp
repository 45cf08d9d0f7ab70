// A small model with a known answer for the workbench's uncertainty tests: s' = -k s from s(0) = 100, Euler
// dt 0.25 to 8 (years), so s(t) = 100 (1 - k/4)^(4t); k = 0.2 with a plausible range 0.1 to 0.4 and a
// triangular(0.1, 0.2, 0.4) distribution. Layer: tests/workbench (header only).
#pragma once

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

namespace sdw::test {

// Writes the model to the temporary folder under `fileName` and returns its path.
inline std::string decayModelFile(const std::string& fileName) {
    const auto path = (std::filesystem::temp_directory_path() / fileName).string();
    std::ofstream(path)
        << "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\" "
           "xmlns:sdw=\"urn:sdw:xmile:1\"><header><name>t</name></header>"
           "<sim_specs method=\"euler\" time_units=\"years\"><start>0</start><stop>8</stop><dt>0.25</dt>"
           "</sim_specs><model><variables><stock name=\"s\"><eqn>100</eqn><outflow>outflow</outflow></stock>"
           "<flow name=\"outflow\"><eqn>k * s</eqn></flow><aux name=\"k\"><eqn>0.2</eqn><units>1/year</units>"
           "<sdw:uncertainty min=\"0.1\" max=\"0.4\" distribution=\"triangular(0.1,0.2,0.4)\"/></aux>"
           "</variables></model></xmile>";
    return path;
}

// s(t) for a rate k (t a multiple of dt).
inline double decayAt(double k, double t) {
    return 100 * std::pow(1 - k / 4, 4 * t);
}

}  // namespace sdw::test
