// The business case as a finance team gets it from the workbench: CSV by year in pounds as plain numbers,
// payback and net present value rows, the provenance beside it; a failed write says which file. Expected
// values worked by hand from yearly costs. Layer: tests/workbench/app.
#include "workbench/app/business_case_export.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "solver/io/load_model.hpp"

using namespace sdw;
namespace fs = std::filesystem;

namespace {

// Two payers' ledgers in GBPm a year, no calendar: years of the run.
const char* kModel =
    "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\"><header><name>bc</name>"
    "</header><sim_specs time_units=\"years\"><start>0</start><stop>3</stop><dt>1</dt></sim_specs>"
    "<model><variables>"
    "<stock name=\"ledger_council\"><eqn>0</eqn><units>GBPm</units></stock>"
    "<stock name=\"ledger_nhs\"><eqn>0</eqn><units>GBPm</units></stock>"
    "<group name=\"Business case\"><entity name=\"ledger_council\"/><entity name=\"ledger_nhs\"/></group>"
    "</variables></model></xmile>";

// Ledgers accumulating these yearly costs (GBPm), sampled at the start of each year.
sim::RunResult run(const std::vector<double>& council, const std::vector<double>& nhs) {
    sim::RunResult r;
    r.names = {"Time", "ledger_council", "ledger_nhs"};
    double c = 0, n = 0;
    for (size_t y = 0; y <= council.size(); ++y) {
        r.data.insert(r.data.end(), {static_cast<double>(y), c, n});
        if (y < council.size()) c += council[y], n += nhs[y];
    }
    r.stop = static_cast<double>(council.size());
    return r;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("business case export: CSV by year in pounds, payback and NPV rows, provenance beside it",
          "[business][export]") {
    const auto dir = fs::temp_directory_path() / "sdw_bc_export";
    fs::create_directories(dir);
    const auto modelPath = dir / "bc.xmile";
    std::ofstream(modelPath) << kModel;
    diag::Diagnostics diags;
    const auto project = io::loadModelFile(modelPath.string(), diags);
    REQUIRE(project);
    const auto ledgers = app::businessCaseLedgers(project->main());
    REQUIRE(ledgers == std::vector<std::string>{"ledger_council", "ledger_nhs"});
    // Council: invests 20 then saves 10 and 20; NHS: saves nothing, then 10 and 10.
    const auto base = run({100, 100, 100}, {50, 50, 50});
    const auto scen = run({120, 90, 80}, {50, 40, 40});
    const auto report = app::businessCaseReport(*project, base, scen, ledgers, 0.035);
    INFO(report.error);
    REQUIRE(report.result);
    const std::string csv = app::businessCaseCsv(report, 0.035);
    INFO(csv);
    CHECK(csv.rfind("year,council_saving_gbp,nhs_saving_gbp,total_saving_gbp,cumulative_total_saving_gbp\n",
                    0) == 0);
    // savings: council -20, 10, 20; NHS 0, 10, 10; total -20, 20, 30; cumulative -20, 0, 30 (GBPm)
    CHECK(csv.find("\nyear 1,-20000000.00,0.00,-20000000.00,-20000000.00\n") != std::string::npos);
    CHECK(csv.find("\nyear 2,10000000.00,10000000.00,20000000.00,0.00\n") != std::string::npos);
    CHECK(csv.find("\nyear 3,20000000.00,10000000.00,30000000.00,30000000.00\n") != std::string::npos);
    // council's cumulative -20, -10, +10: back above zero from the end of year 3; the NHS never below zero;
    // the total reaches zero at the end of year 2
    CHECK(csv.find("\npayback year,year 3,year 1,year 2\n") != std::string::npos);
    // NPV = sum of saving / 1.035^year, year 0 undiscounted
    const double npvCouncil = -20 + 10 / 1.035 + 20 / (1.035 * 1.035);
    const double npvNhs = 0 + 10 / 1.035 + 10 / (1.035 * 1.035);
    const auto npvAt = csv.find("\nnet present value at 3.5% a year,");
    REQUIRE(npvAt != std::string::npos);
    double c = 0, n = 0, t = 0;
    REQUIRE(std::sscanf(csv.c_str() + npvAt + 34, "%lf,%lf,%lf", &c, &n, &t) == 3);
    CHECK(c == Approx(npvCouncil * 1e6).margin(0.01));
    CHECK(n == Approx(npvNhs * 1e6).margin(0.01));
    CHECK(t == Approx((npvCouncil + npvNhs) * 1e6).margin(0.01));

    app::Provenance prov = app::provenanceOf(modelPath.string(), *project);
    prov.settings.push_back("Scenario: levers Prevention: uplift=1.2");
    std::string error;
    const auto out = dir / "bc.csv";
    REQUIRE(app::writeBusinessCaseCsv(out.string(), report, 0.035, prov, error));
    CHECK(slurp(out) == csv);
    const std::string side = slurp(out.string() + ".provenance.txt");
    CHECK(side.find("model file: " + modelPath.string()) != std::string::npos);
    CHECK(side.find("model sha256: ") != std::string::npos);
    CHECK(side.find("Prevention: uplift=1.2") != std::string::npos);

    // a folder that is not there: no silent success, the file named
    CHECK_FALSE(
        app::writeBusinessCaseCsv((dir / "no_such_folder" / "bc.csv").string(), report, 0.035, prov, error));
    CHECK(error.find("no_such_folder/bc.csv") != std::string::npos);
}

TEST_CASE("business case export: the rate's note says where 3.5% comes from, and that it is an assumption",
          "[business][export]") {
    CHECK(app::discountRateNote(0.035) ==
          "3.5% a year (the HM Treasury Green Book rate; an assumption: try 1.5% to 5%)");
    CHECK(app::discountRateNote(0.05).rfind("5% a year (an assumption", 0) == 0);
}

TEST_CASE("business case: payers read in plain words, the file's columns keep the ledgers' names",
          "[workbench][business]") {
    CHECK(app::payerName("ledger_council_spend") == "Council");
    CHECK(app::payerName("ledger_nhs_cost") == "NHS");
    CHECK(app::payerName("ledger_self_funder_spend") == "People paying for their own care");
    CHECK(app::payerName("ledger_nhs") == "NHS");
    CHECK(app::payerName("housing_costs") == "Housing");
    CHECK(app::payerName("ledger_district_council_spend") == "District council");
}
