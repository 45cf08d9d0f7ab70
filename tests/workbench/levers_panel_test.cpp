// The workbench's levers panel without a window: the lever set over the plugin host (load, order, scenarios,
// broken files), runs with levers on through the run service, and the panel drawn headlessly.
// Layer: tests/workbench. Built only with the plugin host.
#if defined(SDW_HAVE_PLUGINS)
#include <imgui.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "plugins/host/plugin_session.hpp"
#include "solver/io/load_model.hpp"
#include "workbench/ui/levers/lever_set.hpp"
#include "workbench/ui/run/run_service.hpp"
#include "workbench/ui/theme.hpp"
#include "workbench/ui/workbench.hpp"

using namespace sdw;
namespace fs = std::filesystem;

namespace {

const std::string kRoot = SDW_SOURCE_DIR;
const std::string kModel = kRoot + "/models/adult_social_care/adult_social_care.xmile";
const std::string kLevers = kRoot + "/plugins/levers";

// A folder with one broken lever (a syntax error on line 3) and one good copy of a shipped lever.
std::string brokenPluginDir() {
    const auto dir = fs::temp_directory_path() / "sdw_levers_panel_broken";
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::ofstream(dir / "broken_lever.lua")
        << "return {\n  id = \"broken_lever\",\n  title = = \"oops\",\n}\n";
    return dir.string();
}

}  // namespace

TEST_CASE("levers: the shipped levers and the model's scenarios load, and apply in the order switched on",
          "[workbench][levers]") {
    ui::levers::LeverSet set;
    set.load({kLevers}, kModel);
    CHECK(set.diagnostics().errorCount() == 0);
    REQUIRE(set.levers().size() >= 11);
    CHECK(set.scenarios().size() >= 9);
    auto* expand = set.find("expand_short_term_services");
    auto* prevention = set.find("prevention");
    REQUIRE(expand);
    REQUIRE(prevention);
    CHECK_FALSE(expand->plugin->evidence.empty());
    CHECK_FALSE(expand->plugin->description.empty());
    CHECK(set.selections().empty());
    set.setOn(*prevention, true);
    set.setOn(*expand, true);
    expand->values["referral_multiplier"] = 1.8;
    const auto sel = set.selections();
    REQUIRE(sel.size() == 2);
    CHECK(sel[0].id == "prevention");  // switched on first
    CHECK(sel[1].id == "expand_short_term_services");
    CHECK(sel[1].params.at("referral_multiplier") == 1.8);
    CHECK(sel[1].params.count("staff_multiplier") == 0);  // at its default: not sent
    // A scenario replaces the levers with its own (prevention goes off) with the scenario's params.
    auto scenarioNamed = [&](const std::string& words) {
        for (size_t i = 0; i < set.scenarios().size(); ++i)
            if (set.scenarios()[i].name.find(words) != std::string::npos) return i;
        return set.scenarios().size();
    };
    const size_t rdr = scenarioNamed("Reablement done right");
    REQUIRE(rdr < set.scenarios().size());
    REQUIRE(set.applyScenario(rdr));
    CHECK_FALSE(set.find("prevention")->on);
    const auto after = set.selections();
    REQUIRE(after.size() == 2);
    const auto& expandSel = after[0].id == "expand_short_term_services" ? after[0] : after[1];
    const auto& effectSel = after[0].id == "expand_short_term_services" ? after[1] : after[0];
    CHECK(expandSel.id == "expand_short_term_services");
    CHECK(expandSel.params.at("referral_multiplier") == Approx(1.64));
    CHECK(effectSel.id == "reablement_effectiveness");
    // A scenario of constants only: every lever off, its constants brought to the sliders.
    const size_t caseload = scenarioNamed("caseload spiral");
    REQUIRE(caseload < set.scenarios().size());
    REQUIRE(set.applyScenario(caseload));
    CHECK_FALSE(set.anyOn());
    bool recruitment = false;
    for (const auto& [name, v] : set.scenarioConstants())
        recruitment |= name == "assessor_recruitment_time" && v == 52;
    CHECK(recruitment);
}

TEST_CASE("levers: a broken lever file is named with its line, and the others still load",
          "[workbench][levers]") {
    ui::levers::LeverSet set;
    set.load({kLevers, brokenPluginDir()}, kModel);
    REQUIRE(set.diagnostics().errorCount() == 1);
    const auto& d = set.diagnostics().items().front();
    CHECK(d.code == "E402");
    CHECK(d.where.find("broken_lever.lua") != std::string::npos);
    CHECK(d.line == 3);
    CHECK(set.find("broken_lever") == nullptr);
    CHECK(set.find("expand_short_term_services") != nullptr);
}

