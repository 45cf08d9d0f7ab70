// Tests of the shipped model library (models/): every model compiles cleanly, keeps stocks non-negative,
// conserves people, behaves under extreme conditions, hits its calibration targets, and lays its diagram out
// so that no two names overlap. Layer: tests/solver (links the solver only; no Lua).
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "solver/compile/compiled_model.hpp"
#include "solver/equations/parser.hpp"
#include "solver/io/load_model.hpp"
#include "solver/sim/simulate.hpp"
#include "solver/xmile/xmile.hpp"
#include "tests/solver/model_test_util.hpp"

using namespace sdw;
using namespace sdw::test;

namespace {

// ---- the saved diagram, with the sizes the workbench draws (workbench/ui/canvas_draw.cpp, theme.cpp, zoom
// 1): 15 px DejaVu Sans labels word-wrapped (auxes and valves at 110 px, stocks at max(width + 30, 120) px),
// an aux circle of radius 12, a valve of radius 8, stocks as saved (45 x 35 when the file gives none).
// Character widths are lower-case averages for DejaVu Sans: about 8 px regular, 9 px bold.
struct Box {
    std::string name;
    double x0, y0, x1, y1;
};

constexpr double kLabelFont = 15, kLabelLine = 15 * 1.05;

std::pair<double, double> labelSize(const std::string& name, double maxW, double charW) {
    std::string text = name;
    std::replace(text.begin(), text.end(), '_', ' ');
    std::istringstream words(text);
    std::vector<std::string> lines;
    std::string line, word;
    while (words >> word) {
        const std::string cand = line.empty() ? word : line + " " + word;
        if (!line.empty() && static_cast<double>(cand.size()) * charW > maxW) {
            lines.push_back(line);
            line = word;
        } else {
            line = cand;
        }
    }
    if (!line.empty()) lines.push_back(line);
    size_t widest = 0;
    for (const auto& l : lines) widest = std::max(widest, l.size());
    return {static_cast<double>(widest) * charW, static_cast<double>(lines.size()) * kLabelLine};
}

// An alias is drawn in the shape of its variable (a stock at Stella's default 45 x 35, a circle of radius 12
// otherwise) with its name in regular type below; it is named "alias <uid> of <name>" so that it may not
// overlap its own original either.
std::vector<Box> diagramBoxes(const model::Model& m, const model::View& view) {
    std::vector<Box> out;
    for (const auto& o : view.objects) {
        using K = model::ViewObject::Kind;
        if (o.kind == K::Alias) {
            const auto* v = m.find(o.name);
            const bool stock = v && v->kind == model::VarKind::Stock;
            const double hw = stock ? 22.5 : 12, hh = stock ? 17.5 : 12;
            const auto [lw, lh] = labelSize(o.name, 110, 8);
            const std::string key = "alias " + o.uid + " of " + o.name;
            out.push_back({key, o.x - hw, o.y - hh, o.x + hw, o.y + hh});
            out.push_back({key, o.x - lw / 2, o.y + hh + 2, o.x + lw / 2, o.y + hh + 2 + lh});
        } else if (o.kind == K::Stock) {
            const double w = o.width.value_or(45), h = o.height.value_or(35);
            const auto [lw, lh] = labelSize(o.name, std::max(w + 30, 120.0), 9);
            out.push_back({o.name, o.x - w / 2, o.y - h / 2, o.x + w / 2, o.y + h / 2});
            out.push_back({o.name, o.x - lw / 2, o.y + h / 2 + 3, o.x + lw / 2, o.y + h / 2 + 3 + lh});
        } else if (o.kind == K::Aux) {
            const auto [lw, lh] = labelSize(o.name, 110, 8);
            out.push_back({o.name, o.x - 12, o.y - 12, o.x + 12, o.y + 12});
            out.push_back({o.name, o.x - lw / 2, o.y + 14, o.x + lw / 2, o.y + 14 + lh});
        } else if (o.kind == K::Flow) {
            const auto [lw, lh] = labelSize(o.name, 110, 8);
            out.push_back({o.name, o.x - 8, o.y - 8, o.x + 8, o.y + 8});
            const bool vertical =
                o.points.size() >= 2 && std::abs(o.points.front().first - o.points.back().first) < 1;
            if (vertical) {  // the label sits to the right of the valve
                const double cx = o.x + 8 + 4 + 45;
                out.push_back(
                    {o.name, cx - lw / 2, o.y - kLabelFont / 2, cx + lw / 2, o.y - kLabelFont / 2 + lh});
            } else {
                out.push_back({o.name, o.x - lw / 2, o.y + 10, o.x + lw / 2, o.y + 10 + lh});
            }
        }
    }
    return out;
}
}  // namespace

