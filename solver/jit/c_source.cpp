// Writes a compiled model's per-step program as C: the evaluation alone (every value in the slot array) or
// the whole Euler loop (values the run saves computed straight into their row: no copy per row). Every
// expression is the interpreter's, operation for operation; built-ins past one operation call the helpers
// of native_code.cpp, which call the interpreter's own functions. Layer: solver.
#include "solver/jit/c_source.hpp"

#include <set>
#include <sstream>

namespace sdw::jit::detail {
namespace {

using compile::CompiledModel;
using compile::Fn;
using compile::Instr;
using compile::Op;

// The declarations every unit starts with. The helpers come through a table the loader fills in
// (native_code.cpp), so the same C works compiled by libtcc or by any other C compiler into a shared object.
constexpr const char* kPrelude = R"(typedef struct {
    double *slots, *row, *spare, *cur;
    void* rt;
    double start, dt;
    long n, steps, saveEvery, untilSave, saved;
} LoopState;
double fabs(double); double exp(double); double log(double); double log10(double); double sqrt(double);
double sin(double); double cos(double); double tan(double); double asin(double); double acos(double);
double atan(double); double floor(double); double round(double); double pow(double, double);
typedef struct {
    double (*mod)(double, double);
    double (*lookup)(void* rt, unsigned table, double x);
    double (*step)(double t, double dt, double height, double at);
    double (*pulse)(double t, double dt, double mag, double first, double every);
    double (*ramp)(double t, double slope, double from, double to);
    double (*pulse_train)(double t, double dt, double start, double width, double every, double end);
    double (*random)(void* rt, unsigned site, const double* args, double held);
    void (*set_draw)(void* rt, int draw);
    double (*stddev)(const double* v, unsigned n);
    int (*nonfinite)(const double* v, long n);
} SdwApi;
const SdwApi* sdw_api;
#define sdw_mod sdw_api->mod
#define sdw_lookup sdw_api->lookup
#define sdw_step sdw_api->step
#define sdw_pulse sdw_api->pulse
#define sdw_ramp sdw_api->ramp
#define sdw_pulse_train sdw_api->pulse_train
#define sdw_random sdw_api->random
#define sdw_set_draw sdw_api->set_draw
#define sdw_stddev sdw_api->stddev
#define sdw_nonfinite sdw_api->nonfinite
)";

class Writer {
  public:
    Writer(const CompiledModel& cm, const NativeOptions& o)
        : m_cm(cm), m_o(o), m_home(cm.m_slotCount), m_read(cm.m_slotCount), m_rowCol(cm.m_slotCount, -1) {
        for (size_t k = 0; k < m_home.size(); ++k) m_home[k] = m_read[k] = "S[" + std::to_string(k) + "]";
        if (o.loop) homeInRow();
    }

    CSource write() {
        m_out << kPrelude;
        if (m_o.loop)
            loop();
        else
            eval();
        return {m_out.str(), m_rowHomes};
    }

  private:
    void homeInRow();
    void eval();
    void loop();
    void saveAndCheck();
    void body();
    void instr(const Instr& in);
    bool arithmetic(const Instr& in);
    bool function(const Instr& in);
    void reduction(const Instr& in);
    void localsIn();
    void localsOut(const char* indent);
    std::string list(uint32_t from, uint32_t k) const { return h(m_cm.m_lists[from + k]); }
    const std::string& h(uint32_t slot) const { return m_read[slot]; }
    // dst = e: into the slot's local (the loop) or its place in memory, and into its row column if it has
    // one.
    void assign(uint32_t slot, const std::string& e) {
        m_out << "    " << m_read[slot] << " = " << e << ";";
        if (m_rowCol[slot] >= 0) m_out << " R[" << m_rowCol[slot] << "] = " << m_read[slot] << ";";
        m_out << "\n";
    }

    const CompiledModel& m_cm;
    const NativeOptions& m_o;
    std::vector<std::string> m_home;  // where each slot lives in memory
    std::vector<std::string> m_read;  // the C expression that holds its current value (a local in the loop)
    std::vector<int> m_rowCol;        // the row column a value is also written to (-1: none)
    std::vector<uint32_t> m_locals;   // slots held in locals in the loop: loaded on entry, stored on exit
    std::vector<std::pair<uint32_t, uint32_t>> m_rowHomes;
    std::ostringstream m_out;
};

