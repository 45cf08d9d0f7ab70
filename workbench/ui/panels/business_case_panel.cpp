// The business case tab: a scenario against the baseline by payer and financial year, its payback year and
// net present value, a chart of the cumulative saving, and its exports. Layer: workbench/ui/panels (ImGui).
// No Lua.
#include "workbench/ui/panels/business_case_panel.hpp"

#include <algorithm>
#include <cmath>

#include "workbench/app/business_case_export.hpp"
#include "workbench/app/format.hpp"
#include "workbench/app/quantity.hpp"
#include "workbench/app/session_export.hpp"
#include "workbench/ui/panels/menus.hpp"
#include "workbench/ui/panels/uncertainty_panel.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {
namespace {

const ImVec4 kSaving(0.13f, 0.5f, 0.25f, 1), kCost(0.75f, 0.2f, 0.15f, 1);

// A signed amount coloured by its sign: green a saving, red a cost.
void amountCell(const std::string& text) {
    if (!text.empty() && text[0] == '-')
        ImGui::TextColored(kCost, "%s", text.c_str());
    else if (!text.empty() && text[0] == '+')
        ImGui::TextColored(kSaving, "%s", text.c_str());
    else
        ImGui::TextUnformatted(text.c_str());
}

// "2027/28" from "council spend 2027/28", the report's line for a payer.
std::string after(const std::string& label, const std::string& line) {
    return line.rfind(label + ": ", 0) == 0 ? line.substr(label.size() + 2) : line;
}

// Fixed column widths for a table of `rows` (the first the headers): each as wide as its widest cell, a long
// header wrapped onto two or three lines (never narrower than its longest word) rather than widening its
// column.
std::vector<float> columnWidths(const std::vector<std::vector<std::string>>& rows, float headerMax) {
    std::vector<float> w(rows.front().size(), 0);
    for (size_t c = 0; c < w.size(); ++c) {
        const std::string& h = rows.front()[c];
        float word = 0;
        for (size_t a = 0; a < h.size();) {
            const size_t b = std::min(h.find(' ', a), h.size());
            word = std::max(word, ImGui::CalcTextSize(h.c_str() + a, h.c_str() + b).x);
            a = b + 1;
        }
        w[c] = std::max(word, std::min(headerMax, ImGui::CalcTextSize(h.c_str()).x));
        for (size_t i = 1; i < rows.size(); ++i)
            if (c < rows[i].size()) w[c] = std::max(w[c], ImGui::CalcTextSize(rows[i][c].c_str()).x);
    }
    return w;
}

// The header row of a table set up with `widths`: each header wrapped within its column.
void wrappedHeaders(const std::vector<std::string>& headers, const std::vector<float>& widths) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (size_t c = 0; c < headers.size(); ++c) {
        ImGui::TableSetColumnIndex(static_cast<int>(c));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + widths[c]);
        ImGui::TextUnformatted(headers[c].c_str());
        ImGui::PopTextWrapPos();
    }
}

// The width a table of `widths` takes, with its cell padding.
float tableWidth(const std::vector<float>& widths) {
    float sum = 0;
    for (float x : widths) sum += x + ImGui::GetStyle().CellPadding.x * 2 + 1;
    return sum;
}

}  // namespace

void BusinessCasePanel::modelReplaced(Workbench&) {
    m_report = {};
    m_baseRun = m_scenarioRun = nullptr;
    m_choice = 0;
}

bool BusinessCasePanel::setDiscountRate(double rate) {
    if (!std::isfinite(rate) || rate < 0 || rate > 1) {
        m_rateError = "A discount rate is between 0% and 100% a year; " + app::readableNumber(rate * 100) +
                      "% was not taken";
        m_ratePercent = static_cast<float>(m_rate * 100);
        return false;
    }
    m_rateError.clear();
    m_rate = rate;
    m_ratePercent = static_cast<float>(rate * 100);
    return true;
}

