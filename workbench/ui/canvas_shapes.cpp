// Drawing the diagram, its shared pieces: symbol sizes, word-wrapped labels, arrow heads, the shape an alias
// takes, where a symbol's edge is (for arcs to end on it) and the quadratic curve of a connector.
// Layer: workbench/ui (ImGui). No Lua.
#include <algorithm>
#include <cmath>

#include "workbench/ui/canvas_parts.hpp"
#include "workbench/ui/theme.hpp"

namespace sdw::ui {

using model::canonicalName;

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
           float maxW, bool above) {
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

}  // namespace sdw::ui
