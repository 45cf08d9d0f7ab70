// `sdw loops`, run as a user would: the listing, the scores CSV (Time, then one signed share per loop id,
// magnitudes summing to 1), a model with errors refused as `sdw check` refuses it, a model with no loops,
// usage errors. Layer: tests/workbench/cli (runs the sdw program).
#include <unistd.h>

#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>

#include "tests/workbench/cli_run.hpp"

namespace {

using cli_test::Output;

Output run(const std::string& args, bool withStderr = true) {
    return cli_test::runSdw(args, withStderr);
}

std::string tempFile(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / name;
    std::ofstream(path) << text;
    return path.string();
}

// A file of its own for each model a test writes: ctest runs test cases in parallel, and some rewrite theirs.
std::string logisticModel(const std::string& growth) {
    static int count = 0;
    const std::string name =
        "sdw_loops_logistic_" + std::to_string(getpid()) + "_" + std::to_string(++count) + ".xmile";
    return tempFile(name,
                    "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">"
                    "<header><name>logistic</name></header>"
                    "<sim_specs method=\"euler\"><start>0</start><stop>20</stop><dt>0.25</dt></sim_specs>"
                    "<model><variables>"
                    "<stock name=\"population\"><eqn>10</eqn><inflow>growth</inflow></stock>"
                    "<flow name=\"growth\"><eqn>" +
                        growth +
                        "</eqn></flow>"
                        "<aux name=\"crowding\"><eqn>population / 1000</eqn></aux>"
                        "</variables></model></xmile>");
}

}  // namespace

TEST_CASE("cli loops: lists each loop's id, polarity, length and variables", "[cli][loops]") {
    const Output o = run("loops " + logisticModel("0.5 * population * (1 - crowding)"));
    REQUIRE(o.code == 0);
    CHECK(o.out.find("all 2 feedback loops") != std::string::npos);
    CHECK(o.out.find("R1     R        2      growth -(+)-> population -(+)-> (growth)") != std::string::npos);
    CHECK(o.out.find("B2     B        3      crowding -(-)-> growth -(+)-> population -(+)-> (crowding)") !=
          std::string::npos);
}

TEST_CASE("cli loops: --scores writes Time and one share per loop, the magnitudes sum to 1 in each row",
          "[cli][loops]") {
    const auto csv = std::filesystem::temp_directory_path() / "sdw_loops_scores.csv";
    std::filesystem::remove(csv);
    const Output o = run("loops " + logisticModel("0.5 * population * (1 - crowding)") + " --scores --out " +
                         csv.string());
    REQUIRE(o.code == 0);
    CHECK(o.out.find("dominant loop") != std::string::npos);
    std::ifstream in(csv);
    std::string line;
    REQUIRE(std::getline(in, line));
    CHECK(line == "Time,R1,B2");
    size_t rows = 0;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string t, r, b;
        std::getline(fields, t, ',');
        std::getline(fields, r, ',');
        std::getline(fields, b, ',');
        const double sum = std::fabs(std::stod(r)) + std::fabs(std::stod(b));
        INFO(line);
        CHECK((sum == 0 || std::fabs(sum - 1) < 1e-12));
        CHECK(std::stod(r) >= 0);  // R's share carries +, B's carries -
        CHECK(std::stod(b) <= 0);
        ++rows;
    }
    CHECK(rows == 81);  // 0 to 20 by 0.25
}

TEST_CASE("cli loops: --scores with no --out puts the CSV alone on standard output", "[cli][loops]") {
    const Output o =
        run("loops " + logisticModel("0.5 * population * (1 - crowding)") + " --scores --stop 1", false);
    REQUIRE(o.code == 0);
    CHECK(o.out.rfind("Time,R1,B2\n0,0,0\n0.25,", 0) == 0);
    CHECK(o.out.find("dominant") == std::string::npos);
}

TEST_CASE("cli loops: a model with errors gets sdw check's diagnostics and exit code", "[cli][loops]") {
    const std::string model = logisticModel("0.5 * populaton");
    const Output loops = run("loops " + model), check = run("check " + model);
    CHECK(loops.code == 1);
    CHECK(loops.code == check.code);
    CHECK(loops.out == check.out);
    CHECK(loops.out.find("E201") != std::string::npos);
}

TEST_CASE("cli loops: a model without loops says so", "[cli][loops]") {
    const Output o = run("loops " + logisticModel("5"));  // crowding reads population, nothing reads crowding
    REQUIRE(o.code == 0);
    CHECK(o.out.find("no feedback loops") != std::string::npos);
}

TEST_CASE("cli loops: usage errors", "[cli][loops]") {
    const std::string model = logisticModel("0.5 * population");
    CHECK(run("loops " + model + " --out x.csv").code == 2);  // --out goes with --scores
    CHECK(run("loops " + model + " --scores --method leapfrog").code == 2);
    CHECK(run("loops").code == 2);
    CHECK(run("loops /no/such/model.xmile").code == 1);
}

