// Laying out a model read without a sketch: every variable gets a place, a flow between two stocks becomes
// a pipe from one stock's edge to the other's, the variables an equation reads get connectors, it is one
// undo step, and the places are saved in the XMILE.
#include <catch2/catch.hpp>
#include <cmath>

#include "solver/mdl/mdl_reader.hpp"
#include "solver/xmile/xmile.hpp"
#include "workbench/app/canvas_hint.hpp"
#include "workbench/app/document.hpp"

using namespace sdw;
using Kind = model::ViewObject::Kind;

namespace {

app::Document sketchless() {
    diag::Diagnostics d;
    auto p = mdl::readString(
        "{UTF-8}\nwaiting = INTEG(referrals - admissions, 10) ~~|\nin care = INTEG(admissions - leaving, 5) "
        "~~|\n"
        "referrals = 3 ~~|\nadmissions = waiting / wait time ~~|\nleaving = in care / 20 ~~|\n"
        "wait time = 4 ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 10 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n",
        d, "sketchless.mdl");
    REQUIRE(p);
    return app::Document::fromProject(*p, "sketchless.mdl");
}

bool connected(const app::Document& doc, const std::string& from, const std::string& to) {
    for (const auto& o : doc.view().objects)
        if (o.kind == Kind::Connector && model::canonicalName(o.from) == model::canonicalName(from) &&
            model::canonicalName(o.to) == model::canonicalName(to))
            return true;
    return false;
}

}  // namespace

TEST_CASE("document layout: a model without a sketch gets every variable placed", "[document][layout]") {
    app::Document doc = sketchless();
    REQUIRE_FALSE(app::emptyCanvasHint(doc.model(), doc.view()).empty());
    REQUIRE(doc.layOutMissing() == 6);
    for (const auto& v : doc.model().variables) CHECK(doc.viewObject(v.name));
    CHECK(app::emptyCanvasHint(doc.model(), doc.view()).empty());
    // admissions drains waiting and fills in care: its pipe runs from waiting's right edge to in care's left.
    const auto* w = doc.viewObject("waiting");
    const auto* c = doc.viewObject("in care");
    const auto* a = doc.viewObject("admissions");
    REQUIRE((w && c && a));
    REQUIRE(a->points.size() >= 2);
    CHECK(a->points.front().first == Approx(w->x + app::kStockWidth / 2));
    CHECK(a->points.back().first == Approx(c->x - app::kStockWidth / 2));
    // referrals fills waiting from a cloud on the left; leaving drains in care to a cloud on the right.
    CHECK(doc.viewObject("referrals")->points.back().first == Approx(w->x - app::kStockWidth / 2));
    CHECK(doc.viewObject("leaving")->points.front().first == Approx(c->x + app::kStockWidth / 2));
    CHECK(connected(doc, "waiting", "admissions"));
    CHECK(connected(doc, "wait time", "admissions"));
    CHECK(connected(doc, "in care", "leaving"));
    CHECK_FALSE(connected(doc, "admissions", "waiting"));  // a stock's causes are its pipes
    CHECK(doc.layOutMissing() == 0);                       // nothing left to place
}

TEST_CASE("document layout: one undo step, and the places are saved", "[document][layout]") {
    app::Document doc = sketchless();
    doc.layOutMissing();
    const std::string xmile = xmile::writeString(doc.project());
    diag::Diagnostics d;
    auto back = xmile::readString(xmile, d);
    REQUIRE(back);
    const app::Document reread = app::Document::fromProject(*back, "back.xmile");
    for (const auto& v : reread.model().variables) CHECK(reread.viewObject(v.name));
    REQUIRE(doc.undo());
    for (const auto& v : doc.model().variables) CHECK_FALSE(doc.viewObject(v.name));
}
