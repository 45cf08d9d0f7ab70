// Experiment scripts (`sdw script`): the sdw module on the default model, seeded Monte Carlo reproducibility,
// CSV output, and errors that name the script's line.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "plugins/host/script_runner.hpp"
#include "tests/plugins/plugin_test_util.hpp"

using namespace sdw;

namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool runExperiment(const std::filesystem::path& dir, const std::string& seed, diag::Diagnostics& diags) {
    std::filesystem::create_directories(dir);
    plugins::ScriptOptions o;
    o.projectRoot = SDW_SOURCE_DIR;
    o.args = {dir.string(), seed};
    return plugins::runScript(test::pluginData("scripts/experiment.lua"), o, diags);
}

}  // namespace

TEST_CASE("script: run, sweep, Monte Carlo and tornado write their CSVs, same seed, same numbers",
          "[plugins][script]") {
    const auto root = std::filesystem::temp_directory_path() / "sdw_script_test";
    std::filesystem::remove_all(root);
    diag::Diagnostics diags;
    REQUIRE(runExperiment(root / "a", "5", diags));
    REQUIRE(runExperiment(root / "b", "5", diags));
    REQUIRE(runExperiment(root / "c", "6", diags));
    INFO(test::allMessages(diags));
    const std::string sweep = slurp(root / "a" / "sweep.csv");
    CHECK(sweep.rfind("care_home_diversion_share,people_in_care_homes\n0,", 0) == 0);
    CHECK(std::count(sweep.begin(), sweep.end(), '\n') == 4);
    const std::string mc = slurp(root / "a" / "mc.csv");
    CHECK(std::count(mc.begin(), mc.end(), '\n') == 9);  // header + 8 samples
    CHECK(mc == slurp(root / "b" / "mc.csv"));
    CHECK(mc != slurp(root / "c" / "mc.csv"));
    const std::string tornado = slurp(root / "a" / "tornado.csv");
    CHECK(tornado.rfind("parameter,outcome_low,outcome_high,swing\ncare_home_diversion_share,", 0) ==
          0);  // widest first
    std::filesystem::remove_all(root);
}

TEST_CASE("script: an error names the script, the line and the cause", "[plugins][script]") {
    plugins::ScriptOptions o;
    o.projectRoot = SDW_SOURCE_DIR;
    diag::Diagnostics diags;
    CHECK_FALSE(plugins::runScript(test::pluginData("scripts/failing.lua"), o, diags));
    const auto* e = test::firstError(diags);
    REQUIRE(e != nullptr);
    CHECK(e->line == 3);
    CHECK(e->where.find("failing.lua") != std::string::npos);
    CHECK(e->message.find("no_such_plugin") != std::string::npos);
}

TEST_CASE("script: sdw.write_csv refuses a name a model file would have, and writes nothing there",
          "[plugins][script]") {
    const auto dir = std::filesystem::temp_directory_path() / "sdw_script_model_name";
    std::filesystem::create_directories(dir);
    const auto script = dir / "over_model.lua";
    const auto target = dir / "care.XMILE";
    std::ofstream(script) << "local rows = { { a = 1 } }\n"
                          << "sdw.write_csv(\"" << target.string() << "\", rows)\n";
    plugins::ScriptOptions o;
    o.projectRoot = SDW_SOURCE_DIR;
    diag::Diagnostics diags;
    CHECK_FALSE(plugins::runScript(script.string(), o, diags));
    const auto* e = test::firstError(diags);
    REQUIRE(e != nullptr);
    CHECK(e->line == 2);
    CHECK(e->message.find("is named like a model file (.xmile)") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(target));
    std::filesystem::remove_all(dir);
}
