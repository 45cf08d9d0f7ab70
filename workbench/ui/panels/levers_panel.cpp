// The levers panel: a scenario picker, a form saving the current settings as a scenario, then each lever that
// applies with its switch, params and evidence. Layer: workbench/ui/panels (ImGui; built only with the plugin
// host). No Lua header: plugins arrive as plugins/host descriptors.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "workbench/app/levers/lever_set.hpp"
#include "workbench/app/levers/scenario_file.hpp"
#include "workbench/ui/panels/panels.hpp"
#include "workbench/ui/theme.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

namespace {

void wrappedTooltip(const char* title, const std::string& body, const std::vector<std::string>& evidence) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::PushFont(theme::fonts().bold);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
    ImGui::TextUnformatted(body.c_str());
    if (!evidence.empty()) {
        std::string cites;
        for (const auto& e : evidence) cites += (cites.empty() ? "" : "; ") + e;
        ImGui::Spacing();
        ImGui::TextDisabled("Evidence: %s", cites.c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void scenarioPicker(app::Session& s) {
    auto& set = s.levers();
    const auto& scenarios = set.scenarios();
    const int active = set.activeScenario();
    ImGui::TextUnformatted("Scenario");
    ImGui::SetNextItemWidth(-1);
    const char* preview =
        active < 0 ? "(none: choose levers below)" : scenarios[static_cast<size_t>(active)].name.c_str();
    if (ImGui::BeginCombo("##scenario", preview)) {
        if (ImGui::Selectable("(none: model values, every lever off)", active < 0)) s.clearScenario();
        for (size_t i = 0; i < scenarios.size(); ++i) {
            if (ImGui::Selectable(scenarios[i].name.c_str(), static_cast<int>(i) == active))
                s.applyScenario(i);
            if (ImGui::IsItemHovered())
                wrappedTooltip(scenarios[i].name.c_str(), scenarios[i].description, {});
        }
        ImGui::EndCombo();
    }
    if (scenarios.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ImGui::TextWrapped("No scenarios beside this model (a scenarios/ folder of .lua files).");
        ImGui::PopStyleColor();
    }
    if (active >= 0 && ImGui::IsItemHovered())
        wrappedTooltip(scenarios[static_cast<size_t>(active)].name.c_str(),
                       scenarios[static_cast<size_t>(active)].description, {});
}

// Save the levers on and the sliders moved as a scenario file beside the model (its scenarios/ folder), named
// and described, so it reopens here, runs with `sdw run --scenario` and can be sent to another council.
void saveScenarioForm(Workbench& wb, std::string& name, std::string& description) {
    auto& s = wb.session();
    if (!ImGui::CollapsingHeader("Save as a scenario")) return;
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##scname", "name, e.g. Our 2030 plan", &name);
    ImGui::InputTextMultiline("##scdesc", &description, ImVec2(-1, ImGui::GetFontSize() * 3.5f));
    const std::string& model = s.doc().path();
    if (model.empty()) {
        ImGui::TextDisabled("Save the model first: scenarios live beside it.");
        return;
    }
    const std::string path = app::scenarioFileFor(model, name);
    ImGui::BeginDisabled(name.empty());
    if (ImGui::Button("Save scenario")) {
        std::string error;
        if (!s.saveScenario(name, description, error)) wb.reportError("The scenario was not saved", error);
    }
    ImGui::EndDisabled();
    if (!name.empty()) ImGui::TextDisabled("to %s", path.c_str());
}

// A param's slider: the label above (wrapped); the value with its units to the right of the bar, where the
// grab never covers it. Snapped to the param's step.
bool paramSlider(const plugins::ParamDescriptor& p, double& value) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", p.label.empty() ? p.name.c_str() : p.label.c_str());
    ImGui::PopStyleColor();
    const double span = std::max(std::abs(p.min), std::abs(p.max));
    const char* numFmt = span >= 1000 ? "%.0f" : span >= 10 ? "%.1f" : "%.2f";
    auto shown = [&](double v) {
        char buf[64];
        std::snprintf(buf, sizeof buf, numFmt, v);
        return std::string(buf) + (p.units.empty() ? "" : " " + p.units);
    };
    const float valueW =
        std::max(ImGui::CalcTextSize(shown(p.min).c_str()).x, ImGui::CalcTextSize(shown(p.max).c_str()).x);
    ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 4, ImGui::GetContentRegionAvail().x - valueW -
                                                                   ImGui::GetStyle().ItemSpacing.x));
    double lo = p.min, hi = p.max;
    ImGui::PushID(p.name.c_str());
    bool changed = ImGui::SliderScalar("##p", ImGuiDataType_Double, &value, &lo, &hi, "");
    if (changed && p.step > 0)
        value = std::clamp(p.min + std::round((value - p.min) / p.step) * p.step, p.min, p.max);
    if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        value = p.defaultValue;
        changed = true;
    }
    if (ImGui::IsItemHovered() && !changed)
        ImGui::SetTooltip("from %s to %s; default %s (double-click to reset)", shown(p.min).c_str(),
                          shown(p.max).c_str(), shown(p.defaultValue).c_str());
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(shown(value).c_str());
    ImGui::PopID();
    return changed;
}

