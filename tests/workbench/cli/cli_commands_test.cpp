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

// Runs a shell command; its standard output.
std::string sdw_shell(const std::string& cmd) {
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
    pclose(p);
    return out;
}

// Runs build/sdw with arguments; stderr is folded into the output.
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

// A model in weeks from 0 to 2 starting on 25 Dec 2025 (`calendarAttrs` added to <sdw:calendar>).
std::filesystem::path weeklyModel(const std::string& name, const std::string& calendarAttrs,
                                  const std::string& variables) {
    const auto path = std::filesystem::temp_directory_path() / name;
    std::ofstream(path) << "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\" "
                           "xmlns:sdw=\"urn:sdw:xmile:1\"><header><name>t</name></header>"
                           "<sim_specs method=\"euler\" time_units=\"weeks\"><start>0</start><stop>2</stop>"
                           "<dt>1</dt><sdw:calendar start=\"2025-12-25\""
                        << calendarAttrs << "/></sim_specs><model><variables>" << variables
                        << "</variables></model></xmile>";
    return path;
}

// "2025/26" for 2025, written out here rather than taken from the code under test.
std::string app_fy(int y) {
    const int next = (y + 1) % 100;
    return std::to_string(y) + "/" + (next < 10 ? "0" : "") + std::to_string(next);
}

}  // namespace

TEST_CASE("cli: run prints the harness CSV", "[cli]") {
    const auto model = writeModel("sdw_cli_run.xmile", "rate");
    const Output o = sdw("run " + model);
    REQUIRE(o.code == 0);
    CHECK(o.out.rfind("Time,Stock A,grow,rate\n0,10,0.5,0.5\n1,10.5,", 0) == 0);
    CHECK(o.out.find("\n4,12,0.5,0.5\n") != std::string::npos);
}

