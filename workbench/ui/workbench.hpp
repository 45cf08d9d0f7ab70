// The workbench window's state and frame: the open document, the runs, selection, panels and modes.
// Layer: workbench/ui (ImGui). Panels (workbench/ui/panels/) draw from this state; no Lua here: plugin levers
// arrive as plain C++ descriptors (see `leverPanelHook`).
#pragma once

#include <imgui.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "solver/compile/compiled_model.hpp"
#include "solver/sim/simulate.hpp"
#include "workbench/app/document.hpp"
#include "workbench/app/recovery.hpp"
#include "workbench/app/run_service.hpp"
#include "workbench/ui/widgets/time_plot.hpp"

namespace sdw::app {
class LeverSet;  // workbench/app/levers: built only with the plugin host
}

namespace sdw::ui {

enum class Tool { Select, Stock, Flow, Aux, Connector, Alias };
enum class BottomTab { Charts, Table, Diagnostics, Compare };
enum class InputsTab { Levers, Constants };

// A constant offered as a slider.
struct SliderInput {
    std::string name;  // as written
    std::string units;
    std::string group;     // the diagram group (sector) it sits in, or "Constants"
    std::string equation;  // the model's equation the slider was made from: `base` is its value
    double min = 0, max = 1, base = 0, value = 0;
    bool present = false;  // shown in presentation mode
};

// A run kept for comparison. The first one kept is the baseline.
struct KeptRun {
    std::string name;
    std::shared_ptr<const sim::RunResult> result;
    std::vector<std::pair<std::string, double>> sets;
    std::string levers;  // titles of the plugin levers that were on ("" = none)
};

struct ChartSpec {
    std::vector<std::string> vars;
    widgets::PlotView view;
    bool present = true;  // shown in presentation mode
};

class Workbench {
  public:
    Workbench();
    ~Workbench();

    // Open a model file (replaces the document; the caller asks about unsaved changes first).
    bool openFile(const std::string& path, std::string& error);
    void newModel();
    // One frame: poll results, autosave, draw every panel. `display` is the framebuffer size in pixels.
    void frame(ImVec2 display);
    // After the frame is on screen: latency bookkeeping.
    void afterPresent();
    // Wait for the run in flight and take its result (screenshots, tests).
    void settle();

    bool quitRequested() const { return m_quitConfirmed; }
    // Something is moving (playback, a run in flight): the main loop should not sleep.
    bool animating() const { return playing || m_runner.busy() || m_checker.busy() || m_resultShownPending; }
    void requestQuit();                            // asks about unsaved changes first
    std::optional<std::string> takeChartExport();  // a chart PNG to write after this frame (path)
    ImVec4 chartExportRect() const { return m_chartRect; }

    // --- state the panels use ---
    app::Document doc;
    std::vector<std::string> selection;
    Tool tool = Tool::Select;
    bool snap = true;
    BottomTab bottomTab = BottomTab::Charts;
    bool forceBottomTab = false;
    bool presentMode = false;
    bool chartFocus = false;  // charts take the main area (shot --view chart)
    std::shared_ptr<const sim::RunResult> result;
    std::shared_ptr<const compile::CompiledModel> compiled;
    diag::Diagnostics diagnostics;  // compile + run
    std::vector<SliderInput> inputs;
    std::vector<ChartSpec> charts;
    std::vector<KeptRun> kept;
    std::vector<double> timeColumn;                           // result's time column (shared by chart series)
    std::map<std::string, int> columnIndex;                   // canonical name -> result column
    std::map<std::string, std::pair<double, double>> ranges;  // canonical name -> min, max over the run
    double scrubTime = 0;
    bool playing = false;
    double lastLatencyMs = -1;  // slider move -> new results drawn
    int lastLatencyFrames = -1;
    double lastWorkerMs = -1;  // slider move -> result ready on the UI thread's queue
    std::string status;
    // Live equation check of the properties panel: variable, text, and the diagnostics it got.
    std::string checkName, checkText;
    diag::Diagnostics checkDiagnostics;
    bool checkPending = false;
    // Plugin levers (from plugins/host descriptors) draw themselves here when the host is linked.
    std::function<void(Workbench&)> leverPanelHook;
    InputsTab inputsTab = InputsTab::Constants;
    bool forceInputsTab = false;
#if defined(SDW_HAVE_PLUGINS)
    std::shared_ptr<app::LeverSet> levers;  // plugins on/off, their params, the model's scenarios
    // A lever was switched or moved: keep the run before any lever as the baseline, then re-run (timed like a
    // constant slider).
    void leversChanged();
    // Apply a scenario: its levers and params, its constants on the sliders (others back to the model's).
    bool applyScenario(size_t index);
    // Re-read the plugins and the open model's scenarios (load problems go to the diagnostics panel).
    // `keepOn`: the same model was reopened, so the levers the user had on stay on.
    void reloadLevers(bool keepOn = false);
#endif
    app::RecentFiles recent;
    std::string stateDir;
    std::string requestCanvasFocus;  // centre the canvas on this variable next frame ("*fit*": fit all)
    std::string fileDialogMode;      // "open", "save", "csv", "png" or empty
    std::string fileDialogPath;

