// Numbers and names as people read them. Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#include "workbench/app/format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sdw::app {

std::string displayName(const std::string& name) {
    std::string s = name;
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

std::string readableNumber(double v, bool sign) {
    char buf[64];
    if (!std::isfinite(v) || std::fabs(v) < 1e4 || std::fabs(v) >= 1e15) {
        std::snprintf(buf, sizeof buf, sign ? "%+.4g" : "%.4g", v);
        return buf;
    }
    std::snprintf(buf, sizeof buf, "%.0f", std::fabs(v));
    std::string digits = buf, out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return (v < 0 ? "-" : sign ? "+" : "") + out;
}

std::string tickLabel(double v) {
    char buf[32];
    const double a = std::abs(v);
    if (a >= 1e9)
        std::snprintf(buf, sizeof buf, "%.3gB", v / 1e9);
    else if (a >= 1e6)
        std::snprintf(buf, sizeof buf, "%.3gM", v / 1e6);
    else if (a >= 1e4)
        std::snprintf(buf, sizeof buf, "%.3gk", v / 1e3);
    else
        std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
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
        std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

const char* sliderFormat(double lo, double hi) {
    return std::max(std::abs(lo), std::abs(hi)) >= 1000 ? "%.0f" : "%.4g";
}

}  // namespace sdw::app
