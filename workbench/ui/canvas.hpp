// The diagram panel: its view state (pan, zoom, the press and drag in progress, rename in place), and the
// helpers its interaction (canvas.cpp) and drawing (canvas_draw.cpp) share. Layer: workbench/ui (ImGui).
// No Lua.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "workbench/ui/panels/panel.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

// A handle on the selected flow's pipe: its ends (drop on a stock to attach), its bends (drag to move; the
// context menu removes one), and the middle of each segment (drag it to add a bend there).
struct PipeGrip {
    enum class Kind { None, Source, Sink, Bend, Segment };
    Kind kind = Kind::None;
    size_t index = 0;  // Bend: the point's index in <pts>; Segment: the index of the segment's first point
    bool isEnd() const { return kind == Kind::Source || kind == Kind::Sink; }
};

struct CanvasState {
    ImVec2 origin{0, 0};   // screen position of the canvas's top-left corner
    ImVec2 area{0, 0};     // the canvas's size as last drawn (the scrubber under it not counted)
    ImVec2 pan{0, 0};      // screen offset (pixels) of model point (0,0) from origin
    float zoom = 1;        // pixels per model unit
    bool pressed = false;  // the left button went down on the canvas and is still down
    bool dragging = false;
    bool panning = false;  // right or middle button held after a press on the canvas
    ImVec2 pressPos{0, 0};
    std::string pressHit;             // what the left button went down on
    PipeGrip grip;                    // the pipe handle of the selected flow the press went down on
    std::string renaming, renameBuf;  // the variable being renamed in place, and the name typed so far
    bool renameFocus = false;         // the rename field takes the keyboard on its first frame
    ImVec2 rightPressPos{0, 0};
    std::string rightPressHit;           // what the right button went down on (a click there opens its menu)
    std::string menuTarget;              // the variable or alias key the context menu acts on
    PipeGrip rightPressGrip, menuGrip;   // a pipe handle under the right click
    bool fitRequested = true;            // fit the diagram at the next frame (a model opened: readably)
    bool fitWhole = false;               // and the whole of it (Fit)
    std::string centreRequested;         // or centre the view on this variable
    std::optional<ImVec4> boxRequested;  // or fit this box (model units: x0, y0, x1, y1), a selected loop
    // The time scrubber as last drawn: its slider's and its date's rectangles (x0, y0, x1, y1), the date.
    ImVec4 scrubberSlider{0, 0, 0, 0}, scrubberLabel{0, 0, 0, 0};
    std::string scrubberText;
    // Variables whose names a presentation reading shows in its box: their own labels are not drawn (a
    // flow's label sat under its reading, half hidden).
    std::vector<std::string> namedByReadings;

    ImVec2 toScreen(double x, double y) const {
        return ImVec2(origin.x + pan.x + static_cast<float>(x) * zoom,
                      origin.y + pan.y + static_cast<float>(y) * zoom);
    }
    std::pair<double, double> toWorld(ImVec2 p) const {
        return {(p.x - origin.x - pan.x) / zoom, (p.y - origin.y - pan.y) / zoom};
    }
};

// The diagram draws into transparent, input-less child windows laid over the canvas, each with its own draw
// list. ImGui indexes a draw list's vertices with 16 bits unless the renderer sets
// ImGuiBackendFlags_RendererHasVtxOffset (the OpenGL 3 backend does from GL 3.2); without it one list must
// stay under 65,536 vertices, and the county model's canvas passes that. So when the flag is missing, a layer
// that is nearly full is closed and the next one opened above it: drawing order, and so what lies on top, is
// kept.
class DiagramLayers {
  public:
    static constexpr int kVertexBudget = 60000;  // leaves room for the largest single symbol (a few hundred)
    DiagramLayers(ImVec2 origin, ImVec2 size);
    ~DiagramLayers();
    DiagramLayers(const DiagramLayers&) = delete;
    DiagramLayers& operator=(const DiagramLayers&) = delete;
    // The list to draw the next symbol into (call it before each symbol, never in the middle of one).
    ImDrawList* list();
    int count() const { return m_count; }

  private:
    void open();
    ImVec2 m_origin, m_size;
    bool m_split;  // no 32-bit vertex offsets: keep each list under the 16-bit index limit
    int m_count = 0;
    ImDrawList* m_list = nullptr;
};

// The stock-and-flow diagram: select, drag, rubber-band, pan, zoom, the tools, rename in place; under it the
// time scrubber.
class CanvasPanel : public Panel {
  public:
    Slot slot() const override { return Slot::Diagram; }
    std::string title(const Workbench&) const override { return "Diagram"; }
    void draw(Workbench& wb) override;
    void modelReplaced(Workbench& wb) override;
    // At the next frame: fit the whole diagram in view, or centre it on a variable.
    void fit() { m_state.fitRequested = m_state.fitWhole = true; }
    void centreOn(const std::string& name) { m_state.centreRequested = name; }
    // At the next frame: fit this box of the diagram (model units) in view.
    void fitBox(ImVec4 box) { m_state.boxRequested = box; }
    CanvasState& state() { return m_state; }
    const CanvasState& state() const { return m_state; }

  private:
    CanvasState m_state;
};

