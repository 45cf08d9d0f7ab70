// Editing a constant's range and distribution at the application level: set, saved in the model file as
// <sdw:uncertainty>, one undo step, drawn from by the next Monte Carlo; mistakes refused with a message and
// the model unchanged. Layer: tests/workbench/app.
#include "workbench/app/uncertainty/uncertainty_edit.hpp"

#include <catch2/catch.hpp>

#include "solver/analysis/constants.hpp"
#include "solver/xmile/xmile.hpp"
#include "tests/workbench/app/state_dir.hpp"
#include "tests/workbench/decay_model.hpp"
#include "workbench/app/session.hpp"

using namespace sdw;

TEST_CASE("uncertainty edit: a distribution is set, saved, undone, mistakes are refused",
          "[workbench][distribution]") {
    app::Session s(test::freshStateDir("sdw_uncertainty_edit"));
    std::string error;
    REQUIRE(s.open(test::decayModelFile("sdw_uncertainty_edit.xmile"), error));
    auto& doc = s.doc();
    REQUIRE(app::setUncertainty(doc, "k", 0.15, 0.35, " normal(0.25, 0.05) ", error));
    const auto& u = *doc.find("k")->uncertainty;
    CHECK(u.min == 0.15);
    CHECK(u.max == 0.35);
    CHECK(u.distribution == "normal(0.25, 0.05)");
    const std::string xml = xmile::writeString(doc.project());
    CHECK(xml.find("<sdw:uncertainty min=\"0.15\" max=\"0.35\" distribution=\"normal(0.25, 0.05)\"") !=
          std::string::npos);
    // What a Monte Carlo draws from: the normal, truncated at the range (its median stays 0.25).
    const auto d = analysis::modelDistribution(*doc.find("k"));
    REQUIRE(d);
    CHECK(d->median() == Approx(0.25));
    CHECK(d->quantile(0.001) >= 0.15);
    REQUIRE(doc.undo());  // one step back: the model's own triangular
    CHECK(doc.find("k")->uncertainty->distribution == "triangular(0.1,0.2,0.4)");
    REQUIRE(doc.redo());

    const auto before = doc.project();
    CHECK_FALSE(app::setUncertainty(doc, "k", 0.3, 0.2, "", error));
    CHECK(error == "the range's low end must be below its high end");
    CHECK_FALSE(app::setUncertainty(doc, "k", 0.1, 0.4, "triangular(0.1,0.5,0.4)", error));
    CHECK(error == "triangular(lo,mode,hi) needs lo <= mode <= hi");
    CHECK_FALSE(app::setUncertainty(doc, "k", 0.1, 0.4, "gamma(2,1)", error));
    CHECK(error == "unknown distribution 'gamma' (use uniform, triangular, normal, lognormal or beta)");
    CHECK_FALSE(app::setUncertainty(doc, "k", 0.1, 0.4, "uniform(5,6)", error));
    CHECK(error.find("puts no weight between") != std::string::npos);
    CHECK_FALSE(app::setUncertainty(doc, "s", 0, 1, "", error));  // a stock
    CHECK(error.find("only a constant") == 0);
    CHECK(doc.project() == before);  // nothing reached the model

    REQUIRE(app::setUncertainty(doc, "k", 0.1, 0.3, "", error));  // uniform over the range
    CHECK(doc.find("k")->uncertainty->distribution.empty());
    REQUIRE(app::clearUncertainty(doc, "k"));
    CHECK_FALSE(doc.find("k")->uncertainty);
    CHECK_FALSE(app::clearUncertainty(doc, "k"));
}
