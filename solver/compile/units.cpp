// Units of measure: parsing unit strings into products of base units with integer powers. The check of
// every equation is compile/unit_check.cpp. Layer: solver.
#include "solver/compile/units.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace sdw::compile {
namespace {

constexpr long long kMaxPower = kMaxUnitPower;
int clampPower(long long p) {
    return static_cast<int>(std::clamp(p, -kMaxPower, kMaxPower));
}

}  // namespace

Unit Unit::operator*(const Unit& o) const {
    Unit r = *this;
    for (const auto& [b, p] : o.powers) {
        int& q = r.powers[b];
        q = clampPower(static_cast<long long>(q) + p);
        if (q == 0) r.powers.erase(b);
    }
    return r;
}

Unit Unit::operator/(const Unit& o) const {
    return *this * o.pow(-1);
}

Unit Unit::pow(int n) const {
    Unit r;
    if (n == 0) return r;
    for (const auto& [b, p] : powers) r.powers[b] = clampPower(static_cast<long long>(p) * n);
    return r;
}

std::string Unit::toString() const {
    if (powers.empty()) return "dimensionless";
    std::string num, den;
    for (const auto& [b, p] : powers) {
        std::string& s = p > 0 ? num : den;
        if (!s.empty()) s += "*";
        s += b;
        if (std::abs(p) != 1) s += "^" + std::to_string(std::abs(p));
    }
    if (num.empty()) num = "1";
    return den.empty() ? num : num + "/" + (den.find('*') != std::string::npos ? "(" + den + ")" : den);
}

namespace {

std::string baseName(std::string w) {
    for (auto& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (w == "people" || w == "persons") return "person";
    if (w == "dmnl" || w == "dimensionless" || w == "unitless" || w == "fraction" || w == "percent" ||
        w == "%" || w == "ratio" || w == "index")
        return "";
    if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();  // weeks -> week
    return w;
}

class UnitParser {
  public:
    explicit UnitParser(const std::string& s) : m_s(s) {}
    std::optional<Unit> run(std::string& error) {
        Unit u = product();
        skip();
        if (!m_ok || m_i != m_s.size()) {
            error = "cannot read the units '" + m_s + "'";
            return std::nullopt;
        }
        return u;
    }

  private:
    void skip() {
        while (m_i < m_s.size() && m_s[m_i] == ' ') ++m_i;
    }
    Unit product() {
        Unit u = factor();
        for (;;) {
            skip();
            if (m_i < m_s.size() && (m_s[m_i] == '*' || m_s[m_i] == '/')) {
                const char op = m_s[m_i++];
                Unit f = factor();
                u = op == '*' ? u * f : u / f;
            } else {
                return u;
            }
        }
    }
    Unit factor() {
        skip();
        Unit u;
        if (m_i < m_s.size() && m_s[m_i] == '(') {
            ++m_i;
            u = product();
            skip();
            if (m_i < m_s.size() && m_s[m_i] == ')')
                ++m_i;
            else
                m_ok = false;
        } else if (m_i < m_s.size() &&
                   (std::isdigit(static_cast<unsigned char>(m_s[m_i])) || m_s[m_i] == '.')) {
            while (m_i < m_s.size() &&
                   (std::isdigit(static_cast<unsigned char>(m_s[m_i])) || m_s[m_i] == '.'))
                ++m_i;
        } else {
            const size_t start = m_i;
            while (m_i < m_s.size() && m_s[m_i] != '*' && m_s[m_i] != '/' && m_s[m_i] != '^' &&
                   m_s[m_i] != '(' && m_s[m_i] != ')')
                ++m_i;
            std::string word = m_s.substr(start, m_i - start);
            while (!word.empty() && word.back() == ' ') word.pop_back();
            if (word.empty()) {
                m_ok = false;
                return u;
            }
            for (auto& c : word)
                if (c == ' ') c = '_';
            const std::string b = baseName(word);
            if (!b.empty()) u.powers[b] = 1;
        }
        skip();
        if (m_i < m_s.size() && m_s[m_i] == '^') {
            ++m_i;
            skip();
            const char* begin = m_s.c_str() + m_i;
            char* end = nullptr;
            const long p = std::strtol(begin, &end, 10);
            if (end == begin) m_ok = false;
            m_i += static_cast<size_t>(end - begin);
            u = u.pow(static_cast<int>(std::clamp<long>(p, -kMaxPower, kMaxPower)));
        }
        return u;
    }
    const std::string& m_s;
    size_t m_i = 0;
    bool m_ok = true;
};

}  // namespace

std::optional<Unit> parseUnit(const std::string& text, std::string& error) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return std::nullopt;
    return UnitParser(text).run(error);
}

}  // namespace sdw::compile
