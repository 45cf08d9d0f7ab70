// The open model as the workbench edits it: create, connect, rename, delete, move, copy/paste, undo/redo,
// save. Layer: workbench/app. Pure C++ over solver/model: no ImGui, no GLFW, no GL, no Lua, so it is tested
// without a window, in a build without the GUI too (tests/workbench/app/document_test.cpp).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "solver/diag/diagnostics.hpp"
#include "solver/model/model.hpp"

namespace sdw::app {

// Default sizes of diagram objects, in model (XMILE) units; x/y in XMILE are centres.
inline constexpr double kStockWidth = 90;
inline constexpr double kStockHeight = 50;
inline constexpr double kAuxRadius = 12;
inline constexpr double kGrid = 10;

// Which end of a flow pipe.
enum class FlowEnd { Source, Sink };

class Document {
  public:
    Document();  // a new, empty model with one view
    // Open any model file sdw reads. Returns nullopt with the reasons in diags.
    static std::optional<Document> open(const std::string& path, diag::Diagnostics& diags);
    // Wrap an already loaded project (tests, reloads).
    static Document fromProject(model::Project project, std::string path);
    // Autosaved work restored for `path`: it keeps the model's path and starts dirty (the work is not in the
    // file yet), with nothing to undo.
    static Document recovered(model::Project project, std::string path);

    const model::Project& project() const { return m_project; }
    const model::Model& model() const { return m_project.models.front(); }
    const model::View& view() const { return m_project.models.front().views.front(); }
    const std::string& path() const { return m_path; }
    bool dirty() const { return m_dirty; }
    // Bumped on every change (edits, undo, redo, reload): the run service re-simulates when it moves.
    uint64_t revision() const { return m_revision; }

    // --- saving ---
    // XMILE, atomically (xmile::writeFile). A model opened from a Vensim or Stella file is not written back
    // over it (XMILE in a .mdl file, the Vensim model gone): save() and a Save As to such a name refuse,
    // saying why; savesInPlace() tells which models save() can write.
    bool save(std::string& error);
    bool saveAs(const std::string& path, std::string& error);
    bool savesInPlace() const;
    // Why sdw does not write its XMILE to `path` ("" when it does): a Vensim or Stella model's name.
    static std::string whyNotXmile(const std::string& path);
    // Where Save As should offer to write a model opened from another format: the same name as .xmile.
    std::string xmileName() const;
    // Write a copy (autosave/recovery) without changing the path or the dirty flag.
    bool writeCopy(const std::string& path, std::string& error) const;

    // --- undo ---
    // Record the current state as one undo step; edits below call it themselves, except moveBy (call this
    // once when a drag starts, so the whole drag undoes in one step).
    void checkpoint();
    bool canUndo() const { return !m_undo.empty(); }
    bool canRedo() const { return !m_redo.empty(); }
    bool undo();
    bool redo();

    // --- edits (each one undo step; names are returned as written) ---
    std::string createStock(double x, double y, const std::string& name = "");
    std::string createAux(double x, double y, const std::string& name = "");
    // A flow pipe from (x1,y1) to (x2,y2), clouds at both ends until attached.
    std::string createFlow(double x1, double y1, double x2, double y2, const std::string& name = "");
    // A connector (information link) from one variable to another; either end may be an alias key. False if
    // either is missing, both stand for the same variable, or the link exists already.
    bool connect(const std::string& from, const std::string& to);
    // An alias (ghost): a second symbol of variable `of` at (x, y), saved as XMILE <alias> with <of>. Returns
    // its key (see aliasKey), or "" when there is no such variable.
    std::string createAlias(const std::string& of, double x, double y);
    // Rename a variable; every equation, flow list and view object that refers to it follows.
    bool rename(const std::string& oldName, const std::string& newName, std::string& error);
    // Delete variables (and their view objects, connectors, and flow links to them).
    bool remove(const std::vector<std::string>& names);
    // Move view objects of these variables (no checkpoint: see checkpoint()). Pipes of moved stocks follow.
    void moveBy(const std::vector<std::string>& names, double dx, double dy);
    void snapToGrid(const std::vector<std::string>& names);
    // Attach one end of a flow to a stock (or detach it when stock is empty: a cloud).
    bool attachFlow(const std::string& flow, FlowEnd end, const std::string& stock);
    bool setEquation(const std::string& name, const std::string& equation);
    bool setUnits(const std::string& name, const std::string& units);
    // Which way the variable is better as an outcome (saved as <sdw:outcome better=.../>), one undo step.
    bool setBetter(const std::string& name, model::Better better);
    bool setDoc(const std::string& name, const std::string& doc);
    bool setRange(const std::string& name, std::optional<model::Range> range);
    bool setGraphical(const std::string& name, std::optional<model::GraphicalFunction> gf);
    void setSpecs(const model::SimSpecs& specs);
    // Any other change to the project (a loop's name, say), as one undo step.
    void editProject(const std::function<void(model::Project&)>& change);

