// Writes a compiled model's per-step program as C: the evaluation alone (every value in the slot array) or
// the whole Euler loop (values the run saves computed straight into their row: no copy per row). Every
// expression is the interpreter's, operation for operation; built-ins past one operation call the helpers
// of native_code.cpp, which call the interpreter's own functions. Layer: solver.
#include "solver/jit/c_source.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <set>
#include <sstream>

#include "solver/compile/instructions.hpp"
#include "solver/jit/invariants.hpp"
#include "solver/jit/reroll.hpp"
#include "solver/sim/evaluator.hpp"

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
    long n, steps, saveEvery, untilSave, saved, rowStride;
} LoopState;
double fabs(double); double exp(double); double log(double); double log10(double); double sqrt(double);
double sin(double); double cos(double); double tan(double); double asin(double); double acos(double);
double atan(double); double floor(double); double round(double); double pow(double, double);
double sinh(double); double cosh(double); double tanh(double); double trunc(double); double fmod(double, double);
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
#if !defined(SDW_UNIT) || SDW_UNIT == 0
const SdwApi* sdw_api;
#else
extern const SdwApi* sdw_api;
#endif
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

// What the optimised form adds (a compiler that optimises, such as gcc -O2): the NaN check and the look-ups
// written in C, so they inline instead of calling back into sdw.
constexpr const char* kOptimisedPrelude = R"(#ifdef SDW_UNIT
#define SDW_PART __attribute__((visibility("hidden")))
#else
#define SDW_PART static
#endif
static unsigned long long sdw_bits(double d) { union { double d; unsigned long long u; } x; x.d = d; return x.u; }
#define SDW_CHK(v) any_ |= (sdw_bits(v) & 0x7ff0000000000000ULL) + 0x0010000000000000ULL
#ifdef __GNUC__
typedef unsigned long long sdw_v2 __attribute__((vector_size(16)));
#endif
static unsigned long long sdw_sweep(const double* v, long n) {
    unsigned long long any_ = 0;
    long i = 0;
#ifdef __GNUC__
    const sdw_v2 m = {0x7ff0000000000000ULL, 0x7ff0000000000000ULL}, u = {0x0010000000000000ULL, 0x0010000000000000ULL};
    sdw_v2 a = {0, 0}, b = a, c = a, d = a, x, y, z, w;
    for (; i + 8 <= n; i += 8) {
        __builtin_memcpy(&x, v + i, 16); __builtin_memcpy(&y, v + i + 2, 16);
        __builtin_memcpy(&z, v + i + 4, 16); __builtin_memcpy(&w, v + i + 6, 16);
        a |= (x & m) + u; b |= (y & m) + u; c |= (z & m) + u; d |= (w & m) + u;
    }
    a |= b | c | d;
    any_ = a[0] | a[1];
#endif
    for (; i < n; ++i) SDW_CHK(v[i]);
    return any_;
}
static double sdw_lk(const double* xs, const double* ys, long n, int kind, double x) {
    if (x != x) return x;
    if (n == 1) return ys[0];
    if (x <= xs[0]) {
        if (kind == 1 && x < xs[0] && xs[1] != xs[0]) return ys[0] + (x - xs[0]) * (ys[1] - ys[0]) / (xs[1] - xs[0]);
        return ys[0];
    }
    if (x >= xs[n - 1]) {
        if (kind == 1 && x > xs[n - 1] && xs[n - 1] != xs[n - 2])
            return ys[n - 1] + (x - xs[n - 1]) * (ys[n - 1] - ys[n - 2]) / (xs[n - 1] - xs[n - 2]);
        return ys[n - 1];
    }
    long hi = 0, len = n;
    while (len > 0) {
        long half = len >> 1;
        if (!(x < xs[hi + half])) { hi += half + 1; len -= half + 1; } else len = half;
    }
    if (kind == 2) return ys[hi - 1];
    double span = xs[hi] - xs[hi - 1];
    if (span == 0) return ys[hi];
    return ys[hi - 1] + (x - xs[hi - 1]) * (ys[hi] - ys[hi - 1]) / span;
}
)";