const app::BusinessCaseReport* BusinessCasePanel::report(Workbench& wb) {
    const auto& s = wb.session();
    if (s.kept().empty() || app::businessCaseLedgers(s.doc().model()).empty()) return nullptr;
    const auto base = s.kept().front().result;
    const auto scenario = m_choice > 0 && m_choice < s.kept().size() ? s.kept()[m_choice].result : s.result();
    if (!base || !scenario) return nullptr;
    if (base != m_baseRun || scenario != m_scenarioRun || m_rate != m_reportRate) {
        m_report = app::businessCaseReport(s.doc().project(), *base, *scenario,
                                           app::businessCaseLedgers(s.doc().model()), m_rate);
        m_baseRun = base;
        m_scenarioRun = scenario;
        m_reportRate = m_rate;
    }
    return &m_report;
}

bool BusinessCasePanel::exportCsv(Workbench& wb, const std::string& path) {
    const auto* r = report(wb);
    std::string error = "there is no business case yet: keep a baseline and run a scenario";
    auto& s = wb.session();
    std::vector<app::KeptRun> runs{s.kept().empty() ? s.currentRun("Baseline") : s.kept().front()};
    runs.push_back(m_choice > 0 && m_choice < s.kept().size() ? s.kept()[m_choice]
                                                              : s.currentRun("Scenario"));
    if (r && app::writeBusinessCaseCsv(path, *r, m_rate, app::provenanceOf(s, runs), error)) {
        s.setStatus("Exported the business case to " + path + " (provenance beside it)");
        return true;
    }
    wb.reportError("The business case was not exported", error);
    return false;
}

void BusinessCasePanel::exportPng(Workbench& wb, const std::string& path) {
    wb.setChartRect(ImVec2(m_rect.x, m_rect.y), ImVec2(m_rect.z, m_rect.w));
    wb.exportChartPng(path);
}

void BusinessCasePanel::header(Workbench& wb) {
    auto& s = wb.session();
    const float fs = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Scenario");
    ImGui::SameLine();
    // The run of the model as the sliders and levers are set now, or a kept one (named as it was kept).
    constexpr const char* kNow = "Sliders and levers as set now";
    ImGui::SetNextItemWidth(fs * 16);
    const std::string current = m_choice > 0 && m_choice < s.kept().size() ? s.kept()[m_choice].name : kNow;
    const bool open = ImGui::BeginCombo("##bcscenario", current.c_str());
    const bool hovered = ImGui::IsItemHovered();
    if (open) {
        if (ImGui::Selectable(kNow, m_choice == 0)) m_choice = 0;
        for (size_t k = 1; k < s.kept().size(); ++k)
            if (ImGui::Selectable((s.kept()[k].name + "##" + std::to_string(k)).c_str(), m_choice == k))
                m_choice = k;
        ImGui::EndCombo();
    }
    if (hovered && !open) ImGui::SetTooltip("%s", current.c_str());  // a long name is cut in the box
    ImGui::SameLine();
    ImGui::Text("against %s", s.kept().front().name.c_str());
    ImGui::SameLine(0, fs * 2);
    ImGui::TextUnformatted("Discount rate");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(fs * 5);
    ImGui::InputFloat("##rate", &m_ratePercent, 0, 0, "%.2f");
    if (ImGui::IsItemDeactivatedAfterEdit()) setDiscountRate(m_ratePercent / 100.0);  // Enter or click away
    m_rateBox = ImVec4(ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
                       ImGui::GetItemRectMax().y);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Net present value discounts each year's saving to the first year.\n%s",
                          app::discountRateNote(m_rate).c_str());
    ImGui::SameLine();
    ImGui::TextUnformatted("% a year");
    ImGui::SameLine(0, fs * 2);
    if (ImGui::Button("Export CSV..."))
        wb.fileDialog().save("Export the business case as CSV", "business_case.csv",
                             [this, &wb](const std::string& path) { exportCsv(wb, path); });
    ImGui::SameLine();
    if (ImGui::Button("Export PNG..."))
        wb.fileDialog().save("Export the business case as PNG", "business_case.png",
                             [this, &wb](const std::string& path) { exportPng(wb, path); });
    if (!m_rateError.empty()) ImGui::TextColored(kCost, "%s", m_rateError.c_str());
}

