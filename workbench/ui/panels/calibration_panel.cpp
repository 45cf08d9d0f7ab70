// The Calibrate tab (see calibration_panel.hpp). Layer: workbench/ui/panels (ImGui). No Lua.
#include "workbench/ui/panels/calibration_panel.hpp"

#include <cmath>
#include <cstdio>
#include <thread>

#include "workbench/app/format.hpp"
#include "workbench/app/session.hpp"
#include "workbench/app/uncertainty/uncertainty_edit.hpp"
#include "workbench/ui/panels/uncertainty_panel.hpp"
#include "workbench/ui/theme.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

namespace {

const ImVec4 kWarn(0.72f, 0.3f, 0.05f, 1);

}  // namespace

std::string CalibrationPanel::title(const Workbench&) const {
    return m_cal.job().running() ? "Calibrate (fitting)###calibrate" : "Calibrate###calibrate";
}

void CalibrationPanel::modelReplaced(Workbench&) {
    m_cal.reset();
    m_picks.clear();
    m_picksOf = 0;
    m_message.clear();
}

void CalibrationPanel::beforeFrame(Workbench& wb) {
    if (!m_cal.poll()) return;
    if (m_cal.error() == "cancelled")
        m_message = "Cancelled: no fit was made.";
    else if (!m_cal.error().empty())
        m_message = "The fit failed: " + m_cal.error();
    else
        m_message.clear();
}

std::vector<CalibrationPanel::Pick>& CalibrationPanel::picks(Workbench& wb) {
    if (m_picksOf == wb.session().generation() && !m_picks.empty()) return m_picks;
    m_picks.clear();
    for (const auto& c : app::fitCandidates(wb.session().doc().project())) {
        Pick p{c.name, c.units, c.value};
        p.declared = c.lo && c.hi && *c.lo < *c.hi;
        const double half = c.value != 0 ? std::fabs(c.value) * 0.5 : 1;  // no range: an assumption to edit
        p.lo = p.declared ? *c.lo : c.value - half;
        p.hi = p.declared ? *c.hi : c.value + half;
        m_picks.push_back(std::move(p));
    }
    m_picksOf = wb.session().generation();
    return m_picks;
}

bool CalibrationPanel::startFit(Workbench& wb) {
    const auto* data = wb.panel<UncertaintyPanel>().observed();
    if (!data) {
        m_message = "Not started: load observed data first (How sure > Load data)";
        return false;
    }
    std::vector<analysis::FitParameter> params;
    for (const auto& p : picks(wb))
        if (p.on) params.push_back({p.name, p.lo, p.hi});
    std::string error;
    if (!m_cal.start(wb.session(), *data, params, static_cast<analysis::Payoff>(m_payoff), error)) {
        m_message = "Not started: " + error;
        return false;
    }
    m_message.clear();
    return true;
}

bool CalibrationPanel::applyFit(Workbench& wb) {
    const auto r = m_cal.result();
    std::string error;
    if (!r || !app::applyFit(wb.session(), *r, error)) {
        m_message = r ? "Not applied: " + error : "Not applied: there is no fit yet";
        return false;
    }
    wb.session().setStatus("Applied the fit: " + std::to_string(r->fit.rows.size()) +
                           " constants set (Undo takes them back)");
    return true;
}

bool CalibrationPanel::settle(Workbench& wb, std::chrono::milliseconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (m_cal.job().running()) {
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        beforeFrame(wb);
    }
    return true;
}

void CalibrationPanel::draw(Workbench& wb) {
    if (!wb.panel<UncertaintyPanel>().observed()) {
        ImGui::TextDisabled(
            "Load observed data in the How sure tab first (a CSV: Time, then columns named like");
        ImGui::TextDisabled("model variables). Then pick the constants to fit here.");
        return;
    }
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::BeginChild("##picks", ImVec2(w * 0.42f, 0), true);
    controls(wb);
    pickTable(wb);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##fit", ImVec2(0, 0), false);
    results(wb);
    ImGui::EndChild();
}

