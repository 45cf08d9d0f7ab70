// The levers panel: a scenario picker, then every plugin lever with an on/off switch, its params as sliders,
// and its description and evidence on hover; plus the Workbench actions behind it. Layer: workbench/ui/panels
// (ImGui; built only with the plugin host). No Lua header: plugins arrive as plugins/host descriptors.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "workbench/app/levers/lever_set.hpp"
#include "workbench/ui/theme.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

using model::canonicalName;

void Workbench::reloadLevers(bool keepOn) {
    levers->load(app::pluginDirectories(), doc.path(), keepOn);
    diagnostics.append(levers->diagnostics());
}

void Workbench::leversChanged() {
    // The first lever of a session is compared with the run before it: keep that run as the baseline.
    if (kept.empty() && result && result->ok() && levers->anyOn()) keepRun("Baseline: no levers");
    sliderMoved();
}

bool Workbench::applyScenario(size_t index) {
    if (!levers->applyScenario(index)) return false;
    for (auto& in : inputs) in.value = in.base;
    for (const auto& [name, value] : levers->scenarioConstants())
        for (auto& in : inputs)
            if (canonicalName(in.name) == canonicalName(name))
                in.value = value;  // may lie outside the slider's range
    status = "Scenario: " + levers->scenarios()[index].name;
    if (kept.empty() && result && result->ok()) keepRun("Baseline");
    sliderMoved();
    return true;
}

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

void scenarioPicker(Workbench& wb) {
    auto& set = *wb.levers;
    const auto& scenarios = set.scenarios();
    const int active = set.activeScenario();
    ImGui::TextUnformatted("Scenario");
    ImGui::SetNextItemWidth(-1);
    const char* preview =
        active < 0 ? "(none: choose levers below)" : scenarios[static_cast<size_t>(active)].name.c_str();
    if (ImGui::BeginCombo("##scenario", preview)) {
        if (ImGui::Selectable("(none: model values, every lever off)", active < 0)) {
            set.clearScenario();
            set.allOff();
            for (auto& in : wb.inputs) in.value = in.base;
            wb.sliderMoved();
        }
        for (size_t i = 0; i < scenarios.size(); ++i) {
            if (ImGui::Selectable(scenarios[i].name.c_str(), static_cast<int>(i) == active))
                wb.applyScenario(i);
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

void leverRow(Workbench& wb, app::Lever& l) {
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
        wb.levers->setOn(l, on);
        wb.levers->clearScenario();
        wb.leversChanged();
    }
    if (l.on) {
        ImGui::Indent(ImGui::GetFrameHeight());
        bool moved = false;
        for (const auto& p : d.params) moved |= paramSlider(p, l.values[p.name]);
        if (d.params.empty()) ImGui::TextDisabled("No settings: on or off.");
        ImGui::Unindent(ImGui::GetFrameHeight());
        if (moved) wb.leversChanged();
        ImGui::Spacing();
    }
    ImGui::PopID();
}

}  // namespace

void drawLeverPanel(Workbench& wb) {
    if (!wb.levers) return;
    auto& set = *wb.levers;
    scenarioPicker(wb);
    ImGui::Spacing();
    const size_t on = static_cast<size_t>(
        std::count_if(set.levers().begin(), set.levers().end(), [](auto& l) { return l.on; }));
    ImGui::AlignTextToFramePadding();
    ImGui::Text("Policy levers: %zu on", on);
    ImGui::SameLine();
    if (ImGui::SmallButton("All off") && on) {
        set.allOff();
        set.clearScenario();
        wb.leversChanged();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    if (!wb.kept.empty())
        ImGui::TextWrapped("Charts compare with \"%s\" (dashed lines).", wb.kept.front().name.c_str());
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
        const std::string lacks = app::LeverSet::missingTarget(*l.plugin, wb.doc.model());
        if (!lacks.empty()) {
            if (missing.empty()) missing = lacks;
            continue;
        }
        leverRow(wb, l);
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
}

}  // namespace sdw::ui
