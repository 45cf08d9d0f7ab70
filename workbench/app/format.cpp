// Numbers and names as people read them. Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#include "workbench/app/format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sdw::app {
namespace {

// `figures` significant figures in fixed notation (never 1e-05), trailing zeros dropped; "0" below 1e-12.
std::string significant(double v, int figures, bool sign) {
    const double a = std::fabs(v);
    const int decimals =
        a < 1e-12 ? 0 : std::clamp(figures - 1 - static_cast<int>(std::floor(std::log10(a))), 0, 15);
    char buf[64];
    std::snprintf(buf, sizeof buf, sign ? "%+.*f" : "%.*f", decimals, a < 1e-12 ? 0.0 : v);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        s.erase(s.find_last_not_of('0') + 1);
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0" || s == "+0") s = "0";
    return s;
}

}  // namespace

std::string displayName(const std::string& name) {
    std::string s = name;
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

std::string counted(size_t n, const std::string& noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

std::string readableNumber(double v, bool sign) {
    char buf[64];
    const double a = std::fabs(v);
    if (!std::isfinite(v)) {
        std::snprintf(buf, sizeof buf, sign ? "%+g" : "%g", v);
        return buf;
    }
    if (a < 1e4) return significant(v, 4, sign);
    std::snprintf(buf, sizeof buf, "%.0f", a);
    std::string digits = buf, out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return (v < 0 ? "-" : sign ? "+" : "") + out;
}

std::string tickLabel(double v) {
    const double a = std::abs(v);
    if (a >= 1e9) return significant(v / 1e9, 3, false) + "B";
    if (a >= 1e6) return significant(v / 1e6, 3, false) + "M";
    if (a >= 1e4) return significant(v / 1e3, 3, false) + "k";
    return readableNumber(v);
}

std::string compactNumber(double v) {
    char buf[32];
    const double a = std::abs(v);
    if (!std::isfinite(v)) return "n/a";
    if (a < 1e-6) return "0";  // solver round-off around an empty stock
    if (a >= 1e6)
        std::snprintf(buf, sizeof buf, "%.2fM", v / 1e6);
    else if (a >= 1e4)
        std::snprintf(buf, sizeof buf, "%.1fk", v / 1e3);
    else if (a >= 100)
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else
        return significant(v, 3, false);
    return buf;
}

const char* sliderFormat(double lo, double hi) {
    return std::max(std::abs(lo), std::abs(hi)) >= 1000 ? "%.0f" : "%.4g";
}

}  // namespace sdw::app
