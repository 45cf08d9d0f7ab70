// Scenarios: Lua data files read with an empty environment, checked, and turned into run requests.
#include "plugins/host/scenario.hpp"

#include <catch2/catch.hpp>

#include "tests/plugins/plugin_test_util.hpp"

using namespace sdw;
using sdw::test::pluginData;

TEST_CASE("scenario: fields are read and applied on top of the base spec", "[plugins][scenario]") {
    diag::Diagnostics diags;
    auto s = plugins::loadScenario(pluginData("scenarios/faster_growth.lua"), diags);
    INFO(test::allMessages(diags));
    REQUIRE(s.has_value());
    CHECK(s->name == "Faster growth");
    CHECK(s->description.find("5% a week") != std::string::npos);
    REQUIRE(s->plugins.size() == 1);
    CHECK(s->plugins[0].id == "full");
    CHECK(s->plugins[0].params.at("growth") == 0.05);
    REQUIRE(s->constants.size() == 1);
    CHECK(s->constants[0].first == "rate");
    CHECK(s->stop == 6);
    CHECK(s->seed == 42u);
    sim::RunSpec base;
    base.stop = 100;
    base.saveper = 1;
    auto req = s->toRequest(base);
    CHECK(req.spec.stop == 6);
    CHECK(req.spec.dt == 0.5);
    CHECK(req.spec.saveper == 1);
    CHECK(req.spec.seed == 42u);
}

TEST_CASE("scenario: a scenario runs with its plugins", "[plugins][scenario]") {
    plugins::PluginLibrary lib;
    diag::Diagnostics diags;
    REQUIRE(lib.addFile(pluginData("good/full.lua"), diags));
    auto s = plugins::loadScenario(pluginData("scenarios/faster_growth.lua"), diags, &lib);
    REQUIRE(s.has_value());
    auto r = plugins::runRequest(test::tinyModel(), lib, s->toRequest({}));
    INFO(test::allMessages(r.diagnostics));
    REQUIRE(r.ok());
    CHECK(r.finalValue("time") == Approx(6));
    const auto pop = r.series("population");
    CHECK(pop[0] == Approx(110));
    CHECK(pop[1] == Approx(110 * (1 + 0.05 * 0.5)));  // the plugin's growth wins over the scenario constant
}

TEST_CASE("scenario: assignments instead of a returned table work", "[plugins][scenario]") {
    diag::Diagnostics diags;
    auto s = plugins::loadScenario(pluginData("scenarios/globals_style.lua"), diags);
    INFO(test::allMessages(diags));
    REQUIRE(s.has_value());
    CHECK(s->name == "Globals style");
    REQUIRE(s->plugins.size() == 1);
    CHECK(s->plugins[0].params.empty());
    CHECK(s->seed == 3u);
}

TEST_CASE("scenario: the environment is empty", "[plugins][scenario]") {
    diag::Diagnostics diags;
    auto s = plugins::loadScenario(pluginData("scenarios/escape_attempt.lua"), diags);
    REQUIRE_FALSE(s.has_value());
    const auto* e = test::firstError(diags);
    REQUIRE(e != nullptr);
    CHECK(e->code == plugins::code::kPluginLoadError);
    CHECK(e->line == 2);
    CHECK(e->message.find("'print'") != std::string::npos);
}

TEST_CASE("scenario: unknown fields and out-of-range params are refused with their line",
          "[plugins][scenario]") {
    plugins::PluginLibrary lib;
    diag::Diagnostics libDiags;
    REQUIRE(lib.addFile(pluginData("good/full.lua"), libDiags));
    for (const auto& [file, words] : {std::pair{"scenarios/unknown_field.lua", "unknown field 'plugin'"},
                                      std::pair{"scenarios/bad_param.lua", "lies outside"}}) {
        diag::Diagnostics diags;
        auto s = plugins::loadScenario(pluginData(file), diags, &lib);
        INFO(file << "\n" << test::allMessages(diags));
        REQUIRE_FALSE(s.has_value());
        const auto* e = test::firstError(diags);
        REQUIRE(e != nullptr);
        CHECK(e->code == plugins::code::kScenario);
        CHECK(e->line == 4);
        CHECK(e->message.find(words) != std::string::npos);
    }
}

TEST_CASE("scenario: plugins apply in the order the file writes them", "[plugins][scenario]") {
    diag::Diagnostics diags;
    auto s = plugins::loadScenario(pluginData("scenarios/ordered_plugins.lua"), diags);
    INFO(test::allMessages(diags));
    REQUIRE(s.has_value());
    REQUIRE(s->plugins.size() == 3);
    CHECK(s->plugins[0].id == "zulu_lever");
    CHECK(s->plugins[1].id == "alpha_lever");
    CHECK(s->plugins[2].id == "middle_lever");
}
