// Morris screening and Sobol indices in the workbench, on a model whose outcome is a known linear function of
// its constants: total(10) = 10 (3a + b - 2c) with a, b, c uniform on 1..2, 0..10, 1..4. Worked by hand:
// an elementary effect on the [0,1] scale is the coefficient times the range's width, 10 x (3 x 1, 1 x 10,
// -2 x 3) = 30, 100, -60, the same at every point (sigma 0); the outcome's variance is the sum of
// (coefficient x width)^2 / 12 = 75 + 833.33 + 300 = 1208.33 (spread 34.76), so the Sobol indices are
// 0.0621 (a), 0.6897 (b), 0.2483 (c), first-order equal to total (no interaction). The numbers equal
// `sdw sensitivity`'s for the command line the tab shows. Layer: tests/workbench/app.
#include "workbench/app/uncertainty/global_sensitivity.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <sstream>

#include "tests/workbench/app/linear_model.hpp"
#include "tests/workbench/app/state_dir.hpp"
#include "tests/workbench/cli_run.hpp"
#include "workbench/app/session.hpp"

using namespace sdw;

namespace {

std::shared_ptr<const app::GlobalResult> runIt(app::Session& s, const app::GlobalOptions& o) {
    app::GlobalSensitivity g;
    std::string error;
    REQUIRE(g.start(s, o, error));
    REQUIRE(g.wait(std::chrono::seconds(60)));
    REQUIRE(g.error().empty());
    REQUIRE(g.current(s));
    return g.result();
}

app::Session& opened(app::Session& s, const std::string& file) {
    std::string error;
    REQUIRE(s.open(test::linearModel(file, false), error));
    s.settle();
    return s;
}

// The rows of `sdw sensitivity`'s CSV for the tab's command line: parameter -> the columns after `outcome`.
std::map<std::string, std::vector<double>> cliRows(const std::string& commandLine, const std::string& out) {
    REQUIRE(commandLine.rfind("sdw ", 0) == 0);
    const auto o = cli_test::runSdw(commandLine.substr(4) + " --out " + out);
    REQUIRE(o.code == 0);
    std::ifstream in(out);
    std::string line;
    std::getline(in, line);  // header
    std::map<std::string, std::vector<double>> rows;
    while (std::getline(in, line)) {
        std::stringstream ss(line);
        std::string name, outcome, cell;
        std::getline(ss, name, ',');
        std::getline(ss, outcome, ',');
        while (std::getline(ss, cell, ',')) rows[name].push_back(std::stod(cell));
    }
    return rows;
}

}  // namespace

TEST_CASE("global sensitivity: Morris effects of a linear model are the coefficients times the ranges",
          "[workbench][sensitivity]") {
    app::Session s(test::freshStateDir("sdw_global_morris"));
    opened(s, "sdw_global_morris.xmile");
    app::GlobalOptions o;
    o.method = app::GlobalMethod::Morris;
    o.trajectories = 6;
    o.seed = 5;
    const auto r = runIt(s, o);
    CHECK(r->setup.base.outcome == "total");
    CHECK(r->runs == 6 * 4);
    REQUIRE(r->bars.size() == 3);
    CHECK(r->bars[0].parameter == "b");
    CHECK(r->bars[0].score == Approx(100));
    CHECK(r->bars[0].signedMu == Approx(100));
    CHECK(r->bars[1].parameter == "c");
    CHECK(r->bars[1].score == Approx(60));
    CHECK(r->bars[1].signedMu == Approx(-60));  // more c, less total
    CHECK(r->bars[2].parameter == "a");
    CHECK(r->bars[2].score == Approx(30));
    for (const auto& b : r->bars) CHECK(b.second == Approx(0).margin(1e-9));
    CHECK(r->unitsOf("a") == "people");
    // The same numbers from the command line the tab shows (parameter, mu, mu_star, sigma, effects).
    const auto cmd = app::globalCommandLine(r->setup, s.doc().path());
    CHECK(cmd.find("--analysis morris --trajectories 6 --seed 5 --stop 10 --vary a --vary b --vary c "
                   "--vars total") != std::string::npos);
    const auto rows =
        cliRows(cmd, (std::filesystem::temp_directory_path() / "sdw_global_morris.csv").string());
    for (const auto& b : r->bars) {
        REQUIRE(rows.count(b.parameter));
        CHECK(rows.at(b.parameter)[0] == Approx(b.signedMu).epsilon(1e-12));
        CHECK(rows.at(b.parameter)[1] == Approx(b.score).epsilon(1e-12));
    }
}

TEST_CASE("global sensitivity: Sobol indices of a linear model are its variance shares",
          "[workbench][sensitivity]") {
    app::Session s(test::freshStateDir("sdw_global_sobol"));
    opened(s, "sdw_global_sobol.xmile");
    app::GlobalOptions o;
    o.method = app::GlobalMethod::Sobol;
    o.samples = 3000;
    o.seed = 7;
    const auto r = runIt(s, o);
    CHECK(r->runs == 3000 * 5);
    REQUIRE(r->bars.size() == 3);
    CHECK(r->bars[0].parameter == "b");
    CHECK(r->bars[1].parameter == "c");
    CHECK(r->bars[2].parameter == "a");
    // Estimates from 3,000 samples: within 0.04 of the exact shares.
    CHECK(r->bars[0].score == Approx(833.333 / 1208.333).margin(0.04));
    CHECK(r->bars[0].second == Approx(833.333 / 1208.333).margin(0.04));
    CHECK(r->bars[1].score == Approx(300 / 1208.333).margin(0.04));
    CHECK(r->bars[2].score == Approx(75 / 1208.333).margin(0.04));
    CHECK(r->bars[2].second == Approx(75 / 1208.333).margin(0.04));
    // Mean 10 (3 x 1.5 + 5 - 2 x 2.5) = 45, spread sqrt(1208.33) = 34.76, over 6,000 draws.
    CHECK(r->mean == Approx(45).margin(1.5));
    CHECK(r->spread == Approx(34.76).epsilon(0.03));
    // The command line gives the same indices (parameter, first_order, total).
    o.samples = 40;
    const auto small = runIt(s, o);
    const auto rows = cliRows(app::globalCommandLine(small->setup, s.doc().path()),
                              (std::filesystem::temp_directory_path() / "sdw_global_sobol.csv").string());
    for (const auto& b : small->bars) {
        REQUIRE(rows.count(b.parameter));
        CHECK(rows.at(b.parameter)[0] == Approx(b.second).epsilon(1e-12));
        CHECK(rows.at(b.parameter)[1] == Approx(b.score).epsilon(1e-12));
    }
}

TEST_CASE("global sensitivity: a budget below two is refused, a slider's constant is held",
          "[workbench][sensitivity]") {
    app::Session s(test::freshStateDir("sdw_global_refuse"));
    opened(s, "sdw_global_refuse.xmile");
    std::string error;
    app::GlobalOptions o;
    o.trajectories = 1;
    CHECK_FALSE(app::globalSetupFor(s, o, error));
    CHECK(error.find("at least 2 trajectories") != std::string::npos);
    size_t ia = s.inputs().size();
    for (size_t i = 0; i < s.inputs().size(); ++i)
        if (s.inputs()[i].name == "a") ia = i;
    REQUIRE(ia < s.inputs().size());
    REQUIRE(s.typeInput(ia, "2", error));
    s.settle();
    o.trajectories = 4;
    const auto r = runIt(s, o);
    CHECK(r->setup.base.held == std::vector<std::string>{"a"});
    REQUIRE(r->bars.size() == 2);
    CHECK(r->runs == 4 * 3);
}
