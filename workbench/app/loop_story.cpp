// The loops panel's data from a scored run (see loop_story.hpp). Layer: workbench/app. No ImGui, GLFW, GL or
// Lua.
#include "workbench/app/loop_story.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "workbench/app/comparison.hpp"
#include "workbench/app/format.hpp"

namespace sdw::app {

using analysis::DominancePeriod;
using analysis::Loop;
using analysis::LoopScores;

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool matches(const Loop& l, const std::string& filter) {
    if (filter.empty()) return true;
    const std::string f = lower(filter), key = model::canonicalName(filter);
    if (lower(l.id).find(f) != std::string::npos || lower(l.name).find(f) != std::string::npos) return true;
    return std::any_of(l.canonical.begin(), l.canonical.end(),
                       [&](const std::string& v) { return v.find(key) != std::string::npos; });
}

double peakOf(const std::vector<double>& rel) {
    double peak = 0;
    for (double v : rel)
        if (std::fabs(v) > std::fabs(peak)) peak = v;
    return peak;
}

std::string percent(double share) {
    char buf[32];
    const double p = std::fabs(share) * 100;
    std::snprintf(buf, sizeof buf, p >= 10 || p == 0 ? "%.0f%%" : p >= 1 ? "%.1f%%" : "%.2g%%", p);
    return buf;
}

}  // namespace

std::string loopPath(const Loop& l) {
    std::string p;
    for (const auto& v : l.variables) p += displayName(v) + " -> ";
    return p + (l.variables.empty() ? "" : displayName(l.variables.front()));
}

std::string shareCell(double share) {
    if (share == 0) return "0%";
    if (std::fabs(share) < 0.005) return "<1%";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.0f%%", share * 100);
    return buf;
}

std::string loopLabel(const Loop& loop) {
    return loop.name.empty() ? loop.id : loop.id + " " + loop.name;
}

std::optional<size_t> inChargeAt(const LoopScores& scores, const std::vector<DominancePeriod>& periods,
                                 size_t row) {
    if (row >= scores.times.size()) return std::nullopt;
    const double t = scores.times[row];
    for (const DominancePeriod& p : periods)
        if (p.start <= t && t <= p.end) return p.loop;
    return std::nullopt;
}

std::vector<LoopRow> loopRows(const LoopScores& scores, const std::vector<DominancePeriod>& periods,
                              size_t row, LoopOrder order, const std::string& filter) {
    std::vector<LoopRow> rows;
    const auto charge = inChargeAt(scores, periods, row);
    for (size_t k = 0; k < scores.list.loops.size(); ++k) {
        const Loop& l = scores.list.loops[k];
        if (!matches(l, filter)) continue;
        LoopRow r;
        r.loop = k;
        r.id = l.id;
        r.name = l.name;
        r.polarity = analysis::polarityLetter(l.polarity);
        r.length = l.length();
        r.path = loopPath(l);
        if (k < scores.relative.size()) {
            r.now = row < scores.relative[k].size() ? scores.relative[k][row] : 0.0;
            r.peak = peakOf(scores.relative[k]);
        }
        r.inCharge = charge && *charge == k;
        rows.push_back(std::move(r));
    }
    const auto by = [&](const LoopRow& a, const LoopRow& b) {
        switch (order) {
            case LoopOrder::Named:
                if (a.name.empty() != b.name.empty()) return !a.name.empty();
                return std::fabs(a.peak) > std::fabs(b.peak);
            case LoopOrder::Now:
                return std::fabs(a.now) > std::fabs(b.now);
            case LoopOrder::Peak:
                return std::fabs(a.peak) > std::fabs(b.peak);
        }
        return false;
    };
    std::stable_sort(rows.begin(), rows.end(), by);
    return rows;
}

std::shared_ptr<const LoopScores> amongNamed(const LoopScores& scores) {
    auto out = std::make_shared<LoopScores>();
    out->times = scores.times;
    out->links = scores.links;
    out->list.complete = false;
    out->list.variables = scores.list.variables;
    out->list.links = scores.list.links;
    for (size_t k = 0; k < scores.list.loops.size(); ++k) {
        if (scores.list.loops[k].name.empty()) continue;
        out->list.loops.edit().push_back(scores.list.loops[k]);
        out->score.push_back(scores.score[k]);
    }
    if (out->list.loops.empty()) return nullptr;
    out->relative.assign(out->score.size(), std::vector<double>(out->times.size(), 0.0));
    for (size_t row = 0; row < out->times.size(); ++row) {
        double total = 0;
        for (const auto& s : out->score) total += std::fabs(s[row]);
        if (!(total > 0) || !std::isfinite(total)) continue;
        for (size_t l = 0; l < out->score.size(); ++l) out->relative[l][row] = out->score[l][row] / total;
    }
    out->rule = "the " + std::to_string(out->list.loops.size()) +
                " loops the model names, each one's share of their total (of " + scores.rule + ")";
    out->list.rule = out->rule;
    return out;
}

