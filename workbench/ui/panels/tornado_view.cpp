// The tornado section of the How sure tab (see tornado_view.hpp). Layer: workbench/ui/panels (ImGui). No
// Lua.
#include "workbench/ui/panels/tornado_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <thread>

#include "solver/analysis/constants.hpp"
#include "workbench/app/format.hpp"
#include "workbench/app/quantity.hpp"
#include "workbench/app/session.hpp"
#include "workbench/ui/panels/uncertainty_panel.hpp"
#include "workbench/ui/widgets/label_column.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

namespace {

const ImU32 kLowColour = IM_COL32(70, 120, 190, 255);   // the constant at the low end of its range
const ImU32 kHighColour = IM_COL32(222, 130, 40, 255);  // at the high end
const ImVec4 kWarn(0.72f, 0.3f, 0.05f, 1);

std::string rangeText(const analysis::TornadoBar& b, const std::string& units) {
    return rangeLabel(b.low, b.high, units);
}

// A bar end: money as the workbench writes it (£ with k/m/bn); other units only as numbers (the headline and
// the baseline say the units), so the labels stay short.
std::string endLabel(double v, const std::string& units) {
    return app::isMoney(units) ? app::tornadoValue(v, units) : app::readableNumber(v);
}

void swatch(ImU32 colour, const char* text) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + h * 0.2f), ImVec2(p.x + h, p.y + h * 0.8f),
                                              colour);
    ImGui::Dummy(ImVec2(h, h));
    ImGui::SameLine();
    ImGui::TextUnformatted(text);
}

}  // namespace

std::string rangeLabel(double low, double high, const std::string& units) {
    // Money both ends ("£1.0m to £2.5m"); other units once, after the high end ("0.5 to 2
    // people/(wte*week)").
    if (app::isMoney(units)) return app::withUnits(low, units) + " to " + app::withUnits(high, units);
    return app::readableNumber(low) + " to " + app::withUnits(high, units);
}

float nameColumnWidth(const std::vector<std::pair<std::string, std::string>>& labels, float chartWidth) {
    std::vector<float> widths;
    for (const auto& [name, range] : labels) {
        widths.push_back(ImGui::CalcTextSize(name.c_str()).x);
        widths.push_back(ImGui::CalcTextSize(range.c_str()).x);
    }
    return labelColumnWidth(widths, chartWidth, ImGui::GetFontSize());
}

void nameCell(ImVec2 at, float width, const std::string& name, const std::string& range) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const auto measure = [](const std::string& t) { return ImGui::CalcTextSize(t.c_str()).x; };
    const float room = width - ImGui::GetFontSize() * 0.5f;
    dl->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), fitText(name, room, measure).c_str());
    dl->AddText(ImVec2(at.x, at.y + ImGui::GetTextLineHeightWithSpacing()),
                ImGui::GetColorU32(ImGuiCol_TextDisabled), fitText(range, room, measure).c_str());
}

float comboWidth(const std::vector<std::string>& choices) {
    std::vector<float> widths;
    for (const auto& c : choices) widths.push_back(ImGui::CalcTextSize(c.c_str()).x);
    return comboWidthFor(widths, ImGui::GetStyle().FramePadding.x, ImGui::GetFrameHeight());
}

void TornadoView::reset() {
    m_tornado.reset();
    m_global.reset();
    m_countedAt = ~uint64_t{0};
    m_message.clear();
    m_outcome.clear();
    m_at.reset();
}

void TornadoView::beforeFrame(Workbench& wb) {
    m_global.beforeFrame(wb);
    if (!m_tornado.poll()) return;
    const auto& e = m_tornado.error();
    if (!e.empty()) {
        m_message = e == "cancelled" ? "Cancelled: no bars were made." : "The tornado failed: " + e;
        return;
    }
    m_message.clear();
    if (const auto r = m_tornado.result()) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.1f s", r->seconds);
        wb.session().setStatus("Which assumptions matter: " + std::to_string(r->setup.inputs.size()) +
                               " constants, " + std::to_string(1 + 2 * r->setup.inputs.size()) + " runs in " +
                               buf);
    }
}

bool TornadoView::start(Workbench& wb) {
    if (m_method != Method::OneAtATime) {
        app::GlobalOptions o;
        o.where = {m_outcome, m_at};
        o.method = m_method == Method::Morris ? app::GlobalMethod::Morris : app::GlobalMethod::Sobol;
        o.trajectories = static_cast<size_t>(m_trajectories);
        o.samples = static_cast<size_t>(m_samples);
        o.seed = static_cast<uint64_t>(m_seed);
        return m_global.start(wb, o);
    }
    std::string error;
    if (!m_tornado.start(wb.session(), {m_outcome, m_at}, error)) {
        m_message = "Not started: " + error;
        return false;
    }
    m_message.clear();
    return true;
}

