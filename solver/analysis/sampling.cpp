// Latin hypercube sampling, Iman-Conover rank correlation and percentiles. Layer: solver (analysis).
#include "solver/analysis/sampling.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "solver/analysis/distribution.hpp"

namespace sdw::analysis {
namespace {

using Matrix = std::vector<std::vector<double>>;

Matrix identity(size_t d) {
    Matrix m(d);
    for (size_t i = 0; i < d; ++i) {
        m[i].resize(d, 0.0);
        m[i][i] = 1;
    }
    return m;
}

// Lower-triangular L with L L^T = a; false when a is not positive definite.
bool cholesky(const Matrix& a, Matrix& l) {
    const size_t n = a.size();
    l.assign(n, std::vector<double>(n, 0.0));
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j <= i; ++j) {
            double s = a[i][j];
            for (size_t k = 0; k < j; ++k) s -= l[i][k] * l[j][k];
            if (i == j) {
                if (!(s > 1e-12)) return false;
                l[i][i] = std::sqrt(s);
            } else {
                l[i][j] = s / l[j][j];
            }
        }
    return true;
}

// Pearson correlation matrix of the columns of rows-by-columns data.
Matrix correlation(const Matrix& rows, size_t d) {
    const size_t n = rows.size();
    std::vector<double> mean(d, 0.0), sd(d, 0.0);
    for (const auto& r : rows)
        for (size_t k = 0; k < d; ++k) mean[k] += r[k] / static_cast<double>(n);
    Matrix c(d, std::vector<double>(d, 0.0));
    for (const auto& r : rows)
        for (size_t i = 0; i < d; ++i)
            for (size_t j = 0; j < d; ++j) c[i][j] += (r[i] - mean[i]) * (r[j] - mean[j]);
    for (size_t i = 0; i < d; ++i) sd[i] = std::sqrt(c[i][i]);
    for (size_t i = 0; i < d; ++i)
        for (size_t j = 0; j < d; ++j) c[i][j] /= sd[i] * sd[j];
    return c;
}

std::vector<double> ranks(const std::vector<double>& x) {
    std::vector<size_t> order(x.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return x[a] < x[b]; });
    std::vector<double> r(x.size());
    for (size_t i = 0; i < order.size();) {
        size_t j = i;
        while (j + 1 < order.size() && x[order[j + 1]] == x[order[i]]) ++j;
        for (size_t k = i; k <= j; ++k) r[order[k]] = 0.5 * static_cast<double>(i + j) + 1;
        i = j + 1;
    }
    return r;
}

void shuffle(std::vector<size_t>& v, SplitMix64& rng) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng.next() % i]);  // Fisher-Yates
}

}  // namespace

uint64_t SplitMix64::next() {
    uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::vector<std::vector<double>> latinHypercube(size_t samples, size_t dims, uint64_t seed) {
    SplitMix64 rng(seed);
    std::vector<std::vector<double>> points(samples, std::vector<double>(dims));
    std::vector<size_t> perm(samples);
    for (size_t d = 0; d < dims; ++d) {
        std::iota(perm.begin(), perm.end(), size_t{0});
        shuffle(perm, rng);
        for (size_t i = 0; i < samples; ++i)
            points[i][d] = (static_cast<double>(perm[i]) + rng.uniform()) / static_cast<double>(samples);
    }
    return points;
}

std::vector<std::vector<double>> randomPoints(size_t samples, size_t dims, uint64_t seed) {
    SplitMix64 rng(seed);
    std::vector<std::vector<double>> points(samples, std::vector<double>(dims));
    for (auto& p : points)
        for (auto& x : p) x = rng.uniform();
    return points;
}

bool correlateRanks(std::vector<std::vector<double>>& points, const std::vector<RankCorrelation>& targets,
                    uint64_t seed, std::string& error) {
    if (targets.empty() || points.empty()) return true;
    const size_t n = points.size(), d = points[0].size();
    Matrix want = identity(d);
    for (const auto& t : targets) {
        if (t.i >= d || t.j >= d || t.i == t.j || !(t.rho > -1 && t.rho < 1)) {
            error = "a correlation needs two different inputs and rho strictly between -1 and 1";
            return false;
        }
        // Normal scores with Pearson r have rank correlation (6/pi) asin(r/2): aim for that r.
        want[t.i][t.j] = want[t.j][t.i] = 2 * std::sin(M_PI * t.rho / 6);
    }
    Matrix p, q;
    if (!cholesky(want, p)) {
        error = "the correlations cannot hold together (their matrix is not positive definite)";
        return false;
    }
    if (n < d + 2) {
        error = "rank correlation needs more runs than inputs";
        return false;
    }
    // Scores: van der Waerden normal scores, each column in its own random order.
    SplitMix64 rng(seed ^ 0xC0FFEEULL);
    std::vector<size_t> perm(n);
    Matrix scores(n, std::vector<double>(d));
    for (size_t k = 0; k < d; ++k) {
        std::iota(perm.begin(), perm.end(), size_t{0});
        shuffle(perm, rng);
        for (size_t i = 0; i < n; ++i)
            scores[i][k] = normalQuantile((static_cast<double>(perm[i]) + 1) / (static_cast<double>(n) + 1));
    }
    if (!cholesky(correlation(scores, d), q)) {
        error = "too few runs for the correlations";
        return false;
    }
    // target row = P Q^-1 row: the scores' own chance correlation removed, the wanted one put in.
    for (auto& row : scores) {
        std::vector<double> y(d);
        for (size_t i = 0; i < d; ++i) {  // solve Q y = row
            double s = row[i];
            for (size_t k = 0; k < i; ++k) s -= q[i][k] * y[k];
            y[i] = s / q[i][i];
        }
        for (size_t i = 0; i < d; ++i) {
            row[i] = 0;
            for (size_t k = 0; k <= i; ++k) row[i] += p[i][k] * y[k];
        }
    }
    // Give each column's values the ranks of the target scores.
    std::vector<size_t> order(n);
    std::vector<double> sorted(n);
    for (size_t k = 0; k < d; ++k) {
        for (size_t i = 0; i < n; ++i) sorted[i] = points[i][k];
        std::sort(sorted.begin(), sorted.end());
        std::iota(order.begin(), order.end(), size_t{0});
        std::sort(order.begin(), order.end(),
                  [&](size_t a, size_t b) { return scores[a][k] < scores[b][k]; });
        for (size_t r = 0; r < n; ++r) points[order[r]][k] = sorted[r];
    }
    return true;
}

double percentile(std::vector<double>& values, double p) {
    if (values.empty()) return std::nan("");
    const double h = (static_cast<double>(values.size()) - 1) * std::clamp(p, 0.0, 100.0) / 100;
    const size_t lo = static_cast<size_t>(std::floor(h));
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(lo), values.end());
    const double a = values[lo];
    if (lo + 1 >= values.size()) return a;
    const double b = *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(lo) + 1, values.end());
    return a + (h - static_cast<double>(lo)) * (b - a);
}

double rankCorrelation(const std::vector<double>& x, const std::vector<double>& y) {
    const auto rx = ranks(x), ry = ranks(y);
    Matrix rows(x.size(), std::vector<double>(2));
    for (size_t i = 0; i < x.size(); ++i) rows[i] = {rx[i], ry[i]};
    return correlation(rows, 2)[0][1];
}

}  // namespace sdw::analysis
