// Helpers shared by the XMILE reader and writer: names, numbers, lines, verbatim XML.
// Layer: solver (xmile). Depends on pugixml, model/ and diag/ only.
#include "solver/xmile/xml_support.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <sstream>

namespace sdw::xmile::detail {

std::string normaliseLineEndings(const std::string& text) {
    if (text.find('\r') == std::string::npos) return text;
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            out.push_back(text[i]);
            continue;
        }
        out.push_back('\n');
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    }
    return out;
}

std::string trim(const std::string& s) {
    const char* ws = " \t\r\n";
    const size_t b = s.find_first_not_of(ws);
    if (b == std::string::npos) return {};
    const size_t e = s.find_last_not_of(ws);
    return s.substr(b, e - b + 1);
}

std::vector<std::string> splitList(const std::string& s, const std::string& sep) {
    std::vector<std::string> out;
    const std::string delim = sep.empty() ? "," : sep;
    size_t pos = 0;
    while (true) {
        const size_t next = s.find(delim, pos);
        out.push_back(trim(s.substr(pos, next == std::string::npos ? std::string::npos : next - pos)));
        if (next == std::string::npos) break;
        pos = next + delim.size();
    }
    // "1,2,3," and an empty list: trailing empties are not values.
    while (!out.empty() && out.back().empty()) out.pop_back();
    return out;
}

std::string formatNumber(double v) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

ReadContext::ReadContext(const std::string& text, diag::Diagnostics& diags, std::string sourceName)
    : m_diags(diags), m_source(std::move(sourceName)), m_text(text) {
    m_lineStarts.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') m_lineStarts.push_back(i + 1);
}

void ReadContext::collectPrefixes(pugi::xml_node root) {
    for (auto a : root.attributes()) {
        const std::string name = a.name();
        if (name.rfind("xmlns:", 0) != 0) continue;
        const std::string uri = a.value();
        if (uri == kXmileNs || uri == kXmilePreNs) m_xmilePrefixes.push_back(name.substr(6));
        if (uri == kSdwNs) m_sdwPrefixes.push_back(name.substr(6));
    }
    const std::string rootName = root.name();
    const size_t colon = rootName.find(':');
    if (colon != std::string::npos) m_xmilePrefixes.push_back(rootName.substr(0, colon));
}

namespace {
std::string stripXmilePrefix(const std::string& name, const std::vector<std::string>& prefixes) {
    const size_t colon = name.find(':');
    if (colon == std::string::npos) return name;
    const std::string prefix = name.substr(0, colon);
    if (std::find(prefixes.begin(), prefixes.end(), prefix) != prefixes.end()) return name.substr(colon + 1);
    return name;
}
}  // namespace

std::string ReadContext::localName(pugi::xml_node node) const {
    return stripXmilePrefix(node.name(), m_xmilePrefixes);
}

std::string ReadContext::localName(pugi::xml_attribute attr) const {
    return stripXmilePrefix(attr.name(), m_xmilePrefixes);
}

pugi::xml_node ReadContext::child(pugi::xml_node node, const char* name) const {
    for (auto c : node.children())
        if (c.type() == pugi::node_element && localName(c) == name) return c;
    return {};
}

pugi::xml_attribute ReadContext::attrAnyPrefix(pugi::xml_node node, const char* name) const {
    for (auto a : node.attributes()) {
        const char* n = a.name();
        const char* colon = std::strchr(n, ':');
        if (std::strcmp(colon ? colon + 1 : n, name) == 0 && std::strncmp(n, "xmlns", 5) != 0) return a;
    }
    return {};
}

std::string ReadContext::sdwName(pugi::xml_node node) const {
    const std::string name = node.name();
    const size_t colon = name.find(':');
    if (colon == std::string::npos) return {};
    const std::string prefix = name.substr(0, colon);
    if (std::find(m_sdwPrefixes.begin(), m_sdwPrefixes.end(), prefix) == m_sdwPrefixes.end()) return {};
    return name.substr(colon + 1);
}

