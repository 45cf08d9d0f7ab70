// The plugin contract: broken plugins are refused with the file, the line and the rule; a plugin using every
// part of the contract loads into a descriptor and acts on the run as declared.
#include <catch2/catch.hpp>
#include <filesystem>

#include "plugins/host/plugin_library.hpp"
#include "tests/plugins/plugin_test_util.hpp"

using namespace sdw;
using sdw::test::pluginData;

namespace {

// The first error of checking the plugin at `path`: its code, line and a word of its message.
std::string expectRefusedAt(const std::string& path, const std::string& code, int line,
                            const std::string& words) {
    diag::Diagnostics diags;
    auto d = plugins::checkPluginFile(path, diags);
    INFO(test::allMessages(diags));
    REQUIRE_FALSE(d.has_value());
    const auto* e = test::firstError(diags);
    REQUIRE(e != nullptr);
    CHECK(e->code == code);
    CHECK(e->where == path);
    CHECK(e->line == line);
    CHECK(e->message.find(words) != std::string::npos);
    return e->message;
}

void expectRefused(const std::string& file, const std::string& code, int line, const std::string& words) {
    expectRefusedAt(pluginData(file), code, line, words);
}

}  // namespace

TEST_CASE("contract: a plugin must return a table", "[plugins][contract]") {
    expectRefused("contract/not_a_table.lua", plugins::code::kContract, 2, "must return a table");
}

TEST_CASE("contract: a param's default must lie in its range", "[plugins][contract]") {
    expectRefused("contract/bad_param_range.lua", plugins::code::kContract, 7, "rule 'params'");
}

TEST_CASE("contract: unknown fields are refused", "[plugins][contract]") {
    expectRefused("contract/typo_key.lua", plugins::code::kContract, 6, "unknown field 'on_steps'");
}

TEST_CASE("contract: evidence is required", "[plugins][contract]") {
    expectRefused("contract/missing_evidence.lua", plugins::code::kContract, 2, "rule 'evidence'");
}

TEST_CASE("contract: ids are snake_case", "[plugins][contract]") {
    expectRefused("contract/bad_id.lua", plugins::code::kContract, 3, "snake_case");
}

TEST_CASE("contract: a plugin must have an effect", "[plugins][contract]") {
    expectRefused("contract/no_effect.lua", plugins::code::kContract, 2, "does nothing");
}

TEST_CASE("contract: events may set only declared variables", "[plugins][contract]") {
    expectRefused("contract/event_undeclared.lua", plugins::code::kContract, 6,
                  "'modifies' does not declare");
}

TEST_CASE("contract: a syntax error names its line", "[plugins][contract]") {
    expectRefused("contract/syntax_error.lua", plugins::code::kPluginSyntax, 4, "'}' expected");
}

TEST_CASE("contract: a syntax error names its line however long the plugin's path", "[plugins][contract]") {
    // Lua shortens a long chunk name to "...tail" in its messages; CI checks out under a longer path than
    // ours.
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "sdw-a-rather-long-directory-name-for-plugins" /
                         "of-the-council-strategy-team" / "levers";
    fs::create_directories(dir);
    const fs::path file = dir / "syntax_error.lua";
    fs::copy_file(pluginData("contract/syntax_error.lua"), file, fs::copy_options::overwrite_existing);
    const std::string msg = expectRefusedAt(file.string(), plugins::code::kPluginSyntax, 4, "'}' expected");
    CHECK(msg.find("...") == std::string::npos);  // the mangled path is not repeated in the text
    fs::remove_all(fs::temp_directory_path() / "sdw-a-rather-long-directory-name-for-plugins");
}

TEST_CASE("contract: a missing file is reported as unreadable", "[plugins][contract]") {
    expectRefused("contract/no_such_file.lua", plugins::code::kPluginUnreadable, 0, "cannot read");
}

