// XMILE reader: the document, <header>, <sim_specs>, <dimensions>, <macro> and every <model>. Variables and
// views are read in xmile_read_variables.cpp and xmile_read_views.cpp. Errors become diagnostics, never
// exceptions. Layer: solver (xmile). Depends on pugixml, model/ and diag/ only.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "solver/xmile/xmile.hpp"
#include "solver/xmile/xml_support.hpp"

namespace sdw::xmile {
namespace {

using detail::ReadContext;
using detail::textOf;

void readHeader(ReadContext& ctx, pugi::xml_node header, model::Project& p) {
    for (auto c : header.children()) {
        if (c.type() != pugi::node_element) continue;
        const std::string n = ctx.localName(c);
        if (n == "name")
            p.name = textOf(c);
        else if (n == "vendor")
            p.vendor = textOf(c);
        else if (n == "product") {
            p.product = textOf(c);
            for (auto a : c.attributes()) p.productAttrs.emplace_back(a.name(), a.value());
        } else
            p.headerExtraXml.push_back(detail::rawXml(c));
    }
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

void readSpecs(ReadContext& ctx, pugi::xml_node node, model::SimSpecs& s) {
    for (auto a : node.attributes()) {
        const std::string n = ctx.localName(a);
        const char* colon = std::strchr(a.name(), ':');
        const std::string bare = colon ? colon + 1 : a.name();
        if (n == "method")
            s.method = lower(detail::trim(a.value()));
        else if (n == "time_units")
            s.timeUnits = a.value();
        else if (bare == "save_interval" || bare == "savestep" || bare == "save_step") {
            if (auto v = ctx.number(a.value(), node, std::string("attribute ") + a.name())) s.saveper = *v;
        } else
            s.extraAttrs.emplace_back(a.name(), a.value());
    }
    for (auto c : node.children()) {
        if (c.type() != pugi::node_element) continue;
        const std::string n = ctx.localName(c);
        if (n == "start" || n == "stop" || n == "dt" || n == "savestep" || n == "save_step" ||
            n == "save_interval") {
            auto v = ctx.number(textOf(c), c, "value");
            if (!v) continue;
            if (n == "start")
                s.start = *v;
            else if (n == "stop")
                s.stop = *v;
            else if (n == "dt") {
                const std::string rec = lower(c.attribute("reciprocal").value());
                s.dtReciprocal = rec == "true" || rec == "1";
                s.dt = s.dtReciprocal ? 1.0 / *v : *v;
            } else
                s.saveper = *v;
        } else if (!(ctx.sdwName(c) == "calendar" && detail::readCalendar(ctx, c, s)) &&
                   !(ctx.sdwName(c) == "control" && detail::readControl(ctx, c, s))) {
            s.extraXml.push_back(detail::rawXml(c));
        }
    }
}

void readDimensions(ReadContext& ctx, pugi::xml_node dims, model::Project& p) {
    for (auto d : dims.children()) {
        if (d.type() != pugi::node_element) continue;
        if (ctx.localName(d) != "dim") {
            p.rootExtraXml.push_back(detail::rawXml(d));
            continue;
        }
        model::Dimension dim;
        dim.name = d.attribute("name").value();
        for (const auto& m : detail::splitList(ctx.attrAnyPrefix(d, "maps_to").value(), ","))
            if (!m.empty()) dim.maps.push_back(m);
        for (auto e : d.children()) {
            if (e.type() != pugi::node_element) continue;
            const std::string n = ctx.localName(e);
            if (n == "elem")
                dim.elements.push_back(e.attribute("name").value());
            else if (n == "map") {
                std::string to = e.attribute("to") ? e.attribute("to").value() : textOf(e);
                if (!to.empty()) dim.maps.push_back(to);
            }
        }
        if (dim.elements.empty() && d.attribute("size")) {
            auto size = ctx.numberAttr(d, "size");
            const double most = static_cast<double>(model::kMaxDimensionElements);
            if (size && *size >= 1 && *size <= most && *size == std::floor(*size)) {
                dim.indexed = true;
                for (int i = 1; i <= static_cast<int>(*size); ++i) dim.elements.push_back(std::to_string(i));
            } else if (size) {
                ctx.diags().error(diag::code::kBadSubscript, dim.name,
                                  "dimension '" + dim.name + "' has size " + d.attribute("size").value() +
                                      "; a size must be a whole number from 1 to " +
                                      std::to_string(model::kMaxDimensionElements),
                                  0, ctx.lineOf(d));
            }
        } else if (dim.elements.size() > model::kMaxDimensionElements) {
            ctx.diags().error(diag::code::kBadSubscript, dim.name,
                              "dimension '" + dim.name + "' has " + std::to_string(dim.elements.size()) +
                                  " elements; the most is " + std::to_string(model::kMaxDimensionElements),
                              0, ctx.lineOf(d));
            dim.elements.resize(model::kMaxDimensionElements);
        }
        p.dimensions.push_back(std::move(dim));
    }
}

void readModelBody(ReadContext& ctx, pugi::xml_node node, model::Model& m) {
    // A model's own <behavior> overrides the file's, for this model only.
    const auto outer = ctx.behavior;
    if (auto b = ctx.child(node, "behavior")) detail::readBehavior(ctx, b);
    for (auto c : node.children()) {
        if (c.type() != pugi::node_element) continue;
        const std::string n = ctx.localName(c);
        if (n == "behavior") continue;
        if (n == "variables")
            detail::readVariables(ctx, c, m);
        else if (n == "views")
            detail::readViews(ctx, c, m);
        // Pre-standard (Stella 10) files put the variables straight inside <model>.
        else if (!detail::readVariableElement(ctx, c, m))
            m.extraXml.push_back(detail::rawXml(c));
    }
    if (m.views.empty()) detail::readLegacyDisplays(ctx, node, m);
    ctx.behavior = outer;
}

void readMacro(ReadContext& ctx, pugi::xml_node node, model::Project& p) {
    model::Macro mac;
    mac.name = node.attribute("name").value();
    mac.body.name = mac.name;
    for (auto c : node.children()) {
        if (c.type() != pugi::node_element) continue;
        const std::string n = ctx.localName(c);
        if (n == "parm") {
            mac.params.push_back(textOf(c));
            auto def = c.attribute("default");
            mac.paramDefaults.push_back(def ? std::optional<std::string>(def.value()) : std::nullopt);
        } else if (n == "eqn") {
            mac.equation = textOf(c);
        } else if (n == "doc") {
            mac.doc = textOf(c);
        } else if (n == "sim_specs") {
            mac.specs.emplace();
            readSpecs(ctx, c, *mac.specs);
        } else if (n == "variables") {
            detail::readVariables(ctx, c, mac.body);
        } else if (n == "views") {
            detail::readViews(ctx, c, mac.body);
        } else {
            mac.body.extraXml.push_back(detail::rawXml(c));
        }
    }
    p.macros.push_back(std::move(mac));
}

std::string describeParseError(const pugi::xml_parse_result& r) {
    switch (r.status) {
        case pugi::status_no_document_element:
            return "the file holds no XML element (empty or not XML)";
        case pugi::status_end_element_mismatch:
            return "an element is not closed (the file may be truncated)";
        default:
            return std::string("malformed XML: ") + r.description();
    }
}

void readRoot(ReadContext& ctx, pugi::xml_node root, model::Project& p) {
    if (auto b = ctx.child(root, "behavior")) detail::readBehavior(ctx, b);
    for (auto c : root.children()) {
        if (c.type() != pugi::node_element) continue;
        const std::string n = ctx.localName(c);
        if (n == "behavior") continue;  // resolved into each stock's and flow's non_negative flag
        if (n == "header")
            readHeader(ctx, c, p);
        else if (n == "sim_specs")
            readSpecs(ctx, c, p.specs);
        else if (n == "dimensions")
            readDimensions(ctx, c, p);
        else if (n == "macro")
            readMacro(ctx, c, p);
        else if (n == "model") {
            model::Model m;
            m.name = c.attribute("name").value();
            readModelBody(ctx, c, m);
            // The model without a name is the main one and goes first.
            const bool isMain = m.name.empty() && (p.models.empty() || !p.models.front().name.empty());
            if (isMain)
                p.models.insert(p.models.begin(), std::move(m));
            else
                p.models.push_back(std::move(m));
        } else {
            p.rootExtraXml.push_back(detail::rawXml(c));
        }
    }
}

// Vensim's XMILE may write a flow as an <aux> (SDXorg test-models, zeroled_decimals.xmile: ten of them):
// a stock that lists such an auxiliary as an inflow or outflow makes it a flow, with a W106 note.
void flowsWrittenAsAux(model::Project& p, diag::Diagnostics& diags) {
    for (auto& m : p.models) {
        std::vector<std::string> listed;
        for (const auto& v : m.variables)
            if (v.kind == model::VarKind::Stock) {
                listed.insert(listed.end(), v.inflows.begin(), v.inflows.end());
                listed.insert(listed.end(), v.outflows.begin(), v.outflows.end());
            }
        for (const auto& name : listed) {
            model::Variable* v = m.find(name);
            if (!v || v->kind != model::VarKind::Aux || v->gf) continue;
            v->kind = model::VarKind::Flow;
            diags.warning(
                diag::code::kDialectRepair, v->name,
                "written as an <aux> but a stock's inflow or outflow: read as a flow, as Vensim (which "
                "wrote the file) means it",
                0, v->line);
        }
    }
}

}  // namespace

std::optional<model::Project> readString(const std::string& rawText, diag::Diagnostics& diags,
                                         const std::string& sourceName) {
    const size_t errorsBefore = diags.errorCount();
    try {
        std::string text = detail::normaliseLineEndings(rawText);
        pugi::xml_document doc;
        const unsigned flags = pugi::parse_default & ~pugi::parse_wconv_attribute;
        pugi::xml_parse_result r = doc.load_buffer(text.data(), text.size(), flags);
        if (!r && r.status == pugi::status_end_element_mismatch) {
            // Tolerate a variable left unclosed (seen in real files), with a warning for each end tag added.
            std::vector<int> lines;
            if (auto fixed = detail::repairUnclosedVariables(text, lines)) {
                pugi::xml_parse_result r2 = doc.load_buffer(fixed->data(), fixed->size(), flags);
                if (r2) {
                    for (int line : lines)
                        diags.warning(
                            diag::code::kXmlMalformed, sourceName,
                            "a variable's end tag is missing before this line; read as if it were there", 0,
                            line);
                    text = std::move(*fixed);
                    r = r2;
                }
            }
        }
        ReadContext ctx(text, diags, sourceName);
        if (!r || !doc.document_element()) {
            if (r) r.status = pugi::status_no_document_element;
            diags.error(diag::code::kXmlMalformed, sourceName, describeParseError(r), 0,
                        ctx.lineOfOffset(std::min<ptrdiff_t>(r.offset, static_cast<ptrdiff_t>(text.size()))));
            return std::nullopt;
        }
        pugi::xml_node root = doc.document_element();
        const std::string rootName = root.name();
        const size_t colon = rootName.find(':');
        if ((colon == std::string::npos ? rootName : rootName.substr(colon + 1)) != "xmile") {
            diags.error(diag::code::kNotXmile, sourceName,
                        "the root element is <" + rootName + ">, not <xmile>: this is not an XMILE file", 0,
                        ctx.lineOf(root));
            return std::nullopt;
        }
        ctx.collectPrefixes(root);
        model::Project p;
        p.sourcePath = sourceName;
        const std::string nsAttr =
            colon == std::string::npos ? "xmlns" : "xmlns:" + rootName.substr(0, colon);
        if (auto a = root.attribute(nsAttr.c_str())) p.xmlns = a.value();
        for (auto a : root.attributes()) {
            // The writer declares isee: and sdw: itself whenever the document uses them.
            const std::string n = a.name(), v = a.value();
            const bool known = (n == "xmlns:isee" && v == detail::kIseeNs) ||
                               (n == std::string("xmlns:") + detail::kSdwPrefix && v == detail::kSdwNs);
            if (n != nsAttr && n != "version" && !known) p.rootAttrs.emplace_back(n, v);
        }
        readRoot(ctx, root, p);
        detail::expandElementLists(ctx, p);
        if (model::writtenByVensim(p)) flowsWrittenAsAux(p, diags);
        if (p.models.empty()) p.models.emplace_back();
        if (ctx.failed() || diags.errorCount() > errorsBefore) return std::nullopt;
        return p;
    } catch (const std::exception& e) {
        diags.error(diag::code::kXmlMalformed, sourceName,
                    std::string("could not read the file: ") + e.what());
        return std::nullopt;
    }
}

std::optional<model::Project> readFile(const std::string& path, diag::Diagnostics& diags) {
    std::error_code ec;
    std::ifstream in(path, std::ios::binary);
    if (!in || std::filesystem::is_directory(path, ec)) {
        diags.error(diag::code::kFileUnreadable, path, "cannot open '" + path + "' for reading");
        return std::nullopt;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) {
        diags.error(diag::code::kFileUnreadable, path, "error while reading '" + path + "'");
        return std::nullopt;
    }
    return readString(ss.str(), diags, path);
}

}  // namespace sdw::xmile
