// The file chooser never writes an export over a model: picking the open model (or any file named like a
// model) in the list and pressing Save on an export is refused, the dialog stays open saying why, and the
// model is left as it was; another name is written. Layer: tests/workbench.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/workbench/file_text.hpp"
#include "tests/workbench/ui/headless_ui.hpp"
#include "workbench/ui/panels/menus.hpp"
#include "workbench/ui/workbench.hpp"

using namespace sdw;
using test::HeadlessUi;

using test::fileText;

TEST_CASE("file dialog: an export, a chart or a profile saved over a model is refused, the dialog says why",
          "[workbench][file]") {
    const auto dir = std::filesystem::temp_directory_path() / ("sdw_file_dialog_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    const std::string model = (dir / "delayed_discharge.xmile").string();
    std::filesystem::copy_file(HeadlessUi::teachingModel("delayed_discharge"), model,
                               std::filesystem::copy_options::overwrite_existing);
    const std::string original = fileText(model);
    HeadlessUi ui;
    ui::Workbench wb;
    ui.open(wb, model);
    ui.settle(wb);
    auto& dialog = wb.fileDialog();
    for (const auto action :
         {ui::FileAction::ExportCsv, ui::FileAction::ExportPng, ui::FileAction::SaveProfile}) {
        INFO("action " << static_cast<int>(action));
        dialog.open(action, model);  // the model picked in the chooser's list
        ui.frame(wb);
        dialog.confirm(wb);                // Save
        ui.frame(wb);                      // the refusal drawn in the dialog
        CHECK(dialog.action() == action);  // still open, on the same path, for another name
        CHECK(dialog.path() == model);
        CHECK(dialog.refusal() == "it is the model file");
        CHECK(fileText(model) == original);
        dialog.open(action, (dir / "results.mdl").string());  // another model's name
        dialog.confirm(wb);
        CHECK(dialog.refusal() == "it is named like a model file (.mdl)");
        CHECK_FALSE(std::filesystem::exists(dir / "results.mdl"));
    }
    // Another name is written, and the dialog closes.
    const std::string csv = (dir / "results.csv").string();
    dialog.open(ui::FileAction::ExportCsv, csv);
    dialog.confirm(wb);
    ui.frame(wb);
    CHECK(dialog.action() == ui::FileAction::None);
    CHECK(dialog.refusal().empty());
    CHECK(fileText(csv).rfind("Time", 0) == 0);
    CHECK(fileText(model) == original);
    wb.settle();
    std::filesystem::remove_all(dir);
}

TEST_CASE("file dialog: saving over an existing file asks first, Replace writes it, another name asks again",
          "[workbench][file]") {
    const auto dir =
        std::filesystem::temp_directory_path() / ("sdw_file_replace_" + std::to_string(getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string model = (dir / "delayed_discharge.xmile").string();
    std::filesystem::copy_file(HeadlessUi::teachingModel("delayed_discharge"), model);
    const auto write = [](const std::string& path, const std::string& text) { std::ofstream(path) << text; };
    const std::string lastMonth = (dir / "last_month.csv").string(), other = (dir / "other.csv").string();
    write(lastMonth, "last month's figures\n");
    write(other, "other figures\n");
    HeadlessUi ui;
    ui::Workbench wb;
    ui.open(wb, model);
    ui.settle(wb);
    auto& dialog = wb.fileDialog();
    const auto shown = [&] {  // a popup is laid out on its first frame, drawn where it stays on the next
        ui.frame(wb);
        ui.frame(wb);
    };

    SECTION("an export: the first click only asks, the second writes") {
        dialog.open(ui::FileAction::ExportCsv, lastMonth);  // last month's export picked in the list
        shown();
        CHECK_FALSE(dialog.asksToReplace());
        ui.click(wb, test::centre(dialog.goButton()));        // Save
        CHECK(dialog.action() == ui::FileAction::ExportCsv);  // still open
        CHECK(dialog.asksToReplace());
        CHECK(fileText(lastMonth) == "last month's figures\n");
        // Another existing file picked instead: asked about again, nothing written.
        dialog.open(ui::FileAction::ExportCsv, other);
        shown();
        ui.click(wb, test::centre(dialog.goButton()));
        CHECK(dialog.asksToReplace());
        CHECK(fileText(other) == "other figures\n");
        ui.click(wb, test::centre(dialog.goButton()));  // Replace
        CHECK(dialog.action() == ui::FileAction::None);
        CHECK(fileText(other).rfind("Time", 0) == 0);
        CHECK(fileText(lastMonth) == "last month's figures\n");
    }
    SECTION("Save As onto another model asks; onto the open model's own file it saves") {
        const std::string otherModel = (dir / "other_model.xmile").string();
        write(otherModel, "<xmile/>\n");
        dialog.open(ui::FileAction::SaveAs, otherModel);
        shown();
        ui.click(wb, test::centre(dialog.goButton()));
        CHECK(dialog.asksToReplace());
        CHECK(fileText(otherModel) == "<xmile/>\n");
        dialog.open(ui::FileAction::SaveAs, model);
        shown();
        ui.click(wb, test::centre(dialog.goButton()));
        CHECK_FALSE(dialog.asksToReplace());
        CHECK(dialog.action() == ui::FileAction::None);
        CHECK(fileText(model).find("<xmile") != std::string::npos);
    }
    SECTION("a new name is written at the first click") {
        const std::string fresh = (dir / "fresh.csv").string();
        dialog.open(ui::FileAction::ExportCsv, fresh);
        shown();
        ui.click(wb, test::centre(dialog.goButton()));
        CHECK(dialog.action() == ui::FileAction::None);
        CHECK(fileText(fresh).rfind("Time", 0) == 0);
    }
    wb.settle();
    std::filesystem::remove_all(dir);
}

TEST_CASE("file dialog: Ctrl+S on a model opened from Vensim saves XMILE beside it, never over the .mdl",
          "[workbench][file]") {
    const auto dir = std::filesystem::temp_directory_path() / ("sdw_save_mdl_" + std::to_string(getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string mdl = (dir / "waiting.mdl").string(), xmile = (dir / "waiting.xmile").string();
    const std::string text =
        "{UTF-8}\nwaiting list= INTEG (referrals, 10)\n\t~\tpeople\n\t~\t|\n\nreferrals = 2\n\t~\t"
        "people/Month\n\t~\t|\n\nINITIAL TIME = 0\n\t~\tMonth\n\t~\t|\n\nFINAL TIME = "
        "4\n\t~\tMonth\n\t~\t|\n\n"
        "TIME STEP = 1\n\t~\tMonth\n\t~\t|\n\nSAVEPER = 1\n\t~\tMonth\n\t~\t|\n";
    std::ofstream(mdl, std::ios::binary) << text;
    HeadlessUi ui;
    ui::Workbench wb;
    ui.open(wb, mdl);
    ui.settle(wb);
    REQUIRE(wb.session().doc().setEquation("referrals", "3"));  // an edit to keep
    ui.key(wb, 'S', true);                                      // Ctrl+S
    auto& dialog = wb.fileDialog();
    CHECK(dialog.action() == ui::FileAction::SaveAs);  // Save As, on the XMILE name beside it
    CHECK(dialog.path() == xmile);
    CHECK(fileText(mdl) == text);
    ui.frame(wb);
    // A .mdl name typed in Save As is refused: the dialog stays open saying why.
    dialog.open(ui::FileAction::SaveAs, mdl);
    ui.frame(wb);
    ui.frame(wb);
    ui.click(wb, test::centre(dialog.goButton()));
    CHECK(dialog.action() == ui::FileAction::SaveAs);
    CHECK(dialog.refusal().find("it is a Vensim model (.mdl): sdw saves XMILE") != std::string::npos);
    CHECK(fileText(mdl) == text);
    // The XMILE name: written with the edit, and the model is that file from now on.
    dialog.open(ui::FileAction::SaveAs, xmile);
    ui.frame(wb);
    ui.frame(wb);
    ui.click(wb, test::centre(dialog.goButton()));
    CHECK(dialog.action() == ui::FileAction::None);
    CHECK(wb.session().doc().path() == xmile);
    CHECK_FALSE(wb.session().doc().dirty());
    CHECK(fileText(xmile).find("<eqn>3</eqn>") != std::string::npos);
    CHECK(fileText(mdl) == text);
    wb.settle();
    std::filesystem::remove_all(dir);
}
