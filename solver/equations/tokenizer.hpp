// The one tokenizer of equation text, for XMILE and for Vensim equations: used by the equation parser, the
// Vensim reader's translator and rename. Tokens keep their byte range, so text can be rewritten in place.
// Layer: solver. Depends on the standard library only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sdw::equations {

// XMILE: `{comments}`, names with '.', `x'` transposes, `@n`, `&&`, `||`, `!=`, `==`.
// Vensim: names run over single spaces ("Total Population") and may hold '&' and '\''; `:AND:` keywords;
// `!` marks a subrange subscript; 'text' literals.
enum class Dialect { Xmile, Vensim };

enum class TokenKind {
    Number,
    Name,        // text: as written (Vensim: the words with their spacing)
    QuotedName,  // "a name": text without the quotes
    Operator,    // text: + - * / ^ = < > <= >= <> ' @ and (XMILE) not, and, or for ! && & || |
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Colon,    // XMILE only (Vensim reads :...: as a keyword)
    Bang,     // Vensim only
    Keyword,  // Vensim :AND:, :OR:, :NOT:, :NA:...; text: upper case, spaces squeezed
    Text,     // Vensim 'text' literal, quotes included
    Error,    // `problem` says what; the token spans the text it could not read
    End,
};

enum class TokenProblem {
    None,
    BadCharacter,     // text: the character
    UnclosedComment,  // `{` without `}` (XMILE)
    UnclosedQuote,    // `"` without its closing quote
    UnclosedText,     // `'` without its closing quote (Vensim)
    StrayColon,       // `:` without a closing `:` (Vensim)
    MalformedNumber,  // a number that strtod cannot read
    NameAfterNumber,  // 12abc: a name cannot start with a digit (XMILE)
};

struct Token {
    TokenKind kind = TokenKind::End;
    std::string text;
    double value = 0;  // Number
    size_t begin = 0;  // byte range in the equation text
    size_t end = 0;
    TokenProblem problem = TokenProblem::None;
};

class Tokenizer {
  public:
    Tokenizer(std::string_view text, Dialect dialect) : m_s(text), m_dialect(dialect) {}
    // The next token; End (repeatedly) at the end of the text. After an Error token, reading goes on after
    // the text it spans.
    Token next();

  private:
    void skipBlanks();
    Token number(Token t);
    Token name(Token t);
    Token vensimName(Token t);
    Token enclosed(Token t, char close, TokenKind kind, TokenProblem unclosed);
    Token quotedName(Token t);
    Token punctuation(Token t);
    bool peekIs(char c) const { return m_i < m_s.size() && m_s[m_i] == c; }

    std::string_view m_s;
    Dialect m_dialect;
    size_t m_i = 0;
    bool m_unclosedComment = false;
};

// Every token of `text`, ending with End.
std::vector<Token> tokenize(std::string_view text, Dialect dialect);

}  // namespace sdw::equations
