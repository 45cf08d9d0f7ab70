// Presentation mode's loops as a trainer uses them (issue 15): L switches from sectors to loops, PageDown and
// PageUp step through the loops the model's documentation names, each highlighted on the diagram with its
// name, polarity and share chart; L again gives the sectors back with nothing highlighted. Checked on what
// the view decides to draw, not on pixels. Layer: tests/workbench/ui.
#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <thread>

#include "solver/analysis/loop_view.hpp"
#include "tests/workbench/ui/headless_ui.hpp"
#include "workbench/ui/panels/loops_panel.hpp"
#include "workbench/ui/panels/presentation_panel.hpp"

using namespace sdw;
using test::HeadlessUi;

namespace {

// The diagram highlights exactly this loop's links, each from a variable to the next in its order.
void checkHighlighted(const ui::Workbench& wb, const analysis::Loop& loop) {
    REQUIRE(wb.loopHighlight.size() == loop.length());
    for (size_t k = 0; k < loop.length(); ++k) {
        const std::string& from = loop.canonical[k];
        const std::string& to = loop.canonical[(k + 1) % loop.length()];
        bool found = false;
        for (const auto& l : wb.loopHighlight) found = found || (l.from == from && l.to == to);
        INFO(loop.id << ": " << from << " -> " << to);
        CHECK(found);
    }
}

const analysis::Loop& shown(const ui::PresentationPanel& p) {
    return p.loopScores()->list.loops[p.presentedLoops()[p.loopShown()]];
}

// The delayed-discharge teaching model open and presented, as a trainer starts a session.
ui::PresentationPanel& presenting(HeadlessUi& ui, ui::Workbench& wb) {
    ui.open(wb, HeadlessUi::teachingModel("delayed_discharge"));
    ui.settle(wb);
    wb.present();
    ui.frame(wb);
    return wb.panel<ui::PresentationPanel>();
}

}  // namespace

TEST_CASE("presentation: a trainer steps through the teaching model's named loops on the diagram",
          "[workbench][gui][present][loops]") {
    HeadlessUi ui;
    ui::Workbench wb;
    auto& p = presenting(ui, wb);
    CHECK_FALSE(p.loopsMode());
    CHECK(wb.loopHighlight.empty());
    ui.key(wb, 'L');
    REQUIRE(p.loopsMode());
    for (int i = 0; i < 400 && !p.loopScores(); ++i) {  // scored on the Loops tab's worker, the tab closed
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        ui.frame(wb);
    }
    REQUIRE(p.loopScores());
    ui.frame(wb);
    // The four loops the model's README names, in id order, with the names and polarities it gives them.
    REQUIRE(p.presentedLoops().size() == 4);
    const char* expected[] = {
        "B2 home care fills its places: balancing", "R6 packages ending make room for new ones: reinforcing",
        "B7 full wards turn admissions away: balancing", "B8 the delayed-discharge spiral: balancing"};
    CHECK(p.loopShown() == 0);
    for (int k = 0; k < 4; ++k) {
        INFO("loop " << k);
        CHECK(p.loopTitle() == expected[k]);
        checkHighlighted(wb, shown(p));
        ui.tap(wb, test::kKeyPageDown);  // a presenter's clicker
    }
    CHECK(p.loopShown() == 0);  // past the last: back to the first
    ui.tap(wb, test::kKeyPageUp);
    CHECK(p.loopTitle() == expected[3]);
    // At the end of the run the spiral holds the beds (its README): it is in charge and its links carry
    // weight, the strongest drawn at full thickness.
    wb.session().playback().time = wb.session().timeColumn().back();
    ui.frame(wb);
    const auto periods = analysis::dominance(*p.loopScores());
    REQUIRE_FALSE(periods.empty());
    CHECK(p.loopScores()->list.loops[periods.back().loop].name == "the delayed-discharge spiral");
    checkHighlighted(wb, shown(p));
    double strongest = 0;
    for (const auto& l : wb.loopHighlight) {
        CHECK(l.weight > 0);
        strongest = std::max(strongest, l.weight);
    }
    CHECK(strongest == 1);
    // L again: the sectors, nothing highlighted.
    ui.key(wb, 'L');
    CHECK_FALSE(p.loopsMode());
    ui.frame(wb);
    CHECK(wb.loopHighlight.empty());
}

TEST_CASE("presentation: a loop asked for by name is shown even if the model does not name it",
          "[workbench][gui][present][loops]") {
    HeadlessUi ui;
    ui::Workbench wb;
    auto& p = presenting(ui, wb);
    REQUIRE(p.showLoop(wb, "the delayed-discharge spiral"));
    ui.frame(wb);
    CHECK(p.loopTitle() == "B8 the delayed-discharge spiral: balancing");
    CHECK(p.presentedLoops().size() == 4);
    // B3, unnamed: home care packages ending drain the people with home care (a stock draining itself).
    REQUIRE(p.showLoop(wb, "B3"));
    ui.frame(wb);
    CHECK(p.loopTitle() == "B3: balancing");
    CHECK(p.presentedLoops().size() == 5);  // stepped through with the named ones from now on
    checkHighlighted(wb, shown(p));
    CHECK_FALSE(p.showLoop(wb, "no such loop"));
}