void leverRow(app::Session& s, app::Lever& l) {
    const auto& d = *l.plugin;
    ImGui::PushID(d.id.c_str());
    bool on = l.on;
    bool toggled = ImGui::Checkbox("##on", &on);
    const bool boxHovered = ImGui::IsItemHovered();
    // The title wraps (the panel is narrow and titles are long); clicking it toggles like the box.
    ImGui::SameLine();
    ImGui::PushFont(theme::fonts().bold);
    ImGui::PushTextWrapPos(0);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(d.title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    if (ImGui::IsItemClicked()) on = !on, toggled = true;
    if (boxHovered || ImGui::IsItemHovered()) wrappedTooltip(d.title.c_str(), d.description, d.evidence);
    if (toggled) {
        s.levers().setOn(l, on);
        s.levers().clearScenario();
        s.leversChanged();
    }
    if (l.on) {
        ImGui::Indent(ImGui::GetFrameHeight());
        bool moved = false;
        for (const auto& p : d.params) moved |= paramSlider(p, l.values[p.name]);
        if (d.params.empty()) ImGui::TextDisabled("No settings: on or off.");
        ImGui::Unindent(ImGui::GetFrameHeight());
        if (moved) s.leversChanged();
        ImGui::Spacing();
    }
    ImGui::PopID();
}

}  // namespace

void LeversPanel::draw(Workbench& wb) {
    auto& s = wb.session();
    auto& set = s.levers();
    ImGui::BeginChild("##levers");
    scenarioPicker(s);
    saveScenarioForm(wb, m_scenarioName, m_scenarioDescription);
    ImGui::Spacing();
    const size_t on = static_cast<size_t>(
        std::count_if(set.levers().begin(), set.levers().end(), [](auto& l) { return l.on; }));
    ImGui::AlignTextToFramePadding();
    ImGui::Text("Policy levers: %zu on", on);
    ImGui::SameLine();
    if (ImGui::SmallButton("All off") && on) {
        set.allOff();
        set.clearScenario();
        s.leversChanged();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    if (!s.kept().empty())
        ImGui::TextWrapped("Charts compare with \"%s\" (dashed lines).", s.kept().front().name.c_str());
    ImGui::TextWrapped("Hover a lever for what it does and its evidence.");
    ImGui::PopStyleColor();
    if (set.levers().empty())
        ImGui::TextWrapped(
            "No levers found in plugins/levers (or SDW_PLUGIN_PATH). Problems, if any, are in the "
            "Diagnostics tab.");
    if (set.diagnostics().errorCount()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.78f, 0.2f, 0.2f, 1));
        ImGui::TextWrapped("%zu plugin or scenario file(s) refused: see Diagnostics.",
                           set.diagnostics().errorCount());
        ImGui::PopStyleColor();
    }
    ImGui::Separator();
    size_t shown = 0;
    std::string missing;  // an example of a variable the hidden levers need
    for (auto& l : set.levers()) {
        const std::string lacks = app::LeverSet::missingTarget(*l.plugin, s.doc().model());
        if (!lacks.empty()) {
            if (missing.empty()) missing = lacks;
            continue;
        }
        leverRow(s, l);
        ++shown;
    }
    if (shown < set.levers().size()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ImGui::TextWrapped(
            "%s%zu lever%s not offered: each changes named variables, and this model lacks them (e.g. %s).",
            shown ? "" : "No lever applies to this model. ", set.levers().size() - shown,
            set.levers().size() - shown == 1 ? " is" : "s are", missing.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::EndChild();
}

}  // namespace sdw::ui