// The optimised form's part functions go each to the unit with the fewest statements (compiled in parallel
// when built as kUnits translation units, cc_build.cpp); everything else is in unit 0. Without SDW_UNIT it is
// one unit.
constexpr size_t kUnits = 2;
constexpr size_t kSplitFrom = 600;     // statements
constexpr size_t kSweepStretch = 16;   // checked slots in a row: swept (sdw_sweep), not listed
constexpr size_t kUnrolledPoints = 8;  // look-up tables of at most this many points: unrolled search
std::string unitOpen(size_t unit) {
    return "#if !defined(SDW_UNIT) || SDW_UNIT == " + std::to_string(unit) + "\n";
}

class Writer {
  public:
    Writer(const CompiledModel& cm, const NativeOptions& o)
        : m_cm(cm),
          m_o(o),
          m_read(cm.m_slotCount),
          m_rowCol(cm.m_slotCount, -1),
          m_once(o.loop ? loopInvariant(cm) : std::vector<bool>(cm.m_stepProgram.size(), false)),
          m_onceSlot(cm.m_slotCount, false),
          m_writers(cm.m_slotCount, 0) {
        for (size_t k = 0; k < m_read.size(); ++k) m_read[k] = "S[" + std::to_string(k) + "]";
        for (const Instr& in : cm.m_stepProgram) {
            ++m_writers[in.dst];
            if (in.op == Op::Random) ++m_writers[in.b];
        }
        for (size_t i = 0; i < m_once.size(); ++i)
            if (m_once[i]) m_onceSlot[cm.m_stepProgram[i].dst] = true;
        m_checked.assign(cm.m_slotCount, false);
        for (uint32_t k : cm.m_checkSlots) m_checked[k] = true;
        for (uint32_t k : cm.m_stockSlots) m_checked[k] = true;
        m_saved = o.loop ? savedOnly(cm, m_once) : std::vector<bool>(cm.m_stepProgram.size(), false);
        m_readBySaved.assign(cm.m_slotCount, false);
        for (size_t i = 0; i < m_saved.size(); ++i)
            if (m_saved[i])
                compile::forEachRead(cm.m_stepProgram[i], cm.m_lists, cm.m_randoms, [&](uint32_t s) {
                    if (s < m_readBySaved.size()) m_readBySaved[s] = true;
                });
        if (o.loop) homeInRow();
    }

    CSource write() {
        m_text << kPrelude;
        if (m_o.optimised) {
            m_text << kOptimisedPrelude;
            tables();
        }
        std::vector<std::string> program, once, saved;
        for (size_t i = 0; i < m_cm.m_stepProgram.size(); ++i) {
            const Instr& in = m_cm.m_stepProgram[i];
            if (!instr(in))
                return {"",
                        {},
                        "the compiled engine does not know operation " +
                            std::to_string(static_cast<int>(in.op)) + " of the program"};
            (m_once[i] ? once : m_saved[i] ? saved : program).push_back(m_out.str());
            m_out.str("");
        }
        if (m_o.loop)
            loop(program, once, saved);
        else
            eval(program);
        // Small programs as one unit: a second compiler process and a link cost more than they save
        // (counted after loops were found again: a loop is one statement).
        size_t statements = 0;
        for (size_t load : m_unitLoad) statements += load;
        const size_t units = statements >= kSplitFrom ? std::min(m_parts, kUnits) : 1;
        return {m_text.str(), m_rowHomes, "", units};
    }

  private:
    void homeInRow();
    void tables();
    bool temporary(long slot) const;
    void unrolled(size_t t);
    void eval(const std::vector<std::string>& program);
    void loop(const std::vector<std::string>& program, const std::vector<std::string>& once,
              const std::vector<std::string>& saved);
    std::string parts(const char* name, const char* params, const char* args,
                      const std::vector<std::string>& statements);
    std::string save();
    std::string check();
    bool instr(const Instr& in);
    bool arithmetic(const Instr& in);
    bool function(const Instr& in);
    bool reduction(const Instr& in);
    void localsIn();
    void localsOut(const char* indent);
    std::string list(uint32_t from, uint32_t k) const { return h(m_cm.m_lists[from + k]); }
    const std::string& h(uint32_t slot) const { return m_read[slot]; }
    // dst = e: into the slot's local (the loop) or its place in memory, and into its row column if it has
    // one.
    // Optimised: a value that goes into the row is checked for NaN as it is written, while it is in a
    // register, when nothing else in the step writes it (else after the step: m_postCheck).
    void assign(uint32_t slot, const std::string& e) {
        m_out << "    " << m_read[slot] << " = " << e << ";";
        std::string inRow = m_read[slot].rfind("R[", 0) == 0 ? m_read[slot] : "";
        if (m_rowCol[slot] >= 0) {
            inRow = "R[" + std::to_string(m_rowCol[slot]) + "]";
            m_out << " " << inRow << " = " << m_read[slot] << ";";
        }
        const bool checked = m_o.optimised && !inRow.empty() && m_checked[slot];
        if (checked && m_writers[slot] == 1) m_out << " SDW_CHK(" << inRow << ");";
        if (checked && m_writers[slot] > 1) m_postCheck.insert(inRow);
        m_out << "\n";
    }

