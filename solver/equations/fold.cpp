// Constant evaluation of a parsed equation (see fold.hpp). Recursion is bounded by the parser's nesting
// limit (kMaxDepth). Layer: solver.
#include "solver/equations/fold.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace sdw::equations {
namespace {

// XMILE's MOD: the divisor's sign, as the run computes it (sim::ops::modulo); -7 MOD 3 is 2.
double flooredModulo(double a, double b) {
    double r = std::fmod(a, b);
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
}

std::optional<double> binaryOp(char op, double a, double b) {
    switch (op) {
        case '+':
            return a + b;
        case '-':
            return a - b;
        case '*':
            return a * b;
        case '/':
            return a / b;
        case '^':
            return std::pow(a, b);
        case '%':
            return flooredModulo(a, b);
        case '<':
            return a < b ? 1.0 : 0.0;
        case '>':
            return a > b ? 1.0 : 0.0;
        case 'l':
            return a <= b ? 1.0 : 0.0;
        case 'g':
            return a >= b ? 1.0 : 0.0;
        case '=':
            return a == b ? 1.0 : 0.0;
        case 'n':
            return a != b ? 1.0 : 0.0;
        case '&':
            return a != 0 && b != 0 ? 1.0 : 0.0;
        case '|':
            return a != 0 || b != 0 ? 1.0 : 0.0;
        default:
            return std::nullopt;
    }
}

// Functions whose value depends on their arguments alone (no time, no state, no randomness).
std::optional<double> pureCall(const std::string& f, const std::vector<double>& a) {
    if (a.size() == 1) {
        const double x = a[0];
        if (f == "abs") return std::fabs(x);
        if (f == "int") return std::floor(x);
        if (f == "integer") return std::trunc(x);  // Vensim's INTEGER: toward zero
        if (f == "sinh") return std::sinh(x);
        if (f == "cosh") return std::cosh(x);
        if (f == "tanh") return std::tanh(x);
        if (f == "sqrt") return std::sqrt(x);
        if (f == "exp") return std::exp(x);
        if (f == "ln") return std::log(x);
        if (f == "log10") return std::log10(x);
    }
    if (a.size() == 2) {
        if (f == "mod") return flooredModulo(a[0], a[1]);
        if (f == "modulo") return std::fmod(a[0], a[1]);  // Vensim's MODULO: the dividend's sign
        if (f == "power") return std::pow(a[0], a[1]);
        if (f == "quantum") return a[1] <= 0 ? a[0] : a[1] * std::trunc(a[0] / a[1]);
    }
    if (!a.empty() && (f == "min" || f == "max")) {
        double r = a[0];
        for (double x : a) r = f == "min" ? std::min(r, x) : std::max(r, x);
        return r;
    }
    return std::nullopt;
}

std::optional<double> fold(const Expr& e, int i, const std::map<std::string, double>& names) {
    const Node& n = e.at(i);
    switch (n.kind) {
        case NodeKind::Number:
            return n.value;
        case NodeKind::Name: {
            if (n.subscripted) return std::nullopt;
            auto it = names.find(n.name);
            if (it == names.end()) return std::nullopt;
            return it->second;
        }
        case NodeKind::Unary: {
            auto a = fold(e, n.args[0], names);
            if (!a) return std::nullopt;
            if (n.op == '-') return -*a;
            if (n.op == '!') return *a == 0 ? 1.0 : 0.0;
            return a;
        }
        case NodeKind::Binary: {
            auto a = fold(e, n.args[0], names);
            auto b = a ? fold(e, n.args[1], names) : std::nullopt;
            if (!b) return std::nullopt;
            return binaryOp(n.op, *a, *b);
        }
        case NodeKind::If: {
            auto c = fold(e, n.args[0], names);
            if (!c) return std::nullopt;
            return fold(e, n.args[*c != 0 ? 1 : 2], names);
        }
        case NodeKind::Call: {
            std::vector<double> a;
            for (int arg : n.args) {
                auto v = fold(e, arg, names);
                if (!v) return std::nullopt;
                a.push_back(*v);
            }
            return pureCall(n.name, a);
        }
        case NodeKind::SubStar:
        case NodeKind::SubRange:
        case NodeKind::DimPosition:
        case NodeKind::ElementRef:
            return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

std::optional<double> foldConstant(const Expr& e, const std::map<std::string, double>& names) {
    if (e.empty()) return std::nullopt;
    return fold(e, e.root, names);
}

}  // namespace sdw::equations
