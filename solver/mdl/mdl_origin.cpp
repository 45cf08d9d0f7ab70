// Positions of translated Vensim equations: the names and numbers of an XMILE translation tied back to the
// line and column of the same names and numbers in the .mdl file, so that a compile error points into the
// file the user wrote. Layer: solver. Depends on model/, diag/ and the equation parser (read-only use).
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>

#include "solver/equations/parser.hpp"
#include "solver/mdl/mdl_internal.hpp"

namespace sdw::mdl::detail {
namespace {

struct Token {
    std::string key;  // canonical name, or a number as written
    size_t offset = 0;
    size_t length = 0;
    bool name = false;  // a name (not a number) that is not called as a function
};

bool startsName(unsigned char c) {
    return std::isalpha(c) || c == '_' || c == '$' || c >= 0x80;
}

// The names (words joined by single blanks, or quoted) and numbers of Vensim text, in order.
std::vector<Token> vensimTokens(const std::string& s) {
    std::vector<Token> out;
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '"') {
            const size_t close = closingQuote(s, i);
            const size_t end = close == std::string::npos ? s.size() : close + 1;
            out.push_back({model::canonicalName(unquoteName(s.substr(i, end - i))), i, end - i, true});
            i = end;
        } else if (std::isdigit(c) ||
                   (c == '.' && i + 1 < s.size() && std::isdigit((unsigned char)s[i + 1]))) {
            char* end = nullptr;
            std::strtod(s.c_str() + i, &end);
            const size_t n = std::max<size_t>(1, static_cast<size_t>(end - (s.c_str() + i)));
            out.push_back({s.substr(i, n), i, n, false});
            i += n;
        } else if (startsName(c)) {
            size_t j = i, last = i;
            while (j < s.size()) {
                const auto d = static_cast<unsigned char>(s[j]);
                if (std::isalnum(d) || d == '_' || d == '$' || d == '\'' || d == '&' || d >= 0x80 ||
                    (d == '.' && j + 1 < s.size() && std::isalnum((unsigned char)s[j + 1])))
                    last = ++j;
                else if (d == ' ' || d == '\t')
                    ++j;
                else
                    break;
            }
            size_t next = last;
            while (next < s.size() && std::isspace((unsigned char)s[next])) ++next;
            const bool called = next < s.size() && s[next] == '(';
            out.push_back({model::canonicalName(s.substr(i, last - i)), i, last - i, !called});
            i = last;
        } else {
            ++i;
        }
    }
    return out;
}

// The names, calls and numbers of XMILE text, from the parser's own positions.
std::vector<Token> xmileTokens(const std::string& xmile) {
    diag::Diagnostics ignored;
    const equations::Expr e = equations::parse(xmile, "", ignored);
    std::vector<Token> out;
    // The identifier (or quoted name, or number) starting at `at`: its length in the text.
    auto lengthAt = [&](size_t at) {
        if (xmile[at] == '"') {
            const size_t close = xmile.find('"', at + 1);
            return (close == std::string::npos ? xmile.size() : close + 1) - at;
        }
        size_t j = at;
        while (j < xmile.size() && (std::isalnum((unsigned char)xmile[j]) || xmile[j] == '_' ||
                                    xmile[j] == '$' || xmile[j] == '.' || (unsigned char)xmile[j] >= 0x80))
            ++j;
        return std::max<size_t>(1, j - at);
    };
    for (const equations::Node& n : e.nodes) {
        if (n.pos < 0 || static_cast<size_t>(n.pos) >= xmile.size()) continue;
        const auto at = static_cast<size_t>(n.pos);
        if (n.kind == equations::NodeKind::Name || n.kind == equations::NodeKind::Call)
            out.push_back({n.name, at, lengthAt(at), n.kind == equations::NodeKind::Name});
        else if (n.kind == equations::NodeKind::Number)
            out.push_back({n.text, at, lengthAt(at), false});
    }
    std::sort(out.begin(), out.end(), [](const Token& a, const Token& b) { return a.offset < b.offset; });
    return out;
}

std::pair<int, int> positionAt(const Entry& entry, size_t at) {
    if (at >= entry.positions.size()) return {entry.line, 0};
    return entry.positions[at];
}

}  // namespace

model::TextOrigin translatedOrigin(const std::string& xmile, const std::string& vensim, const Entry& entry,
                                   size_t offset) {
    model::TextOrigin o;
    o.text = xmile;
    const auto [line0, column0] = positionAt(entry, offset);
    o.anchors.push_back({0, line0, column0});
    const std::vector<Token> theirs = vensimTokens(vensim);
    std::map<std::string, size_t> seen;  // occurrences of each key so far in the XMILE text
    for (const Token& t : xmileTokens(xmile)) {
        const size_t nth = seen[t.key]++;
        const Token* match = nullptr;
        size_t count = 0;
        for (const Token& v : theirs)
            if (v.key == t.key && (count++ == nth || !match)) match = &v;
        const int at = static_cast<int>(t.offset);
        while (o.anchors.size() > 1 && o.anchors.back().offset >= at) o.anchors.pop_back();
        if (match) {
            const auto [line, column] = positionAt(entry, offset + match->offset);
            o.anchors.push_back({at, line, column});
        } else {
            o.anchors.push_back({at, 0, 0});  // written by the translator: no place in the file
        }
        o.anchors.push_back({at + static_cast<int>(t.length), 0, 0});
    }
    return o;
}

std::pair<int, int> positionOfName(const std::string& vensim, const std::string& name, const Entry& entry,
                                   size_t offset) {
    const std::string key = model::canonicalName(name);
    for (const Token& t : vensimTokens(vensim))
        if (t.key == key) return positionAt(entry, offset + t.offset);
    return {entry.line, 0};
}

std::vector<std::string> namesIn(const std::string& vensim) {
    std::vector<std::string> out;
    for (const Token& t : vensimTokens(vensim))
        if (t.name) out.push_back(t.key);
    return out;
}

}  // namespace sdw::mdl::detail
