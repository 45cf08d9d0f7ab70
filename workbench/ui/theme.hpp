// The workbench's look: fonts (DejaVu Sans, scaled for the monitor) and a calm light colour scheme in which
// stocks, flows and auxiliaries differ at a glance. Layer: workbench/ui (ImGui). No Lua.
#pragma once

#include <imgui.h>

namespace sdw::ui::theme {

// Diagram colours (ImU32, ABGR as ImGui packs them).
struct Palette {
    ImU32 canvasBg, grid, groupFill, groupBorder, groupText;
    ImU32 stockFill, stockBorder, stockLevel;  // blue family
    ImU32 flowPipe, flowValve, flowText;       // teal/green family
    ImU32 auxFill, auxBorder;                  // warm amber family
    ImU32 connector, text, textMuted, selection, hover, cloud, alias, error;
    ImU32 timeCursor;  // the time cursor on charts and the scrubber: no series or symbol has it
};
const Palette& palette();

// Series colours for charts (colour-blind friendly order).
ImU32 seriesColor(int i);

struct Fonts {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
    ImFont* large = nullptr;      // presentation mode
    ImFont* largeBold = nullptr;  // presentation mode's readouts on the diagram
    ImFont* small = nullptr;      // diagram labels at low zoom
};
Fonts& fonts();

// Load DejaVu Sans at 15 px x scale (falls back to ImGui's default font when the file is missing) and set
// the style. Call once after ImGui::CreateContext and before the first frame.
void apply(float contentScale);

}  // namespace sdw::ui::theme
