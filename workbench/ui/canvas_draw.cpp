// Drawing the stock-and-flow diagram: groups, stocks with their level, flow pipes with valves and clouds,
// auxiliaries, curved connectors, aliases, the no-value badge; hit testing (hover readout and time scrubber:
// canvas_readout.cpp). Layer: workbench/ui (ImGui). No Lua.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "workbench/app/format.hpp"
#include "workbench/ui/canvas.hpp"
#include "workbench/ui/theme.hpp"
#include "workbench/ui/widgets/time_plot.hpp"

namespace sdw::ui {

using Kind = model::ViewObject::Kind;
using model::canonicalName;

namespace {

constexpr double kDefaultStockW = 45, kDefaultStockH = 35;  // Stella's defaults when the file gives no size
constexpr float kPi = 3.14159265f;

double stockW(const model::ViewObject& o) {
    return o.width.value_or(kDefaultStockW);
}
double stockH(const model::ViewObject& o) {
    return o.height.value_or(kDefaultStockH);
}

// Labels scale with the diagram (labelPlan, canvas.hpp); those too small to read are not drawn: the hover
// readout and zooming in show the names.
float labelSize(const CanvasState& cs) {
    return labelPlan(cs.zoom, ImGui::GetFontSize()).names;
}
float labelWrap(const CanvasState& cs, float atFullZoom) {
    return atFullZoom * cs.zoom;
}

// Centred, word-wrapped label whose top is at `top` (or, with `above`, whose bottom is there).
void label(ImDrawList* dl, ImFont* font, float size, ImVec2 top, ImU32 col, const std::string& text,
           float maxW, bool above = false) {
    if (size < kMinReadablePx) return;
    std::vector<std::string> lines;
    std::string line, word;
    auto width = [&](const std::string& s) { return font->CalcTextSizeA(size, 1e9f, 0, s.c_str()).x; };
    auto flushWord = [&] {
        if (word.empty()) return;
        if (!line.empty() && width(line + " " + word) > maxW) {
            lines.push_back(line);
            line = word;
        } else {
            line = line.empty() ? word : line + " " + word;
        }
        word.clear();
    };
    for (char c : text) {
        if (c == ' ')
            flushWord();
        else
            word.push_back(c);
    }
    flushWord();
    if (!line.empty()) lines.push_back(line);
    float y = above ? top.y - size * 1.05f * static_cast<float>(lines.size()) : top.y;
    // A backing in the sector's colour: a pipe or connector passing under a name no longer cuts through it.
    const ImU32 backing = (theme::palette().groupFill & 0x00FFFFFF) | 0xF0000000;
    for (const auto& l : lines) {
        const float w = width(l);
        dl->AddRectFilled(ImVec2(top.x - w / 2 - 2, y), ImVec2(top.x + w / 2 + 2, y + size * 1.02f), backing,
                          3);
        dl->AddText(font, size, ImVec2(top.x - w / 2, y), col, l.c_str());
        y += size * 1.05f;
    }
}

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

void arrowHead(ImDrawList* dl, ImVec2 tip, ImVec2 dir, float size, ImU32 col) {
    const float len = std::sqrt(dir.x * dir.x + dir.y * dir.y);
    if (len < 1e-6f) return;
    const ImVec2 d(dir.x / len, dir.y / len), n(-d.y, d.x);
    const ImVec2 base(tip.x - d.x * size, tip.y - d.y * size);
    dl->AddTriangleFilled(tip, ImVec2(base.x + n.x * size * 0.5f, base.y + n.y * size * 0.5f),
                          ImVec2(base.x - n.x * size * 0.5f, base.y - n.y * size * 0.5f), col);
}

// An alias is drawn in the shape of the variable it stands for.
Kind aliasShape(const Workbench& wb, const model::ViewObject& alias) {
    const auto* v = wb.session().doc().find(alias.name);
    if (!v) return Kind::Aux;
    return v->kind == model::VarKind::Stock  ? Kind::Stock
           : v->kind == model::VarKind::Flow ? Kind::Flow
                                             : Kind::Aux;
}

// An alias of a stock is drawn at its original's size (on screen, half width and half height), so the two
// read as the same thing.
ImVec2 aliasStockHalf(const Workbench& wb, const CanvasState& cs, const model::ViewObject& alias) {
    const auto* orig = wb.session().doc().viewObject(alias.name);
    const double w = orig ? stockW(*orig) : kDefaultStockW, h = orig ? stockH(*orig) : kDefaultStockH;
    return ImVec2(static_cast<float>(w / 2) * cs.zoom, static_cast<float>(h / 2) * cs.zoom);
}

// Where a variable's symbol sits on screen and how far its edge is along a direction.
struct Anchor {
    ImVec2 c;
    float hw = 0, hh = 0, r = 0;  // rectangle half sizes, or circle radius
    bool ok = false;
    float edge(ImVec2 dir) const {
        if (r > 0) return r;
        const float ax = std::abs(dir.x), ay = std::abs(dir.y);
        return std::min(ax > 1e-6f ? hw / ax : 1e9f, ay > 1e-6f ? hh / ay : 1e9f);
    }
};

Anchor anchorOf(const Workbench& wb, const CanvasState& cs, const std::string& ref, bool isAlias) {
    Anchor a;
    for (const auto& o : wb.session().doc().view().objects) {
        const bool match = isAlias ? (o.kind == Kind::Alias && o.uid == ref)
                                   : ((o.kind == Kind::Stock || o.kind == Kind::Flow || o.kind == Kind::Aux ||
                                       o.kind == Kind::Module) &&
                                      canonicalName(o.name) == canonicalName(ref));
        if (!match) continue;
        a.c = cs.toScreen(o.x, o.y);
        a.ok = true;
        const Kind shape = o.kind == Kind::Alias ? aliasShape(wb, o) : o.kind;
        if (shape == Kind::Stock && o.kind == Kind::Alias) {
            const ImVec2 half = aliasStockHalf(wb, cs, o);
            a.hw = half.x, a.hh = half.y;
        } else if (shape == Kind::Stock)
            a.hw = static_cast<float>(stockW(o) / 2) * cs.zoom,
            a.hh = static_cast<float>(stockH(o) / 2) * cs.zoom;
        else if (shape == Kind::Flow)
            a.r = 9 * cs.zoom;
        else
            a.r = static_cast<float>(app::kAuxRadius) * cs.zoom + 2;
        return a;
    }
    return a;
}

ImVec2 bezier(ImVec2 p0, ImVec2 c, ImVec2 p2, float t) {
    const float u = 1 - t;
    return ImVec2(u * u * p0.x + 2 * u * t * c.x + t * t * p2.x,
                  u * u * p0.y + 2 * u * t * c.y + t * t * p2.y);
}

// A loop the Loops tab highlights: its links in one strong colour, thicker the more they drive the model at
// the time shown (square root: a link at a hundredth of the strongest still shows).
constexpr ImU32 kLoopColour = IM_COL32(222, 110, 20, 235);
float loopThickness(const CanvasState& cs, const app::HighlightLink& l) {
    const float z = std::min(cs.zoom, 1.5f);
    return (2.0f + 6.0f * static_cast<float>(std::sqrt(std::clamp(l.weight, 0.0, 1.0)))) * std::max(0.6f, z);
}

// Which loop the diagram highlights, in its colour at the diagram's top left.
void drawLoopLabel(ImDrawList* dl, ImVec2 origin, const std::string& label) {
    const float pad = ImGui::GetFontSize() * 0.4f;
    const ImVec2 at(origin.x + pad * 2, origin.y + pad * 2);
    const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
    dl->AddRectFilled(at, ImVec2(at.x + ts.x + 2 * pad, at.y + ts.y + 2 * pad), IM_COL32(255, 255, 255, 235),
                      4);
    dl->AddRect(at, ImVec2(at.x + ts.x + 2 * pad, at.y + ts.y + 2 * pad), kLoopColour, 4, 0, 2);
    dl->AddText(ImVec2(at.x + pad, at.y + pad), theme::palette().text, label.c_str());
}

// The highlighted loop's link from one variable to another (canonical names), or null.
const app::HighlightLink* loopLink(const Workbench& wb, const std::string& from, const std::string& to) {
    for (const auto& l : wb.loopHighlight)
        if (l.from == from && l.to == to) return &l;
    return nullptr;
}

// Connectors touching the hovered or selected variable are drawn strong; the rest recede, so a dense
// diagram stays readable and the links of what you point at stand out.
void drawConnector(const Workbench& wb, const CanvasState& cs, ImDrawList* dl, const model::ViewObject& o,
                   bool strong, const app::HighlightLink* loop = nullptr) {
    const Anchor a = anchorOf(wb, cs, o.from, o.fromAlias), b = anchorOf(wb, cs, o.to, o.toAlias);
    if (!a.ok || !b.ok) return;
    const ImVec2 d(b.c.x - a.c.x, b.c.y - a.c.y);
    const float dist = std::sqrt(d.x * d.x + d.y * d.y);
    if (dist < 1) return;
    ImVec2 ctrl((a.c.x + b.c.x) / 2, (a.c.y + b.c.y) / 2);
    if (o.angle) {  // XMILE: the angle (degrees, counter-clockwise, y up) at which the arc leaves its source
        const float ang = static_cast<float>(*o.angle) * kPi / 180;
        ctrl = ImVec2(a.c.x + std::cos(ang) * dist * 0.5f, a.c.y - std::sin(ang) * dist * 0.5f);
    } else {
        ctrl.x += -d.y * 0.12f, ctrl.y += d.x * 0.12f;
    }
    // Trim the curve to the symbols' edges.
    float t0 = 0, t1 = 1;
    for (float t = 0; t < 0.5f; t += 0.01f) {
        const ImVec2 p = bezier(a.c, ctrl, b.c, t);
        const ImVec2 v(p.x - a.c.x, p.y - a.c.y);
        const float l = std::sqrt(v.x * v.x + v.y * v.y);
        if (l > 0 && l >= a.edge(ImVec2(v.x / l, v.y / l)) + 1) break;
        t0 = t;
    }
    for (float t = 1; t > 0.5f; t -= 0.01f) {
        const ImVec2 p = bezier(a.c, ctrl, b.c, t);
        const ImVec2 v(p.x - b.c.x, p.y - b.c.y);
        const float l = std::sqrt(v.x * v.x + v.y * v.y);
        if (l > 0 && l >= b.edge(ImVec2(v.x / l, v.y / l)) + 2) break;
        t1 = t;
    }
    ImU32 col = strong ? IM_COL32(120, 70, 150, 255) : theme::palette().connector;
    float thick = std::max(1.0f, 1.3f * std::min(cs.zoom, 1.5f)) * (strong ? 1.8f : 1.0f);
    if (loop) {
        col = kLoopColour;
        thick = loopThickness(cs, *loop);
    }
    ImVec2 prev = bezier(a.c, ctrl, b.c, t0);
    const int n = 24;
    for (int i = 1; i <= n; ++i) {
        const ImVec2 p = bezier(a.c, ctrl, b.c, t0 + (t1 - t0) * i / n);
        dl->AddLine(prev, p, col, thick);
        if (i < n)
            prev = p;
        else
            arrowHead(dl, p, ImVec2(p.x - prev.x, p.y - prev.y), std::max(5.0f, 8 * std::min(cs.zoom, 1.4f)),
                      col);
    }
}

// The handles a selected pipe offers, on screen: ends, bends, and the middles of segments long enough to
// bend.
struct PipeHandle {
    PipeGrip grip;
    ImVec2 at;
};

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

bool flowEndAttached(const Workbench& wb, const std::string& flow, bool source) {
    for (const auto& v : wb.session().doc().model().variables) {
        if (v.kind != model::VarKind::Stock) continue;
        for (const auto& f : source ? v.outflows : v.inflows)
            if (canonicalName(f) == canonicalName(flow)) return true;
    }
    return false;
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
    label(dl, theme::fonts().regular, ls, at, pal.flowText, app::displayName(o.name), labelWrap(cs, 110));
}

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
    if (overview(cs)) return;  // the overview pass places the names (canvas_overview.cpp)
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

// A red badge with "!" on a variable that had no value (NaN or infinite) somewhere in the run: the run goes
// on and the rest of the diagram shows its values; the hover readout and Diagnostics say from when.
void drawNoValueBadge(const Workbench& wb, const CanvasState& cs, ImDrawList* dl,
                      const model::ViewObject& o) {
    const Anchor a = anchorOf(wb, cs, o.name, false);
    if (!a.ok) return;
    const float r = std::max(5.0f, 7 * std::min(cs.zoom, 1.4f));
    const ImVec2 at =
        a.r > 0 ? ImVec2(a.c.x + a.r * 0.8f, a.c.y - a.r * 0.8f) : ImVec2(a.c.x + a.hw, a.c.y - a.hh);
    dl->AddCircleFilled(at, r, theme::palette().error, 16);
    const float fs = r * 1.6f;
    const ImVec2 ts = theme::fonts().bold->CalcTextSizeA(fs, 1e9f, 0, "!");
    dl->AddText(theme::fonts().bold, fs, ImVec2(at.x - ts.x / 2, at.y - ts.y / 2),
                IM_COL32(255, 255, 255, 255), "!");
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

}  // namespace

DiagramLayers::DiagramLayers(ImVec2 origin, ImVec2 size)
    : m_origin(origin),
      m_size(size),
      m_split(!(ImGui::GetIO().BackendFlags & ImGuiBackendFlags_RendererHasVtxOffset)) {
    open();
}

DiagramLayers::~DiagramLayers() {
    ImGui::EndChild();
}

void DiagramLayers::open() {
    char id[24];
    std::snprintf(id, sizeof id, "##diagram%d", m_count++);
    ImGui::SetCursorScreenPos(m_origin);
    ImGui::BeginChild(id, m_size, false,
                      ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoBackground |
                          ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                          ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoFocusOnAppearing |
                          ImGuiWindowFlags_NoNav);
    m_list = ImGui::GetWindowDrawList();
}

ImDrawList* DiagramLayers::list() {
    if (m_split && m_list->VtxBuffer.Size > kVertexBudget) {
        ImGui::EndChild();
        open();
    }
    return m_list;
}

namespace {

// Only what can touch the canvas is drawn: a frame at the opening zoom shows one sector of the county model,
// and laying out the other sectors' labels every frame is wasted. The margin leaves room for a label wrapped
// beside or below its symbol. (Connectors are short lines and stay uncut.)
struct Visibility {
    const CanvasState& cs;
    ImVec2 lo, hi;
    float margin;
    Visibility(const CanvasState& c, ImVec2 area)
        : cs(c), lo(c.origin), hi(c.origin.x + area.x, c.origin.y + area.y), margin(20 + 160 * c.zoom) {}
    bool operator()(const model::ViewObject& o) const {
        double x0 = o.x - o.width.value_or(0) / 2, x1 = o.x + o.width.value_or(0) / 2;
        double y0 = o.y - o.height.value_or(0) / 2, y1 = o.y + o.height.value_or(0) / 2;
        for (const auto& [px, py] : o.points) {  // a pipe: every point of it
            x0 = std::min(x0, px), x1 = std::max(x1, px);
            y0 = std::min(y0, py), y1 = std::max(y1, py);
        }
        const ImVec2 a = cs.toScreen(x0, y0), b = cs.toScreen(x1, y1);
        return b.x + margin >= lo.x && a.x - margin <= hi.x && b.y + margin >= lo.y && a.y - margin <= hi.y;
    }
};

// Connectors touching the hovered or selected variable (or alias) are drawn strong.
void drawConnectors(const Workbench& wb, const CanvasState& cs, DiagramLayers& layers,
                    const std::string& hovKey) {
    auto endKey = [](const std::string& ref, bool alias) { return alias ? app::aliasKey(ref) : ref; };
    for (const auto& o : wb.session().doc().view().objects) {
        if (o.kind != Kind::Connector) continue;
        const std::string from = endKey(o.from, o.fromAlias), to = endKey(o.to, o.toAlias);
        const bool strong = wb.isSelected(from) || canonicalName(from) == hovKey || wb.isSelected(to) ||
                            canonicalName(to) == hovKey;
        const app::HighlightLink* loop = wb.loopHighlight.empty()
                                             ? nullptr
                                             : loopLink(wb, canonicalName(wb.session().doc().resolve(from)),
                                                        canonicalName(wb.session().doc().resolve(to)));
        drawConnector(wb, cs, layers.list(), o, strong, loop);
    }
}

// Stocks, auxiliaries, aliases and text, over the pipes.
void drawSymbols(const Workbench& wb, const CanvasState& cs, DiagramLayers& layers, const std::string& hovKey,
                 const Visibility& visible) {
    auto isHov = [&](const std::string& key) { return !hovKey.empty() && canonicalName(key) == hovKey; };
    for (const auto& o : wb.session().doc().view().objects) {
        if (o.kind == Kind::Connector || o.kind == Kind::Flow || o.kind == Kind::Group || !visible(o))
            continue;
        if (o.kind == Kind::Stock)
            drawStock(wb, cs, layers.list(), o, wb.isSelected(o.name), isHov(o.name));
        else if (o.kind == Kind::Aux || o.kind == Kind::Module)
            drawAux(cs, layers.list(), o, wb.isSelected(o.name), isHov(o.name));
        else if (o.kind == Kind::Alias)
            drawAlias(wb, cs, layers.list(), o, wb.isSelected(app::aliasKey(o.uid)),
                      isHov(app::aliasKey(o.uid)));
        else if (o.kind == Kind::Text)
            layers.list()->AddText(ImVec2(cs.toScreen(o.x, o.y)), theme::palette().textMuted, o.text.c_str());
    }
}

}  // namespace

void drawDiagram(Workbench& wb, const CanvasState& cs, DiagramLayers& layers, ImVec2 area,
                 const std::string& hovered) {
    drawGrid(cs, layers.list(), area);
    const auto& s = wb.session();
    const auto& objs = s.doc().view().objects;
    const std::string hovKey = canonicalName(hovered);
    const Visibility visible(cs, area);
    for (const auto& o : objs)
        if (o.kind == Kind::Group && visible(o)) drawGroup(cs, layers.list(), o);
    drawConnectors(wb, cs, layers, hovKey);
    for (const auto& o : objs)
        if (o.kind == Kind::Flow && visible(o))
            drawFlow(wb, cs, layers.list(), o, wb.isSelected(o.name),
                     !hovKey.empty() && canonicalName(o.name) == hovKey);
    drawSymbols(wb, cs, layers, hovKey, visible);
    for (const auto& o : objs)
        if ((o.kind == Kind::Stock || o.kind == Kind::Flow || o.kind == Kind::Aux) && visible(o) &&
            s.nonFiniteFrom(o.name))
            drawNoValueBadge(wb, cs, layers.list(), o);
    if (overview(cs)) drawOverview(layers.list(), overviewLabels(wb, cs, area));
    if (!wb.loopHighlight.empty() && !wb.loopHighlightLabel.empty())
        drawLoopLabel(layers.list(), cs.origin, wb.loopHighlightLabel);
    if (objs.empty() || s.doc().model().variables.empty()) {
        const char* hint =
            "Empty model: pick Stock (S), Flow (F) or Auxiliary (A) in the toolbar, then click here.";
        const ImVec2 ts = ImGui::CalcTextSize(hint);
        layers.list()->AddText(ImVec2(cs.origin.x + (area.x - ts.x) / 2, cs.origin.y + area.y / 2),
                               theme::palette().textMuted, hint);
    }
}

std::string hitTest(const Workbench& wb, const CanvasState& cs, ImVec2 p, PipeGrip& grip) {
    grip = {};
    const auto& objs = wb.session().doc().view().objects;
    if (wb.selection.size() == 1)
        if (const auto* f = wb.session().doc().viewObject(wb.selection.front());
            f && f->kind == Kind::Flow && f->points.size() >= 2) {
            for (const auto& h : pipeHandles(cs, *f))
                if (std::abs(h.at.x - p.x) < 7 && std::abs(h.at.y - p.y) < 7) {
                    grip = h.grip;
                    return f->name;
                }
        }
    for (auto it = objs.rbegin(); it != objs.rend(); ++it) {
        const auto& o = *it;
        const ImVec2 c = cs.toScreen(o.x, o.y);
        const float dx = p.x - c.x, dy = p.y - c.y;
        if (o.kind == Kind::Stock) {
            if (std::abs(dx) <= stockW(o) / 2 * cs.zoom && std::abs(dy) <= stockH(o) / 2 * cs.zoom)
                return o.name;
        } else if (o.kind == Kind::Alias) {
            const bool box = aliasShape(wb, o) == Kind::Stock;
            const float r = std::max(6.0f, static_cast<float>(app::kAuxRadius) * cs.zoom + 2);
            const ImVec2 half = box ? aliasStockHalf(wb, cs, o) : ImVec2(0, 0);
            const bool in =
                box ? std::abs(dx) <= half.x && std::abs(dy) <= half.y : dx * dx + dy * dy <= r * r;
            if (in) return o.uid.empty() ? o.name : app::aliasKey(o.uid);
        } else if (o.kind == Kind::Aux || o.kind == Kind::Module) {
            const float r = std::max(6.0f, static_cast<float>(app::kAuxRadius) * cs.zoom + 2);
            if (dx * dx + dy * dy <= r * r) return o.name;
        } else if (o.kind == Kind::Flow) {
            const float r = std::max(7.0f, 10 * cs.zoom);
            if (dx * dx + dy * dy <= r * r) return o.name;
        }
    }
    return {};
}

}  // namespace sdw::ui