    // --- flow pipes with bends (XMILE <pts> with more than two points; document_pipes.cpp) ---
    // Point 0 is the source end, the last point the sink end; the points between are bends. The valve stays
    // on the pipe at the same share of its length.
    // Move bend `index` to (x, y). No checkpoint, like moveBy: call checkpoint() when the drag starts.
    bool moveBend(const std::string& flow, size_t index, double x, double y);
    // Add a bend at (x, y) on segment `segment` (between points segment and segment+1); one undo step.
    // Returns the new bend's index, or nullopt when there is no such flow or segment.
    std::optional<size_t> addBend(const std::string& flow, size_t segment, double x, double y);
    bool removeBend(const std::string& flow, size_t index);  // one undo step
    bool straightenPipe(const std::string& flow);            // remove every bend; one undo step
    // Drop one end of a pipe at (x, y) in open space: it leaves any stock it was on (a cloud) and moves
    // there; the segment at the other end keeps its direction, and a straight pipe gets a corner rather than
    // a slant.
    bool moveFlowEndTo(const std::string& flow, FlowEnd end, double x, double y);  // one undo step

    // Gives every variable the diagram does not show a place (a Vensim file without a sketch, an XMILE file
    // without views): stocks in rows, their flows as pipes between them, the rest in a grid below, and a
    // connector from each variable an equation reads. Below what is drawn already; one undo step. Returns how
    // many variables it placed (0: nothing to do, no undo step).
    size_t layOutMissing();

    // --- clipboard: a small XMILE document holding the variables and their view objects ---
    std::string copy(const std::vector<std::string>& names) const;
    // Paste clipboard text; names that clash get a numeric suffix. Aliases paste as aliases (of the pasted
    // variable, or of the one here of that name). Returns the new names and alias keys.
    std::vector<std::string> paste(const std::string& text, double dx = 30, double dy = 30);

    // --- queries ---
    const model::Variable* find(const std::string& name) const { return model().find(name); }
    // The symbol of a variable, or the alias an alias key names.
    const model::ViewObject* viewObject(const std::string& name) const;
    // The variable a name or an alias key stands for, as written ("" when neither exists).
    std::string resolve(const std::string& nameOrKey) const;
    std::string uniqueName(const std::string& base) const;

  private:
    model::Model& mainModel() { return m_project.models.front(); }
    model::View& mainView() { return m_project.models.front().views.front(); }
    model::ViewObject* viewObjectMut(const std::string& name);
    std::string nextUid() const;
    void touched();
    void ensureView();
    void updatePipeEnds(const std::string& stockName);
    void pasteView(const model::View& clipView, const std::function<std::string(const std::string&)>& newName,
                   double dx, double dy, std::vector<std::string>& added);

    model::Project m_project;
    std::string m_path;
    bool m_dirty = false;
    uint64_t m_revision = 1;
    std::vector<model::Project> m_undo;
    std::vector<model::Project> m_redo;
};

// Where the point nearest (x, y) lies along a pipe, as a share (0..1) of its length.
double pipeFraction(const std::vector<std::pair<double, double>>& pts, double x, double y);
// The point at a share of a pipe's length; `segment` (if given) gets the index of the segment it is on.
std::pair<double, double> pipePointAt(const std::vector<std::pair<double, double>>& pts, double fraction,
                                      size_t* segment = nullptr);

// Aliases are selected, moved, connected and deleted by a key that no variable name can take (names never
// contain '#'): "#alias <uid>", the uid of the XMILE <alias> element.
std::string aliasKey(const std::string& uid);
bool isAliasKey(const std::string& key);
std::string aliasUidOf(const std::string& key);  // "" when not an alias key

// Is this a valid new variable name (non-empty, starts with a letter or underscore, no operators)?
bool isValidName(const std::string& name);

}  // namespace sdw::app
