// Tests of the one equation tokenizer in both dialects: kinds, texts, byte ranges and what it cannot read.
// Layer: tests/solver.
#include "solver/equations/tokenizer.hpp"

#include <catch2/catch.hpp>

using namespace sdw::equations;

namespace {

std::vector<TokenKind> kinds(const std::vector<Token>& tokens) {
    std::vector<TokenKind> out;
    for (const auto& t : tokens) out.push_back(t.kind);
    return out;
}

std::vector<std::string> texts(const std::vector<Token>& tokens) {
    std::vector<std::string> out;
    for (const auto& t : tokens)
        if (t.kind != TokenKind::End) out.push_back(t.text);
    return out;
}

}  // namespace

TEST_CASE("tokenizer: XMILE names, numbers, operators and byte ranges", "[tokenizer]") {
    const std::string eq = "Birth_rate * pop[north, *] / 1.5e3 {per year} >= \"my var\"";
    const auto t = tokenize(eq, Dialect::Xmile);
    using K = TokenKind;
    CHECK(kinds(t) == std::vector<K>{K::Name, K::Operator, K::Name, K::LBracket, K::Name, K::Comma,
                                     K::Operator, K::RBracket, K::Operator, K::Number, K::Operator,
                                     K::QuotedName, K::End});
    CHECK(texts(t) == std::vector<std::string>{"Birth_rate", "*", "pop", "[", "north", ",", "*", "]", "/",
                                               "1.5e3", ">=", "my var"});
    CHECK(t[9].value == 1500);
    // Ranges index the text: the quoted name spans its quotes; the comment is between tokens.
    CHECK(eq.substr(t[11].begin, t[11].end - t[11].begin) == "\"my var\"");
    CHECK(eq.substr(t[4].begin, t[4].end - t[4].begin) == "north");
    CHECK(eq.substr(t[9].end, t[10].begin - t[9].end).find("{per year}") != std::string::npos);
}

TEST_CASE("tokenizer: XMILE marks: transpose, module names, && || ! ==", "[tokenizer]") {
    CHECK(texts(tokenize("bob's_pay + m' + sub.out", Dialect::Xmile)) ==
          std::vector<std::string>{"bob's_pay", "+", "m", "'", "+", "sub.out"});
    CHECK(texts(tokenize("a && b || !c != d == e", Dialect::Xmile)) ==
          std::vector<std::string>{"a", "and", "b", "or", "not", "c", "<>", "d", "=", "e"});
    CHECK(kinds(tokenize("x[@1, a:b]", Dialect::Xmile))[2] == TokenKind::Operator);
    CHECK(kinds(tokenize("x[@1, a:b]", Dialect::Xmile))[6] == TokenKind::Colon);
}

TEST_CASE("tokenizer: Vensim names over spaces, keywords, bangs and text", "[tokenizer]") {
    const std::string eq = "Total  Population * R&D share[region!] :AND: 'file.csv'";
    const auto t = tokenize(eq, Dialect::Vensim);
    using K = TokenKind;
    CHECK(kinds(t) == std::vector<K>{K::Name, K::Operator, K::Name, K::LBracket, K::Name, K::Bang,
                                     K::RBracket, K::Keyword, K::Text, K::End});
    CHECK(t[0].text == "Total  Population");  // as written; the translator squeezes the spaces
    CHECK(t[2].text == "R&D share");
    CHECK(t[7].text == ":AND:");
    CHECK(t[8].text == "'file.csv'");
    CHECK(t[0].end == 17);  // the blank before '*' is not part of the name
}

TEST_CASE("tokenizer: what it cannot read is an Error token, and reading goes on", "[tokenizer][errors]") {
    auto problem = [](const std::string& eq, Dialect d) {
        for (const auto& t : tokenize(eq, d))
            if (t.kind == TokenKind::Error) return t.problem;
        return TokenProblem::None;
    };
    CHECK(problem("a + {never closed", Dialect::Xmile) == TokenProblem::UnclosedComment);
    CHECK(problem("\"half a name", Dialect::Xmile) == TokenProblem::UnclosedQuote);
    CHECK(problem("12abc + 1", Dialect::Xmile) == TokenProblem::NameAfterNumber);
    CHECK(problem("a ; b", Dialect::Xmile) == TokenProblem::BadCharacter);
    CHECK(problem("a :AND b", Dialect::Vensim) == TokenProblem::StrayColon);
    CHECK(problem("'text", Dialect::Vensim) == TokenProblem::UnclosedText);
    CHECK(problem("a {x} b", Dialect::Vensim) == TokenProblem::BadCharacter);  // no comments in Vensim text
    // 12abc is one token, so a name inside it is never read as a name.
    const auto t = tokenize("12abc + x", Dialect::Xmile);
    REQUIRE(t.size() == 4);
    CHECK(t[0].end == 5);
    CHECK(t[2].text == "x");
}
