// The canonical text of an XMILE document, the form every file sdw writes takes: an XML declaration, two
// spaces of indentation a level, one element a line (an element holding only text on the line of its tags),
// and a connector, an alias or a pipe's points written whole on one line, so that a diagram's many links read
// one to a line. Escaping is pugixml's own, so reading the text back and printing it again gives the same
// bytes. Layer: solver (xmile). Depends on pugixml only.
#include <cstring>
#include <sstream>

#include "solver/xmile/xml_support.hpp"

namespace sdw::xmile::detail {
namespace {

// Past this depth a kept element is printed on one line: indentation for a pathologically deep (fuzzed)
// element would otherwise cost gigabytes of spaces.
constexpr int kMaxIndentedDepth = 64;

bool isOneLine(const char* name) {
    return std::strcmp(name, "connector") == 0 || std::strcmp(name, "alias") == 0 ||
           std::strcmp(name, "pts") == 0;
}

void raw(std::ostringstream& os, pugi::xml_node node) {
    node.print(os, "", pugi::format_raw | pugi::format_no_declaration);
}

// The start tag of an element with its attributes, escaped by pugixml: print an empty copy and reopen it.
std::string startTag(pugi::xml_node node) {
    pugi::xml_document shell;
    auto copy = shell.append_child(node.name());
    for (auto a : node.attributes()) copy.append_attribute(a.name()).set_value(a.value());
    std::ostringstream os;
    raw(os, copy);
    std::string tag = os.str();  // "<name .../>"
    tag.erase(tag.size() - 2);
    return tag + ">";
}

bool hasElementChild(pugi::xml_node node) {
    for (auto c : node.children())
        if (c.type() == pugi::node_element) return true;
    return false;
}

bool onlyElementChildren(pugi::xml_node node) {
    for (auto c : node.children())
        if (c.type() != pugi::node_element) return false;
    return true;
}

void print(std::ostringstream& os, pugi::xml_node node, int depth) {
    const std::string indent(static_cast<size_t>(2 * depth), ' ');
    os << indent;
    const bool nested = hasElementChild(node);
    if (node.type() != pugi::node_element || !nested || isOneLine(node.name()) ||
        !onlyElementChildren(node) || depth >= kMaxIndentedDepth) {
        raw(os, node);  // text-only, empty, one-line or mixed content: exactly as pugixml writes it
        os << '\n';
        return;
    }
    os << startTag(node) << '\n';
    for (auto c : node.children()) print(os, c, depth + 1);
    os << indent << "</" << node.name() << ">\n";
}

}  // namespace

std::string printCanonical(const pugi::xml_document& doc) {
    std::ostringstream os;
    os << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
    for (auto c : doc.children()) print(os, c, 0);
    return os.str();
}

}  // namespace sdw::xmile::detail