    const CompiledModel& m_cm;
    const NativeOptions& m_o;
    std::vector<std::string> m_read;  // the C expression that holds its current value (a local in the loop)
    std::vector<int> m_rowCol;        // the row column a value is also written to (-1: none)
    std::vector<uint32_t> m_locals;   // slots held in locals in the loop: loaded on entry, stored on exit
    std::vector<std::pair<uint32_t, uint32_t>> m_rowHomes;
    std::vector<bool> m_inlineTable;    // look-up tables written into the C (optimised form, finite values)
    std::vector<bool> m_unrolled;       // of those, short sorted ones with a function of their own (sdw_lkN)
    std::vector<bool> m_once;           // by instruction: computed once when the loop starts (invariants.hpp)
    std::vector<bool> m_saved;          // by instruction: computed at saved steps only (invariants.hpp)
    std::vector<bool> m_checked;        // by slot: checked for NaN at each step (m_checkSlots and stocks)
    std::vector<bool> m_readBySaved;    // by slot: read by an instruction of m_saved
    std::vector<bool> m_onceSlot;       // by slot: written by such an instruction (kept in the slots)
    std::vector<int> m_writers;         // by slot: instructions of the step program that write it
    std::set<std::string> m_postCheck;  // row values written twice in a step: checked after it
    std::function<bool(long)> m_temporary;     // for reroll(): slots only the step program reads (the loop)
    mutable std::vector<bool> m_notTemporary;  // by slot, filled on first use by temporary()
    size_t m_parts = 0;                        // part functions written (the optimised form)
    size_t m_unitLoad[kUnits] = {};            // statements dealt to each unit
    std::ostringstream m_text;                 // the unit
    std::ostringstream m_out;                  // the statement being written
};

// In the loop, every value the per-step program writes is also written straight into its row when the run
// saves it. The quick form (libtcc) keeps every value the program writes, and every stock, in a C local
// loaded on entry and stored back on every return, and values the run saves live only in the row while the
// loop runs; the optimised form keeps those in the row and every other value in the slot array, and leaves
// registers to the compiler (one function of ten thousand locals takes gcc minutes; parts of a few hundred
// statements take milliseconds each).
void Writer::homeInRow() {
    std::vector<bool> local(m_cm.m_slotCount, false), held(m_cm.m_slotCount, false),
        homed(m_cm.m_slotCount, false);
    for (const Instr& in : m_cm.m_stepProgram) {
        local[in.dst] = true;
        if (in.op == Op::Random) local[in.b] = held[in.b] = true;
    }
    for (uint32_t s : m_cm.m_stockSlots) local[s] = true;
    if (!m_o.optimised)
        for (uint32_t k = 0; k < local.size(); ++k)
            if (local[k] && k != CompiledModel::kTimeSlot && k != CompiledModel::kHoldTimeSlot) {
                m_read[k] = "v" + std::to_string(k);
                m_locals.push_back(k);
            }
    for (uint32_t j = 1; j < m_o.cols.size(); ++j) {
        const uint32_t slot = m_o.cols[j];
        if (!local[slot] || m_cm.m_isStockSlot[slot] || homed[slot] || m_onceSlot[slot]) continue;
        homed[slot] = true;
        m_rowCol[slot] = static_cast<int>(j);
        m_rowHomes.push_back({slot, j});
        // Optimised: the value lives in its row only (one store, not two), which is safe because the program
        // writes it before any read in the same step; a held random draw is read before it is drawn again.
        if (m_o.optimised && !held[slot]) {
            m_read[slot] = "R[" + std::to_string(j) + "]";
            m_rowCol[slot] = -1;
        } else if (m_o.optimised) {
            m_rowHomes.pop_back();
        }
    }
}

