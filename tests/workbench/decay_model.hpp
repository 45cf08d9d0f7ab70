// Small models with known answers for the workbench's uncertainty tests. The decay: s' = -k s from s(0) =
// 100, Euler dt 0.25 to 8 (years), so s(t) = 100 (1 - k/4)^(4t); k = 0.2 with a plausible range 0.1 to 0.4
// and a triangular(0.1, 0.2, 0.4) distribution. The spend model: below. Layer: tests/workbench (header only).
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

// Spend accumulates at `rate` x (1 - cut) pounds a year for 5 years (a "Business case" ledger); rate is
// uncertain, uniform over 100..200; a scenario cuts 10% with the cut slider. Each pair of runs then saves
// 0.1 x rate a year: a cumulative 0.5 x rate, and a net present value at 3.5% of
// 0.1 x rate x (1 + 1.035^-1 + ... + 1.035^-4) = 0.467308 x rate.
inline std::string spendModelFile(const std::string& fileName) {
    const auto path = (std::filesystem::temp_directory_path() / fileName).string();
    std::ofstream(path)
        << "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\" "
           "xmlns:sdw=\"urn:sdw:xmile:1\"><header><name>t</name></header>"
           "<sim_specs method=\"euler\" time_units=\"years\"><start>0</start><stop>5</stop><dt>0.25</dt>"
           "</sim_specs><model><variables>"
           "<stock name=\"spend\"><eqn>0</eqn><inflow>spending</inflow><units>GBP</units></stock>"
           "<flow name=\"spending\"><eqn>rate * (1 - cut)</eqn><units>GBP/year</units></flow>"
           "<aux name=\"rate\"><eqn>150</eqn><sdw:uncertainty min=\"100\" max=\"200\"/></aux>"
           "<aux name=\"cut\"><eqn>0</eqn><range min=\"0\" max=\"0.5\"/></aux>"
           "<group name=\"Business case\"><entity name=\"spend\"/></group>"
           "</variables></model></xmile>";
    return path;
}

}  // namespace sdw::test