std::vector<Takeover> loopStory(const LoopScores& scores, const std::vector<DominancePeriod>& periods,
                                const model::SimSpecs& specs) {
    std::vector<Takeover> out;
    for (const DominancePeriod& p : periods) {
        const Loop& l = scores.list.loops[p.loop];
        std::string when = p.start == p.end
                               ? "at " + describeTime(specs, p.start)
                               : describeTime(specs, p.start) + " to " + describeTime(specs, p.end);
        std::string text = when + ": " + loopLabel(l) + ", up to " + percent(p.peak) +
                           (p.peak > 0 ? " (reinforcing)" : " (balancing)");
        out.push_back({p.start, p.end, p.loop, p.peak, std::move(text)});
    }
    return out;
}

std::vector<size_t> chartedLoops(const LoopScores& scores, const std::vector<DominancePeriod>& periods,
                                 std::optional<size_t> selected, size_t most) {
    std::vector<size_t> out;
    const auto add = [&](size_t k) {
        if (out.size() < most && k < scores.list.loops.size() &&
            std::find(out.begin(), out.end(), k) == out.end())
            out.push_back(k);
    };
    if (selected) add(*selected);
    // The loops that lead, longest in charge first (a model with many short takeovers charts the ones that
    // matter, not the first few).
    std::vector<std::pair<double, size_t>> lead;
    for (const DominancePeriod& p : periods) {
        auto it = std::find_if(lead.begin(), lead.end(), [&](const auto& l) { return l.second == p.loop; });
        if (it == lead.end()) it = lead.insert(lead.end(), {0.0, p.loop});
        it->first += p.end - p.start + 1e-9;  // a one-row period counts too
    }
    std::stable_sort(lead.begin(), lead.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& l : lead) add(l.second);
    for (size_t k = 0; k < scores.list.loops.size(); ++k)
        if (!scores.list.loops[k].name.empty()) add(k);
    std::vector<size_t> byPeak(scores.relative.size());
    for (size_t k = 0; k < byPeak.size(); ++k) byPeak[k] = k;
    std::stable_sort(byPeak.begin(), byPeak.end(), [&](size_t a, size_t b) {
        return std::fabs(peakOf(scores.relative[a])) > std::fabs(peakOf(scores.relative[b]));
    });
    for (size_t k : byPeak) add(k);
    return out;
}

std::vector<HighlightLink> loopHighlight(const LoopScores& scores, size_t loop, size_t row) {
    std::vector<HighlightLink> out;
    if (loop >= scores.list.loops.size()) return out;
    const std::vector<double> weights = analysis::linkWeights(scores, row);
    for (const analysis::LoopLink& link : analysis::loopLinks(scores.list.loops[loop])) {
        HighlightLink h{model::canonicalName(link.from), model::canonicalName(link.to), link.sign, 0};
        for (size_t k = 0; k < scores.links.size(); ++k)
            if (model::canonicalName(scores.links[k].from) == h.from &&
                model::canonicalName(scores.links[k].to) == h.to)
                h.weight = weights[k];
        out.push_back(std::move(h));
    }
    return out;
}

bool nameLoop(Document& doc, const Loop& loop, const std::string& name, const std::string& description) {
    if (name == loop.name && (name.empty() || description == loop.description)) return false;
    doc.editProject([&](model::Project& p) { analysis::nameLoop(p, loop, name, description); });
    return true;
}

}  // namespace sdw::app

namespace sdw::app {

std::vector<size_t> presentedLoops(const LoopScores& scores, const std::vector<DominancePeriod>& periods,
                                   size_t most) {
    std::vector<size_t> out;
    for (size_t k = 0; k < scores.list.loops.size() && out.size() < most; ++k)
        if (!scores.list.loops[k].name.empty()) out.push_back(k);
    if (!out.empty()) return out;
    // No names: the loops that lead, as the chart orders them (the selected none, then longest in charge).
    for (size_t k : chartedLoops(scores, periods, std::nullopt, most)) {
        const bool leads = std::any_of(periods.begin(), periods.end(),
                                       [&](const DominancePeriod& p) { return p.loop == k; });
        if (leads) out.push_back(k);
    }
    return out;
}

const char* polarityWord(const Loop& loop) {
    return loop.polarity == analysis::Polarity::Reinforcing ? "reinforcing"
           : loop.polarity == analysis::Polarity::Balancing ? "balancing"
                                                            : "of unknown polarity";
}

}  // namespace sdw::app