// In the loop, every value the per-step program writes and every stock is a C local (a register where the
// compiler can), and a value the run saves is also written straight into its row; constants are read from
// the slot array. Locals are loaded on entry and stored back on every return.
void Writer::homeInRow() {
    std::vector<bool> local(m_cm.m_slotCount, false);
    for (const Instr& in : m_cm.m_stepProgram) {
        local[in.dst] = true;
        if (in.op == Op::Random) local[in.b] = true;
    }
    for (uint32_t s : m_cm.m_stockSlots) local[s] = true;
    for (uint32_t k = 0; k < local.size(); ++k)
        if (local[k] && k != CompiledModel::kTimeSlot && k != CompiledModel::kHoldTimeSlot) {
            m_read[k] = "v" + std::to_string(k);
            m_locals.push_back(k);
        }
    for (uint32_t j = 1; j < m_o.cols.size(); ++j) {
        const uint32_t slot = m_o.cols[j];
        if (!local[slot] || m_cm.m_isStockSlot[slot] || m_rowCol[slot] >= 0) continue;
        m_rowCol[slot] = static_cast<int>(j);
        m_rowHomes.push_back({slot, j});
    }
}

void Writer::localsIn() {
    for (uint32_t k : m_locals) m_out << "  double v" << k << " = S[" << k << "];\n";
}

void Writer::localsOut(const char* indent) {
    for (uint32_t k : m_locals) m_out << indent << "S[" << k << "] = v" << k << ";\n";
}

void Writer::eval() {
    m_out << "void sdw_eval(double* S, void* rt) {\n";
    body();
    m_out << "}\n";
}

void Writer::body() {
    for (const Instr& in : m_cm.m_stepProgram) instr(in);
}

// The loop of Runner::runFixed for Euler, with the save and the non-finite check of Runner::observe.
void Writer::loop() {
    m_out << "int sdw_loop(LoopState* L, long end) {\n  double* S = L->slots;\n  void* rt = L->rt;\n"
          << "  const double dt = L->dt;\n";
    localsIn();
    m_out << "  while (L->n < end) {\n    const long n = L->n;\n"
          << "    double* R = L->untilSave == 0 ? L->row : L->spare;\n    L->cur = R;\n"
          << "    S[" << CompiledModel::kTimeSlot << "] = S[" << CompiledModel::kHoldTimeSlot
          << "] = L->start + (double)n * dt;\n";
    if (!m_cm.m_randoms.empty()) m_out << "    sdw_set_draw(L->rt, n > 0);\n";
    body();
    saveAndCheck();
    m_out << "    if (L->untilSave == 0) { L->row += " << m_o.cols.size()
          << "; L->saved++; L->untilSave = L->saveEvery - 1; } else L->untilSave--;\n"
          << "    if (n == L->steps) { L->n = n + 1; break; }\n";
    for (size_t k = 0; k < m_cm.m_stockSlots.size(); ++k) {
        const std::string& x = h(m_cm.m_stockSlots[k]);
        m_out << "    " << x << " = 1.0 * " << x << " + dt * " << h(m_cm.m_derivSlots[k]) << ";\n";
    }
    m_out << "    L->n = n + 1;\n  }\n";
    localsOut("  ");
    m_out << "  return 0;\n}\n";
}

// The saved values not written into the row by the program (Time, stocks, constants), then the check of
// every visible value and every stock: the row at once, the rest one by one (x - x is NaN exactly when x is
// NaN or infinite).
void Writer::saveAndCheck() {
    const size_t cols = m_o.cols.size(), visible = m_cm.columns.size() - 1;
    for (size_t j = 0; j < cols; ++j)
        if (m_rowCol[m_o.cols[j]] != static_cast<int>(j))
            m_out << "    R[" << j << "] = " << h(m_o.cols[j]) << ";\n";
    std::set<uint32_t> inRow(m_o.cols.begin(), m_o.cols.end());
    m_out << "    if (sdw_nonfinite(R, " << cols << ")";
    for (uint32_t k = CompiledModel::kFirstFreeSlot; k < CompiledModel::kFirstFreeSlot + visible; ++k)
        if (!inRow.count(k)) m_out << "\n        || " << h(k) << " - " << h(k) << " != 0.0";
    for (uint32_t k : m_cm.m_stockSlots)
        if (!inRow.count(k) && k >= CompiledModel::kFirstFreeSlot + visible)
            m_out << "\n        || " << h(k) << " - " << h(k) << " != 0.0";
    m_out << ") {\n";
    localsOut("      ");
    m_out << "      return 1;\n    }\n";
}

