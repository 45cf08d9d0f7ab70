// Reading loop names stored with a model (<sdw:loops>, an sdw extension of XMILE). Layer: solver (analysis).
#include "solver/analysis/loop_names.hpp"

#include <pugixml.hpp>

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
    for (auto v : loop.children())
        if (sdwLocalName(v, prefix) == "var" && *v.child_value()) nl.variables.push_back(v.child_value());
    if (!nl.name.empty() && !nl.variables.empty()) out.push_back(std::move(nl));
}

}  // namespace

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
