// Drawing the diagram's symbols: flow pipes with valves, clouds and handles, stocks with their level,
// auxiliaries, aliases, the no-value badge, sector groups and the grid. Layer: workbench/ui (ImGui). No Lua.
#include <algorithm>
#include <cmath>

#include "workbench/app/format.hpp"
#include "workbench/ui/canvas_parts.hpp"
#include "workbench/ui/theme.hpp"

namespace sdw::ui {

using model::canonicalName;

namespace {

void cloud(ImDrawList* dl, ImVec2 c, float r) {
    const auto& pal = theme::palette();
    const ImVec2 offs[] = {{-0.55f, 0.1f}, {0, -0.3f}, {0.55f, 0.1f}, {0, 0.3f}};
    for (auto o : offs)
        dl->AddCircleFilled(ImVec2(c.x + o.x * r, c.y + o.y * r), r * 0.55f, IM_COL32(255, 255, 255, 255));
    for (auto o : offs) dl->AddCircle(ImVec2(c.x + o.x * r, c.y + o.y * r), r * 0.55f, pal.cloud, 16, 1.2f);
    for (auto o : offs)
        dl->AddCircleFilled(ImVec2(c.x + o.x * r, c.y + o.y * r), r * 0.55f - 1.2f,
                            IM_COL32(255, 255, 255, 255));
}

bool flowEndAttached(const Workbench& wb, const std::string& flow, bool source) {
    for (const auto& v : wb.session().doc().model().variables) {
        if (v.kind != model::VarKind::Stock) continue;
        for (const auto& f : source ? v.outflows : v.inflows)
            if (canonicalName(f) == canonicalName(flow)) return true;
    }
    return false;
}

}  // namespace

std::vector<PipeHandle> pipeHandles(const CanvasState& cs, const model::ViewObject& flow) {
    std::vector<PipeHandle> out;
    const auto& pts = flow.points;
    if (pts.size() < 2) return out;
    std::vector<ImVec2> s;
    for (const auto& p : pts) s.push_back(cs.toScreen(p.first, p.second));
    out.push_back({{PipeGrip::Kind::Source, 0}, s.front()});
    out.push_back({{PipeGrip::Kind::Sink, pts.size() - 1}, s.back()});
    for (size_t i = 1; i + 1 < s.size(); ++i) out.push_back({{PipeGrip::Kind::Bend, i}, s[i]});
    constexpr float kMinBendable = 40;  // px: shorter segments would put the handle on the valve or an end
    const ImVec2 valve = cs.toScreen(flow.x, flow.y);
    for (size_t i = 0; i + 1 < s.size(); ++i) {
        const ImVec2 m((s[i].x + s[i + 1].x) / 2, (s[i].y + s[i + 1].y) / 2);
        const float len = std::hypot(s[i + 1].x - s[i].x, s[i + 1].y - s[i].y);
        const float offValve = std::hypot(m.x - valve.x, m.y - valve.y);
        if (len < kMinBendable) continue;
        // The valve often sits mid-segment: then offer the middle of the stretch between valve and end
        // instead.
        const ImVec2 at = offValve > 14 ? m : ImVec2((m.x + s[i + 1].x) / 2, (m.y + s[i + 1].y) / 2);
        out.push_back({{PipeGrip::Kind::Segment, i}, at});
    }
    return out;
}

void drawFlow(const Workbench& wb, const CanvasState& cs, ImDrawList* dl, const model::ViewObject& o,
              bool sel, bool hov) {
    const auto& pal = theme::palette();
    bool onLoop = false;  // the highlighted loop runs from this flow into its stock: the pipe is that link
    for (const auto& l : wb.loopHighlight) {
        const auto* to = l.from == canonicalName(o.name) ? wb.session().doc().find(l.to) : nullptr;
        onLoop = onLoop || (to && to->kind == model::VarKind::Stock);
    }
    const float w = std::max(3.0f, 7 * cs.zoom);
    std::vector<ImVec2> pts;
    for (auto& p : o.points) pts.push_back(cs.toScreen(p.first, p.second));
    if (pts.size() >= 2) {
        const ImU32 pipe = sel ? pal.selection : onLoop ? kLoopColour : pal.flowPipe;
        // One polyline per stroke, so the bends join cleanly.
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), pipe, ImDrawFlags_None, w);
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), IM_COL32(236, 248, 246, 255),
                        ImDrawFlags_None, w * 0.45f);
        const ImVec2 tip = pts.back(), prev = pts[pts.size() - 2];
        arrowHead(dl, tip, ImVec2(tip.x - prev.x, tip.y - prev.y), w * 2.4f, pipe);
        const float cr = std::max(6.0f, 13 * cs.zoom);
        auto cloudAt = [&](ImVec2 end, ImVec2 towards) {
            const ImVec2 d(end.x - towards.x, end.y - towards.y);
            const float l = std::max(1.0f, std::sqrt(d.x * d.x + d.y * d.y));
            cloud(dl, ImVec2(end.x + d.x / l * cr * 0.6f, end.y + d.y / l * cr * 0.6f), cr);
        };
        if (!flowEndAttached(wb, o.name, true)) cloudAt(pts.front(), pts[1]);
        if (!flowEndAttached(wb, o.name, false)) cloudAt(tip, prev);
        if (sel &&
            wb.selection.size() == 1)  // ends: drag onto a stock; bends: drag; segment middles: drag to bend
            for (const auto& h : pipeHandles(cs, o)) {
                if (h.grip.isEnd())
                    dl->AddCircleFilled(h.at, 5, pal.selection);
                else if (h.grip.kind == PipeGrip::Kind::Bend)
                    dl->AddRectFilled(ImVec2(h.at.x - 4.5f, h.at.y - 4.5f),
                                      ImVec2(h.at.x + 4.5f, h.at.y + 4.5f), pal.selection);
                else
                    dl->AddCircle(h.at, 4, pal.selection, 12, 1.5f);
            }
    }
    const ImVec2 c = cs.toScreen(o.x, o.y);
    const float r = std::max(4.0f, 8 * cs.zoom);
    dl->AddCircleFilled(c, r, hov ? IM_COL32(220, 242, 238, 255) : IM_COL32(255, 255, 255, 255));
    dl->AddCircle(c, r, sel ? pal.selection : pal.flowValve, 20, sel ? 2.5f : 1.6f);
    // The valve turns with the segment it sits on.
    size_t seg = 0;
    if (o.points.size() >= 2) app::pipePointAt(o.points, app::pipeFraction(o.points, o.x, o.y), &seg);
    const bool vertical = o.points.size() >= 2 && std::abs(o.points[seg].first - o.points[seg + 1].first) < 1;
    if (vertical)
        dl->AddLine(ImVec2(c.x - r, c.y), ImVec2(c.x + r, c.y), pal.flowValve, 1.6f);
    else
        dl->AddLine(ImVec2(c.x, c.y - r), ImVec2(c.x, c.y + r), pal.flowValve, 1.6f);
    const float ls = labelSize(cs);
    const ImVec2 at = vertical ? ImVec2(c.x + r + 4 + 45 * cs.zoom, c.y - ls / 2) : ImVec2(c.x, c.y + r + 2);
    if (!namedByReading(cs, o.name))
        label(dl, theme::fonts().regular, ls, at, pal.flowText, app::displayName(o.name), labelWrap(cs, 110));
}

