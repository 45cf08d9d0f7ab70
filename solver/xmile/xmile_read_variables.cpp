// XMILE reader, part 2: the <variables> of a model (stock, flow, aux, module, stand-alone gf) and graphical
// functions. Unknown children and attributes are kept verbatim on the variable.
// Layer: solver (xmile). Depends on pugixml, model/ and diag/ only.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>

#include "solver/model/text_origin.hpp"
#include "solver/xmile/xml_support.hpp"

namespace sdw::xmile::detail {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// <non_negative/>, <non_negative>true</non_negative>, <non_negative>false</non_negative>.
bool flagValue(pugi::xml_node node) {
    const std::string t = lower(textOf(node));
    return t.empty() || t == "true" || t == "1" || t == "yes";
}

bool readPoints(ReadContext& ctx, pugi::xml_node node, std::vector<double>& out, std::string* sepOut) {
    std::string sep = node.attribute("sep") ? node.attribute("sep").value() : ",";
    if (sepOut) *sepOut = sep;
    bool ok = true;
    for (const auto& item : splitList(textOf(node), sep)) {
        auto v = ctx.number(item, node, "point");
        if (v)
            out.push_back(*v);
        else
            ok = false;
    }
    return ok;
}

std::optional<std::pair<double, double>> readScale(ReadContext& ctx, pugi::xml_node node) {
    auto lo = ctx.numberAttr(node, "min");
    auto hi = ctx.numberAttr(node, "max");
    if (!lo || !hi) return std::nullopt;
    return std::make_pair(*lo, *hi);
}

model::ElementEquation readElement(ReadContext& ctx, pugi::xml_node node, model::Variable& v) {
    model::ElementEquation el;
    for (const auto& s : splitList(node.attribute("subscript").value(), ",")) el.subscripts.push_back(s);
    for (auto c : node.children()) {
        if (c.type() != pugi::node_element) continue;
        const std::string n = ctx.localName(c);
        if (n == "eqn") {
            el.equation = textOf(c);
            if (auto o = ctx.originOf(c, el.equation)) v.origins[model::originKey(el.subscripts)] = *o;
        } else if (n == "gf") {
            el.gf.emplace();
            readGraphical(ctx, c, *el.gf);
        }
    }
    return el;
}

void readRange(ReadContext& ctx, pugi::xml_node node, model::Variable& v) {
    auto lo = ctx.numberAttr(node, "min");
    auto hi = ctx.numberAttr(node, "max");
    if (!lo || !hi) return;
    model::Range r;
    r.min = *lo;
    r.max = *hi;
    if (node.attribute("step")) r.step = ctx.numberAttr(node, "step");
    v.range = r;
}

// One child element of a variable: returns false when it is not one we interpret.
bool readVariableChild(ReadContext& ctx, pugi::xml_node c, model::Variable& v) {
    const std::string n = ctx.localName(c);
    if (n == "eqn")
        v.equation = textOf(c);
    else if (n == "inflow")
        v.inflows.push_back(textOf(c));
    else if (n == "outflow")
        v.outflows.push_back(textOf(c));
    else if (n == "non_negative" || n == "uniflow")
        v.nonNegative = flagValue(c);
    else if (n == "units")
        v.units = textOf(c);
    else if (n == "doc")
        v.doc = textOf(c);
    else if (n == "gf") {
        v.gf.emplace();
        readGraphical(ctx, c, *v.gf);
    } else if (n == "dimensions") {
        for (auto d : c.children())
            if (d.type() == pugi::node_element && ctx.localName(d) == "dim")
                v.dimensions.push_back(d.attribute("name").value());
    } else if (n == "element") {
        v.elements.push_back(readElement(ctx, c, v));
    } else if (n == "range") {
        readRange(ctx, c, v);
    } else if (ctx.sdwName(c) == "uncertainty") {
        return readUncertainty(ctx, c, v);
    } else if (ctx.sdwName(c) == "outcome") {
        return readOutcome(ctx, c, v);
    } else if (ctx.sdwName(c) == "calibration") {
        return readCalibration(ctx, c, v);
    } else if (n == "connect" && v.kind == model::VarKind::Module) {
        v.connections.push_back({c.attribute("to").value(), c.attribute("from").value()});
    } else {
        return false;
    }
    return true;
}

model::Variable readVariable(ReadContext& ctx, pugi::xml_node node, model::VarKind kind) {
    model::Variable v;
    v.kind = kind;
    v.line = ctx.lineOf(node);
    for (auto a : node.attributes()) {
        const std::string n = ctx.localName(a);
        const char* colon = std::strchr(a.name(), ':');
        const std::string bare = colon ? colon + 1 : a.name();
        if (n == "name")
            v.name = a.value();
        else if (n == "access")
            v.accessType = a.value();
        else if (kind == model::VarKind::Module && (bare == "model_name" || bare == "model"))
            v.moduleModel = a.value();
        else
            v.extraAttrs.emplace_back(a.name(), a.value());
    }
    std::vector<std::string> eqns;
    pugi::xml_node eqnNode;
    std::vector<model::GraphicalFunction> gfs;
    bool explicitNonNegative = false;
    for (auto c : node.children()) {
        if (c.type() != pugi::node_element) continue;
        const std::string n = ctx.localName(c);
        explicitNonNegative |= n == "non_negative" || n == "uniflow";
        if (n == "eqn") {
            eqns.push_back(textOf(c));
            eqnNode = c;
        } else if (n == "gf") {
            gfs.emplace_back();
            readGraphical(ctx, c, gfs.back());
        } else if (!readVariableChild(ctx, c, v))
            v.extraXml.push_back(rawXml(c));
    }
    // Without its own <non_negative>, a stock or flow follows <behavior> (resolved here: the writer writes
    // each variable's flag, so the file it writes needs no <behavior>).
    if (!explicitNonNegative && kind == model::VarKind::Stock) v.nonNegative = ctx.behavior.stockNonNegative;
    if (!explicitNonNegative && kind == model::VarKind::Flow) v.nonNegative = ctx.behavior.flowNonNegative;
    if (eqns.size() == 1) {
        v.equation = eqns.front();
        if (auto o = ctx.originOf(eqnNode, v.equation)) v.origins[""] = *o;
    }
    // Several <eqn> in an arrayed variable (Vensim exports): one per element, in order. The subscripts are
    // filled in by expandElementLists once the dimensions are known.
    if (eqns.size() > 1)
        for (auto& e : eqns) v.elements.push_back({{}, std::move(e), std::nullopt});
    // Likewise several <gf>: one table per element, in order, each with its element's equation (if listed) or
    // the variable's.
    if (gfs.size() == 1) v.gf = std::move(gfs.front());
    if (gfs.size() > 1) {
        if (v.elements.empty())
            for (size_t i = 0; i < gfs.size(); ++i) v.elements.push_back({{}, "", std::nullopt});
        if (v.elements.size() != gfs.size()) {
            ctx.diags().error(diag::code::kBadGraphical, v.name,
                              "has " + std::to_string(gfs.size()) + " <gf> tables but " +
                                  std::to_string(v.elements.size()) + " <eqn> elements",
                              0, v.line);
        } else {
            for (size_t i = 0; i < gfs.size(); ++i) v.elements[i].gf = std::move(gfs[i]);
        }
    }
    return v;
}

// "1, 2, 3" (or "1,2;3,4;" by rows) when every item is a number: the values of an arrayed constant.
std::optional<std::vector<std::string>> numberList(const std::string& eq) {
    if (eq.find_first_of(",;") == std::string::npos) return std::nullopt;
    std::string commas = eq;
    for (char& c : commas)
        if (c == ';') c = ',';
    auto items = splitList(commas, ",");
    if (items.size() < 2) return std::nullopt;
    for (const auto& it : items) {
        char* end = nullptr;
        if (it.empty()) return std::nullopt;
        std::strtod(it.c_str(), &end);
        if (end != it.c_str() + it.size()) return std::nullopt;
    }
    return items;
}

// Every combination of the dimensions' elements, the last dimension varying fastest.
// nullopt when a dimension is unknown; a single empty tuple when the count is not `want`.
std::optional<std::vector<std::vector<std::string>>> elementTuples(const model::Project& p,
                                                                   const std::vector<std::string>& dims,
                                                                   size_t want) {
    // Checked first so that a hostile file cannot ask for the product of huge dimensions.
    size_t total = 1;
    for (const auto& dn : dims) {
        const model::Dimension* d = p.findDimension(dn);
        if (!d || d->elements.empty()) return std::nullopt;
        total *= d->elements.size();
        if (total > want) return std::vector<std::vector<std::string>>(1);
    }
    if (total != want) return std::vector<std::vector<std::string>>(1);
    std::vector<std::vector<std::string>> out{{}};
    for (const auto& dn : dims) {
        const model::Dimension* d = p.findDimension(dn);
        std::vector<std::vector<std::string>> next;
        for (const auto& prefix : out)
            for (const auto& e : d->elements) {
                next.push_back(prefix);
                next.back().push_back(e);
            }
        out = std::move(next);
    }
    return out;
}

void expandVariable(ReadContext& ctx, const model::Project& p, model::Variable& v) {
    if (v.dimensions.empty()) return;
    const bool unnamed = !v.elements.empty() && v.elements.front().subscripts.empty();
    std::optional<std::vector<std::string>> list;
    if (!unnamed && v.elements.empty()) list = numberList(v.equation);
    if (!unnamed && !list) return;
    const size_t have = unnamed ? v.elements.size() : list->size();
    const auto tuples = elementTuples(p, v.dimensions, have);
    if (!tuples || tuples->size() != have) {
        if (unnamed)
            ctx.diags().error(diag::code::kBadSubscript, v.name,
                              "has " + std::to_string(have) + " <eqn> elements, which does not match the " +
                                  "number of elements of its dimensions (or a dimension is unknown)",
                              0, v.line);
        return;
    }
    if (list) {
        for (auto& item : *list) v.elements.push_back({{}, std::move(item), std::nullopt});
        v.equation.clear();
        v.origins.erase("");
    }
    for (size_t i = 0; i < have; ++i) v.elements[i].subscripts = (*tuples)[i];
}

}  // namespace

