// A chart's legend: entries wrap within the width, and past the row limit the rest is counted in a
// "+N more" note instead of being cut off unseen (the Monte Carlo legend lost its fifth row before).
#include "workbench/ui/widgets/legend_layout.hpp"

#include <catch2/catch.hpp>

using sdw::ui::layoutLegend;

TEST_CASE("legend layout: entries wrap to the width and all show when they fit", "[workbench][legend]") {
    // Width 100: 40 + 40 fit on a row, the third (40) starts row 2 at x 0.
    const auto l = layoutLegend({40, 40, 40}, 100, 30, 4);
    CHECK(l.rows == 2);
    CHECK(l.hidden == 0);
    CHECK(l.row == std::vector<int>{0, 0, 1});
    CHECK(l.x == std::vector<float>{0, 40, 0});
    // An entry wider than the legend still gets a row of its own.
    const auto wide = layoutLegend({150, 20}, 100, 30, 4);
    CHECK(wide.row == std::vector<int>{0, 1});
}

TEST_CASE("legend layout: past the row limit the rest is counted on the last row", "[workbench][legend]") {
    // Ten entries of 60 in a width of 100: one a row. With 4 rows, four entries show and the note (width 30)
    // shares row 4 after the fourth (60 + 30 fits in 100): 6 hidden.
    const std::vector<float> ten(10, 60);
    const auto l = layoutLegend(ten, 100, 30, 4);
    CHECK(l.rows == 4);
    CHECK(l.row.size() == 4);
    CHECK(l.hidden == 6);
    CHECK(l.moreRow == 3);
    CHECK(l.moreX == 60);
    // A note too wide to share a row takes the last row itself: three entries show, seven are counted.
    const auto wideNote = layoutLegend(ten, 100, 50, 4);
    CHECK(wideNote.rows == 4);
    CHECK(wideNote.row.size() == 3);
    CHECK(wideNote.hidden == 7);
    CHECK(wideNote.moreRow == 3);
    CHECK(wideNote.moreX == 0);
}
