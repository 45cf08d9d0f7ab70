// Tokenizer and recursive-descent parser for XMILE equations. Precedence, lowest first: IF-THEN-ELSE, OR,
// AND, NOT, comparisons, + -, * / MOD, unary + -, ^ (right-associative, so -2^2 = -4 and 2^3^2 = 512). Layer:
// solver.
#include "solver/equations/parser.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include "solver/model/model.hpp"

namespace sdw::equations {
namespace {

enum class Tok { Num, Ident, Quoted, Op, LParen, RParen, LBracket, RBracket, Comma, Colon, End };

struct Token {
    Tok kind = Tok::End;
    std::string text;
    double value = 0;
    int pos = 0;
};

struct ParseError {
    const char* code;
    std::string message;
    int pos;
};

bool isIdentStart(unsigned char c) {
    return std::isalpha(c) || c == '_' || c == '$' || c >= 0x80;
}
bool isIdentChar(unsigned char c) {
    return std::isalnum(c) || c == '_' || c == '$' || c >= 0x80 || c == '\'';
}

class Lexer {
  public:
    explicit Lexer(const std::string& s) : m_s(s) {}

    Token next() {
        skipSpaceAndComments();
        Token t;
        t.pos = static_cast<int>(m_i);
        if (m_i >= m_s.size()) return t;
        const unsigned char c = static_cast<unsigned char>(m_s[m_i]);
        if (std::isdigit(c) ||
            (c == '.' && m_i + 1 < m_s.size() && std::isdigit((unsigned char)m_s[m_i + 1])))
            return number(t);
        if (isIdentStart(c)) return ident(t);
        if (c == '"') return quoted(t);
        ++m_i;
        switch (c) {
            case '(':
                t.kind = Tok::LParen;
                return t;
            case ')':
                t.kind = Tok::RParen;
                return t;
            case '[':
                t.kind = Tok::LBracket;
                return t;
            case ']':
                t.kind = Tok::RBracket;
                return t;
            case ',':
                t.kind = Tok::Comma;
                return t;
            case ':':
                t.kind = Tok::Colon;
                return t;
            case '\'':
            case '@':  // transpose x'; dimension position @1 in a subscript
            case '+':
            case '-':
            case '*':
            case '/':
            case '^':
            case '=':
                t.kind = Tok::Op;
                t.text = std::string(1, static_cast<char>(c));
                if (c == '=' && peekIs('=')) ++m_i;  // == is =
                return t;
            case '<':
                t.kind = Tok::Op;
                t.text = peekIs('=') ? (++m_i, "<=") : peekIs('>') ? (++m_i, "<>") : "<";
                return t;
            case '>':
                t.kind = Tok::Op;
                t.text = peekIs('=') ? (++m_i, ">=") : ">";
                return t;
            case '!':
                t.kind = Tok::Op;
                t.text = peekIs('=') ? (++m_i, "<>") : "not";
                return t;
            case '&':
                if (peekIs('&')) ++m_i;
                t.kind = Tok::Ident;
                t.text = "and";
                return t;
            case '|':
                if (peekIs('|')) ++m_i;
                t.kind = Tok::Ident;
                t.text = "or";
                return t;
            default:
                break;
        }
        throw ParseError{diag::code::kBadToken, "unexpected character '" + std::string(1, (char)c) + "'",
                         t.pos};
    }

  private:
    bool peekIs(char c) const { return m_i < m_s.size() && m_s[m_i] == c; }

    void skipSpaceAndComments() {
        while (m_i < m_s.size()) {
            const unsigned char c = static_cast<unsigned char>(m_s[m_i]);
            if (std::isspace(c)) {
                ++m_i;
            } else if (c == '{') {  // XMILE comment
                const size_t close = m_s.find('}', m_i);
                if (close == std::string::npos)
                    throw ParseError{diag::code::kSyntax, "comment '{' is never closed", (int)m_i};
                m_i = close + 1;
            } else {
                break;
            }
        }
    }

