// What every panel of the workbench is: one object that owns its state and draws itself into the place the
// layout gives it (after ImHex's views: a class per view, all registered in one list, panels/registry.cpp).
// Layer: workbench/ui (ImGui). No Lua.
#pragma once

#include <string>

namespace sdw::ui {

class Workbench;

// Where a panel sits. A slot holding several panels shows them as tabs, in the order they are registered.
enum class Slot {
    Toolbar,     // the strip under the menu bar
    Inputs,      // left: what a user sets (levers, constants)
    Diagram,     // centre: the stock-and-flow diagram
    Results,     // under the diagram: charts, table, diagnostics, comparison
    Properties,  // right: the selected variable, or the model's specs
    Status,      // the bottom line
    FullScreen,  // presentation mode: the whole screen
};

class Panel {
  public:
    virtual ~Panel() = default;
    virtual Slot slot() const = 0;
    // The tab's label where the slot holds several panels; a "###id" ending keeps the tab while the label
    // changes (a count in it).
    virtual std::string title(const Workbench& wb) const = 0;
    // Draw the content into the current window or tab (the workbench opens the slot's window).
    virtual void draw(Workbench& wb) = 0;
    // Every frame before anything is drawn, shown or not.
    virtual void beforeFrame(Workbench& wb) {}
    // The document was replaced (opened, new, restored): forget what belonged to the last one.
    virtual void modelReplaced(Workbench& wb) {}
    // Work of its own in flight (an analysis on a worker): the main loop keeps drawing frames for its
    // progress.
    virtual bool busy() const { return false; }
};

}  // namespace sdw::ui
