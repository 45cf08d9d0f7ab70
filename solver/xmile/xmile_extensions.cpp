// sdw's XMILE extensions, read and written in their own namespace (kSdwNs) so other tools keep or ignore
// them: <sdw:calendar start="2025-01-01" price_base="2025/26"/> in <sim_specs> (the date at the start
// time, the prices' year) and <sdw:control stop="final_time"/> there (controls that change during the run);
// in a variable <sdw:uncertainty min="..." max="..." distribution="..."/> (the range
// of its value and how likely values within it are), <sdw:outcome better="lower"/> (which way is better) and
// <sdw:calibration weight="2"/> (the weight of its observed series in a fit).
// Layer: solver (xmile). Depends on pugixml, model/, diag/ and analysis/distribution.
#include <charconv>
#include <cmath>
#include <cstring>

#include "solver/analysis/distribution.hpp"
#include "solver/xmile/xml_support.hpp"

namespace sdw::xmile::detail {
namespace {

std::optional<double> plainNumber(const char* text) {
    const std::string t = trim(text);
    double v = 0;
    if (t.empty()) return std::nullopt;
    auto r = std::from_chars(t.data(), t.data() + t.size(), v);
    if (r.ec != std::errc() || r.ptr != t.data() + t.size()) return std::nullopt;
    return v;
}

bool leapYear(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

// "YYYY-MM-DD" naming a real day.
bool isCalendarDate(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (s[i] < '0' || s[i] > '9') return false;
    const int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1) return false;
    return d <= days[m - 1] + (m == 2 && leapYear(y) ? 1 : 0);
}

void warn(ReadContext& ctx, pugi::xml_node node, const std::string& where, const std::string& message) {
    ctx.diags().warning(diag::code::kBadExtension, where,
                        message + "; the element is kept as written and ignored", 0, ctx.lineOf(node));
}

// A distribution that parses and leaves some probability inside [min, max] (it is truncated there).
bool acceptDistribution(ReadContext& ctx, pugi::xml_node node, const std::string& what, const char* text,
                        const model::Uncertainty& u) {
    std::string error;
    auto d = analysis::parseDistribution(text, error);
    if (d && u.min < u.max && !(d->cdf(u.max) > d->cdf(u.min)))
        error = "it puts no probability between min and max";
    if (d && error.empty()) return true;
    ctx.diags().warning(
        diag::code::kBadExtension, what,
        what + ": distribution=\"" + std::string(text) + "\": " + error +
            "; the attribute is kept as written and ignored (draws are uniform over the range)",
        0, ctx.lineOf(node));
    return false;
}

}  // namespace

bool readCalendar(ReadContext& ctx, pugi::xml_node node, model::SimSpecs& s) {
    const std::string start = trim(node.attribute("start").value());
    if (!isCalendarDate(start)) {
        warn(ctx, node, ctx.sourceName(),
             "<" + std::string(node.name()) + " start=\"" + start +
                 "\">: the start date must be a day written "
                 "YYYY-MM-DD (for example 2025-01-01)");
        return false;
    }
    s.calendarStart = start;
    s.priceBase = trim(node.attribute("price_base").value());
    return true;
}

bool readUncertainty(ReadContext& ctx, pugi::xml_node node, model::Variable& v) {
    const auto lo = plainNumber(node.attribute("min").value());
    const auto hi = plainNumber(node.attribute("max").value());
    const std::string what = "<" + std::string(node.name()) + "> of '" + v.name + "'";
    if (!lo || !hi) {
        warn(ctx, node, v.name, what + ": min and max must both be numbers");
        return false;
    }
    if (*lo > *hi) {
        warn(ctx, node, v.name,
             what + ": min (" + formatNumber(*lo) + ") is above max (" + formatNumber(*hi) + ")");
        return false;
    }
    model::Uncertainty u;
    u.min = *lo;
    u.max = *hi;
    for (auto a : node.attributes()) {
        const std::string n = a.name();
        if (n == "distribution" && acceptDistribution(ctx, node, what, a.value(), u))
            u.distribution = trim(a.value());
        else if (n != "min" && n != "max")
            u.extraAttrs.emplace_back(n, a.value());  // kept as written, also a distribution we refused
    }
    v.uncertainty = std::move(u);
    return true;
}

void writeCalendar(pugi::xml_node specs, const model::SimSpecs& s) {
    if (s.calendarStart.empty()) return;
    auto node = specs.append_child((std::string(kSdwPrefix) + ":calendar").c_str());
    node.append_attribute("start").set_value(s.calendarStart.c_str());
    if (!s.priceBase.empty()) node.append_attribute("price_base").set_value(s.priceBase.c_str());
}

bool readControl(ReadContext& ctx, pugi::xml_node node, model::SimSpecs& s) {
    const std::string stop = trim(node.attribute("stop").value()), dt = trim(node.attribute("dt").value()),
                      saveper = trim(node.attribute("saveper").value());
    if (stop.empty() && dt.empty() && saveper.empty()) {
        warn(ctx, node, ctx.sourceName(),
             "<" + std::string(node.name()) +
                 ">: it must name the variable giving stop, dt or saveper during the run (for example "
                 "stop=\"final_time\")");
        return false;
    }
    s.stopVar = stop;
    s.dtVar = dt;
    s.saveperVar = saveper;
    return true;
}

void writeControl(pugi::xml_node specs, const model::SimSpecs& s) {
    if (s.stopVar.empty() && s.dtVar.empty() && s.saveperVar.empty()) return;
    auto node = specs.append_child((std::string(kSdwPrefix) + ":control").c_str());
    for (const auto& [attr, var] : {std::pair<const char*, const std::string*>{"stop", &s.stopVar},
                                    {"dt", &s.dtVar},
                                    {"saveper", &s.saveperVar}})
        if (!var->empty()) node.append_attribute(attr).set_value(var->c_str());
}

bool readOutcome(ReadContext& ctx, pugi::xml_node node, model::Variable& v) {
    const std::string better = trim(node.attribute("better").value());
    if (better == "higher" || better == "lower") {
        v.better = better == "higher" ? model::Better::Higher : model::Better::Lower;
        return true;
    }
    warn(ctx, node, v.name,
         "<" + std::string(node.name()) + " better=\"" + better + "\"> of '" + v.name +
             "': better must be \"higher\" or \"lower\"");
    return false;
}

bool readCalibration(ReadContext& ctx, pugi::xml_node node, model::Variable& v) {
    const auto w = plainNumber(node.attribute("weight").value());
    if (!w || !std::isfinite(*w) || *w < 0) {
        warn(ctx, node, v.name,
             "<" + std::string(node.name()) + " weight=\"" + node.attribute("weight").value() + "\"> of '" +
                 v.name + "': the weight must be a number, 0 or more");
        return false;
    }
    v.calibrationWeight = *w;
    return true;
}

void writeCalibration(pugi::xml_node var, const model::Variable& v) {
    if (!v.calibrationWeight) return;
    auto node = var.append_child((std::string(kSdwPrefix) + ":calibration").c_str());
    setNumber(node.append_attribute("weight"), *v.calibrationWeight);
}

void writeOutcome(pugi::xml_node var, const model::Variable& v) {
    if (v.better == model::Better::Unknown) return;
    auto node = var.append_child((std::string(kSdwPrefix) + ":outcome").c_str());
    node.append_attribute("better").set_value(v.better == model::Better::Higher ? "higher" : "lower");
}

void writeUncertainty(pugi::xml_node var, const model::Variable& v) {
    if (!v.uncertainty) return;
    auto node = var.append_child((std::string(kSdwPrefix) + ":uncertainty").c_str());
    setNumber(node.append_attribute("min"), v.uncertainty->min);
    setNumber(node.append_attribute("max"), v.uncertainty->max);
    if (!v.uncertainty->distribution.empty())
        node.append_attribute("distribution").set_value(v.uncertainty->distribution.c_str());
    for (const auto& [k, val] : v.uncertainty->extraAttrs)
        node.append_attribute(k.c_str()).set_value(val.c_str());
}

}  // namespace sdw::xmile::detail
