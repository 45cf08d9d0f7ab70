// The `sdw` command line, run as a user would: exit codes, CSV contract, options and error messages.
#include <array>
#include <catch2/catch.hpp>
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

std::string writeModel(const std::string& name, const std::string& flowEq) {
    const auto path = std::filesystem::temp_directory_path() / name;
    std::ofstream(path) << "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">"
                           "<header><name>t</name></header>"
                           "<sim_specs method=\"euler\"><start>0</start><stop>4</stop><dt>1</dt></sim_specs>"
                           "<model><variables>"
                           "<stock name=\"Stock A\"><eqn>10</eqn><inflow>grow</inflow></stock>"
                           "<flow name=\"grow\"><eqn>"
                        << flowEq
                        << "</eqn></flow>"
                           "<aux name=\"rate\"><eqn>0.5</eqn></aux>"
                           "</variables></model></xmile>";
    return path.string();
}

}  // namespace

TEST_CASE("cli: run prints the harness CSV", "[cli]") {
    const auto model = writeModel("sdw_cli_run.xmile", "rate");
    const Output o = sdw("run " + model);
    REQUIRE(o.code == 0);
    CHECK(o.out.rfind("Time,Stock A,grow,rate\n0,10,0.5,0.5\n1,10.5,", 0) == 0);
    CHECK(o.out.find("\n4,12,0.5,0.5\n") != std::string::npos);
}

TEST_CASE("cli: options change the run", "[cli]") {
    const auto model = writeModel("sdw_cli_opts.xmile", "rate");
    Output o = sdw("run " + model + " --set rate=2 --vars \"stock a\" --stop 2 --format tsv");
    REQUIRE(o.code == 0);
    CHECK(o.out == "Time\tStock A\n0\t10\n1\t12\n2\t14\n");
    o = sdw("run " + model + " --dt 0.5 --saveper 1 --vars grow --method rk4");
    REQUIRE(o.code == 0);
    CHECK(o.out.rfind("Time,grow\n0,0.5\n1,0.5\n", 0) == 0);
    const auto out = (std::filesystem::temp_directory_path() / "sdw_cli_out.csv").string();
    o = sdw("run " + model + " --out " + out);
    CHECK(o.code == 0);
    CHECK(std::filesystem::file_size(out) > 20);
}

TEST_CASE("cli: errors give exit codes and name the problem", "[cli][errors]") {
    const auto bad = writeModel("sdw_cli_bad.xmile", "rat * 2");
    Output o = sdw("run " + bad);
    CHECK(o.code == 1);
    CHECK(o.out.find("E201") != std::string::npos);
    CHECK(o.out.find("'grow'") != std::string::npos);
    o = sdw("check " + bad);
    CHECK(o.code == 1);
    CHECK(o.out.find("did you mean 'rate'") != std::string::npos);
    CHECK(sdw("check " + writeModel("sdw_cli_ok.xmile", "rate")).code == 0);
    CHECK(sdw("run /nonexistent/model.xmile").code == 1);
    CHECK(sdw("run").code == 2);
    CHECK(sdw("frobnicate").code == 2);
    CHECK(sdw("run " + bad + " --method leapfrog").code == 2);
    CHECK(sdw("run " + bad + " --set nonsense").code == 2);
}

TEST_CASE("cli: every command has --help", "[cli]") {
    for (const char* cmd : {"run", "check", "convert", "bench"}) {
        const Output o = sdw(std::string(cmd) + " --help");
        INFO(cmd);
        CHECK(o.code == 0);
        CHECK(o.out.find("Usage") != std::string::npos);
    }
    CHECK(sdw("--help").code == 0);
}

TEST_CASE("cli: convert writes XMILE that runs to the same numbers; bench prints a median", "[cli]") {
    const auto model = writeModel("sdw_cli_conv.xmile", "rate * Stock_A / 10");
    const auto out = (std::filesystem::temp_directory_path() / "sdw_cli_converted.xmile").string();
    REQUIRE(sdw("convert " + model + " " + out).code == 0);
    CHECK(sdw("run " + out).out == sdw("run " + model).out);
    const Output b = sdw("bench " + model + " --runs 5");
    CHECK(b.code == 0);
    CHECK(b.out.find("median_us_per_run=") != std::string::npos);
}

TEST_CASE("cli: --compare prints the baseline and each scenario's change", "[cli][compare]") {
    const std::string root = SDW_SOURCE_DIR;
    const std::string model = root + "/models/adult_social_care/adult_social_care.xmile";
    const std::string scenario = root + "/models/adult_social_care/scenarios/reablement_done_right.lua";
    const Output o =
        sdw("run " + model + " --compare --vars care_home_admissions_per_year,weeks_per_year --scenario " +
            scenario);
    if (o.out.find("needs the Lua plugin host") != std::string::npos) {
        WARN("skipped: this build has no plugin host");
        return;
    }
    REQUIRE(o.code == 0);
    INFO(o.out);
    CHECK(o.out.find("baseline") != std::string::npos);
    CHECK(o.out.find("[1] ") != std::string::npos);
    CHECK(o.out.find("reablement_done_right.lua") != std::string::npos);
    // A constant is unchanged by any scenario; care-home admissions move (by a percentage, with its sign).
    const auto weeks = o.out.find("weeks_per_year");
    REQUIRE(weeks != std::string::npos);
    CHECK(o.out.substr(weeks, o.out.find('\n', weeks) - weeks).find("+0.0%") != std::string::npos);
    const auto ch = o.out.find("care_home_admissions_per_year");
    REQUIRE(ch != std::string::npos);
    const std::string line = o.out.substr(ch, o.out.find('\n', ch) - ch);
    CHECK(line.find('%') != std::string::npos);
    CHECK(line.find("+0.0%") == std::string::npos);
}

