// Number-level pieces of the Vensim reader: lookup tables, constant arithmetic (the control section) and the
// units field with its [min,max,step] range hint. Layer: solver. Depends on model/ only.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "solver/mdl/mdl_internal.hpp"

namespace sdw::mdl::detail {
namespace {

// A cursor over a lookup body.
class Cursor {
public:
    explicit Cursor(const std::string& s) : m_s(s) {}
    void skip() {
        while (m_i < m_s.size() && std::isspace((unsigned char)m_s[m_i])) ++m_i;
    }
    bool eat(char c) {
        skip();
        if (m_i < m_s.size() && m_s[m_i] == c) return ++m_i, true;
        return false;
    }
    bool peek(char c) {
        skip();
        return m_i < m_s.size() && m_s[m_i] == c;
    }
    bool atEnd() {
        skip();
        return m_i >= m_s.size();
    }
    std::optional<double> number() {
        skip();
        const char* b = m_s.c_str() + m_i;
        char* e = nullptr;
        const double v = std::strtod(b, &e);
        if (e == b) return std::nullopt;
        m_i += static_cast<size_t>(e - b);
        return v;
    }
    bool pair(double& x, double& y) {
        if (!eat('(')) return false;
        auto a = number();
        if (!a || !eat(',')) return false;
        auto b = number();
        if (!b || !eat(')')) return false;
        x = *a, y = *b;
        return true;
    }

private:
    const std::string& m_s;
    size_t m_i = 0;
};

// Constant arithmetic: expr := term (('+'|'-') term)*, term := power (('*'|'/') power)*,
// power := unary ('^' power)?, unary := ('-'|'+') unary | atom.
class ConstEval {
public:
    ConstEval(const std::string& s, const std::map<std::string, double>& names) : m_s(s), m_names(names) {}
    std::optional<double> run() {
        auto v = expr();
        skip();
        if (!v || m_i != m_s.size()) return std::nullopt;
        return v;
    }

private:
    void skip() {
        while (m_i < m_s.size() && std::isspace((unsigned char)m_s[m_i])) ++m_i;
    }
    bool eat(char c) {
        skip();
        if (m_i < m_s.size() && m_s[m_i] == c) return ++m_i, true;
        return false;
    }
    std::optional<double> expr() {
        auto v = term();
        while (v) {
            if (eat('+')) {
                auto r = term();
                if (!r) return std::nullopt;
                *v += *r;
            } else if (eat('-')) {
                auto r = term();
                if (!r) return std::nullopt;
                *v -= *r;
            } else {
                break;
            }
        }
        return v;
    }
    std::optional<double> term() {
        auto v = unary();
        while (v) {
            if (eat('*')) {
                auto r = unary();
                if (!r) return std::nullopt;
                *v *= *r;
            } else if (eat('/')) {
                auto r = unary();
                if (!r) return std::nullopt;
                *v /= *r;
            } else {
                break;
            }
        }
        return v;
    }
    std::optional<double> unary() {
        if (++m_unary > 2000) return std::nullopt;  // bounds "- - - ..." and "a^b^c..." chains: not a control value
        if (eat('-')) {
            auto v = unary();
            return v ? std::optional<double>(-*v) : std::nullopt;
        }
        if (eat('+')) return unary();
        auto v = atom();
        if (v && eat('^')) {
            auto r = unary();
            if (!r) return std::nullopt;
            return std::pow(*v, *r);
        }
        return v;
    }
    std::optional<double> atom() {
        skip();
        if (m_i >= m_s.size()) return std::nullopt;
        if (eat('(')) {
            if (++m_depth > 200) return std::nullopt;  // deeper than any control equation: not ours to evaluate
            auto v = expr();
            --m_depth;
            if (!v || !eat(')')) return std::nullopt;
            return v;
        }
        const unsigned char c = static_cast<unsigned char>(m_s[m_i]);
        if (std::isdigit(c) || c == '.') {
            const char* b = m_s.c_str() + m_i;
            char* e = nullptr;
            const double v = std::strtod(b, &e);
            if (e == b) return std::nullopt;
            m_i += static_cast<size_t>(e - b);
            return v;
        }
        size_t j = m_i;
        while (j < m_s.size() && (std::isalnum((unsigned char)m_s[j]) || m_s[j] == '_' || m_s[j] == ' ' ||
                                  m_s[j] == '\t'))
            ++j;
        if (j == m_i) return std::nullopt;
        auto it = m_names.find(model::canonicalName(m_s.substr(m_i, j - m_i)));
        if (it == m_names.end()) return std::nullopt;
        m_i = j;
        return it->second;
    }

