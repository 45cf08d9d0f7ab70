// Causes and uses of a variable: what its equation reads (and a stock's flows), what reads it (and the stocks
// a flow fills), on a small model read by hand. Layer: tests/workbench/app.
#include "workbench/app/relations.hpp"

#include <catch2/catch.hpp>

#include "workbench/app/document.hpp"

using namespace sdw;

TEST_CASE("relations: causes and uses follow equations and stock-flow links", "[relations]") {
    model::Model m;
    auto add = [&](model::VarKind kind, const std::string& name, const std::string& eq,
                   std::vector<std::string> in = {}, std::vector<std::string> out = {}) {
        model::Variable v;
        v.kind = kind;
        v.name = name;
        v.equation = eq;
        v.inflows = std::move(in);
        v.outflows = std::move(out);
        m.add(std::move(v));
    };
    add(model::VarKind::Stock, "waiting_list", "100", {"referrals"}, {"Assessments"});
    add(model::VarKind::Flow, "referrals", "referral_rate * population");
    add(model::VarKind::Flow, "assessments", "MIN(waiting_list / DT, assessment_CAPACITY)");
    add(model::VarKind::Aux, "referral_rate", "0.01");
    add(model::VarKind::Aux, "population", "5000");
    add(model::VarKind::Aux, "Assessment_Capacity", "40");
    add(model::VarKind::Aux, "wait_weeks", "waiting_list / assessments");

    const auto wl = app::relationsOf(m, "Waiting List");
    CHECK(wl.causes == std::vector<std::string>{"assessments", "referrals"});  // its flows
    CHECK(wl.uses == std::vector<std::string>{"assessments", "wait_weeks"});
    const auto as = app::relationsOf(m, "assessments");
    // written "assessment_CAPACITY" and "Assessments": found under any spelling; DT is no variable
    CHECK(as.causes == std::vector<std::string>{"Assessment_Capacity", "waiting_list"});
    CHECK(as.uses == std::vector<std::string>{"wait_weeks", "waiting_list"});
    CHECK(app::relationsOf(m, "population").causes.empty());
    CHECK(app::relationsOf(m, "population").uses == std::vector<std::string>{"referrals"});
    CHECK(app::relationsOf(m, "nothing").causes.empty());
}

TEST_CASE("relations: variables an equation reads with no connector drawn, a connector or an alias's counts",
          "[relations]") {
    app::Document d;
    d.createAux(0, 0, "a");
    d.createAux(100, 0, "c");
    d.createAux(50, 100, "b");
    d.setEquation("b", "a * 2 + c + TIME");
    d.connect("c", "b");
    CHECK(app::unlinkedCauses(d.model(), d.view(), "b") == std::vector<std::string>{"a"});
    CHECK(app::unlinkedCauses(d.model(), d.view(), "c").empty());  // a constant reads nothing
    const std::string ghost = d.createAlias("a", 0, 200);          // a connector from an alias of a
    REQUIRE(d.connect(ghost, "b"));
    CHECK(app::unlinkedCauses(d.model(), d.view(), "b").empty());
    CHECK(app::unlinkedCauses(d.model(), d.view(), "no such").empty());
}

TEST_CASE("relations: the county model draws a connector for every name its equations read",
          "[relations][county]") {
    // A default model that warned on 33 stocks (initial values read with no connector drawn) taught users to
    // ignore the warning; each now has its connector, from the variable or an alias beside the stock.
    diag::Diagnostics diags;
    const auto doc = app::Document::open(
        std::string(SDW_SOURCE_DIR) + "/models/adult_social_care/adult_social_care.xmile", diags);
    REQUIRE(doc);
    std::vector<std::string> warned;
    for (const auto& v : doc->model().variables)
        if (!app::unlinkedCauses(doc->model(), doc->view(), v.name).empty()) warned.push_back(v.name);
    CHECK(warned.empty());
}
