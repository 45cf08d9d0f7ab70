// Number-level pieces of the Vensim reader: lookup tables, constant values (the control section, through the
// equation parser) and the units field with its [min,max,step] range hint. Layer: solver.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "solver/equations/fold.hpp"
#include "solver/equations/parser.hpp"
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
    // A number, its sign possibly apart from it ("- 1", "+ 19.7": Vensim writes such tables).
    std::optional<double> number() {
        skip();
        const size_t start = m_i;
        double sign = 1;
        if (m_i < m_s.size() && (m_s[m_i] == '-' || m_s[m_i] == '+')) {
            sign = m_s[m_i] == '-' ? -1 : 1;
            ++m_i;
            skip();
        }
        const char* b = m_s.c_str() + m_i;
        char* e = nullptr;
        const double v = std::strtod(b, &e);
        if (e == b || *b == '-' || *b == '+') {
            m_i = start;
            return std::nullopt;
        }
        m_i += static_cast<size_t>(e - b);
        return sign * v;
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
    if (!gf.xscale)
        gf.xscale = std::make_pair(*std::min_element(gf.xs.begin(), gf.xs.end()),
                                   *std::max_element(gf.xs.begin(), gf.xs.end()));
    if (!gf.yscale)
        gf.yscale = std::make_pair(*std::min_element(gf.ys.begin(), gf.ys.end()),
                                   *std::max_element(gf.ys.begin(), gf.ys.end()));
    return gf;
}

std::optional<double> evalConstant(const std::string& text, const std::map<std::string, double>& names) {
    // Vensim text -> XMILE text -> the equation parser -> constant folding: one expression language.
    TranslateContext
        ctx;  // no symbols, no diagnostics: a control value we cannot evaluate is reported by the caller
    const auto xmile = translateExpr(text, ctx);
    if (!xmile) return std::nullopt;
    diag::Diagnostics local;
    const equations::Expr e = equations::parse(*xmile, "control", local);
    if (local.hasErrors()) return std::nullopt;
    // The translator writes the control names in their XMILE spelling; the caller knows them by Vensim's.
    std::map<std::string, double> known = names;
    const std::pair<const char*, const char*> kSpelling[] = {
        {"dt", "time_step"}, {"starttime", "initial_time"}, {"stoptime", "final_time"}};
    for (const auto& [ours, vensims] : kSpelling)
        if (auto it = names.find(vensims); it != names.end()) known[ours] = it->second;
    return equations::foldConstant(e, known);
}

void splitUnits(const std::string& text, std::string& units, std::optional<model::Range>& range) {
    units = trim(text);
    range.reset();
    if (units.empty() || units.back() != ']') return;
    const size_t open = units.rfind('[');
    if (open == std::string::npos) return;
    const std::vector<std::string> parts =
        splitTopLevel(units.substr(open + 1, units.size() - open - 2), ',');
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