TEST_CASE("levers: the run service runs with levers on through the plugin host, as the CLI would",
          "[workbench][levers]") {
    diag::Diagnostics diags;
    auto project = io::loadModelFile(kModel, diags);
    REQUIRE(project);
    ui::levers::LeverSet set;
    set.load({kLevers}, kModel);
    set.setOn(*set.find("expand_short_term_services"), true);
    set.setOn(*set.find("workforce_pay"), true);  // has on_step: needs a Lua state during the run

    ui::run::RunService service;
    ui::run::RunRequest req;
    req.project = std::make_shared<const model::Project>(*project);
    req.revision = 1;
    req.spec.sets = {{"reablement_staff", 200}};
    req.plugins = set.selections();
    req.library = set.library();
    service.submit(req);
    REQUIRE(service.waitIdle(std::chrono::seconds(60)));
    auto out = service.poll();
    REQUIRE(out);
    REQUIRE(out->result);
    REQUIRE(out->result->ok());
    REQUIRE(out->compiled);

    plugins::RunRequest direct;
    direct.plugins = set.selections();
    direct.constants = {{"reablement_staff", 200}};
    const auto expected = plugins::runRequest(*project, *set.library(), direct);
    REQUIRE(expected.ok());
    // The slider value is the lever's base: 200 staff x 1.4.
    CHECK(out->result->finalValue("reablement_staff").value() == Approx(280));
    CHECK(out->result->finalValue("people_in_home_care").value() ==
          Approx(expected.finalValue("people_in_home_care").value()));
    CHECK(out->result->finalValue("care_worker_pay_ratio").value() ==
          Approx(expected.finalValue("care_worker_pay_ratio").value()));
}

TEST_CASE("levers: the panel draws; a lever re-runs against a kept baseline; plugin errors reach Diagnostics",
          "[workbench][levers][gui]") {
    const auto state = fs::temp_directory_path() / "sdw_levers_panel_state";
    fs::create_directories(state);
    setenv("XDG_STATE_HOME", state.c_str(), 1);
    setenv("SDW_PLUGIN_PATH", brokenPluginDir().c_str(), 1);
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1400, 900);
    io.DeltaTime = 1.0f / 60;
    io.BackendFlags |=
        ImGuiBackendFlags_RendererHasVtxOffset;  // as the OpenGL 3 backend: the county diagram is big
    ui::theme::apply(1.0f);
    unsigned char* px = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    {
        ui::Workbench wb;
        auto frame = [&] {
            ImGui::NewFrame();
            wb.frame(io.DisplaySize);
            ImGui::Render();
            wb.afterPresent();
        };
        std::string err;
        REQUIRE(wb.openFile(kModel, err));
        wb.inputsTab = ui::InputsTab::Levers;
        wb.forceInputsTab = true;
        frame();
        wb.settle();
        frame();
        REQUIRE(wb.result);
        const double before = wb.result->finalValue("reablement_staff").value();
        REQUIRE(wb.levers);
        REQUIRE(wb.leverPanelHook);

        // The broken file in SDW_PLUGIN_PATH is listed with its file and line; the app carries on.
        bool named = false;
        for (const auto& d : wb.diagnostics.items())
            named |= d.where.find("broken_lever.lua") != std::string::npos && d.line == 3;
        CHECK(named);

        auto* lever = wb.levers->find("expand_short_term_services");
        REQUIRE(lever);
        wb.levers->setOn(*lever, true);
        wb.leversChanged();
        wb.settle();
        frame();
        frame();  // the panel draws the lever's sliders now
        REQUIRE(wb.kept.size() == 1);
        CHECK(wb.kept.front().name == "Baseline: no levers");
        CHECK(wb.kept.front().result->finalValue("reablement_staff").value() == Approx(before));
        CHECK(wb.result->finalValue("reablement_staff").value() == Approx(before * 1.4));
        CHECK(wb.lastLatencyMs >= 0);

        // Moving its slider re-runs; the baseline stays.
        lever->values["staff_multiplier"] = 2;
        wb.leversChanged();
        wb.settle();
        frame();
        CHECK(wb.result->finalValue("reablement_staff").value() == Approx(before * 2));
        CHECK(wb.kept.size() == 1);
        wb.keepRun("");
        CHECK(wb.kept.back().levers == "Expand short-term services");

        // A scenario of levers switches its own on: Lancashire's 64% more volume from shorter stays, with the
        // same staff (004 L928, L2126), from a low start its constants set (004 L2121).
        auto pick = [&](const std::string& words) {
            for (size_t i = 0; i < wb.levers->scenarios().size(); ++i)
                if (wb.levers->scenarios()[i].name.find(words) != std::string::npos) wb.applyScenario(i);
            wb.settle();
            frame();
        };
        pick("Reablement done right");
        CHECK(wb.levers->find("expand_short_term_services")->on);
        CHECK(wb.result->finalValue("reablement_staff").value() == Approx(before));
        CHECK(wb.result->finalValue("reablement_referral_factor").value() == Approx(0.5 * 1.64));
        // A scenario of constants sets them on the sliders, every lever off.
        pick("caseload spiral");
        CHECK(wb.result->finalValue("assessor_recruitment_time").value() == Approx(52));
        CHECK_FALSE(wb.levers->anyOn());
    }
    ImGui::DestroyContext();
    unsetenv("SDW_PLUGIN_PATH");
}
#endif
