// Probability distributions of uncertain inputs: uniform, triangular, normal, lognormal and beta, each
// optionally truncated to a range, written as text ("triangular(0.2,0.3,0.4)") in the model file and on the
// command line. Layer: solver (analysis). Standard library only.
#pragma once

#include <optional>
#include <string>

namespace sdw::analysis {

struct Distribution {
    enum class Kind { Uniform, Triangular, Normal, Lognormal, Beta };
    Kind kind = Kind::Uniform;
    // uniform(lo,hi): a=lo b=hi; triangular(lo,mode,hi): a=lo b=mode c=hi; normal(mean,sd) and
    // lognormal(mean,sd): a=mean b=sd (of the value itself, not of its logarithm); beta(alpha,beta,lo,hi):
    // a=alpha b=beta c=lo d=hi.
    double a = 0, b = 1, c = 0, d = 0;
    // Draws are confined to [truncLo, truncHi] when set (the constant's plausible range).
    std::optional<double> truncLo, truncHi;

    double cdf(double x) const;       // of the untruncated distribution
    double quantile(double u) const;  // u in (0,1): the value below which a share u of draws fall (truncated)
    double median() const { return quantile(0.5); }
    double lower() const;  // support (after truncation); may be -inf/+inf
    double upper() const;
    bool operator==(const Distribution&) const = default;
};

// Parses "uniform(lo,hi)", "triangular(lo,mode,hi)", "normal(mean,sd)", "lognormal(mean,sd)" or
// "beta(a,b,lo,hi)" (names case-insensitive, spaces allowed). On a mistake returns nullopt and says what is
// wrong in `error` (for example "triangular needs lo <= mode <= hi").
std::optional<Distribution> parseDistribution(const std::string& text, std::string& error);
// The text parseDistribution reads (without the truncation).
std::string formatDistribution(const Distribution& d);
const char* distributionName(Distribution::Kind k);

// Standard normal CDF and its inverse (accurate to about 1e-15 after one Newton step).
double normalCdf(double z);
double normalQuantile(double p);
// The regularized incomplete beta function I_x(a, b).
double incompleteBeta(double a, double b, double x);
// The two-sided Student t critical value: P(|T| <= t) = level, with `dof` degrees of freedom.
double studentT(double level, double dof);

}  // namespace sdw::analysis
