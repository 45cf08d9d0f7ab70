// Help for the engine's built-in functions. Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#include "workbench/app/equation_help.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "solver/model/model.hpp"

namespace sdw::app {
namespace {

constexpr std::array kHelp = {
    FunctionHelp{"abs", "ABS(x)", "the size of x, without its sign"},
    FunctionHelp{"arccos", "ARCCOS(x)", "the angle (radians) whose cosine is x"},
    FunctionHelp{"arcsin", "ARCSIN(x)", "the angle (radians) whose sine is x"},
    FunctionHelp{"arctan", "ARCTAN(x)", "the angle (radians) whose tangent is x"},
    FunctionHelp{"cos", "COS(x)", "cosine of x (radians)"},
    FunctionHelp{"exp", "EXP(x)", "e to the power x"},
    FunctionHelp{"int", "INT(x)", "x rounded down to a whole number"},
    FunctionHelp{"integer", "INTEGER(x)", "x rounded down to a whole number (Vensim's INTEGER)"},
    FunctionHelp{"ln", "LN(x)", "natural logarithm of x"},
    FunctionHelp{"log10", "LOG10(x)", "base-10 logarithm of x"},
    FunctionHelp{"sin", "SIN(x)", "sine of x (radians)"},
    FunctionHelp{"sqrt", "SQRT(x)", "square root of x"},
    FunctionHelp{"tan", "TAN(x)", "tangent of x (radians)"},
    FunctionHelp{"sign", "SIGN(x)", "-1, 0 or 1 by the sign of x"},
    FunctionHelp{"round", "ROUND(x)", "x rounded to the nearest whole number"},
    FunctionHelp{"sinh", "SINH(x)", "hyperbolic sine of x"},
    FunctionHelp{"cosh", "COSH(x)", "hyperbolic cosine of x"},
    FunctionHelp{"tanh", "TANH(x)", "hyperbolic tangent of x"},
    FunctionHelp{"quantum", "QUANTUM(x, q)",
                 "x cut toward zero to a whole multiple of q (x itself when q <= 0; Vensim)"},
    FunctionHelp{"log", "LOG(x, base)", "logarithm of x in the given base"},
    FunctionHelp{"mod", "MOD(a, b)", "the remainder of a divided by b"},
    FunctionHelp{"modulo", "MODULO(a, b)", "the remainder of a divided by b (Vensim's MODULO)"},
    FunctionHelp{"power", "POWER(a, b)", "a to the power b"},
    FunctionHelp{"pi", "PI", "3.14159..."},
    FunctionHelp{"inf", "INF", "infinity"},
    FunctionHelp{"time", "TIME", "the current time of the run, in the model's time unit"},
    FunctionHelp{"dt", "DT", "the run's time step"},
    FunctionHelp{"starttime", "STARTTIME", "the time the run starts"},
    FunctionHelp{"stoptime", "STOPTIME", "the time the run stops"},
    FunctionHelp{"min", "MIN(a, b, ...)", "the smallest argument (of an array with one argument)"},
    FunctionHelp{"max", "MAX(a, b, ...)", "the largest argument (of an array with one argument)"},
    FunctionHelp{"sum", "SUM(array[*])", "the sum of the array's elements"},
    FunctionHelp{"mean", "MEAN(array[*])", "the mean of the array's elements (or of the arguments)"},
    FunctionHelp{"prod", "PROD(array[*])", "the product of the array's elements"},
    FunctionHelp{"stddev", "STDDEV(array[*])", "the standard deviation of the array's elements"},
    FunctionHelp{"size", "SIZE(array[*])", "how many elements the array has"},
    FunctionHelp{"xidz", "XIDZ(a, b, x)", "a / b, or x when b is zero"},
    FunctionHelp{"zidz", "ZIDZ(a, b)", "a / b, or 0 when b is zero"},
    FunctionHelp{"safediv", "SAFEDIV(a, b [, x])", "a / b, or x (default 0) when b is zero (Stella)"},
    FunctionHelp{"if_then_else", "IF_THEN_ELSE(condition, then, else)",
                 "then when condition holds, else else"},
    FunctionHelp{"step", "STEP(height, time)", "0 before time, height from it on"},
    FunctionHelp{"pulse", "PULSE(magnitude [, first, interval])",
                 "moves magnitude in one time step at first (the start when left out), and every interval "
                 "after"},
    FunctionHelp{"ramp", "RAMP(slope, start [, end])", "rises by slope per time unit from start (until end)"},
    FunctionHelp{"pulse_width", "PULSE_WIDTH(start, width)",
                 "1 from start for width time units, else 0 (Vensim)"},
    FunctionHelp{"pulse_train", "PULSE_TRAIN(start, width, interval, end)",
                 "1 for width time units every interval from start to end, else 0 (Vensim)"},
    FunctionHelp{"vector_select", "VECTOR_SELECT(selection, values, missing, action, error_action)",
                 "combines the values whose selection is not 0 over the dimension marked ! (action 0 sum, 1 "
                 "product, 2 min, 3 max, 4 mean; missing when none is selected; Vensim)"},
    FunctionHelp{"vector_elm_map", "VECTOR_ELM_MAP(vector, offset)",
                 "the element offset places after the one vector names, in its whole dimension (Vensim)"},
    FunctionHelp{"vector_sort_order", "VECTOR_SORT_ORDER(vector, direction)",
                 "the positions of vector's elements in sorted order, ascending when direction > 0 (Vensim)"},
    FunctionHelp{"vector_rank", "VECTOR_RANK(vector, direction)",
                 "each element's rank in vector, 1 for the first in sorted order (Vensim)"},
    FunctionHelp{"vector_reorder", "VECTOR_REORDER(vector, order)",
                 "vector's elements taken in the order a VECTOR_SORT_ORDER gave (Vensim)"},
    FunctionHelp{"allocate_available", "ALLOCATE_AVAILABLE(request, priority_profile, available)",
                 "shares what is available among requests by each one's priority profile (Vensim)"},
    FunctionHelp{"allocate_by_priority", "ALLOCATE_BY_PRIORITY(request, priority, size, width, supply)",
                 "shares supply among requests, higher priority first, overlapping by width (Vensim)"},
    FunctionHelp{"invert_matrix", "INVERT_MATRIX(matrix, size)",
                 "the inverse of a square matrix of size rows (Vensim)"},
    FunctionHelp{"random", "RANDOM(min, max [, seed])",
                 "a uniform random number between min and max, each step"},
    FunctionHelp{"normal", "NORMAL(mean, sd [, seed [, min, max]])",
                 "a normally distributed random number, each step (min and max: drawn again until inside)"},
    FunctionHelp{"lognormal", "LOGNORMAL(mean, sd [, seed [, min, max]])",
                 "a log-normally distributed random number"},
    FunctionHelp{"exprnd", "EXPRND(mean [, seed [, min, max]])",
                 "an exponentially distributed random number"},
    FunctionHelp{"poisson", "POISSON(mean [, seed [, min, max]])", "a Poisson-distributed random count"},
    FunctionHelp{"triangular", "TRIANGULAR(min, mode, max [, seed [, low, high]])",
                 "a triangular random number"},
    FunctionHelp{"smth1", "SMTH1(input, averaging time [, initial])",
                 "first-order exponential smooth of input"},
    FunctionHelp{"smth3", "SMTH3(input, averaging time [, initial])",
                 "third-order exponential smooth of input"},
    FunctionHelp{"smthn", "SMTHN(input, averaging time, order [, initial])", "n-th order smooth of input"},
    FunctionHelp{"delay1", "DELAY1(input, delay time [, initial])", "first-order material delay of input"},
    FunctionHelp{"delay3", "DELAY3(input, delay time [, initial])", "third-order material delay of input"},
    FunctionHelp{"delayn", "DELAYN(input, delay time, order [, initial])",
                 "n-th order material delay of input"},
    FunctionHelp{
        "delay_n", "DELAY_N(input, delay time, initial, order)",
        "Vensim's DELAY N: n-th order material delay whose output reads the previous step's delay time"},
    FunctionHelp{"smooth_n", "SMOOTH_N(input, smoothing time, initial, order)",
                 "Vensim's SMOOTH N: n-th order smooth whose order falls to fit TIME STEP"},
    FunctionHelp{"delay", "DELAY(input, delay time [, initial])",
                 "input exactly delay time ago: a fixed pipeline (Vensim's DELAY FIXED)"},
    FunctionHelp{"trend", "TREND(input, averaging time [, initial])", "input's fractional rate of change"},
    FunctionHelp{"forcst", "FORCST(input, averaging time, horizon [, initial])",
                 "input extrapolated horizon time units ahead from its trend"},
    FunctionHelp{"previous", "PREVIOUS(input [, initial])", "input's value one time step ago"},
    FunctionHelp{"sample_if_true", "SAMPLE_IF_TRUE(condition, input, initial)",
                 "input when condition holds, else the value last sampled"},
    FunctionHelp{"init", "INIT(input)", "input's value at the start of the run"},
    FunctionHelp{"active_initial", "ACTIVE_INITIAL(active, initial)",
                 "initial at the start, active after it"},
    FunctionHelp{"lookup", "LOOKUP(table, x)", "the graphical function table read at x"},
    FunctionHelp{"lookup_extrapolate", "LOOKUP_EXTRAPOLATE(table, x)",
                 "table read at x, going straight on past its first and last points (Vensim's)"},
    FunctionHelp{"lookup_forward", "LOOKUP_FORWARD(table, x)",
                 "the y of the first point at or above x: steps, no interpolation (Vensim's)"},
    FunctionHelp{"lookup_backward", "LOOKUP_BACKWARD(table, x)",
                 "the y of the last point at or below x: steps, no interpolation (Vensim's)"},
};

bool identChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
}

}  // namespace

