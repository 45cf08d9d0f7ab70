// The Morris and Sobol bars of the How sure tab (see global_sensitivity_view.hpp). Layer:
// workbench/ui/panels (ImGui). No Lua.
#include "workbench/ui/panels/global_sensitivity_view.hpp"

#include <algorithm>
#include <cmath>
#include <thread>

#include "workbench/app/format.hpp"
#include "workbench/app/quantity.hpp"
#include "workbench/app/session.hpp"
#include "workbench/ui/panels/tornado_view.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

namespace {

const ImU32 kBar = IM_COL32(70, 120, 190, 255);      // Morris mu*; Sobol: on its own
const ImU32 kBarLight = IM_COL32(70, 120, 190, 90);  // Sobol: with the others (the total)
const ImVec4 kWarn(0.72f, 0.3f, 0.05f, 1);

std::string share(double v) {
    if (!std::isfinite(v)) return "-";
    if (v < 0.005) return "under 1%";  // estimates near zero can come out a little below it
    return std::to_string(static_cast<int>(std::lround(v * 100))) + "%";
}

// Which way the outcome goes as the constant rises: mu carries the sign, mu* the size.
const char* direction(const app::GlobalBar& b) {
    if (b.signedMu >= 0.8 * b.score) return "higher raises it";
    if (b.signedMu <= -0.8 * b.score) return "higher lowers it";
    return "either way";
}

std::string barLabel(const app::GlobalResult& r, const app::GlobalBar& b) {
    if (r.setup.method == app::GlobalMethod::Morris)
        return app::tornadoValue(b.score, r.setup.base.outcomeUnits);
    return share(b.score) + " (alone " + share(b.second) + ")";
}

void mutedWrapped(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

}  // namespace

bool GlobalView::start(Workbench& wb, const app::GlobalOptions& o) {
    std::string error;
    if (!m_job.start(wb.session(), o, error)) {
        m_message = "Not started: " + error;
        return false;
    }
    m_message.clear();
    return true;
}

void GlobalView::reset() {
    m_job.reset();
    m_message.clear();
}

void GlobalView::beforeFrame(Workbench& wb) {
    if (!m_job.poll()) return;
    const auto& e = m_job.error();
    if (!e.empty()) {
        m_message = e == "cancelled" ? "Cancelled: no bars were made." : "The analysis failed: " + e;
        return;
    }
    m_message.clear();
    if (const auto r = m_job.result()) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "%s: %zu constants, %zu runs in %.1f s",
                      r->setup.method == app::GlobalMethod::Morris ? "Morris screening" : "Sobol indices",
                      r->setup.base.inputs.size(), r->runs, r->seconds);
        wb.session().setStatus(buf);
    }
}

bool GlobalView::settle(Workbench& wb, std::chrono::milliseconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (m_job.job().running()) {
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        beforeFrame(wb);
    }
    return true;
}

void GlobalView::draw(Workbench& wb, app::GlobalMethod method, int maxBars, const ProgressLine& progress) {
    if (m_job.job().running())
        progress(
            m_job.job(), "runs", [this] { m_job.cancel(); }, m_cancelButton);
    else
        m_cancelButton = ImVec4(0, 0, 0, 0);
    if (!m_message.empty()) ImGui::TextColored(kWarn, "%s", m_message.c_str());
    m_barsDrawn = 0;
    const auto r = m_job.result();
    if (!r || r->setup.method != method) return;
    if (!m_job.current(wb.session()))
        ImGui::TextColored(kWarn, "The model or its settings changed since these bars: run again.");
    headline(wb, *r);
    chart(*r, maxBars);
    notes(wb, *r);
}

void GlobalView::headline(Workbench& wb, const app::GlobalResult& r) {
    const auto& units = r.setup.base.outcomeUnits;
    const std::string outcome = app::displayName(r.setup.base.outcome),
                      when = app::tornadoTimeLabel(wb.session(), r.setup.base.at);
    const auto& top = r.bars.front();
    const auto& in = r.setup.base.inputs[top.input];
    const std::string range = rangeLabel(in.low, in.high, r.unitsOf(top.parameter));
    if (r.setup.method == app::GlobalMethod::Morris) {
        ImGui::TextWrapped(
            "%s at %s. Matters most: %s. Across its range (%s) it moves %s by %s on average, whatever "
            "the other constants are (%s).",
            outcome.c_str(), when.c_str(), app::displayName(top.parameter).c_str(), range.c_str(),
            outcome.c_str(), app::tornadoValue(top.score, units).c_str(), direction(top));
        mutedWrapped(
            "Each bar: the average change in " + outcome +
            " when that constant crosses its range, the others drawn across theirs (Morris screening, mean "
            "absolute elementary effect).");
        return;
    }
    ImGui::TextWrapped(
        "%s at %s: %s on average, give or take %s (one standard deviation over the draws). Matters most: "
        "%s, behind %s of that spread (%s on its own, the rest together with other constants; range %s).",
        outcome.c_str(), when.c_str(), app::tornadoValue(r.mean, units).c_str(),
        app::tornadoValue(r.spread, units).c_str(), app::displayName(top.parameter).c_str(),
        share(top.score).c_str(), share(top.second).c_str(), range.c_str());
    mutedWrapped("Each bar: the share of the spread (variance) of " + outcome +
                 " that constant accounts for, in all (light) and on its own (dark) (Sobol total and "
                 "first-order indices).");
}

