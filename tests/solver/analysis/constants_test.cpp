// Tests of distributions as model data: <sdw:uncertainty ... distribution="..."/> read, kept by the canonical
// writer, refused with a warning when wrong; listing constants with value, units, range, distribution and
// source; the county model's assumptions carry theirs. Layer: tests/solver.
#include "solver/analysis/constants.hpp"

#include <catch2/catch.hpp>

#include "solver/xmile/xmile.hpp"
#include "tests/solver/model_test_util.hpp"

using namespace sdw;

namespace {

const char* const kHead =
    R"(<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0" xmlns:sdw="urn:sdw:xmile:1">)"
    "<header><vendor>v</vendor><product version=\"1\">p</product></header>"
    "<sim_specs><start>0</start><stop>10</stop><dt>1</dt></sim_specs><model><variables>";

model::Project read(const std::string& vars, diag::Diagnostics& diags) {
    auto p = xmile::readString(std::string(kHead) + vars + "</variables></model></xmile>", diags);
    REQUIRE(p);
    return std::move(*p);
}

}  // namespace

TEST_CASE("constants: a distribution on a plausible range round-trips through the canonical writer",
          "[distribution][xmile]") {
    diag::Diagnostics diags;
    const auto p = read(
        "<aux name=\"k\"><doc>Assumption: a rate.</doc><eqn>0.3</eqn><units>1/year</units>"
        "<sdw:uncertainty min=\"0.2\" max=\"0.4\" distribution=\"triangular(0.2,0.3,0.4)\" "
        "later=\"x\"/></aux>",
        diags);
    CHECK(diags.items().empty());
    const auto* k = p.main().find("k");
    REQUIRE(k->uncertainty);
    CHECK(k->uncertainty->distribution == "triangular(0.2,0.3,0.4)");
    CHECK(k->uncertainty->extraAttrs.size() == 1);  // an attribute of a later version, kept
    const std::string written = xmile::writeString(p);
    CHECK(written.find("<sdw:uncertainty min=\"0.2\" max=\"0.4\" distribution=\"triangular(0.2,0.3,0.4)\" "
                       "later=\"x\"/>") != std::string::npos);
    diag::Diagnostics again;
    const auto p2 = xmile::readString(written, again);
    REQUIRE(p2);
    CHECK(p2->main().find("k")->uncertainty == k->uncertainty);
    CHECK(xmile::writeString(*p2) == written);
}

TEST_CASE("constants: a wrong distribution is a warning naming it, kept as written, draws stay uniform",
          "[distribution][xmile]") {
    diag::Diagnostics diags;
    const auto p = read(
        "<aux name=\"k\"><eqn>0.3</eqn><sdw:uncertainty min=\"0.2\" max=\"0.4\" "
        "distribution=\"triangular(0.2,0.5,0.4)\"/></aux>"
        "<aux name=\"j\"><eqn>1</eqn><sdw:uncertainty min=\"0\" max=\"1\" "
        "distribution=\"uniform(5,6)\"/></aux>",
        diags);
    REQUIRE(diags.items().size() == 2);
    CHECK(diags.items()[0].code == std::string("W104"));
    CHECK(diags.items()[0].message.find("'k'") != std::string::npos);
    CHECK(diags.items()[0].message.find("lo <= mode <= hi") != std::string::npos);
    CHECK(diags.items()[1].message.find("no probability between min and max") != std::string::npos);
    const auto* k = p.main().find("k");
    CHECK(k->uncertainty->distribution.empty());
    CHECK(xmile::writeString(p).find("distribution=\"triangular(0.2,0.5,0.4)\"") != std::string::npos);
    const auto d = analysis::modelDistribution(*k);
    REQUIRE(d);
    CHECK(d->kind == analysis::Distribution::Kind::Uniform);
    CHECK(d->quantile(0.5) == Approx(0.3));
}

TEST_CASE("constants: a model's constants are listed with value, units, range, distribution and source",
          "[distribution]") {
    diag::Diagnostics diags;
    const auto p = read(
        "<aux name=\"Rate\"><doc>004 L877</doc><eqn>0.3</eqn><units>1/year</units>"
        "<sdw:uncertainty min=\"0.2\" max=\"0.4\" distribution=\"normal(0.3,0.05)\"/></aux>"
        "<aux name=\"plain\"><eqn>2</eqn></aux><aux name=\"ranged\"><eqn>5</eqn>"
        "<sdw:uncertainty min=\"4\" max=\"6\"/></aux><aux name=\"computed\"><eqn>Rate * 2</eqn>"
        "</aux><stock name=\"s\"><eqn>1</eqn></stock>",
        diags);
    const auto list = analysis::listConstants(p);
    REQUIRE(list.size() == 3);
    CHECK(list[0].name == "Rate");
    CHECK(list[0].value == 0.3);
    CHECK(list[0].units == "1/year");
    CHECK(list[0].source == "004 L877");
    CHECK(list[0].distribution == "normal(0.3,0.05)");
    CHECK((list[0].min == 0.2 && list[0].max == 0.4));
    CHECK_FALSE(list[1].min);
    CHECK(list[1].distribution.empty());
    CHECK(list[2].distribution == "uniform(4,6)");
    // The model's normal is truncated at its range.
    const auto d = analysis::modelDistribution(*p.main().find("rate"));
    REQUIRE(d);
    CHECK(d->quantile(0.0) == 0.2);
    CHECK(d->quantile(1.0) == 0.4);
}

TEST_CASE("constants: the county model's assumptions carry a distribution within their range", "[county]") {
    diag::Diagnostics diags;
    auto p = io::loadModelFile(test::sourcePath(test::kCounty), diags);
    REQUIRE(p);
    CHECK_FALSE(diags.hasErrors());
    CHECK(diags.warningCount() == 0);
    size_t assumptions = 0, withDistribution = 0;
    for (const auto& v : p->main().variables) {
        if (v.doc.rfind("Assumption", 0) != 0 || !v.uncertainty) continue;
        ++assumptions;
        if (v.uncertainty->distribution.empty()) continue;
        ++withDistribution;
        const auto d = analysis::modelDistribution(v);
        REQUIRE(d);
        CHECK(d->lower() >= v.uncertainty->min);
        CHECK(d->upper() <= v.uncertainty->max);
    }
    CHECK(assumptions > 80);
    CHECK(withDistribution + 5 >= assumptions);  // all but those whose value lies outside the range
}
