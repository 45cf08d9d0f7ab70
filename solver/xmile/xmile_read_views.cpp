// XMILE reader, part 3: <views> (diagram geometry). Objects we do not draw are kept as Kind::Other with their
// verbatim XML so the writer puts them back.
// Layer: solver (xmile). Depends on pugixml, model/ and diag/ only.
#include <cstdlib>

#include "solver/xmile/xml_support.hpp"

namespace sdw::xmile::detail {
namespace {

using Kind = model::ViewObject::Kind;

std::optional<Kind> kindOf(const std::string& tag) {
    if (tag == "stock") return Kind::Stock;
    if (tag == "flow") return Kind::Flow;
    if (tag == "aux") return Kind::Aux;
    if (tag == "connector") return Kind::Connector;
    if (tag == "alias") return Kind::Alias;
    if (tag == "module") return Kind::Module;
    if (tag == "group") return Kind::Group;
    if (tag == "text_box" || tag == "text") return Kind::Text;
    return std::nullopt;
}

// A connector end: a name, or <alias uid="..."/>.
void readEnd(ReadContext& ctx, pugi::xml_node node, std::string& out, bool& isAlias) {
    if (auto alias = ctx.child(node, "alias")) {
        isAlias = true;
        out = alias.attribute("uid").value();
    } else {
        out = textOf(node);
    }
}

bool readGeometryAttr(ReadContext& ctx, pugi::xml_node node, pugi::xml_attribute a, model::ViewObject& o) {
    const std::string n = ctx.localName(a);
    if (n == "name")
        o.name = a.value();
    else if (n == "uid")
        o.uid = a.value();
    else if (n == "x" || n == "y" || n == "width" || n == "height" || n == "angle") {
        auto v = ctx.number(a.value(), node, "attribute " + n);
        if (!v) return true;
        if (n == "x")
            o.x = *v;
        else if (n == "y")
            o.y = *v;
        else if (n == "width")
            o.width = *v;
        else if (n == "height")
            o.height = *v;
        else
            o.angle = *v;
    } else {
        return false;
    }
    return true;
}

bool readObjectChild(ReadContext& ctx, pugi::xml_node c, model::ViewObject& o) {
    const std::string n = ctx.localName(c);
    if (o.kind == Kind::Flow && n == "pts") {
        for (auto pt : c.children()) {
            if (pt.type() != pugi::node_element || ctx.localName(pt) != "pt") continue;
            auto x = ctx.numberAttr(pt, "x");
            auto y = ctx.numberAttr(pt, "y");
            o.points.emplace_back(x.value_or(0), y.value_or(0));
        }
    } else if (o.kind == Kind::Connector && n == "from") {
        readEnd(ctx, c, o.from, o.fromAlias);
    } else if (o.kind == Kind::Connector && n == "to") {
        readEnd(ctx, c, o.to, o.toAlias);
    } else if (o.kind == Kind::Alias && n == "of") {
        o.name = textOf(c);
    } else {
        return false;
    }
    return true;
}

// An object we keep but do not interpret: its geometry is read leniently for display only.
model::ViewObject readOther(pugi::xml_node node) {
    model::ViewObject o;
    o.kind = Kind::Other;
    o.tag = node.name();
    o.extraXml.push_back(rawXml(node));
    o.name = node.attribute("name").value();
    o.uid = node.attribute("uid").value();
    o.x = std::strtod(node.attribute("x").value(), nullptr);
    o.y = std::strtod(node.attribute("y").value(), nullptr);
    if (node.attribute("width")) o.width = std::strtod(node.attribute("width").value(), nullptr);
    if (node.attribute("height")) o.height = std::strtod(node.attribute("height").value(), nullptr);
    return o;
}

// `forced`: read the element as this kind whatever its tag (a pre-standard <display>).
// A Stella slider or knob: <slider ...><entity name="x"/><range min="0" max="10"/></slider>. Its range
// becomes the variable's slider range when the variable has none of its own (read leniently: a hint, not a
// definition).
void noteSliderRange(ReadContext& ctx, pugi::xml_node node,
                     std::vector<std::pair<std::string, model::Range>>& out) {
    auto entity = ctx.child(node, "entity");
    auto range = ctx.child(node, "range");
    if (!entity || !range || !range.attribute("min") || !range.attribute("max")) return;
    model::Range r;
    r.min = std::strtod(range.attribute("min").value(), nullptr);
    r.max = std::strtod(range.attribute("max").value(), nullptr);
    if (range.attribute("increment")) r.step = std::strtod(range.attribute("increment").value(), nullptr);
    if (r.max > r.min) out.emplace_back(entity.attribute("name").value(), r);
}

model::ViewObject readObject(ReadContext& ctx, pugi::xml_node node,
                             std::optional<Kind> forced = std::nullopt) {
    const std::string tag = ctx.localName(node);
    auto kind = forced ? forced : kindOf(tag);
    if (!kind) return readOther(node);
    model::ViewObject o;
    o.kind = *kind;
    o.tag = tag;
    for (auto a : node.attributes())
        if (!readGeometryAttr(ctx, node, a, o)) o.extraAttrs.emplace_back(a.name(), a.value());
    if (o.kind == Kind::Text) o.text = textOf(node);
    for (auto c : node.children()) {
        if (c.type() != pugi::node_element) continue;
        if (!readObjectChild(ctx, c, o)) o.extraXml.push_back(rawXml(c));
    }
    return o;
}

bool isVariableTag(const std::string& tag) {
    return tag == "stock" || tag == "flow" || tag == "aux" || tag == "module";
}

// A pre-standard <display> inside a variable: the variable's own place on the diagram.
void addDisplayedVariable(ReadContext& ctx, pugi::xml_node var, const std::string& tag, model::View& view) {
    auto display = ctx.child(var, "display");
    if (!display) return;
    model::ViewObject o = readObject(ctx, display, kindOf(tag));
    o.tag = tag;
    o.name = var.attribute("name").value();
    view.objects.push_back(std::move(o));
}

}  // namespace

void readLegacyDisplays(ReadContext& ctx, pugi::xml_node modelNode, model::Model& out) {
    model::View view;
    for (auto c : modelNode.children()) {
        if (c.type() != pugi::node_element) continue;
        const std::string n = ctx.localName(c);
        if (isVariableTag(n)) {
            addDisplayedVariable(ctx, c, n, view);
        } else if (n == "variables") {
            for (auto v : c.children())
                if (v.type() == pugi::node_element && isVariableTag(ctx.localName(v)))
                    addDisplayedVariable(ctx, v, ctx.localName(v), view);
        } else if (n == "display") {
            for (auto o : c.children())
                if (o.type() == pugi::node_element) view.objects.push_back(readObject(ctx, o));
        }
    }
    if (!view.objects.empty()) out.views.push_back(std::move(view));
}

void readViews(ReadContext& ctx, pugi::xml_node views, model::Model& out) {
    std::vector<std::pair<std::string, model::Range>> sliders;
    for (auto v : views.children()) {
        if (v.type() != pugi::node_element) continue;
        if (ctx.localName(v) != "view") {
            out.viewsExtraXml.push_back(rawXml(v));
            continue;
        }
        model::View view;
        for (auto a : v.attributes()) {
            if (std::string(a.name()) == "name")
                view.name = a.value();
            else
                view.attrs.emplace_back(a.name(), a.value());
        }
        for (auto c : v.children()) {
            if (c.type() != pugi::node_element) continue;
            view.objects.push_back(readObject(ctx, c));
            const std::string tag = ctx.localName(c);
            if (tag == "slider" || tag == "knob") noteSliderRange(ctx, c, sliders);
        }
        out.views.push_back(std::move(view));
    }
    for (const auto& [name, range] : sliders) {
        model::Variable* var = out.find(name);
        if (var && !var->range) var->range = range;
    }
}

}  // namespace sdw::xmile::detail