void CalibrationPanel::controls(Workbench& wb) {
    const bool running = m_cal.job().running();
    ImGui::BeginDisabled(running);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9.5f);
    ImGui::Combo("payoff", &m_payoff, "sum of squares\0normal\0poisson\0");
    ImGui::SameLine();
    if (ImGui::Button("Fit")) startFit(wb);
    m_fitButton = lastItemRect();
    ImGui::EndDisabled();
    if (running) {
        const auto p = m_cal.job().progress();
        char text[96];
        std::snprintf(text, sizeof text, "%zu of about %zu evaluations%s", p.done, p.total,
                      p.etaSeconds < 0
                          ? ""
                          : (", " + std::to_string(static_cast<int>(p.etaSeconds)) + " s left").c_str());
        ImGui::ProgressBar(static_cast<float>(p.fraction()), ImVec2(ImGui::GetFontSize() * 16, 0), text);
        ImGui::SameLine();
        if (m_cal.job().cancelling())
            ImGui::TextDisabled("cancelling...");
        else if (ImGui::Button("Cancel"))
            m_cal.cancel();
        m_cancelButton = lastItemRect();
    }
    if (!m_message.empty()) ImGui::TextColored(kWarn, "%s", m_message.c_str());
    weightRows(wb);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##filter", "filter constants", m_filter, sizeof m_filter);
}

// Each observed series and its weight in the fit: typed, it is set in the model (one undo step, saved with
// it); the box follows the model otherwise (an undo shows at once).
void CalibrationPanel::weightRows(Workbench& wb) {
    const auto* data = wb.panel<UncertaintyPanel>().observed();
    const auto& series = data->series;
    m_weightBoxes.resize(series.size());
    m_weightRects.assign(series.size(), ImVec4(0, 0, 0, 0));
    ImGui::TextDisabled("Series weights in the fit (saved with the model; 0 leaves a series out):");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "A series weighted 2 counts twice as much as one weighted 1 (sdw calibrate --weight)");
    for (size_t i = 0; i < series.size(); ++i) {
        ImGui::PushID(static_cast<int>(i) + 1000);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
        ImGui::InputDouble(app::displayName(series[i].name).c_str(), &m_weightBoxes[i], 0, 0, "%g");
        m_weightRects[i] = lastItemRect();
        std::string error;
        if (ImGui::IsItemDeactivatedAfterEdit() &&
            !app::setSeriesWeight(wb.session().doc(), series[i].name, m_weightBoxes[i], error))
            m_message = "Weight not set: " + error;
        if (!ImGui::IsItemActive())
            m_weightBoxes[i] = app::seriesWeight(wb.session().doc().project(), series[i].name);
        ImGui::PopID();
    }
}

