// The properties panel: the selected variable's name, equation (checked as typed), units, documentation,
// range and graphical function, or the model's sim specs; every edit reaches the model when its field is
// left. Layer: workbench/ui/panels (ImGui). No Lua.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "solver/model/model.hpp"
#include "workbench/app/equation_help.hpp"
#include "workbench/ui/panels/panel.hpp"

namespace sdw::app {
class Session;
}  // namespace sdw::app

namespace sdw::ui {

class PropertiesPanel : public Panel {
  public:
    Slot slot() const override { return Slot::Properties; }
    std::string title(const Workbench&) const override { return "Properties"; }
    void draw(Workbench& wb) override;
    // A field left in the last frame after the panel was drawn (by Enter or Tab) goes to the model now.
    void beforeFrame(Workbench& wb) override { commitLeftEdits(wb); }
    void modelReplaced(Workbench& wb) override;
    // Where a field ("name", "equation", "units", "doc", "range", "start", "stop", ...) was last drawn, as
    // (x0, y0, x1, y1) in screen pixels: tests drive the panel with the pointer through it.
    std::optional<ImVec4> fieldRect(const std::string& field) const;
    // The value line as last drawn ("Value on 1 Jan 2031 (week 313): 435,000 people").
    const std::string& valueShown() const { return m_valueShown; }
    // The equation help line as last drawn ("SMTH1(input, averaging time [, initial]): ...").
    const std::string& helpShown() const { return m_helpShown; }
    // Why the last range and distribution set in the Uncertainty section were refused ("" when taken).
    const std::string& uncertaintyRefusal() const { return m_uncError; }
    // Where a cause or use of the selected variable was last listed ("cause:NAME", "use:NAME" fields).

  private:
    // An edit typed into a field, kept until the field is left. ImGui reports "deactivated after edit" only
    // for a field that is still drawn, and a click on the diagram changes the selection (and so which fields
    // are drawn) in the same frame: so the edit and what it applies to are kept here, and committed as soon
    // as the field is no longer the active item (Enter, Tab, a click anywhere, a new selection).
    struct PendingEdit {
        int order = 0;  // commit in typing order: a rename last, so edits before it find their variable
        std::function<void(Workbench&)> commit;
    };
    void keepEdit(const char* field, bool changed, std::function<void(Workbench&)> commit);
    void commitLeftEdits(Workbench& wb);
    void reloadBuffers(const Workbench& wb, const model::Variable& v);
    void variableEditor(Workbench& wb, const model::Variable& v);
    void nameField(Workbench& wb, const model::Variable& v);
    void rangeField(const model::Variable& v);
    void documentationField(const model::Variable& v);
    void graphicalEditor(Workbench& wb, const model::Variable& v);
    void graphicalTable(const model::Variable& v, model::GraphicalFunction gf);
    void specsEditor(Workbench& wb);
    // properties_extras.cpp: what a Stella or Vensim user expects beside the fields.
    void equationHelpLine();
    void outcomeField(Workbench& wb, const model::Variable& v);
    void relationsTree(Workbench& wb, const model::Variable& v);
    app::Completion completion(const app::Session& s, const model::Variable& v) const;
    void unlinkedWarning(Workbench& wb, const model::Variable& v);
    // properties_uncertainty.cpp: a constant's plausible range and distribution, for Monte Carlo.
    void uncertaintyField(Workbench& wb, const model::Variable& v);

    // The selected variable's fields as typed; reloaded when the selection or the document changes.
    std::string m_name, m_nameBuf, m_equation, m_units, m_doc;
    uint64_t m_revision = 0;
    std::map<unsigned, PendingEdit> m_pending;  // by field (ImGuiID)
    int m_nextOrder = 0;
    std::string m_docEditing;  // the variable whose documentation is open for editing
    bool m_focusDoc = false;   // give the documentation field the keyboard once, when it opens
    std::map<std::string, ImVec4> m_rects;
    std::string m_valueShown;
    int m_eqCursor = 0;            // the equation field's cursor (bytes), for the function help
    bool m_eqActive = false;       // the equation field has the keyboard
    std::string m_helpShown;       // the help line as last drawn
    app::Completion m_completion;  // the name being typed in the equation, and what it could become
    // Causes and uses of the selected variable, for the document revision they were read at.
    std::string m_relationsOf;
    uint64_t m_relationsRevision = 0;
    std::vector<std::string> m_causes, m_uses;
    std::vector<std::string> m_unlinked;  // causes the diagram shows with no connector drawn to it
    int m_dragPoint = -1;  // the graphical function's point being dragged (one undo step on release)
    model::GraphicalFunction m_dragGf;
    // The uncertainty fields as typed, for the variable and revision they were loaded at, and the last
    // refusal.
    std::string m_uncOf, m_uncDist, m_uncError;
    uint64_t m_uncRevision = 0;
    double m_uncMin = 0, m_uncMax = 0;
};

}  // namespace sdw::ui