bool readGraphical(ReadContext& ctx, pugi::xml_node node, model::GraphicalFunction& gf) {
    gf.name = node.attribute("name").value();
    const std::string type = lower(node.attribute("type").value());
    if (type == "extrapolate")
        gf.kind = model::GraphicalFunction::Kind::Extrapolate;
    else if (type == "discrete")
        gf.kind = model::GraphicalFunction::Kind::Discrete;
    if (lower(node.attribute("discrete").value()) == "true")
        gf.kind = model::GraphicalFunction::Kind::Discrete;
    bool ok = true;
    for (auto c : node.children()) {
        if (c.type() != pugi::node_element) continue;
        const std::string n = ctx.localName(c);
        if (n == "xscale")
            gf.xscale = readScale(ctx, c);
        else if (n == "yscale")
            gf.yscale = readScale(ctx, c);
        else if (n == "xpts") {
            gf.xptsWritten = true;
            ok = readPoints(ctx, c, gf.xs, nullptr) && ok;
        } else if (n == "ypts") {
            ok = readPoints(ctx, c, gf.ys, &gf.ySeparator) && ok;
        }
    }
    // Without <xpts> the x points are spread evenly over <xscale>.
    if (!gf.xptsWritten && gf.xscale && !gf.ys.empty()) {
        const size_t n = gf.ys.size();
        const auto [lo, hi] = *gf.xscale;
        for (size_t i = 0; i < n; ++i)
            gf.xs.push_back(n == 1 ? lo
                                   : lo + (hi - lo) * static_cast<double>(i) / static_cast<double>(n - 1));
    }
    return ok;
}

