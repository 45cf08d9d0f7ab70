// Equation help: every function the engine knows has a signature and a summary, its arguments agree with
// the engine's counts, and the help follows the cursor into the innermost call. Layer: tests/workbench/app.
#include "workbench/app/equation_help.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "solver/equations/builtins.hpp"

using namespace sdw;

TEST_CASE("equation help: every engine built-in is documented, with the engine's argument counts",
          "[equations][help]") {
    for (const auto& b : equations::allBuiltins()) {
        INFO(b.name);
        const auto* h = app::functionHelp(b.name);
        REQUIRE(h);
        const std::string sig = h->signature;
        CHECK(std::string(h->summary).size() > 5);
        if (b.kind == equations::BuiltinKind::Constant) continue;  // PI, TIME...: no parentheses
        // required arguments are the ones before '[', separated by commas; "..." means any number more
        const auto open = sig.find('('), bracket = sig.find('[');
        const std::string required = sig.substr(open + 1, std::min(bracket, sig.find(')')) - open - 1);
        int commas = 0;
        for (char c : required) commas += c == ',';
        const bool trailingComma = required.find_last_not_of(' ') != std::string::npos &&
                                   required[required.find_last_not_of(' ')] == ',';
        const int shown = commas + 1 - (trailingComma ? 1 : 0);
        if (sig.find("...") != std::string::npos || sig.find("[*]") != std::string::npos) continue;
        CHECK(shown == b.minArgs);
        CHECK((bracket == std::string::npos) == (b.minArgs == b.maxArgs));
    }
}

TEST_CASE("equation help: follows the cursor into the innermost call, or onto a function's name",
          "[equations][help]") {
    const std::string eq = "MAX(0, SMTH1(demand, 4) - capacity)";
    // inside SMTH1's parentheses (after "demand, ")
    CHECK(app::helpAt(eq, eq.find("4)")).rfind("SMTH1(input, averaging time [, initial]): ", 0) == 0);
    // after SMTH1 closes, back inside MAX
    CHECK(app::helpAt(eq, eq.find("capacity")).rfind("MAX(a, b, ...)", 0) == 0);
    // on a function's name, lower case as people type it
    CHECK(app::helpAt("smth3(x, 2)", 2).rfind("SMTH3(", 0) == 0);
    // no call around the cursor, or a variable's name: nothing
    CHECK(app::helpAt("waiting_list / assessments", 3).empty());
    CHECK(app::helpAt("", 0).empty());
    CHECK(app::helpAt("x * (y + 1)", 6).empty());  // plain parentheses are no call
}

TEST_CASE("equation help: the name being typed completes to the variables it could become",
          "[workbench][equations]") {
    const std::vector<std::string> names = {"staff", "staffing rate", "agency_staff", "beds",
                                            "Staff_Turnover"};
    // "sta" at the end: names beginning with it (alphabetical, as written, spaces as underscores), then
    // those containing it
    auto c = app::completeAt(names, "capacity * sta", 14);
    CHECK(c.start == 11);
    CHECK(c.word == "sta");
    // (the built-in STARTTIME begins with it too: after the variables beginning with it)
    CHECK(c.names ==
          std::vector<std::string>{"Staff_Turnover", "staff", "staffing_rate", "STARTTIME", "agency_staff"});
    CHECK(app::completeAt(names, "capacity * sta", 14, 2).names.size() == 2);
    // the cursor in the middle: only the word before it counts
    c = app::completeAt(names, "be + 1", 2);
    CHECK(c.names == std::vector<std::string>{"beds"});
    CHECK(app::completeAt(names, "beds", 4).names.empty());   // already a whole name
    CHECK(app::completeAt(names, "STAFF", 5).names.empty());  // in any case
    CHECK(app::completeAt(names, "2 * ", 4).names.empty());   // no word
    CHECK(app::completeAt(names, "1e3", 3).names.empty());    // a number
    CHECK(app::completeAt(names, "xyz", 3).names.empty());    // nothing like it
}

TEST_CASE("equation help: completion offers the built-in functions with their arguments",
          "[workbench][equations]") {
    const std::vector<std::string> names = {"delayed_discharges", "smoothing_time", "beds"};
    // "smt": no variable begins with it; SMTH1, SMTH3 and SMTHN do. Tab puts in the name and its opening
    // parenthesis (the help for its arguments then shows); the help line reads the first with its arguments.
    auto c = app::completeAt(names, "x + smt", 7);
    CHECK(c.start == 4);
    CHECK(c.names == std::vector<std::string>{"SMTH1(", "SMTH3(", "SMTHN("});
    CHECK(c.shown.front() == "SMTH1(input, averaging time [, initial])");
    CHECK(app::completionLine(c) == "Tab: SMTH1(input, averaging time [, initial])  or SMTH3, SMTHN");
    // Variables beginning with the word first, then functions: "del" is delayed_discharges, then the delays.
    c = app::completeAt(names, "del", 3);
    // (DELAY_N is Vensim's DELAY N, with its own argument order.)
    CHECK(c.names == std::vector<std::string>{"delayed_discharges", "DELAY(", "DELAY1(", "DELAY3(",
                                              "DELAY_N(", "DELAYN("});
    CHECK(app::completionLine(c) == "Tab: delayed_discharges  or DELAY, DELAY1, DELAY3, DELAY_N, DELAYN");
    // A function without arguments goes in as it is; variables containing the word come last.
    c = app::completeAt(names, "tim", 3);
    CHECK(c.names == std::vector<std::string>{"TIME", "smoothing_time"});
    CHECK(c.shown == std::vector<std::string>{"TIME", "smoothing_time"});
    // In any case, and an underscore joins the words of IF_THEN_ELSE.
    c = app::completeAt(names, "If_Th", 5);
    CHECK(c.names == std::vector<std::string>{"IF_THEN_ELSE("});
    CHECK(app::completionLine(app::completeAt(names, "xyz", 3)).empty());
}
