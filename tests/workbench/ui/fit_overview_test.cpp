// Fit shows the whole diagram, and zoomed out that far it draws what can be read: the sector titles and the
// stocks' names, never over one another; the small names are left out, not drawn as specks. Checked on the
// draw decisions (labelPlan, overviewLabels). Layer: tests/workbench/ui.
#include <algorithm>
#include <catch2/catch.hpp>

#include "tests/workbench/ui/headless_ui.hpp"

using namespace sdw;
using Kind = model::ViewObject::Kind;

TEST_CASE("fit: labels under the readable size are left out, stock names stay readable",
          "[workbench][canvas]") {
    // fontSize x min(zoom, 1.25): 15 px type at 100%, 7.5 px at 50% (under 9: left out), 18.75 px at most
    CHECK(ui::labelPlan(1.0f, 15).names == Approx(15));
    CHECK(ui::labelPlan(1.0f, 15).stockNames == Approx(15));
    CHECK(ui::labelPlan(0.5f, 15).names == 0);
    CHECK(ui::labelPlan(0.5f, 15).stockNames == Approx(ui::kMinReadablePx));
    CHECK(ui::labelPlan(0.6f, 15).names == Approx(9));
    CHECK(ui::labelPlan(3.0f, 15).names == Approx(18.75));
}

TEST_CASE("fit: Fit shows the whole county diagram with sector titles and stock names only, none overlapping",
          "[workbench][gui][canvas]") {
    test::HeadlessUi ui;
    ui::Workbench wb;
    ui.openCounty(wb);
    ui.frame(wb);
    const auto& cs = ui.canvas();
    CHECK_FALSE(ui::overview(cs));  // opened: a readable zoom on its first sector, names shown
    wb.panel<ui::CanvasPanel>().fit();
    ui.frame(wb);
    ui.frame(wb);
    REQUIRE(cs.area.x > 0);
    const auto& objects = wb.session().doc().view().objects;
    for (const auto& o : objects) {
        if (o.kind == Kind::Connector) continue;
        const ImVec2 p = cs.toScreen(o.x, o.y);
        INFO(o.name);
        CHECK(p.x >= cs.origin.x);
        CHECK(p.x <= cs.origin.x + cs.area.x);
        CHECK(p.y >= cs.origin.y);
        CHECK(p.y <= cs.origin.y + cs.area.y);
    }
    REQUIRE(ui::overview(cs));  // 1,209 objects fitted whole: too small for the auxiliaries' names
    ImGui::NewFrame();          // the decision reads the font, as during a frame
    const auto labels = ui::overviewLabels(wb, cs, cs.area);
    ImGui::EndFrame();
    size_t sectors = 0, stocks = 0;
    for (size_t i = 0; i < labels.size(); ++i) {
        const auto& l = labels[i];
        INFO(l.text);
        CHECK(l.size >= ui::kMinReadablePx);
        (l.sector ? sectors : stocks)++;
        if (!l.sector) {  // a stock's name, nothing else
            const auto* v = wb.session().doc().find(l.text);
            REQUIRE(v);
            CHECK(v->kind == model::VarKind::Stock);
        }
        for (size_t j = 0; j < i; ++j) {
            const auto& m = labels[j];
            CHECK_FALSE(
                (l.rect.x < m.rect.z && m.rect.x < l.rect.z && l.rect.y < m.rect.w && m.rect.y < l.rect.w));
        }
    }
    // All seven sector titles, each within its sector's width: at Fit's zoom a title in full type was wider
    // than its sector, ran over the next one's title, and two of the seven were left out.
    CHECK(sectors == 7);
    CHECK(stocks >= 10);
    for (const auto& l : labels) {
        if (!l.sector) continue;
        INFO(l.text);
        const auto* g = std::find_if(objects.data(), objects.data() + objects.size(), [&](const auto& o) {
            return o.kind == Kind::Group && o.name == l.text;
        });
        REQUIRE(g != objects.data() + objects.size());
        CHECK(l.rect.x >= cs.toScreen(g->x - *g->width / 2, 0).x);
        CHECK(l.rect.z <= cs.toScreen(g->x + *g->width / 2, 0).x);
    }
}