namespace {

// Does a pipe attached to this stock meet its bottom (or top) edge?
bool pipeOnEdge(const Workbench& wb, const model::ViewObject& stock, bool bottom) {
    const auto* v = wb.session().doc().find(stock.name);
    if (!v) return false;
    const double edgeY = stock.y + (bottom ? 1 : -1) * stockH(stock) / 2;
    auto meets = [&](const std::string& flow, bool source) {
        const auto* f = wb.session().doc().viewObject(flow);
        if (!f || f->points.size() < 2) return false;
        const auto& end = source ? f->points.front() : f->points.back();
        return std::abs(end.second - edgeY) < 2 && std::abs(end.first - stock.x) < stockW(stock) / 2;
    };
    return std::any_of(v->outflows.begin(), v->outflows.end(), [&](auto& f) { return meets(f, true); }) ||
           std::any_of(v->inflows.begin(), v->inflows.end(), [&](auto& f) { return meets(f, false); });
}

void dashedPolyline(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 col, float thick, float dash) {
    for (size_t i = 1; i < pts.size(); ++i) {
        const ImVec2 a = pts[i - 1], b = pts[i];
        const float len = std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
        for (float t = 0; t < len; t += dash * 2) {
            const float u0 = t / len, u1 = std::min(len, t + dash) / len;
            dl->AddLine(ImVec2(a.x + (b.x - a.x) * u0, a.y + (b.y - a.y) * u0),
                        ImVec2(a.x + (b.x - a.x) * u1, a.y + (b.y - a.y) * u1), col, thick);
        }
    }
}

// Slant the glyphs added since vertex `first` (ImGui has no italic face): x moves with height above `baseY`.
void slant(ImDrawList* dl, int first, float baseY, float amount) {
    for (int i = first; i < dl->VtxBuffer.Size; ++i)
        dl->VtxBuffer[i].pos.x += (baseY - dl->VtxBuffer[i].pos.y) * amount;
}

}  // namespace

