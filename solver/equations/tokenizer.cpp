// The equation tokenizer for both dialects: numbers, names (quoted or not), operators, brackets and the
// dialects' own marks. It never throws: what it cannot read becomes an Error token. Layer: solver.
#include "solver/equations/tokenizer.hpp"

#include <cctype>
#include <cstdlib>

namespace sdw::equations {
namespace {

bool isDigit(unsigned char c) {
    return std::isdigit(c) != 0;
}
bool identStart(unsigned char c) {
    return std::isalpha(c) || c == '_' || c == '$' || c >= 0x80;
}
bool identChar(unsigned char c, Dialect d) {
    return std::isalnum(c) || c == '_' || c == '$' || c >= 0x80 || c == '\'' ||
           (d == Dialect::Vensim && c == '&');
}

}  // namespace

Token Tokenizer::next() {
    skipBlanks();
    Token t;
    t.begin = t.end = m_i;
    if (m_unclosedComment) {  // reported once by skipBlanks; the rest of the text is the comment
        m_unclosedComment = false;
        t.kind = TokenKind::Error;
        t.problem = TokenProblem::UnclosedComment;
        t.end = m_i = m_s.size();  // begins at the '{'
        return t;
    }
    if (m_i >= m_s.size()) return t;
    const unsigned char c = static_cast<unsigned char>(m_s[m_i]);
    if (isDigit(c) || (c == '.' && m_i + 1 < m_s.size() && isDigit(static_cast<unsigned char>(m_s[m_i + 1]))))
        return number(t);
    if (identStart(c)) return m_dialect == Dialect::Xmile ? name(t) : vensimName(t);
    if (c == '"') return quotedName(t);
    if (m_dialect == Dialect::Vensim && c == '\'')
        return enclosed(t, '\'', TokenKind::Text, TokenProblem::UnclosedText);
    if (m_dialect == Dialect::Vensim && c == ':')
        return enclosed(t, ':', TokenKind::Keyword, TokenProblem::StrayColon);
    return punctuation(t);
}

void Tokenizer::skipBlanks() {
    while (m_i < m_s.size()) {
        const unsigned char c = static_cast<unsigned char>(m_s[m_i]);
        if (std::isspace(c)) {
            ++m_i;
        } else if (c == '{' && m_dialect == Dialect::Xmile) {  // an XMILE comment
            const size_t close = m_s.find('}', m_i);
            if (close == std::string_view::npos) {
                m_unclosedComment = true;
                return;
            }
            m_i = close + 1;
        } else {
            return;
        }
    }
}

Token Tokenizer::number(Token t) {
    // strtod needs a terminated string: give it the run of characters a number can take (digits, letters
    // for exponents and hex, '.', signs); it reads a prefix of that run, as it would of the whole text.
    size_t run = m_i;
    while (run < m_s.size() && (std::isalnum(static_cast<unsigned char>(m_s[run])) || m_s[run] == '.' ||
                                m_s[run] == '+' || m_s[run] == '-'))
        ++run;
    char small[64];
    std::string large;
    const char* begin = small;
    if (run - m_i < sizeof small) {
        m_s.copy(small, run - m_i, m_i);
        small[run - m_i] = '\0';
    } else {
        large.assign(m_s.substr(m_i, run - m_i));
        begin = large.c_str();
    }
    char* end = nullptr;
    t.value = std::strtod(begin, &end);
    if (end == begin) {
        t.kind = TokenKind::Error;
        t.problem = TokenProblem::MalformedNumber;
        t.end = ++m_i;
        return t;
    }
    m_i += static_cast<size_t>(end - begin);
    t.kind = TokenKind::Number;
    t.text = std::string(m_s.substr(t.begin, m_i - t.begin));
    if (m_dialect == Dialect::Xmile && m_i < m_s.size() && identStart(static_cast<unsigned char>(m_s[m_i]))) {
        // 12abc: the whole run is one unreadable token, so nothing treats "abc" as a name.
        while (m_i < m_s.size() && identChar(static_cast<unsigned char>(m_s[m_i]), m_dialect)) ++m_i;
        t.kind = TokenKind::Error;
        t.problem = TokenProblem::NameAfterNumber;
    }
    t.end = m_i;
    return t;
}

Token Tokenizer::name(Token t) {
    while (m_i < m_s.size()) {
        const unsigned char c = static_cast<unsigned char>(m_s[m_i]);
        const bool more = m_i + 1 < m_s.size();
        const unsigned char d = more ? static_cast<unsigned char>(m_s[m_i + 1]) : 0;
        // A quote inside a name (bob's_pay) belongs to it; after one (x') it is the transpose operator.
        const bool transpose = c == '\'' && !(more && d != '\'' && identChar(d, m_dialect));
        if (identChar(c, m_dialect) && !transpose)
            ++m_i;
        else if (c == '.' && more && identStart(d))
            ++m_i;  // module.variable
        else
            break;
    }
    t.kind = TokenKind::Name;
    t.end = m_i;
    t.text = std::string(m_s.substr(t.begin, t.end - t.begin));
    return t;
}

Token Tokenizer::vensimName(Token t) {
    // A name runs over single spaces between words ("Total Population"); trailing blanks are not part of it.
    size_t j = m_i, lastEnd = m_i;
    while (j < m_s.size()) {
        const unsigned char d = static_cast<unsigned char>(m_s[j]);
        const bool dotted =
            d == '.' && j + 1 < m_s.size() && std::isalnum(static_cast<unsigned char>(m_s[j + 1]));
        if (identChar(d, m_dialect) || dotted)
            lastEnd = ++j;
        else if (std::isspace(d))
            ++j;
        else
            break;
    }
    m_i = lastEnd;
    t.kind = TokenKind::Name;
    t.end = m_i;
    t.text = std::string(m_s.substr(t.begin, t.end - t.begin));
    return t;
}

// A quoted name may hold its quote mark and a backslash escaped (\" and \\, as Vensim writes them and XMILE
// quoted names escape them); any other backslash is itself.
Token Tokenizer::quotedName(Token t) {
    std::string text;
    for (size_t k = m_i + 1; k < m_s.size(); ++k) {
        const char c = m_s[k];
        if (c == '\\' && k + 1 < m_s.size() && (m_s[k + 1] == '"' || m_s[k + 1] == '\\')) {
            text += m_s[++k];
        } else if (c == '"') {
            t.kind = TokenKind::QuotedName;
            t.text = std::move(text);
            m_i = k + 1;
            t.end = m_i;
            return t;
        } else {
            text += c;
        }
    }
    t.kind = TokenKind::Error;
    t.problem = TokenProblem::UnclosedQuote;
    t.end = m_i = m_s.size();
    return t;
}

Token Tokenizer::enclosed(Token t, char close, TokenKind kind, TokenProblem unclosed) {
    const size_t at = m_s.find(close, m_i + 1);
    if (at == std::string_view::npos) {
        t.kind = TokenKind::Error;
        t.problem = unclosed;
        // A stray ':' is one character; an unclosed quote takes the rest of the text.
        m_i = unclosed == TokenProblem::StrayColon ? m_i + 1 : m_s.size();
        t.end = m_i;
        return t;
    }
    t.kind = kind;
    // A quoted name's text is its inside; a Vensim text literal or keyword keeps its marks.
    t.text = kind == TokenKind::QuotedName ? std::string(m_s.substr(m_i + 1, at - m_i - 1))
                                           : std::string(m_s.substr(m_i, at - m_i + 1));
    m_i = at + 1;
    t.end = m_i;
    return t;
}

Token Tokenizer::punctuation(Token t) {
    const char c = m_s[m_i++];
    const bool xmile = m_dialect == Dialect::Xmile;
    t.text = std::string(1, c);
    auto op = [&](std::string text) {
        t.kind = TokenKind::Operator;
        t.text = std::move(text);
    };
    auto take = [&](char next) { return peekIs(next) ? (++m_i, true) : false; };
    switch (c) {
        case '(':
            t.kind = TokenKind::LParen;
            break;
        case ')':
            t.kind = TokenKind::RParen;
            break;
        case '[':
            t.kind = TokenKind::LBracket;
            break;
        case ']':
            t.kind = TokenKind::RBracket;
            break;
        case ',':
            t.kind = TokenKind::Comma;
            break;
        case '+':
        case '-':
        case '*':
        case '/':
        case '^':
            op(std::string(1, c));
            break;
        case '=':
            op("=");
            if (xmile) take('=');
            break;  // XMILE == is =
        case '<':
            op(take('=') ? "<=" : take('>') ? "<>" : "<");
            break;
        case '>':
            op(take('=') ? ">=" : ">");
            break;
        default:
            if (xmile && c == ':') {
                t.kind = TokenKind::Colon;
            } else if (xmile && (c == '\'' || c == '@')) {  // transpose x'; dimension position @1
                op(std::string(1, c));
            } else if (xmile && c == '!') {
                op(take('=') ? "<>" : "not");
            } else if (xmile && (c == '&' || c == '|')) {
                take(c);  // && and ||
                op(c == '&' ? "and" : "or");
            } else if (!xmile && c == '!') {
                t.kind = TokenKind::Bang;
            } else {
                t.kind = TokenKind::Error;
                t.problem = TokenProblem::BadCharacter;
            }
    }
    t.end = m_i;
    return t;
}

std::vector<Token> tokenize(std::string_view text, Dialect dialect) {
    Tokenizer tokens(text, dialect);
    std::vector<Token> out;
    do out.push_back(tokens.next());
    while (out.back().kind != TokenKind::End);
    return out;
}

}  // namespace sdw::equations
