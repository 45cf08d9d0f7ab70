// A scenario comparison and its business case as a strategy lead reads them. Layer: workbench/app. No ImGui,
// GLFW, GL or Lua.
#include "workbench/app/comparison.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "solver/xmile/xmile.hpp"
#include "workbench/app/format.hpp"
#include "workbench/app/quantity.hpp"

namespace sdw::app {
namespace {

// "week" for "weeks"; "time" when the model gives no unit.
std::string unitSingular(const std::string& units) {
    if (units.empty()) return "time";
    return units.size() > 1 && units.back() == 's' ? units.substr(0, units.size() - 1) : units;
}

std::string dayOf(Date d) {
    return std::to_string(d.day) + " " + monthName(d.month) + " " + std::to_string(d.year);
}

// "council spend" for the ledger "ledger_council_spend": the name of its columns in a machine's file.
std::string payerLabel(const std::string& ledger) {
    return displayName(ledger.rfind("ledger_", 0) == 0 ? ledger.substr(7) : ledger);
}

// "no change" when the scenario leaves the payer's costs as they were (a payer the scenario does not touch).
std::string paybackText(const analysis::PayerResult& r, const std::vector<std::string>& years) {
    double scale = 1, change = 0;
    for (size_t y = 0; y < r.saving.size(); ++y) {
        scale = std::max(scale, std::fabs(r.baselineCost[y]));
        change = std::max(change, std::fabs(r.saving[y]));
    }
    if (change <= 1e-9 * scale) return "no change";
    return r.paybackYear ? years[static_cast<size_t>(*r.paybackYear)] : "not by the end of the run";
}

}  // namespace

std::vector<std::string> businessCaseLedgers(const model::Model& model) {
    return xmile::groupMembers(model, kBusinessCaseGroup);
}

// The Green Book's rate is 3.5% a year for the first 30 years (1.5% where health effects are valued); no
// source in the model's evidence states it, so it is offered as an assumption with a range to try.
std::string discountRateNote(double rate) {
    std::string pct = readableNumber(rate * 100);
    std::string note = pct + "% a year";
    if (std::fabs(rate - analysis::kGreenBookDiscountRate) < 1e-12)
        note += " (the HM Treasury Green Book rate; an assumption: try 1.5% to 5%)";
    else
        note += " (an assumption; the HM Treasury Green Book rate is 3.5%)";
    return note;
}

std::string payerName(const std::string& ledger) {
    std::string words = payerLabel(ledger);
    for (char& c : words) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* tail : {" spending", " spend", " costs", " cost"})  // what the ledger counts, not who
        if (const std::string t = tail; words.size() > t.size() && words.ends_with(t)) {
            words.resize(words.size() - t.size());
            break;
        }
    // The payers of English adult social care as a board paper names them.
    if (words == "nhs") return "NHS";
    if (words == "self funder" || words == "self funders" || words == "self funded")
        return "People paying for their own care";
    if (!words.empty()) words[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(words[0])));
    return words;
}

std::string BusinessCaseReport::paybackOf(const analysis::PayerResult& payer) const {
    return paybackText(payer, years);
}

std::string renderText(const TextTable& table) {
    std::vector<size_t> widths;
    for (const auto& row : table.rows)
        for (size_t c = 0; c < row.size(); ++c) {
            if (widths.size() <= c) widths.push_back(0);
            widths[c] = std::max(widths[c], displayWidth(row[c]));
        }
    std::string out;
    for (const auto& row : table.rows) {
        std::string line;
        for (size_t c = 0; c < row.size(); ++c)
            line += c == 0 ? padRight(row[c], widths[c]) : "  " + padLeft(row[c], widths[c]);
        line.erase(line.find_last_not_of(' ') + 1);
        out += line + "\n";
    }
    return out;
}

std::string verdict(double change, double baseline, model::Better better) {
    if (!std::isfinite(change)) return "";
    if (std::fabs(change) <= 1e-9 * std::max(1.0, std::fabs(baseline))) return "no change";
    if (better == model::Better::Unknown) return "";
    return (change > 0) == (better == model::Better::Higher) ? "better" : "worse";
}

std::string describeChange(double change, double baseline, const std::string& units, model::Better better) {
    const std::string word = verdict(change, baseline, better);
    if (word == "no change") return word;
    return changeWithUnits(change, baseline, units) + (word.empty() ? "" : " " + word);
}

std::optional<double> valueAt(const sim::RunResult& run, const std::string& name, double t) {
    const auto values = run.series(name);
    const auto times = run.series("Time");
    if (values.empty() || times.size() != values.size()) return std::nullopt;
    return analysis::interpolate(times, values, t);
}

std::string describeTime(const model::SimSpecs& specs, double t) {
    const std::string unit = unitSingular(specs.timeUnits) + " " + readableNumber(t);
    if (const auto cal = Calendar::of(specs)) return cal->day(t) + " (" + unit + ")";
    return unit;
}

std::string describeValueAt(const model::SimSpecs& specs, double t, double value, const std::string& units) {
    const std::string when =
        (Calendar::of(specs) ? "Value on " : "Value at ") + describeTime(specs, t) + ": ";
    if (!std::isfinite(value)) return when + "none (" + (std::isnan(value) ? "NaN" : "infinite") + ")";
    return when + withUnits(value, units);
}