void Writer::instr(const Instr& in) {
    if (arithmetic(in) || function(in)) return;
    reduction(in);
}

// One operation of two operands (or a fused pair), as the interpreter's handlers write it.
bool Writer::arithmetic(const Instr& in) {
    const std::string &a = h(in.a), &b = h(in.b), &c = h(in.c);
    auto set = [&](const std::string& e) { assign(in.dst, e); };
    auto cmp = [&](const char* o) { set("(" + a + " " + o + " " + b + ") ? 1.0 : 0.0"); };
    switch (in.op) {
        // clang-format off
        case Op::Copy: set(a); return true;
        case Op::Add: set(a + " + " + b); return true;
        case Op::Sub: set(a + " - " + b); return true;
        case Op::Mul: set(a + " * " + b); return true;
        case Op::Div: set(a + " / " + b); return true;
        case Op::Pow: set("pow(" + a + ", " + b + ")"); return true;
        case Op::Mod: set("sdw_mod(" + a + ", " + b + ")"); return true;
        case Op::Neg: set("-" + a); return true;
        case Op::Not: set("(" + a + " == 0) ? 1.0 : 0.0"); return true;
        case Op::Lt: cmp("<"); return true;
        case Op::Le: cmp("<="); return true;
        case Op::Gt: cmp(">"); return true;
        case Op::Ge: cmp(">="); return true;
        case Op::Eq: cmp("=="); return true;
        case Op::Ne: cmp("!="); return true;
        case Op::And: set("(" + a + " != 0 && " + b + " != 0) ? 1.0 : 0.0"); return true;
        case Op::Or: set("(" + a + " != 0 || " + b + " != 0) ? 1.0 : 0.0"); return true;
        case Op::Select: set("(" + a + " != 0) ? " + b + " : " + c); return true;
#define SDW_FUSED_C(name, o1, o2) case Op::name: set("(" + a + " " #o1 " " + b + ") " #o2 " " + c); return true;
#define SDW_FUSED_RC(name, o1, o2) case Op::name: set(c + " " #o2 " (" + a + " " #o1 " " + b + ")"); return true;
        SDW_FUSED_OPS(SDW_FUSED_C, SDW_FUSED_RC)
#undef SDW_FUSED_C
#undef SDW_FUSED_RC
        // clang-format on
        default:
            return false;
    }
}

const char* libmName(Fn f) {
    switch (f) {
        // clang-format off
        case Fn::Abs: return "fabs";   case Fn::Exp: return "exp";     case Fn::Ln: return "log";
        case Fn::Log10: return "log10"; case Fn::Sqrt: return "sqrt";  case Fn::Sin: return "sin";
        case Fn::Cos: return "cos";    case Fn::Tan: return "tan";     case Fn::Asin: return "asin";
        case Fn::Acos: return "acos";  case Fn::Atan: return "atan";   case Fn::Int: return "floor";
        case Fn::Round: return "round";
        default: return nullptr;
            // clang-format on
    }
}

// Built-in functions of one, two or three arguments, as sim/ops.hpp computes them.
std::string functionCall(const Instr& in, const std::string& a, const std::string& b, const std::string& c) {
    if (in.op == Op::Fn3) return "(" + b + " == 0) ? " + c + " : " + a + " / " + b;
    if (in.op == Op::Fn1) {
        if (in.fn == Fn::Sign) return "(" + a + " > 0) ? 1.0 : (" + a + " < 0) ? -1.0 : 0.0";
        return libmName(in.fn) ? std::string(libmName(in.fn)) + "(" + a + ")" : a;
    }
    if (in.fn == Fn::Min2) return "(" + b + " < " + a + ") ? " + b + " : " + a;  // std::min(a, b)
    if (in.fn == Fn::Max2) return "(" + a + " < " + b + ") ? " + b + " : " + a;  // std::max(a, b)
    if (in.fn == Fn::Zidz || in.fn == Fn::SafeDiv2) return "(" + b + " == 0) ? 0.0 : " + a + " / " + b;
    if (in.fn == Fn::LogN) return "log(" + a + ") / log(" + b + ")";
    return "0.0";
}