    Token number(Token& t) {
        const char* begin = m_s.c_str() + m_i;
        char* end = nullptr;
        t.value = std::strtod(begin, &end);
        if (end == begin) throw ParseError{diag::code::kBadNumber, "malformed number", t.pos};
        m_i += static_cast<size_t>(end - begin);
        if (m_i < m_s.size() && isIdentStart((unsigned char)m_s[m_i]))
            throw ParseError{diag::code::kBadNumber, "malformed number (a name cannot start with a digit)",
                             t.pos};
        t.kind = Tok::Num;
        t.text.assign(begin, static_cast<size_t>(end - begin));
        return t;
    }

    Token ident(Token& t) {
        const size_t start = m_i;
        while (m_i < m_s.size()) {
            const unsigned char c = static_cast<unsigned char>(m_s[m_i]);
            // A quote inside a name (bob's_pay) belongs to it; after one (x') it is the transpose operator.
            const bool transpose = c == '\'' && !(m_i + 1 < m_s.size() && m_s[m_i + 1] != '\'' &&
                                                  isIdentChar((unsigned char)m_s[m_i + 1]));
            if (isIdentChar(c) && !transpose) {
                ++m_i;
            } else if (c == '.' && m_i + 1 < m_s.size() && isIdentStart((unsigned char)m_s[m_i + 1])) {
                ++m_i;  // module.variable
            } else {
                break;
            }
        }
        t.kind = Tok::Ident;
        t.text = m_s.substr(start, m_i - start);
        return t;
    }

    Token quoted(Token& t) {
        const size_t close = m_s.find('"', m_i + 1);
        if (close == std::string::npos)
            throw ParseError{diag::code::kSyntax, "quoted name is never closed", t.pos};
        t.kind = Tok::Quoted;
        t.text = m_s.substr(m_i + 1, close - m_i - 1);
        m_i = close + 1;
        return t;
    }

