// Recursive-descent parser for XMILE equations over equations::Tokenizer. Precedence, lowest first:
// IF-THEN-ELSE, OR, AND, NOT, comparisons, + -, * / MOD, unary + -, ^ (right-associative, so -2^2 = -4 and
// 2^3^2 = 512). Layer: solver.
#include "solver/equations/parser.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include "solver/equations/tokenizer.hpp"
#include "solver/model/model.hpp"

namespace sdw::equations {
namespace {

using Tok = TokenKind;

struct ParseError {
    const char* code;
    std::string message;
    int pos;
};

// What the parser says about text the tokenizer could not read.
ParseError unreadable(const Token& t) {
    const int pos = static_cast<int>(t.begin);
    switch (t.problem) {
        case TokenProblem::UnclosedComment:
            return {diag::code::kSyntax, "comment '{' is never closed", pos};
        case TokenProblem::UnclosedQuote:
            return {diag::code::kSyntax, "quoted name is never closed", pos};
        case TokenProblem::MalformedNumber:
            return {diag::code::kBadNumber, "malformed number", pos};
        case TokenProblem::NameAfterNumber:
            return {diag::code::kBadNumber, "malformed number (a name cannot start with a digit)", pos};
        default:
            return {diag::code::kBadToken, "unexpected character '" + t.text + "'", pos};
    }
}

std::string lower(const std::string& s) {
    std::string out = s;
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

class Parser {
  public:
    explicit Parser(const std::string& text) : m_lex(text, Dialect::Xmile) { advance(); }

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
        throw ParseError{code, msg, static_cast<int>(m_tok.begin)};
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

    void advance() {
        m_tok = m_lex.next();
        if (m_tok.kind == Tok::Error) throw unreadable(m_tok);
    }
    bool isKeyword(const char* kw) const { return m_tok.kind == Tok::Name && lower(m_tok.text) == kw; }
    bool isOp(const char* op) const { return m_tok.kind == Tok::Operator && m_tok.text == op; }
    // AND and OR, written as words or as && and ||.
    bool isLogical(const char* kw) const { return isKeyword(kw) || isOp(kw); }

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
            const int pos = static_cast<int>(m_tok.begin);
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
        while (isLogical("or")) {
            const int pos = static_cast<int>(m_tok.begin);
            advance();
            lhs = binary('|', lhs, andExpr(), pos);
        }
        return lhs;
    }

    int andExpr() {
        int lhs = notExpr();
        while (isLogical("and")) {
            const int pos = static_cast<int>(m_tok.begin);
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
            n.pos = static_cast<int>(m_tok.begin);
            advance();
            n.args = {notExpr()};
            return make(std::move(n));
        }
        return comparison();
    }

    int comparison() {
        int lhs = additive();
        while (m_tok.kind == Tok::Operator) {
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
            const int pos = static_cast<int>(m_tok.begin);
            advance();
            lhs = binary(op, lhs, additive(), pos);
        }
        return lhs;
    }

    int additive() {
        int lhs = multiplicative();
        while (isOp("+") || isOp("-")) {
            const char op = m_tok.text[0];
            const int pos = static_cast<int>(m_tok.begin);
            advance();
            lhs = binary(op, lhs, multiplicative(), pos);
        }
        return lhs;
    }

    int multiplicative() {
        int lhs = unary();
        while (isOp("*") || isOp("/") || isKeyword("mod")) {
            const char op = m_tok.kind == Tok::Operator ? m_tok.text[0] : '%';
            const int pos = static_cast<int>(m_tok.begin);
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
            n.pos = static_cast<int>(m_tok.begin);
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
            const int pos = static_cast<int>(m_tok.begin);
            advance();
            return binary('^', base, unary(), pos);  // right-associative; 2^-1 allowed
        }
        return base;
    }

    int primary() {
        DepthGuard guard(*this);
        const Token t = m_tok;
        switch (t.kind) {
            case Tok::Number: {
                advance();
                Node n;
                n.kind = NodeKind::Number;
                n.value = t.value;
                n.text = t.text;
                n.pos = static_cast<int>(t.begin);
                return make(std::move(n));
            }
            case Tok::LParen: {
                advance();
                const int inner = expression();
                expect(Tok::RParen, "')'");
                return inner;
            }
            case Tok::Name:
                if (lower(t.text) == "if") return expression();
                return nameOrCall(t);
            case Tok::QuotedName:
                return nameOrCall(t);
            case Tok::End:
                fail(diag::code::kUnexpectedEnd, "the equation ends where a value was expected");
            case Tok::RParen:
                fail(diag::code::kUnbalancedParen, "unbalanced parentheses: ')' where a value was expected");
            default:
                if (t.kind == Tok::Operator && (t.text == "and" || t.text == "or"))  // && and ||
                    fail(diag::code::kSyntax,
                         "unexpected keyword '" + t.text + "' where a value was expected");
                fail(diag::code::kSyntax, "unexpected '" + describe(t) + "' where a value was expected");
        }
    }

    int nameOrCall(const Token& t) {
        const std::string kw = lower(t.text);
        if (t.kind == Tok::Name && (kw == "then" || kw == "else" || kw == "and" || kw == "or"))
            fail(diag::code::kSyntax, "unexpected keyword '" + t.text + "' where a value was expected");
        advance();
        if (t.kind == Tok::Name && kw == "mod" && m_tok.kind != Tok::LParen)
            fail(diag::code::kSyntax, "unexpected keyword 'MOD' where a value was expected");
        Node n;
        n.pos = static_cast<int>(t.begin);
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
            n.pos = static_cast<int>(m_tok.begin);
            advance();
            // Range first: casting 1e30 to int is undefined behaviour (UBSan on `x[@1e30]`).
            if (m_tok.kind != Tok::Number || !(m_tok.value >= 1 && m_tok.value <= 1000) ||
                m_tok.value != std::floor(m_tok.value))
                fail(diag::code::kSyntax, "expected a dimension position (1, 2, ...) after '@'");
            n.value = m_tok.value;
            advance();
            return make(std::move(n));
        }
        if (isOp("*")) {
            Node n;
            n.kind = NodeKind::SubStar;
            n.pos = static_cast<int>(m_tok.begin);
            advance();
            if (m_tok.kind == Tok::Colon) {  // *:dim
                advance();
                if (m_tok.kind != Tok::Name)
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
            n.pos = static_cast<int>(m_tok.begin);
            advance();
            n.args = {first, expression()};
            return make(std::move(n));
        }
        return first;
    }

    Tokenizer m_lex;
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
