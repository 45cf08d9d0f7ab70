// The workbench's smaller panels, each owning what it keeps between frames (side_panels.cpp,
// results_panels.cpp, levers_panel.cpp). The diagram, charts and properties panels have
// headers of their own. Layer: workbench/ui (ImGui). No Lua.
#pragma once

#include <imgui.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "workbench/ui/panels/panel.hpp"

namespace sdw::ui {

// The tools, undo/redo, run and present buttons, and the model's name.
class ToolbarPanel : public Panel {
  public:
    Slot slot() const override { return Slot::Toolbar; }
    std::string title(const Workbench&) const override { return "Toolbar"; }
    void draw(Workbench& wb) override;
};

// A slider for each constant of the model, grouped by diagram sector, with a filter.
class ConstantsPanel : public Panel {
  public:
    Slot slot() const override { return Slot::Inputs; }
    std::string title(const Workbench&) const override { return "Model constants"; }
    void draw(Workbench& wb) override;

    // Where a slider's value box was last drawn (x0, y0, x1, y1), and why the last value typed there was
    // refused ("" when it was taken).
    std::optional<ImVec4> valueBox(const std::string& input) const;
    std::string refusal(const std::string& input) const;

  private:
    void slider(Workbench& wb, size_t index);
    void valueBox(Workbench& wb, size_t index, float width);
    void profileButtons(Workbench& wb);
    char m_filter[64] = "";
    std::map<std::string, std::string> m_boxText, m_refused;  // by input name: the box's text, a refusal
    std::map<std::string, ImVec4> m_boxRects;
    std::string m_activeBox;  // the input whose box has the keyboard (its text is the user's, not the value)
};

#if defined(SDW_HAVE_PLUGINS)
// The plugin host's policy levers: a scenario picker, then each lever that applies to the model with its
// switch, its params as sliders, and its description and evidence on hover.
class LeversPanel : public Panel {
  public:
    Slot slot() const override { return Slot::Inputs; }
    std::string title(const Workbench&) const override { return "Policy levers"; }
    void draw(Workbench& wb) override;

  private:
    std::string m_scenarioName, m_scenarioDescription;  // the "Save as a scenario" form
};
#endif

// The numbers of the charted variables, one row per saved time.
class TablePanel : public Panel {
  public:
    Slot slot() const override { return Slot::Results; }
    std::string title(const Workbench&) const override { return "Table"; }
    void draw(Workbench& wb) override;
};

// Every problem found, with its code and place; a click selects the variable.
class DiagnosticsPanel : public Panel {
  public:
    Slot slot() const override { return Slot::Results; }
    std::string title(const Workbench& wb) const override;
    void draw(Workbench& wb) override;
};

// Kept runs side by side: each charted variable's final value and its change from the baseline.
class ComparePanel : public Panel {
  public:
    Slot slot() const override { return Slot::Results; }
    std::string title(const Workbench&) const override { return "Compare runs"; }
    void draw(Workbench& wb) override;

    // The names the table showed in the last frame: each text, its column's width, the size it took.
    struct Cell {
        std::string text;
        float width;
        ImVec2 size;
    };
    const std::vector<Cell>& cells() const { return m_cells; }

  private:
    void table(Workbench& wb);
    void headerRow(int columns);
    void wrapped(const std::string& text);
    char m_runName[64] = "";
    std::vector<Cell> m_cells;
};

// The status line: what just happened, problems, the model's size and file.
class StatusPanel : public Panel {
  public:
    Slot slot() const override { return Slot::Status; }
    std::string title(const Workbench&) const override { return "Status"; }
    void draw(Workbench& wb) override;
};

}  // namespace sdw::ui