void BusinessCasePanel::yearTable(const app::BusinessCaseReport& r) {
    auto rows = r.table.rows;
    const int ncols = static_cast<int>(rows.front().size());
    for (auto& h : rows.front())
        if (h == "year") h = "Year";
    const auto widths = columnWidths(rows, ImGui::GetFontSize() * 6);
    m_tableNeeds[0] = tableWidth(widths);
    m_tableRoom[0] = ImGui::GetContentRegionAvail().x;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX |
                                  ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("##bcyears", ncols, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (int c = 0; c < ncols; ++c)
        ImGui::TableSetupColumn(rows.front()[static_cast<size_t>(c)].c_str(),
                                ImGuiTableColumnFlags_WidthFixed, widths[static_cast<size_t>(c)]);
    wrappedHeaders(rows.front(), widths);
    for (size_t i = 1; i < rows.size(); ++i) {
        ImGui::TableNextRow();
        for (size_t c = 0; c < rows[i].size(); ++c) {
            ImGui::TableNextColumn();
            if (c == 0)
                ImGui::TextUnformatted(rows[i][c].c_str());
            else
                amountCell(rows[i][c]);
        }
    }
    ImGui::EndTable();
}

void BusinessCasePanel::summaryTable(const app::BusinessCaseReport& r) {
    std::vector<std::vector<std::string>> rows = {{"Who pays", "Pays back in", "Net present value"}};
    for (size_t i = 0; i < r.payback.size(); ++i) {
        const std::string who = i < r.payers.size() ? r.payers[i] : "total";
        rows.push_back({who, after(who, r.payback[i]), after(who, r.npv[i])});
    }
    const float fs = ImGui::GetFontSize();
    auto widths = columnWidths({rows.front()}, fs * 6);  // the text columns wrap: "not by the end of the run"
    for (size_t i = 1; i < rows.size(); ++i)
        widths[2] = std::max(widths[2], ImGui::CalcTextSize(rows[i][2].c_str()).x);
    widths[0] = std::max(widths[0], fs * 8.5f);
    widths[1] = std::max(widths[1], fs * 7.5f);
    m_tableNeeds[1] = tableWidth(widths);
    m_tableRoom[1] = ImGui::GetContentRegionAvail().x;
    if (!ImGui::BeginTable("##bcsummary", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) return;
    for (size_t c = 0; c < 3; ++c)
        ImGui::TableSetupColumn(rows.front()[c].c_str(), ImGuiTableColumnFlags_WidthFixed, widths[c]);
    wrappedHeaders(rows.front(), widths);
    for (size_t i = 1; i < rows.size(); ++i) {
        ImGui::TableNextRow();
        for (size_t c = 0; c < 3; ++c) {
            ImGui::TableNextColumn();
            if (c == 2) {
                amountCell(rows[i][c]);
                continue;
            }
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + widths[c]);
            ImGui::TextUnformatted(rows[i][c].c_str());
            ImGui::PopTextWrapPos();
        }
    }
    ImGui::EndTable();
}

// The cumulative total saving at each year's end as bars about a zero line: red below it while the
// scenario has cost more than it saved, green above it once it has paid back.
void BusinessCasePanel::cumulativeBars(const app::BusinessCaseReport& r, ImVec2 size) {
    const auto& cum = r.result->total.cumulativeSaving;
    if (cum.empty() || size.x < 50 || size.y < 40) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    const float fs = ImGui::GetFontSize();
    double lo = 0, hi = 0;
    for (double v : cum) lo = std::min(lo, v), hi = std::max(hi, v);
    if (hi - lo <= 0) hi = lo + 1;
    const float top = p.y + fs * 1.4f, bottom = p.y + size.y - fs * 1.4f;
    const auto yOf = [&](double v) {
        return static_cast<float>(bottom - (v - lo) / (hi - lo) * (bottom - top));
    };
    const double scale = r.poundsPerUnit > 0 ? r.poundsPerUnit : 1;
    const auto label = [&](double v) {
        return r.poundsPerUnit > 0 ? app::money(v * scale, true) : app::readableNumber(v, true);
    };
    dl->AddText(p, ImGui::GetColorU32(ImGuiCol_Text), "Cumulative saving, all payers");
    const float slot = size.x / static_cast<float>(cum.size());
    for (size_t y = 0; y < cum.size(); ++y) {
        const float x0 = p.x + slot * static_cast<float>(y) + slot * 0.15f, x1 = x0 + slot * 0.7f;
        const ImVec4 c = cum[y] < 0 ? kCost : kSaving;
        dl->AddRectFilled(ImVec2(x0, std::min(yOf(0), yOf(cum[y]))),
                          ImVec2(x1, std::max(yOf(0), yOf(cum[y]))), ImGui::GetColorU32(c));
        const std::string& year = r.years[y];
        const float tw = ImGui::CalcTextSize(year.c_str()).x;
        if (tw < slot * 0.98f || y == 0 || y + 1 == cum.size())
            dl->AddText(ImVec2(std::clamp((x0 + x1 - tw) / 2, p.x, p.x + size.x - tw), bottom + fs * 0.2f),
                        ImGui::GetColorU32(ImGuiCol_TextDisabled), year.c_str());
    }
    dl->AddLine(ImVec2(p.x, yOf(0)), ImVec2(p.x + size.x, yOf(0)), ImGui::GetColorU32(ImGuiCol_Text));
    const std::string last = label(cum.back());
    const float lw = ImGui::CalcTextSize(last.c_str()).x;
    dl->AddText(ImVec2(p.x + size.x - lw, p.y), ImGui::GetColorU32(cum.back() < 0 ? kCost : kSaving),
                last.c_str());
}

void BusinessCasePanel::draw(Workbench& wb) {
    auto& s = wb.session();
    const ImVec2 lo = ImGui::GetCursorScreenPos(), avail = ImGui::GetContentRegionAvail();
    m_rect = ImVec4(lo.x, lo.y, lo.x + avail.x, lo.y + avail.y);
    if (app::businessCaseLedgers(s.doc().model()).empty()) {
        ImGui::TextWrapped(
            "This model has no business case: list each payer's cumulative cost (a ledger "
            "stock such as council spend) in a group named \"%s\".",
            app::kBusinessCaseGroup);
        return;
    }
    if (s.kept().empty()) {
        ImGui::TextWrapped(
            "The business case compares a scenario with a baseline. Keep the current run as the "
            "baseline, then switch levers, move sliders or pick a scenario.");
        if (ImGui::Button("Keep the current run as the baseline")) s.keepRun("");
        return;
    }
    header(wb);
    wb.panel<UncertaintyPanel>().rangeSummaryLine(wb);  // issue 14: the P10 to P90 over a Monte Carlo
    if (wb.panel<UncertaintyPanel>().businessRange()) ImGui::SetNextItemOpen(true, ImGuiCond_Once);
    if (ImGui::TreeNode("How sure: the range over the model's uncertain inputs")) {  // issue 14
        wb.panel<UncertaintyPanel>().businessRangeSection(wb);
        ImGui::TreePop();
    }
    const auto* r = report(wb);
    if (!r || !r->result) {
        ImGui::TextWrapped("No business case: %s", r ? r->error.c_str() : "the runs are not ready yet");
        return;
    }
    const auto& specs = s.doc().project().specs;
    ImGui::TextWrapped(
        "Cost saved each year by each payer: baseline less scenario, negative while the scenario "
        "costs more%s. %s.",
        specs.priceBase.empty() ? "" : (", in " + specs.priceBase + " prices").c_str(), r->note.c_str());
    const ImVec2 rest = ImGui::GetContentRegionAvail();
    // The two tables share the width as their columns need it (measured in the last frame).
    const float need = m_tableNeeds[0] + m_tableNeeds[1];
    const float left = rest.x * (need > 0 ? std::clamp(m_tableNeeds[0] / need, 0.4f, 0.7f) : 0.56f);
    ImGui::BeginChild("##bcleft", ImVec2(left, rest.y), false);
    yearTable(*r);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##bcright", ImVec2(0, rest.y), false);
    summaryTable(*r);
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("Net present value at %s", app::discountRateNote(m_rate).c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    cumulativeBars(*r, ImGui::GetContentRegionAvail());
    ImGui::EndChild();
}

}  // namespace sdw::ui