void drawStock(const Workbench& wb, const CanvasState& cs, ImDrawList* dl, const model::ViewObject& o,
               bool sel, bool hov) {
    const auto& pal = theme::palette();
    const ImVec2 c = cs.toScreen(o.x, o.y);
    const float hw = static_cast<float>(stockW(o) / 2) * cs.zoom,
                hh = static_cast<float>(stockH(o) / 2) * cs.zoom;
    const ImVec2 lo(c.x - hw, c.y - hh), hi(c.x + hw, c.y + hh);
    dl->AddRectFilled(lo, hi, hov ? IM_COL32(220, 233, 248, 255) : pal.stockFill, 3);
    const auto v = wb.session().valueAt(o.name, wb.session().playback().time);
    const auto range = wb.session().seriesRange(o.name);
    if (v && range && range->second > 0) {  // the level: share of the run's maximum
        const float frac = static_cast<float>(std::clamp(*v / range->second, 0.0, 1.0));
        dl->AddRectFilled(ImVec2(lo.x + 1.5f, hi.y - (hi.y - lo.y - 3) * frac - 1.5f),
                          ImVec2(hi.x - 1.5f, hi.y - 1.5f), pal.stockLevel, 2);
    }
    dl->AddRect(lo, hi, sel ? pal.selection : pal.stockBorder, 3, 0, sel ? 3.0f : 1.8f);
    const float ls = labelSize(cs);
    if (v && ls >= kMinReadablePx && hh * 2 > ls * 1.2f) {
        const std::string s = app::compactNumber(*v);
        const ImVec2 ts = theme::fonts().bold->CalcTextSizeA(ls, 1e9f, 0, s.c_str());
        dl->AddText(theme::fonts().bold, ls, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), pal.text, s.c_str());
    }
    // The name goes under the box, unless a pipe leaves from the bottom and none from the top: then above it.
    const bool above = pipeOnEdge(wb, o, true) && !pipeOnEdge(wb, o, false);
    // Stocks keep their names at the smallest readable size: with the sector titles they are what a whole
    // model fitted on screen shows.
    const float ns = labelPlan(cs.zoom, ImGui::GetFontSize()).stockNames;
    if (overview(cs) || namedByReading(cs, o.name)) return;  // (the overview pass: canvas_overview.cpp)
    label(dl, theme::fonts().bold, ns, ImVec2(c.x, above ? lo.y - 3 : hi.y + 3), pal.stockBorder,
          app::displayName(o.name), std::max({hw * 2 + 30 * cs.zoom, labelWrap(cs, 120), ns * 7}), above);
}

void drawAux(const CanvasState& cs, ImDrawList* dl, const model::ViewObject& o, bool sel, bool hov) {
    const auto& pal = theme::palette();
    const ImVec2 c = cs.toScreen(o.x, o.y);
    const float r = std::max(4.0f, static_cast<float>(app::kAuxRadius) * cs.zoom);
    dl->AddCircleFilled(c, r, hov ? IM_COL32(252, 232, 196, 255) : pal.auxFill, 24);
    dl->AddCircle(c, r, sel ? pal.selection : pal.auxBorder, 24, sel ? 3.0f : 1.6f);
    label(dl, theme::fonts().regular, labelSize(cs), ImVec2(c.x, c.y + r + 2), pal.text,
          app::displayName(o.name), labelWrap(cs, 110));
}

