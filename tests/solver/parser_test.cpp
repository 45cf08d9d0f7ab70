// Equation parser: precedence, associativity, names, positions and every kind of malformed input.
#include "solver/equations/parser.hpp"

#include <catch2/catch.hpp>

#include "solver/equations/fold.hpp"
#include "tests/solver/model_builder.hpp"

using namespace sdw;

namespace {
std::string roundTrip(const std::string& text) {
    diag::Diagnostics d;
    auto e = equations::parse(text, "x", d);
    REQUIRE_FALSE(d.hasErrors());
    return equations::toString(e);
}
diag::Diagnostic firstError(const std::string& text) {
    diag::Diagnostics d;
    auto e = equations::parse(text, "x", d);
    REQUIRE(e.empty());
    REQUIRE(d.items().size() == 1);
    return d.items()[0];
}
}  // namespace

TEST_CASE("parser: precedence and associativity", "[parser]") {
    CHECK(roundTrip("1 + 2 * 3") == "(1 + (2*3))");
    CHECK(roundTrip("-2^2") == "-(2^2)");
    CHECK(roundTrip("2^3^2") == "(2^(3^2))");
    CHECK(roundTrip("a - b - c") == "((a - b) - c)");
    CHECK(roundTrip("a < b AND NOT c OR d") == "(((a < b) AND NOT c) OR d)");
    CHECK(roundTrip("a MOD b * c") == "((a MOD b)*c)");
    CHECK(roundTrip("IF a > 1 THEN b ELSE c + 1") == "(IF (a > 1) THEN b ELSE (c + 1))");
    CHECK(roundTrip("1 + IF a THEN 2 ELSE 3") == "(1 + (IF a THEN 2 ELSE 3))");
}

TEST_CASE("parser: names, quotes, subscripts, comments and numbers", "[parser]") {
    CHECK(roundTrip("\"Birth Rate\" * pop") == "(Birth Rate*pop)");
    CHECK(roundTrip("pop[a, *] + x[1]") == "(pop[a, *] + x[1])");
    CHECK(roundTrip("1e-3 + .5 + 2.") == "((1e-3 + .5) + 2.)");
    CHECK(roundTrip("a { a comment } + b") == "(a + b)");
    CHECK(roundTrip("a <> b") == "(a <> b)");
    CHECK(roundTrip("a != b") == "(a <> b)");
    diag::Diagnostics d;
    auto e = equations::parse("Birth_RATE * 2", "x", d);
    CHECK(e.at(e.at(e.root).args[0]).name == "birth_rate");
}

TEST_CASE("parser: malformed equations give positioned diagnostics", "[parser][errors]") {
    auto d = firstError("(a + b");
    CHECK(d.code == diag::code::kUnbalancedParen);
    d = firstError("a + b)");
    CHECK(d.code == diag::code::kUnbalancedParen);
    CHECK(d.column == 6);
    d = firstError("a + * b");
    CHECK(d.code == diag::code::kSyntax);
    CHECK(d.column == 5);
    d = firstError("a +");
    CHECK(d.code == diag::code::kUnexpectedEnd);
    d = firstError("a ? b");
    CHECK(d.code == diag::code::kBadToken);
    d = firstError("IF a THEN b");
    CHECK(d.message.find("ELSE") != std::string::npos);
    d = firstError("3abc");
    CHECK(d.code == diag::code::kBadNumber);
    d = firstError("\"unclosed");
    CHECK(d.code == diag::code::kSyntax);
}

TEST_CASE("parser: a 100,000-deep expression is refused, not a crash", "[parser][errors]") {
    const std::string deep = std::string(100000, '(') + "1" + std::string(100000, ')');
    CHECK(firstError(deep).code == diag::code::kTooDeep);
    std::string chain = "1";
    for (int i = 0; i < 100000; ++i) chain += "+1";
    CHECK(firstError(chain).code == diag::code::kTooDeep);
    const std::string negs = std::string(100000, '-') + "1";
    CHECK(firstError(negs).code == diag::code::kTooDeep);
}

TEST_CASE("parser: a 10 MB equation is refused with a diagnostic", "[parser][errors]") {
    std::string big(10 * 1024 * 1024, ' ');
    big[0] = '1';
    CHECK(firstError(big).code == diag::code::kTooLong);
}

TEST_CASE("fold: constant equations evaluate with the parser's precedence, anything else is not constant",
          "[parser]") {
    auto value = [](const std::string& text, const std::map<std::string, double>& names = {}) {
        diag::Diagnostics d;
        const auto e = equations::parse(text, "x", d);
        INFO(text);
        REQUIRE_FALSE(d.hasErrors());
        return equations::foldConstant(e, names);
    };
    CHECK(*value("1 + 2 * 3") == 7);
    CHECK(*value("2 ^ 3 ^ 2") == 512);  // right-associative
    CHECK(*value("-2 ^ 2") == -4);      // unary minus binds looser than ^
    CHECK(*value("(1 + 2) * 3 / 4") == 2.25);
    CHECK(*value("7 MOD 3") == 1);
    // As the run computes them: XMILE's MOD takes the divisor's sign, Vensim's MODULO the dividend's (a
    // constant folded at compile time, such as a DELAY N order, gave -1 for -7 MOD 3 while a run gave 2).
    CHECK(*value("-7 MOD 3") == 2);
    CHECK(*value("MOD(-7, 3)") == 2);
    CHECK(*value("7 MOD -3") == -2);
    CHECK(*value("MODULO(-7, 3)") == -1);
    CHECK(*value("INT(-7.5)") == -8);
    CHECK(*value("INTEGER(-7.5)") == -7);
    CHECK(*value("IF 2 > 1 AND NOT 0 THEN 10 ELSE 20") == 10);
    CHECK(*value("horizon / 4", {{"horizon", 30}}) == 7.5);
    CHECK_FALSE(value("horizon / 4"));  // unknown name
    CHECK(*value("MAX(ABS(-4), MOD(7, 4), 2)") == 4);
    CHECK_FALSE(value("RAMP(1, 0)"));  // nor functions of time or chance
    CHECK_FALSE(value("RANDOM(0, 1)"));
    CHECK_FALSE(value("pop[a]", {{"pop", 1}}));  // nor subscripts
}
