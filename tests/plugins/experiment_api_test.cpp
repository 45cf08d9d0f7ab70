// The experiment API of `sdw script`, tried as a modeller would: a misspelt run option and a save interval
// that is not a whole number of steps are errors naming the mistake; run_many keeps the outcome measures by
// default; failed runs are reported with their inputs and left out while the rest finish; a tornado over a
// lever param brackets the true baseline; constants are listed with their distributions; Monte Carlo gives
// bands over time; Morris and Sobol of a linear model give the hand-worked indices and the CLI's numbers.
// Layer: tests/plugins.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "plugins/host/plugin_session.hpp"
#include "plugins/host/script_runner.hpp"
#include "plugins/host/trial_runner.hpp"
#include "solver/io/load_model.hpp"
#include "solver/xmile/xmile.hpp"
#include "tests/plugins/plugin_test_util.hpp"
#include "tests/workbench/cli_run.hpp"

using namespace sdw;

namespace {

// Runs Lua source as an experiment script; returns the first error's message ("" when it succeeded). The
// script file is named by the process, since ctest runs this file's cases in parallel processes.
std::string runLua(const std::string& source) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("sdw_experiment_api_" + std::to_string(::getpid()) + ".lua");
    std::ofstream(path) << source;
    plugins::ScriptOptions o;
    o.projectRoot = SDW_SOURCE_DIR;
    o.threads = 2;
    diag::Diagnostics diags;
    if (plugins::runScript(path.string(), o, diags)) return "";
    const auto* e = test::firstError(diags);
    return e ? e->message : "failed without a message";
}

// s' = -SQRT(k) s: a negative k gives NaN and the run stops (E301).
std::string sqrtModel() {
    const auto path = (std::filesystem::temp_directory_path() / "sdw_experiment_sqrt.xmile").string();
    std::ofstream(path)
        << "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\" "
           "xmlns:sdw=\"urn:sdw:xmile:1\"><header><name>t</name></header>"
           "<sim_specs method=\"euler\"><start>0</start><stop>4</stop><dt>0.25</dt></sim_specs>"
           "<model><variables><stock name=\"s\"><eqn>100</eqn><outflow>out</outflow></stock>"
           "<flow name=\"out\"><eqn>SQRT(k) * s</eqn></flow><aux name=\"k\"><doc>Assumption: "
           "a rate.</doc><eqn>0.04</eqn><sdw:uncertainty min=\"0.01\" max=\"0.09\" "
           "distribution=\"triangular(0.01,0.04,0.09)\"/></aux></variables></model></xmile>";
    return path;
}

// out = 3a + b - 2c, constant over the run; a, b, c are varied over 1..2, 0..10, 1..4 by the scripts.
std::string linearModel() {
    const auto path = (std::filesystem::temp_directory_path() / "sdw_experiment_linear.xmile").string();
    std::ofstream(path)
        << "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">"
           "<header><name>t</name></header><sim_specs method=\"euler\"><start>0</start>"
           "<stop>2</stop><dt>1</dt></sim_specs><model><variables>"
           "<aux name=\"out\"><eqn>3*a + b - 2*c</eqn></aux><aux name=\"a\"><eqn>1.5</eqn></aux>"
           "<aux name=\"b\"><eqn>5</eqn></aux><aux name=\"c\"><eqn>2</eqn></aux>"
           "</variables></model></xmile>";
    return path;
}

const std::string kCounty = "local m = sdw.load_model('models/adult_social_care/adult_social_care.xmile')\n";

}  // namespace

TEST_CASE("experiments: a misspelt run option is an error that names it and the right one",
          "[plugins][script]") {
    const auto msg = runLua(kCounty + "sdw.run(m, { stpo = 5 })");
    CHECK(msg.find("unknown run option 'stpo' (did you mean 'stop'?)") != std::string::npos);
    CHECK(runLua(kCounty + "sdw.sweep(m, { parameter = 'acute_beds', valeus = {1}, outcome = 'x' })")
              .find("unknown option 'valeus' (did you mean 'values'?)") != std::string::npos);
    CHECK(runLua(kCounty + "sdw.run(m, { stop = '5' })").find("'stop' must be a number") !=
          std::string::npos);
}

