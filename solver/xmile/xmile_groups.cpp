// Model-level XMILE groups: kept verbatim by the reader, read here on demand. Layer: solver (xmile).
#include <pugixml.hpp>

#include "solver/xmile/xmile.hpp"

namespace sdw::xmile {

namespace {
// "isee:group" and "group" alike: the group element may carry the file's prefix.
bool hasLocalName(const pugi::xml_node& n, const char* local) {
    const std::string name = n.name();
    const auto colon = name.find(':');
    return (colon == std::string::npos ? name : name.substr(colon + 1)) == local;
}
}  // namespace

std::vector<std::string> groupMembers(const model::Model& m, const std::string& groupName) {
    std::vector<std::string> out;
    const std::string want = model::canonicalName(groupName);
    for (const auto& xml : m.variablesExtraXml) {
        pugi::xml_document doc;
        if (!doc.load_string(xml.c_str())) continue;
        for (pugi::xml_node g : doc.children()) {
            if (!hasLocalName(g, "group") || model::canonicalName(g.attribute("name").as_string()) != want)
                continue;
            for (pugi::xml_node e : g.children())
                if (hasLocalName(e, "entity") && *e.attribute("name").as_string())
                    out.push_back(e.attribute("name").as_string());
        }
    }
    return out;
}

}  // namespace sdw::xmile