void CalibrationPanel::pickTable(Workbench& wb) {
    auto& list = picks(wb);
    if (!ImGui::BeginTable("##picktable", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Fit", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("low", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 5.5f);
    ImGui::TableSetupColumn("high", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 5.5f);
    ImGui::TableHeadersRow();
    const std::string filter = model::canonicalName(m_filter);
    for (size_t i = 0; i < list.size(); ++i) {
        auto& p = list[i];
        if (!filter.empty() && model::canonicalName(p.name).find(filter) == std::string::npos) continue;
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Checkbox(app::displayName(p.name).c_str(), &p.on);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("now %s %s; bounds %s", app::readableNumber(p.value).c_str(), p.units.c_str(),
                              p.declared ? "from the model's plausible range" : "assumed (+-50%): set them");
        for (double* bound : {&p.lo, &p.hi}) {
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            if (!p.declared) ImGui::PushStyleColor(ImGuiCol_Text, kWarn);
            ImGui::InputDouble(bound == &p.lo ? "##lo" : "##hi", bound, 0, 0, app::sliderFormat(p.lo, p.hi));
            if (!p.declared) ImGui::PopStyleColor();
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void CalibrationPanel::results(Workbench& wb) {
    const auto r = m_cal.result();
    if (!r) {
        ImGui::TextDisabled(
            "Tick the constants to fit, check their bounds, then Fit. The fit runs on every core:");
        ImGui::TextDisabled("a global search (DIRECT-L), then a local polish (BOBYQA), within the bounds.");
        return;
    }
    const auto& f = r->fit;
    if (ImGui::BeginTable("##fittable", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
        for (const char* h : {"parameter", "value", "low95", "high95"}) ImGui::TableSetupColumn(h);
        ImGui::TableHeadersRow();
        for (const auto& row : f.rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(app::displayName(row.parameter).c_str());
            for (double v : {row.value, row.low95, row.high95}) {
                ImGui::TableNextColumn();
                // six figures, as sdw calibrate prints them, but never in scientific notation
                if (std::fabs(v) >= 1e5)
                    ImGui::TextUnformatted(app::readableNumber(v).c_str());
                else
                    ImGui::Text("%.6g", v);
            }
        }
        ImGui::EndTable();
    }
    ImGui::TextWrapped(
        "payoff %s (at the model's own values %s), %zu observed values, %zu evaluations in %.1f s",
        app::readableNumber(f.payoff).c_str(), app::readableNumber(f.payoffAtStart).c_str(), f.points,
        f.evaluations, r->seconds);
    ImGui::TextWrapped("Intervals: %s", f.intervalMethod.c_str());
    if (f.atBound)
        ImGui::TextColored(kWarn, "A parameter ended on its bound: widen its range or check the data.");
    if (ImGui::Button("Apply fitted values")) applyFit(wb);
    m_applyButton = lastItemRect();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Set the constants to the fitted values (one undo step)");
    const auto& base = r->setup.base;
    if (base.request.spec.sets.empty() && base.request.plugins.empty() && !base.profile) {
        std::string cmd = app::calibrateCommandLine(r->setup, wb.session().doc().path(),
                                                    wb.panel<UncertaintyPanel>().observed()->path);
        ImGui::SetNextItemWidth(-1);
        ImGui::InputText("##cmd", cmd.data(), cmd.size() + 1, ImGuiInputTextFlags_ReadOnly);
    }
    fitCharts(wb, *r);
}

// Per observed series: the data as points, the fitted run solid, the current run dashed.
void CalibrationPanel::fitCharts(Workbench& wb, const app::FitOutcome& r) {
    const auto& s = wb.session();
    const auto& data = r.setup.spec.data;
    if (!r.fitted || data.empty()) return;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const size_t n = std::min<size_t>(data.size(), 3);
    const float w =
        (avail.x - ImGui::GetStyle().ItemSpacing.x * static_cast<float>(n - 1)) / static_cast<float>(n);
    m_views.resize(n);
    const std::vector<double> fittedTime = r.fitted->series("Time");
    const auto current = s.result();
    const std::vector<double> currentTime = current ? current->series("Time") : std::vector<double>{};
    for (size_t i = 0; i < n; ++i) {
        if (i) ImGui::SameLine();
        std::vector<widgets::Series> series(1);
        series[0].label = "fitted";
        series[0].t = &fittedTime;
        series[0].y = r.fitted->series(data[i].name);
        series[0].color = theme::seriesColor(0);
        if (current && current->column(data[i].name) >= 0) {
            widgets::Series cur;
            cur.label = cur.run = "current run";
            cur.t = &currentTime;
            cur.y = current->series(data[i].name);
            cur.color = IM_COL32(120, 120, 120, 200);
            cur.dashed = true;
            series.push_back(std::move(cur));
        }
        widgets::Series obs;
        obs.label = "observed";
        obs.t = &data[i].times;
        obs.y = data[i].values;
        obs.points = true;
        obs.color = theme::seriesColor(1);
        series.push_back(std::move(obs));
        const auto* v = s.doc().find(data[i].name);
        widgets::timePlot(("##fitchart" + std::to_string(i)).c_str(), app::displayName(data[i].name), series,
                          m_views[i], ImVec2(w, std::max(avail.y, ImGui::GetFontSize() * 12)),
                          s.doc().project().specs, v ? v->units : "", std::nan(""));
    }
}

}  // namespace sdw::ui
