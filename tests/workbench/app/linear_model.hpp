// A model whose outcome is a known linear function of four constants with plausible ranges, for the tornado,
// Morris and Sobol tests at the application level. Layer: tests/workbench/app.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

namespace sdw::test {

// total' = 3a + b - 2c + 0 x sqrt(d), from 0, Euler dt 1 to 10 years, so total(t) = t (3a + b - 2c) while
// d >= 0. Ranges: a 1..2 (1.5), b 0..10 (5), c 1..4 (2), d -1..1 (1: the run at -1 has no value).
inline std::string linearModel(const std::string& fileName, bool withD) {
    const auto path = (std::filesystem::temp_directory_path() / fileName).string();
    std::ofstream(path)
        << "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\" "
           "xmlns:sdw=\"urn:sdw:xmile:1\"><header><name>t</name></header>"
           "<sim_specs method=\"euler\" time_units=\"years\"><start>0</start><stop>10</stop><dt>1</dt>"
           "</sim_specs><model><variables>"
           "<stock name=\"total\"><eqn>0</eqn><inflow>adding</inflow><units>GBPm</units></stock>"
           "<flow name=\"adding\"><eqn>3*a + b - 2*c"
        << (withD ? " + 0*SQRT(d)" : "") << "</eqn><units>GBPm/year</units></flow>"
        << "<aux name=\"a\"><eqn>1.5</eqn><units>people</units><sdw:uncertainty min=\"1\" max=\"2\"/></aux>"
           "<aux name=\"b\"><eqn>5</eqn><sdw:uncertainty min=\"0\" max=\"10\"/></aux>"
           "<aux name=\"c\"><eqn>2</eqn><sdw:uncertainty min=\"1\" max=\"4\"/></aux>"
        << (withD ? "<aux name=\"d\"><eqn>1</eqn><sdw:uncertainty min=\"-1\" max=\"1\"/></aux>" : "")
        << "<aux name=\"other\"><eqn>total * 2</eqn></aux>"
           "<group name=\"Outcome measures\"><entity name=\"total\"/><entity name=\"other\"/></group>"
           "</variables></model></xmile>";
    return path;
}

}  // namespace sdw::test