TEST_CASE("models: every shipped model compiles with no errors and no unit warnings", "[models]") {
    for (const auto& rel : kAllModels) {
        Loaded l = load(rel);
        INFO(rel);
        CHECK_FALSE(l.diags.hasErrors());
        for (const auto& d : l.diags.items()) {
            INFO(diag::format(d));
            CHECK(d.code != diag::code::kUnitMismatch);
            CHECK(d.code != diag::code::kUnitParse);
        }
        // every variable documents itself and states its units; every literal constant a user moves has a
        // range
        for (const auto& v : l.project.main().variables) {
            INFO(v.name);
            CHECK_FALSE(v.doc.empty());
            CHECK_FALSE(v.units.empty());
        }
    }
}

TEST_CASE("models: no two stocks, auxiliaries, valves or labels overlap in the saved diagrams",
          "[models][diagram]") {
    // A strategy lead reads the default model from its diagram: every name must be legible. This checks the
    // saved view with the workbench's sizes.
    for (const auto& rel : kAllModels) {
        Loaded l = load(rel);
        REQUIRE_FALSE(l.project.main().views.empty());
        const model::View& view = l.project.main().views.front();
        const auto boxes = diagramBoxes(l.project.main(), view);
        size_t drawn = 0;
        for (const auto& o : view.objects)
            if (o.kind == model::ViewObject::Kind::Stock || o.kind == model::ViewObject::Kind::Aux ||
                o.kind == model::ViewObject::Kind::Flow)
                ++drawn;
        CHECK(drawn == l.project.main().variables.size());  // every variable is on the diagram
        std::set<std::pair<std::string, std::string>> clashes;
        for (size_t i = 0; i < boxes.size(); ++i)
            for (size_t j = i + 1; j < boxes.size(); ++j) {
                const Box &a = boxes[i], &b = boxes[j];
                if (a.name != b.name && a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1)
                    clashes.insert(std::minmax(a.name, b.name));
            }
        for (const auto& [a, b] : clashes) UNSCOPED_INFO(rel << ": " << a << " overlaps " << b);
        CHECK(clashes.empty());
        // sectors: every stock, auxiliary and alias sits inside one group box (the model's sectors)
        std::vector<Box> groups;
        for (const auto& o : view.objects)
            if (o.kind == model::ViewObject::Kind::Group && o.width && o.height)
                groups.push_back({o.name, o.x - *o.width / 2, o.y - *o.height / 2, o.x + *o.width / 2,
                                  o.y + *o.height / 2});
        CHECK(groups.size() == (rel == kCounty ? 7u : rel.find("prevention") != std::string::npos ? 3u : 2u));
        for (const auto& b : boxes) {
            const bool alias = b.name.rfind("alias ", 0) == 0;
            const auto* v = alias ? nullptr : l.project.main().find(b.name);
            REQUIRE((alias || v));
            if (v && v->kind == model::VarKind::Flow) continue;  // pipes cross from one sector to the next
            const bool inside = std::any_of(groups.begin(), groups.end(), [&](const Box& g) {
                return b.x0 >= g.x0 && b.x1 <= g.x1 && b.y0 >= g.y0 && b.y1 <= g.y1;
            });
            INFO(b.name << " lies outside every sector box");
            CHECK(inside);
        }
    }
}

namespace {

std::vector<Box> sectorBoxes(const model::View& view) {
    std::vector<Box> out;
    for (const auto& o : view.objects)
        if (o.kind == model::ViewObject::Kind::Group && o.width && o.height)
            out.push_back(
                {o.name, o.x - *o.width / 2, o.y - *o.height / 2, o.x + *o.width / 2, o.y + *o.height / 2});
    return out;
}

// The sector whose box holds a point, or "" when none does.
std::string sectorAt(const std::vector<Box>& sectors, double x, double y) {
    for (const auto& g : sectors)
        if (x >= g.x0 && x <= g.x1 && y >= g.y0 && y <= g.y1) return g.name;
    return "";
}

// Canonical names an equation reads.
std::set<std::string> namesRead(const std::string& equation) {
    diag::Diagnostics d;
    const auto e = equations::parse(equation, "test", d);
    std::set<std::string> out;
    for (const auto& n : e.nodes)
        if (n.kind == equations::NodeKind::Name) out.insert(n.name);
    return out;
}

}  // namespace

