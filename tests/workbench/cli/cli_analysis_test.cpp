// The uncertainty commands run as a user would: `sdw constants`, `sdw mc`, `sdw sensitivity`, `sdw
// calibrate`, and `sdw run --saveper` checked against dt. Exit codes, exact CSV headers, identical output on
// one core and two, and error messages that name the mistake. Layer: tests/workbench/cli (through the built
// program).
#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/workbench/cli_run.hpp"
#include "tests/workbench/two_readings_model.hpp"

namespace {

using cli_test::Output;

Output cli(const std::string& args) {
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
    const Output o = cli("constants " + decayModel() + " --csv");
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
    Output o = cli(args + temp("sdw_mc1.csv") + " -j 1");
    REQUIRE(o.code == 0);
    CHECK(o.out.find("50 runs (0 failed)") != std::string::npos);
    REQUIRE(cli(args + temp("sdw_mc2.csv") + " -j 2").code == 0);
    const std::string one = slurp(temp("sdw_mc1.csv"));
    CHECK(one.rfind("Time,s[p5],s[p50],s[p95]\n0,", 0) == 0);
    CHECK(one == slurp(temp("sdw_mc2.csv")));
}

TEST_CASE("cli: mc without --vary varies the model's own uncertain constants, as the How sure tab",
          "[cli][analysis]") {
    const auto model = decayModel();  // k has a triangular distribution; initial has none
    const std::string args = "mc " + model + " --runs 20 --seed 4 --vars s --out ";
    const Output o = cli(args + temp("sdw_mc_own.csv") + " --samples " + temp("sdw_mc_own_samples.csv"));
    REQUIRE(o.code == 0);
    CHECK(o.out.find("varying the model's 1 uncertain constants") != std::string::npos);
    // The same bands as naming k: its own distribution, nothing else varied.
    REQUIRE(cli(args + temp("sdw_mc_k.csv") + " --vary k").code == 0);
    CHECK(slurp(temp("sdw_mc_own.csv")) == slurp(temp("sdw_mc_k.csv")));
    CHECK(slurp(temp("sdw_mc_own_samples.csv")).rfind("run,k,", 0) == 0);
    // A model with no uncertain constant: told to give --vary, nothing run.
    const auto plain = temp("sdw_mc_plain.xmile");
    std::ofstream(plain)
        << "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">"
           "<header><name>t</name></header><sim_specs><start>0</start><stop>2</stop><dt>1</dt>"
           "</sim_specs><model><variables><aux name=\"a\"><eqn>1</eqn></aux></variables>"
           "</model></xmile>";
    const Output none = cli("mc " + plain + " --runs 5 --vars a");
    CHECK(none.code == 2);
    CHECK(none.out.find("give --vary NAME=DIST") != std::string::npos);
}

TEST_CASE("cli: mc bands of a model with a calendar carry the Date column, as sdw run's CSV does",
          "[cli][analysis]") {
    const auto out = temp("sdw_mc_dated.csv");
    REQUIRE(cli("mc " + decayModel(true) +
                " --runs 20 --vary k --vars s --percentiles 50 --saveper 4 --out " + out)
                .code == 0);
    const std::string csv = slurp(out);
    CHECK(csv.rfind("Time,Date,s[p50]\n0,2025-01-01,100\n4,2029-01-01,", 0) == 0);
    CHECK(csv.find("\n8,2033-01-01,") != std::string::npos);
}

TEST_CASE("cli: mc runs on the engine --engine names, with the same bands", "[cli][analysis]") {
    const std::string args =
        "mc " + decayModel() + " --runs 30 --seed 2 --vary k --vars s --percentiles 5,95 --out ";
    REQUIRE(cli(args + temp("sdw_mc_interp.csv") + " --engine interp").code == 0);
    REQUIRE(cli(args + temp("sdw_mc_compiled.csv") + " --engine compiled").code == 0);
    // s(8) = 100 (1 - k/4)^32 falls as k rises: the 5th percentile comes from a k near the top of its range.
    const auto last = [](const std::string& csv) { return csv.substr(csv.rfind("\n8,") + 1); };
    const std::string a = last(slurp(temp("sdw_mc_interp.csv"))),
                      b = last(slurp(temp("sdw_mc_compiled.csv")));
    const double a5 = std::stod(a.substr(2)), b5 = std::stod(b.substr(2));
    CHECK(b5 == Approx(a5).epsilon(1e-12));
    CHECK(a5 < 100 * std::pow(1 - 0.2 / 4, 32));  // below the run at the mode, k = 0.2
    CHECK(cli(args + temp("sdw_mc_x.csv") + " --engine fast").code == 2);
}

TEST_CASE("cli: mc refuses a bad distribution, an unknown name and a name with no range", "[cli][analysis]") {
    const auto model = decayModel();
    Output o = cli("mc " + model + " --vary 'k=triangular(1,0,2)' --vars s");
    CHECK(o.code == 2);
    CHECK(o.out.find("triangular(lo,mode,hi) needs lo <= mode <= hi") != std::string::npos);
    o = cli("mc " + model + " --vary kk --vars s");
    CHECK(o.code == 2);
    CHECK(o.out.find("no constant 'kk'") != std::string::npos);
    o = cli("mc " + model + " --vary initial --vars s");
    CHECK(o.code == 2);
    CHECK(o.out.find("no plausible range; write --vary initial=DIST") != std::string::npos);
    o = cli("mc " + model + " --vary k --vary 'initial=uniform(90,110)' --correlate k,nope=0.5 --vars s");
    CHECK(o.code == 2);
    CHECK(o.out.find("must also be given with --vary") != std::string::npos);
    // A misspelt output is one error with the likely name, before any run (not one failure per run).
    o = cli("mc " + model + " --vary k --vars ss --runs 20");
    CHECK(o.code == 1);
    CHECK(o.out.find("--vars ss: no variable named 'ss' (did you mean 's'?)") != std::string::npos);
    CHECK(o.out.find("failed and is left out") == std::string::npos);
    o = cli("run " + model + " --vars ss");
    CHECK(o.code == 1);
    CHECK(o.out.find("no variable named 'ss' (did you mean 's'?) to output") != std::string::npos);
}

TEST_CASE("cli: run refuses a save interval that is not a whole number of steps", "[cli][analysis]") {
    const Output o = cli("run " + decayModel() + " --saveper 0.3");
    CHECK(o.code == 2);
    CHECK(o.out.find("saveper 0.3 is not a whole multiple of dt 0.25 (try 0.25 or 0.5)") !=
          std::string::npos);
    CHECK(cli("run " + decayModel() + " --saveper 0.5").code == 0);
}

TEST_CASE("cli: sensitivity writes tornado rows from the true baseline", "[cli][analysis]") {
    const auto out = temp("sdw_cli_tornado.csv");
    const Output o =
        cli("sensitivity " + decayModel() + " --vary k --vary initial=80:120 --vars s --out " + out);
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
    const Output o = cli("calibrate " + model + " --data " + data + " --fit k=0.01:1 --out " + fit);
    REQUIRE(o.code == 0);
    CHECK(o.out.find("intervals: Hessian") != std::string::npos);
    const std::string csv = slurp(fit);
    REQUIRE(csv.rfind("parameter,value,low95,high95\nk,", 0) == 0);
    CHECK(std::stod(csv.substr(csv.find("\nk,") + 3)) == Approx(0.3).margin(1e-5));
    const Output bad = cli("calibrate " + model + " --data " + data + " --fit k=1:0.5");
    CHECK(bad.code == 2);
    CHECK(bad.out.find("LO below HI") != std::string::npos);
}

TEST_CASE(
    "cli: calibrate reads Excel's CSV UTF-8, and a time outside the run is said plainly, without a 0/0 bar",
    "[cli][analysis]") {
    const auto model = decayModel();
    const auto data = temp("sdw_cli_excel.csv");
    {
        std::ofstream d(data, std::ios::binary);  // a byte-order mark and CRLF, as Excel saves it
        d << "\xEF\xBB\xBFTime,s\r\n";
        for (int t = 0; t <= 8; t += 2) d << t << "," << 100 * std::pow(0.925, 4 * t) << "\r\n";
    }
    const Output o = cli("calibrate " + model + " --data " + data + " --fit k=0.01:1");
    REQUIRE(o.code == 0);
    CHECK(o.out.find("\nk,") != std::string::npos);
    const auto late = temp("sdw_cli_late.csv");
    std::ofstream(late) << "Time,s\n0,100\n12.5,40\n";
    const Output bad = cli("calibrate " + model + " --data " + late + " --fit k=0.01:1");
    CHECK(bad.code != 0);
    CHECK(bad.out.find("'s' has a value at time 12.5, outside the run (0 to 8)") != std::string::npos);
    CHECK(bad.out.find("0/0") == std::string::npos);
}

namespace {

// The final row of a CSV, split at its commas, as numbers (Time first).
std::vector<double> finalRow(const std::string& csv) {
    std::string line = csv.substr(0, csv.find_last_not_of('\n') + 1);
    line = line.substr(line.rfind('\n') + 1);
    std::vector<double> out;
    std::istringstream cells(line);
    for (std::string cell; std::getline(cells, cell, ',');) out.push_back(std::stod(cell));
    return out;
}

}  // namespace

TEST_CASE("cli: mc seeds the model's own random built-ins, run i by the documented rule", "[cli][analysis]") {
    const std::string model = std::string(SDW_SOURCE_DIR) + "/tests/data/noise_stock.xmile";
    auto mc = [&](int seed, int threads) {
        const auto out =
            temp("sdw_mc_noise_" + std::to_string(seed) + "_" + std::to_string(threads) + ".csv");
        const Output o = cli("mc " + model + " --runs 9 --seed " + std::to_string(seed) +
                             " --vary 'unused=uniform(0,1)' --vars s --percentiles 0,50,100 -j " +
                             std::to_string(threads) + " --out " + out);
        REQUIRE(o.code == 0);
        return slurp(out);
    };
    const std::string a = mc(11, 1);
    CHECK(mc(11, 2) == a);  // the same seed: identical, on one thread or two
    CHECK(mc(12, 1) != a);  // another seed: other noise
    // Run i draws from 11 + i x 0x9E3779B97F4A7C15 modulo 2^64 (README): `sdw run --seed` with those seeds.
    std::vector<double> finals;
    for (uint64_t i = 0; i < 9; ++i) {
        const Output run =
            cli("run " + model + " --vars s --seed " + std::to_string(11 + i * 0x9E3779B97F4A7C15ULL));
        REQUIRE(run.code == 0);
        finals.push_back(finalRow(run.out).back());
    }
    std::sort(finals.begin(), finals.end());
    const auto bands = finalRow(a);  // Time, s[p0], s[p50], s[p100]
    REQUIRE(bands.size() == 4);
    CHECK(bands[0] == 20);
    CHECK(finals.front() < finals.back());
    CHECK(bands[1] == finals.front());
    CHECK(bands[2] == finals[4]);
    CHECK(bands[3] == finals.back());
}

TEST_CASE("cli: a lever's param is varied only when the analysed run switches the lever on",
          "[cli][analysis]") {
    const std::string county =
        std::string(SDW_SOURCE_DIR) + "/models/adult_social_care/adult_social_care.xmile";
    const std::string scenario =
        std::string(SDW_SOURCE_DIR) + "/models/adult_social_care/scenarios/reablement_done_right.lua";
    const std::string lever = "expand_short_term_services.staff_multiplier";
    const std::string why =
        "is a param of the lever 'expand_short_term_services', which the analysed run does "
        "not switch on";
    Output o = cli("sensitivity " + county + " --analysis oat --vary " + lever +
                   "=1:2 --vars ledger_council_spend --stop 52");
    CHECK(o.code == 2);
    CHECK(o.out.find("--vary " + lever + "=1:2: '" + lever + "' " + why) != std::string::npos);
    CHECK(o.out.find("--scenario FILE") != std::string::npos);
    o = cli("mc " + county + " --runs 4 --vary '" + lever +
            "=uniform(1,2)' --vars ledger_council_spend --stop 52");
    CHECK(o.code == 2);
    CHECK(o.out.find(why) != std::string::npos);
    // With a scenario that switches it on, it varies around the scenario's value (x 1: its low end is the
    // baseline) and the other input's bar is the one it has alone.
    const auto tornado = [&](const std::string& vary) {
        const Output t =
            cli_test::runSdw("sensitivity " + county + " --analysis oat " + vary +
                                 " --vary reablement_staff=100:200 --vars ledger_council_spend --stop 52 "
                                 "--scenario " +
                                 scenario,
                             false);  // the CSV alone
        REQUIRE(t.code == 0);
        return t.out;
    };
    const std::string alone = tornado(""), both = tornado("--vary " + lever + "=1:2");
    const auto row = [](const std::string& csv, const std::string& name) {
        const auto at = csv.find("\n" + name + ",");
        REQUIRE(at != std::string::npos);
        return csv.substr(at + 1, csv.find('\n', at + 1) - at - 1);
    };
    CHECK(row(both, "reablement_staff") == row(alone, "reablement_staff"));
    std::istringstream cells(row(both, lever));  // parameter,outcome,low,high,baseline,outcome_low,...
    std::vector<std::string> c;
    for (std::string cell; std::getline(cells, cell, ',');) c.push_back(cell);
    REQUIRE(c.size() == 8);
    CHECK(c[2] == "1");
    CHECK(c[5] == c[4]);
}

TEST_CASE("cli: calibrate reads the series weights saved in the model, and --weight overrides them",
          "[cli][analysis]") {
    // y1 = y2 = k, observed 1 and 3: least squares weighted w1 and w2 gives k = (w1 + 3 w2) / (w1 + w2).
    std::string text;
    {
        std::ifstream in(sdw::test::twoReadingsModel("sdw_cli_weights.xmile"));
        std::stringstream s;
        s << in.rdbuf();
        text = s.str();
    }
    const auto at = text.find("</aux></variables>");  // y2 is the last variable
    REQUIRE(at != std::string::npos);
    text.insert(at, "<sdw:calibration weight=\"3\"/>");
    const auto model = temp("sdw_cli_weights.xmile"), data = temp("sdw_cli_weights.csv");
    std::ofstream(model) << text;
    std::ofstream(data) << sdw::test::twoReadingsData();
    const auto fit = [&](const std::string& extra, const std::string& said) {
        const Output o = cli("calibrate " + model + " --data " + data + " --fit k=0:5 --out " +
                             temp("sdw_cli_weights_fit.csv") + extra);
        REQUIRE(o.code == 0);
        CHECK(o.out.find("weights: " + said + "\n") != std::string::npos);
        const std::string csv = slurp(temp("sdw_cli_weights_fit.csv"));
        return std::stod(csv.substr(csv.find("\nk,") + 3));
    };
    CHECK(fit("", "y1 1 (default), y2 3 (saved in the model)") == Approx(2.5).margin(1e-4));
    CHECK(fit(" --weight y2=0", "y1 1 (default), y2 0 (--weight)") == Approx(1).margin(1e-4));
    CHECK(fit(" --weight y2=1", "y1 1 (default), y2 1 (--weight)") == Approx(2).margin(1e-4));
    const Output bad = cli("calibrate " + model + " --data " + data + " --fit k=0:5 --weight y3=2");
    CHECK(bad.code == 2);
    CHECK(bad.out.find("--weight y3=2: " + data + " has no column 'y3'") != std::string::npos);
}
