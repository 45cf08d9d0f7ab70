// Presentation mode for trainers: full screen, large type; one sector of the diagram at a time (PageDown /
// PageUp or the arrows step through them, as a presenter's clicker does) with each stock's level and each
// flow's rate at the time cursor, beside the chosen charts, stacked and revealed as the run plays; the chosen
// sliders; play at a speed the trainer sets, or step. Layer: workbench/ui/panels (ImGui). No Lua.
#pragma once

#include <string>
#include <vector>

#include "workbench/ui/canvas.hpp"
#include "workbench/ui/panels/panel.hpp"

namespace sdw::ui {

class PresentationPanel : public Panel {
  public:
    Slot slot() const override { return Slot::FullScreen; }
    std::string title(const Workbench&) const override { return "Presentation"; }
    void draw(Workbench& wb) override;
    void modelReplaced(Workbench&) override {
        m_canvas = {};
        m_fitted = ImVec2(0, 0);
        m_readings.clear();
        m_sector = 0;
    }
    // The readouts the diagram showed in the last frame.
    const std::vector<Reading>& readings() const { return m_readings; }
    const CanvasState& canvas() const { return m_canvas; }
    // The sector shown: its index in sectors(), or -1 for the whole diagram (also when the model has none).
    int sector() const { return m_sector; }
    void showSector(const Workbench& wb, int index);
    // The model's sectors (its diagram's groups), in the diagram's order.
    static std::vector<const model::ViewObject*> sectors(const Workbench& wb);
    // The diagram's rectangle on screen in the last frame, and the shown sector's (x0, y0, x1, y1).
    ImVec4 sectorRect() const { return m_sectorRect; }

  private:
    void header(Workbench& wb);
    void sliders(Workbench& wb);
    void sectorBar(Workbench& wb);
    void diagram(Workbench& wb, ImVec2 size);
    CanvasState m_canvas;   // the diagram's own view: the whole of it, fitted to its place
    ImVec2 m_fitted{0, 0};  // the size it was fitted to (refitted when that changes)
    std::vector<Reading> m_readings;
    int m_sector = 0;  // the first sector when presenting starts
    int m_fittedSector = -2;
    ImVec4 m_sectorRect{0, 0, 0, 0};
};

}  // namespace sdw::ui