// Built-in functions, time functions, look-ups, random draws, clamps and overrides (sim/ops.hpp).
bool Writer::function(const Instr& in) {
    const std::string &a = h(in.a), &b = h(in.b), &c = h(in.c);
    const std::string t = h(CompiledModel::kHoldTimeSlot), dt = h(CompiledModel::kDtSlot);
    auto set = [&](const std::string& e) { assign(in.dst, e); };
    switch (in.op) {
        case Op::Fn1:
        case Op::Fn2:
        case Op::Fn3:
            set(functionCall(in, a, b, c));
            return true;
        case Op::Lookup:
            set("sdw_lookup(rt, " + std::to_string(in.b) + "u, " + a + ")");
            return true;
        case Op::Step:
            set("sdw_step(" + t + ", " + dt + ", " + a + ", " + b + ")");
            return true;
        case Op::Pulse:
            set("sdw_pulse(" + t + ", " + dt + ", " + a + ", " + b + ", " + c + ")");
            return true;
        case Op::Ramp:
            set("sdw_ramp(" + t + ", " + a + ", " + b + ", " + c + ")");
            return true;
        case Op::PulseTrain:
            set("sdw_pulse_train(" + t + ", " + dt + ", " + list(in.a, 0) + ", " + list(in.a, 1) + ", " +
                list(in.a, 2) + ", " + list(in.a, 3) + ")");
            return true;
        case Op::Random: {
            const auto& site = m_cm.m_randoms[in.a];
            m_out << "    { double a_[4] = {0, 0, 0, 0};";
            for (size_t k = 0; k < site.args.size() && k < 4; ++k)
                m_out << " a_[" << k << "] = " << h(site.args[k]) << ";";
            m_out << "\n  ";
            assign(in.b, "sdw_random(rt, " + std::to_string(in.a) + "u, a_, " + b + ")");
            m_out << "    }\n";
            set(h(in.b));
            return true;
        }
        case Op::ClampNonNeg:
            set("(0.0 < " + a + ") ? " + a + " : 0.0");
            return true;        // std::max(0.0, a)
        case Op::ClampOutflow:  // std::min(a, std::max(0.0, b))
            set("((0.0 < " + b + " ? " + b + " : 0.0) < " + a + ") ? (0.0 < " + b + " ? " + b +
                " : 0.0) : " + a);
            return true;
        case Op::Override:
            m_out << "    if (!(" << a << " != " << a << "))";
            assign(in.dst, a);
            return true;
        default:
            return false;
    }
}

// SUM, PROD, MIN, MAX, MEAN, STDDEV over an operand list, folded in list order as the interpreter does.
void Writer::reduction(const Instr& in) {
    if (in.op == Op::Stddev) {
        m_out << "    { double v_[" << (in.c ? in.c : 1) << "];";
        for (uint32_t k = 0; k < in.c; ++k) m_out << " v_[" << k << "] = " << list(in.a, k) << ";";
        m_out << "\n  ";
        assign(in.dst, "sdw_stddev(v_, " + std::to_string(in.c) + "u)");
        m_out << "    }\n";
        return;
    }
    const bool product = in.op == Op::Prod;
    const char* init = product             ? "1.0"
                       : in.op == Op::MinN ? "(1e308 * 10.0)"
                       : in.op == Op::MaxN ? "-(1e308 * 10.0)"
                                           : "0.0";
    m_out << "    { double acc_ = " << init << ";";
    for (uint32_t k = 0; k < in.c; ++k) {
        const std::string x = list(in.a, k);
        if (in.op == Op::MinN)
            m_out << " acc_ = (" << x << " < acc_) ? " << x << " : acc_;";  // std::min(acc, x)
        else if (in.op == Op::MaxN)
            m_out << " acc_ = (acc_ < " << x << ") ? " << x << " : acc_;";  // std::max(acc, x)
        else
            m_out << " acc_ = acc_ " << (product ? "*" : "+") << " " << x << ";";
    }
    m_out << "\n  ";
    if (in.op == Op::Mean)
        assign(in.dst, in.c ? "acc_ / " + std::to_string(in.c) + ".0" : std::string("0.0"));
    else
        assign(in.dst, "acc_");
    m_out << "    }\n";
}

}  // namespace

CSource writeC(const CompiledModel& cm, const NativeOptions& options) {
    return Writer(cm, options).write();
}

}  // namespace sdw::jit::detail
