// XMILE expressions printed in Vensim's language for the .mdl writer: names with spaces (quoted when they
// need it), :AND:-style operators, IF THEN ELSE, and the built-ins under their Vensim names and argument
// orders (DELAY N, SMOOTH N...). Layer: solver. Depends on model/, diag/ and the equation parser (read-only
// use).
#include <map>
#include <sstream>

#include "solver/equations/parser.hpp"
#include "solver/mdl/mdl_write_internal.hpp"

namespace sdw::mdl::detail {
namespace {

using equations::Expr;
using equations::Node;
using equations::NodeKind;

constexpr const char* kModWarning =
    "XMILE's MOD takes the sign of the divisor and Vensim's MODULO that of the dividend: the two agree when "
    "both "
    "are positive";

struct Unwritable {
    std::string message;
};

// Unary minus binds less tightly than ^ (-x^2 is -(x^2), as in Vensim) and more tightly than * and /.
int precedence(const Node& n) {
    if (n.kind == NodeKind::Unary) return 6;
    if (n.kind != NodeKind::Binary) return 9;
    switch (n.op) {
        case '|':
            return 1;
        case '&':
            return 2;
        case '<':
        case '>':
        case 'l':
        case 'g':
        case '=':
        case 'n':
            return 3;
        case '+':
        case '-':
            return 4;
        case '*':
        case '/':
            return 5;
        default:
            return 7;  // ^
    }
}

const char* binaryText(char op) {
    switch (op) {
        case '|':
            return " :OR: ";
        case '&':
            return " :AND: ";
        case 'l':
            return " <= ";
        case 'g':
            return " >= ";
        case 'n':
            return " <> ";
        case '<':
            return " < ";
        case '>':
            return " > ";
        case '=':
            return " = ";
        case '+':
            return " + ";
        case '-':
            return " - ";
        case '*':
            return " * ";
        case '/':
            return " / ";
        default:
            return "^";
    }
}

// Built-ins with the same arguments under a Vensim name.
const std::map<std::string, std::string>& sameArguments() {
    static const std::map<std::string, std::string> k = {
        {"abs", "ABS"},
        {"exp", "EXP"},
        {"ln", "LN"},
        {"sqrt", "SQRT"},
        {"sin", "SIN"},
        {"cos", "COS"},
        {"tan", "TAN"},
        {"arcsin", "ARCSIN"},
        {"arccos", "ARCCOS"},
        {"arctan", "ARCTAN"},
        {"sinh", "SINH"},
        {"cosh", "COSH"},
        {"tanh", "TANH"},
        {"integer", "INTEGER"},
        {"quantum", "QUANTUM"},
        {"power", "POWER"},
        {"log", "LOG"},
        {"sign", "SIGN"},
        {"xidz", "XIDZ"},
        {"zidz", "ZIDZ"},
        {"step", "STEP"},
        {"pulse_width", "PULSE"},
        {"pulse_train", "PULSE TRAIN"},
        {"sample_if_true", "SAMPLE IF TRUE"},
        {"init", "INITIAL"},
        {"active_initial", "ACTIVE INITIAL"},
        {"prod", "PROD"},
        {"sum", "SUM"},
        {"size", "ELMCOUNT"},
        {"modulo", "MODULO"},
        {"vector_select", "VECTOR SELECT"},
        {"vector_elm_map", "VECTOR ELM MAP"},
        {"vector_sort_order", "VECTOR SORT ORDER"},
        {"vector_rank", "VECTOR RANK"},
        {"vector_reorder", "VECTOR REORDER"},
        {"allocate_available", "ALLOCATE AVAILABLE"},
        {"allocate_by_priority", "ALLOCATE BY PRIORITY"},
        {"invert_matrix", "INVERT MATRIX"},
        {"lookup_extrapolate", "LOOKUP EXTRAPOLATE"},
        {"lookup_forward", "LOOKUP FORWARD"},
        {"lookup_backward", "LOOKUP BACKWARD"},
        {"delay_n", "DELAY N"},
        {"smooth_n", "SMOOTH N"},
    };
    return k;
}

class Printer {
  public:
    Printer(const Expr& e, const VensimNames& names, const std::string& where, int line, diag::Diagnostics& d)
        : m_e(e), m_names(names), m_where(where), m_line(line), m_diags(d) {}

    std::string node(int i) {
        const Node& n = m_e.at(i);
        switch (n.kind) {
            case NodeKind::Number:
                return n.text.empty() ? number(n.value) : n.text;
            case NodeKind::Name:
                return name(n);
            case NodeKind::Call:
                return call(n);
            case NodeKind::Unary:
                return (n.op == '!' ? ":NOT: " : std::string(n.op == '-' ? "-" : "")) +
                       operand(n.args[0], 6, false);
            case NodeKind::Binary:
                if (n.op == '%') {
                    warnDialect(kModWarning);
                    return "MODULO(" + node(n.args[0]) + ", " + node(n.args[1]) + ")";
                }
                return operand(n.args[0], precedence(n), n.op == '^') + binaryText(n.op) +
                       operand(n.args[1], precedence(n), n.op != '+' && n.op != '*' && n.op != '^');
            case NodeKind::If:
                return "IF THEN ELSE(" + node(n.args[0]) + ", " + node(n.args[1]) + ", " + node(n.args[2]) +
                       ")";
            default:
                throw Unwritable{"a subscript range, * or @n outside a subscript"};
        }
    }

