// The session's sliders (one per constant, grouped by diagram sector), kept runs, the charts' variables and
// the time marker. Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "solver/io/local_profile.hpp"
#include "solver/xmile/xmile.hpp"
#include "workbench/app/format.hpp"
#include "workbench/app/quantity.hpp"
#include "workbench/app/session.hpp"
#if defined(SDW_HAVE_PLUGINS)
#include "workbench/app/levers/lever_set.hpp"
#endif

namespace sdw::app {

using model::canonicalName;

namespace {

// A slider's range: the model's, else from zero to twice the value (or the other way for a negative one).
void defaultRange(const model::Variable& v, SliderInput& in) {
    if (v.range) {
        in.min = v.range->min;
        in.max = v.range->max;
    } else if (in.base > 0) {
        in.min = 0, in.max = in.base * 2;
    } else if (in.base < 0) {
        in.min = in.base * 2, in.max = 0;
    } else {
        in.min = 0, in.max = 1;
    }
}

// The diagram group (sector) a variable's symbol sits in, or "Constants".
std::string groupOf(const Document& doc, const std::string& name) {
    const auto* o = doc.viewObject(name);
    if (!o) return "Constants";
    for (const auto& g : doc.view().objects)
        if (g.kind == model::ViewObject::Kind::Group && g.width && g.height &&
            std::abs(o->x - g.x) <= *g.width / 2 && std::abs(o->y - g.y) <= *g.height / 2)
            return g.name;
    return "Constants";
}

bool sameName(const std::string& a, const std::string& b) {
    return canonicalName(a) == canonicalName(b);
}

}  // namespace

// A constant's equation typed in the model wins over its slider: the slider follows the new value (or goes,
// when the variable is gone or no longer a plain number), so a run never sets the old slider value over the
// equation just typed.
void Session::syncInputsWithModel() {
    std::erase_if(m_inputs, [&](SliderInput& in) {
        const auto* v = m_doc.find(in.name);
        if (!v || v->kind == model::VarKind::Stock) return true;
        if (v->equation == in.equation) return false;
        const auto value = model::literalValue(v->equation);
        if (!value) return true;  // an equation now: the next compile says whether it is a constant
        in.equation = v->equation;
        in.base = in.value = *value;
        return false;
    });
}

// Constants become sliders, grouped by the diagram group (sector) their symbol sits in; the model's local
// profile inputs come first, in the order the model lists them (the order a council fills them in).
void Session::rebuildInputs() {
    std::map<std::string, size_t> profileOrder;  // canonical name -> place in the profile
    for (const auto& name : xmile::groupMembers(m_doc.model(), io::kProfileGroup))
        profileOrder.emplace(canonicalName(name), profileOrder.size());
    std::map<std::string, SliderInput> previous;
    for (const auto& in : m_inputs) previous[canonicalName(in.name)] = in;
    m_inputs.clear();
    for (const auto& col : m_compiled->columns) {
        if (!col.isConstant || col.name.find('[') != std::string::npos) continue;
        const auto* v = m_doc.find(col.name);
        if (!v || v->kind == model::VarKind::Stock) continue;
        SliderInput in;
        in.name = v->name;
        in.units = v->units;
        in.equation = v->equation;
        in.base = model::literalValue(v->equation).value_or(0);
        defaultRange(*v, in);
        in.group = profileOrder.count(canonicalName(v->name)) ? io::kProfileGroup : groupOf(m_doc, v->name);
        // A slider the user moved keeps its value while its equation stays what the slider was made from.
        auto it = previous.find(canonicalName(in.name));
        in.value = it != previous.end() && it->second.equation == in.equation ? it->second.value : in.base;
        in.present = it != previous.end() && it->second.present;
        m_inputs.push_back(in);
    }
    auto place = [&](const SliderInput& in) {
        auto it = profileOrder.find(canonicalName(in.name));
        return it == profileOrder.end() ? profileOrder.size() : it->second;
    };
    std::stable_sort(m_inputs.begin(), m_inputs.end(), [&](const SliderInput& a, const SliderInput& b) {
        const size_t pa = place(a), pb = place(b);
        return pa != pb ? pa < pb : a.group < b.group;
    });
    if (std::none_of(m_inputs.begin(), m_inputs.end(), [](const auto& i) { return i.present; }))
        choosePresentedInputs();
}

// What presentation mode offers until the user chooses: the inputs the model's workshop scenarios turn (the
// most-turned first), since those are the ones a trainer talks about; with no scenarios, the first ones the
// model gives a slider range.
void Session::choosePresentedInputs() {
    constexpr size_t kPresented = 4;
    std::map<std::string, int> turned;  // canonical name -> scenarios that set it
#if defined(SDW_HAVE_PLUGINS)
    for (const auto& sc : m_levers->scenarios())
        for (const auto& c : sc.constants) ++turned[canonicalName(c.first)];
#endif
    std::vector<SliderInput*> picks;
    for (auto& in : m_inputs)
        if (turned.count(canonicalName(in.name))) picks.push_back(&in);
    std::stable_sort(picks.begin(), picks.end(), [&](const SliderInput* a, const SliderInput* b) {
        return turned[canonicalName(a->name)] > turned[canonicalName(b->name)];
    });
    if (picks.empty())
        for (auto& in : m_inputs)
            if (m_doc.find(in.name)->range) picks.push_back(&in);
    for (size_t i = 0; i < picks.size() && i < kPresented; ++i) picks[i]->present = true;
}

void Session::resetInputs() {
    for (auto& in : m_inputs) in.value = in.base;
    m_profileSets.clear();
    inputsChanged();
}

KeptRun Session::currentRun(const std::string& name) const {
    KeptRun k;
    k.name = name;
    k.result = m_result;
    for (const auto& in : m_inputs)
        if (in.value != in.base) k.sets.emplace_back(in.name, in.value);
#if defined(SDW_HAVE_PLUGINS)
    k.levers = m_levers->summary();
    k.leverSettings = m_levers->settings();
    if (const int sc = m_levers->activeScenario(); sc >= 0)
        k.scenarioFile = m_levers->scenarios()[static_cast<size_t>(sc)].file;
#endif
    return k;
}

bool Session::typeInput(size_t index, const std::string& text, std::string& error) {
    if (index >= m_inputs.size()) return false;
    auto& in = m_inputs[index];
    std::string clean;  // thousands separators, spaces and a pound sign are how people write numbers
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ',' || text[i] == ' ') continue;
        if (text.compare(i, 2, "\xc2\xa3") == 0) {
            ++i;
            continue;
        }
        clean += text[i];
    }
    char* end = nullptr;
    const double v = std::strtod(clean.c_str(), &end);
    if (clean.empty() || !end || *end != '\0' || !std::isfinite(v)) {
        error = "'" + text + "' is not a number";
        return false;
    }
    if (v < in.min || v > in.max) {
        error = readableNumber(v) + " is outside " + displayName(in.name) + "'s range, " +
                withUnits(in.min, in.units) + " to " + withUnits(in.max, in.units) +
                ": not taken (widen the range in Properties)";
        return false;
    }
    in.value = v;
    inputsChanged();
    return true;
}

