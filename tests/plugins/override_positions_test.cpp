// An error in an equation a plugin supplied names the plugin and the column in its text, never a line of the
// model file (the model's own errors keep theirs).
#include <catch2/catch.hpp>

#include "tests/plugins/plugin_test_util.hpp"

using namespace sdw;

TEST_CASE("plugins: an error in a plugin's equation override names the plugin", "[plugins][positions]") {
    test::OnePluginRun r(test::pluginData("errors/equation_typo.lua"));
    INFO(test::allMessages(r.loadDiags) << test::allMessages(r.result.diagnostics));
    REQUIRE(r.loaded);
    REQUIRE_FALSE(r.result.ok());
    const diag::Diagnostic* e = test::firstError(r.result.diagnostics);
    REQUIRE(e != nullptr);
    CHECK(e->code == std::string(diag::code::kUnknownName));
    CHECK(e->where == "x");
    CHECK(e->line == 0);
    CHECK(e->column == 18);  // 'popualtion' in "population * 3 + popualtion"
    CHECK(e->origin.find("plugin 'equation_typo'") == 0);
    CHECK(e->origin.find("errors/equation_typo.lua") != std::string::npos);
    CHECK(diag::format(*e).find("(plugin 'equation_typo'") != std::string::npos);
}