    const std::string& m_s;
    size_t m_i = 0;
};

std::string lower(const std::string& s) {
    std::string out = s;
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

class Parser {
  public:
    explicit Parser(const std::string& text) : m_lex(text) { advance(); }

    Expr run() {
        m_expr.root = expression();
        if (m_tok.kind != Tok::End) {
            if (m_tok.kind == Tok::RParen)
                fail(diag::code::kUnbalancedParen, "unbalanced parentheses: ')' without a matching '('");
            fail(diag::code::kSyntax, "unexpected '" + describe(m_tok) + "' after the end of the expression");
        }
        return std::move(m_expr);
    }

  private:
    [[noreturn]] void fail(const char* code, const std::string& msg) {
        throw ParseError{code, msg, m_tok.pos};
    }

    static std::string describe(const Token& t) {
        switch (t.kind) {
            case Tok::End:
                return "end of equation";
            case Tok::LParen:
                return "(";
            case Tok::RParen:
                return ")";
            case Tok::LBracket:
                return "[";
            case Tok::RBracket:
                return "]";
            case Tok::Comma:
                return ",";
            case Tok::Colon:
                return ":";
            default:
                return t.text;
        }
    }

    void advance() { m_tok = m_lex.next(); }
    bool isKeyword(const char* kw) const { return m_tok.kind == Tok::Ident && lower(m_tok.text) == kw; }
    bool isOp(const char* op) const { return m_tok.kind == Tok::Op && m_tok.text == op; }

    void expect(Tok kind, const char* what) {
        if (m_tok.kind != kind) {
            if (m_tok.kind == Tok::End && kind == Tok::RParen)
                fail(diag::code::kUnbalancedParen, "unbalanced parentheses: missing ')'");
            if (m_tok.kind == Tok::End) fail(diag::code::kUnexpectedEnd, std::string("expected ") + what);
            fail(diag::code::kSyntax,
                 std::string("expected ") + what + " but found '" + describe(m_tok) + "'");
        }
        advance();
    }

    int height(int n) const { return m_heights[static_cast<size_t>(n)]; }

    int make(Node n) {
        int h = 1;
        for (int a : n.args) h = std::max(h, height(a) + 1);
        if (h > kMaxDepth)
            throw ParseError{diag::code::kTooDeep,
                             "expression nests more than " + std::to_string(kMaxDepth) + " levels deep",
                             n.pos};
        m_heights.push_back(h);
        return m_expr.add(std::move(n));
    }

    int binary(char op, int lhs, int rhs, int pos) {
        Node n;
        n.kind = NodeKind::Binary;
        n.op = op;
        n.pos = pos;
        n.args = {lhs, rhs};
        return make(std::move(n));
    }

    struct DepthGuard {
        explicit DepthGuard(Parser& p) : m_p(p) {
            if (++m_p.m_depth > kMaxDepth)
                m_p.fail(diag::code::kTooDeep,
                         "expression nests more than " + std::to_string(kMaxDepth) + " levels deep");
        }
        ~DepthGuard() { --m_p.m_depth; }
        Parser& m_p;
    };

    int expression() {
        DepthGuard guard(*this);
        if (isKeyword("if")) {
            const int pos = m_tok.pos;
            advance();
            const int cond = expression();
            if (!isKeyword("then")) fail(diag::code::kSyntax, "IF without THEN: expected THEN");
            advance();
            const int a = expression();
            if (!isKeyword("else")) fail(diag::code::kSyntax, "IF ... THEN without ELSE: expected ELSE");
            advance();
            const int b = expression();
            Node n;
            n.kind = NodeKind::If;
            n.pos = pos;
            n.args = {cond, a, b};
            return make(std::move(n));
        }
        return orExpr();
    }

    int orExpr() {
        int lhs = andExpr();
        while (isKeyword("or")) {
            const int pos = m_tok.pos;
            advance();
            lhs = binary('|', lhs, andExpr(), pos);
        }
        return lhs;
    }

    int andExpr() {
        int lhs = notExpr();
        while (isKeyword("and")) {
            const int pos = m_tok.pos;
            advance();
            lhs = binary('&', lhs, notExpr(), pos);
        }
        return lhs;
    }

    int notExpr() {
        if (isKeyword("not") || isOp("not")) {
            DepthGuard guard(*this);
            Node n;
            n.kind = NodeKind::Unary;
            n.op = '!';
            n.pos = m_tok.pos;
            advance();
            n.args = {notExpr()};
            return make(std::move(n));
        }
        return comparison();
    }

    int comparison() {
        int lhs = additive();
        while (m_tok.kind == Tok::Op) {
            char op = 0;
            const std::string& t = m_tok.text;
            if (t == "<")
                op = '<';
            else if (t == ">")
                op = '>';
            else if (t == "<=")
                op = 'l';
            else if (t == ">=")
                op = 'g';
            else if (t == "=")
                op = '=';
            else if (t == "<>")
                op = 'n';
            else
                break;
            const int pos = m_tok.pos;
            advance();
            lhs = binary(op, lhs, additive(), pos);
        }
        return lhs;
    }

    int additive() {
        int lhs = multiplicative();
        while (isOp("+") || isOp("-")) {
            const char op = m_tok.text[0];
            const int pos = m_tok.pos;
            advance();
            lhs = binary(op, lhs, multiplicative(), pos);
        }
        return lhs;
    }

    int multiplicative() {
        int lhs = unary();
        while (isOp("*") || isOp("/") || isKeyword("mod")) {
            const char op = m_tok.kind == Tok::Op ? m_tok.text[0] : '%';
            const int pos = m_tok.pos;
            advance();
            lhs = binary(op, lhs, unary(), pos);
        }
        return lhs;
    }

    int unary() {
        if (isOp("-") || isOp("+")) {
            DepthGuard guard(*this);
            Node n;
            n.kind = NodeKind::Unary;
            n.op = m_tok.text[0];
            n.pos = m_tok.pos;
            advance();
            n.args = {unary()};
            return make(std::move(n));
        }
        return power();
    }

    int power() {
        const int base = primary();
        if (isOp("^")) {
            DepthGuard guard(*this);
            const int pos = m_tok.pos;
            advance();
            return binary('^', base, unary(), pos);  // right-associative; 2^-1 allowed
        }
        return base;
    }

    int primary() {
        DepthGuard guard(*this);
        const Token t = m_tok;
        switch (t.kind) {
            case Tok::Num: {
                advance();
                Node n;
                n.kind = NodeKind::Number;
                n.value = t.value;
                n.text = t.text;
                n.pos = t.pos;
                return make(std::move(n));
            }
            case Tok::LParen: {
                advance();
                const int inner = expression();
                expect(Tok::RParen, "')'");
                return inner;
            }
            case Tok::Ident:
                if (lower(t.text) == "if") return expression();
                return nameOrCall(t);
            case Tok::Quoted:
                return nameOrCall(t);
            case Tok::End:
                fail(diag::code::kUnexpectedEnd, "the equation ends where a value was expected");
            case Tok::RParen:
                fail(diag::code::kUnbalancedParen, "unbalanced parentheses: ')' where a value was expected");
            default:
                fail(diag::code::kSyntax, "unexpected '" + describe(t) + "' where a value was expected");
        }
    }

    int nameOrCall(const Token& t) {
        const std::string kw = lower(t.text);
        if (t.kind == Tok::Ident && (kw == "then" || kw == "else" || kw == "and" || kw == "or"))
            fail(diag::code::kSyntax, "unexpected keyword '" + t.text + "' where a value was expected");
        advance();
        if (t.kind == Tok::Ident && kw == "mod" && m_tok.kind != Tok::LParen)
            fail(diag::code::kSyntax, "unexpected keyword 'MOD' where a value was expected");
        Node n;
        n.pos = t.pos;
        n.text = t.text;
        n.name = model::canonicalName(t.text);
        if (m_tok.kind == Tok::LParen) {
            advance();
            n.kind = NodeKind::Call;
            if (m_tok.kind != Tok::RParen) {
                n.args.push_back(expression());
                while (m_tok.kind == Tok::Comma) {
                    advance();
                    n.args.push_back(expression());
                }
            }
            expect(Tok::RParen, "')' or ',' in the argument list");
            return make(std::move(n));
        }
        n.kind = NodeKind::Name;
        auto transposeMark = [&] {
            if (!isOp("'")) return;
            n.op = '\'';
            advance();
        };
        transposeMark();
        if (m_tok.kind == Tok::LBracket) {
            advance();
            n.subscripted = true;
            n.args.push_back(subscript());
            while (m_tok.kind == Tok::Comma) {
                advance();
                n.args.push_back(subscript());
            }
            expect(Tok::RBracket, "']' closing the subscript");
        }
        transposeMark();
        return make(std::move(n));
    }

    int subscript() {
        if (isOp("@")) {  // @n: a dimension position
            Node n;
            n.kind = NodeKind::DimPosition;
            n.pos = m_tok.pos;
            advance();
            // Range first: casting 1e30 to int is undefined behaviour (UBSan on `x[@1e30]`).
            if (m_tok.kind != Tok::Num || !(m_tok.value >= 1 && m_tok.value <= 1000) ||
                m_tok.value != std::floor(m_tok.value))
                fail(diag::code::kSyntax, "expected a dimension position (1, 2, ...) after '@'");
            n.value = m_tok.value;
            advance();
            return make(std::move(n));
        }
        if (isOp("*")) {
            Node n;
            n.kind = NodeKind::SubStar;
            n.pos = m_tok.pos;
            advance();
            if (m_tok.kind == Tok::Colon) {  // *:dim
                advance();
                if (m_tok.kind != Tok::Ident)
                    fail(diag::code::kSyntax, "expected a dimension name after '*:'");
                n.name = model::canonicalName(m_tok.text);
                advance();
            }
            return make(std::move(n));
        }
        const int first = expression();
        if (m_tok.kind == Tok::Colon) {
            Node n;
            n.kind = NodeKind::SubRange;
            n.pos = m_tok.pos;
            advance();
            n.args = {first, expression()};
            return make(std::move(n));
        }
        return first;
    }

    Lexer m_lex;
    Token m_tok;
    Expr m_expr;
    std::vector<int> m_heights;
    int m_depth = 0;
};

}  // namespace

Expr parse(const std::string& text, const std::string& where, diag::Diagnostics& diags) {
    if (text.size() > kMaxEquationBytes) {
        diags.error(diag::code::kTooLong, where,
                    "equation is " + std::to_string(text.size() / 1024) + " KiB long; the limit is " +
                        std::to_string(kMaxEquationBytes / 1024) + " KiB");
        return {};
    }
    try {
        Parser p(text);
        return p.run();
    } catch (const ParseError& e) {
        diags.error(e.code, where, e.message, e.pos + 1);
        return {};
    }
}

}  // namespace sdw::equations
