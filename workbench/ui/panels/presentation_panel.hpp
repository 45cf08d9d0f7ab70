// Presentation mode for trainers: full screen, large type; the diagram with each stock's level and each
// flow's rate at the time cursor, the chosen charts revealed as the run plays, the chosen sliders; play at a
// speed the trainer sets, or step. Layer: workbench/ui/panels (ImGui). No Lua.
#pragma once

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
    }
    // The readouts the diagram showed in the last frame.
    const std::vector<Reading>& readings() const { return m_readings; }
    const CanvasState& canvas() const { return m_canvas; }

  private:
    void header(Workbench& wb);
    void sliders(Workbench& wb);
    void diagram(Workbench& wb, ImVec2 size);
    CanvasState m_canvas;   // the diagram's own view: the whole of it, fitted to its place
    ImVec2 m_fitted{0, 0};  // the size it was fitted to (refitted when that changes)
    std::vector<Reading> m_readings;
};

}  // namespace sdw::ui
