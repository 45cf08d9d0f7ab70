// The name column of a bar chart (tornado, Morris, Sobol) and the width of a drop-down: as wide as their
// longest text needs, within bounds; a text that still cannot fit is cut with "..." (its whole text goes in
// the tooltip), never clipped mid-letter unseen. Layer: workbench/ui (pure arithmetic: no ImGui, tested on
// its own; text widths come from a measuring function).
#pragma once

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

namespace sdw::ui {

// The name column's width: the widest label plus a gap of half an em, at least 8 em, at most `maxShare` of
// the chart's width.
inline float labelColumnWidth(const std::vector<float>& labelWidths, float chartWidth, float em,
                              float maxShare = 0.45f) {
    float widest = 0;
    for (float w : labelWidths) widest = std::max(widest, w);
    const float lo = em * 8, hi = std::max(lo, chartWidth * maxShare);
    return std::clamp(widest + em * 0.5f, lo, hi);
}

// `text` whole when measure(text) <= room, else the longest start of it (whole UTF-8 characters) followed by
// "...", that fits; "" when not even "..." fits.
inline std::string fitText(const std::string& text, float room,
                           const std::function<float(const std::string&)>& measure) {
    if (measure(text) <= room) return text;
    std::string cut = text;
    while (!cut.empty()) {
        while (!cut.empty()) {  // drop the last whole character: its continuation bytes, then its first
            const auto c = static_cast<unsigned char>(cut.back());
            cut.pop_back();
            if ((c & 0xC0) != 0x80) break;
        }
        while (!cut.empty() && cut.back() == ' ') cut.pop_back();
        if (!cut.empty() && measure(cut + "...") <= room) return cut + "...";
    }
    return measure("...") <= room ? "..." : "";
}

// A drop-down's width that shows its longest choice whole: the text, the frame's padding on both sides and
// the arrow button (as wide as the frame is high).
inline float comboWidthFor(const std::vector<float>& choiceWidths, float framePaddingX, float frameHeight) {
    float widest = 0;
    for (float w : choiceWidths) widest = std::max(widest, w);
    return widest + framePaddingX * 2 + frameHeight;
}

}  // namespace sdw::ui
