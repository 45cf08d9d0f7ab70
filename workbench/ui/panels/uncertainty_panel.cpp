// The "How sure" tab (see uncertainty_panel.hpp): the Monte Carlo's settings, progress and outcome, and the
// fan-chart series the Charts tab draws. Layer: workbench/ui/panels (ImGui). No Lua.
#include "workbench/ui/panels/uncertainty_panel.hpp"

#include <algorithm>
#include <cstdio>
#include <thread>

#include "workbench/app/comparison.hpp"
#include "workbench/app/format.hpp"
#include "workbench/ui/panels/menus.hpp"
#include "workbench/ui/theme.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

namespace {

std::string seconds(double s) {
    char buf[32];
    if (s < 90)
        std::snprintf(buf, sizeof buf, "%.0f s", s);
    else
        std::snprintf(buf, sizeof buf, "%.0f min", s / 60);
    return buf;
}

}  // namespace

ImVec4 lastItemRect() {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    return ImVec4(a.x, a.y, b.x, b.y);
}

std::string UncertaintyPanel::title(const Workbench&) const {
    return busy() ? "How sure (running)###howsure" : "How sure###howsure";
}

void UncertaintyPanel::modelReplaced(Workbench&) {
    m_fan.reset();
    m_range.reset();
    m_rangeMessage.clear();
    m_message.clear();
    m_observed.reset();  // the data belonged to the last model
    m_dataError.clear();
    m_tornado.reset();
}

void UncertaintyPanel::beforeFrame(Workbench& wb) {
    m_tornado.beforeFrame(wb);
    if (m_range.poll())
        m_rangeMessage = m_range.error().empty()          ? ""
                         : m_range.error() == "cancelled" ? "Cancelled: no range was made."
                                                          : "The range failed: " + m_range.error();
    if (!m_fan.poll()) return;
    if (!m_fan.error().empty()) {
        m_message = m_fan.error() == "cancelled" ? "Cancelled: no bands were made."
                                                 : "The Monte Carlo failed: " + m_fan.error();
        return;
    }
    m_message.clear();
    if (const auto r = m_fan.result()) {
        wb.session().setStatus("Monte Carlo: " + std::to_string(r->mc.okRuns) + " runs in " +
                               seconds(r->seconds) + "; the charts show their bands");
        ensembleRange(wb, *r);
    }
}

bool UncertaintyPanel::startMonteCarlo(Workbench& wb) {
    m_options.runs = static_cast<size_t>(std::max(0, m_runsBox));
    m_options.seed = static_cast<uint64_t>(std::max(0, m_seedBox));
    std::string error;
    if (!m_fan.start(wb.session(), m_options, error)) {
        m_message = "Not started: " + error;
        return false;
    }
    m_message.clear();
    return true;
}

bool UncertaintyPanel::settle(Workbench& wb, std::chrono::milliseconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (m_fan.job().running()) {
        if (std::chrono::steady_clock::now() > until) return false;
        if (!m_fan.job().running()) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        beforeFrame(wb);
    }
    return true;
}

void UncertaintyPanel::draw(Workbench& wb) {
    monteCarloSection(wb);
    ImGui::Separator();
    m_tornado.draw(wb, &UncertaintyPanel::progressLine);
    ImGui::Separator();
    dataSection(wb);
    ImGui::Separator();
    businessRangeSection(wb);
}

bool UncertaintyPanel::loadData(Workbench& wb, const std::string& path) {
    auto data = app::loadObservedOverlay(path, wb.session().doc().model(), m_dataError);
    if (!data) return false;
    m_dataError.clear();
    m_observed = std::move(*data);
    wb.session().setStatus("Observed data: " + std::to_string(m_observed->series.size()) + " series from " +
                           path);
    return true;
}

