// Listing a model's constants with their ranges and distributions. Layer: solver (analysis). No GUI, no Lua.
#include "solver/analysis/constants.hpp"

#include <charconv>

namespace sdw::analysis {
namespace {

std::optional<double> literal(const std::string& eq) {
    const auto b = eq.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return std::nullopt;
    const auto e = eq.find_last_not_of(" \t\r\n") + 1;
    double v = 0;
    auto r = std::from_chars(eq.data() + b, eq.data() + e, v);
    if (r.ec != std::errc() || r.ptr != eq.data() + e) return std::nullopt;
    return v;
}

}  // namespace

std::optional<Distribution> modelDistribution(const model::Variable& v) {
    if (!v.uncertainty) return std::nullopt;
    const auto& u = *v.uncertainty;
    std::string error;
    if (!u.distribution.empty()) {
        if (auto d = parseDistribution(u.distribution, error)) {
            d->truncLo = u.min;
            d->truncHi = u.max;
            return d;
        }
    }
    if (!(u.min < u.max)) return std::nullopt;
    Distribution d;
    d.a = u.min;
    d.b = u.max;
    return d;
}

std::vector<ConstantInfo> listConstants(const model::Project& project) {
    std::vector<ConstantInfo> out;
    for (const auto& v : project.main().variables) {
        if (v.kind != model::VarKind::Aux || v.gf || !v.dimensions.empty()) continue;
        const auto value = literal(v.equation);
        if (!value) continue;
        ConstantInfo c;
        c.name = v.name;
        c.value = *value;
        c.units = v.units;
        c.source = v.doc;
        if (v.uncertainty) {
            c.min = v.uncertainty->min;
            c.max = v.uncertainty->max;
            if (auto d = modelDistribution(v)) c.distribution = formatDistribution(*d);
        }
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace sdw::analysis