// An alias (ghost): the shape of its variable, pale fill, dashed outline, italic muted name. It shows no
// value of its own: the original does.
void drawAlias(const Workbench& wb, const CanvasState& cs, ImDrawList* dl, const model::ViewObject& o,
               bool sel, bool hov) {
    const auto& pal = theme::palette();
    const ImVec2 c = cs.toScreen(o.x, o.y);
    const ImU32 line = sel ? pal.selection : pal.alias;
    const float thick = sel ? 2.5f : 1.5f, dash = std::max(3.0f, 5 * cs.zoom);
    const ImU32 fill = hov ? IM_COL32(236, 236, 236, 255) : IM_COL32(248, 248, 248, 255);
    float bottom = c.y;
    if (aliasShape(wb, o) == Kind::Stock) {
        const ImVec2 half = aliasStockHalf(wb, cs, o);
        const ImVec2 lo(c.x - half.x, c.y - half.y), hi(c.x + half.x, c.y + half.y);
        dl->AddRectFilled(lo, hi, fill, 3);
        dashedPolyline(dl, {lo, ImVec2(hi.x, lo.y), hi, ImVec2(lo.x, hi.y), lo}, line, thick, dash);
        bottom = hi.y;
    } else {
        const float r = std::max(4.0f, static_cast<float>(app::kAuxRadius) * cs.zoom);
        dl->AddCircleFilled(c, r, fill, 24);
        std::vector<ImVec2> ring;
        for (int i = 0; i <= 24; ++i)
            ring.emplace_back(c.x + r * std::cos(i * 2 * kPi / 24), c.y + r * std::sin(i * 2 * kPi / 24));
        dashedPolyline(dl, ring, line, thick, dash * 0.6f);
        if (aliasShape(wb, o) == Kind::Flow)
            dl->AddLine(ImVec2(c.x, c.y - r), ImVec2(c.x, c.y + r), pal.alias, 1.2f);
        bottom = c.y + r;
    }
    const float ls = labelSize(cs);
    const int first = dl->VtxBuffer.Size;
    label(dl, theme::fonts().regular, ls, ImVec2(c.x, bottom + 2), pal.textMuted, app::displayName(o.name),
          labelWrap(cs, 110));
    slant(dl, first, bottom + 2 + ls, 0.2f);
}

// A red badge on a variable: "!" when it had no value (NaN or infinite) somewhere in the run (the run goes
// on and the rest of the diagram shows its values), "?" when its equation has an error; the hover readout
// and Diagnostics say which.
void drawBadge(const Workbench& wb, const CanvasState& cs, ImDrawList* dl, const model::ViewObject& o,
               const char* glyph) {
    const Anchor a = anchorOf(wb, cs, o.name, false);
    if (!a.ok) return;
    const float r = std::max(5.0f, 7 * std::min(cs.zoom, 1.4f));
    const ImVec2 at =
        a.r > 0 ? ImVec2(a.c.x + a.r * 0.8f, a.c.y - a.r * 0.8f) : ImVec2(a.c.x + a.hw, a.c.y - a.hh);
    dl->AddCircleFilled(at, r, theme::palette().error, 16);
    const float fs = r * 1.6f;
    const ImVec2 ts = theme::fonts().bold->CalcTextSizeA(fs, 1e9f, 0, glyph);
    dl->AddText(theme::fonts().bold, fs, ImVec2(at.x - ts.x / 2, at.y - ts.y / 2),
                IM_COL32(255, 255, 255, 255), glyph);
}

void drawGroup(const CanvasState& cs, ImDrawList* dl, const model::ViewObject& o) {
    if (!o.width || !o.height) return;
    const auto& pal = theme::palette();
    const ImVec2 lo = cs.toScreen(o.x - *o.width / 2, o.y - *o.height / 2);
    const ImVec2 hi = cs.toScreen(o.x + *o.width / 2, o.y + *o.height / 2);
    dl->AddRectFilled(lo, hi, pal.groupFill, 8);
    dl->AddRect(lo, hi, pal.groupBorder, 8, 0, 1.2f);
    const float ls = ImGui::GetFontSize() * std::clamp(cs.zoom * 1.6f, 0.8f, 1.6f);
    if (!overview(cs))  // else on top of everything, in the overview pass
        dl->AddText(theme::fonts().bold, ls, ImVec2(lo.x + 10, lo.y + 6), pal.groupText, o.name.c_str());
}

void drawGrid(const CanvasState& cs, ImDrawList* dl, ImVec2 area) {
    const auto& pal = theme::palette();
    dl->AddRectFilled(cs.origin, ImVec2(cs.origin.x + area.x, cs.origin.y + area.y), pal.canvasBg);
    float step = static_cast<float>(app::kGrid * 5) * cs.zoom;
    while (step < 24) step *= 2;
    const float ox = std::fmod(cs.pan.x, step), oy = std::fmod(cs.pan.y, step);
    for (float x = cs.origin.x + ox; x < cs.origin.x + area.x; x += step)
        dl->AddLine(ImVec2(x, cs.origin.y), ImVec2(x, cs.origin.y + area.y), pal.grid);
    for (float y = cs.origin.y + oy; y < cs.origin.y + area.y; y += step)
        dl->AddLine(ImVec2(cs.origin.x, y), ImVec2(cs.origin.x + area.x, y), pal.grid);
}

}  // namespace sdw::ui
