// The diagram canvas's view state and the helpers its interaction and drawing files share.
// Layer: workbench/ui (ImGui). No Lua.
#pragma once

#include <string>
#include <utility>

#include <imgui.h>

#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

struct CanvasState {
    ImVec2 origin{0, 0};  // screen position of the canvas's top-left corner
    ImVec2 pan{0, 0};     // screen offset (pixels) of model point (0,0) from origin
    float zoom = 1;       // pixels per model unit
    bool pressed = false;   // the left button went down on the canvas and is still down
    bool dragging = false;
    bool panning = false;   // right or middle button held after a press on the canvas
    ImVec2 pressPos{0, 0};
    std::string pressHit;  // what the left button went down on
    int flowEnd = -1;      // 0 source / 1 sink handle of the selected flow being dragged
    std::string renaming, renameBuf;
    ImVec2 rightPressPos{0, 0};
    std::string rightPressHit;  // what the right button went down on (a click there opens its menu)
    std::string menuTarget;     // the variable or alias key the context menu acts on

    ImVec2 toScreen(double x, double y) const {
        return ImVec2(origin.x + pan.x + static_cast<float>(x) * zoom, origin.y + pan.y + static_cast<float>(y) * zoom);
    }
    std::pair<double, double> toWorld(ImVec2 p) const {
        return {(p.x - origin.x - pan.x) / zoom, (p.y - origin.y - pan.y) / zoom};
    }
};

CanvasState& canvasState();
// The variable under a screen point ("" for none); flowEnd gets 0/1 when on a selected flow's end handle.
std::string hitTest(const Workbench& wb, const CanvasState& cs, ImVec2 p, int& flowEnd);
void drawDiagram(Workbench& wb, const CanvasState& cs, ImDrawList* dl, ImVec2 area, const std::string& hovered);
void hoverTooltip(const Workbench& wb, const std::string& name);
void drawScrubber(Workbench& wb, ImVec2 size);

}  // namespace sdw::ui
