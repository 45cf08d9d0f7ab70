// Link polarity from equations: a walk over one equation's tree that gives the sign of the effect of a set
// of input elements on its value. Layer: solver (analysis). No GUI, no Lua.
#include "solver/analysis/link_polarity.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "solver/equations/builtins.hpp"

namespace sdw::analysis::detail {

using compile::detail::Binding;
using compile::detail::Element;
using compile::detail::ElementKind;
using equations::BuiltinKind;
using equations::Expr;
using equations::Node;
using equations::NodeKind;

Sign combine(Sign a, Sign b) {
    if (a == Sign::None) return b;
    if (b == Sign::None || a == b) return a;
    return Sign::Unknown;
}

Sign times(Sign a, Sign b) {
    if (a == Sign::None || b == Sign::None) return Sign::None;
    if (a == Sign::Unknown || b == Sign::Unknown) return Sign::Unknown;
    return a == b ? Sign::Positive : Sign::Negative;
}

Sign flip(Sign a) {
    return a == Sign::Positive ? Sign::Negative : a == Sign::Negative ? Sign::Positive : a;
}

Sign tableDirection(const compile::LookupTable& table) {
    const auto& ys = table.ys;
    if (ys.size() < 2) return Sign::Positive;  // one point: a constant, which passes nothing on
    const auto [lo, hi] = std::minmax_element(ys.begin(), ys.end());
    // Steps smaller than this are noise in the table (numbers typed or imported to many digits).
    const double eps = 1e-9 * (*hi - *lo);
    bool rises = false, falls = false;
    for (size_t i = 1; i < ys.size(); ++i) {
        rises = rises || ys[i] - ys[i - 1] > eps;
        falls = falls || ys[i] - ys[i - 1] < -eps;
    }
    if (rises && falls) return Sign::Unknown;
    return falls ? Sign::Negative : Sign::Positive;
}

namespace {

// Functions whose value never falls as their argument rises, and those whose value never rises.
constexpr const char* kRising[] = {"exp",    "ln",  "log10",   "sqrt",  "arctan",
                                   "arcsin", "int", "integer", "round", "sign"};
constexpr const char* kFalling[] = {"arccos"};

bool listed(const std::string& name, const auto& list) {
    return std::any_of(std::begin(list), std::end(list), [&](const char* n) { return name == n; });
}

class SignWalk {
  public:
    SignWalk(const ExpandedModel& model, const Resolver& resolver, int element,
             const std::function<bool(int)>& isSource)
        : m_model(model), m_resolver(resolver), m_element(element), m_isSource(isSource) {}

    Sign of(const Expr& e, int node, const std::vector<Binding>& extra);

  private:
    Sign name(const Expr& e, int node, const std::vector<Binding>& extra);
    Sign binary(const Expr& e, const Node& n, const std::vector<Binding>& extra);
    Sign factors(const Expr& e, int left, int right, Sign a, Sign b, bool divide);
    Sign power(const Expr& e, const Node& n, Sign a, Sign b);
    Sign call(const Expr& e, int node, const std::vector<Binding>& extra);
    Sign builtin(const Expr& e, const Node& n, const equations::BuiltinInfo& b,
                 const std::vector<Binding>& extra);
    Sign reduction(const Expr& e, const Node& n, const std::vector<Binding>& extra);
    Sign branches(const Expr& e, int cond, int then, int otherwise, const std::vector<Binding>& extra);
    Sign allArgs(const Expr& e, const Node& n, const std::vector<Binding>& extra, bool unknownIfAny);
    int valueSign(const Expr& e, int node) const;
    bool conventionallyPositive(const Expr& e, int node) const;
    int tableOf(const Expr& e, int node, const std::vector<Binding>& extra) const;

