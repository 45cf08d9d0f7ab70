// The business case printed by `sdw run --compare`: for each scenario, each payer's saving by year against
// the baseline, the cumulative saving, the payback year and the net present value
// (solver/analysis/business_case). The payers are the cumulative cost ledgers a model lists in its "Business
// case" group. Layer: workbench/cli.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>

#include "solver/analysis/business_case.hpp"
#include "solver/xmile/xmile.hpp"
#include "workbench/app/format.hpp"
#include "workbench/cli/commands.hpp"

namespace sdw::cli {
using app::readableNumber;
namespace {

// "2025" when the model gives a calendar start, else "year 0".
std::string yearLabel(const model::Project& p, int y) {
    if (p.specs.calendarStart.size() >= 4)
        return std::to_string(std::stoi(p.specs.calendarStart.substr(0, 4)) + y);
    return "year " + std::to_string(y);
}

// "no change" when the scenario leaves the payer's costs as they were (a payer the scenario does not touch).
std::string paybackText(const model::Project& p, const analysis::PayerResult& r) {
    double scale = 1, change = 0;
    for (size_t y = 0; y < r.saving.size(); ++y) {
        scale = std::max(scale, std::fabs(r.baselineCost[y]));
        change = std::max(change, std::fabs(r.saving[y]));
    }
    if (change <= 1e-9 * scale) return "no change";
    return r.paybackYear ? yearLabel(p, *r.paybackYear) : "not by the end of the run";
}

// "council_spend" for the ledger "ledger_council_spend".
std::string payerLabel(const std::string& ledger) {
    return ledger.rfind("ledger_", 0) == 0 ? ledger.substr(7) : ledger;
}

void writeOne(std::ostream& out, const model::Project& p, analysis::BusinessCase bc) {
    for (auto& r : bc.payers) r.payer = payerLabel(r.payer);
    char buf[256];
    std::snprintf(buf, sizeof buf, "%-10s", "year");
    out << buf;
    for (const auto& r : bc.payers) {
        std::snprintf(buf, sizeof buf, " %18.18s", r.payer.c_str());
        out << buf;
    }
    std::snprintf(buf, sizeof buf, " %18s %18s\n", "total", "cumulative total");
    out << buf;
    for (int y = 0; y < bc.years; ++y) {
        const auto k = static_cast<size_t>(y);
        std::snprintf(buf, sizeof buf, "%-10s", yearLabel(p, y).c_str());
        out << buf;
        for (const auto& r : bc.payers) {
            std::snprintf(buf, sizeof buf, " %18s", readableNumber(r.saving[k], true).c_str());
            out << buf;
        }
        std::snprintf(buf, sizeof buf, " %18s %18s\n", readableNumber(bc.total.saving[k], true).c_str(),
                      readableNumber(bc.total.cumulativeSaving[k], true).c_str());
        out << buf;
    }
    out << "payback year:";
    for (const auto& r : bc.payers) out << "  " << r.payer << " " << paybackText(p, r) << ";";
    out << "  total " << paybackText(p, bc.total) << "\n";
    out << "net present value at 3.5% a year (HM Treasury Green Book):";
    for (const auto& r : bc.payers)
        out << "  " << r.payer << " " << readableNumber(r.netPresentValue, true) << ";";
    out << "  total " << readableNumber(bc.total.netPresentValue, true) << "\n";
}

}  // namespace

void writeBusinessCases(std::ostream& out, const model::Project& project,
                        const std::vector<sim::RunResult>& results, const std::vector<std::string>& labels) {
    const auto ledgers = xmile::groupMembers(project.main(), kBusinessCaseGroup);
    const double perYear = analysis::timeUnitsPerYear(project.specs.timeUnits);
    if (ledgers.empty() || results.size() < 2) return;
    if (perYear <= 0) {
        out << "\nNo business case: the model's time unit ('" << project.specs.timeUnits
            << "') is not one sdw can count years in.\n";
        return;
    }
    for (size_t k = 1; k < results.size(); ++k) {
        out << "\nBusiness case of [" << k << "] " << labels[k]
            << " against the baseline: cost saved each year by each payer (baseline less scenario; negative "
               "while the scenario costs more), in the model's prices\n";
        std::string error;
        auto in = analysis::ledgersFromRuns(results.front(), results[k], ledgers, perYear, error);
        std::optional<analysis::BusinessCase> bc;
        if (in) bc = analysis::computeBusinessCase(*in, error);
        if (!bc) {
            out << "  (not computed: " << error << ")\n";
            continue;
        }
        writeOne(out, project, std::move(*bc));
    }
}

}  // namespace sdw::cli