// A value the API could not read as a number was taken as 0 (a sweep's value, a range's bound), as the
// default (samples = "1000" ran 100), or dropped (constants = { k = "200" } ran the model unchanged); a
// negative sample count failed inside std::vector. Each is now an error naming the field and what it got;
// text that reads as a number is still text.
TEST_CASE("experiments: every number an experiment takes must be one, named when it is not",
          "[plugins][script]") {
    const auto error = [](const std::string& call) { return runLua(kCounty + call); };
    const std::string sweep = "sdw.sweep(m, { outcome = 'council_spend', parameter = 'reablement_staff', ";
    CHECK(error(sweep + "values = {} })").find("sdw.sweep needs 'values'") != std::string::npos);
    CHECK(error(sweep + "})").find("sdw.sweep needs 'values'") != std::string::npos);
    CHECK(error(sweep + "values = { 100, 'abc' } })")
              .find("values[2] must be a finite number, not the text 'abc'") != std::string::npos);
    CHECK(error(sweep + "values = { 100, '150' } })")
              .find("values[2] must be a finite number, not the text '150'") != std::string::npos);
    CHECK(error(sweep + "values = { 0/0 } })").find("values[1] must be a finite number, not NaN") !=
          std::string::npos);
    CHECK(error(sweep + "values = { 1, -1/0 } })").find("values[2] must be a finite number, not -infinity") !=
          std::string::npos);
    CHECK(error(sweep + "values = { {} } })").find("values[1] must be a finite number, not a table") !=
          std::string::npos);
    CHECK(error("sdw.sweep(m, { outcome = 'council_spend', parameter = 'reablement_staf', values = { 1 } })")
              .find("the model has no constant 'reablement_staf'; did you mean 'reablement_staff'?") !=
          std::string::npos);
    CHECK(error("sdw.run(m, { constants = { reablement_staff = '200' } })")
              .find("constants: 'reablement_staff' must be a finite number, not the text '200'") !=
          std::string::npos);
    CHECK(error("sdw.run(m, { plugins = { expand_short_term_services = { staff_multiplier = 'x' } } })")
              .find("'expand_short_term_services.staff_multiplier' must be a finite number") !=
          std::string::npos);
    const std::string mc = "sdw.monte_carlo(m, { outcome = 'council_spend', ";
    const std::string range = "ranges = { reablement_staff = { 100, 200 } }";
    CHECK(error(mc + range + ", samples = -5 })")
              .find("'samples' must be a whole number from 1 to 1,000,000,000, not -5") != std::string::npos);
    CHECK(error(mc + range + ", samples = 2.5 })").find("not 2.5") != std::string::npos);
    CHECK(error(mc + range + ", samples = '7' })")
              .find("'samples' must be a finite number, not the text '7'") != std::string::npos);
    CHECK(error(mc + "samples = 4, ranges = { reablement_staff = { 'a', 200 } } })")
              .find("range of 'reablement_staff': its min must be a finite number, not the text 'a'") !=
          std::string::npos);
    CHECK(error(mc + "samples = 4, ranges = { reablement_staff = { min = 100 } } })")
              .find("range of 'reablement_staff': its max must be a finite number, not nil") !=
          std::string::npos);
    CHECK(error(mc + range + ", samples = 4, percentiles = { 50, 150 } })")
              .find("percentiles[2] must be from 0 to 100") != std::string::npos);
    CHECK(error("sdw.sensitivity(m, { outcome = 'council_spend', trajectories = 1, " + range + " })")
              .find("'trajectories' must be a whole number from 2") != std::string::npos);
    // The same calls with numbers run.
    CHECK(error("local rows = " + sweep +
                "values = { 100, 150 } })\nassert(#rows == 2 and rows[2].reablement_staff == 150)\n" +
                "assert(#" + mc +
                "samples = 3, ranges = { reablement_staff = { min = 100, max = 200 } } }) == 3)") == "");
}

TEST_CASE("experiments: a save interval that is not a whole number of steps is an error",
          "[plugins][script]") {
    const auto msg = runLua(kCounty + "sdw.run(m, { stop = 10, saveper = 0.3 })");
    CHECK(msg.find("saveper 0.3 is not a whole multiple of dt 0.25 (try 0.25 or 0.5)") != std::string::npos);
    CHECK(runLua(kCounty + "assert(sdw.run(m, { stop = 10, saveper = 0.5 }):ok())") == "");
}

