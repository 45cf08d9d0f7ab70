// Calibration at the application level: the workbench's fit of the open model to observed data is
// analysis::calibrate's (what `sdw calibrate` runs) for the same data, bounds and payoff; it recovers a known
// rate; the fitted run comes with it; applying the fit sets the constant in one undo step. Layer:
// tests/workbench/app.
#include "workbench/app/uncertainty/calibration_run.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "tests/workbench/app/state_dir.hpp"
#include "tests/workbench/decay_model.hpp"
#include "tests/workbench/two_readings_model.hpp"
#include "workbench/app/session.hpp"
#include "workbench/app/uncertainty/uncertainty_edit.hpp"

using namespace sdw;

namespace {

// s observed at t = 0, 2, 4, 6, 8 as the model makes it with k = 0.3 (no noise), at 4 a gap.
app::ObservedOverlay dataWithRate03(const model::Model& m) {
    std::string text = "Time,s\n", error;
    for (int t = 0; t <= 8; t += 2)
        text +=
            std::to_string(t) + "," + (t == 4 ? std::string() : std::to_string(test::decayAt(0.3, t))) + "\n";
    auto o = app::readObservedOverlay(text, m, error);
    REQUIRE(o);
    return *o;
}

}  // namespace

TEST_CASE("calibration: the workbench's fit is sdw calibrate's and recovers a known rate",
          "[workbench][calibration]") {
    app::Session s(test::freshStateDir("sdw_calibration_app"));
    std::string error;
    REQUIRE(s.open(test::decayModelFile("sdw_calibration_decay.xmile"), error));
    s.settle();
    const auto candidates = app::fitCandidates(s.doc().project());
    REQUIRE(candidates.size() == 1);
    CHECK(candidates[0].name == "k");
    CHECK(*candidates[0].lo == 0.1);  // the model's declared range is the default
    CHECK(*candidates[0].hi == 0.4);
    const auto data = dataWithRate03(s.doc().model());
    app::Calibration cal;
    CHECK_FALSE(cal.start(s, data, {}, analysis::Payoff::SumOfSquares, error));
    CHECK(error == "pick at least one parameter to fit");
    CHECK_FALSE(cal.start(s, data, {{"k", 0.4, 0.1}}, analysis::Payoff::SumOfSquares, error));
    CHECK(error == "k: the lower bound must be below the upper");
    REQUIRE(cal.start(s, data, {{"k", 0.1, 0.4}}, analysis::Payoff::SumOfSquares, error));
    REQUIRE(cal.wait(std::chrono::seconds(60)));
    REQUIRE(cal.error().empty());
    const auto r = cal.result();
    REQUIRE(r);
    REQUIRE(r->fit.rows.size() == 1);
    CHECK(r->fit.rows[0].value == Approx(0.3).margin(1e-5));
    CHECK(r->fit.points == 4);
    CHECK(app::calibrateCommandLine(r->setup, "m.xmile", "d.csv") ==
          "sdw calibrate m.xmile --data d.csv --fit k=0.1:0.4 --payoff sse");
    // What `sdw calibrate` computes with those options: the same numbers.
    const model::Project project = s.doc().project();
    analysis::CompiledTrialRunner runner(project, sim::RunSpec{});
    analysis::CalibrationSpec spec;
    spec.parameters = {{"k", 0.1, 0.4}};
    spec.data = data.series;
    analysis::CalibrationResult direct;
    REQUIRE(analysis::calibrate(spec, runner, {}, direct, error));
    CHECK(r->fit.rows[0].value == direct.rows[0].value);
    CHECK(r->fit.rows[0].low95 == direct.rows[0].low95);
    CHECK(r->fit.rows[0].high95 == direct.rows[0].high95);
    CHECK(r->fit.evaluations == direct.evaluations);
    // The fitted run, for the charts.
    REQUIRE(r->fitted);
    CHECK(*r->fitted->finalValue("s") == Approx(test::decayAt(0.3, 8)).epsilon(1e-4));
    // Applied: k's equation is the fitted value, the run follows, and one undo gives back 0.2.
    REQUIRE(app::applyFit(s, *r, error));
    CHECK(std::stod(s.doc().find("k")->equation) == r->fit.rows[0].value);
    s.settle();
    CHECK(*s.valueAt("s", 8) == Approx(test::decayAt(0.3, 8)).epsilon(1e-4));
    REQUIRE(s.doc().undo());
    CHECK(s.doc().find("k")->equation == "0.2");
}