TEST_CASE("cli: the CSV gains a Date column when the model has a calendar start", "[cli]") {
    const auto path = weeklyModel("sdw_cli_dates.xmile", "", "<stock name=\"k\"><eqn>3</eqn></stock>");
    const Output o = sdw("run " + path.string());
    REQUIRE(o.code == 0);
    // Time stays in weeks; a week is seven days, across the new year
    CHECK(o.out == "Time,Date,k\n0,2025-12-25,3\n1,2026-01-01,3\n2,2026-01-08,3\n");
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

namespace {
// A member of a zip file (an .xlsx) as text, read with unzip.
std::string unzipped(const std::string& zip, const std::string& member) {
    return sdw_shell("unzip -p '" + zip + "' " + member);
}
std::string fileText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
}  // namespace

TEST_CASE("cli: --out writes an Excel workbook with names, units and numbers", "[cli][export]") {
    const auto path = weeklyModel("sdw_cli_xlsx.xmile", " price_base=\"2025/26\"",
                                  "<stock name=\"waiting\"><eqn>10</eqn><inflow>arriving</inflow>"
                                  "<units>people</units></stock><flow name=\"arriving\"><eqn>0.5</eqn>"
                                  "<units>people/week</units></flow>");
    const auto xlsx = (std::filesystem::temp_directory_path() / "sdw_cli_out.xlsx").string();
    std::filesystem::remove(xlsx);
    const Output o = sdw("run " + path.string() + " --out " + xlsx);
    REQUIRE(o.code == 0);
    REQUIRE(fileText(xlsx).rfind("PK", 0) == 0);  // a zip, not CSV under the wrong name
    const std::string book = unzipped(xlsx, "xl/workbook.xml");
    CHECK(book.find("name=\"results\"") != std::string::npos);
    CHECK(book.find("name=\"Provenance\"") != std::string::npos);
    const std::string strings = unzipped(xlsx, "xl/sharedStrings.xml");
    for (const char* s : {"Time", "Date", "waiting", "arriving", "weeks", "people", "people/week",
                          "model sha256", "2025/26 prices"})
        CHECK(strings.find(std::string(">") + s + "<") != std::string::npos);
    // the model file's own SHA-256, as sha256sum prints it
    CHECK(strings.find(sdw_shell("sha256sum '" + path.string() + "' | cut -c1-64").substr(0, 64)) !=
          std::string::npos);
    const std::string sheet = unzipped(xlsx, "xl/worksheets/sheet1.xml");
    // numbers as numbers from row 3: waiting 10, 10.5, 11; 25 Dec 2025 is Excel day 46,016 (1 Jan 2025 is
    // 45,658 and 25 Dec is 358 days later)
    CHECK(sheet.find("<c r=\"C3\"><v>10</v></c>") != std::string::npos);
    CHECK(sheet.find("<c r=\"C4\"><v>10.5</v></c>") != std::string::npos);
    CHECK(sheet.find("<c r=\"C5\"><v>11</v></c>") != std::string::npos);
    CHECK(sheet.find("<c r=\"B3\" s=\"2\"><v>46016</v></c>") != std::string::npos);
}

TEST_CASE("cli: --out refuses an extension it cannot write, CSV gets its provenance beside it",
          "[cli][export]") {
    const auto model = writeModel("sdw_cli_ext.xmile", "rate");
    const auto dir = std::filesystem::temp_directory_path();
    std::filesystem::remove(dir / "sdw_cli_out.xls");
    Output o = sdw("run " + model + " --out " + (dir / "sdw_cli_out.xls").string());
    CHECK(o.code == 2);
    CHECK(o.out.find("sdw_cli_out.xls: sdw writes .csv, .tsv or .xlsx") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "sdw_cli_out.xls"));
    o = sdw("run " + model + " --summary --out " + (dir / "sdw_cli_sum.csv").string());
    CHECK(o.code == 2);
    CHECK(o.out.find("a summary as .txt") != std::string::npos);
    const auto csv = (dir / "sdw_cli_prov.csv").string();
    o = sdw("run " + model + " --set rate=2 --seed 7 --out " + csv);
    REQUIRE(o.code == 0);
    const std::string prov = fileText(csv + ".provenance.txt");
    CHECK(prov.find("model file: " + model + "\n") != std::string::npos);
    CHECK(prov.find("settings: --set rate=2\n") != std::string::npos);
    CHECK(prov.find("seed: 7\n") != std::string::npos);
    CHECK(prov.find("price base: not stated by the model\n") != std::string::npos);
    CHECK(fileText(csv).rfind("Time,Stock A,grow,rate\n", 0) == 0);
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

TEST_CASE("cli: convert writes XMILE that runs to the same numbers, bench prints a median", "[cli]") {
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
    // Names read as words; a constant is unchanged by any scenario; care-home admissions move, read in their
    // units with a percentage, and fewer is better (the model's <sdw:outcome better="lower"/>).
    CHECK(o.out.find("Values at the end of the run, 3 Jan 2035 (week 522)") != std::string::npos);
    CHECK(o.out.find("money in 2025/26 prices") != std::string::npos);
    const auto weeks = o.out.find("weeks per year");
    REQUIRE(weeks != std::string::npos);
    CHECK(o.out.substr(weeks, o.out.find('\n', weeks) - weeks).find("no change") != std::string::npos);
    const auto ch = o.out.find("care home admissions per year");
    REQUIRE(ch != std::string::npos);
    const std::string line = o.out.substr(ch, o.out.find('\n', ch) - ch);
    CHECK(line.find(" people a year (") != std::string::npos);
    const bool fewer = line.find("  -") != std::string::npos;
    CHECK(line.find(fewer ? "%) better" : "%) worse") != std::string::npos);
    CHECK(line.find("e+") == std::string::npos);  // never scientific notation
}

TEST_CASE("cli: --compare --at reads the comparison on a chosen date", "[cli][compare]") {
    const std::string root = SDW_SOURCE_DIR;
    const std::string model = root + "/models/adult_social_care/adult_social_care.xmile";
    const std::string scenario = root + "/models/adult_social_care/scenarios/reablement_done_right.lua";
    const std::string args = "run " + model + " --compare --vars people_waiting --scenario " + scenario;
    Output o = sdw(args + " --at 2030");
    if (o.out.find("needs the Lua plugin host") != std::string::npos) {
        WARN("skipped: this build has no plugin host");
        return;
    }
    REQUIRE(o.code == 0);
    // 1 Jan 2030 is 1,826 days (five years, one leap day) after the start: week 260.857
    CHECK(o.out.find("Values on 1 Jan 2030 (week 260.9)") != std::string::npos);
    o = sdw(args + " --at 2030/31");  // 1 Apr 2030: 1,916 days, week 273.714
    CHECK(o.out.find("Values on 1 Apr 2030 (week 273.7)") != std::string::npos);
    o = sdw(args + " --at 2040");
    CHECK(o.code == 2);
    CHECK(o.out.find("--at 2040: the run covers 1 Jan 2025 (week 0) to 3 Jan 2035 (week 522)") !=
          std::string::npos);
    o = sdw(args + " --at soon");
    CHECK(o.code == 2);
    CHECK(o.out.find("'soon' is not a year (2030)") != std::string::npos);
    o = sdw("run " + model + " --at 2030");
    CHECK(o.code == 2);
    CHECK(o.out.find("add --compare") != std::string::npos);
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
    CHECK(o.out.find("ledger nhs cost") == std::string::npos);
    const auto bc = o.out.find("Business case of [1]");
    REQUIRE(bc != std::string::npos);
    const std::string table = o.out.substr(bc);
    // payers in plain words, not the ledgers' names
    for (const char* payer : {"Council", "NHS", "People paying for their own care", "cumulative total"})
        CHECK(table.find(payer) != std::string::npos);
    // Financial years from 1 Apr 2025 (90 days, 12.9 weeks, after the start): 509.1 weeks remain, nine whole
    // years, 2025/26 to 2033/34.
    CHECK(table.find("Financial years April to March from 1 Apr 2025 (the run's start, 1 Jan 2025, comes "
                     "before it)") != std::string::npos);
    for (int year = 2025; year <= 2033; ++year)
        CHECK(table.find("\n" + app_fy(year) + " ") != std::string::npos);
    CHECK(table.find("\n2034/35 ") == std::string::npos);
    CHECK(table.find("\xc2\xa3") != std::string::npos);  // money in pounds
    CHECK(table.find("e+") == std::string::npos);
    CHECK(table.find("in 2025/26 prices") != std::string::npos);
    CHECK(table.find("payback year:") != std::string::npos);
    // the model's self-funders do not pass through the hospital pathway: a payer the scenario leaves alone
    CHECK(table.find("People paying for their own care: no change;") != std::string::npos);
    CHECK(table.find("nhs cost") == std::string::npos);
    CHECK(table.find("self funder") == std::string::npos);
    CHECK(table.find("net present value at 3.5% a year (the HM Treasury Green Book rate; an assumption: try "
                     "1.5% to 5%)") != std::string::npos);
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

TEST_CASE("cli: a numeric option given a wrong value says what it takes, naming the command",
          "[cli][usage]") {
    const std::string m = writeModel("sdw_cli_numbers.xmile", "rate * Stock_A");
    struct Case {
        std::string args, says;
    };
    const std::vector<Case> cases = {
        // CLI::Range read these as "Value abc not in range 2 to 10000000".
        {"mc " + m + " --vary rate=0:1 --runs abc", "sdw mc: --runs: 'abc' is not a whole number"},
        {"mc " + m + " --vary rate=0:1 --runs 2.5", "sdw mc: --runs: '2.5' is not a whole number"},
        {"mc " + m + " --vary rate=0:1 --runs 1", "sdw mc: --runs: 1 is out of range: give 2 to 10000000"},
        {"bench " + m + " --runs x", "sdw bench: --runs: 'x' is not a whole number"},
        {"loops " + m + " --bench 0", "sdw loops: --bench: 0 is out of range: give 1 to 100000"},
        // "Could not convert: --dt = abc".
        {"run " + m + " --dt abc", "sdw run: --dt: 'abc' is not a number"},
        {"run " + m + " --compare --discount-rate 150",
         "sdw run: --discount-rate: 150 is out of range: give 0 to 100"},
        // An unsigned count given -1 was read as its largest value: Morris ran for ever.
        {"sensitivity " + m + " --analysis morris --trajectories -1 --vary rate=0:1 --vars Stock_A",
         "sdw sensitivity: --trajectories: '-1' is not a whole number, 0 or more"},
        {"sensitivity " + m + " --analysis sobol --samples 2.5 --vary rate=0:1 --vars Stock_A",
         "sdw sensitivity: --samples: '2.5' is not a whole number, 0 or more"},
        {"mc " + m + " --vary rate=0:1 --runs 20 -j -2",
         "sdw mc: --threads: '-2' is not a whole number, 0 or more"},
        // The workbench's own commands named themselves "shot" and nothing.
        {"shot " + m + " --view nope", "sdw shot: --view: nope not in {diagram,"},
        // (sdw open without a model opens the default one, as sdw does.)
        {"open a.xmile b.xmile", "sdw open: The following argument was not expected: b.xmile"},
    };
    for (const Case& c : cases) {
        INFO(c.args);
        const Output o = sdw(c.args);
        CHECK(o.code == 2);
        CHECK(o.out.find(c.says) != std::string::npos);
        CHECK(o.out.find("--help") != std::string::npos);
    }
    // Right values still run.
    CHECK(
        sdw("sensitivity " + m + " --analysis morris --trajectories 2 --vary rate=0:1 --vars Stock_A").code ==
        0);
}

// strtod reads "inf", "-inf" and an overflowing "1e999" as numbers: such a --set was a run that failed at its
// first step and blamed the variable's equation ("became infinite ... look for a division by zero").
TEST_CASE("cli: --set refuses a value that is not a finite number, naming it", "[cli][errors]") {
    const auto model = writeModel("sdw_cli_setinf.xmile", "rate");
    for (const std::string value : {"inf", "-inf", "1e999", "-1e400"}) {
        const Output o = sdw("run " + model + " --set rate=" + value + " --stop 2");
        INFO(o.out);
        CHECK(o.code == 2);
        CHECK(o.out.find("sdw run: --set rate=" + value + ": '" + value + "' is not a finite number") !=
              std::string::npos);
        CHECK(o.out.find("Time") == std::string::npos);
    }
    CHECK(sdw("run " + model + " --set rate=1e300 --stop 2").code == 0);  // large but finite
}
