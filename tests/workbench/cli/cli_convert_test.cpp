// `sdw convert MODEL OUT.mdl`: Vensim text a Vensim user can take back, running to the same numbers; what
// Vensim cannot express is named and nothing is written.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "tests/workbench/cli/cli_test_util.hpp"

using clitest::Output;
using clitest::sdw;
using clitest::writeTemp;

TEST_CASE("cli: convert to .mdl writes Vensim text that runs to the same numbers", "[cli][convert]") {
    const std::string xmile = std::string(SDW_SOURCE_DIR) + "/models/teaching/prevention/prevention.xmile";
    if (!std::filesystem::exists(xmile)) {
        WARN("skipped: " << xmile << " is not there");
        return;
    }
    const std::string out = (std::filesystem::temp_directory_path() / "sdw_cli_prevention.mdl").string();
    std::filesystem::remove(out);
    const Output o = sdw("convert " + xmile + " " + out);
    INFO(o.out);
    REQUIRE(o.code == 0);
    const Output original = sdw("run " + xmile, false), back = sdw("run " + out, false);
    REQUIRE(original.code == 0);
    REQUIRE(back.code == 0);
    CHECK(back.out == original.out);
}

TEST_CASE("cli: convert to .mdl names what Vensim cannot express and writes nothing", "[cli][convert]") {
    const std::string model =
        writeTemp("sdw_cli_module.xmile",
                  "<xmile version=\"1.0\" "
                  "xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\"><header><name>m</name>"
                  "</header><sim_specs><start>0</start><stop>2</stop><dt>1</dt></sim_specs><model><variables>"
                  "<aux name=\"spread\"><eqn>STDDEV(1)</eqn></aux></variables></model></xmile>");
    const std::string out = (std::filesystem::temp_directory_path() / "sdw_cli_module.mdl").string();
    std::filesystem::remove(out);
    const Output o = sdw("convert " + model + " " + out);
    INFO(o.out);
    CHECK(o.code == 1);
    CHECK(o.out.find("E140 error in 'spread'") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out));
}