  private:
    static std::string number(double v) {
        std::ostringstream s;
        s.precision(17);
        s << v;
        return s.str();
    }

    // A child in parentheses when it binds less tightly than its parent (or as tightly, where order matters).
    std::string operand(int i, int parentPrecedence, bool tieNeedsParens) {
        const int p = precedence(m_e.at(i));
        const std::string text = node(i);
        return p < parentPrecedence || (p == parentPrecedence && tieNeedsParens) ? "(" + text + ")" : text;
    }

    void warn(const std::string& how) { m_diags.warning(diag::code::kVensimApprox, m_where, how, 0, m_line); }
    // INT and MOD become INTEGER and MODULO: approximately, unless Vensim wrote the XMILE (then they are
    // them).
    void warnDialect(const std::string& how) {
        if (!m_names.vensimMeaning()) warn(how);
    }

    std::string name(const Node& n) {
        if (n.op == '\'') throw Unwritable{"the transposition " + n.text + "' has no Vensim form"};
        if (n.name == "time") return "Time";
        if (n.name == "dt") return "TIME STEP";
        if (n.name == "starttime") return "INITIAL TIME";
        if (n.name == "stoptime") return "FINAL TIME";
        if (n.name == "pi") return "3.141592653589793";
        std::string out = m_names.of(n.name, n.text);
        if (n.subscripted) out += "[" + subscripts(n) + "]";
        return out;
    }

    std::string subscripts(const Node& n) {
        std::string out;
        for (size_t k = 0; k < n.args.size(); ++k) {
            const Node& s = m_e.at(n.args[k]);
            std::string text;
            if (s.kind == NodeKind::SubStar) {  // every element of a dimension: Vensim's `dim!`
                const std::string dim = s.name.empty() ? m_names.dimensionOf(n.name, k) : s.name;
                if (dim.empty()) throw Unwritable{"cannot tell which dimension '*' stands for in " + n.text};
                text = m_names.of(dim, dim) + "!";
            } else if (s.kind == NodeKind::Name && !s.subscripted) {
                text = m_names.of(s.name, s.text);
            } else {
                throw Unwritable{
                    "subscripts other than dimension and element names (ranges, @n, expressions) "
                    "have no Vensim form"};
            }
            out += (k ? "," : "") + text;
        }
        return out;
    }

    std::string args(const Node& n, size_t from = 0) {
        std::string out;
        for (size_t k = from; k < n.args.size(); ++k) out += (k > from ? ", " : "") + node(n.args[k]);
        return out;
    }
    std::string arg(const Node& n, size_t k, const std::string& fallback) {
        return k < n.args.size() ? node(n.args[k]) : fallback;
    }

    std::string call(const Node& n);