int ReadContext::lineOfOffset(ptrdiff_t offset) const {
    if (offset < 0) return 0;
    auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), static_cast<size_t>(offset));
    return static_cast<int>(it - m_lineStarts.begin());
}

int ReadContext::lineOf(pugi::xml_node node) const {
    return lineOfOffset(node.offset_debug());
}

std::optional<model::TextOrigin> ReadContext::originOf(pugi::xml_node node, const std::string& text) const {
    pugi::xml_node content;
    for (auto c : node.children()) {
        if (c.type() != pugi::node_pcdata && c.type() != pugi::node_cdata) continue;
        if (content) return std::nullopt;  // text in several pieces: the element's line is all we give
        content = c;
    }
    const ptrdiff_t start = content ? content.offset_debug() : -1;
    if (start < 0 || static_cast<size_t>(start) >= m_text.size()) return std::nullopt;
    const std::string value = content.value();
    const size_t lead = value.find(text);
    if (text.empty() || lead == std::string::npos) return std::nullopt;
    model::TextOrigin o;
    o.text = text;
    auto anchor = [&](size_t textOffset, size_t fileOffset) {
        const int line = lineOfOffset(static_cast<ptrdiff_t>(fileOffset));
        const int column = static_cast<int>(fileOffset - m_lineStarts[static_cast<size_t>(line - 1)]) + 1;
        o.anchors.push_back({static_cast<int>(textOffset), line, column});
    };
    // Walk the decoded value and the file together: an entity is one character of the value.
    const bool escapes = content.type() == pugi::node_pcdata;
    size_t file = static_cast<size_t>(start);
    for (size_t i = 0; i < lead + text.size() && file < m_text.size(); ++i) {
        if (i == lead) anchor(0, file);
        if (escapes && m_text[file] == '&') {  // an entity (a literal '&' is written "&amp;")
            const size_t semi = m_text.find(';', file);
            if (semi == std::string::npos) return std::nullopt;
            file = semi + 1;
            if (i + 1 > lead && i + 1 < lead + text.size()) anchor(i + 1 - lead, file);
        } else {
            ++file;
        }
    }
    return o;
}

std::optional<double> ReadContext::number(const std::string& text, pugi::xml_node where,
                                          const std::string& what) {
    std::string t = trim(text);
    if (!t.empty() && t[0] == '+') t.erase(0, 1);
    double v = 0;
    if (!t.empty()) {
        auto r = std::from_chars(t.data(), t.data() + t.size(), v);
        if (r.ec == std::errc() && r.ptr == t.data() + t.size()) return v;
    }
    std::string shown = trim(text);
    if (shown.size() > 40) shown = shown.substr(0, 40) + "...";
    diag::Diagnostic d;
    d.code = diag::code::kBadNumber;
    d.where = m_source;
    d.line = lineOf(where);
    d.message = "<" + std::string(where.name()) + "> " + what + ": '" + shown + "' is not a number";
    m_diags.add(d);
    m_failed = true;
    return std::nullopt;
}

std::optional<double> ReadContext::numberAttr(pugi::xml_node node, const char* attr) {
    auto a = node.attribute(attr);
    if (!a) return std::nullopt;
    return number(a.value(), node, std::string("attribute ") + attr);
}

std::string rawXml(pugi::xml_node node) {
    std::ostringstream os;
    node.print(os, "", pugi::format_raw);
    return os.str();
}

std::string textOf(pugi::xml_node node) {
    std::string out;
    for (auto c : node.children())
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    return trim(out);
}

void appendRaw(pugi::xml_node parent, const std::string& xml) {
    parent.append_buffer(xml.data(), xml.size(), pugi::parse_default & ~pugi::parse_wconv_attribute);
}

void setNumber(pugi::xml_attribute attr, double v) {
    attr.set_value(formatNumber(v).c_str());
}

}  // namespace sdw::xmile::detail