void UncertaintyPanel::dataSection(Workbench& wb) {
    ImGui::TextUnformatted("Observed data: points on the charts");
    ImGui::TextDisabled(
        "A CSV: Time in model units, then columns named like model variables; empty cells are gaps.");
    if (ImGui::Button("Load data...")) {
        wb.fileDialog().openOther("Load observed data (CSV)", wb.session().doc().path(),
                                  [this, &wb](const std::string& path) { loadData(wb, path); });
    }
    if (m_observed) {
        ImGui::SameLine();
        if (ImGui::Button("Chart them")) {
            for (const auto& s : m_observed->series) {
                const auto charted = wb.session().chartedVariables();
                if (std::none_of(charted.begin(), charted.end(), [&](auto& v) {
                        return model::canonicalName(v) == model::canonicalName(s.name);
                    }))
                    wb.session().addToChart(s.name);
            }
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Add each observed variable to the first chart");
        ImGui::SameLine();
        if (ImGui::Button("Clear data")) clearData();
    }
    if (!m_dataError.empty())
        ImGui::TextColored(ImVec4(0.78f, 0.18f, 0.18f, 1), "Not loaded: %s", m_dataError.c_str());
    if (!m_observed) return;
    ImGui::TextWrapped("%s", m_observed->path.c_str());
    for (const auto& s : m_observed->series)
        ImGui::BulletText("%s: %zu values, time %s to %s", app::displayName(s.name).c_str(), s.values.size(),
                          s.times.empty() ? "-" : app::readableNumber(s.times.front()).c_str(),
                          s.times.empty() ? "-" : app::readableNumber(s.times.back()).c_str());
    for (const auto& u : m_observed->unmatched)
        ImGui::TextColored(ImVec4(0.72f, 0.3f, 0.05f, 1), "Not shown: %s", u.c_str());
}

std::vector<widgets::Series> UncertaintyPanel::pointSeries(const app::Chart& c) const {
    std::vector<widgets::Series> out;
    if (!m_observed) return out;
    for (size_t i = 0; i < c.vars.size(); ++i) {
        const auto* obs = m_observed->find(c.vars[i]);
        if (!obs) continue;
        widgets::Series pts;
        pts.label = app::displayName(c.vars[i]) + " (observed)";
        pts.t = &obs->times;
        pts.y = obs->values;
        pts.points = true;
        pts.var = c.vars[i];
        pts.color = theme::seriesColor(static_cast<int>(i));
        out.push_back(std::move(pts));
    }
    return out;
}

void UncertaintyPanel::monteCarloSection(Workbench& wb) {
    ImGui::TextUnformatted("Monte Carlo: bands over time on the charts");
    ImGui::TextDisabled(
        "Every constant with a plausible range or a distribution (Properties) is drawn from it (Latin "
        "hypercube); sliders, levers and a loaded profile stay as set.");
    const bool running = m_fan.job().running();
    ImGui::BeginDisabled(running);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    ImGui::InputInt("runs", &m_runsBox, 100, 1000);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    ImGui::InputInt("seed", &m_seedBox);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The same seed gives the same runs, on any machine");
    ImGui::SameLine();
    if (ImGui::Button("Run Monte Carlo")) startMonteCarlo(wb);
    m_runButton = lastItemRect();
    ImGui::EndDisabled();
    if (running)
        progressLine(
            m_fan.job(), "runs", [this] { m_fan.cancel(); }, m_cancelButton);
    else
        m_cancelButton = ImVec4(0, 0, 0, 0);
    if (!m_message.empty()) ImGui::TextColored(ImVec4(0.72f, 0.3f, 0.05f, 1), "%s", m_message.c_str());
    resultLines(wb);
}

void UncertaintyPanel::progressLine(const app::AnalysisJob& job, const char* unit,
                                    const std::function<void()>& cancel, ImVec4& cancelRect) {
    const auto p = job.progress();
    char text[96];
    std::snprintf(text, sizeof text, "%zu of %zu %s, %s", p.done, p.total, unit,
                  p.etaSeconds < 0 ? "starting" : (seconds(p.etaSeconds) + " left").c_str());
    ImGui::ProgressBar(static_cast<float>(p.fraction()), ImVec2(ImGui::GetFontSize() * 20, 0), text);
    ImGui::SameLine();
    if (job.cancelling())
        ImGui::TextDisabled("cancelling...");
    else if (ImGui::Button("Cancel"))
        cancel();
    cancelRect = lastItemRect();
}

void UncertaintyPanel::resultLines(Workbench& wb) {
    const auto r = m_fan.result();
    if (!r) return;
    const auto& s = wb.session();
    const bool current = m_fan.current(s) != nullptr;
    ImGui::Text("%zu runs (%zu failed) in %s, seed %llu: %zu inputs drawn from the model's distributions",
                r->mc.okRuns, r->mc.failures.size(), seconds(r->seconds).c_str(),
                static_cast<unsigned long long>(r->setup.spec.seed), r->setup.spec.inputs.size());
    if (!r->setup.held.empty()) {
        std::string held;
        for (const auto& h : r->setup.held) held += (held.empty() ? "" : ", ") + app::displayName(h);
        ImGui::TextWrapped("Held at your settings, not varied: %s", held.c_str());
    }
    if (!current)
        ImGui::TextColored(
            ImVec4(0.72f, 0.3f, 0.05f, 1),
            "The model or its settings changed since: the charts hide these bands; run again.");
    for (size_t i = 0; i < r->mc.failures.size() && i < 5; ++i)
        ImGui::TextWrapped("Run %zu failed and is left out: %s", r->mc.failures[i].run + 1,
                           r->mc.failures[i].message.c_str());
    const auto& base = r->setup.base;
    if (base.request.spec.sets.empty() && base.request.plugins.empty() && !base.profile) {
        ImGui::TextDisabled("The same runs from the command line:");
        std::string cmd = app::fanCommandLine(r->setup, s.doc().path());
        ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.96f, 0.96f, 0.94f, 1));
        ImGui::InputText("##cmd", cmd.data(), cmd.size() + 1, ImGuiInputTextFlags_ReadOnly);
        ImGui::PopStyleColor();
    }
}