TEST_CASE("cli loops: a save interval sdw run refuses is refused, and run settings need --scores or --bench",
          "[cli][loops]") {
    const std::string model = logisticModel("0.5 * population");  // dt 0.25
    // These were taken silently: the scores saved every dt as if no --saveper had been given.
    const std::array<std::pair<const char*, const char*>, 3> refused = {{
        {"-1", "sdw loops: saveper must be a positive number (got -1)"},
        {"0", "sdw loops: saveper must be a positive number (got 0)"},
        {"0.3", "sdw loops: saveper 0.3 is not a whole multiple of dt 0.25 (try 0.25 or 0.5)"},
    }};
    for (const auto& [saveper, message] : refused) {
        INFO("--saveper " << saveper);
        const Output o = run("loops " + model + " --scores --saveper " + saveper);
        CHECK(o.code == 2);
        CHECK(o.out.find(message) != std::string::npos);
    }
    CHECK(run("loops " + model + " --bench 1 --saveper 0").code == 2);
    // Given with a listing, which runs nothing, they did nothing.
    for (const char* option : {"--saveper 1", "--dt 0.5", "--stop 5", "--method rk4"}) {
        INFO(option);
        const Output o = run("loops " + model + " " + option);
        CHECK(o.code == 2);
        CHECK(o.out.find("go with --scores or --bench") != std::string::npos);
    }
    // A whole multiple of dt is taken: 20 weeks saved every 1, Time 0 to 20.
    const Output ok = run("loops " + model + " --scores --saveper 1", false);
    REQUIRE(ok.code == 0);
    CHECK(ok.out.find("\n1,") != std::string::npos);
    CHECK(ok.out.find("\n0.25,") == std::string::npos);
}

TEST_CASE("cli loops: --name and --describe save a loop's name in the model file, the listing shows it",
          "[cli][loops][names]") {
    const std::string model = logisticModel("0.5 * population * (1 - crowding)");
    const Output named =
        run("loops " + model + " --name r1=\"compound growth\" --name B2=crowding --describe " +
            "B2=\"the more people, the less room to grow\"");
    REQUIRE(named.code == 0);
    CHECK(named.out.find("(growth)   \"compound growth\"") != std::string::npos);
    CHECK(named.out.find("(crowding)   \"crowding\"\n") != std::string::npos);
    CHECK(named.out.find("the more people, the less room to grow") != std::string::npos);
    std::stringstream saved;
    saved << std::ifstream(model).rdbuf();
    CHECK(saved.str().find("<sdw:loop id=\"R1\" name=\"compound growth\">") != std::string::npos);
    // A later listing reads the names back from the file; renaming R1 keeps B2's name and description.
    REQUIRE(run("loops " + model + " --name R1=\"more people, more births\"").code == 0);
    const Output listed = run("loops " + model);
    CHECK(listed.out.find("\"more people, more births\"") != std::string::npos);
    CHECK(listed.out.find("compound growth") == std::string::npos);
    CHECK(listed.out.find("the more people, the less room to grow") != std::string::npos);
}

TEST_CASE("cli loops: naming a loop the model lacks, or without ID=, is refused and the file left alone",
          "[cli][loops][names]") {
    const std::string model = logisticModel("0.5 * population * (1 - crowding)");
    std::stringstream before;
    before << std::ifstream(model).rdbuf();
    const Output missing = run("loops " + model + " --name B9=nothing");
    CHECK(missing.code == 2);
    CHECK(missing.out.find("has no loop 'B9'") != std::string::npos);
    CHECK(run("loops " + model + " --name growth").code == 2);
    const Output undescribed = run("loops " + model + " --describe R1=text");
    CHECK(undescribed.code == 2);
    CHECK(undescribed.out.find("no name to describe") != std::string::npos);
    CHECK(run("loops " + model + " --scores --name R1=x").code == 2);
    std::stringstream after;
    after << std::ifstream(model).rdbuf();
    CHECK(after.str() == before.str());
}

TEST_CASE("cli loops: --set changes the model scored, as sdw run's --set does", "[cli][loops]") {
    const std::string model = logisticModel("0.5 * population * (1 - crowding)");
    // With crowding held at 0 the model is exponential growth: its one loop, R1, has the whole share at every
    // saved time after the first (the first has no change to share).
    const Output o = run("loops " + model + " --scores --stop 1 --set crowding=0", false);
    REQUIRE(o.code == 0);
    CHECK(o.out == "Time,R1\n0,0\n0.25,1\n0.5,1\n0.75,1\n1,1\n");
    const Output unknown = run("loops " + model + " --scores --set crowdin=0");
    CHECK(unknown.code == 2);
    CHECK(unknown.out.find("no variable 'crowdin'") != std::string::npos);
    CHECK(run("loops " + model + " --set crowding=0").code == 2);  // --set goes with --scores or --bench
}

TEST_CASE("cli loops: --engine interp, compiled or auto give the same scores, and another engine is refused",
          "[cli][loops]") {
    // Long enough (8,000 steps, saved every 40th) that auto and compiled run native code: the interpreter is
    // the reference they must match to the digit the CSV prints.
    const std::string model = logisticModel("0.5 * population * (1 - crowding)");
    const std::string args = "loops " + model + " --scores --dt 0.0025 --saveper 0.1";
    const Output interp = run(args + " --engine interp", false),
                 compiled = run(args + " --engine compiled", false), automatic = run(args, false);
    REQUIRE(interp.code == 0);
    REQUIRE(compiled.code == 0);
    REQUIRE(automatic.code == 0);
    CHECK(interp.out.find("Time,R1,B2") == 0);
    CHECK(compiled.out == interp.out);
    CHECK(automatic.out == interp.out);
    const Output bad = run(args + " --engine fast");
    CHECK(bad.code == 2);
    CHECK(bad.out.find("--engine") != std::string::npos);
}
