// The workbench's levers panel drawn headlessly: a lever re-runs against a kept baseline, scenarios set
// levers and sliders, plugin errors reach Diagnostics. Layer: tests/workbench/ui. Built only with the plugin
// host.
#if defined(SDW_HAVE_PLUGINS)
#include <imgui.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "solver/io/load_model.hpp"
#include "tests/workbench/lever_files.hpp"
#include "workbench/app/levers/lever_set.hpp"
#include "workbench/ui/latency_probe.hpp"
#include "workbench/ui/panels/panels.hpp"
#include "workbench/ui/theme.hpp"
#include "workbench/ui/workbench.hpp"

using namespace sdw;
namespace fs = std::filesystem;

using test::brokenPluginDir;
const std::string& kModel = test::kCountyModel;
const std::string& kLevers = test::kShippedLevers;

TEST_CASE("levers: the panel draws, a lever re-runs against a kept baseline, plugin errors reach Diagnostics",
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
        wb.showPanel<ui::LeversPanel>();
        frame();
        wb.settle();
        frame();
        REQUIRE(wb.session().result());
        const double before = wb.session().result()->finalValue("reablement_staff").value();

        // The broken file in SDW_PLUGIN_PATH is listed with its file and line; the app carries on.
        bool named = false;
        for (const auto& d : wb.session().diagnostics().items())
            named |= d.where.find("broken_lever.lua") != std::string::npos && d.line == 3;
        CHECK(named);

        auto* lever = wb.session().levers().find("expand_short_term_services");
        REQUIRE(lever);
        ui::LatencyProbe probe;  // timed like a constant's slider
        wb.setLatencyProbe(&probe);
        wb.session().levers().setOn(*lever, true);
        probe.start(wb.session().leversChanged());
        wb.settle();
        frame();
        frame();  // the panel draws the lever's sliders now
        REQUIRE(wb.session().kept().size() == 1);
        CHECK(wb.session().kept().front().name == "Baseline: no levers");
        CHECK(wb.session().kept().front().result->finalValue("reablement_staff").value() == Approx(before));
        CHECK(wb.session().result()->finalValue("reablement_staff").value() == Approx(before * 1.4));
        CHECK(probe.done());
        CHECK(probe.screenMs() >= 0);
        wb.setLatencyProbe(nullptr);

        // Moving its slider re-runs; the baseline stays.
        lever->values["staff_multiplier"] = 2;
        wb.session().leversChanged();
        wb.settle();
        frame();
        CHECK(wb.session().result()->finalValue("reablement_staff").value() == Approx(before * 2));
        CHECK(wb.session().kept().size() == 1);
        wb.session().keepRun("");
        CHECK(wb.session().kept().back().levers == "Expand short-term services");

        // A scenario of levers switches its own on: Lancashire's 64% more volume from shorter stays, with the
        // same staff (004 L928, L2126), from a low start its constants set (004 L2121).
        auto pick = [&](const std::string& words) {
            for (size_t i = 0; i < wb.session().levers().scenarios().size(); ++i)
                if (wb.session().levers().scenarios()[i].name.find(words) != std::string::npos)
                    wb.session().applyScenario(i);
            wb.settle();
            frame();
        };
        pick("Reablement done right");
        CHECK(wb.session().levers().find("expand_short_term_services")->on);
        CHECK(wb.session().result()->finalValue("reablement_staff").value() == Approx(before));
        CHECK(wb.session().result()->finalValue("reablement_referral_factor").value() == Approx(0.5 * 1.64));
        // A scenario of constants sets them on the sliders, every lever off.
        pick("caseload spiral");
        CHECK(wb.session().result()->finalValue("assessor_recruitment_time").value() == Approx(52));
        CHECK_FALSE(wb.session().levers().anyOn());
    }
    ImGui::DestroyContext();
    unsetenv("SDW_PLUGIN_PATH");
}
#endif
