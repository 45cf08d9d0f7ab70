// What `sdw run --compare` prints: each outcome measure at a chosen time under the baseline and each
// scenario's change (in its units and pounds, better or worse by the measure's direction), then each
// scenario's business case by payer (app/comparison: the same text the workbench shows).
// Layer: workbench/cli. No GUI, no Lua.
#include <ostream>

#include "solver/xmile/xmile.hpp"
#include "workbench/app/comparison.hpp"
#include "workbench/cli/commands.hpp"

namespace sdw::cli {

void writeComparison(std::ostream& out, const model::Project& project,
                     const std::vector<sim::RunResult>& results, const std::vector<std::string>& labels,
                     const std::vector<std::string>& files, const std::vector<std::string>& measures,
                     std::optional<double> at) {
    const sim::RunResult& base = results.front();
    const double t = at.value_or(base.stop);
    out << (at ? "Values on " : "Values at the end of the run, ") << app::describeTime(project.specs, t)
        << ": the baseline, then each scenario's change from it";
    if (!project.specs.priceBase.empty()) out << "; money in " << project.specs.priceBase << " prices";
    out << ".\n\n" << app::renderText(app::comparisonTable(project, results, measures, t)) << "\n";
    for (size_t k = 1; k < results.size(); ++k)
        out << "[" << k << "] " << labels[k] << "  (" << files[k - 1] << ")\n";
}

void writeBusinessCases(std::ostream& out, const model::Project& project,
                        const std::vector<sim::RunResult>& results, const std::vector<std::string>& labels,
                        double discountRate) {
    const auto ledgers = app::businessCaseLedgers(project.main());
    if (ledgers.empty() || results.size() < 2) return;
    for (size_t k = 1; k < results.size(); ++k) {
        out << "\nBusiness case of [" << k << "] " << labels[k]
            << " against the baseline: cost saved each year by each payer (baseline less scenario; negative "
               "while the scenario costs more)"
            << (project.specs.priceBase.empty() ? ", in the model's prices"
                                                : ", in " + project.specs.priceBase + " prices")
            << "\n";
        const auto r = app::businessCaseReport(project, results.front(), results[k], ledgers, discountRate);
        if (!r.result) {
            out << "  (not computed: " << r.error << ")\n";
            continue;
        }
        out << r.note << ".\n" << app::renderText(r.table);
        out << "payback year:";
        for (const auto& p : r.payback) out << "  " << p << ";";
        out << "\nnet present value at " << app::discountRateNote(discountRate) << ":";
        for (const auto& p : r.npv) out << "  " << p << ";";
        out << "\n";
    }
}

}  // namespace sdw::cli