// In the loop: a slot no one reads but the step program (not a variable anyone sees or checks, a stock, a
// derivative, a saved column, a value computed once, a held draw), written by one instruction. reroll() keeps
// such a slot in a local when only the statements after its write in the same block read it.
bool Writer::temporary(long slot) const {
    const auto s = static_cast<uint32_t>(slot);
    if (slot < 0 || s >= m_cm.m_slotCount || s < CompiledModel::kFirstFreeSlot + (m_cm.columns.size() - 1))
        return false;
    if (m_cm.m_isStockSlot[s] || m_writers[s] != 1 || m_onceSlot[s] || m_rowCol[s] >= 0) return false;
    if (m_readBySaved[s]) return false;  // read in another block, the saved steps' (its reads come later)
    if (m_notTemporary.empty()) {
        m_notTemporary.assign(m_cm.m_slotCount, false);
        for (uint32_t k : m_cm.m_derivSlots) m_notTemporary[k] = true;
        for (uint32_t k : m_cm.m_checkSlots) m_notTemporary[k] = true;
        for (uint32_t k : m_o.cols) m_notTemporary[k] = true;
        for (const auto& site : m_cm.m_randoms) m_notTemporary[site.valueSlot] = true;
        for (const auto& site : m_cm.m_states) m_notTemporary[site.inputSlot] = true;  // recorded each step
        for (const Instr& in : m_cm.m_stepProgram)
            if (in.op == Op::Random) m_notTemporary[in.b] = true;
    }
    return !m_notTemporary[s];
}

// The optimised form's look-up tables, as static arrays of exact (hexadecimal) doubles.
void Writer::tables() {
    m_inlineTable.assign(m_cm.m_tables.size(), false);
    m_unrolled.assign(m_cm.m_tables.size(), false);
    for (size_t t = 0; t < m_cm.m_tables.size(); ++t) {
        const auto& tab = m_cm.m_tables[t];
        bool finite = !tab.xs.empty() && tab.xs.size() == tab.ys.size();
        for (size_t k = 0; finite && k < tab.xs.size(); ++k)
            finite = std::isfinite(tab.xs[k]) && std::isfinite(tab.ys[k]);
        if (!finite) continue;  // left to the helper
        m_inlineTable[t] = true;
        char buf[40];
        for (const auto* v : {&tab.xs, &tab.ys}) {
            m_text << "static const double sdw_t" << t << (v == &tab.xs ? "x" : "y") << "[] = {";
            for (double d : *v) {
                std::snprintf(buf, sizeof buf, "%a,", d);
                m_text << buf;
            }
            m_text << "};\n";
        }
        if (std::is_sorted(tab.xs.begin(), tab.xs.end()) && tab.xs.size() <= kUnrolledPoints) unrolled(t);
    }
}

// A short table's look-up as a chain of comparisons with its points written in (what sdw_lk computes, the
// search unrolled: on sorted points the first point above x is the one the binary search finds), inlined.
void Writer::unrolled(size_t t) {
    const auto& tab = m_cm.m_tables[t];
    const auto& xs = tab.xs;
    const auto& ys = tab.ys;
    const size_t n = xs.size();
    const int kind = static_cast<int>(tab.kind);
    auto d = [](double v) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%a", v);
        return std::string(buf);
    };
    // ys[a] + (x - xs[b]) * (ys[c] - ys[e]) / (xs[f] - xs[g]), the differences as sdw_lk computes them.
    auto line = [&](size_t a, size_t b, size_t c, size_t e, size_t f, size_t g) {
        return d(ys[a]) + " + (x - " + d(xs[b]) + ") * " + d(ys[c] - ys[e]) + " / " + d(xs[f] - xs[g]);
    };
    m_unrolled[t] = true;
    m_text << "static inline double sdw_lk" << t << "(double x) {\n    if (x != x) return x;\n";
    if (n == 1) {
        m_text << "    return " << d(ys[0]) << ";\n}\n";
        return;
    }
    m_text << "    if (x <= " << d(xs[0]) << ") {\n";
    if (kind == 1 && xs[1] != xs[0])
        m_text << "        if (x < " << d(xs[0]) << ") return " << line(0, 0, 1, 0, 1, 0) << ";\n";
    m_text << "        return " << d(ys[0]) << ";\n    }\n    if (x >= " << d(xs[n - 1]) << ") {\n";
    if (kind == 1 && xs[n - 1] != xs[n - 2])
        m_text << "        if (x > " << d(xs[n - 1]) << ") return "
               << line(n - 1, n - 1, n - 1, n - 2, n - 1, n - 2) << ";\n";
    m_text << "        return " << d(ys[n - 1]) << ";\n    }\n";
    for (size_t hi = 1; hi < n; ++hi) {
        m_text << "    " << (hi + 1 < n ? "if (x < " + d(xs[hi]) + ") " : std::string()) << "return ";
        if (kind == 2)
            m_text << d(ys[hi - 1]);
        else if (xs[hi] - xs[hi - 1] == 0)
            m_text << d(ys[hi]);
        else
            m_text << line(hi - 1, hi - 1, hi, hi - 1, hi, hi - 1);
        m_text << ";\n";
    }
    m_text << "}\n";
}

