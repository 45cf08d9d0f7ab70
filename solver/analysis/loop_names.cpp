// Reading loop names stored with a model (<sdw:loops>, an sdw extension of XMILE). Layer: solver (analysis).
#include "solver/analysis/loop_names.hpp"

#include <pugixml.hpp>
#include <sstream>

namespace sdw::analysis::detail {
namespace {

// The element's name without its prefix when the prefix is sdw's; "" otherwise.
std::string sdwLocalName(pugi::xml_node node, const std::string& prefix) {
    const std::string n = node.name();
    const auto colon = n.find(':');
    if (colon == std::string::npos || n.substr(0, colon) != prefix) return "";
    return n.substr(colon + 1);
}

// The prefix a <...:loops> element uses for sdw: "sdw", or the one it declares for sdw's namespace.
std::string sdwPrefix(pugi::xml_node node) {
    for (auto a : node.attributes()) {
        const std::string n = a.name();
        if (n.rfind("xmlns:", 0) == 0 && std::string(a.value()) == kLoopNamesNs) return n.substr(6);
    }
    return "sdw";
}

void readLoop(pugi::xml_node loop, const std::string& prefix, std::vector<NamedLoop>& out) {
    NamedLoop nl;
    nl.name = loop.attribute("name").value();
    nl.id = loop.attribute("id").value();
    nl.description = loop.attribute("description").value();
    for (auto v : loop.children())
        if (sdwLocalName(v, prefix) == "var" && *v.child_value()) nl.variables.push_back(v.child_value());
    if (!nl.name.empty() && !nl.variables.empty()) out.push_back(std::move(nl));
}

std::vector<std::string> canonicalVars(pugi::xml_node loop, const std::string& prefix) {
    std::vector<std::string> out;
    for (auto v : loop.children())
        if (sdwLocalName(v, prefix) == "var") out.push_back(model::canonicalName(v.child_value()));
    return out;
}

void appendLoop(pugi::xml_node root, const std::string& prefix, const NamedLoop& nl) {
    auto loop = root.append_child((prefix + ":loop").c_str());
    if (!nl.id.empty()) loop.append_attribute("id").set_value(nl.id.c_str());
    loop.append_attribute("name").set_value(nl.name.c_str());
    if (!nl.description.empty()) loop.append_attribute("description").set_value(nl.description.c_str());
    for (const auto& v : nl.variables) loop.append_child((prefix + ":var").c_str()).text().set(v.c_str());
}

// The index in m.extraXml of its <sdw:loops>, or -1.
int loopsEntry(const model::Model& m, pugi::xml_document& doc, std::string& prefix) {
    for (size_t k = 0; k < m.extraXml.size(); ++k) {
        doc.reset();
        if (!doc.load_buffer(m.extraXml[k].data(), m.extraXml[k].size())) continue;
        prefix = sdwPrefix(doc.first_child());
        if (sdwLocalName(doc.first_child(), prefix) == "loops") return static_cast<int>(k);
    }
    doc.reset();
    prefix = "sdw";
    return -1;
}

}  // namespace

bool sameCycle(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.size() != b.size()) return false;
    for (size_t r = 0; r < a.size(); ++r) {
        size_t k = 0;
        while (k < a.size() && a[k] == b[(r + k) % b.size()]) ++k;
        if (k == a.size()) return true;
    }
    return false;
}

void storeLoopName(model::Model& m, const NamedLoop& loop) {
    pugi::xml_document doc;
    std::string prefix;
    const int entry = loopsEntry(m, doc, prefix);
    pugi::xml_node root = entry >= 0 ? doc.first_child() : doc.append_child((prefix + ":loops").c_str());
    std::vector<std::string> want;
    for (const auto& v : loop.variables) want.push_back(model::canonicalName(v));
    for (pugi::xml_node c = root.first_child(); c;) {
        const pugi::xml_node next = c.next_sibling();
        if (sdwLocalName(c, prefix) == "loop" && sameCycle(want, canonicalVars(c, prefix)))
            root.remove_child(c);
        c = next;
    }
    if (!loop.name.empty()) appendLoop(root, prefix, loop);
    const bool empty = !root.find_child([&](pugi::xml_node c) { return sdwLocalName(c, prefix) == "loop"; });
    std::ostringstream os;
    root.print(os, "", pugi::format_raw);
    if (entry >= 0 && empty)
        m.extraXml.erase(m.extraXml.begin() + entry);
    else if (entry >= 0)
        m.extraXml[static_cast<size_t>(entry)] = os.str();
    else if (!empty)
        m.extraXml.push_back(os.str());
}

std::vector<NamedLoop> storedLoopNames(const model::Model& m) {
    std::vector<NamedLoop> out;
    for (const std::string& xml : m.extraXml) {
        pugi::xml_document doc;
        if (!doc.load_buffer(xml.data(), xml.size())) continue;
        const pugi::xml_node root = doc.first_child();
        const std::string prefix = sdwPrefix(root);
        if (sdwLocalName(root, prefix) != "loops") continue;
        for (auto loop : root.children())
            if (sdwLocalName(loop, prefix) == "loop") readLoop(loop, prefix, out);
    }
    return out;
}

}  // namespace sdw::analysis::detail
