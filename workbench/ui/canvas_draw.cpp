// Drawing the stock-and-flow diagram, the whole of it in order (groups, connectors, pipes, symbols, badges,
// overview labels; the pieces: canvas_shapes, canvas_symbols, canvas_connectors), its layers of draw lists,
// and hit testing (hover readout and time scrubber: canvas_readout.cpp). Layer: workbench/ui (ImGui). No Lua.
#include <algorithm>
#include <cmath>

#include "workbench/app/canvas_hint.hpp"
#include "workbench/ui/canvas_parts.hpp"
#include "workbench/ui/theme.hpp"

namespace sdw::ui {

using model::canonicalName;

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

// Stocks, auxiliaries, aliases and text, over the pipes; while a loop is highlighted, the variables not on
// it faded.
void drawSymbols(const Workbench& wb, const CanvasState& cs, DiagramLayers& layers, const std::string& hovKey,
                 const Visibility& visible, const LoopFocus& focus) {
    auto isHov = [&](const std::string& key) { return !hovKey.empty() && canonicalName(key) == hovKey; };
    for (const auto& o : wb.session().doc().view().objects) {
        if (o.kind == Kind::Connector || o.kind == Kind::Flow || o.kind == Kind::Group || !visible(o))
            continue;
        ImDrawList* dl = layers.list();
        const int first = dl->VtxBuffer.Size;
        if (o.kind == Kind::Stock)
            drawStock(wb, cs, dl, o, wb.isSelected(o.name), isHov(o.name));
        else if (o.kind == Kind::Aux || o.kind == Kind::Module)
            drawAux(cs, dl, o, wb.isSelected(o.name), isHov(o.name));
        else if (o.kind == Kind::Alias)
            drawAlias(wb, cs, dl, o, wb.isSelected(app::aliasKey(o.uid)), isHov(app::aliasKey(o.uid)));
        else if (o.kind == Kind::Text)
            dl->AddText(ImVec2(cs.toScreen(o.x, o.y)), theme::palette().textMuted, o.text.c_str());
        if (o.kind != Kind::Text && !focus.keeps(o.name)) fadeSince(dl, first);
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
    const LoopFocus focus(wb);
    for (const auto& o : objs) {
        if (o.kind != Kind::Flow || !visible(o)) continue;
        ImDrawList* dl = layers.list();
        const int first = dl->VtxBuffer.Size;
        drawFlow(wb, cs, dl, o, wb.isSelected(o.name), !hovKey.empty() && canonicalName(o.name) == hovKey);
        if (!focus.keeps(o.name)) fadeSince(dl, first);
    }
    drawSymbols(wb, cs, layers, hovKey, visible, focus);
    for (const auto& o : objs) {
        if (!(o.kind == Kind::Stock || o.kind == Kind::Flow || o.kind == Kind::Aux) || !visible(o)) continue;
        if (s.errorIn(o.name))
            drawBadge(wb, cs, layers.list(), o, "?");
        else if (s.nonFiniteFrom(o.name))
            drawBadge(wb, cs, layers.list(), o, "!");
    }
    if (overview(cs)) drawOverview(layers.list(), overviewLabels(wb, cs, area));
    if (!wb.loopHighlight.empty() && !wb.loopHighlightLabel.empty())
        drawLoopLabel(layers.list(), cs.origin, wb.loopHighlightLabel);
    if (const std::string hint = app::emptyCanvasHint(s.doc().model(), s.doc().view()); !hint.empty()) {
        const ImVec2 ts = ImGui::CalcTextSize(hint.c_str());
        layers.list()->AddText(ImVec2(cs.origin.x + (area.x - ts.x) / 2, cs.origin.y + area.y / 2),
                               theme::palette().textMuted, hint.c_str());
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
