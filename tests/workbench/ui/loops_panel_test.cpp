// The Loops tab driven frame by frame: opened, it scores the run; the diagram highlights the selected loop's
// links, or with none the loop in charge at the scrubber's time; another model forgets it all (issue 15).
// Layer: tests/workbench.
#include "workbench/ui/panels/loops_panel.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "tests/workbench/ui/headless_ui.hpp"
#include "workbench/ui/workbench.hpp"

using namespace sdw;
using test::HeadlessUi;

namespace {

bool highlights(const ui::Workbench& wb, const std::string& from, const std::string& to) {
    for (const auto& l : wb.loopHighlight)
        if (l.from == from && l.to == to) return true;
    return false;
}

}  // namespace

TEST_CASE("loops tab: the diagram shows the selected loop, or the loop in charge as the run plays",
          "[workbench][loops]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.open(wb, HeadlessUi::teachingModel("delayed_discharge"));
    ui.settle(wb);
    auto& panel = wb.panel<ui::LoopsPanel>();
    ui.frame(wb);
    CHECK(wb.loopHighlight.empty());  // the tab is not open: nothing scored, nothing highlighted
    CHECK_FALSE(panel.analysis().busy());
    wb.showPanel<ui::LoopsPanel>();
    ui.frame(wb);
    panel.settle(wb);
    REQUIRE(panel.analysis().scores());
    // Before the cut (week 26) nothing changes: no loop is in charge, nothing is highlighted.
    wb.session().playback().time = 10;
    ui.frame(wb);
    ui.frame(wb);
    CHECK(wb.loopHighlight.empty());
    // At the end of the run the delayed-discharge spiral holds the beds (the model's README): its links.
    wb.session().playback().time = wb.session().timeColumn().back();
    ui.frame(wb);
    ui.frame(wb);
    const auto* spiral = analysis::findLoop(panel.analysis().scores()->list, "the delayed-discharge spiral");
    REQUIRE(spiral);
    const auto spiralVars = spiral->canonical;  // the scores go with the model; keep the names
    REQUIRE(wb.loopHighlight.size() == spiral->length());
    for (size_t k = 0; k < spiral->length(); ++k)
        CHECK(highlights(wb, spiral->canonical[k], spiral->canonical[(k + 1) % spiral->length()]));
    // The diagram says which loop it marks and that it is in charge (a balancing loop: a negative share).
    CHECK(wb.loopHighlightLabel.rfind("B8 the delayed-discharge spiral in charge: -", 0) == 0);
    // A selected loop wins over the loop in charge, at any time.
    const auto& other = panel.analysis().scores()->list.loops.front();
    REQUIRE(panel.select(other.id));
    ui.frame(wb);
    REQUIRE(wb.loopHighlight.size() == other.length());
    CHECK(wb.loopHighlightLabel.rfind(other.id + " (selected): ", 0) == 0);
    CHECK(highlights(wb, other.canonical[0], other.canonical[1 % other.length()]));
    // Another model: nothing of this one's loops is left. The tab stays open, so the new model's own scores
    // may already be in (a fast machine scores it between frames): whatever is highlighted is the new
    // model's.
    ui.open(wb, HeadlessUi::teachingModel("prevention"));
    ui.frame(wb);
    const auto& now = wb.session().doc().project().main();
    for (const auto& l : wb.loopHighlight) {
        CHECK(now.find(l.from) != nullptr);
        CHECK(now.find(l.to) != nullptr);
    }
    CHECK_FALSE(highlights(wb, spiralVars[0], spiralVars[1 % spiralVars.size()]));
}

TEST_CASE("loops tab: a share that rounds to 0% reads 'under 1%' with the way it pulls, not '-0%'",
          "[workbench][loops]") {
    // The county model's gatekeeping loop holds a tiny part of the change among all the loops scored (well
    // under 0.01%: the model's README): selected, the banner says how small and which way, as a trainer reads
    // it.
    HeadlessUi ui;
    ui::Workbench wb;
    ui.openCounty(wb);
    auto& panel = ui.showSettled<ui::LoopsPanel>(wb);
    const auto scores = panel.analysis().scores();
    REQUIRE(scores);
    const auto* gate = analysis::findLoop(scores->list, "gatekeeping");
    REQUIRE(gate);
    const auto& share = scores->relative[static_cast<size_t>(gate - scores->list.loops.data())];
    const std::string id = gate->id;
    REQUIRE(panel.select("gatekeeping"));
    size_t tiny = share.size(), none = share.size();
    for (size_t row = 0; row < share.size(); ++row) {
        if (share[row] != 0 && std::fabs(share[row]) < 0.005 && tiny == share.size()) tiny = row;
        if (share[row] == 0 && none == share.size()) none = row;
    }
    REQUIRE(tiny < share.size());
    wb.session().playback().time = scores->times[tiny];
    ui.frame(wb);
    ui.frame(wb);
    const std::string way = share[tiny] < 0 ? "balancing" : "reinforcing";
    CHECK(wb.loopHighlightLabel == id + " gatekeeping (selected): under 1% of the change now, " + way);
    if (none < share.size()) {  // a time it does not act at all: none, not "+0%"
        wb.session().playback().time = scores->times[none];
        ui.frame(wb);
        ui.frame(wb);
        CHECK(wb.loopHighlightLabel == id + " gatekeeping (selected): no share of the change now");
    }
}

TEST_CASE(
    "loops tab: after a slider move the county's kept loops are scored again, and 'find loops again' "
    "searches",
    "[workbench][loops]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.openCounty(wb);
    ui.settle(wb);
    auto& panel = ui.showSettled<ui::LoopsPanel>(wb);
    REQUIRE(panel.analysis().scores());
    CHECK_FALSE(panel.analysis().scores()->reused);
    ui.frame(wb);
    CHECK_FALSE(panel.searchAgainRect());  // the first scoring searched: nothing to offer
    // A slider move: a new run, scored again with the loops the first scoring kept.
    bool moved = false;
    for (auto& in : wb.session().inputs())
        if (in.name == "reablement_staff") {
            in.value *= 1.5;
            moved = true;
        }
    REQUIRE(moved);
    wb.session().inputsChanged();
    ui.settle(wb);
    ui.frame(wb);
    panel.settle(wb);
    ui.frame(wb);
    REQUIRE(panel.analysis().scores());
    CHECK(panel.analysis().scores()->reused);
    const auto button = panel.searchAgainRect();
    REQUIRE(button);
    ui.click(wb, ImVec2((button->x + button->z) / 2, (button->y + button->w) / 2));
    ui.frame(wb);
    panel.settle(wb);
    ui.frame(wb);
    REQUIRE(panel.analysis().scores());
    CHECK_FALSE(panel.analysis().scores()->reused);
    CHECK_FALSE(panel.searchAgainRect());
}
