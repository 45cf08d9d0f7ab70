// The highlighted loop stands out on the diagram (issue 15): while presentation or the Loops tab highlights a
// loop, the variables and links not on it are drawn faded, and nothing is faded once no loop is highlighted.
// Checked on what the view decides and on the vertices of the frame it drew. Layer: tests/workbench/ui.
#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <thread>

#include "tests/workbench/ui/headless_ui.hpp"
#include "workbench/ui/canvas.hpp"
#include "workbench/ui/panels/loops_panel.hpp"
#include "workbench/ui/panels/presentation_panel.hpp"

using namespace sdw;
using test::HeadlessUi;

namespace {

// Vertices of the last frame drawn at the faded opacity (a solid colour faded: 255 * kFadedAlpha).
int fadedVertices() {
    const int faded = static_cast<int>(255 * ui::kFadedAlpha + 0.5f);
    int n = 0;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int l = 0; data && l < data->CmdListsCount; ++l)
        for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer)
            n += static_cast<int>((v.col >> IM_COL32_A_SHIFT) & 0xFF) == faded ? 1 : 0;
    return n;
}

// Every variable of the open model is kept at full strength exactly when it is on `loop`.
void checkFocus(const ui::Workbench& wb, const analysis::Loop& loop) {
    const ui::LoopFocus focus(wb);
    REQUIRE(focus.active());
    for (const auto& v : wb.session().doc().model().variables) {
        const bool on = std::find(loop.canonical.begin(), loop.canonical.end(),
                                  model::canonicalName(v.name)) != loop.canonical.end();
        INFO(loop.id << ": " << v.name);
        CHECK(focus.keeps(v.name) == on);
        if (!on) CHECK_FALSE(focus.keepsLink(loop.canonical[0], model::canonicalName(v.name)));
    }
    for (size_t k = 0; k < loop.length(); ++k)
        CHECK(focus.keepsLink(loop.canonical[k], loop.canonical[(k + 1) % loop.length()]));
    if (loop.length() > 2)  // against the loop's direction: not one of its links
        CHECK_FALSE(focus.keepsLink(loop.canonical[1], loop.canonical[0]));
}

}  // namespace

TEST_CASE("loop focus: presentation fades what is not on the presented loop",
          "[workbench][gui][present][loops]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.open(wb, HeadlessUi::teachingModel("delayed_discharge"));
    ui.settle(wb);
    wb.present();
    ui.frame(wb);
    auto& p = wb.panel<ui::PresentationPanel>();
    CHECK_FALSE(ui::LoopFocus(wb).active());  // the sectors: nothing faded
    CHECK(ui::LoopFocus(wb).keeps("patients_in_treatment"));
    const int before = fadedVertices();
    ui.key(wb, 'L');
    for (int i = 0; i < 400 && !p.loopScores(); ++i) {  // scored on the Loops tab's worker
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        ui.frame(wb);
    }
    REQUIRE(p.loopScores());
    ui.frame(wb);
    for (int k = 0; k < 2; ++k) {  // two of the named loops, stepped to as a trainer does
        const analysis::Loop& loop = p.loopScores()->list.loops[p.presentedLoops()[p.loopShown()]];
        checkFocus(wb, loop);
        CHECK(fadedVertices() > before + 100);  // the rest of the diagram drawn faded
        for (const auto& r : p.readings()) {    // the readouts: the loop's stocks and flows only
            INFO(r.name);
            CHECK(std::find(loop.canonical.begin(), loop.canonical.end(), model::canonicalName(r.name)) !=
                  loop.canonical.end());
        }
        ui.tap(wb, test::kKeyPageDown);
    }
    ui.key(wb, 'L');  // back to the sectors: nothing faded
    ui.frame(wb);
    ui.frame(wb);
    CHECK_FALSE(ui::LoopFocus(wb).active());
    CHECK(fadedVertices() == before);
    CHECK(p.readings().size() >= 3);  // every stock's reading is back (the model has three)
}

TEST_CASE("loop focus: the Loops tab fades what is not on the selected loop", "[workbench][loops]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.open(wb, HeadlessUi::teachingModel("delayed_discharge"));
    ui.settle(wb);
    auto& panel = ui.showSettled<ui::LoopsPanel>(wb);
    REQUIRE(panel.analysis().scores());
    const analysis::Loop loop = panel.analysis().scores()->list.loops.front();
    REQUIRE(panel.select(loop.id));
    ui.frame(wb);
    ui.frame(wb);
    checkFocus(wb, loop);
    // The diagram is fitted to the selected loop: each of its variables in view.
    const auto& cs = wb.panel<ui::CanvasPanel>().state();
    for (const auto& name : loop.canonical) {
        const auto* o = wb.session().doc().viewObject(name);
        REQUIRE(o);
        const ImVec2 at = cs.toScreen(o->x, o->y);
        INFO(name);
        CHECK(at.x >= cs.origin.x);
        CHECK(at.x <= cs.origin.x + cs.area.x);
        CHECK(at.y >= cs.origin.y);
        CHECK(at.y <= cs.origin.y + cs.area.y);
    }
}

TEST_CASE("loop focus: fading keeps a vertex's colour and scales its opacity", "[workbench][loops]") {
    HeadlessUi ui;  // an ImGui context for the draw list's shared data
    ImDrawList dl(ImGui::GetDrawListSharedData());
    dl._ResetForNewFrame();
    dl.AddRectFilled(ImVec2(0, 0), ImVec2(10, 10), IM_COL32(10, 20, 30, 255));
    const int first = dl.VtxBuffer.Size;
    dl.AddRectFilled(ImVec2(0, 0), ImVec2(10, 10), IM_COL32(40, 50, 60, 200));
    ui::fadeSince(&dl, first);
    CHECK(dl.VtxBuffer[0].col == IM_COL32(10, 20, 30, 255));  // drawn before: left alone
    for (int i = first; i < dl.VtxBuffer.Size; ++i)
        CHECK(dl.VtxBuffer[i].col == IM_COL32(40, 50, 60, 40));  // 200 * 0.2
}

// The county's delayed-discharge spiral lies in the hospital sector, but four of its variables have aliases
// in other sectors: the box counted them, and presenting the loop showed most of the diagram with the loop
// small in a corner. The box is now its variables' own symbols (and a margin).
TEST_CASE("loop focus: a loop's box is its variables, not their aliases in other sectors",
          "[workbench][loops]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.openCounty(wb);
    const std::vector<std::string> spiral = {
        "admission_room",        "emergency_admissions", "in_acute_treatment",       "becoming_medically_fit",
        "fit_needing_support",   "awaiting_decision",    "discharge_decisions",      "decided_for_home_care",
        "waiting_for_home_care", "beds_occupied",        "medically_fit_in_hospital"};
    const auto box = ui::loopBox(wb, spiral);
    REQUIRE(box);
    size_t aliasesOutside = 0;
    for (const auto& o : wb.session().doc().view().objects) {
        if (std::find(spiral.begin(), spiral.end(), model::canonicalName(o.name)) == spiral.end()) continue;
        const bool inside = o.x >= box->x && o.x <= box->z && o.y >= box->y && o.y <= box->w;
        if (o.kind == model::ViewObject::Kind::Alias)
            aliasesOutside += inside ? 0 : 1;
        else
            CHECK(inside);  // every variable of the loop is in the box
    }
    CHECK(aliasesOutside > 0);  // the case this guards: aliases elsewhere on the diagram
    // The hospital sector's size, not the diagram's (the county diagram is about 3,000 units wide).
    CHECK(box->z - box->x < 1400);
    CHECK(box->w - box->y < 800);
}
