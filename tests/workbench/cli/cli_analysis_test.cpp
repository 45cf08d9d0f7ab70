// The uncertainty commands run as a user would: `sdw constants`, `sdw mc`, `sdw sensitivity`, `sdw
// calibrate`, and `sdw run --saveper` checked against dt. Exit codes, exact CSV headers, identical output on
// one core and two, and error messages that name the mistake. Layer: tests/workbench/cli (through the built
// program).
#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/workbench/cli_run.hpp"

namespace {

using cli_test::Output;

Output sdw(const std::string& args) {
    return cli_test::runSdw(args);
}

std::string temp(const std::string& name) {
    return (std::filesystem::temp_directory_path() / name).string();
}

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// s' = -k s from s(0) = initial, Euler dt 0.25 to 8; k has a plausible range with a triangular distribution.
// With a calendar, time is in years from 1 January 2025.
std::string decayModel(bool calendar = false) {
    const auto path = temp(calendar ? "sdw_cli_decay_dated.xmile" : "sdw_cli_decay.xmile");
    std::ofstream(path)
        << "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\" "
           "xmlns:sdw=\"urn:sdw:xmile:1\"><header><name>t</name></header>"
           "<sim_specs method=\"euler\" time_units=\"years\"><start>0</start><stop>8</stop><dt>0.25</dt>"
        << (calendar ? "<sdw:calendar start=\"2025-01-01\"/>" : "")
        << "</sim_specs>"
           "<model><variables><stock name=\"s\"><eqn>initial</eqn><outflow>outflow</outflow></stock>"
           "<flow name=\"outflow\"><eqn>k * s</eqn></flow>"
           "<aux name=\"k\"><doc>Assumption: a rate.</doc><eqn>0.2</eqn><units>1/year</units>"
           "<sdw:uncertainty min=\"0.1\" max=\"0.4\" distribution=\"triangular(0.1,0.2,0.4)\"/></aux>"
           "<aux name=\"initial\"><eqn>100</eqn></aux></variables></model></xmile>";
    return path;
}

}  // namespace

TEST_CASE("cli: constants lists value, units, range, distribution and source", "[cli][analysis]") {
    const Output o = sdw("constants " + decayModel() + " --csv");
    REQUIRE(o.code == 0);
    CHECK(o.out ==
          "name,value,units,min,max,distribution,source\n"
          "k,0.2,1/year,0.1,0.4,\"triangular(0.1,0.2,0.4)\",Assumption: a rate.\n"
          "initial,100,,,,,\n");
}

TEST_CASE("cli: mc writes percentile bands, the same on one core and two", "[cli][analysis]") {
    const auto model = decayModel();
    const std::string args = "mc " + model +
                             " --runs 50 --seed 4 --vary k --vary 'initial=normal(100,5)' "
                             "--vars s --percentiles 5,50,95 --out ";
    Output o = sdw(args + temp("sdw_mc1.csv") + " -j 1");
    REQUIRE(o.code == 0);
    CHECK(o.out.find("50 runs (0 failed)") != std::string::npos);
    REQUIRE(sdw(args + temp("sdw_mc2.csv") + " -j 2").code == 0);
    const std::string one = slurp(temp("sdw_mc1.csv"));
    CHECK(one.rfind("Time,s[p5],s[p50],s[p95]\n0,", 0) == 0);
    CHECK(one == slurp(temp("sdw_mc2.csv")));
}

TEST_CASE("cli: mc bands of a model with a calendar carry the Date column, as sdw run's CSV does",
          "[cli][analysis]") {
    const auto out = temp("sdw_mc_dated.csv");
    REQUIRE(sdw("mc " + decayModel(true) +
                " --runs 20 --vary k --vars s --percentiles 50 --saveper 4 --out " + out)
                .code == 0);
    const std::string csv = slurp(out);
    CHECK(csv.rfind("Time,Date,s[p50]\n0,2025-01-01,100\n4,2029-01-01,", 0) == 0);
    CHECK(csv.find("\n8,2033-01-01,") != std::string::npos);
}

TEST_CASE("cli: mc runs on the engine --engine names, with the same bands", "[cli][analysis]") {
    const std::string args =
        "mc " + decayModel() + " --runs 30 --seed 2 --vary k --vars s --percentiles 5,95 --out ";
    REQUIRE(sdw(args + temp("sdw_mc_interp.csv") + " --engine interp").code == 0);
    REQUIRE(sdw(args + temp("sdw_mc_compiled.csv") + " --engine compiled").code == 0);
    // s(8) = 100 (1 - k/4)^32 falls as k rises: the 5th percentile comes from a k near the top of its range.
    const auto last = [](const std::string& csv) { return csv.substr(csv.rfind("\n8,") + 1); };
    const std::string a = last(slurp(temp("sdw_mc_interp.csv"))),
                      b = last(slurp(temp("sdw_mc_compiled.csv")));
    const double a5 = std::stod(a.substr(2)), b5 = std::stod(b.substr(2));
    CHECK(b5 == Approx(a5).epsilon(1e-12));
    CHECK(a5 < 100 * std::pow(1 - 0.2 / 4, 32));  // below the run at the mode, k = 0.2
    CHECK(sdw(args + temp("sdw_mc_x.csv") + " --engine fast").code == 2);
}