    const ExpandedModel& m_model;
    const Resolver& m_resolver;
    int m_element;
    const std::function<bool(int)>& m_isSource;
    std::vector<Binding> m_none;
};

Sign SignWalk::of(const Expr& e, int node, const std::vector<Binding>& extra) {
    const Node& n = e.at(node);
    switch (n.kind) {
        case NodeKind::Name:
        case NodeKind::ElementRef:
            return name(e, node, extra);
        case NodeKind::Unary: {
            const Sign a = of(e, n.args[0], extra);
            if (n.op == '-') return flip(a);
            return n.op == '+' ? a : (a == Sign::None ? a : Sign::Unknown);  // NOT: a switch, no direction
        }
        case NodeKind::Binary:
            return binary(e, n, extra);
        case NodeKind::If:
            return branches(e, n.args[0], n.args[1], n.args[2], extra);
        case NodeKind::Call:
            return call(e, node, extra);
        default:
            return Sign::None;
    }
}

Sign SignWalk::name(const Expr& e, int node, const std::vector<Binding>& extra) {
    for (int el : m_resolver.resolve(m_element, e, node, extra))
        if (m_isSource(el)) return Sign::Positive;
    return Sign::None;
}

Sign SignWalk::binary(const Expr& e, const Node& n, const std::vector<Binding>& extra) {
    const Sign a = of(e, n.args[0], extra), b = of(e, n.args[1], extra);
    if (a == Sign::None && b == Sign::None) return Sign::None;
    switch (n.op) {
        case '+':
            return combine(a, b);
        case '-':
            return combine(a, flip(b));
        case '*':
        case '/':
            return factors(e, n.args[0], n.args[1], a, b, n.op == '/');
        case '^':
            return power(e, n, a, b);
        default:  // comparisons, AND, OR, MOD: switches and wraps, no direction
            return Sign::Unknown;
    }
}

// a * b, or a / b when `divide` (an input in the denominator acts against it: d(n/y)/dy = -n/y^2). A
// co-factor that does not depend on the input passes the input's sign times its own value's sign; when both
// depend on it, the signs must agree and both factors be plainly positive quantities (d(fg) = f'g + fg'),
// else the sign cannot be told: P * (1 - P/K) is unknown, as it should be.
Sign SignWalk::factors(const Expr& e, int left, int right, Sign a, Sign b, bool divide) {
    if (divide) b = flip(b);
    const auto cofactor = [&](int node) {
        const int v = valueSign(e, node);
        return v > 0 ? Sign::Positive : v < 0 ? Sign::Negative : Sign::None;
    };
    if (b == Sign::None) return times(a, cofactor(right));
    if (a == Sign::None) return times(b, cofactor(left));
    if (a == b && a != Sign::Unknown && conventionallyPositive(e, left) && conventionallyPositive(e, right))
        return a;
    return Sign::Unknown;
}

// x^k passes x's sign for a positive exponent and flips it for a negative one; k^x for a number k above 1
// passes x's sign and flips it for one between 0 and 1.
Sign SignWalk::power(const Expr& e, const Node& n, Sign a, Sign b) {
    if (b == Sign::None) {
        const int v = valueSign(e, n.args[1]);
        return v > 0 ? a : v < 0 ? flip(a) : Sign::None;
    }
    const Node& base = e.at(n.args[0]);
    if (a != Sign::None || base.kind != NodeKind::Number || base.value <= 0 || base.value == 1)
        return Sign::Unknown;
    return base.value > 1 ? b : flip(b);
}

Sign SignWalk::branches(const Expr& e, int cond, int then, int otherwise, const std::vector<Binding>& extra) {
    if (of(e, cond, extra) != Sign::None) return Sign::Unknown;  // the input switches between branches
    return combine(of(e, then, extra), of(e, otherwise, extra));
}

Sign SignWalk::allArgs(const Expr& e, const Node& n, const std::vector<Binding>& extra, bool unknownIfAny) {
    Sign s = Sign::None;
    for (int a : n.args) s = combine(s, of(e, a, extra));
    return unknownIfAny && s != Sign::None ? Sign::Unknown : s;
}

Sign SignWalk::call(const Expr& e, int node, const std::vector<Binding>& extra) {
    const Node& n = e.at(node);
    const equations::BuiltinInfo* b = equations::findBuiltin(n.name);
    if (b && m_model.symbols.findVar(n.name, m_model.element(m_element).scope) < 0)
        return builtin(e, n, *b, extra);
    // A graphical function called by name: its direction times its input's sign.
    const int table = tableOf(e, node, extra);
    if (table < 0 || n.args.size() != 1) return allArgs(e, n, extra, true);
    return times(tableDirection(m_model.tables[static_cast<size_t>(table)]), of(e, n.args[0], extra));
}

Sign SignWalk::builtin(const Expr& e, const Node& n, const equations::BuiltinInfo& b,
                       const std::vector<Binding>& extra) {
    const std::string& f = n.name;
    const auto arg = [&](size_t k) { return k < n.args.size() ? of(e, n.args[k], extra) : Sign::None; };
    switch (b.kind) {
        case BuiltinKind::Math1:
            if (listed(f, kRising)) return arg(0);
            if (listed(f, kFalling)) return flip(arg(0));
            return allArgs(e, n, extra, true);  // ABS, SIN, COS, TAN turn
        case BuiltinKind::Math2:
            if ((f == "power") && n.args.size() == 2) return power(e, n, arg(0), arg(1));
            if (f == "log" && arg(1) == Sign::None) return arg(0);  // a base above 1, as bases are
            return allArgs(e, n, extra, true);
        case BuiltinKind::MinMax:
            return n.args.size() == 1 ? reduction(e, n, extra) : allArgs(e, n, extra, false);
        case BuiltinKind::Reduce:
            if (f == "size") return Sign::None;
            if (f == "stddev") return reduction(e, n, extra) == Sign::None ? Sign::None : Sign::Unknown;
            return n.args.size() == 1 ? reduction(e, n, extra) : allArgs(e, n, extra, false);
        case BuiltinKind::Conditional:
            if (f == "if_then_else" && n.args.size() == 3)
                return branches(e, n.args[0], n.args[1], n.args[2], extra);
            // XIDZ, ZIDZ, SAFEDIV: a quotient, or the fallback value when the divisor is zero.
            return n.args.size() >= 2
                       ? combine(factors(e, n.args[0], n.args[1], arg(0), arg(1), true), arg(2))
                       : Sign::Unknown;
        case BuiltinKind::TimeFn:
            if (f == "step" && arg(1) == Sign::None) return arg(0);  // STEP(height, time) rises with height
            return allArgs(e, n, extra, true);
        case BuiltinKind::Init:
            return f == "active_initial" ? arg(0) : Sign::None;  // INIT(x) is fixed during the run
        case BuiltinKind::Lookup: {
            const int table = n.args.size() == 2 ? tableOf(e, n.args[0], extra) : -1;
            if (table < 0) return allArgs(e, n, extra, true);
            return times(tableDirection(m_model.tables[static_cast<size_t>(table)]), arg(1));
        }
        default:  // constants have no argument; random draws and whatever else: no direction
            return allArgs(e, n, extra, true);
    }
}

// SUM, MEAN, MIN, MAX, PROD over an array: every element's sign, combined.
Sign SignWalk::reduction(const Expr& e, const Node& n, const std::vector<Binding>& extra) {
    if (n.args.empty()) return Sign::None;
    Sign s = Sign::None;
    for (const auto& combo : m_resolver.wildcardCombos(m_element, e, n.args[0], extra))
        s = combine(s, of(e, n.args[0], combo));
    return s;
}

// +1, -1 or 0: the sign of a value that does not depend on the input. Numbers and constants are read; any
// other quantity is taken as positive, as stock-and-flow quantities are.
int SignWalk::valueSign(const Expr& e, int node) const {
    const Node& n = e.at(node);
    switch (n.kind) {
        case NodeKind::Number:
            return n.value > 0 ? 1 : n.value < 0 ? -1 : 0;
        case NodeKind::Unary:
            return n.op == '-' ? -valueSign(e, n.args[0]) : valueSign(e, n.args[0]);
        case NodeKind::Binary:
            if (n.op == '*' || n.op == '/') return valueSign(e, n.args[0]) * valueSign(e, n.args[1]);
            return 1;
        case NodeKind::Name: {
            const auto r = m_resolver.resolve(m_element, e, node, m_none);
            if (r.size() != 1) return 1;
            const Element& c = m_model.element(r[0]);
            if (!c.isConstant) return 1;
            return c.constantValue > 0 ? 1 : c.constantValue < 0 ? -1 : 0;
        }
        default:
            return 1;
    }
}

// A plain positive quantity: a variable, a positive number, or products and quotients of them.
bool SignWalk::conventionallyPositive(const Expr& e, int node) const {
    const Node& n = e.at(node);
    switch (n.kind) {
        case NodeKind::Name:
        case NodeKind::ElementRef:
            return valueSign(e, node) > 0;
        case NodeKind::Number:
            return n.value > 0;
        case NodeKind::Binary:
            return (n.op == '*' || n.op == '/') && conventionallyPositive(e, n.args[0]) &&
                   conventionallyPositive(e, n.args[1]);
        default:
            return false;
    }
}

// The lookup table of the graphical function that node `node` names (a call by name, or LOOKUP's first
// argument); -1 when it names none.
int SignWalk::tableOf(const Expr& e, int node, const std::vector<Binding>& extra) const {
    const auto r = m_resolver.resolve(m_element, e, node, extra);
    if (r.size() == 1) return m_model.element(r[0]).table;
    const int var = m_model.symbols.findVar(e.at(node).name, m_model.element(m_element).scope);
    return var < 0 ? -1 : m_model.element(m_model.symbols.var(var).firstElement).table;
}

}  // namespace

Sign elementSign(const ExpandedModel& model, const Resolver& resolver, const std::vector<int>& stateInput,
                 int target, const std::function<bool(int)>& isSource) {
    const Element& t = model.element(target);
    if (t.kind == ElementKind::State) {
        const int in = stateInput[static_cast<size_t>(target)];
        return in >= 0 && isSource(in) ? Sign::Positive : Sign::None;  // a delayed copy of its input
    }
    if (t.kind == ElementKind::Stock && t.rate.empty()) {
        Sign s = Sign::None;
        for (int f : t.inflows)
            if (isSource(f)) s = combine(s, Sign::Positive);
        for (int f : t.outflows)
            if (isSource(f)) s = combine(s, Sign::Negative);
        return s;
    }
    SignWalk walk(model, resolver, target, isSource);
    const Expr& e = t.kind == ElementKind::Stock ? t.rate : t.expr;
    if (e.empty()) return Sign::None;
    const Sign s = walk.of(e, e.root, {});
    if (t.table >= 0 && t.kind != ElementKind::Stock)
        return times(tableDirection(model.tables[static_cast<size_t>(t.table)]), s);
    return s;
}

}  // namespace sdw::analysis::detail
