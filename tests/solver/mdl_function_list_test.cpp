// Vensim's documented functions as a whole (the README's list): each one sdw reads compiles and runs; each
// one it does not is an E211 "the Vensim function 'NAME' is not supported" naming the variable and the place,
// never a parse error or a guess at a typo; a name that is no function at all gets the nearest one.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "solver/mdl/mdl_internal.hpp"
#include "tests/solver/mdl_test_util.hpp"

using namespace sdw;

namespace {

std::string withInput(const std::string& equations) {
    return "{UTF-8}\ninput = 2 ~~|\nseed = 1 ~~|\n" + equations +
           "\nINITIAL TIME = 0 ~~|\nFINAL TIME = 2 ~~|\nTIME STEP = 1 ~~|\n";
}

}  // namespace

TEST_CASE("mdl functions: every Vensim function sdw reads compiles and runs", "[mdl][functions]") {
    const std::vector<std::string> calls = {"ABS(-input)",
                                            "ARCCOS(0.5)",
                                            "ARCSIN(0.5)",
                                            "ARCTAN(1)",
                                            "COS(input)",
                                            "EXP(1)",
                                            "INTEGER(2.5)",
                                            "LN(input)",
                                            "LOG(8, 2)",
                                            "MAX(input, 3)",
                                            "MIN(input, 3)",
                                            "MODULO(7, 3)",
                                            "POWER(input, 3)",
                                            "SIN(input)",
                                            "SQRT(input)",
                                            "TAN(1)",
                                            "SINH(1)",
                                            "COSH(1)",
                                            "TANH(1)",
                                            "QUANTUM(7, 2)",
                                            "GET TIME VALUE(0, 1, 0)",
                                            "XIDZ(1, 0, 5)",
                                            "ZIDZ(1, 0)",
                                            "IF THEN ELSE(input > 1, 1, 0)",
                                            "STEP(1, 1)",
                                            "RAMP(1, 0, 2)",
                                            "PULSE(1, 1)",
                                            "PULSE TRAIN(0, 1, 2, 10)",
                                            "DELAY1(input, 2)",
                                            "DELAY1I(input, 2, 0)",
                                            "DELAY3(input, 3)",
                                            "DELAY3I(input, 3, 0)",
                                            "DELAY N(input, 2, 0, 2)",
                                            "DELAY FIXED(input, 1, 0)",
                                            "SMOOTH(input, 2)",
                                            "SMOOTHI(input, 2, 0)",
                                            "SMOOTH3(input, 3)",
                                            "SMOOTH3I(input, 3, 0)",
                                            "SMOOTH N(input, 2, 0, 2)",
                                            "TREND(input, 2, 0)",
                                            "FORECAST(input, 2, 1)",
                                            "INITIAL(input)",
                                            "ACTIVE INITIAL(input, 1)",
                                            "SAMPLE IF TRUE(Time > 1, input, 0)",
                                            "RANDOM UNIFORM(0, 1, seed)",
                                            "RANDOM NORMAL(-1, 1, 0, 1, seed)",
                                            "RANDOM EXPONENTIAL(0, 9, 0, 1, seed)",
                                            "RANDOM POISSON(0, 9, 2, 0, 1, seed)",
                                            "RANDOM TRIANGULAR(0, 9, 1, 2, 4, seed)",
                                            "RANDOM 0 1()",
                                            "NPV(input, 0.1, 0, 1)",
                                            "NPVE(input, 0.1, 0, 1)",
                                            "GAME(input)",
                                            "LOOKUP EXTRAPOLATE(tab, 1)",
                                            "LOOKUP FORWARD(tab, 1)",
                                            "LOOKUP BACKWARD(tab, 1)",
                                            "WITH LOOKUP(input, ((0,0),(5,5)))",
                                            "SUM(arr[d!])",
                                            "PROD(arr[d!])",
                                            "VMIN(arr[d!])",
                                            "VMAX(arr[d!])",
                                            "ELMCOUNT(d)"};
    for (const std::string& call : calls) {
        INFO(call);
        diag::Diagnostics d;
        const auto r = test::runMdl(
            withInput("tab((0,0),(2,4)) ~~|\nd : d1, d2 ~~|\narr[d] = 1, 2 ~~|\nx = " + call + " ~~|\n"), d);
        CHECK(r.ok());
    }
}