TEST_CASE("models: connectors stay inside their sector, inputs drawn elsewhere come from aliases",
          "[models][diagram]") {
    // A strategy lead reads one sector at a time. An input drawn in another sector appears in the sector that
    // uses it as an alias (a ghost), and the connector starts there, so no information arrow crosses a
    // sector's border: only pipes do, carrying people and money from one sector to the next. The shipped
    // models follow that rule everywhere, so the allowance is none.
    constexpr size_t kAllowedCrossings = 0;
    for (const auto& rel : kAllModels) {
        INFO(rel);
        Loaded l = load(rel);
        const model::Model& m = l.project.main();
        const model::View& view = m.views.front();
        const auto sectors = sectorBoxes(view);
        REQUIRE_FALSE(sectors.empty());
        std::map<std::string, const model::ViewObject*> symbols, aliases;  // by canonical name; by uid
        for (const auto& o : view.objects) {
            using K = model::ViewObject::Kind;
            if (o.kind == K::Stock || o.kind == K::Flow || o.kind == K::Aux)
                symbols[model::canonicalName(o.name)] = &o;
            if (o.kind == K::Alias) {
                INFO("alias " << o.uid << " of " << o.name);
                CHECK_FALSE(o.uid.empty());
                CHECK(aliases.emplace(o.uid, &o).second);  // uids are unique
            }
        }
        // every alias stands for a variable of the model, inside a sector other than its original's
        std::set<std::pair<std::string, std::string>> aliasPlaces;
        for (const auto& [uid, a] : aliases) {
            INFO("alias " << uid << " of " << a->name);
            REQUIRE(m.find(a->name));
            REQUIRE(symbols.count(model::canonicalName(a->name)));
            const auto* original = symbols.at(model::canonicalName(a->name));
            const std::string where = sectorAt(sectors, a->x, a->y);
            CHECK_FALSE(where.empty());
            CHECK(where != sectorAt(sectors, original->x, original->y));
            CHECK(aliasPlaces.emplace(model::canonicalName(a->name), where).second);  // one alias a sector
        }
        // every connector runs inside one sector, from an input of the equation it points at
        size_t crossings = 0;
        std::set<std::pair<std::string, std::string>> drawn;  // (input, user)
        for (const auto& o : view.objects) {
            if (o.kind != model::ViewObject::Kind::Connector) continue;
            INFO("connector " << o.uid << ": " << o.from << " -> " << o.to);
            const model::ViewObject* from = nullptr;
            if (o.fromAlias) {
                REQUIRE(aliases.count(o.from));
                from = aliases.at(o.from);
            } else {
                REQUIRE(symbols.count(model::canonicalName(o.from)));
                from = symbols.at(model::canonicalName(o.from));
            }
            REQUIRE_FALSE(o.toAlias);  // a connector ends at the variable that reads the input
            REQUIRE(symbols.count(model::canonicalName(o.to)));
            const auto* to = symbols.at(model::canonicalName(o.to));
            const std::string a = sectorAt(sectors, from->x, from->y), b = sectorAt(sectors, to->x, to->y);
            if (a.empty() || a != b) {
                ++crossings;
                UNSCOPED_INFO(rel << ": " << from->name << " (" << a << ") -> " << to->name << " (" << b
                                  << ")");
            }
            const std::string input = model::canonicalName(from->name), user = model::canonicalName(to->name);
            drawn.emplace(input, user);
            const auto* v = m.find(to->name);
            REQUIRE(v);
            CHECK(namesRead(v->equation).count(input));
        }
        CHECK(crossings <= kAllowedCrossings);
        // and every input of a flow or auxiliary is drawn: the diagram hides no cause
        for (const auto& v : m.variables) {
            if (v.kind == model::VarKind::Stock) continue;
            for (const auto& n : namesRead(v.equation)) {
                if (!m.find(n) || n == model::canonicalName(v.name)) continue;
                INFO(n << " -> " << v.name << " has no connector");
                CHECK(drawn.count({n, model::canonicalName(v.name)}));
            }
        }
    }
}