    const Expr& m_e;
    const VensimNames& m_names;
    std::string m_where;
    int m_line;
    diag::Diagnostics& m_diags;
};

std::string Printer::call(const Node& n) {
    const std::string& f = n.name;
    if (auto it = sameArguments().find(f); it != sameArguments().end())
        return it->second + "(" + args(n) + ")";
    if (f == "int") {
        warnDialect(
            "XMILE's INT rounds down and Vensim's INTEGER toward zero: the two agree for values of zero or "
            "more");
        return "INTEGER(" + args(n) + ")";
    }
    if (f == "log10") return "LOG(" + args(n) + ", 10)";
    if (f == "mod") {
        warnDialect(kModWarning);
        return "MODULO(" + args(n) + ")";
    }
    if (f == "min" || f == "max") {
        if (n.args.size() == 1) return std::string(f == "min" ? "VMIN(" : "VMAX(") + args(n) + ")";
        std::string out = node(n.args[0]);  // MIN(a, b, c) -> MIN(MIN(a, b), c)
        for (size_t k = 1; k < n.args.size(); ++k)
            out = std::string(f == "min" ? "MIN(" : "MAX(") + out + ", " + node(n.args[k]) + ")";
        return out;
    }
    if (f == "if_then_else") return "IF THEN ELSE(" + args(n) + ")";
    if (f == "safediv") return n.args.size() == 3 ? "XIDZ(" + args(n) + ")" : "ZIDZ(" + args(n) + ")";
    if (f == "ramp") return "RAMP(" + args(n) + (n.args.size() == 2 ? ", FINAL TIME)" : ")");
    if (f == "pulse") {  // XMILE PULSE moves `magnitude` in one time step
        const std::string mag = node(n.args[0]), first = arg(n, 1, "INITIAL TIME");
        if (n.args.size() < 3) return mag + " * PULSE(" + first + ", TIME STEP) / TIME STEP";
        return mag + " * PULSE TRAIN(" + first + ", TIME STEP, " + node(n.args[2]) +
               ", FINAL TIME) / TIME STEP";
    }
    if (f == "smth1" || f == "smth3" || f == "delay1" || f == "delay3") {
        std::string v = f == "smth1"    ? "SMOOTH"
                        : f == "smth3"  ? "SMOOTH3"
                        : f == "delay1" ? "DELAY1"
                                        : "DELAY3";
        return v + (n.args.size() == 3 ? "I(" : "(") + args(n) + ")";
    }
    if (f == "smthn" || f == "delayn")  // XMILE (input, time, n, init) -> Vensim (input, time, init, n)
        return std::string(f == "smthn" ? "SMOOTH N(" : "DELAY N(") + node(n.args[0]) + ", " +
               node(n.args[1]) + ", " + arg(n, 3, node(n.args[0])) + ", " + node(n.args[2]) + ")";
    if (f == "delay")
        return "DELAY FIXED(" + node(n.args[0]) + ", " + node(n.args[1]) + ", " + arg(n, 2, node(n.args[0])) +
               ")";
    if (f == "trend")
        return "TREND(" + node(n.args[0]) + ", " + node(n.args[1]) + ", " + arg(n, 2, "0") + ")";
    const bool zeroInit =
        n.args.size() == 3 ||
        (n.args.size() == 4 && m_e.at(n.args[3]).kind == NodeKind::Number && m_e.at(n.args[3]).value == 0);
    if (f == "forcst" && zeroInit)
        return "FORECAST(" + node(n.args[0]) + ", " + node(n.args[1]) + ", " + node(n.args[2]) + ")";
    if (f == "random")
        return "RANDOM UNIFORM(" + node(n.args[0]) + ", " + node(n.args[1]) + ", " + arg(n, 2, "0") + ")";
    // Bounds after the seed truncate the draw, as Vensim's min and max do (on the unshifted draw here).
    if (f == "normal")
        return "RANDOM NORMAL(" + arg(n, 3, "-1e+38") + ", " + arg(n, 4, "1e+38") + ", " + node(n.args[0]) +
               ", " + node(n.args[1]) + ", " + arg(n, 2, "0") + ")";
    if (f == "exprnd")
        return "RANDOM EXPONENTIAL(" + arg(n, 2, "-1e+38") + ", " + arg(n, 3, "1e+38") + ", 0, " +
               node(n.args[0]) + ", " + arg(n, 1, "0") + ")";
    if (f == "poisson")
        return "RANDOM POISSON(" + arg(n, 2, "0") + ", " + arg(n, 3, "1e+38") + ", " + node(n.args[0]) +
               ", 0, 1, " + arg(n, 1, "0") + ")";
    if (f == "triangular")
        return "RANDOM TRIANGULAR(" + arg(n, 4, "-1e+38") + ", " + arg(n, 5, "1e+38") + ", " +
               node(n.args[0]) + ", " + node(n.args[1]) + ", " + node(n.args[2]) + ", " + arg(n, 3, "0") +
               ")";
    if (f == "mean" && n.args.size() == 1) {
        const Node& a = m_e.at(n.args[0]);
        std::string dims;
        for (size_t k = 0; a.kind == NodeKind::Name && k < a.args.size(); ++k)
            if (m_e.at(a.args[k]).kind == NodeKind::SubStar) {
                const Node& s = m_e.at(a.args[k]);
                const std::string dim = s.name.empty() ? m_names.dimensionOf(a.name, k) : s.name;
                dims += (dims.empty() ? "" : " * ") + std::string("ELMCOUNT(") + m_names.of(dim, dim) + ")";
            }
        if (!dims.empty()) return "SUM(" + node(n.args[0]) + ") / (" + dims + ")";
    }
    if (f == "pi" && n.args.empty()) return "3.141592653589793";  // PI() as well as PI: Vensim has neither
    if (f == "lookup") {                                          // LOOKUP(table, x) -> table(x)
        return node(n.args[0]) + "(" + node(n.args[1]) + ")";
    }
    if (m_names.isUserFunction(f)) return m_names.of(f, n.text) + "(" + args(n) + ")";  // a lookup or a macro
    throw Unwritable{"the function " + n.text + " (with these arguments) has no Vensim equivalent"};
}

}  // namespace

std::optional<std::string> toVensim(const std::string& xmile, const VensimNames& names,
                                    const std::string& where, int line, diag::Diagnostics& diags) {
    diag::Diagnostics parse;
    const Expr e = equations::parse(xmile, where, parse);
    if (parse.hasErrors() || e.empty()) {
        diags.error(
            diag::code::kNotVensim, where,
            "the equation '" + xmile.substr(0, 60) + "' cannot be read, so it cannot be written for Vensim",
            0, line);
        return std::nullopt;
    }
    try {
        Printer p(e, names, where, line, diags);
        return p.node(e.root);
    } catch (const Unwritable& u) {
        diags.error(diag::code::kNotVensim, where, u.message, 0, line);
        return std::nullopt;
    }
}

}  // namespace sdw::mdl::detail