TEST_CASE("contract: a full plugin becomes a descriptor", "[plugins][contract]") {
    diag::Diagnostics diags;
    auto d = plugins::checkPluginFile(pluginData("good/full.lua"), diags);
    INFO(test::allMessages(diags));
    REQUIRE(d.has_value());
    CHECK(d->id == "full");
    CHECK(d->evidence == std::vector<std::string>{"004 L877", "003 L286"});
    REQUIRE(d->params.size() == 2);
    CHECK(d->params[0].name == "growth");  // in file order
    CHECK(d->params[0].max == 0.1);
    CHECK(d->params[0].label == "Growth rate");
    CHECK(d->params[1].name == "boost");
    CHECK(d->constants == std::vector<std::string>{"rate"});
    CHECK(d->equations == std::vector<std::string>{"x"});
    CHECK(d->hasOnStart);
    CHECK(d->hasOnStep);
    CHECK(d->eventTimes == std::vector<double>{5});
}

TEST_CASE("contract: a library refuses a duplicate id", "[plugins][contract]") {
    plugins::PluginLibrary lib;
    diag::Diagnostics diags;
    CHECK(lib.addFile(pluginData("good/full.lua"), diags));
    CHECK_FALSE(lib.addFile(pluginData("good/full.lua"), diags));
    CHECK(test::hasPluginCode(diags, plugins::code::kContract));
    CHECK(lib.all().size() == 1);
}

TEST_CASE("plugins: overrides, on_start, events and on_step act on the run", "[plugins][run]") {
    plugins::PluginLibrary lib;
    diag::Diagnostics diags;
    REQUIRE(lib.addFile(pluginData("good/full.lua"), diags));
    plugins::RunRequest req;
    req.plugins.push_back({"full", {{"growth", 0.05}, {"boost", 10}}});
    auto r = plugins::runRequest(test::tinyModel(), lib, req);
    INFO(test::allMessages(r.diagnostics));
    REQUIRE(r.ok());
    const auto pop = r.series("population");
    const auto x = r.series("x");
    REQUIRE(pop.size() == 11);
    CHECK(pop[0] == Approx(110));         // on_start: 100 + boost
    CHECK(pop[1] == Approx(110 * 1.05));  // rate overridden by the growth param
    CHECK(pop[5] == Approx(1000));        // the event at t = 5
    CHECK(pop[6] == Approx(1050));
    CHECK(x[2] == Approx(pop[2] * 3));  // equation override
    CHECK(x[8] == Approx(-1));          // on_step sets a hook-writable aux from t = 8
    CHECK(x[7] == Approx(pop[7] * 3));
}

TEST_CASE("plugins: a param outside its range is refused", "[plugins][run]") {
    plugins::PluginLibrary lib;
    diag::Diagnostics diags;
    REQUIRE(lib.addFile(pluginData("good/full.lua"), diags));
    plugins::RunRequest req;
    req.plugins.push_back({"full", {{"growth", 0.5}}});
    auto r = plugins::runRequest(test::tinyModel(), lib, req);
    CHECK_FALSE(r.ok());
    CHECK(test::hasPluginCode(r.diagnostics, plugins::code::kScenario));
}

TEST_CASE("plugins: an override of a variable the model lacks is refused", "[plugins][run]") {
    plugins::PluginLibrary lib;
    diag::Diagnostics diags;
    REQUIRE(lib.addFile(pluginData("good/full.lua"), diags));
    test::Builder b(0, 5, 1);
    b.stock("population", "1").aux("rate", "0");
    plugins::RunRequest req;
    req.plugins.push_back({"full", {}});
    auto r = plugins::runRequest(b.project, lib, req);
    CHECK_FALSE(r.ok());
    CHECK(test::hasPluginCode(r.diagnostics, plugins::code::kBadTarget));
}

TEST_CASE("plugins: math.random follows the run's seed", "[plugins][run]") {
    plugins::PluginLibrary lib;
    diag::Diagnostics diags;
    REQUIRE(lib.addFile(pluginData("good/random_draw.lua"), diags));
    auto draw = [&](uint64_t seed) {
        plugins::RunRequest req;
        req.plugins.push_back({"random_draw", {}});
        req.spec.seed = seed;
        auto r = plugins::runRequest(test::tinyModel(), lib, req);
        REQUIRE(r.ok());
        return r.series("population")[0];
    };
    CHECK(draw(7) == draw(7));
    CHECK(draw(7) != draw(8));
}