TEST_CASE("mdl functions: each Vensim function sdw does not run is named, where it is written",
          "[mdl][functions]") {
    // Vensim's documented functions that sdw refuses (the README lists each with the diagnostic).
    const std::vector<std::string> names = {"GAMMA LN",
                                            "ALLOC P",
                                            "DEMAND AT PRICE",
                                            "SUPPLY AT PRICE",
                                            "FIND MARKET PRICE",
                                            "VECTOR LOOKUP",
                                            "DELAY INFORMATION",
                                            "DELAY MATERIAL",
                                            "DELAY BATCH",
                                            "DELAY CONVEYOR",
                                            "DELAY PROFILE",
                                            "QUEUE FIFO",
                                            "QUEUE ATTRIB",
                                            "REINITIAL",
                                            "SHIFT IF TRUE",
                                            "RAMP FROM TO",
                                            "TIME SHIFT",
                                            "TIME BASE",
                                            "DEPRECIATE STRAIGHTLINE",
                                            "DEPRECIATE BY SCHEDULE",
                                            "LOOKUP AREA",
                                            "LOOKUP INVERT",
                                            "GET DATA AT TIME",
                                            "GET DATA FIRST TIME",
                                            "GET DATA LAST TIME",
                                            "GET DATA MAX",
                                            "GET DATA MIN",
                                            "GET DATA MEAN",
                                            "GET DATA TOTAL POINTS",
                                            "GET DATA BETWEEN TIMES",
                                            "GET VDF DATA",
                                            "GET VDF CONSTANTS",
                                            "CUMULATE",
                                            "CUMULATEF",
                                            "RANDOM BINOMIAL",
                                            "RANDOM BETA",
                                            "RANDOM GAMMA",
                                            "RANDOM LOOKUP",
                                            "RANDOM NEGATIVE BINOMIAL",
                                            "RANDOM PINK NOISE",
                                            "RANDOM WEIBULL",
                                            "FIND ZERO",
                                            "SIMULTANEOUS"};
    for (const std::string& name : names) {
        INFO(name);
        diag::Diagnostics d;
        auto p = mdl::readString(withInput("x = input + " + name + "(input, 1, 2) ~~|\n"), d, "t.mdl");
        REQUIRE(p);
        REQUIRE(d.errorCount() == 1);
        const diag::Diagnostic& e = d.items().front();
        CHECK(e.code == std::string(diag::code::kUnsupported));
        CHECK(e.where == "x");
        CHECK(e.line == 4);
        CHECK(e.column == 13);  // at the function's name
        CHECK(e.message == "the Vensim function '" + name +
                               "' is not supported: see the list of Vensim functions in sdw's README");
        // The compile refuses the model without a second error for the same line ("x has no equation").
        CHECK_FALSE(compile::compileModel(*p, d));
        CHECK(d.errorCount() == 1);
    }
}

TEST_CASE("mdl functions: a name that is no function gets the nearest one, or none", "[mdl][functions]") {
    diag::Diagnostics d;
    mdl::readString(withInput("x = SMOOTHE(input, 2) ~~|\ny = FROBNICATE(1) ~~|\n"), d, "t.mdl");
    INFO(test::dumpDiagnostics(d));
    REQUIRE(d.errorCount() == 2);
    CHECK(d.items()[0].message.find("'SMOOTHE' is not a function sdw knows") != std::string::npos);
    CHECK(d.items()[0].message.find("did you mean 'SMOOTH'?") != std::string::npos);
    CHECK(d.items()[1].message.find("did you mean") == std::string::npos);
}

TEST_CASE("mdl functions: the README lists every Vensim function sdw does not run", "[mdl][functions]") {
    std::ifstream in(std::string(SDW_SOURCE_DIR) + "/README.md");
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    const std::string readme = text.str();
    const size_t section = readme.find("## Vensim functions");
    REQUIRE(section != std::string::npos);
    for (const std::string& name : mdl::detail::unsupportedVensimFunctions()) {
        INFO(name);
        CHECK(readme.find("`" + name + "`", section) != std::string::npos);
    }
}