TEST_CASE("models: within a sector, flows between stocks run left to right", "[models][diagram]") {
    // Read a sector like a sentence. One flow of the county model goes back leftwards on purpose: people
    // supported at home instead of a care home who go into one later rejoin the queue they were diverted
    // from.
    const std::set<std::string> leftwards = {"diverted_later_admissions"};
    size_t checked = 0;  // some models have no flow between two stocks of one sector
    for (const auto& rel : kAllModels) {
        INFO(rel);
        Loaded l = load(rel);
        const model::Model& m = l.project.main();
        const auto sectors = sectorBoxes(m.views.front());
        std::map<std::string, const model::ViewObject*> stockAt;
        for (const auto& o : m.views.front().objects)
            if (o.kind == model::ViewObject::Kind::Stock) stockAt[model::canonicalName(o.name)] = &o;
        std::map<std::string, std::string> source, target;  // flow -> stock
        for (const auto& v : m.variables) {
            if (v.kind != model::VarKind::Stock) continue;
            for (const auto& f : v.outflows) source[model::canonicalName(f)] = model::canonicalName(v.name);
            for (const auto& f : v.inflows) target[model::canonicalName(f)] = model::canonicalName(v.name);
        }
        for (const auto& [flow, from] : source) {
            if (!target.count(flow) || leftwards.count(flow)) continue;
            const auto *a = stockAt.at(from), *b = stockAt.at(target.at(flow));
            if (sectorAt(sectors, a->x, a->y) != sectorAt(sectors, b->x, b->y)) continue;  // between sectors
            INFO(flow << ": " << from << " -> " << target.at(flow));
            CHECK(b->x >= a->x - 1);
            ++checked;
        }
    }
    CHECK(checked >= 8);
}

TEST_CASE("models: no stock goes negative over the run", "[models]") {
    for (const auto& rel : kAllModels) {
        Loaded l = load(rel);
        auto r = run(l);
        for (const auto& v : l.project.main().variables) {
            if (v.kind != model::VarKind::Stock || !v.nonNegative) continue;
            const auto s = r.series(v.name);
            INFO(rel << ": " << v.name);
            REQUIRE(!s.empty());
            CHECK(*std::min_element(s.begin(), s.end()) >= -1e-9);
        }
    }
}

TEST_CASE("models: people are conserved (stock changes equal counted entries minus exits)", "[models]") {
    // The flows that cross the boundary of the people stocks: each must be a counted entry or exit (births,
    // deaths, moves, "independent", new recruits...). Anything else linked to one people stock only is a bug.
    const std::map<std::string, std::set<std::string>> boundary = {
        {kCounty,
         {"entering_adulthood",
          "deaths_18_64",
          "deaths_65_84",
          "deaths_85_plus",
          "onset_with_family_carer",
          "onset_without_carer",
          "deaths_cared_for",
          "deaths_with_needs",
          "deaths_while_supported",
          "emergency_arrivals",
          "admissions_without_a_bed",
          "deaths_in_hospital",
          "discharged_without_support",
          "decided_home_other",
          "short_term_bed_discharges",
          "reablement_to_independence",
          "home_care_ends",
          "diverted_support_ends",
          "discharged_support_ends",
          "care_home_exits",
          "self_funder_admissions",
          "self_funder_exits",
          "learning_disability_support_ends",
          "working_age_support_ends"}},
        {"models/teaching/delayed_discharge/delayed_discharge.xmile",
         {"admissions", "discharged_home", "package_ends"}},
        {"models/teaching/care_home_capacity/care_home_capacity.xmile",
         {"population_growth", "referrals", "exits"}},
        {"models/teaching/care_workforce/care_workforce.xmile", {}},
        {"models/teaching/prevention/prevention.xmile",
         {"becoming_at_risk", "leaving_risk", "leaving_care", "becoming_at_risk_cf", "leaving_risk_cf",
          "leaving_care_cf"}},
    };
    for (const auto& rel : kAllModels) {
        Loaded l = load(rel);
        INFO(rel);
        std::map<std::string, int>
            sign;  // flow -> net sign over people stocks (+1 entry, -1 exit, 0 internal)
        std::vector<std::string> stocks;
        // Co-flows count an attribute of the people in a stock (expected to leave independent, ...), in
        // people but not more people: they are not part of the count.
        const std::set<std::string> coflows = {"reablement_independence_potential",
                                               "reablement_care_home_risk_pool"};
        for (const auto& v : l.project.main().variables) {
            if (v.kind != model::VarKind::Stock || !isPeople(v) ||
                coflows.count(model::canonicalName(v.name)))
                continue;
            stocks.push_back(v.name);
            for (const auto& f : v.inflows) sign[model::canonicalName(f)] += 1;
            for (const auto& f : v.outflows) sign[model::canonicalName(f)] -= 1;
        }
        std::set<std::string> crossing;
        for (const auto& [f, s] : sign) {
            INFO(f);
            CHECK(std::abs(s) <= 1);
            if (s != 0) crossing.insert(f);
        }
        CHECK(crossing == boundary.at(rel));
        if (stocks.empty()) continue;  // the workforce model counts staff (wte), not people
        auto r = run(l, {}, true);
        double change = 0, net = 0, total = 0;
        for (const auto& s : stocks) {
            const auto series = r.series(s);
            change += series.back() - series.front();
            total += series.front();
        }
        for (const auto& [f, s] : sign)
            if (s != 0) net += s * integral(r, f);
        CHECK(change == Approx(net).margin(1e-6 * total + 1e-6));
    }
}

