// Instruction interpreter, look-ups and random distributions. Layer: solver.
#include "solver/sim/evaluator.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "solver/sim/array_functions.hpp"

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

double drawRandom(const compile::RandomSite& site, const double* s, Rng& rng) {
    using D = compile::RandomSite::Dist;
    auto a = [&](size_t k) { return s[site.args[k]]; };
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

namespace {

inline double fn1(Fn f, double x) {
    switch (f) {
        case Fn::Abs:
            return std::fabs(x);
        case Fn::Exp:
            return std::exp(x);
        case Fn::Ln:
            return std::log(x);
        case Fn::Log10:
            return std::log10(x);
        case Fn::Sqrt:
            return std::sqrt(x);
        case Fn::Sin:
            return std::sin(x);
        case Fn::Cos:
            return std::cos(x);
        case Fn::Tan:
            return std::tan(x);
        case Fn::Asin:
            return std::asin(x);
        case Fn::Acos:
            return std::acos(x);
        case Fn::Atan:
            return std::atan(x);
        case Fn::Int:
            return std::floor(x);
        case Fn::Sign:
            return x > 0 ? 1.0 : x < 0 ? -1.0 : 0.0;
        case Fn::Round:
            return std::round(x);
        case Fn::Sinh:
            return std::sinh(x);
        case Fn::Cosh:
            return std::cosh(x);
        case Fn::Tanh:
            return std::tanh(x);
        case Fn::Trunc:  // Vensim's INTEGER: toward zero (XMILE's INT rounds down)
            return std::trunc(x);
        default:
            return x;
    }
}

inline double fn2(Fn f, double a, double b) {
    switch (f) {
        case Fn::Min2:
            return std::min(a, b);
        case Fn::Max2:
            return std::max(a, b);
        case Fn::Zidz:
        case Fn::SafeDiv2:
            return b == 0 ? 0.0 : a / b;
        case Fn::LogN:
            return std::log(a) / std::log(b);
        case Fn::Quantum:  // Vensim's QUANTUM(a, q): q * INTEGER(a / q), and a itself when q <= 0
            return b <= 0 ? a : b * std::trunc(a / b);
        default:
            return 0;
    }
}

inline double modulo(double a, double b) {
    double r = std::fmod(a, b);
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
}

// The tolerance used when comparing the step's time against event times: time is start + n*dt, exact in
// the step counter, but event times written as decimals (0.1) are not.
inline double tol(double dt) {
    return dt * 1e-6;
}

inline double pulse(double t, double dt, double mag, double first, double every) {
    const double e = tol(dt);
    if (t + e < first) return 0;
    double p = first;
    if (every > 0) {
        const double k = std::ceil((t - e - first) / every);
        p = first + std::max(0.0, k) * every;
    } else if (t - e > first) {
        return 0;
    }
    return (p >= t - e && p < t + dt - e) ? mag / dt : 0;
}

inline double pulseTrain(double t, double dt, double start, double width, double every, double end) {
    const double e = tol(dt);
    if (t + e < start || t - e > end) return 0;
    const double w = std::max(width, dt);
    const double phase = std::isinf(every) ? t - start : modulo(t - start, every);
    return phase < w - e ? 1.0 : 0.0;
}

template <typename F>
double reduce(const uint32_t* list, uint32_t n, const double* s, double init, F f) {
    double acc = init;
    for (uint32_t i = 0; i < n; ++i) acc = f(acc, s[list[i]]);
    return acc;
}

}  // namespace

namespace {

// Any instruction, through a switch. The hot arithmetic has its own dispatch in execute().
void executeOne(const Instr& in, double* s, Runtime& rt, const compile::CompiledModel& cm,
                const uint32_t* lists) {
    using compile::CompiledModel;
    {
        double& d = s[in.dst];
        switch (in.op) {
            case Op::Copy:
                d = s[in.a];
                break;
            case Op::Add:
                d = s[in.a] + s[in.b];
                break;
            case Op::Sub:
                d = s[in.a] - s[in.b];
                break;
            case Op::Mul:
                d = s[in.a] * s[in.b];
                break;
            case Op::Div:
                d = s[in.a] / s[in.b];
                break;
            case Op::Pow:
                d = std::pow(s[in.a], s[in.b]);
                break;
            case Op::Mod:
                d = modulo(s[in.a], s[in.b]);
                break;
            case Op::Neg:
                d = -s[in.a];
                break;
            case Op::Not:
                d = s[in.a] == 0 ? 1.0 : 0.0;
                break;
            case Op::Lt:
                d = s[in.a] < s[in.b] ? 1.0 : 0.0;
                break;
            case Op::Le:
                d = s[in.a] <= s[in.b] ? 1.0 : 0.0;
                break;
            case Op::Gt:
                d = s[in.a] > s[in.b] ? 1.0 : 0.0;
                break;
            case Op::Ge:
                d = s[in.a] >= s[in.b] ? 1.0 : 0.0;
                break;
            case Op::Eq:
                d = s[in.a] == s[in.b] ? 1.0 : 0.0;
                break;
            case Op::Ne:
                d = s[in.a] != s[in.b] ? 1.0 : 0.0;
                break;
            case Op::And:
                d = (s[in.a] != 0 && s[in.b] != 0) ? 1.0 : 0.0;
                break;
            case Op::Or:
                d = (s[in.a] != 0 || s[in.b] != 0) ? 1.0 : 0.0;
                break;
            case Op::Select:
                d = s[in.a] != 0 ? s[in.b] : s[in.c];
                break;
#define SDW_FUSED_CASE(name, o1, o2)        \
    case Op::name:                          \
        d = (s[in.a] o1 s[in.b])o2 s[in.c]; \
        break;
#define SDW_FUSED_RCASE(name, o1, o2)       \
    case Op::name:                          \
        d = s[in.c] o2(s[in.a] o1 s[in.b]); \
        break;
                SDW_FUSED_OPS(SDW_FUSED_CASE, SDW_FUSED_RCASE)
#undef SDW_FUSED_CASE
#undef SDW_FUSED_RCASE
            case Op::Fn1:
                d = fn1(in.fn, s[in.a]);
                break;
            case Op::Fn2:
                d = fn2(in.fn, s[in.a], s[in.b]);
                break;
            case Op::Fn3:
                d = s[in.b] == 0 ? s[in.c] : s[in.a] / s[in.b];
                break;  // XIDZ, SAFEDIV(a, b, x)
            case Op::Lookup:
                d = lookup(cm.m_tables[in.b], s[in.a]);
                break;
            case Op::Step:
                d = s[CompiledModel::kHoldTimeSlot] + tol(s[CompiledModel::kDtSlot]) >= s[in.b] ? s[in.a]
                                                                                                : 0.0;
                break;
            case Op::Pulse:
                d = pulse(s[CompiledModel::kHoldTimeSlot], s[CompiledModel::kDtSlot], s[in.a], s[in.b],
                          s[in.c]);
                break;
            case Op::Ramp: {
                const double t = s[CompiledModel::kHoldTimeSlot];
                d = t > s[in.b] ? s[in.a] * (std::min(t, s[in.c]) - s[in.b]) : 0.0;
                break;
            }
            case Op::PulseTrain: {
                const uint32_t* l = lists + in.a;
                d = pulseTrain(s[CompiledModel::kHoldTimeSlot], s[CompiledModel::kDtSlot], s[l[0]], s[l[1]],
                               s[l[2]], s[l[3]]);
                break;
            }
            case Op::Random:
                if (rt.draw) s[in.b] = drawRandom(cm.m_randoms[in.a], s, rt.rngs[in.a]);
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
                d = reduce(lists + in.a, in.c, s, 0.0, [](double x, double y) { return x + y; });
                break;
            case Op::Prod:
                d = reduce(lists + in.a, in.c, s, 1.0, [](double x, double y) { return x * y; });
                break;
            case Op::MinN:
                d = reduce(lists + in.a, in.c, s, std::numeric_limits<double>::infinity(),
                           [](double x, double y) { return std::min(x, y); });
                break;
            case Op::MaxN:
                d = reduce(lists + in.a, in.c, s, -std::numeric_limits<double>::infinity(),
                           [](double x, double y) { return std::max(x, y); });
                break;
            case Op::Mean:
                d = in.c ? reduce(lists + in.a, in.c, s, 0.0, [](double x, double y) { return x + y; }) / in.c
                         : 0.0;
                break;
            case Op::Stddev: {
                const uint32_t* l = lists + in.a;
                double mean = 0, ss = 0;
                for (uint32_t i = 0; i < in.c; ++i) mean += s[l[i]];
                mean /= in.c ? in.c : 1;
                for (uint32_t i = 0; i < in.c; ++i) ss += (s[l[i]] - mean) * (s[l[i]] - mean);
                d = in.c > 1 ? std::sqrt(ss / in.c) : 0.0;  // population standard deviation, as Stella
                break;
            }
            case Op::ArrayFn:
                d = arrayFunction(in.fn, s, lists + in.a, in.c);
                break;
        }
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
    static void* const kJump[] = {
        &&op_copy,
        &&op_add,
        &&op_sub,
        &&op_mul,
        &&op_div,  // Copy Add Sub Mul Div
        &&op_other,
        &&op_other,
        &&op_neg,
        &&op_other,  // Pow Mod Neg Not
        &&op_lt,
        &&op_le,
        &&op_gt,
        &&op_ge,
        &&op_other,
        &&op_other,
        &&op_other,
        &&op_other,                                    // Lt..Or
        &&op_select,                                   // Select
        SDW_FUSED_OPS(SDW_FUSED_ADDR, SDW_FUSED_ADDR)  // the fused pairs
            && op_other,
        &&op_other,
        &&op_other,
        &&op_other,
        &&op_other,
        &&op_other,
        &&op_other,
        &&op_other,  // Fn1..PulseTrain
        &&op_other,
        &&op_other,
        &&op_other,
        &&op_other,  // Random ClampNonNeg ClampOutflow Override
        &&op_other,
        &&op_other,
        &&op_other,
        &&op_other,
        &&op_other,
        &&op_other,  // Sum..Stddev
        &&op_other,  // ArrayFn
    };
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
op_copy:
    s[ip->dst] = s[ip->a];
    SDW_NEXT();
op_add:
    s[ip->dst] = s[ip->a] + s[ip->b];
    SDW_NEXT();
op_sub:
    s[ip->dst] = s[ip->a] - s[ip->b];
    SDW_NEXT();
op_mul:
    s[ip->dst] = s[ip->a] * s[ip->b];
    SDW_NEXT();
op_div:
    s[ip->dst] = s[ip->a] / s[ip->b];
    SDW_NEXT();
op_neg:
    s[ip->dst] = -s[ip->a];
    SDW_NEXT();
op_lt:
    s[ip->dst] = s[ip->a] < s[ip->b] ? 1.0 : 0.0;
    SDW_NEXT();
op_le:
    s[ip->dst] = s[ip->a] <= s[ip->b] ? 1.0 : 0.0;
    SDW_NEXT();
op_gt:
    s[ip->dst] = s[ip->a] > s[ip->b] ? 1.0 : 0.0;
    SDW_NEXT();
op_ge:
    s[ip->dst] = s[ip->a] >= s[ip->b] ? 1.0 : 0.0;
    SDW_NEXT();
op_select:
    s[ip->dst] = s[ip->a] != 0 ? s[ip->b] : s[ip->c];
    SDW_NEXT();
#define SDW_FUSED_LABEL(name, o1, o2)                           \
    op_##name : s[ip->dst] = (s[ip->a] o1 s[ip->b])o2 s[ip->c]; \
    SDW_NEXT();
#define SDW_FUSED_RLABEL(name, o1, o2)                          \
    op_##name : s[ip->dst] = s[ip->c] o2(s[ip->a] o1 s[ip->b]); \
    SDW_NEXT();
    SDW_FUSED_OPS(SDW_FUSED_LABEL, SDW_FUSED_RLABEL)
#undef SDW_FUSED_LABEL
#undef SDW_FUSED_RLABEL
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
