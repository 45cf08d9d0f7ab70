// Properties as a Stella or Vensim user expects it, driven with the pointer and keyboard: the causes and
// uses of the selected variable (a click goes there), which way an outcome is better (saved to the XMILE),
// and the arguments of the function being typed. Layer: tests/workbench/ui.
#include <catch2/catch.hpp>
#include <filesystem>

#include "solver/io/load_model.hpp"
#include "tests/workbench/ui/headless_ui.hpp"
#include "workbench/app/relations.hpp"

using namespace sdw;
namespace fs = std::filesystem;
using test::centre;

namespace {

// The prevention teaching model copied where saving it harms nothing, open, with `name` selected.
std::string openWithSelected(test::HeadlessUi& ui, ui::Workbench& wb, const std::string& name) {
    const auto dir = fs::temp_directory_path() / "sdw_properties_extras";
    fs::create_directories(dir);
    const auto copy = dir / "prevention.xmile";
    fs::copy_file(test::HeadlessUi::teachingModel("prevention"), copy, fs::copy_options::overwrite_existing);
    ui.open(wb, copy.string());
    wb.select(name);
    ui.frame(wb);
    ui.frame(wb);
    return copy.string();
}

}  // namespace

TEST_CASE("properties: causes and uses of the selected variable, a click goes there", "[workbench][gui]") {
    test::HeadlessUi ui;
    ui::Workbench wb;
    openWithSelected(ui, wb, "escalating");
    // escalating = people_at_risk * escalation_rate * (1 - prevention_effect) / weeks_per_year, out of
    // people_at_risk into people_in_long_term_care
    for (const char* cause : {"people_at_risk", "escalation_rate", "prevention_effect", "weeks_per_year"})
        CHECK(ui.fieldRect(std::string("cause:") + cause));
    CHECK(ui.fieldRect("use:people_at_risk"));
    CHECK(ui.fieldRect("use:people_in_long_term_care"));
    CHECK_FALSE(ui.fieldRect("cause:care_cost"));
    ui.click(wb, centre(*ui.fieldRect("cause:prevention_effect")));
    REQUIRE(wb.selection.size() == 1);
    CHECK(wb.selection.front() == "prevention_effect");
}

TEST_CASE("properties: which way an outcome is better is chosen there and saved with the model",
          "[workbench][gui]") {
    test::HeadlessUi ui;
    ui::Workbench wb;
    const std::string path = openWithSelected(ui, wb, "people_in_long_term_care");
    const auto box = ui.fieldRect("better");
    REQUIRE(box);
    ui.click(wb, centre(*box));
    // the list opens under the box: "not said", "higher", "lower"
    const ImGuiStyle& st = ImGui::GetStyle();
    const float row = ImGui::GetTextLineHeight() + st.ItemSpacing.y;
    ui.click(wb, ImVec2(box->x + 20, box->w + st.WindowPadding.y + row * 2 + ImGui::GetTextLineHeight() / 2));
    const auto* v = wb.session().doc().find("people_in_long_term_care");
    REQUIRE(v);
    CHECK(v->better == model::Better::Lower);
    REQUIRE(wb.save());
    diag::Diagnostics diags;
    const auto back = io::loadModelFile(path, diags);
    REQUIRE(back);
    CHECK(back->main().find("people_in_long_term_care")->better == model::Better::Lower);
}

TEST_CASE("properties: the function being typed shows its arguments", "[workbench][gui]") {
    test::HeadlessUi ui;
    ui::Workbench wb;
    openWithSelected(ui, wb, "prevention_effect");
    ui.typeInto(wb, "equation", "SMTH1(investment_now, ");
    const std::string help = wb.panel<ui::PropertiesPanel>().helpShown();
    INFO(help);
    CHECK(help.rfind("SMTH1(input, averaging time [, initial]): ", 0) == 0);
    ui.key(wb, test::kKeyEscape);
}

TEST_CASE(
    "properties: an equation reading a variable with no connector drawn says so and draws it on a click",
    "[workbench][gui]") {
    test::HeadlessUi ui;
    ui::Workbench wb;
    wb.newModel();
    auto& d = wb.session().doc();
    d.createAux(0, 0, "staff");
    d.createAux(200, 0, "capacity");
    d.setEquation("capacity", "staff * 3");
    wb.select("capacity");
    // The equation check and the run answer on workers; their answers move the panel's lines, so the
    // offer is found and clicked after they are in (on a loaded machine the click missed it, 2 in 50).
    ui.waitForCheck(wb);
    ui.settle(wb);
    ui.frame(wb);
    const auto offer = ui.fieldRect("connect");
    REQUIRE(offer);
    ui.click(wb, centre(*offer));
    CHECK(app::unlinkedCauses(d.model(), d.view(), "capacity").empty());
    bool drawn = false;
    for (const auto& o : d.view().objects)
        drawn = drawn ||
                (o.kind == model::ViewObject::Kind::Connector && o.from == "staff" && o.to == "capacity");
    CHECK(drawn);
    ui.frame(wb);
    ui.frame(wb);
    CHECK_FALSE(ui.fieldRect("connect"));  // nothing more to offer
}

TEST_CASE("properties: Tab completes the variable name being typed in an equation", "[workbench][gui]") {
    test::HeadlessUi ui;
    ui::Workbench wb;
    wb.newModel();
    auto& d = wb.session().doc();
    d.createAux(0, 0, "reablement_staff");
    d.createAux(100, 0, "beds");
    d.createAux(200, 0, "capacity");
    wb.select("capacity");
    ui.frame(wb);
    ui.frame(wb);
    ui.typeInto(wb, "equation", "2 * reab");
    CHECK(wb.panel<ui::PropertiesPanel>().helpShown() == "Tab: reablement_staff");
    ui.key(wb, test::kKeyTab);
    ui.type(wb, " + 1");
    ui.key(wb, test::kKeyEnter);
    CHECK(d.find("capacity")->equation == "2 * reablement_staff + 1");
    // Nothing to complete: Tab leaves the field and the equation is kept, as before.
    ui.typeInto(wb, "equation", "beds");
    ui.key(wb, test::kKeyTab);
    CHECK(d.find("capacity")->equation == "beds");
}

TEST_CASE("properties: Tab completes a built-in function and its help shows the arguments",
          "[workbench][gui]") {
    test::HeadlessUi ui;
    ui::Workbench wb;
    wb.newModel();
    auto& d = wb.session().doc();
    d.createAux(0, 0, "referrals");
    d.createAux(200, 0, "smoothed");
    wb.select("smoothed");
    ui.frame(wb);
    ui.frame(wb);
    ui.typeInto(wb, "equation", "smth");
    CHECK(wb.panel<ui::PropertiesPanel>().helpShown() ==
          "Tab: SMTH1(input, averaging time [, initial])  or SMTH3, SMTHN");
    ui.key(wb, test::kKeyTab);
    // Inside the call now: the help says what its arguments are.
    CHECK(wb.panel<ui::PropertiesPanel>().helpShown().rfind("SMTH1(input, averaging time [, initial]):", 0) ==
          0);
    ui.type(wb, "referrals, 4)");
    ui.key(wb, test::kKeyEnter);
    CHECK(d.find("smoothed")->equation == "SMTH1(referrals, 4)");
}
