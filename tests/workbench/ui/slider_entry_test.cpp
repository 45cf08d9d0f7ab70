// Exact slider values, typed as a Stella or Vensim user types them: the box beside a constant's slider takes
// a number in the slider's range on Enter (and re-runs), refuses anything else with the reason, and leaves
// the value as it was. Layer: tests/workbench/ui.
#include <catch2/catch.hpp>

#include "tests/workbench/ui/headless_ui.hpp"
#include "workbench/app/format.hpp"
#include "workbench/ui/panels/panels.hpp"

using namespace sdw;

namespace {

void typeInBox(test::HeadlessUi& ui, ui::Workbench& wb, const std::string& input, const std::string& text) {
    const auto box = wb.panel<ui::ConstantsPanel>().valueBox(input);
    REQUIRE(box);
    ui.typeIntoBox(wb, *box, text);
}

// The county model open with its constants' sliders drawn.
void openConstants(test::HeadlessUi& ui, ui::Workbench& wb) {
    ui.openCounty(wb);
    wb.showPanel<ui::ConstantsPanel>();
    ui.frame(wb);
    ui.frame(wb);
    REQUIRE(wb.session().inputs().size() > 1);
}

// Click into an input's value box, select its text and type (no Enter).
void typeWithoutEnter(test::HeadlessUi& ui, ui::Workbench& wb, const std::string& input, double value) {
    const auto box = wb.panel<ui::ConstantsPanel>().valueBox(input);
    REQUIRE(box);
    ui.click(wb, ImVec2((box->x + box->z) / 2, (box->y + box->w) / 2));
    ui.key(wb, 'A', true);
    ui.type(wb, app::readableNumber(value));
}

}  // namespace

TEST_CASE("slider entry: a typed value in range is taken and runs, out of range or not a number is refused",
          "[workbench][gui][sliders]") {
    test::HeadlessUi ui;
    ui::Workbench wb;
    openConstants(ui, wb);
    auto& s = wb.session();
    const auto in = s.inputs().front();
    const double inside = in.min + (in.max - in.min) / 4;
    const auto before = s.result();
    typeInBox(ui, wb, in.name, app::readableNumber(inside));
    CHECK(s.inputs().front().value == Approx(inside).epsilon(1e-3));
    CHECK(wb.panel<ui::ConstantsPanel>().refusal(in.name).empty());
    ui.settle(wb);
    CHECK(s.result() != before);  // a new run with the value typed

    const double outside = in.max + (in.max - in.min) + 1;
    typeInBox(ui, wb, in.name, app::readableNumber(outside));
    CHECK(s.inputs().front().value == Approx(inside).epsilon(1e-3));  // unchanged
    const std::string why = wb.panel<ui::ConstantsPanel>().refusal(in.name);
    INFO(why);
    CHECK(why.find("outside") != std::string::npos);
    CHECK(why.find("not taken") != std::string::npos);

    typeInBox(ui, wb, in.name, "lots");
    CHECK(wb.panel<ui::ConstantsPanel>().refusal(in.name) == "'lots' is not a number");
    CHECK(s.inputs().front().value == Approx(inside).epsilon(1e-3));
}

// The real app lost Enter when it was pressed and released between two frames (xdotool's key, or a quick
// finger while a playing run kept the frames busy): ImGui 1.86 reads key state once a frame, so the box
// stayed open with the number typed and the model never got it. The host now hands key events on a frame
// at a time (KeyEvents); this drives that same path.
TEST_CASE("slider entry: Enter tapped between two frames takes the value, also while the run plays",
          "[workbench][gui][sliders]") {
    test::HeadlessUi ui;
    ui::Workbench wb;
    openConstants(ui, wb);
    auto& s = wb.session();
    const auto& in = s.inputs()[1];

    SECTION("idle") {}
    SECTION("playing") {
        s.togglePlay();
        REQUIRE(s.playback().playing);
    }
    const double typed = in.min + (in.max - in.min) / 3;
    typeWithoutEnter(ui, wb, in.name, typed);
    ui.tap(wb, test::kKeyEnter);
    CHECK(s.inputs()[1].value == Approx(typed).epsilon(1e-3));
    CHECK(wb.panel<ui::ConstantsPanel>().refusal(in.name).empty());
}

// The cause, pinned: a key's state set and cleared between two frames never reaches ImGui 1.86 (if a newer
// ImGui queues key events itself, this fails and KeyEvents can go).
TEST_CASE("slider entry: ImGui 1.86 misses a key pressed and released between frames without KeyEvents",
          "[workbench][gui][sliders]") {
    test::HeadlessUi ui;
    ui::Workbench wb;
    openConstants(ui, wb);
    auto& s = wb.session();
    const auto& in = s.inputs()[1];
    const double before = in.value;
    typeWithoutEnter(ui, wb, in.name, in.min + (in.max - in.min) / 3);
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[test::kKeyEnter] = true;  // what the backend's callback did with a tap, straight to state
    io.KeysDown[test::kKeyEnter] = false;
    ui.frame(wb);
    ui.frame(wb);
    CHECK(s.inputs()[1].value == before);  // Enter never seen: the box is still being edited
}
