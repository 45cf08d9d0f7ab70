// What the diagram's drawing files share (canvas_shapes, canvas_symbols, canvas_connectors, canvas_draw):
// symbol sizes and edges, labels, and the symbols drawn one at a time. Layer: workbench/ui (ImGui). No Lua.
// Not part of the panel's interface (canvas.hpp is).
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "workbench/ui/canvas.hpp"

namespace sdw::ui {

using Kind = model::ViewObject::Kind;

constexpr double kDefaultStockW = 45, kDefaultStockH = 35;  // Stella's defaults when the file gives no size
constexpr float kPi = 3.14159265f;

double stockW(const model::ViewObject& o);
double stockH(const model::ViewObject& o);

// Labels scale with the diagram (labelPlan, canvas.hpp); those too small to read are not drawn: the hover
// readout and zooming in show the names.
float labelSize(const CanvasState& cs);
float labelWrap(const CanvasState& cs, float atFullZoom);
// Centred, word-wrapped label whose top is at `top` (or, with `above`, whose bottom is there).
void label(ImDrawList* dl, ImFont* font, float size, ImVec2 top, ImU32 col, const std::string& text,
           float maxW, bool above = false);
void arrowHead(ImDrawList* dl, ImVec2 tip, ImVec2 dir, float size, ImU32 col);

// An alias is drawn in the shape of the variable it stands for.
Kind aliasShape(const Workbench& wb, const model::ViewObject& alias);
// An alias of a stock is drawn at its original's size (on screen, half width and half height), so the two
// read as the same thing.
ImVec2 aliasStockHalf(const Workbench& wb, const CanvasState& cs, const model::ViewObject& alias);

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
Anchor anchorOf(const Workbench& wb, const CanvasState& cs, const std::string& ref, bool isAlias);
ImVec2 bezier(ImVec2 p0, ImVec2 c, ImVec2 p2, float t);

// The highlighted loop's colour, the thickness of one of its links, and its name at the diagram's top left.
constexpr ImU32 kLoopColour = IM_COL32(222, 110, 20, 235);
float loopThickness(const CanvasState& cs, const app::HighlightLink& l);
void drawLoopLabel(ImDrawList* dl, ImVec2 origin, const std::string& label);

// The handles a selected pipe offers, on screen: ends, bends, and the middles of segments long enough to
// bend.
struct PipeHandle {
    PipeGrip grip;
    ImVec2 at;
};
std::vector<PipeHandle> pipeHandles(const CanvasState& cs, const model::ViewObject& flow);

void drawFlow(const Workbench& wb, const CanvasState& cs, ImDrawList* dl, const model::ViewObject& o,
              bool sel, bool hov);
void drawStock(const Workbench& wb, const CanvasState& cs, ImDrawList* dl, const model::ViewObject& o,
               bool sel, bool hov);
void drawAux(const CanvasState& cs, ImDrawList* dl, const model::ViewObject& o, bool sel, bool hov);
void drawAlias(const Workbench& wb, const CanvasState& cs, ImDrawList* dl, const model::ViewObject& o,
               bool sel, bool hov);
// A red badge on a variable: "!" when it had no value (NaN or infinite) in the run, "?" when its equation
// has an error.
void drawBadge(const Workbench& wb, const CanvasState& cs, ImDrawList* dl, const model::ViewObject& o,
               const char* glyph);
void drawGroup(const CanvasState& cs, ImDrawList* dl, const model::ViewObject& o);
void drawGrid(const CanvasState& cs, ImDrawList* dl, ImVec2 area);
// Every connector, those touching the hovered (`hovKey`, canonical) or selected variable drawn strong.
void drawConnectors(const Workbench& wb, const CanvasState& cs, DiagramLayers& layers,
                    const std::string& hovKey);

}  // namespace sdw::ui
