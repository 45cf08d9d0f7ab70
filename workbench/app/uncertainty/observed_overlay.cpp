// Observed data matched to the model (see observed_overlay.hpp). Layer: workbench/app. No ImGui, GLFW, GL or
// Lua.
#include "workbench/app/uncertainty/observed_overlay.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "solver/diag/near_name.hpp"

namespace sdw::app {

using model::canonicalName;

const analysis::ObservedSeries* ObservedOverlay::find(const std::string& var) const {
    for (const auto& s : series)
        if (canonicalName(s.name) == canonicalName(var)) return &s;
    return nullptr;
}

std::optional<ObservedOverlay> readObservedOverlay(const std::string& text, const model::Model& model,
                                                   std::string& error) {
    auto data = analysis::readObservedCsv(text, error);
    if (!data) return std::nullopt;
    std::vector<std::string> names;
    for (const auto& v : model.variables) names.push_back(v.name);
    ObservedOverlay out;
    for (auto& s : *data) {
        if (const auto* v = model.find(s.name)) {
            s.name = v->name;
            out.series.push_back(std::move(s));
            continue;
        }
        const std::string near = diag::nearestName(s.name, names);
        out.unmatched.push_back(s.name + ": no variable of that name" +
                                (near.empty() ? "" : " (did you mean '" + near + "'?)"));
    }
    if (out.series.empty()) {
        error = "no column names a variable of the model" +
                (out.unmatched.empty() ? std::string() : " (" + out.unmatched.front() + ")");
        return std::nullopt;
    }
    return out;
}

std::optional<ObservedOverlay> loadObservedOverlay(const std::string& path, const model::Model& model,
                                                   std::string& error) {
    std::ifstream in(path);
    if (!in) {
        error = path + ": cannot be read";
        return std::nullopt;
    }
    std::stringstream text;
    text << in.rdbuf();
    auto out = readObservedOverlay(text.str(), model, error);
    if (!out) {
        error = std::filesystem::path(path).filename().string() + ": " + error;
        return std::nullopt;
    }
    out->path = path;
    return out;
}

}  // namespace sdw::app