bool TornadoView::settle(Workbench& wb, std::chrono::milliseconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    if (!m_global.settle(wb, timeout)) return false;
    while (m_tornado.job().running()) {
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        beforeFrame(wb);
    }
    return true;
}

void TornadoView::controls(Workbench& wb) {
    const auto& s = wb.session();
    const auto outcomes = app::tornadoOutcomes(s);
    const std::string shown = m_outcome.empty() ? (outcomes.empty() ? "" : outcomes.front()) : m_outcome;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    if (ImGui::BeginCombo("outcome", app::displayName(shown).c_str())) {
        for (const auto& o : outcomes)
            if (ImGui::Selectable(app::displayName(o).c_str(),
                                  model::canonicalName(o) == model::canonicalName(shown)))
                m_outcome = o;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    const auto times = app::tornadoTimes(s);
    const double at = m_at.value_or(times.back());
    std::vector<std::string> labels;
    for (double t : times) labels.push_back(app::tornadoTimeLabel(s, t));
    ImGui::SetNextItemWidth(comboWidth(labels));  // "end of run (3 Jan 2035)" whole
    const bool open = ImGui::BeginCombo("at", app::tornadoTimeLabel(s, at).c_str());
    m_atBox = lastItemRect();
    if (open) {
        for (size_t i = 0; i < times.size(); ++i)
            if (ImGui::Selectable(labels[i].c_str(), times[i] == at)) m_at = times[i];
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    ImGui::InputInt("bars", &m_maxBars);
    m_maxBars = std::clamp(m_maxBars, 1, 200);
    methodControls(wb);
}

size_t TornadoView::rangedConstants(const Workbench& wb) {
    const auto& doc = wb.session().doc();
    if (m_countedAt != doc.revision()) {
        m_countedAt = doc.revision();
        m_counted = 0;
        for (const auto& c : analysis::listConstants(doc.project()))
            if (const auto* v = doc.project().main().find(c.name); v && analysis::modelDistribution(*v))
                ++m_counted;
    }
    return m_counted;
}

// The method, its budget and seed, and the Run button (its runs counted beside it).
void TornadoView::methodControls(Workbench& wb) {
    const char* names[] = {"one at a time (tornado)", "Morris screening", "Sobol indices"};
    ImGui::SetNextItemWidth(comboWidth({names[0], names[1], names[2]}));
    int m = static_cast<int>(m_method);
    if (ImGui::Combo("method", &m, names, 3)) m_method = static_cast<Method>(m);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "One at a time: each constant at its low and high, the rest as in this run.\nMorris: how far the "
            "outcome moves as each constant crosses its range, all of them varying (screening).\nSobol: the "
            "share of the outcome's spread each constant accounts for (many more runs).");
    const size_t k = rangedConstants(wb);
    size_t runs = 1 + 2 * k;
    if (m_method != Method::OneAtATime) {
        const bool morris = m_method == Method::Morris;
        int& budget = morris ? m_trajectories : m_samples;
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        ImGui::InputInt(morris ? "trajectories" : "samples", &budget);
        budget = std::clamp(budget, 2, 100000);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
        ImGui::InputInt("seed##global", &m_seed, 0);
        m_seed = std::max(0, m_seed);
        runs = static_cast<size_t>(budget) * (k + (morris ? 1 : 2));
    }
    ImGui::SameLine();
    const char* run = m_method == Method::OneAtATime ? "Run the tornado"
                      : m_method == Method::Morris   ? "Run Morris"
                                                     : "Run Sobol";
    if (ImGui::Button(run)) start(wb);
    m_runButton = lastItemRect();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%zu runs of the model (%zu constants with a range)", runs, k);
}

void TornadoView::draw(Workbench& wb, const ProgressLine& progress) {
    if (m_scroll) {
        ImGui::SetScrollHereY(0);
        m_scroll = false;
    }
    ImGui::TextUnformatted("Which assumptions matter for one outcome");
    const bool running = busy();
    ImGui::BeginDisabled(running);
    controls(wb);
    ImGui::EndDisabled();
    if (m_method != Method::OneAtATime) {
        m_barsDrawn = 0;
        m_global.draw(wb, m_method == Method::Morris ? app::GlobalMethod::Morris : app::GlobalMethod::Sobol,
                      m_maxBars, progress);
        return;
    }
    m_global.notDrawn();
    if (running)
        progress(
            m_tornado.job(), "runs", [this] { m_tornado.cancel(); }, m_cancelButton);
    else
        m_cancelButton = ImVec4(0, 0, 0, 0);
    if (!m_message.empty()) ImGui::TextColored(kWarn, "%s", m_message.c_str());
    m_barsDrawn = 0;
    const auto r = m_tornado.result();
    if (!r) return;
    if (!m_tornado.current(wb.session()))
        ImGui::TextColored(kWarn,
                           "The model or its settings changed since these bars: run the tornado again.");
    chart(wb, *r);
    notes(wb, *r);
}

namespace {

// Where the bars go: a label column, the bars between their end labels, the swing column at the right.
struct Layout {
    ImVec2 origin;
    float width = 0, labelW = 0, x0 = 0, x1 = 0, rowH = 0, top0 = 0, em = 0, line = 0;
    double lo = 0, hi = 1;
    float xOf(double v) const { return x0 + static_cast<float>((v - lo) / (hi - lo)) * (x1 - x0); }
};

Layout layoutFor(const app::TornadoResult& r, size_t n) {
    Layout l;
    const auto& units = r.setup.outcomeUnits;
    l.lo = l.hi = r.bars.front().baseline;
    float valueW = ImGui::GetFontSize(), swingW = ImGui::CalcTextSize("swing").x + ImGui::GetFontSize();
    l.em = ImGui::GetFontSize();
    for (size_t i = 0; i < n; ++i) {
        for (double v : {r.bars[i].outcomeLow, r.bars[i].outcomeHigh}) {
            l.lo = std::min(l.lo, v);
            l.hi = std::max(l.hi, v);
            valueW = std::max(valueW, ImGui::CalcTextSize(endLabel(v, units).c_str()).x + l.em * 0.6f);
        }
        swingW = std::max(swingW, ImGui::CalcTextSize(endLabel(r.bars[i].swing, units).c_str()).x + l.em);
    }
    if (l.hi <= l.lo) l.hi = l.lo + 1;
    l.line = ImGui::GetTextLineHeightWithSpacing();
    l.origin = ImGui::GetCursorScreenPos();
    l.width = std::max(ImGui::GetContentRegionAvail().x, l.em * 40);
    std::vector<std::pair<std::string, std::string>> labels;
    for (size_t i = 0; i < n; ++i)
        labels.emplace_back(app::displayName(r.bars[i].parameter),
                            rangeText(r.bars[i], r.unitsOf(r.bars[i].parameter)));
    l.labelW = nameColumnWidth(labels, l.width);
    l.x0 = l.origin.x + l.labelW + valueW;
    l.x1 = l.origin.x + l.width - swingW - valueW;
    l.rowH = l.line * 2.2f;
    l.top0 = l.origin.y + l.line;
    return l;
}

// One bar: the constant's name and range, the swing from the baseline to each end, the ends' values.
void drawBar(const Layout& l, const app::TornadoResult& r, size_t i, const std::string& outcome) {
    const auto& b = r.bars[i];
    const auto& units = r.setup.outcomeUnits;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const float y = l.top0 + l.rowH * static_cast<float>(i), mid = y + l.rowH / 2, em = l.em;
    const std::string range = rangeText(b, r.unitsOf(b.parameter));
    nameCell(ImVec2(l.origin.x, y + l.rowH * 0.05f), l.labelW, app::displayName(b.parameter), range);
    const float xb = l.xOf(b.baseline), xl = l.xOf(b.outcomeLow), xh = l.xOf(b.outcomeHigh),
                half = l.line * 0.45f;
    dl->AddRectFilled(ImVec2(std::min(xb, xl), mid - half), ImVec2(std::max(xb, xl) + 0.5f, mid + half),
                      kLowColour);
    dl->AddRectFilled(ImVec2(std::min(xb, xh), mid - half), ImVec2(std::max(xb, xh) + 0.5f, mid + half),
                      kHighColour);
    const bool lowLeft = b.outcomeLow <= b.outcomeHigh;
    const std::string left = endLabel(lowLeft ? b.outcomeLow : b.outcomeHigh, units),
                      right = endLabel(lowLeft ? b.outcomeHigh : b.outcomeLow, units),
                      swing = endLabel(b.swing, units);
    const float th = ImGui::GetTextLineHeight() / 2;
    dl->AddText(ImVec2(std::min({xl, xh, xb}) - em * 0.3f - ImGui::CalcTextSize(left.c_str()).x, mid - th),
                text, left.c_str());
    dl->AddText(ImVec2(std::max({xl, xh, xb}) + em * 0.3f, mid - th), text, right.c_str());
    dl->AddText(ImVec2(l.origin.x + l.width - ImGui::CalcTextSize(swing.c_str()).x, mid - th), text,
                swing.c_str());
    if (ImGui::IsMouseHoveringRect(ImVec2(l.origin.x, y), ImVec2(l.origin.x + l.width, y + l.rowH)))
        ImGui::SetTooltip("%s from %s: %s from %s to %s (baseline %s)", app::displayName(b.parameter).c_str(),
                          range.c_str(), outcome.c_str(), app::tornadoValue(b.outcomeLow, units).c_str(),
                          app::tornadoValue(b.outcomeHigh, units).c_str(),
                          app::tornadoValue(b.baseline, units).c_str());
}

}  // namespace

void TornadoView::chart(Workbench& wb, const app::TornadoResult& r) {
    const auto& units = r.setup.outcomeUnits;
    const std::string when = app::tornadoTimeLabel(wb.session(), r.setup.at);
    const std::string outcome = app::displayName(r.setup.outcome);
    if (r.bars.empty()) {
        ImGui::TextColored(kWarn, "No bar: every constant's runs failed (below).");
        return;
    }
    const auto& top = r.bars.front();
    ImGui::TextWrapped(
        "%s at %s: %s in this run. Most sensitive: %s. Over its range (%s) it moves from %s to %s, a swing "
        "of %s.",
        outcome.c_str(), when.c_str(), app::tornadoValue(top.baseline, units).c_str(),
        app::displayName(top.parameter).c_str(), rangeText(top, r.unitsOf(top.parameter)).c_str(),
        app::tornadoValue(top.outcomeLow, units).c_str(), app::tornadoValue(top.outcomeHigh, units).c_str(),
        app::tornadoValue(top.swing, units).c_str());
    swatch(kLowColour, "constant at the low end of its range");
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
    swatch(kHighColour, "at the high end");
    const size_t n = std::min(r.bars.size(), static_cast<size_t>(m_maxBars));
    const Layout l = layoutFor(r, n);
    m_labelW = l.labelW;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const std::string baseText = "baseline " + app::tornadoValue(top.baseline, units);
    const float xb = l.xOf(top.baseline);
    dl->AddText(ImVec2(xb - ImGui::CalcTextSize(baseText.c_str()).x / 2, l.origin.y), muted,
                baseText.c_str());
    dl->AddText(ImVec2(l.origin.x + l.width - ImGui::CalcTextSize("swing").x, l.origin.y), muted, "swing");
    for (size_t i = 0; i < n; ++i) drawBar(l, r, i, outcome);
    const float bottom = l.top0 + l.rowH * static_cast<float>(n);
    dl->AddLine(ImVec2(xb, l.top0), ImVec2(xb, bottom), ImGui::GetColorU32(ImGuiCol_Text), 1.5f);
    ImGui::Dummy(ImVec2(l.width, bottom - l.origin.y));
    m_barsDrawn = static_cast<int>(n);
    if (n < r.bars.size())
        ImGui::TextDisabled("and %zu more constants, each with a swing of %s or less", r.bars.size() - n,
                            app::tornadoValue(r.bars[n].swing, units).c_str());
}

void TornadoView::notes(Workbench& wb, const app::TornadoResult& r) {
    ImGui::TextDisabled("%zu constants, %zu runs in %.1f s; %s read at %s", r.setup.inputs.size(),
                        1 + 2 * r.setup.inputs.size(), r.seconds, app::displayName(r.setup.outcome).c_str(),
                        app::tornadoTimeLabel(wb.session(), r.setup.at).c_str());
    for (size_t i = 0; i < r.failureLines.size() && i < 5; ++i)
        ImGui::TextColored(kWarn, "Left out, a run failed: %s", r.failureLines[i].c_str());
    if (r.failureLines.size() > 5)
        ImGui::TextColored(kWarn, "and %zu more failed runs", r.failureLines.size() - 5);
    if (!r.setup.held.empty()) {
        std::string held;
        for (const auto& h : r.setup.held) held += (held.empty() ? "" : ", ") + app::displayName(h);
        ImGui::TextWrapped("Held at your settings, not varied: %s", held.c_str());
    }
    const auto& base = r.setup.base;
    if (base.request.spec.sets.empty() && base.request.plugins.empty() && !base.profile) {
        ImGui::TextDisabled("The same runs from the command line:");
        std::string cmd = app::tornadoCommandLine(r.setup, wb.session().doc().path());
        ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.96f, 0.96f, 0.94f, 1));
        ImGui::InputText("##tornadocmd", cmd.data(), cmd.size() + 1, ImGuiInputTextFlags_ReadOnly);
        ImGui::PopStyleColor();
    }
}

}  // namespace sdw::ui