bool readVariableElement(ReadContext& ctx, pugi::xml_node c, model::Model& out) {
    const std::string n = ctx.localName(c);
    if (n == "stock")
        out.variables.push_back(readVariable(ctx, c, model::VarKind::Stock));
    else if (n == "flow")
        out.variables.push_back(readVariable(ctx, c, model::VarKind::Flow));
    else if (n == "aux")
        out.variables.push_back(readVariable(ctx, c, model::VarKind::Aux));
    else if (n == "module")
        out.variables.push_back(readVariable(ctx, c, model::VarKind::Module));
    else if (n == "gf") {
        // A stand-alone graphical function: an auxiliary with a table and no equation, called as name(x).
        model::Variable v;
        v.kind = model::VarKind::Aux;
        v.line = ctx.lineOf(c);
        v.name = c.attribute("name").value();
        v.gf.emplace();
        readGraphical(ctx, c, *v.gf);
        for (auto d : c.children()) {
            if (d.type() != pugi::node_element) continue;
            const std::string dn = ctx.localName(d);
            if (dn == "units")
                v.units = textOf(d);
            else if (dn == "doc")
                v.doc = textOf(d);
        }
        out.variables.push_back(std::move(v));
    } else {
        return false;
    }
    return true;
}

void readBehavior(ReadContext& ctx, pugi::xml_node behavior) {
    for (auto c : behavior.children()) {
        if (c.type() != pugi::node_element) continue;
        const std::string n = ctx.localName(c);
        if (n == "non_negative") {
            ctx.behavior.stockNonNegative = ctx.behavior.flowNonNegative = flagValue(c);
        } else if (n == "stock" || n == "flow") {
            auto nn = ctx.child(c, "non_negative");
            if (!nn) continue;
            (n == "stock" ? ctx.behavior.stockNonNegative : ctx.behavior.flowNonNegative) = flagValue(nn);
        }
    }
}

void expandElementLists(ReadContext& ctx, model::Project& p) {
    for (auto& m : p.models)
        for (auto& v : m.variables) expandVariable(ctx, p, v);
    for (auto& mac : p.macros)
        for (auto& v : mac.body.variables) expandVariable(ctx, p, v);
}

void readVariables(ReadContext& ctx, pugi::xml_node variables, model::Model& out) {
    for (auto c : variables.children()) {
        if (c.type() != pugi::node_element) continue;
        if (!readVariableElement(ctx, c, out)) out.variablesExtraXml.push_back(rawXml(c));
    }
}

}  // namespace sdw::xmile::detail
