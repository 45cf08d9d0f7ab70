// The unit check: units inferred through each equation (operators, and each built-in by the unit rule in
// its row of equations/builtins.cpp), compared with the declared ones. Layer: solver.
#include "solver/compile/unit_check.hpp"

#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "solver/compile/units.hpp"
#include "solver/equations/builtins.hpp"

namespace sdw::compile::detail {
namespace {

using equations::NodeKind;
using equations::UnitRule;
using MaybeUnit = std::optional<Unit>;

class UnitChecker {
  public:
    UnitChecker(const ExpandedModel& model, const Resolver& resolver, const MaybeUnit& time, Reporter& report)
        : m_model(model), m_resolver(resolver), m_time(time), m_report(report) {}

    // The element's declared units; nullopt when none (or unreadable: warned once per variable).
    MaybeUnit declared(int element) {
        auto it = m_cache.find(element);
        if (it != m_cache.end()) return it->second;
        const Element& s = m_model.element(element);
        std::string err;
        auto u = parseUnit(s.units, err);
        if (!err.empty() && !s.internal && m_reported.insert(s.var).second)
            m_report.warning(diag::code::kUnitParse, s.display, err, 0, s.line);
        m_cache[element] = u;
        return u;
    }

    MaybeUnit infer(int element, const equations::Expr& e, int node) {
        const auto& n = e.at(node);
        switch (n.kind) {
            case NodeKind::Name: {
                if (n.name == "time" || n.name == "dt" || n.name == "starttime" || n.name == "stoptime")
                    return m_time;
                auto r = m_resolver.resolve(element, e, node, {});
                if (r.size() != 1 || m_model.element(r[0]).internal)
                    return std::nullopt;  // internal: no units
                return declared(r[0]);
            }
            case NodeKind::Unary:
                return n.op == '!' ? MaybeUnit(Unit{}) : infer(element, e, n.args[0]);
            case NodeKind::Binary:
                return binary(element, e, n);
            case NodeKind::If: {
                auto a = infer(element, e, n.args[1]);
                auto b = infer(element, e, n.args[2]);
                agree(element, a, b, n.pos);
                return a ? a : b;
            }
            case NodeKind::Call:
                return call(element, e, n);
            default:  // numbers are unit-flexible
                return std::nullopt;
        }
    }

    // One warning per variable, not per array element.
    void warn(int element, const std::string& msg) {
        const Element& s = m_model.element(element);
        if (!m_warned.insert(s.var).second) return;
        m_report.warning(diag::code::kUnitMismatch, s.display, msg, 0, s.line);
    }

  private:
    MaybeUnit binary(int element, const equations::Expr& e, const equations::Node& n) {
        auto a = infer(element, e, n.args[0]);
        auto b = infer(element, e, n.args[1]);
        switch (n.op) {
            case '*':
                return a && b ? MaybeUnit(*a * *b) : std::nullopt;
            case '/':
                return a && b ? MaybeUnit(*a / *b) : std::nullopt;
            case '^': {
                const auto& p = e.at(n.args[1]);
                // Range first: casting 1e30 to int is undefined behaviour.
                if (a && p.kind == NodeKind::Number && p.value == std::floor(p.value) &&
                    std::fabs(p.value) <= static_cast<double>(kMaxUnitPower))
                    return a->pow(static_cast<int>(p.value));
                return std::nullopt;
            }
            case '+':
            case '-':
                agree(element, a, b, n.pos);
                return a ? a : b;
            case '&':
            case '|':
            case '%':
                return a;
            default:  // comparisons
                agree(element, a, b, n.pos);
                return Unit{};
        }
    }

    void agree(int element, const MaybeUnit& a, const MaybeUnit& b, int pos) {
        if (a && b && !(*a == *b))
            warn(element, "combines quantities in " + a->toString() + " and " + b->toString() +
                              " (at column " + std::to_string(pos + 1) + ")");
    }

    MaybeUnit call(int element, const equations::Expr& e, const equations::Node& n) {
        auto arg = [&](size_t k) { return k < n.args.size() ? infer(element, e, n.args[k]) : std::nullopt; };
        const equations::BuiltinInfo* b = equations::findBuiltin(n.name);
        switch (b ? b->units : UnitRule::Unknown) {  // graphical functions: the variable's own units
            case UnitRule::First:
                return arg(0);
            case UnitRule::Second:
                return arg(1);
            case UnitRule::Agree: {
                auto a = arg(0);
                for (size_t k = 1; k < n.args.size(); ++k) agree(element, a, arg(k), n.pos);
                return a;
            }
            case UnitRule::Root:
                return root(arg(0));
            case UnitRule::Ratio: {
                auto a = arg(0), d = arg(1);
                return a && d ? MaybeUnit(*a / *d) : std::nullopt;
            }
            case UnitRule::PerTime: {
                auto a = arg(0);
                return a && m_time ? MaybeUnit(*a / *m_time) : std::nullopt;
            }
            case UnitRule::TimesTime: {
                auto a = arg(0);
                return a && m_time ? MaybeUnit(*a * *m_time) : std::nullopt;
            }
            case UnitRule::Rate:
                return m_time ? MaybeUnit(Unit{} / *m_time) : std::nullopt;
            case UnitRule::Dimensionless:
                return Unit{};
            case UnitRule::Unknown:
                return std::nullopt;
        }
        return std::nullopt;
    }

    static MaybeUnit root(const MaybeUnit& a) {
        if (!a) return a;
        Unit r;
        for (const auto& [base, p] : a->powers) {
            if (p % 2) return std::nullopt;
            r.powers[base] = p / 2;
        }
        return r;
    }

    const ExpandedModel& m_model;
    const Resolver& m_resolver;
    MaybeUnit m_time;
    Reporter& m_report;
    std::map<int, MaybeUnit> m_cache;
    std::set<int> m_warned, m_reported;
};

}  // namespace

void checkUnits(const ExpandedModel& model, const Resolver& resolver, const std::string& timeUnits,
                Reporter& report) {
    std::string err;
    const MaybeUnit time = parseUnit(timeUnits, err);
    UnitChecker check(model, resolver, time, report);
    for (size_t i = 0; i < model.elements.size(); ++i) {
        const Element& s = model.elements[i];
        if (s.internal || s.expr.empty() || s.isConstant || s.table >= 0) continue;
        const int si = static_cast<int>(i);
        auto declared = check.declared(si);
        auto inferred = check.infer(si, s.expr, s.expr.root);
        if (declared && inferred && !(*declared == *inferred))
            check.warn(si, "its equation gives " + inferred->toString() + " but its units are " +
                               declared->toString());
    }
    if (!time) return;
    for (size_t i = 0; i < model.elements.size(); ++i) {
        const Element& s = model.elements[i];
        if (s.kind != ElementKind::Stock || s.internal) continue;
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

}  // namespace sdw::compile::detail
