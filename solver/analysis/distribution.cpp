// Distributions of uncertain inputs: parsing, CDFs and quantiles (inverse transform sampling, so a Latin
// hypercube stratum maps to a stratum of the distribution). Layer: solver (analysis). Standard library only.
#include "solver/analysis/distribution.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <vector>

namespace sdw::analysis {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct LogParams {
    double mu, sigma;
};
// lognormal(mean, sd) is written with the mean and sd of the value; the normal of its log has these.
LogParams logParams(double mean, double sd) {
    const double s2 = std::log1p((sd * sd) / (mean * mean));
    return {std::log(mean) - s2 / 2, std::sqrt(s2)};
}

// Bisection for a non-decreasing f on [lo, hi]: the x where f crosses target.
template <class F>
double invert(F f, double target, double lo, double hi) {
    for (int i = 0; i < 200 && hi - lo > 1e-15 * std::max(1.0, std::fabs(lo) + std::fabs(hi)); ++i) {
        const double mid = 0.5 * (lo + hi);
        (f(mid) < target ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

double untruncatedQuantile(const Distribution& d, double u) {
    using K = Distribution::Kind;
    switch (d.kind) {
        case K::Uniform:
            return d.a + u * (d.b - d.a);
        case K::Triangular: {
            const double lo = d.a, m = d.b, hi = d.c;
            if (hi <= lo) return lo;
            if (u < (m - lo) / (hi - lo)) return lo + std::sqrt(u * (hi - lo) * (m - lo));
            return hi - std::sqrt((1 - u) * (hi - lo) * (hi - m));
        }
        case K::Normal:
            return d.a + d.b * normalQuantile(u);
        case K::Lognormal: {
            const auto p = logParams(d.a, d.b);
            return std::exp(p.mu + p.sigma * normalQuantile(u));
        }
        case K::Beta: {
            const double x = invert([&](double t) { return incompleteBeta(d.a, d.b, t); }, u, 0.0, 1.0);
            return d.c + x * (d.d - d.c);
        }
    }
    return d.a;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string num(double v) {
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

// The arguments between the parentheses, as numbers; nullopt (with error) on anything else.
std::optional<std::vector<double>> arguments(const std::string& inner, std::string& error) {
    std::vector<double> out;
    size_t start = 0;
    while (start <= inner.size()) {
        size_t end = inner.find(',', start);
        if (end == std::string::npos) end = inner.size();
        const std::string t = trimmed(inner.substr(start, end - start));
        double v = 0;
        auto r = std::from_chars(t.data(), t.data() + t.size(), v);
        if (t.empty() || r.ec != std::errc() || r.ptr != t.data() + t.size() || !std::isfinite(v)) {
            error = "'" + t + "' is not a number";
            return std::nullopt;
        }
        out.push_back(v);
        start = end + 1;
    }
    return out;
}

std::optional<Distribution> check(Distribution d, std::string& error) {
    using K = Distribution::Kind;
    switch (d.kind) {
        case K::Uniform:
            if (!(d.a < d.b)) error = "uniform(lo,hi) needs lo below hi";
            break;
        case K::Triangular:
            if (!(d.a <= d.b && d.b <= d.c && d.a < d.c))
                error = "triangular(lo,mode,hi) needs lo <= mode <= hi";
            break;
        case K::Normal:
            if (!(d.b > 0)) error = "normal(mean,sd) needs sd above 0";
            break;
        case K::Lognormal:
            if (!(d.a > 0 && d.b > 0)) error = "lognormal(mean,sd) needs mean and sd above 0";
            break;
        case K::Beta:
            if (!(d.a > 0 && d.b > 0 && d.c < d.d))
                error = "beta(a,b,lo,hi) needs a and b above 0 and lo below hi";
            break;
    }
    if (!error.empty()) return std::nullopt;
    return d;
}

}  // namespace

const char* distributionName(Distribution::Kind k) {
    switch (k) {
        case Distribution::Kind::Uniform:
            return "uniform";
        case Distribution::Kind::Triangular:
            return "triangular";
        case Distribution::Kind::Normal:
            return "normal";
        case Distribution::Kind::Lognormal:
            return "lognormal";
        case Distribution::Kind::Beta:
            return "beta";
    }
    return "uniform";
}

double normalCdf(double z) {
    return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

double normalQuantile(double p) {
    if (p <= 0) return -kInf;
    if (p >= 1) return kInf;
    // Acklam's rational approximation (relative error 1.2e-9), then one Halley step on erfc.
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                               1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                               6.680131188771972e+01, -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                               -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                               3.754408661907416e+00};
    constexpr double kLow = 0.02425;
    double x = 0;
    if (p < kLow || p > 1 - kLow) {
        const double q = std::sqrt(-2 * std::log(p < kLow ? p : 1 - p));
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        if (p > 1 - kLow) x = -x;
    } else {
        const double q = p - 0.5, r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
    const double e = normalCdf(x) - p;
    const double u = e * std::sqrt(2 * M_PI) * std::exp(x * x / 2);
    return x - u / (1 + x * u / 2);
}

double incompleteBeta(double a, double b, double x) {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    if (x > (a + 1) / (a + b + 2))
        return 1 - incompleteBeta(b, a, 1 - x);  // the fraction converges fast here
    const double front = std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) +
                                  b * std::log1p(-x)) /
                         a;
    // Continued fraction by the modified Lentz method.
    constexpr double kTiny = 1e-300;
    double f = 1, num = 1, den = 0;
    for (int i = 0; i <= 400; ++i) {
        const double m = i / 2;
        double term = 1;
        if (i > 0 && i % 2 == 0) term = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
        if (i % 2 == 1) term = -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
        den = 1 + term * den;
        den = 1 / (std::fabs(den) < kTiny ? kTiny : den);
        num = 1 + term / num;
        if (std::fabs(num) < kTiny) num = kTiny;
        f *= num * den;
        if (std::fabs(1 - num * den) < 1e-15) break;
    }
    return front * (f - 1);
}

double studentT(double level, double dof) {
    // P(|T| > t) = I_{dof/(dof+t^2)}(dof/2, 1/2), which falls as t grows.
    const double tail = 1 - level;
    return invert([&](double t) { return -incompleteBeta(dof / 2, 0.5, dof / (dof + t * t)); }, -tail, 0.0,
                  1e4);
}

double Distribution::cdf(double x) const {
    switch (kind) {
        case Kind::Uniform:
            return std::clamp((x - a) / (b - a), 0.0, 1.0);
        case Kind::Triangular:
            if (x <= a) return 0;
            if (x >= c) return 1;
            if (x <= b) return (x - a) * (x - a) / ((c - a) * (b - a));
            return 1 - (c - x) * (c - x) / ((c - a) * (c - b));
        case Kind::Normal:
            return normalCdf((x - a) / b);
        case Kind::Lognormal: {
            if (x <= 0) return 0;
            const auto p = logParams(a, b);
            return normalCdf((std::log(x) - p.mu) / p.sigma);
        }
        case Kind::Beta:
            return incompleteBeta(a, b, std::clamp((x - c) / (d - c), 0.0, 1.0));
    }
    return 0;
}

double Distribution::quantile(double u) const {
    const double f0 = truncLo ? cdf(*truncLo) : 0.0, f1 = truncHi ? cdf(*truncHi) : 1.0;
    double x = f1 > f0 ? untruncatedQuantile(*this, f0 + u * (f1 - f0)) : untruncatedQuantile(*this, u);
    if (truncLo) x = std::max(x, *truncLo);
    if (truncHi) x = std::min(x, *truncHi);
    return x;
}

double Distribution::lower() const {
    double lo = kind == Kind::Uniform || kind == Kind::Triangular ? a
                : kind == Kind::Beta                              ? c
                : kind == Kind::Lognormal                         ? 0.0
                                                                  : -kInf;
    return truncLo ? std::max(lo, *truncLo) : lo;
}

double Distribution::upper() const {
    double hi = kind == Kind::Uniform ? b : kind == Kind::Triangular ? c : kind == Kind::Beta ? d : kInf;
    return truncHi ? std::min(hi, *truncHi) : hi;
}

std::optional<Distribution> parseDistribution(const std::string& text, std::string& error) {
    error.clear();
    const std::string t = trimmed(text);
    const auto open = t.find('(');
    if (open == std::string::npos || t.back() != ')') {
        error = "write a distribution as name(numbers), e.g. triangular(0.2,0.3,0.4); got '" + t + "'";
        return std::nullopt;
    }
    const std::string name = lower(trimmed(t.substr(0, open)));
    struct Shape {
        const char* name;
        Distribution::Kind kind;
        size_t args;
        const char* usage;
    };
    static const Shape shapes[] = {
        {"uniform", Distribution::Kind::Uniform, 2, "uniform(lo,hi)"},
        {"triangular", Distribution::Kind::Triangular, 3, "triangular(lo,mode,hi)"},
        {"normal", Distribution::Kind::Normal, 2, "normal(mean,sd)"},
        {"lognormal", Distribution::Kind::Lognormal, 2, "lognormal(mean,sd)"},
        {"beta", Distribution::Kind::Beta, 4, "beta(a,b,lo,hi)"}};
    for (const auto& s : shapes) {
        if (name != s.name) continue;
        auto args = arguments(t.substr(open + 1, t.size() - open - 2), error);
        if (!args) return std::nullopt;
        if (args->size() != s.args) {
            error = std::string("write ") + s.usage + " (" + std::to_string(s.args) + " numbers, got " +
                    std::to_string(args->size()) + ")";
            return std::nullopt;
        }
        Distribution d;
        d.kind = s.kind;
        const auto& v = *args;
        d.a = v[0];
        d.b = v[1];
        if (v.size() > 2) d.c = v[2];
        if (v.size() > 3) d.d = v[3];
        return check(d, error);
    }
    error = "unknown distribution '" + name + "' (use uniform, triangular, normal, lognormal or beta)";
    return std::nullopt;
}

std::string formatDistribution(const Distribution& d) {
    std::string s = std::string(distributionName(d.kind)) + "(" + num(d.a) + "," + num(d.b);
    if (d.kind == Distribution::Kind::Triangular || d.kind == Distribution::Kind::Beta) s += "," + num(d.c);
    if (d.kind == Distribution::Kind::Beta) s += "," + num(d.d);
    return s + ")";
}

}  // namespace sdw::analysis
