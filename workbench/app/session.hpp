// The open model and all the workbench derives from it, without a window: document, runs, live check,
// sliders, kept runs, charts' variables, time marker, levers, recent files, autosave and recovery. Layer:
// workbench/app. No ImGui, GLFW, GL or Lua: workbench/ui draws this state; tests drive it directly.
#pragma once

#include <cstdint>
#include <future>
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

namespace sdw::app {

class LeverSet;  // workbench/app/levers: built only with the plugin host

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
    std::string levers;                      // titles of the plugin levers that were on ("" = none)
    std::vector<std::string> leverSettings;  // "Expand short-term services: uplift=1.4", in the order applied
    std::string scenarioFile;                // the scenario applied ("" = none)
};

// A chart as the user chose it: the variables it plots, and whether presentation mode shows it.
struct Chart {
    std::vector<std::string> vars;
    bool present = true;
};

// The time the diagram, charts and properties read values at; playback moves it through the run.
struct Playback {
    double time = 0;
    bool playing = false;
    double seconds = 10;  // the whole run plays in this many seconds of wall time (a trainer sets it)
    static constexpr double kMinSeconds = 2, kMaxSeconds = 120;
};

// Autosaved work never saved: the copy, and the model it belongs to ("" = an untitled model).
struct RecoveryOffer {
    std::string file;
    std::string modelPath;
};

// A run's results reached the session (for whoever times the way from a slider to the screen).
struct RunArrival {
    uint64_t tag = 0;
    Clock::time_point finishedAt;
};

class Session {
  public:
    // `stateDir` holds recent files and recovery copies (stateDirectory() unless a test says otherwise).
    explicit Session(std::string stateDir);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // --- the model (session.cpp) ---
    Document& doc() { return m_doc; }
    const Document& doc() const { return m_doc; }
    // Open a model file in place of the document (the caller asks about unsaved changes first). Everything
    // that belonged to the model that was open goes: its runs, sliders, kept runs, charts, time marker, and
    // its levers unless the same file is reopened.
    bool open(const std::string& path, std::string& error);
    void newModel();
    // Bumped each time the document is replaced (open, new, restore): the UI resets what it shows of it.
    uint64_t generation() const { return m_generation; }
    // Save under the document's path: false when it has none yet (say Save As) or the write failed (status).
    bool save();
    bool saveAs(const std::string& path);
    // The user chose not to save: the recovery copy of the open model is dropped.
    void discardUnsavedCopy();
    // The current run, every column, with its provenance beside it (FILE.provenance.txt, as `sdw run --out`
    // writes): false with the reason in `error` (and the status line) when a file cannot be written.
    bool exportCsv(const std::string& path, std::string& error);
    bool exportCsv(const std::string& path) {
        std::string error;
        return exportCsv(path, error);
    }
    // Every run an export of the current state holds: the kept runs, then the current one.
    std::vector<KeptRun> runsForExport() const;
    const std::string& status() const { return m_status; }
    void setStatus(std::string s) { m_status = std::move(s); }

    // --- runs (session_runs.cpp) ---
    // Ask for a run of the document as it is, with the sliders and levers as set (the newest wins). Returns
    // its tag.
    uint64_t rerun();
    // A slider or a lever moved: the same, named for what the user did.
    uint64_t inputsChanged() { return rerun(); }
    // The frame's work, never blocking: take a finished run and check, re-run when the document changed,
    // write the recovery copy when due. Says which run's results arrived, if one did.
    std::optional<RunArrival> update();
    // Wait for the run in flight and take it (screenshots, tests).
    std::optional<RunArrival> settle();
    bool busy() const { return m_runner.busy() || m_checker.busy(); }
    // The last run asked for, for analyses that run the model as the session does (loop scores): the model
    // snapshot and its revision, the request (spec.sets: the sliders; plugins: the levers on) and the compile
    // overrides (a loaded profile's computed inputs). Null project before the first run.
    struct RunAsked {
        std::shared_ptr<const model::Project> project;
        uint64_t revision = 0;
        sim::RunRequest request;
        compile::CompileOptions options;
    };
    const RunAsked& lastAsked() const { return m_lastAsked; }

