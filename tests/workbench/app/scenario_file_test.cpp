// Saving what a lead has set as a scenario file (workbench/app/levers/scenario_file): the text reads back
// through the plugin host's own scenario reader to the same scenario. Layer: tests/workbench/app. Built only
// with the plugin host.
#if defined(SDW_HAVE_PLUGINS)
#include "workbench/app/levers/scenario_file.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

#include "plugins/host/scenario.hpp"
#include "workbench/app/levers/lever_set.hpp"
#include "workbench/app/session.hpp"

using namespace sdw;

TEST_CASE("scenario file: what is saved reads back the same", "[workbench][scenario]") {
    plugins::Scenario s;
    s.name = "Our plan ]] for 2030";  // text that would close a plain long string
    s.description = "Reablement first,\nthen \"discharge to assess\".";
    s.plugins = {{"reablement_effectiveness", {}},
                 {"expand_short_term_services", {{"referral_multiplier", 1.64}}}};
    s.constants = {{"reablement_staff", 150}, {"home care cost per hour", 0.1}};
    s.seed = 7;
    const std::string text = app::scenarioText(s);
    diag::Diagnostics diags;
    const auto back = plugins::loadScenarioText(text, "saved.lua", diags);
    INFO(text);
    for (const auto& d : diags.items()) INFO(diag::format(d));
    REQUIRE(back);
    CHECK(back->name == s.name);
    CHECK(back->description == s.description);
    REQUIRE(back->plugins.size() == 2);
    CHECK(back->plugins[0].id == "reablement_effectiveness");  // the order they were switched on
    CHECK(back->plugins[1].params.at("referral_multiplier") == 1.64);
    CHECK(back->constants.size() == 2);
    CHECK(back->seed == 7u);

    const auto path = (std::filesystem::temp_directory_path() / "sdw_saved_scenario.lua").string();
    std::string error;
    REQUIRE(app::saveScenarioFile(s, path, error));
    CHECK(plugins::loadScenario(path, diags));
    CHECK_FALSE(app::saveScenarioFile(s, "/nonexistent/dir/s.lua", error));
    CHECK(error.find("/nonexistent/dir/s.lua") != std::string::npos);
}

TEST_CASE("scenario file: a scenario saved in the workbench is in the scenario list at once, and picked",
          "[workbench][scenario]") {
    namespace fs = std::filesystem;
    unsetenv("SDW_PLUGIN_PATH");
    const auto dir = fs::temp_directory_path() / "sdw_scenario_save";
    fs::remove_all(dir);
    fs::create_directories(dir / "state");
    const auto model = dir / "county.xmile";
    fs::copy_file(std::string(SDW_SOURCE_DIR) + "/models/adult_social_care/adult_social_care.xmile", model);
    app::Session s((dir / "state").string());
    std::string error;
    REQUIRE(s.open(model.string(), error));
    s.settle();
    CHECK(s.levers().scenarios().empty());  // no scenarios/ folder beside the copy
    auto* lever = s.levers().find("expand_short_term_services");
    REQUIRE(lever);
    s.levers().setOn(*lever, true);
    CHECK_FALSE(s.saveScenario("", "", error));
    CHECK(error == "give the scenario a name");
    REQUIRE(s.saveScenario("Our 2030 plan", "More reablement.", error));
    REQUIRE(s.levers().scenarios().size() == 1);
    CHECK(s.levers().scenarios().front().name == "Our 2030 plan");
    CHECK(s.levers().scenarios().front().file == (dir / "scenarios" / "our_2030_plan.lua").string());
    CHECK(s.levers().activeScenario() == 0);

    s.newModel();  // an untitled model has no folder for scenarios
    CHECK_FALSE(s.saveScenario("Another", "", error));
    CHECK(error.find("save the model first") != std::string::npos);
}
#endif
