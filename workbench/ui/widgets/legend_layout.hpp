// Where a chart's legend entries go: left to right, wrapping to a new row, at most `maxRows` rows; what does
// not fit is counted for a "+N more" note on the last row, never cut off unseen. Layer: workbench/ui
// (pure arithmetic: no ImGui, so it is tested on its own).
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace sdw::ui {

struct LegendLayout {
    std::vector<int> row;  // per entry shown: its row (0-based)
    std::vector<float> x;  // per entry shown: its left edge, from the legend's left
    int rows = 0;          // rows used, the note's included
    int hidden = 0;        // entries left out for the "+N more" note
    float moreX = 0;       // where the note starts, when hidden > 0
    int moreRow = 0;       // and its row
};

// `widths`: each entry's width; `width`: the legend's; `moreWidth`: the note's width.
inline LegendLayout layoutLegend(const std::vector<float>& widths, float width, float moreWidth,
                                 int maxRows) {
    LegendLayout out;
    auto place = [&](std::size_t count) {  // the first `count` entries in order; the rows they take
        out.row.clear();
        out.x.clear();
        float x = 0;
        int row = 0;
        for (std::size_t k = 0; k < count; ++k) {
            if (x > 0 && x + widths[k] > width) x = 0, ++row;
            out.row.push_back(row);
            out.x.push_back(x);
            x += widths[k];
        }
        return std::make_pair(row + (count ? 1 : 0), x);
    };
    auto [rows, end] = place(widths.size());
    if (rows <= maxRows || maxRows < 1) {
        out.rows = rows;
        return out;
    }
    // Fewer entries until they and the note fit in maxRows rows.
    for (std::size_t count = widths.size(); count-- > 0;) {
        auto [r, x] = place(count);
        const bool noteOnSameRow = count > 0 && x + moreWidth <= width;
        const int used = noteOnSameRow ? r : r + 1;
        if (used <= maxRows) {
            out.rows = used;
            out.hidden = static_cast<int>(widths.size() - count);
            out.moreX = noteOnSameRow ? x : 0;
            out.moreRow = noteOnSameRow ? r - 1 : r;
            return out;
        }
    }
    return out;
}

}  // namespace sdw::ui