    std::shared_ptr<const sim::RunResult> result() const { return m_result; }
    std::shared_ptr<const compile::CompiledModel> compiled() const { return m_compiled; }
    const diag::Diagnostics& diagnostics() const { return m_diagnostics; }  // compile, run and lever files
    const std::vector<double>& timeColumn() const { return m_timeColumn; }
    // A variable's value in the current run at a time (the saved row at or after it).
    std::optional<double> valueAt(const std::string& name, double time) const;
    // Its smallest and largest finite value over the run.
    std::optional<std::pair<double, double>> seriesRange(const std::string& name) const;
    // The time it first had no value (NaN or infinite), if it did.
    std::optional<double> nonFiniteFrom(const std::string& name) const;
    size_t nonFiniteCount() const { return m_nonFinite.size(); }
    // The first error that names this variable (or one of its elements) in the diagnostics: what the diagram
    // flags on it. Null when it has none.
    const diag::Diagnostic* errorIn(const std::string& name) const;

    // --- the live equation check ---
    void check(const std::string& name, const std::string& equation);
    bool checking() const { return m_checkPending; }
    const std::string& checkedName() const { return m_checkName; }
    const diag::Diagnostics& checkDiagnostics() const { return m_checkDiagnostics; }

    // --- sliders, kept runs, charts, the time marker (session_inputs.cpp) ---
    std::vector<SliderInput>& inputs() { return m_inputs; }
    const std::vector<SliderInput>& inputs() const { return m_inputs; }
    void resetInputs();  // every slider back to the model's value, and a run
    // A value typed for slider `index` ("1,250", "£12.5"): set and run when it is a number within the
    // slider's range; else false, the slider unchanged, with what was wrong in `error`.
    bool typeInput(size_t index, const std::string& text, std::string& error);
    // The model's local profile (its "Local profile" group: the inputs that make it a particular council),
    // first among the sliders (session_profile.cpp). Loading a profile CSV sets those sliders and runs; every
    // row is checked against the model first (name, kind, units) and a bad file changes nothing, with its
    // errors in `diags`. Saving writes the sliders' current values with units and sources.
    bool loadProfile(const std::string& path, diag::Diagnostics& diags);
    bool saveProfile(const std::string& path, std::string& error) const;
    bool hasProfile() const;
    // Profile values for inputs the model computes from others (no slider): set on every run until reset.
    const std::vector<std::pair<std::string, double>>& profileSets() const { return m_profileSets; }
    const std::vector<KeptRun>& kept() const { return m_kept; }
    void keepRun(const std::string& name);  // "" names it Baseline, then Run 1, Run 2...
    // The current run as keepRun would keep it (its result, sliders moved, levers on), named `name`.
    KeptRun currentRun(const std::string& name) const;
    void forgetKeptRuns() { m_kept.clear(); }
    std::vector<Chart>& charts() { return m_charts; }
    const std::vector<Chart>& charts() const { return m_charts; }
    void addToChart(const std::string& name, size_t chart = 0);
    // What the charts show, each variable once: the measures the table and the comparison list.
    std::vector<std::string> chartedVariables() const;
    Playback& playback() { return m_playback; }
    const Playback& playback() const { return m_playback; }
    void togglePlay();                // from the end, play starts again at the start
    void advancePlayback(double dt);  // seconds of wall time: the whole run plays in playback().seconds
    void rewindPlayback();            // the marker to the start, paused: nothing of the run shown yet