const FunctionHelp* functionHelp(const std::string& canonical) {
    for (const auto& h : kHelp)
        if (canonical == h.name) return &h;
    return nullptr;
}

std::string helpAt(const std::string& equation, size_t cursor) {
    cursor = std::min(cursor, equation.size());
    // The cursor on a name: that name, when it is a built-in ("SMTH|1").
    size_t a = cursor, b = cursor;
    while (a > 0 && identChar(equation[a - 1])) --a;
    while (b < equation.size() && identChar(equation[b])) ++b;
    if (const auto* h = functionHelp(model::canonicalName(equation.substr(a, b - a))))
        return std::string(h->signature) + ": " + h->summary;
    // Else the innermost open call before the cursor ("SMTH1(x, |").
    std::vector<size_t> open;
    for (size_t i = 0; i < cursor; ++i) {
        if (equation[i] == '(')
            open.push_back(i);
        else if (equation[i] == ')' && !open.empty())
            open.pop_back();
    }
    for (auto it = open.rbegin(); it != open.rend(); ++it) {
        size_t end = *it;
        while (end > 0 && equation[end - 1] == ' ') --end;
        size_t start = end;
        while (start > 0 && identChar(equation[start - 1])) --start;
        if (const auto* h = functionHelp(model::canonicalName(equation.substr(start, end - start))))
            return std::string(h->signature) + ": " + h->summary;
    }
    return "";
}