std::vector<widgets::Series> UncertaintyPanel::bandSeries(const app::Session& s, const app::Chart& c,
                                                          std::vector<app::FanBands>& store) const {
    std::vector<widgets::Series> out;
    const auto r = m_fan.current(s);
    if (!r) return out;
    store.clear();
    store.reserve(c.vars.size());  // the series point into it
    const std::string median = "median of " + std::to_string(r->mc.okRuns) + " runs";
    for (size_t i = 0; i < c.vars.size(); ++i) {
        auto b = r->bands(c.vars[i]);
        if (!b) continue;
        store.push_back(std::move(*b));
        const auto& fb = store.back();
        const ImU32 rgb = theme::seriesColor(static_cast<int>(i)) & 0x00FFFFFF;
        widgets::Series outer, inner, mid;
        outer.label = "5-95%";
        outer.run = inner.run = app::displayName(c.vars[i]);
        outer.var = inner.var = mid.var = c.vars[i];
        outer.t = inner.t = mid.t = &fb.t;
        outer.y = fb.p95;
        outer.lo = fb.p5;
        outer.color = rgb | 0x30000000;
        inner.label = "25-75%";
        inner.y = fb.p75;
        inner.lo = fb.p25;
        inner.color = rgb | 0x58000000;
        mid.label = app::displayName(c.vars[i]) + " (" + median + ")";
        mid.run = median;
        mid.y = fb.p50;
        mid.color = rgb | 0xD0000000;
        mid.dashed = true;
        mid.dash = 2;
        out.push_back(std::move(outer));
        out.push_back(std::move(inner));
        out.push_back(std::move(mid));
    }
    return out;
}

}  // namespace sdw::ui