// Which labels the diagram draws at a zoom, as pixels of type (0: left out). Labels scale with the diagram,
// so a layout clear at 100% stays clear (zoomed in they grow more slowly than the shapes). Type under
// kMinReadablePx cannot be read from a screen: the names of auxiliaries, flows and aliases are then left
// out, and the stocks' names stay at that size (with the sector titles, what a whole model shows).
inline constexpr float kMinReadablePx = 9;
struct LabelPlan {
    float names = 0;       // auxiliaries, flows, aliases, and the value in a stock's box
    float stockNames = 0;  // never under kMinReadablePx
};
LabelPlan labelPlan(float zoom, float fontSize);

// Zoomed out so far that the small names are left out (a large model fitted whole): the diagram shows an
// overview, its sector titles and its stocks' names, on top of the symbols and never over one another.
bool overview(const CanvasState& cs);
struct OverviewLabel {
    std::string text;
    ImVec4 rect;         // (x0, y0, x1, y1) on screen
    float size;          // pixels of type
    bool sector;         // a sector's title (else a variable's name)
    bool faded = false;  // a sector's title while a loop is highlighted (LoopFocus)
};
// What the overview shows, in the order placed (sector titles first); a name that would overlap one placed
// already, or leave the canvas, is left out. While a loop is highlighted: its variables' names (whatever
// their kind) first, then the sector titles faded, and no other names.
std::vector<OverviewLabel> overviewLabels(const Workbench& wb, const CanvasState& cs, ImVec2 area);
void drawOverview(ImDrawList* dl, const std::vector<OverviewLabel>& labels);

// Fit the diagram to a canvas of `size`: `whole` shows all of it (labels too small to read are left out);
// otherwise a large model opens at a readable zoom on its top-left sector.
void fitToView(CanvasState& cs, const app::Document& doc, ImVec2 size, bool whole);
// Fit the diagram's box (x0, y0)-(x1, y1) (model units) to a canvas of `size`, centred, with a margin.
void fitToBox(CanvasState& cs, double x0, double y0, double x1, double y1, ImVec2 size);

// Presentation's readouts on the diagram at the time cursor, large enough to read from the back of a room:
// each stock's level and each flow's rate (while a loop is highlighted, its own only), placed where they do
// not overlap (stocks first), and only inside `within` (a screen rectangle x0, y0, x1, y1; the whole canvas
// when it is empty).
struct Reading {
    std::string name;              // the variable, as written
    std::string text;              // what the room reads
    ImVec4 rect;                   // where (x0, y0, x1, y1)
    float size = 0, nameSize = 0;  // the value's and the name's type sizes
    ImU32 ink = 0;
};
// Placed before the diagram is drawn (so that it leaves out the names the readings show), drawn after it.
std::vector<Reading> placeReadings(const Workbench& wb, const CanvasState& cs, ImVec2 area,
                                   ImVec4 within = ImVec4(0, 0, 0, 0));
void drawReadings(ImDrawList* dl, const std::vector<Reading>& readings);
// Whether a variable's label gives way to a reading that shows its name.
bool namedByReading(const CanvasState& cs, const std::string& name);
// A flow's rate as it moves on its pipe: dots that run along it, faster the larger the rate (against the
// largest it reaches in the run), backwards when it is negative, still at zero; while a loop is highlighted,
// on its flows only.
void drawFlowMotion(const Workbench& wb, const CanvasState& cs, ImDrawList* dl, double wallSeconds);
// A reading's text: a stock's level, a flow's rate per its time unit ("312/week").
std::string readingText(const Workbench& wb, const std::string& name, double value);

// While a loop is highlighted (the Loops tab, presentation's loops), the rest of the diagram recedes so that
// the loop stands out across the sectors it spans: the variables not on it and the links not on it are drawn
// faded (at kFadedAlpha of their opacity). Nothing is faded when no loop is highlighted.
inline constexpr float kFadedAlpha = 0.2f;
class LoopFocus {
  public:
    explicit LoopFocus(const Workbench& wb);
    bool active() const { return m_active; }
    // Whether the variable (any spelling of its name; an alias: its original's) is drawn at full strength.
    bool keeps(const std::string& variable) const;
    // Whether the link from one variable to another (canonical names) is a link of the loop.
    bool keepsLink(const std::string& from, const std::string& to) const;

  private:
    bool m_active = false;
    std::vector<std::string> m_variables;                      // canonical, sorted
    std::vector<std::pair<std::string, std::string>> m_links;  // canonical (from, to)
};
// The box of the diagram (model units: x0, y0, x1, y1) around a loop's variables (canonical names; not their
// aliases, which may stand in other sectors), with room around it for the links' curves and the readouts;
// none when none is on the diagram.
std::optional<ImVec4> loopBox(const Workbench& wb, const std::vector<std::string>& variables);
// Fades the vertices added to `dl` since index `first` (a symbol drawn since then) to kFadedAlpha.
void fadeSince(ImDrawList* dl, int first);

// The variable under a screen point ("" for none); `grip` says which handle of the selected flow's pipe it is
// on.
std::string hitTest(const Workbench& wb, const CanvasState& cs, ImVec2 p, PipeGrip& grip);
void drawDiagram(Workbench& wb, const CanvasState& cs, DiagramLayers& layers, ImVec2 area,
                 const std::string& hovered);
void hoverTooltip(const Workbench& wb, const std::string& name);
void drawScrubber(Workbench& wb, CanvasState& cs, ImVec2 size);

}  // namespace sdw::ui
