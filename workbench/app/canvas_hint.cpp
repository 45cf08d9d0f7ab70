// What the diagram says when it shows nothing (see canvas_hint.hpp). Layer: application (no ImGui).
#include "workbench/app/canvas_hint.hpp"

namespace sdw::app {

std::string emptyCanvasHint(const model::Model& model, const model::View& view) {
    // Drawn every frame: no name lookups, only whether any symbol of a variable is drawn.
    using Kind = model::ViewObject::Kind;
    for (const auto& o : view.objects)
        if (o.kind == Kind::Stock || o.kind == Kind::Flow || o.kind == Kind::Aux || o.kind == Kind::Module)
            return {};
    if (model.variables.empty())
        return "Empty model: pick Stock (S), Flow (F) or Auxiliary (A) in the toolbar, then click here.";
    const size_t n = model.variables.size();
    return "No diagram: this model's " + std::to_string(n) + (n == 1 ? " variable has" : " variables have") +
           " no places here (its file has no sketch).\n"
           "Edit > Lay out variables not on the diagram draws them; charts, table, loops and runs work as "
           "usual.";
}

}  // namespace sdw::app
