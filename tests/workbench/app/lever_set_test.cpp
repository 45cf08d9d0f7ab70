// Lever state without a window: the lever set over the plugin host (load, order, scenarios, broken files),
// and runs with levers on through the run service. Layer: tests/workbench/app. Built only with the plugin
// host.
#if defined(SDW_HAVE_PLUGINS)
#include "workbench/app/levers/lever_set.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "plugins/host/plugin_session.hpp"
#include "solver/io/load_model.hpp"
#include "tests/workbench/lever_files.hpp"
#include "workbench/app/run_service.hpp"

using namespace sdw;
namespace fs = std::filesystem;

using test::brokenPluginDir;
const std::string& kModel = test::kCountyModel;
const std::string& kLevers = test::kShippedLevers;

TEST_CASE("levers: the shipped levers and the model's scenarios load, and apply in the order switched on",
          "[workbench][levers]") {
    app::LeverSet set;
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
    app::LeverSet set;
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
    app::LeverSet set;
    set.load({kLevers}, kModel);
    set.setOn(*set.find("expand_short_term_services"), true);
    set.setOn(*set.find("workforce_pay"), true);  // has on_step: needs a Lua state during the run

    app::RunService service;
    app::RunJob req;
    req.project = std::make_shared<const model::Project>(*project);
    req.revision = 1;
    req.request.spec.sets = {{"reablement_staff", 200}};
    req.request.plugins = set.selections();
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
    direct.spec.sets = {{"reablement_staff", 200}};
    const auto expected = plugins::runRequest(*project, *set.library(), direct);
    REQUIRE(expected.ok());
    // The slider value is the lever's base: 200 staff x 1.4.
    CHECK(out->result->finalValue("reablement_staff").value() == Approx(280));
    CHECK(out->result->finalValue("people_in_home_care").value() ==
          Approx(expected.finalValue("people_in_home_care").value()));
    CHECK(out->result->finalValue("care_worker_pay_ratio").value() ==
          Approx(expected.finalValue("care_worker_pay_ratio").value()));
}
#endif
