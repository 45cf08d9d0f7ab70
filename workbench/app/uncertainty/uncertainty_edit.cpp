// Editing a constant's uncertainty (see uncertainty_edit.hpp). Layer: workbench/app. No ImGui, GLFW, GL or
// Lua.
#include "workbench/app/uncertainty/uncertainty_edit.hpp"

#include <cmath>

#include "solver/analysis/distribution.hpp"

namespace sdw::app {

bool setUncertainty(Document& doc, const std::string& name, double min, double max,
                    const std::string& distribution, std::string& error) {
    const auto* v = doc.find(name);
    if (!v || v->kind == model::VarKind::Stock || !model::literalValue(v->equation)) {
        error = "only a constant (an auxiliary whose equation is a number) takes a range and a distribution";
        return false;
    }
    if (!std::isfinite(min) || !std::isfinite(max) || !(min < max)) {
        error = "the range's low end must be below its high end";
        return false;
    }
    std::string text = distribution;
    text.erase(0, text.find_first_not_of(" \t"));
    text.erase(text.find_last_not_of(" \t") + 1);
    if (!text.empty()) {
        auto d = analysis::parseDistribution(text, error);
        if (!d) return false;
        if (!(d->cdf(max) - d->cdf(min) > 1e-12)) {
            error = text + " puts no weight between " + std::to_string(min) + " and " + std::to_string(max) +
                    ": draws are kept to the range";
            return false;
        }
    }
    model::Uncertainty u = v->uncertainty.value_or(model::Uncertainty{});
    u.min = min;
    u.max = max;
    u.distribution = text;
    if (v->uncertainty == u) return true;
    doc.editProject([&](model::Project& p) {
        if (auto* w = p.main().find(name)) w->uncertainty = u;
    });
    return true;
}

bool clearUncertainty(Document& doc, const std::string& name) {
    const auto* v = doc.find(name);
    if (!v || !v->uncertainty) return false;
    doc.editProject([&](model::Project& p) {
        if (auto* w = p.main().find(name)) w->uncertainty.reset();
    });
    return true;
}

double seriesWeight(const model::Project& project, const std::string& name) {
    const auto* v = project.main().find(name);
    return v && v->calibrationWeight ? *v->calibrationWeight : 1.0;
}

bool setSeriesWeight(Document& doc, const std::string& name, double weight, std::string& error) {
    const auto* v = doc.find(name);
    if (!v) {
        error = "the model has no variable '" + name + "'";
        return false;
    }
    if (!std::isfinite(weight) || weight < 0) {
        error = "a series' weight is a number, 0 or more (0 leaves it out of the fit)";
        return false;
    }
    const std::optional<double> w = weight == 1 ? std::nullopt : std::optional<double>(weight);
    if (v->calibrationWeight == w) return true;
    doc.editProject([&](model::Project& p) {
        if (auto* x = p.main().find(name)) x->calibrationWeight = w;
    });
    return true;
}

}  // namespace sdw::app