void GlobalView::chart(const app::GlobalResult& r, int maxBars) {
    const size_t n = std::min(r.bars.size(), static_cast<size_t>(std::max(1, maxBars)));
    const float em = ImGui::GetFontSize(), line = ImGui::GetTextLineHeightWithSpacing(), rowH = line * 2.2f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = std::max(ImGui::GetContentRegionAvail().x, em * 40);
    std::vector<std::pair<std::string, std::string>> labels;
    float valueW = 0, noteW = 0;
    for (size_t i = 0; i < n; ++i) {
        const auto& b = r.bars[i];
        const auto& in = r.setup.base.inputs[b.input];
        labels.emplace_back(app::displayName(b.parameter),
                            rangeLabel(in.low, in.high, r.unitsOf(b.parameter)));
        valueW = std::max(valueW, ImGui::CalcTextSize(barLabel(r, b).c_str()).x + em * 0.6f);
        if (r.setup.method == app::GlobalMethod::Morris)
            noteW = std::max(noteW, ImGui::CalcTextSize(direction(b)).x + em);
    }
    m_labelW = nameColumnWidth(labels, width);
    const float x0 = origin.x + m_labelW, x1 = origin.x + width - valueW - noteW;
    double top = 0;
    for (size_t i = 0; i < n; ++i) top = std::max(top, r.bars[i].score);
    if (!(top > 0)) top = 1;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const float half = line * 0.45f, th = ImGui::GetTextLineHeight() / 2;
    for (size_t i = 0; i < n; ++i) {
        const auto& b = r.bars[i];
        const float y = origin.y + rowH * static_cast<float>(i), mid = y + rowH / 2;
        nameCell(ImVec2(origin.x, y + rowH * 0.05f), m_labelW, labels[i].first, labels[i].second);
        const auto xOf = [&](double v) {
            return x0 + static_cast<float>(std::max(0.0, v) / top) * (x1 - x0);
        };
        const bool sobol = r.setup.method == app::GlobalMethod::Sobol;
        dl->AddRectFilled(ImVec2(x0, mid - half), ImVec2(xOf(b.score) + 0.5f, mid + half),
                          sobol ? kBarLight : kBar);
        if (sobol) dl->AddRectFilled(ImVec2(x0, mid - half), ImVec2(xOf(b.second) + 0.5f, mid + half), kBar);
        const std::string value = barLabel(r, b);
        const double end = sobol ? std::max(b.score, b.second) : b.score;  // Morris: second is sigma
        dl->AddText(ImVec2(xOf(end) + em * 0.3f, mid - th), text, value.c_str());
        if (!sobol) dl->AddText(ImVec2(origin.x + width - noteW + em, mid - th), muted, direction(b));
        if (ImGui::IsMouseHoveringRect(ImVec2(origin.x, y), ImVec2(origin.x + width, y + rowH))) {
            const auto& units = r.setup.base.outcomeUnits;
            if (sobol)
                ImGui::SetTooltip("%s (%s): %s of the variance in all, %s on its own",
                                  labels[i].first.c_str(), labels[i].second.c_str(), share(b.score).c_str(),
                                  share(b.second).c_str());
            else
                ImGui::SetTooltip("%s (%s): mean absolute effect %s, mean %s, spread of effects %s",
                                  labels[i].first.c_str(), labels[i].second.c_str(),
                                  app::tornadoValue(b.score, units).c_str(),
                                  app::tornadoValue(b.signedMu, units, true).c_str(),
                                  app::tornadoValue(b.second, units).c_str());
        }
    }
    dl->AddLine(ImVec2(x0, origin.y), ImVec2(x0, origin.y + rowH * static_cast<float>(n)), text, 1.0f);
    ImGui::Dummy(ImVec2(width, rowH * static_cast<float>(n)));
    m_barsDrawn = static_cast<int>(n);
    if (n < r.bars.size()) ImGui::TextDisabled("and %zu more constants, each with less", r.bars.size() - n);
}

void GlobalView::notes(Workbench& wb, const app::GlobalResult& r) {
    const bool morris = r.setup.method == app::GlobalMethod::Morris;
    ImGui::TextDisabled("%zu constants, %zu runs (%s %zu, seed %llu) in %.1f s", r.setup.base.inputs.size(),
                        r.runs, morris ? "trajectories" : "samples",
                        morris ? r.setup.trajectories : r.setup.samples,
                        static_cast<unsigned long long>(r.setup.seed), r.seconds);
    if (!morris && r.setup.samples < 500)
        ImGui::TextDisabled(
            "With %zu samples a share is rough (a few points either way): more samples, "
            "steadier shares.",
            r.setup.samples);
    for (size_t i = 0; i < r.failureLines.size() && i < 5; ++i)
        ImGui::TextColored(kWarn, "Left out, a run failed: %s", r.failureLines[i].c_str());
    if (r.failureLines.size() > 5)
        ImGui::TextColored(kWarn, "and %zu more failed runs", r.failureLines.size() - 5);
    if (!r.setup.base.held.empty()) {
        std::string held;
        for (const auto& h : r.setup.base.held) held += (held.empty() ? "" : ", ") + app::displayName(h);
        ImGui::TextWrapped("Held at your settings, not varied: %s", held.c_str());
    }
    const auto& base = r.setup.base.base;
    if (base.request.spec.sets.empty() && base.request.plugins.empty() && !base.profile) {
        ImGui::TextDisabled("The same numbers from the command line:");
        std::string cmd = app::globalCommandLine(r.setup, wb.session().doc().path());
        ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.96f, 0.96f, 0.94f, 1));
        ImGui::InputText("##globalcmd", cmd.data(), cmd.size() + 1, ImGuiInputTextFlags_ReadOnly);
        ImGui::PopStyleColor();
    }
}

}  // namespace sdw::ui