void Writer::localsIn() {
    for (uint32_t k : m_locals) m_text << "  double v" << k << " = S[" << k << "];\n";
}

void Writer::localsOut(const char* indent) {
    for (uint32_t k : m_locals) m_text << indent << "S[" << k << "] = v" << k << ";\n";
}

// Statements in order: inline (the quick form), or in static functions of at most kPartSize statements each
// (the optimised form, repeated blocks as loops: reroll.hpp, each returning 1 when a row value it checked
// was not finite, into bad_); returns what calls them.
std::string Writer::parts(const char* name, const char* params, const char* args,
                          const std::vector<std::string>& statements) {
    constexpr size_t kPartSize = 400;
    std::string calls;
    if (!m_o.optimised) {
        for (const auto& s : statements) calls += s;
        return calls;
    }
    const std::vector<std::string> rolled = m_o.reroll ? reroll(statements, m_temporary) : statements;
    for (size_t from = 0, k = 0; from < rolled.size(); from += kPartSize, ++k) {
        const size_t unit = std::min_element(m_unitLoad, m_unitLoad + kUnits) - m_unitLoad;  // the lightest
        m_unitLoad[unit] += std::min(kPartSize, rolled.size() - from);
        ++m_parts;
        m_text << "SDW_PART int " << name << k << "(" << params << ");\n" << unitOpen(unit);
        m_text << "SDW_PART int " << name << k << "(" << params << ") {\n    unsigned long long any_ = 0;\n";
        for (size_t i = from; i < std::min(from + kPartSize, rolled.size()); ++i) m_text << rolled[i];
        m_text << "    return (int)(any_ >> 63);\n}\n#endif\n";  // 1: a value checked was not finite
        calls += "    bad_ |= " + std::string(name) + std::to_string(k) + "(" + args + ");\n";
    }
    return calls;
}

void Writer::eval(const std::vector<std::string>& program) {
    const std::string calls =
        parts("sdw_p", "double* restrict S, double* restrict R, void* rt", "S, 0, rt", program);
    m_text << unitOpen(0) << "void sdw_eval(double* S, void* rt) {\n    int bad_ = 0;\n"
           << calls << "    (void)bad_;\n}\n#endif\n";
}

