// Units: parsing and the dimensional check of every equation and every stock's flows. Mismatches are
// warnings (W220) that name the variable; numbers are unit-flexible, as in Stella and Vensim. Layer: solver.
#include "solver/compile/units.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "solver/equations/builtins.hpp"
#include "solver/compile/compiler_impl.hpp"

namespace sdw::compile {
namespace {

// Exponents are held within +-kMaxPower: (((x^100)^100)^100)^100 overflowed int, which is undefined
// behaviour. No real unit comes near; past it a unit only has to stay comparable, not exact.
constexpr long long kMaxPower = 1'000'000;
int clampPower(long long p) {
    return static_cast<int>(std::clamp(p, -kMaxPower, kMaxPower));
}

}  // namespace

Unit Unit::operator*(const Unit& o) const {
    Unit r = *this;
    for (const auto& [b, p] : o.powers) {
        int& q = r.powers[b];
        q = clampPower(static_cast<long long>(q) + p);
        if (q == 0) r.powers.erase(b);
    }
    return r;
}

Unit Unit::operator/(const Unit& o) const {
    return *this * o.pow(-1);
}

Unit Unit::pow(int n) const {
    Unit r;
    if (n == 0) return r;
    for (const auto& [b, p] : powers) r.powers[b] = clampPower(static_cast<long long>(p) * n);
    return r;
}

std::string Unit::toString() const {
    if (powers.empty()) return "dimensionless";
    std::string num, den;
    for (const auto& [b, p] : powers) {
        std::string& s = p > 0 ? num : den;
        if (!s.empty()) s += "*";
        s += b;
        if (std::abs(p) != 1) s += "^" + std::to_string(std::abs(p));
    }
    if (num.empty()) num = "1";
    return den.empty() ? num : num + "/" + (den.find('*') != std::string::npos ? "(" + den + ")" : den);
}

namespace {

std::string baseName(std::string w) {
    for (auto& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (w == "people" || w == "persons") return "person";
    if (w == "dmnl" || w == "dimensionless" || w == "unitless" || w == "fraction" || w == "percent" ||
        w == "%" || w == "ratio" || w == "index")
        return "";
    if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();  // weeks -> week
    return w;
}

class UnitParser {
  public:
    explicit UnitParser(const std::string& s) : m_s(s) {}
    std::optional<Unit> run(std::string& error) {
        Unit u = product();
        skip();
        if (!m_ok || m_i != m_s.size()) {
            error = "cannot read the units '" + m_s + "'";
            return std::nullopt;
        }
        return u;
    }

  private:
    void skip() {
        while (m_i < m_s.size() && m_s[m_i] == ' ') ++m_i;
    }
    Unit product() {
        Unit u = factor();
        for (;;) {
            skip();
            if (m_i < m_s.size() && (m_s[m_i] == '*' || m_s[m_i] == '/')) {
                const char op = m_s[m_i++];
                Unit f = factor();
                u = op == '*' ? u * f : u / f;
            } else {
                return u;
            }
        }
    }
    Unit factor() {
        skip();
        Unit u;
        if (m_i < m_s.size() && m_s[m_i] == '(') {
            ++m_i;
            u = product();
            skip();
            if (m_i < m_s.size() && m_s[m_i] == ')')
                ++m_i;
            else
                m_ok = false;
        } else if (m_i < m_s.size() &&
                   (std::isdigit(static_cast<unsigned char>(m_s[m_i])) || m_s[m_i] == '.')) {
            while (m_i < m_s.size() &&
                   (std::isdigit(static_cast<unsigned char>(m_s[m_i])) || m_s[m_i] == '.'))
                ++m_i;
        } else {
            const size_t start = m_i;
            while (m_i < m_s.size() && m_s[m_i] != '*' && m_s[m_i] != '/' && m_s[m_i] != '^' &&
                   m_s[m_i] != '(' && m_s[m_i] != ')')
                ++m_i;
            std::string word = m_s.substr(start, m_i - start);
            while (!word.empty() && word.back() == ' ') word.pop_back();
            if (word.empty()) {
                m_ok = false;
                return u;
            }
            for (auto& c : word)
                if (c == ' ') c = '_';
            const std::string b = baseName(word);
            if (!b.empty()) u.powers[b] = 1;
        }
        skip();
        if (m_i < m_s.size() && m_s[m_i] == '^') {
            ++m_i;
            skip();
            const char* begin = m_s.c_str() + m_i;
            char* end = nullptr;
            const long p = std::strtol(begin, &end, 10);
            if (end == begin) m_ok = false;
            m_i += static_cast<size_t>(end - begin);
            u = u.pow(static_cast<int>(std::clamp<long>(p, -kMaxPower, kMaxPower)));
        }
        return u;
    }
    const std::string& m_s;
    size_t m_i = 0;
    bool m_ok = true;
};

}  // namespace

std::optional<Unit> parseUnit(const std::string& text, std::string& error) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return std::nullopt;
    return UnitParser(text).run(error);
}

namespace detail {

namespace {

struct Inferred {
    std::optional<Unit> unit;  // nullopt = unknown or unit-flexible (numbers)
};

class UnitChecker {
  public:
    UnitChecker(Compiler& c, const std::optional<Unit>& time) : m_c(c), m_time(time) {}

