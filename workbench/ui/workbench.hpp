// The workbench window: the session it shows (workbench/app), the panels that draw it (one list,
// panels/registry.cpp), and what the frame needs: selection, tool, mode, menus, dialogs, shortcuts.
// Layer: workbench/ui (ImGui). No Lua: plugin levers arrive as plain C++ descriptors through the session.
#pragma once

#include <imgui.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "workbench/app/loop_story.hpp"
#include "workbench/app/session.hpp"
#include "workbench/ui/panels/panel.hpp"

namespace sdw::ui {

class FileDialog;
class LatencyProbe;

enum class Tool { Select, Stock, Flow, Aux, Connector, Alias };
enum class Mode { Edit, Present };  // Present: full screen, large type, no editing chrome (F5)

class Workbench {
  public:
    // `stateDir`: where recent files and recovery copies live (app::stateDirectory() by default).
    explicit Workbench(std::string stateDir = {});
    ~Workbench();
    Workbench(const Workbench&) = delete;
    Workbench& operator=(const Workbench&) = delete;

    // --- the frame ---
    // Take finished runs, write recovery copies, play, then draw every panel. `display` in pixels.
    void frame(ImVec2 display);
    void afterPresent();  // the frame is on screen (for an attached latency probe)
    // Something is moving (playback, a run in flight): the main loop should not sleep.
    bool animating() const;
    bool quitRequested() const { return m_quitConfirmed; }
    void requestQuit();  // asks about unsaved changes first
    // Wait for the run in flight and take it (screenshots, tests).
    void settle();
    void setLatencyProbe(LatencyProbe* probe) { m_probe = probe; }
    const LatencyProbe* latencyProbe() const { return m_probe; }

    // --- what it shows ---
    app::Session& session() { return m_session; }
    const app::Session& session() const { return m_session; }
    // A registered panel by its type (panels/panels.hpp), and bringing its tab to the front.
    template <class P>
    P& panel() const {
        for (const auto& p : m_panels)
            if (auto* q = dynamic_cast<P*>(p.get())) return *q;
        throw std::logic_error("panel not registered");
    }
    template <class P>
    void showPanel() {
        m_show = &panel<P>();
    }
    FileDialog& fileDialog() { return *m_fileDialog; }

    // --- what the frame and its panels share ---
    std::vector<std::string> selection;  // variable names and alias keys, as written
    Tool tool = Tool::Select;
    bool snap = true;  // new and moved symbols snap to the grid
    Mode mode = Mode::Edit;
    bool chartFocus = false;  // charts take most of the main area (View > Large charts)
    // The loop the diagram highlights, thick by each link's score (the Loops tab sets it; empty for none).
    std::vector<app::HighlightLink> loopHighlight;
    // What the highlight is, written on the diagram ("B8 the delayed-discharge spiral in charge: -97%");
    // empty for no label.
    std::string loopHighlightLabel;

    // --- actions that need the window around them ---
    // Presentation mode, the time cursor at the start and paused: the room sees the run unfold on Play.
    void present() {
        mode = Mode::Present;
        m_session.rewindPlayback();
    }
    bool openFile(const std::string& path, std::string& error);
    void newModel();
    // Save; an untitled model opens Save As on a name in the working folder instead.
    bool save();
    // Run `action` now, or after asking whether to save unsaved changes first.
    void guardUnsaved(std::function<void()> action);
    // Restore the first recovery offer (asking first when it would replace unsaved work of another model).
    bool restoreRecovery();
    void select(const std::string& name, bool add = false);
    bool isSelected(const std::string& name) const;
    void copySelection();
    void pasteClipboard();
    void deleteSelection();
    // A chart PNG wanted: the charts' rectangle is read back after this frame is rendered (app.cpp).
    void exportChartPng(const std::string& path) { m_pendingChartExport = path; }
    std::optional<std::string> takeChartExport();
    // A failed export or write, shown in a dialog until the user closes it (and on the status line).
    void reportError(std::string title, std::string message);
    const std::string& errorShown() const { return m_errorMessage; }
    void setChartRect(ImVec2 lo, ImVec2 hi) { m_chartRect = ImVec4(lo.x, lo.y, hi.x, hi.y); }
    ImVec4 chartExportRect() const { return m_chartRect; }
    // The canvas, toolbar and status line say each frame whether they have the keyboard (letters then pick
    // tools).
    void diagramHasKeyboard(bool focused) { m_toolKeys = m_toolKeys || focused; }

  private:
    void shortcuts();
    void layoutPanels(ImVec2 display);
    void drawSlot(Slot slot, ImVec2 pos, ImVec2 size);
    void drawModals();
    void afterModelReplaced();

    app::Session m_session;
    std::vector<std::unique_ptr<Panel>> m_panels;  // the one list (panels/registry.cpp)
    Panel* m_show = nullptr;                       // a tab to bring to the front next frame
    std::unique_ptr<FileDialog> m_fileDialog;
    LatencyProbe* m_probe = nullptr;
    uint64_t m_generation = 0;  // the session's document the panels last showed
    bool m_toolKeys = true;     // letters pick tools (see shortcuts()): set while the last frame was drawn
    std::function<void()> m_guarded;
    bool m_askSave = false, m_quitConfirmed = false;
    std::optional<std::string> m_pendingChartExport;
    std::string m_errorTitle, m_errorMessage;  // the error dialog's, while it is open
    ImVec4 m_chartRect{0, 0, 0, 0};
};

}  // namespace sdw::ui