Completion completeAt(const std::vector<std::string>& names, const std::string& equation, size_t cursor,
                      size_t max) {
    Completion c;
    cursor = std::min(cursor, equation.size());
    size_t a = cursor;
    while (a > 0 && identChar(equation[a - 1])) --a;
    c.start = a;
    c.word = equation.substr(a, cursor - a);
    if (c.word.empty() || std::isdigit(static_cast<unsigned char>(c.word[0]))) return c;
    const std::string typed = model::canonicalName(c.word);
    std::vector<std::string> begins, contains;
    for (const auto& n : names) {
        const std::string canon = model::canonicalName(n);
        if (canon == typed) return Completion{a, c.word, {}, {}};  // already whole
        std::string written = n;
        for (char& ch : written)
            if (ch == ' ') ch = '_';
        if (canon.rfind(typed, 0) == 0)
            begins.push_back(written);
        else if (canon.find(typed) != std::string::npos)
            contains.push_back(written);
    }
    std::vector<const FunctionHelp*> functions;
    for (const auto& h : kHelp)
        if (std::string(h.name).rfind(typed, 0) == 0) functions.push_back(&h);
    std::sort(begins.begin(), begins.end());
    std::sort(contains.begin(), contains.end());
    std::sort(functions.begin(), functions.end(),
              [](const FunctionHelp* x, const FunctionHelp* y) { return std::string(x->name) < y->name; });
    const auto add = [&](const std::string& name, const std::string& shown) {
        if (c.names.size() >= max) return;
        c.names.push_back(name);
        c.shown.push_back(shown);
    };
    for (const auto& n : begins) add(n, n);
    for (const auto* h : functions) {  // "SMTH1(" from "SMTH1(input, ...)"; "TIME" as it is
        const std::string sig = h->signature;
        add(sig.substr(0, sig.find('(') == std::string::npos ? sig.size() : sig.find('(') + 1), sig);
    }
    for (const auto& n : contains) add(n, n);
    return c;
}

std::string completionLine(const Completion& c) {
    if (c.names.empty()) return "";
    std::string more;
    for (size_t i = 1; i < c.names.size(); ++i) {
        std::string name = c.names[i];
        if (!name.empty() && name.back() == '(') name.pop_back();
        more += (more.empty() ? "  or " : ", ") + name;
    }
    return "Tab: " + (c.shown.empty() ? c.names.front() : c.shown.front()) + more;
}

}  // namespace sdw::app