TEST_CASE("experiments: run_many keeps the outcome measures unless told otherwise", "[plugins][script]") {
    diag::Diagnostics diags;
    const auto p = io::loadModelFile(
        std::string(SDW_SOURCE_DIR) + "/models/adult_social_care/adult_social_care.xmile", diags);
    REQUIRE(p);
    const auto measures = xmile::groupMembers(p->main(), xmile::kOutcomeGroup);
    const std::string script =
        kCounty +
        "local rs = sdw.run_many(m, { { stop = 4 }, { stop = 4, vars = { 'acute_beds' } }, "
        "{ stop = 4, vars = 'all' } })\n"
        "assert(#rs[1]:names() == " +
        std::to_string(measures.size() + 1) +
        ", 'outcomes: ' .. #rs[1]:names())\n"
        "assert(#rs[2]:names() == 2)\n"
        "assert(#rs[3]:names() > 300, 'all: ' .. #rs[3]:names())\n";
    CHECK(runLua(script) == "");
}

TEST_CASE("experiments: failed runs are reported with their inputs and left out", "[plugins][script]") {
    const std::string script =
        "local m = sdw.load_model('" + sqrtModel() +
        "')\n"
        "local rows, failed = sdw.sweep(m, { parameter = 'k', values = { 0.01, -1, 0.09 }, "
        "outcome = 's' })\n"
        "assert(#rows == 2 and rows[2].k == 0.09, 'rows ' .. #rows)\n"
        "assert(#failed == 1 and failed[1].run == 2 and failed[1].inputs.k == -1)\n"
        "assert(failed[1].error:find('E301'), failed[1].error)\n"
        "local rs, f2 = sdw.run_many(m, { { constants = { k = -1 }, label = 'bad' }, {} })\n"
        "assert(#rs == 1 and #f2 == 1 and f2[1].inputs.k == -1 and f2[1].error:find('bad'))\n"
        "local mc, f3 = sdw.monte_carlo(m, { samples = 20, outcome = 's', ranges = { k = "
        "{ -0.01, 0.09 } } })\n"
        "assert(#mc == 18 and #f3 == 2, #mc .. ' ' .. #f3)\n";
    CHECK(runLua(script) == "");
}

TEST_CASE("experiments: a tornado over a lever param brackets the true baseline", "[plugins][script]") {
    // The analysed run switches the lever on (its params at their defaults): only the varied param differs.
    // Without it, varying the param would switch the lever on in the baseline too: refused, saying so.
    const std::string script =
        kCounty +
        "local ok, err = pcall(sdw.tornado, m, { outcome = 'people_in_care_homes', base = { stop = 104 }, "
        "ranges = { ['divert_care_home_admissions.diversion_share'] = { 0.05, 0.5 } } })\n"
        "assert(not ok and err:find('does not switch on', 1, true), err)\n"
        "local bars = sdw.tornado(m, { outcome = 'people_in_care_homes', base = { stop = 104, plugins = { "
        "divert_care_home_admissions = true } }, ranges = {\n"
        "  ['divert_care_home_admissions.diversion_share'] = { 0.05, 0.5 } } })\n"
        "local b = bars[1]\n"
        "local on = sdw.run(m, { stop = 104, plugins = { divert_care_home_admissions = true } })\n"
        "assert(math.abs(b.baseline - on:final('people_in_care_homes')) < 1e-6, 'baseline ' .. b.baseline)\n"
        "assert(b.outcome_high < b.baseline and b.baseline < b.outcome_low, 'not bracketed')\n";
    CHECK(runLua(script) == "");
}

TEST_CASE("experiments: constants come with value, units, range, distribution and source",
          "[plugins][script]") {
    const std::string script =
        "local m = sdw.load_model('" + sqrtModel() +
        "')\n"
        "local c = sdw.constants(m)\n"
        "assert(#c == 1 and c[1].name == 'k' and c[1].value == 0.04 and c[1].min == 0.01)\n"
        "assert(c[1].distribution == 'triangular(0.01,0.04,0.09)' and c[1].source:find('Assumption'))\n"
        "local rows, failed, bands = sdw.monte_carlo(m, { samples = 50, outcome = 's', ranges "
        "= { k = true }, percentiles = { 10, 90 } })\n"
        "assert(#bands.Time == 17 and bands['s[p10]'][17] < bands['s[p90]'][17])\n";
    CHECK(runLua(script) == "");
}

