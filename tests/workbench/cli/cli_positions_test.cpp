// Positions as a user reads them on the command line: `check` gives the line and column of the mistake in
// the file; an error in an equation given with --set names the option instead.
#include <catch2/catch.hpp>
#include <string>

#include "tests/workbench/cli/cli_test_util.hpp"

using clitest::Output;
using clitest::sdw;
using clitest::writeTemp;

namespace {

const char* kModel =
    "{UTF-8}\n"
    "Population = INTEG (\n"
    "\tbirths,\n"
    "\t1000) ~ people ~ |\n"
    "births = Population * birth rat ~ people/year ~ |\n"  // line 5: 'birth rat' at column 23
    "birth rate = 0.02 ~ 1/year ~ |\n"
    "FINAL TIME = 3 ~ year ~ |\nTIME STEP = 1 ~ year ~ |\n";

}  // namespace

TEST_CASE("cli: check gives the line and column of the mistake in a .mdl file", "[cli][positions]") {
    const Output o = sdw("check " + writeTemp("sdw_positions.mdl", kModel));
    INFO(o.out);
    CHECK(o.code == 1);
    CHECK(o.out.find("E201 error in 'births' (line 5, col 23): unknown name 'birth_rat'") !=
          std::string::npos);
}

TEST_CASE("cli: an error in a --set equation names the option, not a line of the file", "[cli][positions]") {
    std::string fixed = kModel;
    fixed.replace(fixed.find("birth rat ~"), 9, "birth rate");
    const std::string path = writeTemp("sdw_positions_ok.mdl", fixed);
    const Output o = sdw("run " + path + " --set \"births=Population * bith_rate\"");
    INFO(o.out);
    CHECK(o.code == 1);
    CHECK(o.out.find("(--set births=Population * bith_rate, col 14)") != std::string::npos);
    CHECK(o.out.find("line") == std::string::npos);
    // A good --set equation runs: births = 10 a year from 1000 people.
    const Output ok = sdw("run " + path + " --set \"births=10\" --vars Population");
    CHECK(ok.code == 0);
    CHECK(ok.out == "Time,Population\n0,1000\n1,1010\n2,1020\n3,1030\n");
}

TEST_CASE("cli: --data gives a Vensim model's data variables their series", "[cli][data]") {
    const std::string dat = writeTemp("sdw_cli_history.dat", "referrals\n0 10\n2 30\n");
    const std::string model =
        writeTemp("sdw_cli_data.mdl",
                  "{UTF-8}\nreferrals ~ people/week ~ |\nwaiting = INTEG(referrals, 0) ~~|\n"
                  "FINAL TIME = 3 ~~|\nTIME STEP = 1 ~~|\n");
    Output o = sdw("run " + model + " --data " + dat);
    INFO(o.out);
    CHECK(o.code == 0);
    CHECK(o.out.find("Time,referrals,waiting\n0,10,0\n1,20,10\n2,30,30\n3,30,60\n") != std::string::npos);
    o = sdw("run " + model);  // no data file: refused, saying what to give
    CHECK(o.code == 1);
    CHECK(o.out.find("--data FILE") != std::string::npos);
    CHECK(sdw("check " + model + " --data " + dat).code == 0);
}
