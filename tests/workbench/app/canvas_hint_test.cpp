// The empty diagram's hint: an empty model invites drawing; a Vensim file without a sketch is not called
// empty but said to have no diagram, with its variable count; a diagram showing a variable has no hint.
#include "workbench/app/canvas_hint.hpp"

#include <catch2/catch.hpp>

#include "solver/mdl/mdl_reader.hpp"

using namespace sdw;

namespace {

model::Project readMdl(const std::string& equations) {
    diag::Diagnostics d;
    auto p =
        mdl::readString("{UTF-8}\n" + equations +
                            "INITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n",
                        d, "hint.mdl");
    REQUIRE(p);
    return *p;
}

}  // namespace

TEST_CASE("canvas hint: an empty model invites drawing", "[canvas_hint]") {
    const std::string hint = app::emptyCanvasHint(model::Model{}, model::View{});
    CHECK(hint.find("Empty model") == 0);
}

TEST_CASE("canvas hint: a Vensim file without a sketch has no diagram, not no model", "[canvas_hint]") {
    const model::Project p = readMdl("s = INTEG(f, 0) ~~|\nf = 2 ~~|\nrate = 3 ~~|\n");
    const model::View none = p.main().views.empty() ? model::View{} : p.main().views.front();
    const std::string hint = app::emptyCanvasHint(p.main(), none);
    CHECK(hint.find("Empty model") == std::string::npos);
    CHECK(hint.find("No diagram: this model's 3 variables have no places here") == 0);
}

TEST_CASE("canvas hint: a diagram showing a variable needs no hint", "[canvas_hint]") {
    const model::Project p = readMdl("s = INTEG(f, 0) ~~|\nf = 2 ~~|\n");
    model::View view;
    model::ViewObject o;
    o.kind = model::ViewObject::Kind::Stock;
    o.name = "s";
    view.objects.push_back(o);
    CHECK(app::emptyCanvasHint(p.main(), view).empty());
    model::ViewObject text;  // a text box alone shows no variable
    text.kind = model::ViewObject::Kind::Text;
    text.text = "notes";
    CHECK_FALSE(app::emptyCanvasHint(p.main(), model::View{"", {text}, {}}).empty());
}