TEST_CASE("experiments: varying a constant on one compiled model matches recompiling with it",
          "[plugins][script]") {
    diag::Diagnostics diags;
    const auto p = io::loadModelFile(
        std::string(SDW_SOURCE_DIR) + "/models/adult_social_care/adult_social_care.xmile", diags);
    REQUIRE(p);
    plugins::PluginLibrary lib;
    plugins::RunRequest base;
    base.spec.stop = 52;
    plugins::PluginTrialRunner runner(*p, lib, base);
    REQUIRE(runner.ok());
    const auto fast = runner.run({{{"onset_rate_85_plus", 0.2}, {"acute_beds", 1500}}}, {}).front();
    plugins::RunRequest slow = base;
    slow.spec.sets = {{"onset_rate_85_plus", 0.2}, {"acute_beds", 1500}};
    const auto recompiled = plugins::runRequest(*p, lib, slow);
    REQUIRE(fast.ok());
    REQUIRE(recompiled.ok());
    REQUIRE(fast.names == recompiled.names);
    CHECK(fast.data == recompiled.data);
}

TEST_CASE("experiments: Morris and Sobol of a linear model give the hand-worked indices",
          "[plugins][script]") {
    // Elementary effects on the [0,1] scale: coefficient x width = 3, 10, -6 everywhere (sigma 0). Variance
    // shares: (3 x 1)^2/12 = 0.75, 10^2/12 = 8.33, (2 x 3)^2/12 = 3 of 12.08: 0.062, 0.690, 0.248.
    const std::string script =
        "local m = sdw.load_model('" + linearModel() +
        "')\n"
        "local ranges = { a = { 1, 2 }, b = { 0, 10 }, c = { 1, 4 } }\n"
        "local mo = sdw.sensitivity(m, { method = 'morris', ranges = ranges, outcome = 'out', "
        "trajectories = 5, seed = 2 })\n"
        "assert(#mo == 3 and mo[1].parameter == 'a' and mo[3].parameter == 'c' and mo[1].outcome == 'out')\n"
        "local function near(x, y, tol) return math.abs(x - y) <= tol end\n"
        "assert(near(mo[1].mu_star, 3, 1e-9) and near(mo[2].mu, 10, 1e-9) and near(mo[3].mu, -6, 1e-9))\n"
        "assert(near(mo[3].mu_star, 6, 1e-9) and near(mo[2].sigma, 0, 1e-9) and mo[2].effects == 5)\n"
        "local so = sdw.sensitivity(m, { method = 'sobol', ranges = ranges, outcome = 'out', samples = 4000 "
        "})\n"
        "assert(near(so[1].total, 0.75 / 12.0833, 0.04) and near(so[2].first_order, 8.3333 / 12.0833, "
        "0.04))\n"
        "assert(near(so[3].total, 3 / 12.0833, 0.04), 'c ' .. so[3].total)\n"
        "local ok, err = pcall(sdw.sensitivity, m, { method = 'tornado', ranges = ranges, outcome = 'out' "
        "})\n"
        "assert(not ok and err:find(\"method must be 'morris' or 'sobol'\"), err)\n";
    CHECK(runLua(script) == "");
}