// The loop of Runner::runFixed for Euler, with the save and the non-finite check of Runner::observe. What
// every step would compute the same (`once`) is computed when the loop starts, each time it is called.
void Writer::loop(const std::vector<std::string>& program, const std::vector<std::string>& once,
                  const std::vector<std::string>& saved) {
    const std::string first =
        parts("sdw_o", "double* restrict S, double* restrict R, void* rt", "S, 0, rt", once);
    m_temporary = [this](long slot) { return temporary(slot); };
    const std::string calls =
        parts("sdw_p", "double* restrict S, double* restrict R, void* rt", "S, R, rt", program);
    // What only saved rows need, after the rest of the step (savedOnly: it reads nothing written later).
    const std::string savedCalls =
        saved.empty()
            ? std::string()
            : "    if (untilSave == 0) {\n" +
                  parts("sdw_q", "double* restrict S, double* restrict R, void* rt", "S, R, rt", saved) +
                  "    }\n";
    m_temporary = nullptr;
    const std::string saves = save();
    const std::string checks = check();
    std::vector<std::string> euler;
    for (size_t k = 0; k < m_cm.m_stockSlots.size(); ++k) {
        const std::string& x = h(m_cm.m_stockSlots[k]);
        euler.push_back("    " + x + " = 1.0 * " + x + " + dt * " + h(m_cm.m_derivSlots[k]) + ";\n");
    }
    const std::string integrate =
        parts("sdw_i", "double* restrict S, const double* restrict R, double dt", "S, R, dt", euler);
    // PREVIOUS states (the loop is built only when every state is one), as Runner::runFixed keeps them: each
    // input recorded after the step's values are saved, and the state set to it after the stocks move.
    // A state read only by what saved rows need (loop scoring's values one step before) is kept only at the
    // steps before a saved one (at the record, untilSave is 0 when the next step saves).
    std::vector<bool> readEveryStep(m_cm.m_slotCount, false);
    const auto mark = [&](uint32_t s) {
        if (s < readEveryStep.size()) readEveryStep[s] = true;
    };
    for (size_t i = 0; i < m_cm.m_stepProgram.size(); ++i)
        if (!m_saved[i]) compile::forEachRead(m_cm.m_stepProgram[i], m_cm.m_lists, m_cm.m_randoms, mark);
    for (const Instr& in : m_cm.m_derivProgram) compile::forEachRead(in, m_cm.m_lists, m_cm.m_randoms, mark);
    for (uint32_t k : m_cm.m_checkSlots) mark(k);
    for (uint32_t k : m_o.cols) mark(k);
    for (const auto& site : m_cm.m_states) mark(site.inputSlot);  // a state of a state
    std::vector<std::string> record[2], commit[2];                // [1]: before saved steps only
    for (size_t k = 0; k < m_cm.m_states.size(); ++k) {
        const auto& site = m_cm.m_states[k];
        const int when = readEveryStep[site.outSlot] ? 0 : 1;
        record[when].push_back("    P_[" + std::to_string(k) + "] = " + h(site.inputSlot) + ";\n");
        commit[when].push_back("    " + h(site.outSlot) + " = P_[" + std::to_string(k) + "];\n");
    }
    const char* params = "double* restrict S, double* restrict R, double* restrict P_";
    std::string recordCalls = parts("sdw_r", params, "S, R, P_", record[0]),
                commitCalls = parts("sdw_c", params, "S, R, P_", commit[0]);
    if (!record[1].empty()) {
        recordCalls +=
            "    if (untilSave == 0) {\n" + parts("sdw_rs", params, "S, R, P_", record[1]) + "    }\n";
        commitCalls +=
            "    if (untilSave == 0) {\n" + parts("sdw_cs", params, "S, R, P_", commit[1]) + "    }\n";
    }
    // The loop's counters live in locals while it runs (no store through L per step) and go back into L when
    // it returns; on a non-finite value L keeps the failing step's n and the row it wrote (L->cur).
    m_text
        << unitOpen(0)
        << "int sdw_loop(LoopState* L, long end) {\n  double* S = L->slots;\n  void* rt = L->rt;\n"
        << "  const double dt = L->dt, start = L->start;\n  double *row = L->row, *const spare = L->spare;\n"
        << "  long n = L->n, untilSave = L->untilSave, saved = L->saved;\n"
        << "  const long steps = L->steps, saveEvery = L->saveEvery, stride = L->rowStride;\n"
        << "  int bad = 0, bad_ = 0;\n";
    if (!m_cm.m_states.empty()) m_text << "  double P_[" << m_cm.m_states.size() << "];\n";
    localsIn();
    m_text << first;
    m_text << "  while (n < end) {\n    double* R = untilSave == 0 ? row : spare;\n    bad_ = 0;\n"
           << "    S[" << CompiledModel::kTimeSlot << "] = S[" << CompiledModel::kHoldTimeSlot
           << "] = start + (double)n * dt;\n";
    if (!m_cm.m_randoms.empty()) m_text << "    sdw_set_draw(rt, n > 0);\n";
    m_text << calls << savedCalls << saves << checks
           << "      L->cur = R;\n      bad = 1;\n      break;\n    }\n"
           << "    if (untilSave == 0) { row += stride; saved++; untilSave = saveEvery - 1; } else "
              "untilSave--;\n"
           << "    if (n == steps) { n = n + 1; break; }\n"
           << recordCalls << integrate << commitCalls << "    n = n + 1;\n  }\n"
           << "  L->n = n;\n  L->untilSave = untilSave;\n  L->saved = saved;\n  L->row = row;\n";
    localsOut("  ");
    m_text << "  return bad;\n}\n#endif\n";
}

