// The session's local profile: the model's "Local profile" inputs as sliders, loaded from and saved to the
// profile CSV that `sdw run --profile` reads. Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#include <algorithm>
#include <fstream>

#include "solver/io/local_profile.hpp"
#include "solver/xmile/xmile.hpp"
#include "workbench/app/session.hpp"

namespace sdw::app {

bool Session::hasProfile() const {
    return !xmile::groupMembers(m_doc.model(), io::kProfileGroup).empty();
}

bool Session::loadProfile(const std::string& path, diag::Diagnostics& diags) {
    const auto entries = io::readProfileFile(path, diags);
    if (!entries) return false;
    // The solver's checks (a name the model has, not a stock or flow, the model's units) on a copy: the
    // document itself is not edited, the sliders carry the values as a scenario would.
    model::Project copy = m_doc.project();
    if (!io::applyProfile(copy, *entries, diags, path)) return false;
    // A slider for each plain constant; inputs the model computes from others (a unit cost uprated from its
    // source year) have none, and are set on every run, as `sdw run --profile` replaces their equations.
    std::vector<std::pair<SliderInput*, double>> sliders;
    std::vector<std::pair<std::string, double>> computed;
    for (const auto& e : *entries) {
        SliderInput* slider = nullptr;
        for (auto& in : m_inputs)
            if (model::canonicalName(in.name) == model::canonicalName(e.name)) slider = &in;
        if (slider)
            sliders.emplace_back(slider, e.value);
        else
            computed.emplace_back(m_doc.find(e.name)->name, e.value);
    }
    for (auto& [slider, value] : sliders) {
        slider->value = value;
        slider->min = std::min(slider->min, value);
        slider->max = std::max(slider->max, value);
    }
    m_profileSets = std::move(computed);
    m_status = "Loaded the local profile " + path + " (" + std::to_string(entries->size()) + " inputs)";
    inputsChanged();
    return true;
}

bool Session::saveProfile(const std::string& path, std::string& error) const {
    const auto names = xmile::groupMembers(m_doc.model(), io::kProfileGroup);
    if (names.empty()) {
        error = "this model has no \"" + std::string(io::kProfileGroup) + "\" group";
        return false;
    }
    // A slider's value when the user moved it or it holds a plain number; otherwise (an input the model
    // computes from others, such as a unit cost uprated from its source year) the value the run used, so the
    // file always holds numbers and loads back.
    std::vector<std::optional<double>> values;
    for (const auto& name : names) {
        std::optional<double> v;
        for (const auto& in : m_inputs)
            if (model::canonicalName(in.name) == model::canonicalName(name) &&
                (in.value != in.base || model::literalValue(in.equation)))
                v = in.value;
        if (!v && m_result) v = m_result->finalValue(name);
        if (!v) {
            error = "'" + name + "' has no value yet: run the model first";
            return false;
        }
        values.push_back(v);
    }
    std::ofstream out(path, std::ios::binary);
    out << io::writeProfileCsv(m_doc.model(), names, values);
    out.close();
    if (!out) {
        error = "could not write " + path;
        return false;
    }
    return true;
}

}  // namespace sdw::app
