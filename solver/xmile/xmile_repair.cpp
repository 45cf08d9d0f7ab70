// Recovery for one kind of broken XMILE seen in the wild: a variable whose end tag is missing (a <flow> left
// open before the next <stock>, as in the SDXorg non_negative_flows test). Used only after a strict parse
// fails. Layer: solver (xmile). Depends on the standard library only.
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "solver/xmile/xml_support.hpp"

namespace sdw::xmile::detail {
namespace {

bool isVariableTag(const std::string& name) {
    const size_t colon = name.find(':');
    const std::string local = colon == std::string::npos ? name : name.substr(colon + 1);
    return local == "stock" || local == "flow" || local == "aux" || local == "module";
}

// End of the markup that starts at `pos` ('<'), skipping quoted attribute values; npos when unterminated.
size_t tagEnd(const std::string& text, size_t pos) {
    char quote = 0;
    for (size_t i = pos + 1; i < text.size(); ++i) {
        const char c = text[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return i;
        }
    }
    return std::string::npos;
}

std::string tagName(const std::string& text, size_t from) {
    size_t e = from;
    while (e < text.size() && !std::isspace(static_cast<unsigned char>(text[e])) && text[e] != '>' &&
           text[e] != '/')
        ++e;
    return text.substr(from, e - from);
}

// Line of a position, counting forward from the last one asked (positions only grow).
class LineCounter {
  public:
    explicit LineCounter(const std::string& text) : m_text(text) {}
    int at(size_t pos) {
        for (; m_pos < pos && m_pos < m_text.size(); ++m_pos) m_line += m_text[m_pos] == '\n';
        return m_line;
    }

  private:
    const std::string& m_text;
    size_t m_pos = 0;
    int m_line = 1;
};

}  // namespace

std::optional<std::string> repairUnclosedVariables(const std::string& text, std::vector<int>& repairedLines) {
    std::string out;
    out.reserve(text.size() + 64);
    std::vector<std::string> stack;
    LineCounter lines(text);
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t lt = text.find('<', pos);
        if (lt == std::string::npos) break;
        out.append(text, pos, lt - pos);
        size_t end;
        if (text.compare(lt, 4, "<!--") == 0)
            end = text.find("-->", lt) + 2;
        else if (text.compare(lt, 9, "<![CDATA[") == 0)
            end = text.find("]]>", lt) + 2;
        else
            end = tagEnd(text, lt);
        if (end == std::string::npos || end < lt) return std::nullopt;
        const bool special = text[lt + 1] == '!' || text[lt + 1] == '?';
        if (!special && text[lt + 1] == '/') {
            const std::string name = tagName(text, lt + 2);
            // An end tag that closes an outer element: the variables left open inside it are closed first.
            while (stack.size() > 1 && stack.back() != name && isVariableTag(stack.back())) {
                out += "</" + stack.back() + ">";
                repairedLines.push_back(lines.at(lt));
                stack.pop_back();
            }
            if (!stack.empty() && stack.back() == name) stack.pop_back();
        } else if (!special) {
            const std::string name = tagName(text, lt + 1);
            // A variable cannot hold another variable: the one left open ends here.
            if (isVariableTag(name) && !stack.empty() && isVariableTag(stack.back())) {
                out += "</" + stack.back() + ">";
                repairedLines.push_back(lines.at(lt));
                stack.pop_back();
            }
            if (text[end - 1] != '/') stack.push_back(name);
        }
        out.append(text, lt, end + 1 - lt);
        pos = end + 1;
    }
    if (pos < text.size()) out.append(text, pos, std::string::npos);
    if (repairedLines.empty()) return std::nullopt;
    return out;
}

}  // namespace sdw::xmile::detail