    const std::string& m_s;
    const std::map<std::string, double>& m_names;
    size_t m_i = 0;
    int m_depth = 0;
    int m_unary = 0;
};

}  // namespace

std::optional<model::GraphicalFunction> parseLookup(const std::string& body, std::string& error) {
    Cursor c(body);
    model::GraphicalFunction gf;
    if (!c.eat('(')) {
        error = "a lookup table must start with '('";
        return std::nullopt;
    }
    if (c.eat('[')) {  // [(xmin,ymin)-(xmax,ymax), optional reference points...]
        double x0, y0, x1, y1;
        if (!c.pair(x0, y0) || !c.eat('-') || !c.pair(x1, y1)) {
            error = "malformed lookup range: expected [(xmin,ymin)-(xmax,ymax)]";
            return std::nullopt;
        }
        gf.xscale = std::make_pair(x0, x1);
        gf.yscale = std::make_pair(y0, y1);
        double rx, ry;
        while (c.eat(',')) {
            if (!c.pair(rx, ry)) break;
        }
        if (!c.eat(']')) {
            error = "malformed lookup range: missing ']'";
            return std::nullopt;
        }
        c.eat(',');
    }
    if (c.peek('(')) {  // (x,y) pairs
        double x, y;
        do {
            if (!c.pair(x, y)) {
                error = "malformed lookup point: expected (x,y)";
                return std::nullopt;
            }
            gf.xs.push_back(x);
            gf.ys.push_back(y);
        } while (c.eat(','));
    } else {  // x1, ..., xn, y1, ..., yn
        std::vector<double> all;
        do {
            auto v = c.number();
            if (!v) break;
            all.push_back(*v);
        } while (c.eat(','));
        if (all.empty() || all.size() % 2 != 0) {
            error = "a lookup needs as many x values as y values";
            return std::nullopt;
        }
        const size_t n = all.size() / 2;
        gf.xs.assign(all.begin(), all.begin() + static_cast<long>(n));
        gf.ys.assign(all.begin() + static_cast<long>(n), all.end());
    }
    if (!c.eat(')') || !c.atEnd()) {
        error = "a lookup table must end with ')'";
        return std::nullopt;
    }
    if (gf.xs.empty()) {
        error = "a lookup table needs at least one point";
        return std::nullopt;
    }
    gf.xptsWritten = true;
    if (!gf.xscale) gf.xscale = std::make_pair(*std::min_element(gf.xs.begin(), gf.xs.end()),
                                               *std::max_element(gf.xs.begin(), gf.xs.end()));
    if (!gf.yscale) gf.yscale = std::make_pair(*std::min_element(gf.ys.begin(), gf.ys.end()),
                                               *std::max_element(gf.ys.begin(), gf.ys.end()));
    return gf;
}

std::optional<double> evalConstant(const std::string& text, const std::map<std::string, double>& names) {
    return ConstEval(text, names).run();
}

void splitUnits(const std::string& text, std::string& units, std::optional<model::Range>& range) {
    units = trim(text);
    range.reset();
    if (units.empty() || units.back() != ']') return;
    const size_t open = units.rfind('[');
    if (open == std::string::npos) return;
    const std::vector<std::string> parts = splitTopLevel(units.substr(open + 1, units.size() - open - 2), ',');
    units = trim(units.substr(0, open));
    auto num = [](const std::string& s) -> std::optional<double> {
        if (s.empty() || s == "?") return std::nullopt;
        char* e = nullptr;
        const double v = std::strtod(s.c_str(), &e);
        if (*e != '\0' || !std::isfinite(v)) return std::nullopt;
        return v;
    };
    if (parts.size() < 2) return;
    auto lo = num(parts[0]), hi = num(parts[1]);
    if (!lo || !hi) return;
    model::Range r;
    r.min = *lo;
    r.max = *hi;
    if (parts.size() >= 3) r.step = num(parts[2]);
    range = r;
}

}  // namespace sdw::mdl::detail