    std::optional<Unit> declared(int scalar) {
        auto it = m_cache.find(scalar);
        if (it != m_cache.end()) return it->second;
        const Scalar& s = m_c.m_scalars[static_cast<size_t>(scalar)];
        std::string err;
        auto u = parseUnit(s.units, err);
        if (!err.empty() && s.visible && !m_reported.count(s.var)) {
            m_reported.insert(s.var);
            m_c.warning(scalar, diag::code::kUnitParse, err);
        }
        m_cache[scalar] = u;
        return u;
    }

    std::optional<Unit> infer(int scalar, const equations::Expr& e, int node) {
        using equations::NodeKind;
        const auto& n = e.at(node);
        switch (n.kind) {
            case NodeKind::Number:
                return std::nullopt;
            case NodeKind::Name: {
                if (n.name == "time" || n.name == "dt" || n.name == "starttime" || n.name == "stoptime")
                    return m_time;
                auto r = m_c.resolve(scalar, e, node, {}, false);
                if (r.size() != 1) return std::nullopt;
                const Scalar& t = m_c.m_scalars[static_cast<size_t>(r[0])];
                if (!t.visible) return std::nullopt;  // internal variables carry no declared units
                return declared(r[0]);
            }
            case NodeKind::Unary:
                return n.op == '!' ? std::optional<Unit>(Unit{}) : infer(scalar, e, n.args[0]);
            case NodeKind::Binary: {
                auto a = infer(scalar, e, n.args[0]);
                auto b = infer(scalar, e, n.args[1]);
                switch (n.op) {
                    case '*':
                        return a && b ? std::optional<Unit>(*a * *b) : std::nullopt;
                    case '/':
                        if (a && b) return *a / *b;
                        return std::nullopt;
                    case '^': {
                        const auto& p = e.at(n.args[1]);
                        // Range first: casting 1e30 to int is undefined behaviour.
                        if (a && p.kind == NodeKind::Number && p.value == std::floor(p.value) &&
                            std::fabs(p.value) <= static_cast<double>(kMaxPower))
                            return a->pow(static_cast<int>(p.value));
                        return std::nullopt;
                    }
                    case '+':
                    case '-':
                        agree(scalar, a, b, n.pos);
                        return a ? a : b;
                    case '&':
                    case '|':
                    case '%':
                        return a;
                    default:  // comparisons
                        agree(scalar, a, b, n.pos);
                        return Unit{};
                }
            }
            case NodeKind::If: {
                auto a = infer(scalar, e, n.args[1]);
                auto b = infer(scalar, e, n.args[2]);
                agree(scalar, a, b, n.pos);
                return a ? a : b;
            }
            case NodeKind::Call:
                return call(scalar, e, node);
            default:
                return std::nullopt;
        }
    }

    void agree(int scalar, const std::optional<Unit>& a, const std::optional<Unit>& b, int pos) {
        if (a && b && !(*a == *b))
            warn(scalar, "combines quantities in " + a->toString() + " and " + b->toString() +
                             " (at column " + std::to_string(pos + 1) + ")");
    }

