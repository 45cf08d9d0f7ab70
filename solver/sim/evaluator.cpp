// Instruction interpreter, look-ups and random distributions. Layer: solver.
#include "solver/sim/evaluator.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "solver/sim/array_functions.hpp"
#include "solver/sim/ops.hpp"

namespace sdw::sim {

using compile::Fn;
using compile::Instr;
using compile::Op;

void Rng::reseed(uint64_t seed) {
    uint64_t z = seed;
    for (auto& s : m_s) {
        z += 0x9e3779b97f4a7c15ULL;
        uint64_t x = z;
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
        s = x ^ (x >> 31);
    }
    m_hasSpare = false;
}

uint64_t Rng::next() {
    auto rotl = [](uint64_t x, int k) { return (x << k) | (x >> (64 - k)); };
    const uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

double Rng::uniform01() {
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

double Rng::normal() {
    if (m_hasSpare) {
        m_hasSpare = false;
        return m_spare;
    }
    double u, v, s;
    do {
        u = 2 * uniform01() - 1;
        v = 2 * uniform01() - 1;
        s = u * u + v * v;
    } while (s >= 1 || s == 0);
    const double f = std::sqrt(-2 * std::log(s) / s);
    m_spare = v * f;
    m_hasSpare = true;
    return u * f;
}

double lookup(const compile::LookupTable& t, double x) {
    const auto& xs = t.xs;
    const auto& ys = t.ys;
    const size_t n = xs.size();
    if (n == 0) return 0;
    if (std::isnan(x)) return x;
    if (n == 1) return ys[0];
    using Kind = model::GraphicalFunction::Kind;
    if (x <= xs[0]) {
        if (t.kind == Kind::Extrapolate && x < xs[0] && xs[1] != xs[0])
            return ys[0] + (x - xs[0]) * (ys[1] - ys[0]) / (xs[1] - xs[0]);
        return ys[0];
    }
    if (x >= xs[n - 1]) {
        if (t.kind == Kind::Extrapolate && x > xs[n - 1] && xs[n - 1] != xs[n - 2])
            return ys[n - 1] + (x - xs[n - 1]) * (ys[n - 1] - ys[n - 2]) / (xs[n - 1] - xs[n - 2]);
        return ys[n - 1];
    }
    const size_t hi = static_cast<size_t>(std::upper_bound(xs.begin(), xs.end(), x) - xs.begin());
    const size_t lo = hi - 1;
    if (t.kind == Kind::Discrete) return ys[lo];
    const double span = xs[hi] - xs[lo];
    if (span == 0) return ys[hi];
    return ys[lo] + (x - xs[lo]) * (ys[hi] - ys[lo]) / span;
}

namespace {

double drawOnce(const compile::RandomSite& site, const double* args, Rng& rng) {
    using D = compile::RandomSite::Dist;
    auto a = [&](size_t k) { return args[k]; };
    switch (site.dist) {
        case D::Uniform:
            return a(0) + (a(1) - a(0)) * rng.uniform01();
        case D::Normal:
            return a(0) + a(1) * rng.normal();
        case D::LogNormal: {
            // Mean and standard deviation of the distribution itself.
            const double m = a(0), sd = a(1);
            if (m <= 0) return 0;
            const double s2 = std::log(1 + (sd * sd) / (m * m));
            return std::exp(std::log(m) - s2 / 2 + std::sqrt(s2) * rng.normal());
        }
        case D::Exponential:
            return -std::log(1 - rng.uniform01()) * a(0);
        case D::Poisson: {
            const double mean = a(0);
            if (!(mean > 0)) return 0;
            if (mean > 500) return std::max(0.0, std::round(mean + std::sqrt(mean) * rng.normal()));
            const double limit = std::exp(-mean);
            double p = rng.uniform01();
            int k = 0;
            while (p > limit) {
                p *= rng.uniform01();
                ++k;
            }
            return k;
        }
        case D::Triangular: {
            const double lo = a(0), mode = a(1), hi = a(2);
            if (!(hi > lo)) return lo;
            const double u = rng.uniform01(), f = (mode - lo) / (hi - lo);
            return u < f ? lo + std::sqrt(u * (hi - lo) * (mode - lo))
                         : hi - std::sqrt((1 - u) * (hi - lo) * (hi - mode));
        }
    }
    return 0;
}

}  // namespace

size_t randomParameters(compile::RandomSite::Dist dist) {
    using D = compile::RandomSite::Dist;
    return dist == D::Exponential || dist == D::Poisson ? 1 : dist == D::Triangular ? 3 : 2;
}

double drawRandom(const compile::RandomSite& site, const double* args, Rng& rng) {
    const size_t bounds = randomParameters(site.dist) + 1;  // min and max follow the seed
    if (site.args.size() < bounds + 2) return drawOnce(site, args, rng);
    const double lo = args[bounds], hi = args[bounds + 1];
    for (int k = 0; k < kTruncatedTries; ++k)
        if (const double v = drawOnce(site, args, rng); v >= lo && v <= hi) return v;
    return std::numeric_limits<double>::quiet_NaN();
}

double drawRandomAt(const compile::RandomSite& site, const double* slots, Rng& rng) {
    double args[kMaxRandomArgs] = {};
    for (size_t k = 0; k < site.args.size() && k < kMaxRandomArgs; ++k) args[k] = slots[site.args[k]];
    return drawRandom(site, args, rng);
}

namespace {

template <typename F>
double reduce(const uint32_t* list, uint32_t n, const double* s, double init, F f) {
    double acc = init;
    for (uint32_t i = 0; i < n; ++i) acc = f(acc, s[list[i]]);
    return acc;
}

// Arithmetic, comparison and logic: dst = a op b (or op a, or a fused pair).
double arithmetic(const Instr& in, const double* s) {
    switch (in.op) {
        case Op::Copy:
            return s[in.a];
        case Op::Add:
            return s[in.a] + s[in.b];
        case Op::Sub:
            return s[in.a] - s[in.b];
        case Op::Mul:
            return s[in.a] * s[in.b];
        case Op::Div:
            return s[in.a] / s[in.b];
        case Op::Pow:
            return std::pow(s[in.a], s[in.b]);
        case Op::Mod:
            return ops::modulo(s[in.a], s[in.b]);
        case Op::Neg:
            return -s[in.a];
        case Op::Not:
            return s[in.a] == 0 ? 1.0 : 0.0;
        case Op::Lt:
            return s[in.a] < s[in.b] ? 1.0 : 0.0;
        case Op::Le:
            return s[in.a] <= s[in.b] ? 1.0 : 0.0;
        case Op::Gt:
            return s[in.a] > s[in.b] ? 1.0 : 0.0;
        case Op::Ge:
            return s[in.a] >= s[in.b] ? 1.0 : 0.0;
        case Op::Eq:
            return s[in.a] == s[in.b] ? 1.0 : 0.0;
        case Op::Ne:
            return s[in.a] != s[in.b] ? 1.0 : 0.0;
        case Op::And:
            return (s[in.a] != 0 && s[in.b] != 0) ? 1.0 : 0.0;
        case Op::Or:
            return (s[in.a] != 0 || s[in.b] != 0) ? 1.0 : 0.0;
        case Op::Select:
            return s[in.a] != 0 ? s[in.b] : s[in.c];
#define SDW_FUSED_CASE(name, o1, o2) \
    case Op::name:                   \
        return (s[in.a] o1 s[in.b])o2 s[in.c];
#define SDW_FUSED_RCASE(name, o1, o2) \
    case Op::name:                    \
        return s[in.c] o2(s[in.a] o1 s[in.b]);
            SDW_FUSED_OPS(SDW_FUSED_CASE, SDW_FUSED_RCASE)
#undef SDW_FUSED_CASE
#undef SDW_FUSED_RCASE
        default:
            return 0;
    }
}

// Reductions over an operand list: SUM, PROD, MIN, MAX, MEAN, STDDEV.
double reduction(const Instr& in, const double* s, const uint32_t* lists) {
    const uint32_t* l = lists + in.a;
    switch (in.op) {
        case Op::Sum:
            return reduce(l, in.c, s, 0.0, [](double x, double y) { return x + y; });
        case Op::Prod:
            return reduce(l, in.c, s, 1.0, [](double x, double y) { return x * y; });
        case Op::MinN:
            return reduce(l, in.c, s, std::numeric_limits<double>::infinity(),
                          [](double x, double y) { return std::min(x, y); });
        case Op::MaxN:
            return reduce(l, in.c, s, -std::numeric_limits<double>::infinity(),
                          [](double x, double y) { return std::max(x, y); });
        case Op::Mean:
            return in.c ? reduce(l, in.c, s, 0.0, [](double x, double y) { return x + y; }) / in.c : 0.0;
        default:  // Stddev
            return ops::stddev(in.c, [&](uint32_t i) { return s[l[i]]; });
    }
}

// Any instruction, through a switch. The hot arithmetic has its own dispatch in execute().
void executeOne(const Instr& in, double* s, Runtime& rt, const compile::CompiledModel& cm,
                const uint32_t* lists) {
    using compile::CompiledModel;
    const double t = s[CompiledModel::kHoldTimeSlot], dt = s[CompiledModel::kDtSlot];
    double& d = s[in.dst];
    switch (in.op) {
        case Op::Fn1:
            d = ops::fn1(in.fn, s[in.a]);
            break;
        case Op::Fn2:
            d = ops::fn2(in.fn, s[in.a], s[in.b]);
            break;
        case Op::Fn3:
            d = ops::fn3(s[in.a], s[in.b], s[in.c]);
            break;
        case Op::Lookup:
            d = lookup(cm.m_tables[in.b], s[in.a]);
            break;
        case Op::Step:
            d = ops::step(t, dt, s[in.a], s[in.b]);
            break;
        case Op::Pulse:
            d = ops::pulse(t, dt, s[in.a], s[in.b], s[in.c]);
            break;
        case Op::Ramp:
            d = ops::ramp(t, s[in.a], s[in.b], s[in.c]);
            break;
        case Op::PulseTrain:
            d = ops::pulseTrain(t, dt, s[lists[in.a]], s[lists[in.a + 1]], s[lists[in.a + 2]],
                                s[lists[in.a + 3]]);
            break;
        case Op::Random:
            if (rt.draw) s[in.b] = drawRandomAt(cm.m_randoms[in.a], s, rt.rngs[in.a]);
            d = s[in.b];
            break;
        case Op::ClampNonNeg:
            d = std::max(0.0, s[in.a]);
            break;
        case Op::ClampOutflow:
            d = std::min(s[in.a], std::max(0.0, s[in.b]));
            break;
        case Op::Override:
            if (!std::isnan(s[in.a])) d = s[in.a];
            break;
        case Op::Sum:
        case Op::Prod:
        case Op::MinN:
        case Op::MaxN:
        case Op::Mean:
        case Op::Stddev:
            d = reduction(in, s, lists);
            break;
        case Op::ArrayFn:
            d = arrayFunction(in.fn, s, lists + in.a, in.c);
            break;
        default:
            d = arithmetic(in, s);
            break;
    }
}

}  // namespace

// Threaded dispatch (GCC and Clang "labels as values"): each handler jumps straight to the next one, which
// predicts far better than one shared switch. Ops without a label here go through executeOne().
void execute(const std::vector<Instr>& prog, double* s, Runtime& rt) {
    const compile::CompiledModel& cm = *rt.model;
    const uint32_t* lists = cm.m_lists.data();
    const Instr* ip = prog.data();
    const Instr* const end = ip + prog.size();
    if (ip == end) return;
#if defined(__GNUC__)
#define SDW_FUSED_ADDR(name, o1, o2) &&op_##name,
    // One entry per op, in the order of the Op enum; ops without a handler of their own go to op_other.
    // clang-format off
    static void* const kJump[] = {
        &&op_copy, &&op_add, &&op_sub, &&op_mul, &&op_div,             // Copy Add Sub Mul Div
        &&op_other, &&op_other, &&op_neg, &&op_other,                  // Pow Mod Neg Not
        &&op_lt, &&op_le, &&op_gt, &&op_ge,                            // Lt Le Gt Ge
        &&op_other, &&op_other, &&op_other, &&op_other,                // Eq Ne And Or
        &&op_select,                                                   // Select
        SDW_FUSED_OPS(SDW_FUSED_ADDR, SDW_FUSED_ADDR)                  // the fused pairs
        &&op_other, &&op_other, &&op_other, &&op_other,                // Fn1 Fn2 Fn3 Lookup
        &&op_other, &&op_other, &&op_other, &&op_other,                // Step Pulse Ramp PulseTrain
        &&op_other, &&op_other, &&op_other, &&op_other,                // Random ClampNonNeg ClampOutflow Override
        &&op_other, &&op_other, &&op_other, &&op_other, &&op_other, &&op_other,  // Sum..Stddev
        &&op_other,                                                              // ArrayFn
    };
    // clang-format on
#undef SDW_FUSED_ADDR
    static_assert(static_cast<size_t>(Op::ArrayFn) + 1 == sizeof(kJump) / sizeof(kJump[0]),
                  "kJump must follow the Op enum");
#define SDW_DISPATCH() goto* kJump[static_cast<size_t>(ip->op)]
#define SDW_NEXT()               \
    do {                         \
        if (++ip == end) return; \
        SDW_DISPATCH();          \
    } while (0)
    SDW_DISPATCH();
#define SDW_HANDLE(label, value) \
    label:                       \
    s[ip->dst] = (value);        \
    SDW_NEXT();
#define SDW_A s[ip->a]
#define SDW_B s[ip->b]
#define SDW_C s[ip->c]
    // clang-format off
    SDW_HANDLE(op_copy, SDW_A)
    SDW_HANDLE(op_add, SDW_A + SDW_B)
    SDW_HANDLE(op_sub, SDW_A - SDW_B)
    SDW_HANDLE(op_mul, SDW_A * SDW_B)
    SDW_HANDLE(op_div, SDW_A / SDW_B)
    SDW_HANDLE(op_neg, -SDW_A)
    SDW_HANDLE(op_lt, SDW_A < SDW_B ? 1.0 : 0.0)
    SDW_HANDLE(op_le, SDW_A <= SDW_B ? 1.0 : 0.0)
    SDW_HANDLE(op_gt, SDW_A > SDW_B ? 1.0 : 0.0)
    SDW_HANDLE(op_ge, SDW_A >= SDW_B ? 1.0 : 0.0)
    SDW_HANDLE(op_select, SDW_A != 0 ? SDW_B : SDW_C)
#define SDW_FUSED_LABEL(name, o1, o2) SDW_HANDLE(op_##name, (SDW_A o1 SDW_B) o2 SDW_C)
#define SDW_FUSED_RLABEL(name, o1, o2) SDW_HANDLE(op_##name, SDW_C o2 (SDW_A o1 SDW_B))
    SDW_FUSED_OPS(SDW_FUSED_LABEL, SDW_FUSED_RLABEL)
    // clang-format on
#undef SDW_FUSED_LABEL
#undef SDW_FUSED_RLABEL
#undef SDW_A
#undef SDW_B
#undef SDW_C
#undef SDW_HANDLE
op_other:
    executeOne(*ip, s, rt, cm, lists);
    SDW_NEXT();
#undef SDW_NEXT
#undef SDW_DISPATCH
#else
    for (; ip != end; ++ip) executeOne(*ip, s, rt, cm, lists);
#endif
}

}  // namespace sdw::sim
