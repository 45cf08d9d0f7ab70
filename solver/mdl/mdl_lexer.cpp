// Splitting a Vensim .mdl file into `equation ~ units ~ doc |` entries, macro markers and the sketch section,
// plus small string helpers. Layer: solver. Depends on the standard library only.
#include <cctype>
#include <set>

#include "solver/mdl/mdl_internal.hpp"

namespace sdw::mdl::detail {
namespace {

bool startsWithNoCase(const std::string& s, size_t at, const char* prefix) {
    for (size_t k = 0; prefix[k]; ++k) {
        if (at + k >= s.size()) return false;
        if (std::toupper((unsigned char)s[at + k]) != std::toupper((unsigned char)prefix[k])) return false;
    }
    return true;
}

std::string normaliseNewlines(const std::string& in) {
    std::string out;
    out.reserve(in.size());
    size_t i = 0;
    if (in.size() >= 3 && (unsigned char)in[0] == 0xEF && (unsigned char)in[1] == 0xBB &&
        (unsigned char)in[2] == 0xBF)
        i = 3;  // UTF-8 byte order mark
    for (; i < in.size(); ++i) {
        if (in[i] == '\r') {
            out += '\n';
            if (i + 1 < in.size() && in[i + 1] == '\n') ++i;
        } else {
            out += in[i];
        }
    }
    return out;
}

// Where the sketch marker "\\\---///" (two or three backslashes in the wild) begins, or npos.
size_t findSketchMarker(const std::string& s) {
    size_t at = s.find("---///");
    while (at != std::string::npos) {
        size_t b = at;
        while (b > 0 && s[b - 1] == '\\') --b;
        if (at - b >= 2) return b;
        at = s.find("---///", at + 1);
    }
    return std::string::npos;
}

// Reads entries one by one from the equations part of the file.
class Splitter {
  public:
    explicit Splitter(const std::string& s) : m_s(s) {}

    std::vector<Entry> run() {
        while (true) {
            skipSpace();
            if (m_i >= m_s.size()) break;
            if (startsWithNoCase(m_s, m_i, ":MACRO:")) {
                macroHeader();
            } else if (startsWithNoCase(m_s, m_i, ":END OF MACRO:")) {
                Entry e;
                e.kind = Entry::Kind::MacroEnd;
                e.line = m_line;
                m_out.push_back(e);
                m_i += 14;
            } else {
                entry();
            }
        }
        return std::move(m_out);
    }

  private:
    void advance() {
        if (m_s[m_i] == '\n') ++m_line, m_lineStart = m_i + 1;
        ++m_i;
    }
    void skipSpace() {
        while (m_i < m_s.size() && std::isspace((unsigned char)m_s[m_i])) advance();
    }
    // A backslash ending a line joins it to the next one.
    bool continuation() {
        if (m_s[m_i] != '\\') return false;
        size_t j = m_i + 1;
        while (j < m_s.size() && (m_s[j] == ' ' || m_s[j] == '\t')) ++j;
        if (j >= m_s.size() || m_s[j] != '\n') return false;
        m_i = j + 1;
        ++m_line;
        m_lineStart = m_i;
        return true;
    }

    void macroHeader() {
        Entry e;
        e.kind = Entry::Kind::MacroBegin;
        e.line = m_line;
        m_i += 7;
        int depth = 0;
        bool opened = false;
        while (m_i < m_s.size()) {
            const char c = m_s[m_i];
            if (continuation()) continue;
            if (c == '\n' && !opened) break;
            advance();
            if (c == '(') opened = true, ++depth;
            if (c == ')') --depth;
            e.equation += c == '\n' ? ' ' : c;
            if (opened && depth == 0) break;
        }
        e.equation = trim(e.equation);
        m_out.push_back(e);
    }

    void entry() {
        Entry e;
        e.line = m_line;
        int section = 0;
        bool quoted = false;
        std::string* parts[3] = {&e.equation, &e.units, &e.doc};
        e.terminated = false;
        while (m_i < m_s.size()) {
            if (continuation()) continue;
            const char c = m_s[m_i];
            if (section == 0 && quoted && c == '\\' && m_i + 1 < m_s.size() && m_s[m_i + 1] == '"') {
                for (int k = 0; k < 2; ++k) {  // \" inside a quoted name is part of it
                    e.positions.push_back({m_line, static_cast<int>(m_i - m_lineStart) + 1});
                    e.equation += m_s[m_i];
                    advance();
                }
                continue;
            }
            if (section == 0 && c == '"') quoted = !quoted;
            if (!quoted && section == 0 && c == '{') {  // an inline comment in an equation
                while (m_i < m_s.size() && m_s[m_i] != '}') advance();
                if (m_i < m_s.size()) advance();
                continue;
            }
            const std::pair<int, int> at{m_line, static_cast<int>(m_i - m_lineStart) + 1};
            advance();
            if (!quoted && c == '~' && section < 2) {
                ++section;
                e.sections = section + 1;
                continue;
            }
            if (!quoted && c == '|') {
                e.terminated = true;
                break;
            }
            *parts[section] += c;
            if (section == 0) e.positions.push_back(at);
        }
        // Trim the equation and its positions alike.
        size_t lead = 0, tail = e.equation.size();
        while (lead < tail && std::isspace((unsigned char)e.equation[lead])) ++lead;
        while (tail > lead && std::isspace((unsigned char)e.equation[tail - 1])) --tail;
        e.positions.erase(e.positions.begin() + static_cast<long>(tail), e.positions.end());
        e.positions.erase(e.positions.begin(), e.positions.begin() + static_cast<long>(lead));
        e.equation = trim(e.equation);
        e.units = trim(e.units);
        e.doc = trim(e.doc);
        if (!e.equation.empty() || e.terminated) m_out.push_back(e);
    }