    void warn(int scalar, const std::string& msg) {
        const Scalar& s = m_c.m_scalars[static_cast<size_t>(scalar)];
        if (m_warned.count(s.var)) return;  // one warning per variable, not per array element
        m_warned.insert(s.var);
        m_c.warning(scalar, diag::code::kUnitMismatch, msg);
    }

    std::optional<Unit> call(int scalar, const equations::Expr& e, int node) {
        const auto& n = e.at(node);
        auto arg = [&](size_t k) { return k < n.args.size() ? infer(scalar, e, n.args[k]) : std::nullopt; };
        const std::string& f = n.name;
        if (f == "abs" || f == "int" || f == "integer" || f == "round" || f == "init" || f == "previous" ||
            f == "smth1" || f == "smth3" || f == "smthn" || f == "delay" || f == "delay1" || f == "delay3" ||
            f == "delayn" || f == "forcst" || f == "sum" || f == "mean" || f == "stddev" || f == "random" ||
            f == "normal" || f == "lognormal" || f == "exprnd" || f == "poisson" || f == "active_initial" ||
            f == "sample_if_true" || f == "step")
            return f == "sample_if_true" ? arg(1) : arg(0);
        if (f == "min" || f == "max") {
            auto a = arg(0);
            for (size_t k = 1; k < n.args.size(); ++k) agree(scalar, a, arg(k), n.pos);
            return a;
        }
        if (f == "sqrt") {
            auto a = arg(0);
            if (!a) return a;
            Unit r;
            for (const auto& [b, p] : a->powers) {
                if (p % 2) return std::nullopt;
                r.powers[b] = p / 2;
            }
            return r;
        }
        if (f == "xidz" || f == "zidz" || f == "safediv") {
            auto a = arg(0), b = arg(1);
            return a && b ? std::optional<Unit>(*a / *b) : std::nullopt;
        }
        if (f == "pulse") {
            auto a = arg(0);
            return a && m_time ? std::optional<Unit>(*a / *m_time) : std::nullopt;
        }
        if (f == "ramp") {
            auto a = arg(0);
            return a && m_time ? std::optional<Unit>(*a * *m_time) : std::nullopt;
        }
        if (f == "trend") return m_time ? std::optional<Unit>(Unit{} / *m_time) : std::nullopt;
        if (f == "exp" || f == "ln" || f == "log10" || f == "sin" || f == "cos" || f == "tan" ||
            f == "arcsin" || f == "arccos" || f == "arctan" || f == "size" || f == "pulse_width" ||
            f == "pulse_train")
            return Unit{};
        return std::nullopt;  // graphical functions and the rest: output units are the variable's own
    }

  private:
    Compiler& m_c;
    std::optional<Unit> m_time;
    std::map<int, std::optional<Unit>> m_cache;
    std::set<int> m_warned, m_reported;
};

}  // namespace

void Compiler::checkUnits() {
    std::string err;
    std::optional<Unit> time = parseUnit(m_project.specs.timeUnits, err);
    UnitChecker check(*this, time);
    for (size_t i = 0; i < m_scalars.size(); ++i) {
        const Scalar& s = m_scalars[i];
        if (!s.visible || s.expr.empty() || s.isConstant || s.table >= 0) continue;
        const int si = static_cast<int>(i);
        auto declared = check.declared(si);
        auto inferred = check.infer(si, s.expr, s.expr.root);
        if (declared && inferred && !(*declared == *inferred))
            check.warn(si, "its equation gives " + inferred->toString() + " but its units are " +
                               declared->toString());
    }
    if (!time) return;
    for (size_t i = 0; i < m_scalars.size(); ++i) {
        const Scalar& s = m_scalars[i];
        if (s.kind != ScalarKind::Stock || !s.visible) continue;
        auto su = check.declared(static_cast<int>(i));
        if (!su) continue;
        const Unit want = *su / *time;
        for (const auto* list : {&s.inflows, &s.outflows})
            for (int f : *list) {
                auto fu = check.declared(f);
                if (fu && !(*fu == want))
                    check.warn(f, "flow into or out of '" + s.display + "' has units " + fu->toString() +
                                      " but the stock needs " + want.toString());
            }
    }
}

}  // namespace detail
}  // namespace sdw::compile
