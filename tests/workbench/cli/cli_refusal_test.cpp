// The command line never says yes to a broken file: a file that is not the format its name says, a Vensim
// file the reader had to read past, a stock whose inflow is not a flow. `sdw run`, `convert` and `bench`
// refuse whatever `sdw check` calls an error, with the same diagnostics and exit code 1.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/workbench/cli/cli_test_util.hpp"

using clitest::Output;
using clitest::sdw;
using clitest::writeTemp;

namespace {

// The error lines of a command's output ("FILE: E102 error ..."), in order.
std::vector<std::string> errorLines(const std::string& out) {
    std::vector<std::string> lines;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);)
        if (line.find(" error in ") != std::string::npos || line.find(" error: ") != std::string::npos ||
            line.find(" error (") != std::string::npos)
            lines.push_back(line);
    return lines;
}

// `check` says error (exit 1); `run`, `convert` and `bench` refuse with the same error lines and print no
// results.
void refusedEverywhere(const std::string& path, const std::string& mustMention) {
    const Output check = sdw("check " + path);
    INFO(check.out);
    CHECK(check.code == 1);
    CHECK(check.out.find(mustMention) != std::string::npos);
    const auto errors = errorLines(check.out);
    REQUIRE_FALSE(errors.empty());
    const Output run = sdw("run " + path);
    INFO(run.out);
    CHECK(run.code == 1);
    CHECK(run.out.find("Time") == std::string::npos);
    CHECK(errorLines(run.out) == errors);
    const Output stdoutOnly = sdw("run " + path, false);
    CHECK(stdoutOnly.out.empty());
    const std::string converted = writeTemp("sdw_refusal_converted.xmile", "");
    CHECK(sdw("convert " + path + " " + converted).code == 1);
    CHECK(sdw("bench " + path + " --runs 1").code == 1);
}

const char* kAuxInflow =
    "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">\n"
    "<header><name>t</name></header>\n"
    "<sim_specs><start>0</start><stop>3</stop><dt>1</dt></sim_specs>\n"
    "<model><variables>\n"
    "<stock name=\"Waiting list\"><eqn>10</eqn><inflow>referral rate</inflow></stock>\n"
    "<aux name=\"referral rate\"><eqn>1</eqn></aux>\n"
    "</variables></model></xmile>\n";

}  // namespace

TEST_CASE("cli: a text file named .xmile is refused as not XML, never read as Vensim", "[cli][refuse]") {
    const auto path = writeTemp("sdw_refuse_text.xmile", "hello this is\njust some text\n");
    refusedEverywhere(path, "E102");
    const Output o = sdw("check " + path);
    CHECK(o.out.find("is not XML") != std::string::npos);
    CHECK(o.out.find("'hello this is'") != std::string::npos);
    CHECK(o.out.find("E120") == std::string::npos);  // the Vensim reader never saw it
    CHECK(o.out.find("1 error(s)") != std::string::npos);
}

TEST_CASE("cli: a Vensim model named .xmile is refused with a hint to rename it", "[cli][refuse]") {
    const auto path = writeTemp("sdw_refuse_vensim.xmile", "{UTF-8}\nx = 1 ~ ~ |\n");
    refusedEverywhere(path, "E102");
    CHECK(sdw("check " + path).out.find("name it .mdl") != std::string::npos);
}

TEST_CASE("cli: a binary file is refused whatever its name", "[cli][refuse]") {
    refusedEverywhere(writeTemp("sdw_refuse_binary.mdl", std::string("PK\x03\x04\0\0\x01\x02", 8) + "rest"),
                      "binary data");
}

TEST_CASE("cli: plain text with another extension is neither XMILE nor Vensim", "[cli][refuse]") {
    refusedEverywhere(writeTemp("sdw_refuse_notes.txt", "meeting notes\nbuy milk\n"), "neither XMILE");
}

TEST_CASE("cli: run refuses a Vensim file the reader read past with errors", "[cli][refuse]") {
    // The reader reads on after the bad entry (so `check` reports every problem), and the rest compiles,
    // but run must not print a result for a model with errors.
    const auto path = writeTemp("sdw_refuse_partial.mdl",
                                "{UTF-8}\nx = 1 ~ ~ |\nhello this is just text ~ ~ |\n"
                                "y = x * 2 ~ ~ |\nFINAL TIME = 3 ~ ~ |\nTIME STEP = 1 ~ ~ |\n");
    refusedEverywhere(path, "E130");  // a name alone is a data variable, and no data file was given
}

TEST_CASE("cli: a stock whose inflow is an auxiliary is an error naming both", "[cli][refuse]") {
    const auto path = writeTemp("sdw_refuse_aux_inflow.xmile", kAuxInflow);
    refusedEverywhere(path, "E207");
    const Output o = sdw("check " + path);
    CHECK(o.out.find("'Waiting list'") != std::string::npos);
    CHECK(o.out.find("'referral rate' is an auxiliary") != std::string::npos);
    CHECK(o.out.find("line 5") != std::string::npos);
}

TEST_CASE("cli: XML named .mdl is read as XMILE with a warning", "[cli][refuse]") {
    std::string ok = kAuxInflow;
    ok.replace(ok.find("<aux name=\"referral rate\"><eqn>1</eqn></aux>"),
               std::string("<aux name=\"referral rate\"><eqn>1</eqn></aux>").size(),
               "<flow name=\"referral rate\"><eqn>1</eqn></flow>");
    const Output o = sdw("run " + writeTemp("sdw_xml_named.mdl", ok));
    INFO(o.out);
    CHECK(o.code == 0);
    CHECK(o.out.find("W217") != std::string::npos);
    CHECK(o.out.find("0,10,1\n1,11,1\n2,12,1\n3,13,1\n") != std::string::npos);
}