TEST_CASE("calibration: a constant documented as a definition is not offered for fitting",
          "[workbench][calibration]") {
    model::Project p;
    auto constant = [&](const std::string& name, const std::string& doc) {
        model::Variable v;
        v.kind = model::VarKind::Aux;
        v.name = name;
        v.equation = "52.18";
        v.doc = doc;
        p.main().variables.push_back(v);
    };
    constant("weeks_per_year", "Definition: 365.25 days / 7.");
    constant("onset_rate", "Assumption: a rate of onset.");
    constant("undocumented", "");
    const auto candidates = app::fitCandidates(p);
    REQUIRE(candidates.size() == 2);
    CHECK(candidates[0].name == "onset_rate");
    CHECK(candidates[1].name == "undocumented");
}

namespace {

double fitK(app::Session& s, const app::ObservedOverlay& data, std::string* commandLine = nullptr) {
    app::Calibration cal;
    std::string error;
    REQUIRE(cal.start(s, data, {{"k", 0, 5}}, analysis::Payoff::SumOfSquares, error));
    REQUIRE(cal.wait(std::chrono::seconds(60)));
    REQUIRE(cal.error().empty());
    if (commandLine) *commandLine = app::calibrateCommandLine(cal.result()->setup, "m.xmile", "d.csv");
    return cal.result()->fit.rows.at(0).value;
}

}  // namespace

TEST_CASE("calibration: series weights saved with the model weigh the fit, undo and reopen keep them",
          "[workbench][calibration]") {
    app::Session s(test::freshStateDir("sdw_calibration_weights"));
    std::string error;
    const auto path = test::twoReadingsModel("sdw_calibration_weights.xmile");
    REQUIRE(s.open(path, error));
    s.settle();
    const auto data = app::readObservedOverlay(test::twoReadingsData(), s.doc().model(), error);
    REQUIRE(data);
    CHECK(app::seriesWeight(s.doc().project(), "y2") == 1);
    CHECK(fitK(s, *data) == Approx(2).margin(1e-4));
    REQUIRE(app::setSeriesWeight(s.doc(), "y2", 3, error));
    std::string cmd;
    CHECK(fitK(s, *data, &cmd) == Approx(2.5).margin(1e-4));
    CHECK(cmd == "sdw calibrate m.xmile --data d.csv --fit k=0:5 --payoff sse --weight y2=3");
    REQUIRE(app::setSeriesWeight(s.doc(), "y2", 0, error));
    CHECK(fitK(s, *data) == Approx(1).margin(1e-4));
    // Mistakes are refused and change nothing.
    CHECK_FALSE(app::setSeriesWeight(s.doc(), "y2", -1, error));
    CHECK(error.find("0 or more") != std::string::npos);
    CHECK_FALSE(app::setSeriesWeight(s.doc(), "nonesuch", 2, error));
    CHECK(error.find("nonesuch") != std::string::npos);
    // One undo step per change: back to 3; saved in the file and read back.
    REQUIRE(s.doc().undo());
    CHECK(app::seriesWeight(s.doc().project(), "y2") == 3);
    REQUIRE(s.doc().save(error));
    app::Session again(test::freshStateDir("sdw_calibration_weights_again"));
    REQUIRE(again.open(path, error));
    CHECK(app::seriesWeight(again.doc().project(), "y2") == 3);
    CHECK(app::seriesWeight(again.doc().project(), "y1") == 1);
}