    // --- recent files, autosave and recovery (session.cpp) ---
    const std::string& stateDir() const { return m_stateDir; }
    const RecentFiles& recent() const { return m_recent; }
    // Seconds without an edit before unsaved work is copied for recovery.
    void setAutosaveSeconds(double s) { m_autosaveSeconds = s; }
    // Wait for a recovery copy being written (settle() does too).
    void finishRecoveryCopy();
    // Autosaved work never saved, offered one at a time: the open model's (on open, when newer than its
    // file), then an untitled model's (at start-up: offerUntitledRecovery).
    std::optional<RecoveryOffer> recoveryOffer() const;
    void offerUntitledRecovery();
    // Restoring the first offer would replace a document with unsaved changes of another model.
    bool restoreReplacesUnsaved() const;
    // Load the first offer as the document, dirty, under its model's path ("" for untitled work).
    bool restoreRecovery();
    // The same in two steps, for a caller that asks about unsaved changes in between: take the first offer
    // (it is no longer offered), then restore it.
    RecoveryOffer takeRecoveryOffer();
    bool restore(const RecoveryOffer& offer);
    void discardRecoveryOffer();  // delete the first offer's copy; the document stays as it is

#if defined(SDW_HAVE_PLUGINS)
    // --- levers (levers/session_levers.cpp; with the plugin host) ---
    LeverSet& levers();
    const LeverSet& levers() const;
    // A lever was switched or moved: keep the run before any lever as the baseline, then re-run.
    uint64_t leversChanged();
    // Apply a scenario: its levers and params, its constants on the sliders (others back to the model's).
    bool applyScenario(size_t index);
    void clearScenario();  // every lever off, sliders back to the model's values
    // Save what is set (levers, sliders moved, the scenario being run's times) as a scenario beside the model
    // (scenarioFileFor), listed among the scenarios at once and picked as the active one. False with a reason
    // when the model is not saved yet, the name is empty or the file cannot be written.
    bool saveScenario(const std::string& name, const std::string& description, std::string& error);
#endif

  private:
    void replaceDocument(Document doc, bool sameModel);
    void autosave();
    void takeCopyResult();
    void take(const RunOutcome& out);
    void indexResult();
    void syncInputsWithModel();
    void rebuildInputs();
    void choosePresentedInputs();
    void defaultCharts();
    void outcomeCharts();
    void reloadLevers(bool keepOn);

    std::string m_stateDir;
    RecentFiles m_recent;
    Document m_doc;
    uint64_t m_generation = 1;
    std::string m_status;
    // Runs.
    RunService m_runner, m_checker;
    uint64_t m_submittedRevision = 0, m_runTag = 0;
    uint64_t m_firstTagOfModel = 0;  // outcomes of runs before it are the last model's: dropped
    RunAsked m_lastAsked;
    std::shared_ptr<const sim::RunResult> m_result;
    std::shared_ptr<const compile::CompiledModel> m_compiled;
    diag::Diagnostics m_diagnostics;
    std::vector<double> m_timeColumn;
    std::map<std::string, int> m_columnIndex;                   // canonical name -> result column
    std::map<std::string, std::pair<double, double>> m_ranges;  // canonical name -> finite min, max
    std::map<std::string, double> m_nonFinite;  // canonical name -> first time without a value
    std::string m_checkName;
    diag::Diagnostics m_checkDiagnostics;
    bool m_checkPending = false;
    // What the user set and kept.
    std::vector<SliderInput> m_inputs;
    std::vector<std::pair<std::string, double>> m_profileSets;
    std::vector<KeptRun> m_kept;
    std::vector<Chart> m_charts;
    Playback m_playback;
    std::shared_ptr<LeverSet> m_levers;
    // Autosave and recovery.
    double m_autosaveSeconds;
    uint64_t m_editRevision = 0, m_autosavedRevision = 0;  // the last edit seen, the last copy written
    Clock::time_point m_lastEdit, m_unsavedSince;
    std::future<std::string> m_copy;  // the recovery copy being written ("" = written, else the error)
    uint64_t m_copyRevision = 0;
    std::vector<RecoveryOffer> m_recoveryOffers;
};

}  // namespace sdw::app