void Session::keepRun(const std::string& name) {
    if (!m_result) return;
    m_kept.push_back(currentRun(
        name.empty() ? (m_kept.empty() ? "Baseline" : "Run " + std::to_string(m_kept.size())) : name));
}

void Session::addToChart(const std::string& name, size_t chart) {
    if (chart >= m_charts.size()) m_charts.resize(chart + 1);
    auto& v = m_charts[chart].vars;
    if (std::none_of(v.begin(), v.end(), [&](auto& s) { return sameName(s, name); })) v.push_back(name);
}

std::vector<std::string> Session::chartedVariables() const {
    std::vector<std::string> out;
    for (const auto& c : m_charts)
        for (const auto& v : c.vars)
            if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
    return out;
}

// First charts: stocks of the most common units, of middling size (so one giant stock does not flatten
// the others), then flows likewise. Users change them with "+ variable".
void Session::defaultCharts() {
    auto pick = [&](model::VarKind kind, size_t count) {
        std::map<std::string, int> unitCount;
        for (const auto& col : m_compiled->columns)
            if (col.kind == kind && col.name.find('[') == std::string::npos) ++unitCount[col.units];
        std::string units;
        int best = 0;
        for (const auto& [u, n] : unitCount)
            if (n > best) best = n, units = u;
        std::vector<std::pair<double, std::string>> vars;
        for (const auto& col : m_compiled->columns)
            if (col.kind == kind && col.units == units && col.name.find('[') == std::string::npos)
                if (auto r = seriesRange(col.name); r && r->second > 0) vars.push_back({r->second, col.name});
        std::sort(vars.begin(), vars.end());
        std::vector<std::string> out;
        const size_t start = vars.size() > count ? (vars.size() - count) / 2 : 0;
        for (size_t i = start; i < vars.size() && out.size() < count; ++i) out.push_back(vars[i].second);
        return out;
    };
    m_charts[0].vars = pick(model::VarKind::Stock, 4);
    m_charts[1].vars = pick(model::VarKind::Flow, 3);
    outcomeCharts();
}

// A model that names its outcome measures (an XMILE group "Outcome measures") opens on them: each chart takes
// the next unplaced measure and the later ones that share its units and scale (within ten times), up to four.
void Session::outcomeCharts() {
    const auto measures = xmile::groupMembers(m_doc.project().main(), xmile::kOutcomeGroup);
    std::vector<bool> placed(measures.size(), false);
    auto unitsOf = [&](const std::string& name) -> const std::string* {
        const int c = m_compiled->findColumn(name);
        return c > 0 ? &m_compiled->columns[static_cast<size_t>(c)].units : nullptr;
    };
    for (auto& chart : m_charts) {
        std::vector<std::string> vars;
        const std::string* units = nullptr;
        double scale = 0;
        for (size_t i = 0; i < measures.size() && vars.size() < 4; ++i) {
            const auto* u = unitsOf(measures[i]);
            const auto range = seriesRange(measures[i]);
            if (placed[i] || !u || !range) continue;
            const double top = std::max(std::abs(range->first), std::abs(range->second));
            if (!vars.empty() && (*u != *units || top > scale * 10 || top * 10 < scale)) continue;
            if (vars.empty()) units = u, scale = top;
            vars.push_back(measures[i]);
            placed[i] = true;
        }
        if (vars.empty()) return;  // fewer measures than charts: the rest keep the structural picks
        chart.vars = vars;
    }
}

void Session::togglePlay() {
    if (m_timeColumn.empty()) return;
    if (!m_playback.playing && m_playback.time >= m_timeColumn.back()) m_playback.time = m_timeColumn.front();
    m_playback.playing = !m_playback.playing;
}

void Session::rewindPlayback() {
    m_playback.playing = false;
    if (!m_timeColumn.empty()) m_playback.time = m_timeColumn.front();
}

void Session::advancePlayback(double dt) {
    if (!m_playback.playing || m_timeColumn.empty()) return;
    const double span = m_timeColumn.back() - m_timeColumn.front();
    const double seconds = std::clamp(m_playback.seconds, Playback::kMinSeconds, Playback::kMaxSeconds);
    m_playback.time += span / seconds * dt;
    if (m_playback.time >= m_timeColumn.back()) {
        m_playback.time = m_timeColumn.back();
        m_playback.playing = false;
    }
}

}  // namespace sdw::app
