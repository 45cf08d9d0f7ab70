// The business case tab driven as a strategy lead would: a scenario applied against the baseline, its
// figures the same as `sdw run --compare` prints for the same scenario, a discount rate typed (and an
// impossible one refused), the CSV export with its provenance, a failed export shown in a dialog.
// Layer: tests/workbench/ui. Built only with the plugin host (scenarios need it).
#if defined(SDW_HAVE_PLUGINS)
#include "workbench/ui/panels/business_case_panel.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/workbench/cli_run.hpp"
#include "tests/workbench/ui/headless_ui.hpp"
#include "workbench/app/levers/lever_set.hpp"

using namespace sdw;
namespace fs = std::filesystem;

namespace {

const std::string kScenario =
    std::string(SDW_SOURCE_DIR) + "/models/adult_social_care/scenarios/discharge_to_assess.lua";

// The county model open, the discharge-to-assess scenario applied (the run before it kept as the baseline)
// and the business case tab in front.
ui::BusinessCasePanel& scenarioApplied(test::HeadlessUi& ui, ui::Workbench& wb) {
    ui.openCounty(wb);
    wb.showPanel<ui::BusinessCasePanel>();
    ui.frame(wb);
    auto& panel = wb.panel<ui::BusinessCasePanel>();
    CHECK(panel.report(wb) == nullptr);  // no baseline yet: the tab asks for one
    const auto& sc = wb.session().levers().scenarios();
    size_t index = sc.size();
    for (size_t i = 0; i < sc.size(); ++i)
        if (fs::path(sc[i].file).filename() == "discharge_to_assess.lua") index = i;
    REQUIRE(index < sc.size());
    REQUIRE(wb.session().applyScenario(index));
    ui.settle(wb);
    ui.frame(wb);
    REQUIRE(wb.session().kept().size() == 1);
    return panel;
}

void typeRate(test::HeadlessUi& ui, ui::Workbench& wb, const std::string& text) {
    ui.typeIntoBox(wb, wb.panel<ui::BusinessCasePanel>().rateBox(), text);
}

}  // namespace

TEST_CASE("business case tab: the figures sdw run --compare prints for the same scenario",
          "[workbench][business][gui]") {
    unsetenv("SDW_PLUGIN_PATH");
    test::HeadlessUi ui;
    ui::Workbench wb;
    auto& panel = scenarioApplied(ui, wb);
    const auto* r = panel.report(wb);
    REQUIRE(r);
    REQUIRE(r->result);
    CHECK(r->years.front() == "2025/26");
    const auto cli =
        cli_test::runSdw("run " + test::HeadlessUi::countyModel() + " --compare --scenario " + kScenario);
    REQUIRE(cli.code == 0);
    INFO(cli.out);
    // every row of the tab's year table, as the CLI lays it out
    CHECK(cli.out.find(app::renderText(r->table)) != std::string::npos);
    for (const auto& p : r->payback) CHECK(cli.out.find("  " + p + ";") != std::string::npos);
    for (const auto& n : r->npv) CHECK(cli.out.find("  " + n + ";") != std::string::npos);

    // At 0% a year the net present value is the plain sum of the savings: the last cumulative total.
    typeRate(ui, wb, "0");
    CHECK(panel.discountRate() == 0);
    r = panel.report(wb);
    const auto& rows = r->table.rows;
    CHECK(r->npv.back() == "total: " + rows.back().back());
    const auto cli0 = cli_test::runSdw("run " + test::HeadlessUi::countyModel() +
                                       " --compare --discount-rate 0 --scenario " + kScenario);
    REQUIRE(cli0.code == 0);
    CHECK(cli0.out.find("net present value at 0% a year (an assumption") != std::string::npos);
    for (const auto& n : r->npv) CHECK(cli0.out.find("  " + n + ";") != std::string::npos);

    // 150% a year is no discount rate: refused with a message, the rate kept
    typeRate(ui, wb, "150");
    CHECK(panel.discountRate() == 0);
    CHECK(panel.rateError().find("150% was not taken") != std::string::npos);
}

TEST_CASE("business case tab: CSV export with provenance, a failed export is a dialog, not silence",
          "[workbench][business][gui]") {
    unsetenv("SDW_PLUGIN_PATH");
    test::HeadlessUi ui;
    ui::Workbench wb;
    auto& panel = scenarioApplied(ui, wb);
    const auto dir = fs::temp_directory_path() / "sdw_bc_panel";
    fs::create_directories(dir);
    const auto out = dir / "business_case.csv";
    fs::remove(out);
    REQUIRE(panel.exportCsv(wb, out.string()));
    std::ifstream in(out);
    std::string header;
    std::getline(in, header);
    CHECK(header ==
          "year,council_spend_saving_gbp,nhs_cost_saving_gbp,self_funder_spend_saving_gbp,"
          "total_saving_gbp,cumulative_total_saving_gbp");
    std::stringstream side;
    side << std::ifstream(out.string() + ".provenance.txt").rdbuf();
    CHECK(side.str().find("discharge_to_assess.lua") != std::string::npos);
    CHECK(side.str().find("model sha256: ") != std::string::npos);
    CHECK(wb.errorShown().empty());

    CHECK_FALSE(panel.exportCsv(wb, (dir / "missing" / "bc.csv").string()));
    CHECK(wb.errorShown().find("missing/bc.csv") != std::string::npos);
    ui.frame(wb);  // the dialog draws
    CHECK(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
}
TEST_CASE("business case tab: every column of both tables fits the tab, long headers wrapped",
          "[workbench][business][gui]") {
    // Tried at 1600x1000, "People paying for their own care" as a header widened its column until the
    // cumulative total and the net present value were cut off ("cumulat", "Ne..").
    unsetenv("SDW_PLUGIN_PATH");
    test::HeadlessUi ui;
    ImGui::GetIO().DisplaySize = ImVec2(1600, 1000);  // the screen it was tried on
    ui::Workbench wb;
    auto& panel = scenarioApplied(ui, wb);
    ui.frame(wb);
    ui.frame(wb);
    CHECK(panel.tableFits(0));
    CHECK(panel.tableFits(1));
}

#endif