TEST_CASE("cli: mc refuses a bad distribution, an unknown name and a name with no range", "[cli][analysis]") {
    const auto model = decayModel();
    Output o = sdw("mc " + model + " --vary 'k=triangular(1,0,2)' --vars s");
    CHECK(o.code == 2);
    CHECK(o.out.find("triangular(lo,mode,hi) needs lo <= mode <= hi") != std::string::npos);
    o = sdw("mc " + model + " --vary kk --vars s");
    CHECK(o.code == 2);
    CHECK(o.out.find("no constant 'kk'") != std::string::npos);
    o = sdw("mc " + model + " --vary initial --vars s");
    CHECK(o.code == 2);
    CHECK(o.out.find("no plausible range; write --vary initial=DIST") != std::string::npos);
    o = sdw("mc " + model + " --vary k --vary 'initial=uniform(90,110)' --correlate k,nope=0.5 --vars s");
    CHECK(o.code == 2);
    CHECK(o.out.find("must also be given with --vary") != std::string::npos);
    // A misspelt output is one error with the likely name, before any run (not one failure per run).
    o = sdw("mc " + model + " --vary k --vars ss --runs 20");
    CHECK(o.code == 1);
    CHECK(o.out.find("--vars ss: no variable named 'ss' (did you mean 's'?)") != std::string::npos);
    CHECK(o.out.find("failed and is left out") == std::string::npos);
    o = sdw("run " + model + " --vars ss");
    CHECK(o.code == 1);
    CHECK(o.out.find("no variable named 'ss' (did you mean 's'?) to output") != std::string::npos);
}

TEST_CASE("cli: run refuses a save interval that is not a whole number of steps", "[cli][analysis]") {
    const Output o = sdw("run " + decayModel() + " --saveper 0.3");
    CHECK(o.code == 2);
    CHECK(o.out.find("saveper 0.3 is not a whole multiple of dt 0.25 (try 0.25 or 0.5)") !=
          std::string::npos);
    CHECK(sdw("run " + decayModel() + " --saveper 0.5").code == 0);
}

TEST_CASE("cli: sensitivity writes tornado rows from the true baseline", "[cli][analysis]") {
    const auto out = temp("sdw_cli_tornado.csv");
    const Output o =
        sdw("sensitivity " + decayModel() + " --vary k --vary initial=80:120 --vars s --out " + out);
    REQUIRE(o.code == 0);
    std::istringstream in(slurp(out));
    std::string header, first;
    std::getline(in, header);
    std::getline(in, first);
    CHECK(header == "parameter,outcome,low,high,baseline,outcome_low,outcome_high,swing");
    // k from 0.1 to 0.4 swings s(8) more than initial from 80 to 120; the baseline 100 x 0.95^32 = 19.37.
    CHECK(first.rfind("k,s,0.1,0.4,19.37", 0) == 0);
}

TEST_CASE("cli: calibrate recovers k from its own run and writes exactly the FIT columns",
          "[cli][analysis]") {
    const auto model = decayModel();
    // Data from the model itself with k = 0.3: s = 100 x 0.925^(4t) at t = 0, 2, 4, 6, 8 (Euler, dt 0.25).
    const auto data = temp("sdw_cli_data.csv");
    std::ofstream d(data);
    d << "Time,s\n";
    for (int t = 0; t <= 8; t += 2) d << t << "," << 100 * std::pow(0.925, 4 * t) << "\n";
    d.close();
    const auto fit = temp("sdw_cli_fit.csv");
    const Output o = sdw("calibrate " + model + " --data " + data + " --fit k=0.01:1 --out " + fit);
    REQUIRE(o.code == 0);
    CHECK(o.out.find("intervals: Hessian") != std::string::npos);
    const std::string csv = slurp(fit);
    REQUIRE(csv.rfind("parameter,value,low95,high95\nk,", 0) == 0);
    CHECK(std::stod(csv.substr(csv.find("\nk,") + 3)) == Approx(0.3).margin(1e-5));
    const Output bad = sdw("calibrate " + model + " --data " + data + " --fit k=1:0.5");
    CHECK(bad.code == 2);
    CHECK(bad.out.find("LO below HI") != std::string::npos);
}
