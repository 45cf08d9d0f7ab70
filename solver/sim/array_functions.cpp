// Vensim's array functions (see array_functions.hpp). Each call works out the whole vector and returns one
// element: arrays in these models are small (tens of elements), and no state is kept between calls.
// Layer: solver.
#include "solver/sim/array_functions.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

namespace sdw::sim {
namespace {

using compile::Fn;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<double> values(const double* s, const uint32_t* list, uint32_t from, uint32_t n) {
    std::vector<double> v(n);
    for (uint32_t k = 0; k < n; ++k) v[k] = s[list[from + k]];
    return v;
}

size_t index(double position) {
    return static_cast<size_t>(std::max(0.0, position));
}

// Element indices in sorted order: ascending when direction > 0, else descending; ties keep their order.
std::vector<size_t> sortOrder(const std::vector<double>& v, double direction) {
    std::vector<size_t> order(v.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return direction > 0 ? v[a] < v[b] : v[a] > v[b]; });
    return order;
}

double vectorSelect(const std::vector<double>& sel, const std::vector<double>& x, double missing, int action,
                    int errorAction) {
    std::vector<double> picked;
    for (size_t k = 0; k < sel.size(); ++k) {
        if (sel[k] == 0) continue;
        if (action <= 4)
            picked.push_back(sel[k] * x[k]);
        else if (action == 5)
            picked.push_back(std::pow(x[k], sel[k]));
        else
            picked.push_back(x[k]);
    }
    if ((errorAction == 1 || errorAction == 3) && picked.empty()) return kNaN;
    if ((errorAction == 2 || errorAction == 3) && picked.size() > 1) return kNaN;
    if (picked.empty()) return missing;
    switch (action) {
        case 0:
        case 6:
            return std::accumulate(picked.begin(), picked.end(), 0.0);
        case 1:
        case 5:
        case 7:
            return std::accumulate(picked.begin(), picked.end(), 1.0, std::multiplies<>());
        case 2:
        case 8:
            return *std::min_element(picked.begin(), picked.end());
        case 3:
        case 9:
            return *std::max_element(picked.begin(), picked.end());
        case 4:
        case 10:
            return std::accumulate(picked.begin(), picked.end(), 0.0) / static_cast<double>(picked.size());
        default:
            return kNaN;
    }
}

// P(Z > z) for a standard normal Z as Vensim's normal priority profile computes it: Abramowitz and Stegun,
// Handbook of Mathematical Functions, 26.2.16 (three terms, absolute error below 1e-5), not the exact erfc.
// Far out in the tail the two differ by percents, and so do allocations there: test-models
// allocate_available (Vensim 9.2.4), whose normal-profile allocations follow 26.2.16 to 1e-5 and differ from
// the exact curve by up to 1.7%.
double normalTail(double z) {
    if (z < 0) return 1 - normalTail(-z);
    const double t = 1 / (1 + 0.33267 * z);
    const double density = std::exp(-z * z / 2) / std::sqrt(2 * M_PI);
    return density * t * (0.4361836 + t * (-0.1201676 + t * 0.9372980));
}

// The share of its request a target with priority profile (type, priority, width) gets when the priority
// threshold is x: 1 well below its priority, 0 well above (Vensim's demand curves: 1 rectangular,
// 2 triangular, 3 normal, 4 exponential). NaN for a profile sdw does not have.
double share(int type, double p, double w, double x) {
    if (!(w > 0)) return kNaN;
    const double lo = p - w / 2, hi = p + w / 2;
    switch (type) {
        case 1:
            return x <= lo ? 1.0 : x >= hi ? 0.0 : 1 - (x - lo) / w;
        case 2:
            if (x <= lo) return 1.0;
            if (x < p) return 1 - 2 * (x - lo) * (x - lo) / (w * w);
            return x < hi ? 2 * (hi - x) * (hi - x) / (w * w) : 0.0;
        case 3:
            return normalTail((x - p) / w);
        case 4:
            return x < p ? 1 - 0.5 * std::exp((x - p) / w) : 0.5 * std::exp((p - x) / w);
        default:
            return kNaN;
    }
}

struct Profile {
    int type;
    double priority, width;
};

// Allocates `available` among `request` so that every target gets request x share(threshold) for one
// common priority threshold; returns target `pos`'s allocation. The total falls as the threshold rises, so
// bisection finds it.
double allocate(const std::vector<double>& request, const std::vector<Profile>& profile, double available,
                size_t pos) {
    double total = 0, lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (size_t k = 0; k < request.size(); ++k) {
        if (request[k] < 0 || std::isnan(share(profile[k].type, 0, profile[k].width, 0))) return kNaN;
        total += request[k];
        lo = std::min(lo, profile[k].priority - 40 * profile[k].width);
        hi = std::max(hi, profile[k].priority + 40 * profile[k].width);
    }
    if (available >= total) return request[pos];
    if (!(available > 0)) return 0.0;
    auto given = [&](double x) {
        double sum = 0;
        for (size_t k = 0; k < request.size(); ++k)
            sum += request[k] * share(profile[k].type, profile[k].priority, profile[k].width, x);
        return sum;
    };
    for (int it = 0; it < 200; ++it) {
        const double mid = lo + (hi - lo) / 2;
        if (mid <= lo || mid >= hi) break;
        (given(mid) > available ? lo : hi) = mid;
    }
    const Profile& p = profile[pos];
    return request[pos] * share(p.type, p.priority, p.width, lo + (hi - lo) / 2);
}

// Element (row, column) of the inverse of the n x n matrix m, by Gauss-Jordan elimination with partial
// pivoting; NaN when the matrix is singular.
double inverseElement(std::vector<double> m, size_t n, size_t row, size_t column) {
    std::vector<double> inv(n * n, 0.0);
    for (size_t k = 0; k < n; ++k) inv[k * n + k] = 1;
    for (size_t c = 0; c < n; ++c) {
        size_t pivot = c;
        for (size_t r = c + 1; r < n; ++r)
            if (std::fabs(m[r * n + c]) > std::fabs(m[pivot * n + c])) pivot = r;
        if (m[pivot * n + c] == 0) return kNaN;
        for (size_t k = 0; k < n; ++k) {
            std::swap(m[c * n + k], m[pivot * n + k]);
            std::swap(inv[c * n + k], inv[pivot * n + k]);
        }
        const double d = m[c * n + c];
        for (size_t k = 0; k < n; ++k) m[c * n + k] /= d, inv[c * n + k] /= d;
        for (size_t r = 0; r < n; ++r) {
            if (r == c || m[r * n + c] == 0) continue;
            const double f = m[r * n + c];
            for (size_t k = 0; k < n; ++k)
                m[r * n + k] -= f * m[c * n + k], inv[r * n + k] -= f * inv[c * n + k];
        }
    }
    return inv[row * n + column];
}

double allocateAvailable(const double* s, const uint32_t* list, uint32_t count) {
    const uint32_t n = (count - 2) / 5;
    const std::vector<double> request = values(s, list, 2, n), pp = values(s, list, 2 + n, 4 * n);
    std::vector<Profile> profile;
    for (uint32_t k = 0; k < n; ++k)
        profile.push_back({static_cast<int>(std::lround(pp[4 * k])), pp[4 * k + 1], pp[4 * k + 2]});
    return allocate(request, profile, s[list[1]], index(s[list[0]]));
}

double allocateByPriority(const double* s, const uint32_t* list, uint32_t count) {
    // ALLOCATE AVAILABLE with rectangular profiles of one width: the highest priority is served first,
    // and a lower one starts once the threshold comes within the width of it.
    const uint32_t n = (count - 3) / 2;
    const std::vector<double> request = values(s, list, 3, n), priority = values(s, list, 3 + n, n);
    std::vector<Profile> profile;
    for (uint32_t k = 0; k < n; ++k) profile.push_back({1, priority[k], s[list[1]]});
    return allocate(request, profile, s[list[2]], index(s[list[0]]));
}

}  // namespace

