// The scalar meaning of the instructions that are more than one arithmetic operation: built-in functions,
// time functions and reductions. One definition shared by the interpreter and the compiled path's helpers,
// so both give the same bits. Layer: solver. Depends on compiled_model.hpp only.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "solver/compile/compiled_model.hpp"

namespace sdw::sim::ops {

inline double fn1(compile::Fn f, double x) {
    using compile::Fn;
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

inline double fn2(compile::Fn f, double a, double b) {
    using compile::Fn;
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
        case Fn::Modulo:  // Vensim's MODULO: the dividend's sign (MODULO(-10, 3) = -1 in Vensim's output)
            return std::fmod(a, b);
        default:
            return 0;
    }
}

// XIDZ(a, b, x) and SAFEDIV(a, b, x).
inline double fn3(double a, double b, double x) {
    return b == 0 ? x : a / b;
}

// XMILE's MOD: the result takes the divisor's sign (Vensim's MODULO is fmod: fn2 below).
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

inline double step(double holdTime, double dt, double height, double at) {
    return holdTime + tol(dt) >= at ? height : 0.0;
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

inline double ramp(double t, double slope, double from, double to) {
    return t > from ? slope * (std::min(t, to) - from) : 0.0;
}

inline double pulseTrain(double t, double dt, double start, double width, double every, double end) {
    const double e = tol(dt);
    if (t + e < start || t - e > end) return 0;
    const double w = std::max(width, dt);
    const double phase = std::isinf(every) ? t - start : modulo(t - start, every);
    return phase < w - e ? 1.0 : 0.0;
}

// Population standard deviation of v(0)..v(n-1), as Stella; 0 for fewer than two values.
template <typename V>
double stddev(uint32_t n, V v) {
    double mean = 0, ss = 0;
    for (uint32_t i = 0; i < n; ++i) mean += v(i);
    mean /= n ? n : 1;
    for (uint32_t i = 0; i < n; ++i) ss += (v(i) - mean) * (v(i) - mean);
    return n > 1 ? std::sqrt(ss / n) : 0.0;
}

// Any NaN or infinity among v[0..n): the doubles whose exponent bits are all ones, tested without a branch,
// four lanes at a time (the check runs on every value of every step).
inline bool anyNonFinite(const double* v, size_t n) {
    auto mark = [](double x) {
        uint64_t bits;
        std::memcpy(&bits, &x, sizeof bits);
        return (bits & 0x7ff0000000000000ULL) + 0x0010000000000000ULL;  // bit 63 set only when all ones
    };
    uint64_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        a0 |= mark(v[i]);
        a1 |= mark(v[i + 1]);
        a2 |= mark(v[i + 2]);
        a3 |= mark(v[i + 3]);
    }
    for (; i < n; ++i) a0 |= mark(v[i]);
    return ((a0 | a1 | a2 | a3) >> 63) != 0;
}

}  // namespace sdw::sim::ops
