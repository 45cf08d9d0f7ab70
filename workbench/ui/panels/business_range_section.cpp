// The How sure tab's business case range (see uncertainty_panel.hpp): started here, shown here and on the
// Business case tab; made for each Monte Carlo ensemble when there is a business case. Layer:
// workbench/ui/panels (ImGui). No Lua.
#include <thread>

#include "workbench/app/comparison.hpp"
#include "workbench/app/quantity.hpp"
#include "workbench/ui/panels/business_case_panel.hpp"
#include "workbench/ui/panels/uncertainty_panel.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

bool UncertaintyPanel::startBusinessRange(Workbench& wb) {
    return startRange(
        wb, {static_cast<size_t>(std::max(0, m_runsBox)), static_cast<uint64_t>(std::max(0, m_seedBox))},
        false);
}

bool UncertaintyPanel::startRange(Workbench& wb, const app::FanOptions& draws, bool ensemble) {
    std::string error;
    const double rate = wb.panel<BusinessCasePanel>().discountRate();
    auto setup = app::businessRangeSetupFor(wb.session(), draws, rate, error);
    if (!setup || m_range.job().running()) {
        m_rangeMessage = "Not started: " + (setup ? std::string("a range is being made") : error);
        return false;
    }
    m_rangeMessage.clear();
    return m_range.start(
        [setup = std::move(*setup), ensemble](const analysis::TrialOptions& o, app::BusinessRange& out) {
            std::string error;
            app::runBusinessRange(setup, o, out, error);
            out.ensemble = ensemble;
            return error;
        },
        2 * setup->spec.runs);
}

void UncertaintyPanel::ensembleRange(Workbench& wb, const app::FanResult& r) {
    const auto& s = wb.session();
    // Only where there is a business case to range: a kept baseline and the model's cost ledgers.
    if (s.kept().empty() || app::businessCaseLedgers(s.doc().model()).empty() || m_range.job().running())
        return;
    if (!startRange(wb, {r.setup.spec.runs, r.setup.spec.seed}, true))
        m_rangeMessage =
            "No range for the ensemble: " + m_rangeMessage.substr(std::string("Not started: ").size());
}

void UncertaintyPanel::rangeSummaryLine(Workbench& wb) {
    const auto r = m_range.result();
    if (r && r->setup.scenario.matches(wb.session())) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.13f, 0.35f, 0.6f, 1));
        ImGui::TextWrapped("%s.", app::rangeSummary(*r).c_str());
        ImGui::PopStyleColor();
        return;
    }
    ImGui::TextDisabled(m_range.job().running() ? "Making the range over the Monte Carlo ensemble..."
                                                : "One run: the model's central values. For a P10 to P90 "
                                                  "range, run a Monte Carlo (How sure tab).");
}

bool UncertaintyPanel::settleBusinessRange(Workbench& wb, std::chrono::milliseconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (m_range.job().running()) {
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        beforeFrame(wb);
    }
    return true;
}

void UncertaintyPanel::businessRangeSection(Workbench& wb) {
    ImGui::TextUnformatted("Business case range: the current run against the kept baseline");
    if (m_range.job().running()) {
        progressLine(
            m_range.job(), "runs", [this] { m_range.cancel(); }, m_rangeCancel);
    } else {
        if (ImGui::Button("Make the range")) startBusinessRange(wb);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip(
                "Each Monte Carlo draw run twice, as the baseline and as the current run (runs "
                "and seed as above)");
    }
    if (!m_rangeMessage.empty())
        ImGui::TextColored(ImVec4(0.72f, 0.3f, 0.05f, 1), "%s", m_rangeMessage.c_str());
    const auto r = m_range.result();
    if (!r) return;
    ImGui::TextWrapped(
        "Net present value at %.1f%%: %s (5-95%%: %s to %s); saves money in %.0f%% of %zu draws",
        r->setup.discountRate * 100, app::money(r->npv50, true).c_str(), app::money(r->npv5, true).c_str(),
        app::money(r->npv95, true).c_str(), r->shareSaving * 100, r->pairs);
    ImGui::TextWrapped("Cumulative saving by the end: %s (5-95%%: %s to %s; 10-90%%: %s to %s)",
                       app::money(r->saving50, true).c_str(), app::money(r->saving5, true).c_str(),
                       app::money(r->saving95, true).c_str(), app::money(r->saving10, true).c_str(),
                       app::money(r->saving90, true).c_str());
    ImGui::TextDisabled("%s", r->ensemble ? "The draws of the Monte Carlo above (its runs and seed)."
                                          : "Draws as the runs and seed boxes above.");
    if (!r->setup.scenario.matches(wb.session()))
        ImGui::TextColored(ImVec4(0.72f, 0.3f, 0.05f, 1),
                           "The settings changed since: make the range again.");
}

}  // namespace sdw::ui