std::optional<double> parseTimeChoice(const model::SimSpecs& specs, const std::string& text,
                                      std::string& error) {
    const auto cal = Calendar::of(specs);
    const bool digits4 = text.size() >= 4 && std::all_of(text.begin(), text.begin() + 4, ::isdigit);
    if (cal && digits4 && text.size() == 4) return cal->timeAt({std::stoi(text), 1, 1});
    if (cal && digits4 && text.size() == 7 && text[4] == '/') return cal->timeAt({std::stoi(text), 4, 1});
    if (const auto d = parseDate(text); cal && d) return cal->timeAt(*d);
    char* end = nullptr;
    const double t = std::strtod(text.c_str(), &end);
    if (!cal && !text.empty() && end && *end == '\0' && std::isfinite(t)) return t;
    error = cal ? "'" + text + "' is not a year (2030), a financial year (2030/31) or a day (2030-04-01)"
                : "'" + text +
                      "' is not a time in the model's units (the model has no calendar start, so "
                      "years and dates cannot be used)";
    return std::nullopt;
}

TextTable comparisonTable(const model::Project& project, const std::vector<sim::RunResult>& results,
                          const std::vector<std::string>& measures, double t) {
    TextTable table;
    table.rows.push_back({"measure", "baseline"});
    for (size_t k = 1; k < results.size(); ++k) table.rows.front().push_back("[" + std::to_string(k) + "]");
    for (const auto& name : measures) {
        const auto b = valueAt(results.front(), name, t);
        if (!b) continue;
        const model::Variable* v = project.main().find(name);
        const std::string units = v ? v->units : "";
        const model::Better better = v ? v->better : model::Better::Unknown;
        std::vector<std::string> row{displayName(name), withUnits(*b, units)};
        for (size_t k = 1; k < results.size(); ++k) {
            const auto s = valueAt(results[k], name, t);
            row.push_back(s ? describeChange(*s - *b, *b, units, better) : "-");
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

BusinessCaseReport businessCaseReport(const model::Project& project, const sim::RunResult& baseline,
                                      const sim::RunResult& scenario, const std::vector<std::string>& ledgers,
                                      double discountRate) {
    BusinessCaseReport r;
    const double perYear = analysis::timeUnitsPerYear(project.specs.timeUnits);
    if (perYear <= 0) {
        r.error =
            "the model's time unit ('" + project.specs.timeUnits + "') is not one sdw can count years in";
        return r;
    }
    auto in = analysis::ledgersFromRuns(baseline, scenario, ledgers, perYear, r.error);
    if (!in) return r;
    in->discountRate = discountRate;
    const auto cal = Calendar::of(project.specs);
    int firstFinancialYear = 0;
    if (cal) {
        const Date start = cal->dateAt(in->times.front());
        Date april{start.year, 4, 1};
        if (start.month > 4 || (start.month == 4 && start.day > 1)) ++april.year;
        firstFinancialYear = april.year;
        *in = analysis::startingAt(*in, cal->timeAt(april));
        r.note = "Financial years April to March from 1 Apr " + std::to_string(april.year);
        if (!(start == april)) r.note += " (the run's start, " + dayOf(start) + ", comes before it)";
    } else {
        r.note = "Years of the run from its start (the model gives no calendar start)";
    }
    r.result = analysis::computeBusinessCase(*in, r.error);
    if (!r.result) return r;
    const auto& bc = *r.result;
    for (int y = 0; y < bc.years; ++y)
        r.years.push_back(cal ? financialYearLabel(firstFinancialYear + y) : "year " + std::to_string(y + 1));
    const model::Variable* first = project.main().find(ledgers.front());
    const double scale = first ? moneyScale(first->units) : 0;
    r.poundsPerUnit = scale;
    const auto& years = r.years;
    const auto amount = [&](double v) {
        return scale > 0 ? money(v * scale, true) : readableNumber(v, true);
    };
    auto& header = r.table.rows.emplace_back(std::vector<std::string>{"year"});
    for (const auto& p : bc.payers) {
        r.payers.push_back(payerName(p.payer));
        r.payerColumns.push_back(payerLabel(p.payer));
    }
    header.insert(header.end(), r.payers.begin(), r.payers.end());
    header.insert(header.end(), {"total", "cumulative total"});
    for (size_t y = 0; y < years.size(); ++y) {
        std::vector<std::string> row{years[y]};
        for (const auto& p : bc.payers) row.push_back(amount(p.saving[y]));
        row.push_back(amount(bc.total.saving[y]));
        row.push_back(amount(bc.total.cumulativeSaving[y]));
        r.table.rows.push_back(std::move(row));
    }
    for (const auto& p : bc.payers) {
        r.payback.push_back(payerName(p.payer) + ": " + paybackText(p, years));
        r.npv.push_back(payerName(p.payer) + ": " + amount(p.netPresentValue));
    }
    r.payback.push_back("total: " + paybackText(bc.total, years));
    r.npv.push_back("total: " + amount(bc.total.netPresentValue));
    return r;
}

}  // namespace sdw::app
