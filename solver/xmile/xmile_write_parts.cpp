// XMILE writer, part 2: variables, graphical functions and views, with kept attributes and elements put back.
// Layer: solver (xmile). Depends on pugixml and model/ only.
#include <cmath>

#include "solver/xmile/xml_support.hpp"

namespace sdw::xmile::detail {
namespace {

using Kind = model::ViewObject::Kind;

void textChild(pugi::xml_node parent, const char* name, const std::string& text) {
    parent.append_child(name).text().set(text.c_str());
}

std::string joinNumbers(const std::vector<double>& xs, const std::string& sep) {
    std::string out;
    for (size_t i = 0; i < xs.size(); ++i) {
        if (i) out += sep;
        out += formatNumber(xs[i]);
    }
    return out;
}

// True when xs are exactly what spreading ys.size() points over xscale gives (so <xscale> alone suffices).
bool evenlySpread(const model::GraphicalFunction& gf) {
    if (!gf.xscale || gf.xs.size() != gf.ys.size() || gf.xs.empty()) return gf.xs.empty() && gf.xscale;
    const size_t n = gf.xs.size();
    const auto [lo, hi] = *gf.xscale;
    for (size_t i = 0; i < n; ++i) {
        const double want =
            n == 1 ? lo : lo + (hi - lo) * static_cast<double>(i) / static_cast<double>(n - 1);
        if (gf.xs[i] != want) return false;
    }
    return true;
}

void writeScale(pugi::xml_node parent, const char* name, const std::pair<double, double>& s) {
    auto node = parent.append_child(name);
    setNumber(node.append_attribute("min"), s.first);
    setNumber(node.append_attribute("max"), s.second);
}

const char* defaultTag(Kind k) {
    switch (k) {
        case Kind::Stock:
            return "stock";
        case Kind::Flow:
            return "flow";
        case Kind::Aux:
            return "aux";
        case Kind::Connector:
            return "connector";
        case Kind::Alias:
            return "alias";
        case Kind::Module:
            return "module";
        case Kind::Group:
            return "group";
        case Kind::Text:
            return "text_box";
        case Kind::Other:
            return "unknown";
    }
    return "unknown";
}

void writeEnd(pugi::xml_node parent, const char* name, const std::string& value, bool isAlias) {
    auto node = parent.append_child(name);
    if (isAlias)
        node.append_child("alias").append_attribute("uid").set_value(value.c_str());
    else
        node.text().set(value.c_str());
}

void writeObject(pugi::xml_node view, const model::ViewObject& o) {
    if (o.kind == Kind::Other && !o.extraXml.empty()) {
        for (const auto& x : o.extraXml) appendRaw(view, x);
        return;
    }
    auto node = view.append_child(o.tag.empty() ? defaultTag(o.kind) : o.tag.c_str());
    const bool named = o.kind != Kind::Connector && o.kind != Kind::Alias && o.kind != Kind::Text;
    if (named && !o.name.empty()) node.append_attribute("name").set_value(o.name.c_str());
    if (!o.uid.empty()) node.append_attribute("uid").set_value(o.uid.c_str());
    if (o.kind != Kind::Connector || o.x != 0 || o.y != 0) {
        setNumber(node.append_attribute("x"), o.x);
        setNumber(node.append_attribute("y"), o.y);
    }
    if (o.width) setNumber(node.append_attribute("width"), *o.width);
    if (o.height) setNumber(node.append_attribute("height"), *o.height);
    if (o.angle) setNumber(node.append_attribute("angle"), *o.angle);
    for (const auto& [k, v] : o.extraAttrs) node.append_attribute(k.c_str()).set_value(v.c_str());
    if (o.kind == Kind::Text && !o.text.empty()) node.text().set(o.text.c_str());
    if (o.kind == Kind::Flow && !o.points.empty()) {
        auto pts = node.append_child("pts");
        for (const auto& [x, y] : o.points) {
            auto pt = pts.append_child("pt");
            setNumber(pt.append_attribute("x"), x);
            setNumber(pt.append_attribute("y"), y);
        }
    }
    if (o.kind == Kind::Connector) {
        writeEnd(node, "from", o.from, o.fromAlias);
        writeEnd(node, "to", o.to, o.toAlias);
    }
    if (o.kind == Kind::Alias) textChild(node, "of", o.name);
    for (const auto& x : o.extraXml) appendRaw(node, x);
}

void writeStandaloneGf(pugi::xml_node parent, const model::Variable& v) {
    writeGraphical(parent, *v.gf, false);
    auto node = parent.last_child();
    node.prepend_attribute("name").set_value(v.name.c_str());
    if (!v.units.empty()) textChild(node, "units", v.units);
    if (!v.doc.empty()) textChild(node, "doc", v.doc);
}

void writeElement(pugi::xml_node parent, const model::ElementEquation& el) {
    auto node = parent.append_child("element");
    std::string subs;
    for (size_t i = 0; i < el.subscripts.size(); ++i) subs += (i ? ", " : "") + el.subscripts[i];
    node.append_attribute("subscript").set_value(subs.c_str());
    textChild(node, "eqn", el.equation);
    if (el.gf) writeGraphical(node, *el.gf, false);
}

}  // namespace

void writeGraphical(pugi::xml_node parent, const model::GraphicalFunction& gf, bool withName) {
    auto node = parent.append_child("gf");
    if (withName && !gf.name.empty()) node.append_attribute("name").set_value(gf.name.c_str());
    if (gf.kind != model::GraphicalFunction::Kind::Continuous)
        node.append_attribute("type").set_value(model::gfKindName(gf.kind));
    if (gf.xscale) writeScale(node, "xscale", *gf.xscale);
    if (gf.yscale) writeScale(node, "yscale", *gf.yscale);
    if (gf.xptsWritten || !evenlySpread(gf)) textChild(node, "xpts", joinNumbers(gf.xs, ","));
    const std::string sep = gf.ySeparator.empty() ? "," : gf.ySeparator;
    auto ypts = node.append_child("ypts");
    if (sep != ",") ypts.append_attribute("sep").set_value(sep.c_str());
    ypts.text().set(joinNumbers(gf.ys, sep).c_str());
}

void writeVariable(pugi::xml_node parent, const model::Variable& v) {
    // A stand-alone <gf name="..."> reads back as an auxiliary with a table and no equation.
    if (v.kind == model::VarKind::Aux && v.gf && !v.gf->name.empty() && v.equation.empty() &&
        v.elements.empty() && v.dimensions.empty() && v.extraXml.empty()) {
        writeStandaloneGf(parent, v);
        return;
    }
    auto node = parent.append_child(model::varKindName(v.kind));
    node.append_attribute("name").set_value(v.name.c_str());
    if (!v.accessType.empty()) node.append_attribute("access").set_value(v.accessType.c_str());
    if (v.kind == model::VarKind::Module && !v.moduleModel.empty())
        node.append_attribute("model_name").set_value(v.moduleModel.c_str());
    for (const auto& [k, val] : v.extraAttrs) node.append_attribute(k.c_str()).set_value(val.c_str());
    if (!v.doc.empty()) textChild(node, "doc", v.doc);
    if (!v.dimensions.empty()) {
        auto dims = node.append_child("dimensions");
        for (const auto& d : v.dimensions)
            dims.append_child("dim").append_attribute("name").set_value(d.c_str());
    }
    if (v.kind != model::VarKind::Module && (!v.equation.empty() || v.elements.empty()))
        textChild(node, "eqn", v.equation);
    for (const auto& el : v.elements) writeElement(node, el);
    for (const auto& f : v.inflows) textChild(node, "inflow", f);
    for (const auto& f : v.outflows) textChild(node, "outflow", f);
    if (v.nonNegative) node.append_child("non_negative");
    if (!v.units.empty()) textChild(node, "units", v.units);
    if (v.gf) writeGraphical(node, *v.gf, false);
    if (v.range) {
        auto r = node.append_child("range");
        setNumber(r.append_attribute("min"), v.range->min);
        setNumber(r.append_attribute("max"), v.range->max);
        if (v.range->step) setNumber(r.append_attribute("step"), *v.range->step);
    }
    writeUncertainty(node, v);
    writeOutcome(node, v);
    writeCalibration(node, v);
    for (const auto& c : v.connections) {
        auto conn = node.append_child("connect");
        conn.append_attribute("to").set_value(c.to.c_str());
        conn.append_attribute("from").set_value(c.from.c_str());
    }
    for (const auto& x : v.extraXml) appendRaw(node, x);
}

void writeViews(pugi::xml_node parent, const model::Model& m) {
    auto views = parent.append_child("views");
    for (const auto& x : m.viewsExtraXml) appendRaw(views, x);
    for (const auto& view : m.views) {
        auto node = views.append_child("view");
        if (!view.name.empty()) node.append_attribute("name").set_value(view.name.c_str());
        for (const auto& [k, v] : view.attrs) node.append_attribute(k.c_str()).set_value(v.c_str());
        for (const auto& o : view.objects) writeObject(node, o);
    }
}

}  // namespace sdw::xmile::detail
