// Presentation mode's diagram readouts: stock levels and flow rates at the time cursor in large type, and
// the flows' rates moving on their pipes. Layer: workbench/ui (ImGui). No Lua.
#include <algorithm>
#include <cmath>

#include "workbench/app/format.hpp"
#include "workbench/app/quantity.hpp"
#include "workbench/ui/canvas.hpp"
#include "workbench/ui/theme.hpp"

namespace sdw::ui {

using Kind = model::ViewObject::Kind;

namespace {

bool overlaps(const ImVec4& a, const ImVec4& b) {
    return a.x < b.z && b.x < a.z && a.y < b.w && b.y < a.w;
}

bool inside(const ImVec4& r, const ImVec4& bounds) {
    return r.x >= bounds.x && r.y >= bounds.y && r.z <= bounds.z && r.w <= bounds.w;
}

// Length of a screen polyline and the point at a distance along it.
float polyLength(const std::vector<ImVec2>& p) {
    float len = 0;
    for (size_t i = 1; i < p.size(); ++i) len += std::hypot(p[i].x - p[i - 1].x, p[i].y - p[i - 1].y);
    return len;
}
ImVec2 alongPoly(const std::vector<ImVec2>& p, float d) {
    for (size_t i = 1; i < p.size(); ++i) {
        const float seg = std::hypot(p[i].x - p[i - 1].x, p[i].y - p[i - 1].y);
        if (d <= seg && seg > 0)
            return ImVec2(p[i - 1].x + (p[i].x - p[i - 1].x) * d / seg,
                          p[i - 1].y + (p[i].y - p[i - 1].y) * d / seg);
        d -= seg;
    }
    return p.back();
}

}  // namespace

std::string readingText(const Workbench& wb, const std::string& name, double value) {
    const auto* v = wb.session().doc().find(name);
    // Money as the rest of the workbench reads it ("£1.4bn", not 1415.68M); other values compact.
    const double pounds = v ? app::moneyScale(v->units) : 0;
    std::string text = pounds > 0 ? app::money(value * pounds) : app::compactNumber(value);
    if (v && v->kind == model::VarKind::Flow) {
        const auto slash = v->units.rfind('/');
        const std::string per = slash != std::string::npos ? v->units.substr(slash + 1)
                                                           : wb.session().doc().project().specs.timeUnits;
        if (!per.empty()) text += "/" + per;
    }
    return text;
}

std::vector<Reading> placeReadings(const Workbench& wb, const CanvasState& cs, ImVec2 area, ImVec4 within) {
    std::vector<Reading> placed;
    const ImVec4 bounds = within.z > within.x && within.w > within.y
                              ? within
                              : ImVec4(cs.origin.x, cs.origin.y, cs.origin.x + area.x, cs.origin.y + area.y);
    const auto& s = wb.session();
    const double t = s.playback().time;
    ImFont* font = theme::fonts().largeBold ? theme::fonts().largeBold : ImGui::GetFont();
    const auto& pal = theme::palette();
    const LoopFocus focus(wb);  // a loop highlighted: its readings only, the rest of the diagram recedes
    for (const Kind kind : {Kind::Stock, Kind::Flow}) {
        const float size = font->FontSize * (kind == Kind::Stock ? 1.0f : 0.8f);
        for (const auto& o : s.doc().view().objects) {
            if (o.kind != kind || !focus.keeps(o.name)) continue;
            const auto v = s.valueAt(o.name, t);
            if (!v || !std::isfinite(*v)) continue;
            const std::string text = readingText(wb, o.name, *v);
            // Its name in smaller type over the number: a number alone on a crowded diagram says nothing.
            const std::string name = app::displayName(o.name);
            const float nameSize = std::max(kMinReadablePx + 3, size * 0.5f);
            const ImVec2 ts = font->CalcTextSizeA(size, 1e9f, 0, text.c_str());
            const ImVec2 ns = font->CalcTextSizeA(nameSize, 1e9f, 0, name.c_str());
            const float w = std::max(ts.x, ns.x), h = ts.y + ns.y;
            const ImVec2 c = cs.toScreen(o.x, o.y);
            // A stock's level over its box; a flow's rate just under its valve.
            const float top = kind == Kind::Stock ? c.y - h / 2 : c.y + 8 * std::max(cs.zoom, 0.5f);
            const ImVec4 r(c.x - w / 2 - 6, top - 2, c.x + w / 2 + 6, top + h + 2);
            if (!inside(r, bounds) || std::any_of(placed.begin(), placed.end(),
                                                  [&](const Reading& p) { return overlaps(p.rect, r); }))
                continue;
            placed.push_back(
                {o.name, text, r, size, nameSize, kind == Kind::Stock ? pal.stockBorder : pal.flowText});
        }
    }
    return placed;
}

void drawReadings(ImDrawList* dl, const std::vector<Reading>& readings) {
    ImFont* font = theme::fonts().largeBold ? theme::fonts().largeBold : ImGui::GetFont();
    for (const Reading& p : readings) {
        const ImVec4& r = p.rect;
        const float cx = (r.x + r.z) / 2;
        const std::string name = app::displayName(p.name);
        const ImVec2 ts = font->CalcTextSizeA(p.size, 1e9f, 0, p.text.c_str());
        const ImVec2 ns = font->CalcTextSizeA(p.nameSize, 1e9f, 0, name.c_str());
        dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.z, r.w), IM_COL32(255, 255, 255, 235), 6);
        dl->AddRect(ImVec2(r.x, r.y), ImVec2(r.z, r.w), p.ink, 6, 0, 2);
        dl->AddText(font, p.nameSize, ImVec2(cx - ns.x / 2, r.y + 2), p.ink, name.c_str());
        dl->AddText(font, p.size, ImVec2(cx - ts.x / 2, r.y + 2 + ns.y), p.ink, p.text.c_str());
    }
}

bool namedByReading(const CanvasState& cs, const std::string& name) {
    return std::find(cs.namedByReadings.begin(), cs.namedByReadings.end(), name) != cs.namedByReadings.end();
}

void drawFlowMotion(const Workbench& wb, const CanvasState& cs, ImDrawList* dl, double wallSeconds) {
    const auto& s = wb.session();
    const float spacing = std::max(14.0f, 28 * cs.zoom), radius = std::max(2.0f, 3.2f * cs.zoom);
    const LoopFocus focus(wb);  // a loop highlighted: only its flows move
    for (const auto& o : s.doc().view().objects) {
        if (o.kind != Kind::Flow || o.points.size() < 2 || !focus.keeps(o.name)) continue;
        const auto v = s.valueAt(o.name, s.playback().time);
        const auto range = s.seriesRange(o.name);
        if (!v || !range || !std::isfinite(*v)) continue;
        const double biggest = std::max(std::abs(range->first), std::abs(range->second));
        if (biggest <= 0) continue;
        const double share = std::clamp(*v / biggest, -1.0, 1.0);  // of the run's largest rate
        std::vector<ImVec2> pts;
        for (const auto& [x, y] : o.points) pts.push_back(cs.toScreen(x, y));
        const float len = polyLength(pts);
        if (len < spacing) continue;
        // At the largest rate a dot moves three spacings a second.
        const float phase = static_cast<float>(std::fmod(wallSeconds * 3 * share * spacing, spacing));
        for (float d = phase < 0 ? phase + spacing : phase; d < len; d += spacing)
            dl->AddCircleFilled(alongPoly(pts, d), radius, theme::palette().flowText, 10);
    }
}

}  // namespace sdw::ui