    const std::string& m_s;
    size_t m_i = 0;
    int m_line = 1;
    size_t m_lineStart = 0;
    std::vector<Entry> m_out;
};

}  // namespace

SplitFile splitFile(const std::string& text) {
    SplitFile out;
    std::string s = normaliseNewlines(text);
    const size_t marker = findSketchMarker(s);
    if (marker != std::string::npos) {
        out.sketchLine = 1;
        for (size_t i = 0; i < marker; ++i)
            if (s[i] == '\n') ++out.sketchLine;
        out.sketch = s.substr(marker);
        s.resize(marker);
    }
    // The {UTF-8} encoding header (the text is taken as UTF-8 either way).
    size_t start = 0;
    while (start < s.size() && std::isspace((unsigned char)s[start])) ++start;
    if (s.compare(start, 7, "{UTF-8}") == 0) {
        for (size_t i = start; i < start + 7; ++i) s[i] = ' ';
    }
    out.entries = Splitter(s).run();
    return out;
}

std::string trim(const std::string& s) {
    size_t b = 0, e = s.size();
    while (b < e && std::isspace((unsigned char)s[b])) ++b;
    while (e > b && std::isspace((unsigned char)s[e - 1])) --e;
    return s.substr(b, e - b);
}

std::string lower(const std::string& s) {
    std::string out = s;
    for (char& c : out) c = static_cast<char>(std::tolower((unsigned char)c));
    return out;
}

std::string upper(const std::string& s) {
    std::string out = s;
    for (char& c : out) c = static_cast<char>(std::toupper((unsigned char)c));
    return out;
}

std::string squeeze(const std::string& s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (std::isspace((unsigned char)c)) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

size_t closingQuote(const std::string& s, size_t open) {
    for (size_t k = open + 1; k < s.size(); ++k) {
        if (s[k] == '\\' && k + 1 < s.size() && s[k + 1] == '"')
            ++k;
        else if (s[k] == '"')
            return k;
    }
    return std::string::npos;
}

std::string unquoteName(const std::string& name) {
    std::string t = name;
    if (t.size() >= 2 && t.front() == '"' && closingQuote(t, 0) == t.size() - 1)
        t = t.substr(1, t.size() - 2);
    std::string out;
    for (size_t k = 0; k < t.size(); ++k) {
        if (t[k] == '\\' && k + 1 < t.size() && t[k + 1] == '"') ++k;
        out += t[k];
    }
    return out;
}

std::string xmileName(const std::string& vensimName) {
    std::string name = unquoteName(squeeze(vensimName));
    // XMILE's word operators: a variable with such a name is written quoted, or it would read as the
    // operator.
    static const std::set<std::string> kReserved = {"and", "or", "not", "mod", "if", "then", "else"};
    bool plain = !name.empty() && !std::isdigit((unsigned char)name[0]) && !kReserved.count(lower(name));
    std::string out;
    for (char c : name) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (c == ' ')
            out += '_';
        else if (std::isalnum(u) || c == '_' || u >= 0x80)
            out += c;
        else
            plain = false, out += c;
    }
    if (plain) return out;
    std::string quoted = "\"";
    for (char c : name)
        if (c != '"') quoted += c;
    return quoted + "\"";
}

std::vector<std::string> splitTopLevel(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    int depth = 0;
    bool quoted = false;
    for (size_t k = 0; k < s.size(); ++k) {
        const char c = s[k];
        if (quoted && c == '\\' && k + 1 < s.size() && s[k + 1] == '"') {  // \" inside a quoted name
            cur += c;
            cur += s[++k];
            continue;
        }
        if (c == '"') quoted = !quoted;
        if (!quoted) {
            if (c == '(' || c == '[') ++depth;
            if (c == ')' || c == ']') --depth;
            if (c == sep && depth == 0) {
                out.push_back(trim(cur));
                cur.clear();
                continue;
            }
        }
        cur += c;
    }
    out.push_back(trim(cur));
    return out;
}

}  // namespace sdw::mdl::detail