    // --- actions ---
    void select(const std::string& name, bool add = false);
    bool isSelected(const std::string& name) const;
    void rerun();        // submit a run of the current document and slider values
    void sliderMoved();  // like rerun, timing slider -> screen
    void submitCheck(const std::string& name, const std::string& text);
    void keepRun(const std::string& name);
    void addToChart(const std::string& name, size_t chart = 0);
    void exportCsv(const std::string& path);
    void exportChartPng(const std::string& path) {
        m_pendingChartExport = path;
    }
    void setChartRect(ImVec2 lo, ImVec2 hi) {
        m_chartRect = ImVec4(lo.x, lo.y, hi.x, hi.y);
    }
    bool save();
    void saveAs(const std::string& path);
    std::optional<double> valueAt(const std::string& name, double time) const;
    std::optional<std::pair<double, double>> seriesRange(const std::string& name) const;
    // The time a variable first had no value (NaN or infinite) in the current run, if it did.
    std::optional<double> nonFiniteFrom(const std::string& name) const;
    // Deferred with a "save changes?" prompt when the document is dirty.
    void guardUnsaved(std::function<void()> action);
    void copySelection();
    void pasteClipboard();
    void deleteSelection();
    // The canvas and toolbar say each frame whether they have the keyboard (letters then pick tools).
    void diagramHasKeyboard(bool focused);
    // Autosaved work never saved, offered one at a time in a modal: the open model's (on open, when newer
    // than its file), then an untitled model's (at start-up: see offerUntitledRecovery).
    struct RecoveryOffer {
        std::string file;       // the autosaved copy
        std::string modelPath;  // the model it belongs to ("" = an untitled model)
    };
    std::optional<RecoveryOffer> recoveryOffer() const;
    // At start-up: queue autosaved untitled work (a new model that was never saved) for Restore/Discard.
    void offerUntitledRecovery();
    // Load the first offer as the document, dirty, under its model's path ("" for untitled work). Restoring
    // untitled work over a document with unsaved changes asks about those first.
    bool restoreRecovery();
    void discardRecoveryOffer();  // delete the first offer's autosaved copy; the document stays as it is
    // Seconds without an edit before unsaved work is copied for recovery (see autosave()).
    double autosaveSeconds = app::kAutosaveSeconds;

  private:
    void pollRuns();
    void rebuildInputs();
    void syncInputsWithModel();
    void choosePresentedInputs();
    void defaultCharts();
    void outcomeCharts();
    void autosave();
    void shortcuts();
    void drawMenu();
    void drawModals();
    void layoutPanels(ImVec2 display);
    void advancePlayback();

    app::RunService m_runner;
    app::RunService m_checker;
    uint64_t m_submittedRevision = 0;
    uint64_t m_runTag = 0;
    uint64_t m_firstTagOfModel = 0;  // the first run of the open model (older outcomes are dropped)
    bool m_measureNext = false;
    app::Clock::time_point m_measureStart;
    uint64_t m_measureTag = 0;
    int m_frame = 0, m_measureFrame = 0;
    bool m_resultShownPending = false;
    uint64_t m_editRevision = 0, m_autosavedRevision = 0;  // autosave(): the last edit seen, the last copy
    std::chrono::steady_clock::time_point m_lastEdit, m_unsavedSince;
    std::function<void()> m_guarded;
    bool m_askSave = false, m_quitConfirmed = false;
    bool m_toolKeys = true;  // letters pick tools (see shortcuts()): set while the last frame was drawn
    std::vector<RecoveryOffer> m_recoveryOffers;
    void loadRecovery(const RecoveryOffer& offer);
    void forgetModelState();  // selection, runs, inputs, charts and diagnostics of the model that was open
    std::map<std::string, double> m_nonFinite;  // canonical name -> first time it was NaN or infinite
    std::optional<std::string> m_pendingChartExport;
    ImVec4 m_chartRect{0, 0, 0, 0};
};

// Panels and modes (workbench/ui/panels/*.cpp and canvas.cpp).
void drawCanvas(Workbench& wb, ImVec2 pos, ImVec2 size);
void drawToolbar(Workbench& wb, ImVec2 pos, ImVec2 size);
void drawInputsPanel(Workbench& wb, ImVec2 pos, ImVec2 size);
void drawPropertiesPanel(Workbench& wb, ImVec2 pos, ImVec2 size);
// Edits typed into the properties panel go to the model once their field is left (however it is left).
void commitLeftEdits(Workbench& wb);
// Where a properties field ("name", "equation", "units", "doc", "range", "start", ...) was last drawn, as
// (x0, y0, x1, y1) in screen pixels: tests drive the panel with the pointer through it.
std::optional<ImVec4> propertiesFieldRect(const std::string& field);
void drawBottomPanel(Workbench& wb, ImVec2 pos, ImVec2 size);
void drawChartsTab(Workbench& wb, ImVec2 avail, bool presenting = false);
// The charts drawn side by side: those with variables (chart 1 even when empty, as a place to add them);
// when presenting, only the ones chosen for it that have variables.
std::vector<size_t> chartsShown(const Workbench& wb, bool presenting);
// The series of one chart: the current run solid, then every kept run that differs from it overlaid: the
// baseline (the first kept) dashed, later runs dotted and paler. `keptTimes` holds their time columns.
std::vector<widgets::Series> chartSeries(const Workbench& wb, const ChartSpec& c,
                                         std::vector<std::vector<double>>& keptTimes);
void drawStatusBar(Workbench& wb, ImVec2 pos, ImVec2 size);
void drawPresentation(Workbench& wb, ImVec2 display);
void drawFileDialog(Workbench& wb);
void drawMenuBar(Workbench& wb);
#if defined(SDW_HAVE_PLUGINS)
void drawLeverPanel(Workbench& wb);  // workbench/ui/levers/levers_panel.cpp
#endif

}  // namespace sdw::ui