double arrayFunction(Fn fn, const double* s, const uint32_t* list, uint32_t count) {
    switch (fn) {
        case Fn::VectorSortOrder:
        case Fn::VectorRank: {
            const std::vector<size_t> order = sortOrder(values(s, list, 2, count - 2), s[list[1]]);
            const size_t pos = std::min(index(s[list[0]]), order.size() - 1);
            if (fn == Fn::VectorSortOrder) return static_cast<double>(order[pos]);
            return static_cast<double>(std::find(order.begin(), order.end(), pos) - order.begin() + 1);
        }
        case Fn::VectorElmMap: {
            const double at = s[list[0]] + std::round(s[list[1]]);
            if (!(at >= 0 && at < count - 2)) return kNaN;
            return s[list[2 + static_cast<size_t>(at)]];
        }
        case Fn::VectorReorder: {
            const uint32_t n = (count - 1) / 2;
            const double at = std::round(s[list[1 + n + std::min(index(s[list[0]]), size_t{n} - 1)]]);
            return at >= 0 && at < n ? s[list[1 + static_cast<size_t>(at)]] : kNaN;
        }
        case Fn::VectorSelect: {
            const uint32_t n = (count - 3) / 2;
            return vectorSelect(values(s, list, 3, n), values(s, list, 3 + n, n), s[list[0]],
                                static_cast<int>(std::lround(s[list[1]])),
                                static_cast<int>(std::lround(s[list[2]])));
        }
        case Fn::AllocateAvailable:
            return allocateAvailable(s, list, count);
        case Fn::AllocateByPriority:
            return allocateByPriority(s, list, count);
        case Fn::InvertMatrix: {
            const size_t n = static_cast<size_t>(std::lround(std::sqrt(count - 1)));
            const size_t pos = index(s[list[0]]);
            return inverseElement(values(s, list, 1, count - 1), n, pos / n, pos % n);
        }
        default:
            return kNaN;
    }
}

}  // namespace sdw::sim