TEST_CASE("experiments: sdw.sensitivity gives sdw sensitivity's numbers for the same seed",
          "[plugins][script]") {
    const auto lua = (std::filesystem::temp_directory_path() / "sdw_experiment_sobol_lua.csv").string();
    const auto cli = (std::filesystem::temp_directory_path() / "sdw_experiment_sobol_cli.csv").string();
    const std::string script =
        "local m = sdw.load_model('" + linearModel() +
        "')\n"
        "local rows = sdw.sensitivity(m, { method = 'sobol', ranges = { a = { 1, 2 }, b = { 0, 10 }, c = { "
        "1, 4 "
        "} }, outcome = 'out', samples = 30, seed = 3 })\n"
        "local f = io.open('" +
        lua +
        "', 'w')\n"
        "for _, r in ipairs(rows) do f:write(string.format('%s,%.17g,%.17g\\n', r.parameter, r.first_order, "
        "r.total)) end\n"
        "f:close()\n";
    REQUIRE(runLua(script) == "");
    const auto o = cli_test::runSdw("sensitivity " + linearModel() +
                                    " --analysis sobol --vary a=1:2 --vary b=0:10 --vary c=1:4 --samples 30 "
                                    "--seed 3 --vars out --out " +
                                    cli);
    REQUIRE(o.code == 0);
    std::ifstream a(lua), b(cli);
    std::string la, lb;
    std::getline(b, lb);  // header: parameter,outcome,first_order,total
    for (int i = 0; i < 3; ++i) {
        REQUIRE(std::getline(a, la));
        REQUIRE(std::getline(b, lb));
        const auto name = la.substr(0, la.find(','));
        CHECK(lb.rfind(name + ",out,", 0) == 0);
        const double fa = std::stod(la.substr(la.find(',') + 1)),
                     ta = std::stod(la.substr(la.rfind(',') + 1));
        const auto rest = lb.substr(name.size() + 5);
        CHECK(std::stod(rest) == Approx(fa).epsilon(1e-12));
        CHECK(std::stod(rest.substr(rest.find(',') + 1)) == Approx(ta).epsilon(1e-12));
    }
}

TEST_CASE("experiments: sdw.monte_carlo seeds the model's noise by the rule sdw mc uses",
          "[plugins][script]") {
    const std::string model = std::string(SDW_SOURCE_DIR) + "/tests/data/noise_stock.xmile";
    const auto lua = (std::filesystem::temp_directory_path() / "sdw_experiment_noise_lua.csv").string();
    const auto cli = (std::filesystem::temp_directory_path() / "sdw_experiment_noise_cli.csv").string();
    // Run i (from 0) draws from seed + i x 0x9E3779B97F4A7C15 modulo 2^64: Lua's integers wrap the same way.
    const std::string script =
        "local m = sdw.load_model('" + model +
        "')\n"
        "local rows, failed, bands = sdw.monte_carlo(m, { samples = 9, seed = 11, outcome = 's', ranges = { "
        "unused = { 0, 1 } }, percentiles = { 0, 50, 100 } })\n"
        "assert(#rows == 9 and #failed == 0)\n"
        "for i = 1, 9 do\n"
        "  local one = sdw.run(m, { seed = 11 + (i - 1) * 0x9E3779B97F4A7C15, vars = { 's' } })\n"
        "  assert(one:final('s') == rows[i].s, 'run ' .. i .. ' is not a run with its seed by the rule')\n"
        "end\n"
        "assert(rows[1].s ~= rows[2].s)\n"
        "local f = io.open('" +
        lua +
        "', 'w')\n"
        "f:write(string.format('%.17g,%.17g,%.17g', bands['s[p0]'][21], bands['s[p50]'][21], "
        "bands['s[p100]'][21]))\n"
        "f:close()\n";
    REQUIRE(runLua(script) == "");
    REQUIRE(
        cli_test::runSdw("mc " + model +
                         " --runs 9 --seed 11 --vary 'unused=uniform(0,1)' --vars s --percentiles 0,50,100 "
                         "--out " +
                         cli)
            .code == 0);
    std::ifstream a(lua), b(cli);
    std::string la, lb, last;
    std::getline(a, la);
    while (std::getline(b, lb))
        if (!lb.empty()) last = lb;
    REQUIRE(last.rfind("20,", 0) == 0);
    std::istringstream x(la), y(last.substr(3));
    for (std::string u, v; std::getline(x, u, ',') && std::getline(y, v, ',');)
        CHECK(std::stod(u) == std::stod(v));
}

TEST_CASE("experiments: a function sdw lacks is an error naming it and what sdw has", "[plugins][script]") {
    // sdw.load for sdw.load_model: Lua alone said "attempt to call a nil value (field 'load')".
    const std::string e = runLua("local m = sdw.load('model.xmile')\n");
    CHECK(e.find("sdw has no 'load'") != std::string::npos);
    CHECK(e.find("load_model") != std::string::npos);
    CHECK(e.find("monte_carlo") != std::string::npos);
    // What sdw has still reads as before.
    CHECK(runLua("assert(type(sdw.load_model) == 'function' and type(sdw.args) == 'table')\n").empty());
}
