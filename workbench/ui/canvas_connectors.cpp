// Drawing the diagram's connectors: curved arcs trimmed to their symbols' edges, strong when they touch what
// is hovered or selected, and the loop the Loops tab or presentation highlights. Layer: workbench/ui (ImGui).
// No Lua.
#include <algorithm>
#include <cmath>

#include "workbench/ui/canvas_parts.hpp"
#include "workbench/ui/theme.hpp"

namespace sdw::ui {

using model::canonicalName;

// A loop the Loops tab highlights: its links in one strong colour, thicker the more they drive the model at
// the time shown (square root: a link at a hundredth of the strongest still shows).
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

LoopFocus::LoopFocus(const Workbench& wb) : m_active(!wb.loopHighlight.empty()) {
    for (const auto& l : wb.loopHighlight) {
        m_variables.push_back(l.from);
        m_variables.push_back(l.to);
        m_links.emplace_back(l.from, l.to);
    }
    std::sort(m_variables.begin(), m_variables.end());
    m_variables.erase(std::unique(m_variables.begin(), m_variables.end()), m_variables.end());
}

bool LoopFocus::keeps(const std::string& variable) const {
    return !m_active || std::binary_search(m_variables.begin(), m_variables.end(), canonicalName(variable));
}

bool LoopFocus::keepsLink(const std::string& from, const std::string& to) const {
    return !m_active || std::find(m_links.begin(), m_links.end(), std::make_pair(from, to)) != m_links.end();
}

std::optional<ImVec4> loopBox(const Workbench& wb, const std::vector<std::string>& variables) {
    std::optional<ImVec4> box;
    for (const auto& o : wb.session().doc().view().objects) {
        // The variables themselves: an alias of one may stand in another sector (the county's delayed-
        // discharge spiral has aliases in four), and the box took in most of the diagram.
        if (o.name.empty() || o.kind == model::ViewObject::Kind::Alias ||
            std::find(variables.begin(), variables.end(), canonicalName(o.name)) == variables.end())
            continue;
        const auto hw = static_cast<float>(o.width.value_or(40) / 2),
                   hh = static_cast<float>(o.height.value_or(30) / 2);
        const auto x = static_cast<float>(o.x), y = static_cast<float>(o.y);
        box = box ? ImVec4(std::min(box->x, x - hw), std::min(box->y, y - hh), std::max(box->z, x + hw),
                           std::max(box->w, y + hh))
                  : ImVec4(x - hw, y - hh, x + hw, y + hh);
    }
    constexpr float kMargin = 90;  // diagram units: the links' curves and the readouts around the loop
    if (box) *box = ImVec4(box->x - kMargin, box->y - kMargin, box->z + kMargin, box->w + kMargin);
    return box;
}

void fadeSince(ImDrawList* dl, int first) {
    for (int i = first; i < dl->VtxBuffer.Size; ++i) {
        ImU32& col = dl->VtxBuffer[i].col;
        const auto alpha = static_cast<float>((col >> IM_COL32_A_SHIFT) & 0xFF) * kFadedAlpha;
        col = (col & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha + 0.5f) << IM_COL32_A_SHIFT);
    }
}

namespace {

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

}  // namespace

// Connectors touching the hovered or selected variable (or alias) are drawn strong; while a loop is
// highlighted, the others not on it are faded.
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
        ImDrawList* dl = layers.list();
        const int first = dl->VtxBuffer.Size;
        drawConnector(wb, cs, dl, o, strong, loop);
        if (!wb.loopHighlight.empty() && !loop && !strong) fadeSince(dl, first);
    }
}

}  // namespace sdw::ui