TEST_CASE("cli: --compare prints each scenario's business case by payer", "[cli][compare]") {
    const std::string root = SDW_SOURCE_DIR;
    const std::string model = root + "/models/adult_social_care/adult_social_care.xmile";
    const std::string scenario = root + "/models/adult_social_care/scenarios/discharge_to_assess.lua";
    const Output o =
        sdw("run " + model + " --compare --vars care_home_admissions_per_year --scenario " + scenario);
    if (o.out.find("needs the Lua plugin host") != std::string::npos) {
        WARN("skipped: this build has no plugin host");
        return;
    }
    REQUIRE(o.code == 0);
    INFO(o.out);
    // the ledgers the business case needs are run but not listed among the measures asked for
    CHECK(o.out.find("ledger_nhs_cost ") == std::string::npos);
    const auto bc = o.out.find("Business case of [1]");
    REQUIRE(bc != std::string::npos);
    const std::string table = o.out.substr(bc);
    for (const char* payer : {"council_spend", "nhs_cost", "self_funder_spend", "cumulative total"})
        CHECK(table.find(payer) != std::string::npos);
    for (int year = 2025; year <= 2034; ++year)
        CHECK(table.find("\n" + std::to_string(year) + " ") != std::string::npos);
    CHECK(table.find("\n2035 ") == std::string::npos);  // ten whole years
    CHECK(table.find("payback year:") != std::string::npos);
    // the model's self-funders do not pass through the hospital pathway: a payer the scenario leaves alone
    CHECK(table.find("self_funder_spend no change;") != std::string::npos);
    CHECK(table.find("net present value at 3.5% a year (HM Treasury Green Book)") != std::string::npos);
}

TEST_CASE("cli: doc writes parameter tables from the model, and its local profile as CSV", "[cli]") {
    const auto path = std::filesystem::temp_directory_path() / "sdw_cli_doc.xmile";
    std::ofstream(path)
        << "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\" "
           "xmlns:sdw=\"urn:sdw:xmile:1\"><header><name>t</name></header>"
           "<sim_specs "
           "method=\"euler\"><start>0</start><stop>4</stop><dt>1</dt></sim_specs><model><variables>"
           "<stock name=\"beds_used\"><doc>Beds in use.</doc><eqn>beds * "
           "0.9</eqn><units>people</units></stock>"
           "<aux name=\"beds\"><doc>Acute beds (assumption).</doc><eqn>1330</eqn><units>people</units>"
           "<range min=\"0\" max=\"3000\"/><sdw:uncertainty min=\"1000\" max=\"1700\"/></aux>"
           "<aux name=\"rate\"><doc>A rate | with a bar.</doc><eqn>0.5</eqn><units>1/week</units></aux>"
           "<group name=\"Local profile\"><entity name=\"beds\"/></group>"
           "</variables></model></xmile>";
    Output o = sdw("doc " + path.string());
    REQUIRE(o.code == 0);
    CHECK(o.out.find("| `beds` | 1330 | people | 1000 to 1700 | Acute beds (assumption). |") !=
          std::string::npos);
    CHECK(o.out.find("| `beds_used` | 1197 (`beds * 0.9`) | people | Beds in use. |") != std::string::npos);
    CHECK(o.out.find("| `rate` | 0.5 | 1/week | - | - | A rate / with a bar. |") != std::string::npos);
    o = sdw("doc " + path.string() + " --profile");
    REQUIRE(o.code == 0);
    CHECK(o.out == "name,value,units,source\nbeds,1330,people,Acute beds (assumption).\n");

    // the profile, edited as a council would, changes the run; a row the model cannot take is refused
    const auto csv = std::filesystem::temp_directory_path() / "sdw_cli_profile.csv";
    std::ofstream(csv) << "name,value,units,source\nbeds,\"1,000\",people,our trust\n";
    o = sdw("run " + path.string() + " --profile " + csv.string() + " --vars beds_used --stop 0");
    REQUIRE(o.code == 0);
    CHECK(o.out == "Time,beds_used\n0,900\n");
    std::ofstream(csv) << "name,value,units,source\nbeds,1000,GBP,our trust\n";
    o = sdw("run " + path.string() + " --profile " + csv.string());
    CHECK(o.code == 1);
    CHECK(o.out.find("E105") != std::string::npos);
    CHECK(o.out.find("line 2") != std::string::npos);
    CHECK(o.out.find("measures it in 'people'") != std::string::npos);
    o = sdw("doc " + writeModel("sdw_cli_doc_plain.xmile", "rate") + " --profile");
    CHECK(o.code == 1);
    CHECK(o.out.find("no \"Local profile\" group") != std::string::npos);
}

TEST_CASE("cli: the county model's README shows the tables sdw doc writes from the model", "[cli]") {
    // The parameter and source tables are written from the model file; the README carries them between two
    // markers, so a model change that the README does not follow fails here.
    const std::string root = SDW_SOURCE_DIR;
    std::ifstream in(root + "/models/adult_social_care/README.md");
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string readme = ss.str();
    const std::string begin = "<!-- sdw doc -->\n", end = "<!-- end sdw doc -->";
    const auto a = readme.find(begin), b = readme.find(end);
    REQUIRE(a != std::string::npos);
    REQUIRE(b != std::string::npos);
    const Output o = sdw("doc " + root + "/models/adult_social_care/adult_social_care.xmile");
    REQUIRE(o.code == 0);
    CHECK(readme.substr(a + begin.size(), b - a - begin.size()) == o.out);
}
