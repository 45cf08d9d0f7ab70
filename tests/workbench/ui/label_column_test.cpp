// The name column and drop-down widths (widgets/label_column.hpp), with a font of 7 px a byte: a long units
// label widens the column up to its bound, then is cut with "..." on a whole character; a drop-down is as
// wide as its longest choice plus its padding and arrow. Layer: tests/workbench/ui (pure, no ImGui).
#include "workbench/ui/widgets/label_column.hpp"

#include <catch2/catch.hpp>

using sdw::ui::comboWidthFor;
using sdw::ui::fitText;
using sdw::ui::labelColumnWidth;

namespace {

float sevenPx(const std::string& s) {
    return 7.0f * static_cast<float>(s.size());
}

}  // namespace

TEST_CASE("label column: as wide as its widest label, within 8 em and 45% of the chart", "[ui][layout]") {
    // "0.5 to 2 people/(wte*week)" is 26 bytes: 182 px, plus half an em (13 px font): 188.5.
    const float range = sevenPx("0.5 to 2 people/(wte*week)");
    CHECK(labelColumnWidth({sevenPx("staff"), range}, 1000, 13) == Approx(188.5));
    CHECK(labelColumnWidth({sevenPx("a")}, 1000, 13) == Approx(104));  // at least 8 em
    CHECK(labelColumnWidth({range, 900}, 1000, 13) == Approx(450));    // at most 45% of 1000
    CHECK(labelColumnWidth({range}, 100, 13) == Approx(104));          // 8 em even when narrow
}

TEST_CASE("label column: a text that does not fit is cut with dots on a whole character", "[ui][layout]") {
    const std::string units = "0.5 to 2 people/(wte*week)";
    CHECK(fitText(units, 182, sevenPx) == units);  // exactly fits
    // 100 px: 14 bytes; "0.5 to 2 pe" (11) + "..." = 14 bytes = 98 px.
    CHECK(fitText(units, 100, sevenPx) == "0.5 to 2 pe...");
    // A trailing space is not kept before the dots: 70 px = 10 bytes; "0.5 to" + "..." = 9.
    CHECK(fitText(units, 70, sevenPx) == "0.5 to...");
    // "£" is two bytes; a cut never splits it: 49 px = 7 bytes, "£12..."; 35 px, "£..."; 28 px would take
    // "£"'s first byte and the dots, so only "..." (21 px).
    CHECK(fitText("£12.5m a year", 49, sevenPx) == "£12...");
    CHECK(fitText("£12.5m a year", 35, sevenPx) == "£...");
    CHECK(fitText("£12.5m a year", 28, sevenPx) == "...");
    CHECK(fitText("£12.5m a year", 20, sevenPx).empty());
}

TEST_CASE("drop-down width: the longest choice, its padding and the arrow", "[ui][layout]") {
    // "end of run (3 Jan 2035)" is 23 bytes: 161 px + 2 x 4 padding + a 19 px arrow = 188.
    CHECK(comboWidthFor({sevenPx("end of 2025"), sevenPx("end of run (3 Jan 2035)")}, 4, 19) == Approx(188));
    CHECK(comboWidthFor({}, 4, 19) == Approx(27));
}