// The saved values not written into the row by the program (Time, stocks, constants).
std::string Writer::save() {
    std::vector<std::string> copies;
    for (size_t j = 0; j < m_o.cols.size(); ++j)
        if (m_rowCol[m_o.cols[j]] != static_cast<int>(j) && h(m_o.cols[j]) != "R[" + std::to_string(j) + "]")
            copies.push_back("    R[" + std::to_string(j) + "] = " + h(m_o.cols[j]) + ";\n");
    return parts("sdw_s", "const double* restrict S, double* restrict R", "S, R", copies);
}

// The check of every visible value and every stock (x - x is NaN exactly when x is NaN or infinite). The
// quick form: the row at once, the rest one by one; the optimised form: the row's values as they were
// written (bad_, from the parts), those written twice now, then the visible slots and stocks outside the row.
std::string Writer::check() {
    const size_t cols = m_o.cols.size(), visible = m_cm.columns.size() - 1;
    const uint32_t first = CompiledModel::kFirstFreeSlot;
    std::ostringstream c;
    std::set<uint32_t> inRow(m_o.cols.begin(), m_o.cols.end());
    if (m_o.optimised) {  // the row at once, then the rest through a list of their slots
        // Most visible values outside the row (a batch keeping a few outcomes): every visible slot in one
        // branch-free pass instead (the row's own slots hold their values, or zeros: rowHomes), two lanes at
        // a time in four chains (sdw_sweep): a county run keeping one column takes 30% less CPU than with the
        // list. The stocks past the visible slots stay in the list.
        // Only values checked for NaN are (not a loop score's: RunSpec::vars may save those): the sweep only
        // when every visible value is one.
        size_t outside = 0;
        bool allChecked = true;
        for (uint32_t k = first; k < first + visible; ++k) {
            outside += !inRow.count(k);
            allChecked = allChecked && m_checked[k];
        }
        const bool sweep = allChecked && outside * 4 > visible;
        // Else each long stretch of checked visible slots mostly outside the row is swept the same way (a
        // loop-scoring model's own values, its score columns unchecked beside them: 400 values a step, a
        // fifth of a county re-scoring's run through the list); the rest go in the list.
        std::string rest, stretches;
        for (uint32_t k = first; k < first + visible && !sweep;) {
            if (!m_checked[k]) {
                ++k;
                continue;
            }
            uint32_t end = k;
            size_t out = 0;
            for (; end < first + visible && m_checked[end]; ++end) out += !inRow.count(end);
            if (end - k >= kSweepStretch && out * 4 > end - k)
                stretches += "    any_ |= sdw_sweep(S + " + std::to_string(k) + ", " +
                             std::to_string(end - k) + ");\n";
            else
                for (uint32_t j = k; j < end; ++j)
                    if (!inRow.count(j)) rest += std::to_string(j) + ",";
            k = end;
        }
        for (uint32_t k : m_cm.m_stockSlots)
            if (!inRow.count(k) && k >= first + visible) rest += std::to_string(k) + ",";
        if (sweep || !rest.empty() || !stretches.empty()) {
            m_text << unitOpen(0)
                   << "static int sdw_rest(const double* S) {\n    unsigned long long any_ = 0;\n";
            if (sweep) m_text << "    any_ = sdw_sweep(S + " << first << ", " << visible << ");\n";
            m_text << stretches;
            if (!rest.empty())
                m_text << "    static const unsigned list_[] = {" << rest << "};\n"
                       << "    for (unsigned i = 0; i < sizeof list_ / sizeof list_[0]; ++i) "
                          "SDW_CHK(S[list_[i]]);\n";
            m_text << "    return (int)(any_ >> 63);\n}\n#endif\n";
            rest = "sdw_rest";
        }
        if (!m_postCheck.empty()) {
            c << "    {\n        unsigned long long any_ = 0;";
            for (const auto& r : m_postCheck) c << " SDW_CHK(" << r << ");";
            c << "\n        bad_ |= (int)(any_ >> 63);\n    }\n";
        }
        c << "    if (bad_" << (rest.empty() ? "" : " || sdw_rest(S)");
    } else {
        // The row at once when all of it is checked; else each stretch of checked columns.
        std::vector<std::string> tests;
        bool whole = true;
        for (size_t j = 1; j < cols; ++j) whole = whole && m_checked[m_o.cols[j]];
        for (size_t j = 1; j < cols && !whole; ++j) {
            if (!m_checked[m_o.cols[j]]) continue;
            size_t end = j;
            while (end < cols && m_checked[m_o.cols[end]]) ++end;
            tests.push_back("sdw_nonfinite(R + " + std::to_string(j) + ", " + std::to_string(end - j) + ")");
            j = end;
        }
        if (whole) tests.push_back("sdw_nonfinite(R, " + std::to_string(cols) + ")");
        // The values outside the row in one sum of (x - x): 0, or NaN when any of them is NaN or infinite;
        // one test at the end, not a branch for each (a loop-scoring model's 400 own values a step: a
        // tenth of a county re-scoring's run with libtcc's code).
        std::string sum;
        const auto add = [&](uint32_t k) {
            sum += (sum.empty() ? "(" : "\n        + (") + h(k) + " - " + h(k) + ")";
        };
        for (uint32_t k = first; k < first + visible; ++k)
            if (!inRow.count(k) && m_checked[k]) add(k);
        for (uint32_t k : m_cm.m_stockSlots)
            if (!inRow.count(k) && k >= first + visible) add(k);
        if (!sum.empty()) tests.push_back(sum + " != 0.0");
        c << "    if (";
        if (tests.empty()) c << "0";
        for (size_t k = 0; k < tests.size(); ++k) c << (k ? "\n        || " : "") << tests[k];
    }
    c << ") {\n";
    return c.str();
}