// The workshop scenarios use levers, so they are tested through the Lua scenario host in
// tests/plugins/scenarios_test.cpp, not here.

TEST_CASE("models: teaching models show the effect their README promises", "[models][teaching]") {
    SECTION("care-home capacity: forecasting growth shortens the waiting list") {
        Loaded l = load("models/teaching/care_home_capacity/care_home_capacity.xmile");
        auto lag = run(l, {{"forecast_growth", 0}});
        auto ahead = run(l, {{"forecast_growth", 1}});
        CHECK(meanOver(lag, "waiting_list", 104, 520) > meanOver(ahead, "waiting_list", 104, 520));
        CHECK(meanOver(lag, "occupancy", 104, 520) > 0.98);
    }
    SECTION("care workforce: a pay rise cuts turnover and, later, unmet hours") {
        Loaded l = load("models/teaching/care_workforce/care_workforce.xmile");
        auto same = run(l, {{"pay_rise", 0}});
        auto rise = run(l, {{"pay_rise", 0.15}});
        CHECK(finalOf(same, "turnover_rate") == Approx(0.27).margin(0.03));
        CHECK(finalOf(rise, "turnover_rate") < 0.8 * finalOf(same, "turnover_rate"));
        CHECK(finalOf(rise, "unmet_hours") < finalOf(same, "unmet_hours"));
    }
    SECTION("delayed discharge: a home-care cut fills hospital beds, peaks within weeks, settles higher") {
        Loaded t = load("models/teaching/delayed_discharge/delayed_discharge.xmile");
        auto tb = run(t, {{"home_care_cut_share", 0}}, true);
        auto tc = run(t, {{"home_care_cut_share", 0.1}}, true);
        CHECK(at(tb, "medically_fit_waiting", 26) == Approx(35).margin(1));
        // the README: a peak of about 150 seven weeks after the 10% cut, settling near 75 within six months
        CHECK(at(tc, "medically_fit_waiting", 33) == Approx(150).margin(10));
        CHECK(at(tc, "medically_fit_waiting", 104) == Approx(75).margin(5));
        CHECK(at(tc, "admissions_turned_away", 104) == Approx(10).margin(2));
        CHECK(finalOf(tb, "admissions_turned_away") == Approx(0).margin(1e-9));
    }
    SECTION("prevention: the cumulative net benefit dips below zero, then pays back") {
        Loaded l = load("models/teaching/prevention/prevention.xmile");
        auto r = run(l);
        const auto s = r.series("cumulative_net_benefit");
        REQUIRE(!s.empty());
        CHECK(*std::min_element(s.begin(), s.end()) < 0);
        CHECK(s.back() > 0);
        CHECK(at(r, "prevention_effect", 520) <= constantOf(l, "prevention_max_effect"));
    }
}