bool Writer::instr(const Instr& in) {
    return arithmetic(in) || function(in) || reduction(in);
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
        case Fn::Round: return "round";  case Fn::Sinh: return "sinh";   case Fn::Cosh: return "cosh";
        case Fn::Tanh: return "tanh";    case Fn::Trunc: return "trunc";
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
    if (in.fn == Fn::Modulo) return "fmod(" + a + ", " + b + ")";
    if (in.fn == Fn::Quantum)
        return "(" + b + " <= 0) ? " + a + " : " + b + " * trunc(" + a + " / " + b + ")";
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
            if (in.b < m_unrolled.size() && m_unrolled[in.b]) {
                set("sdw_lk" + std::to_string(in.b) + "(" + a + ")");
            } else if (in.b < m_inlineTable.size() && m_inlineTable[in.b]) {
                const std::string t = "sdw_t" + std::to_string(in.b);
                set("sdw_lk(" + t + "x, " + t + "y, " + std::to_string(m_cm.m_tables[in.b].xs.size()) + ", " +
                    std::to_string(static_cast<int>(m_cm.m_tables[in.b].kind)) + ", " + a + ")");
            } else {
                set("sdw_lookup(rt, " + std::to_string(in.b) + "u, " + a + ")");
            }
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
            m_out << "    { double a_[" << sim::kMaxRandomArgs << "] = {0";   // every element written: libtcc
            for (size_t k = 1; k < sim::kMaxRandomArgs; ++k) m_out << ", 0";  // has no memset to call
            m_out << "};";
            for (size_t k = 0; k < site.args.size() && k < sim::kMaxRandomArgs; ++k)
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
// False for an operation this writer does not know (the compiler gains operations before the writer does).
bool Writer::reduction(const Instr& in) {
    if (in.op != Op::Sum && in.op != Op::Prod && in.op != Op::MinN && in.op != Op::MaxN &&
        in.op != Op::Mean && in.op != Op::Stddev)
        return false;
    if (in.op == Op::Stddev) {
        m_out << "    { double v_[" << (in.c ? in.c : 1) << "];";
        for (uint32_t k = 0; k < in.c; ++k) m_out << " v_[" << k << "] = " << list(in.a, k) << ";";
        m_out << "\n  ";
        assign(in.dst, "sdw_stddev(v_, " + std::to_string(in.c) + "u)");
        m_out << "    }\n";
        return true;
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
    return true;
}

}  // namespace

CSource writeC(const CompiledModel& cm, const NativeOptions& options) {
    return Writer(cm, options).write();
}

}  // namespace sdw::jit::detail
