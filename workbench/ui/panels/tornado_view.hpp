// "Which assumptions matter" in the How sure tab: a tornado chart of one outcome at a chosen time, one bar
// per constant with a plausible range (its low and high runs from the true baseline), widest swing first, or
// that outcome's Morris or Sobol bars (GlobalView),
// centred on the baseline value, with the outcome written as the workbench writes it (money as £ with
// k/m/bn). The runs are workbench/app's Tornado (analysis::oneAtATime). Layer: workbench/ui/panels (ImGui).
// No Lua.
#pragma once

#include <imgui.h>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "workbench/app/uncertainty/tornado.hpp"
#include "workbench/ui/panels/global_sensitivity_view.hpp"

namespace sdw::ui {

class Workbench;

// Shared by the tornado and the Morris / Sobol bars. A constant's range as its name column's second line:
// money at both ends, other units once ("0.5 to 2 people/(wte*week)").
std::string rangeLabel(double low, double high, const std::string& units);
// The name column's width for (name, range) rows in a chart `chartWidth` wide (ui/widgets/label_column).
float nameColumnWidth(const std::vector<std::pair<std::string, std::string>>& labels, float chartWidth);
// A row's name and range at `at`, each cut with "..." when wider than the column.
void nameCell(ImVec2 at, float width, const std::string& name, const std::string& range);
// A drop-down's width that shows its longest choice whole.
float comboWidth(const std::vector<std::string>& choices);

class TornadoView {
  public:
    // Draws a job's progress with its ETA and a Cancel button (the How sure tab's, shared).
    using ProgressLine =
        std::function<void(const app::AnalysisJob&, const char*, const std::function<void()>&, ImVec4&)>;
    void draw(Workbench& wb, const ProgressLine& progress);
    void beforeFrame(Workbench& wb);
    void reset();
    bool busy() const { return m_tornado.job().running() || m_global.busy(); }

    // The method the section runs: one at a time (the tornado), Morris screening or Sobol indices.
    enum class Method { OneAtATime, Morris, Sobol };
    void setMethod(Method m, int budget = 0, int seed = 1) {  // budget: trajectories or samples (0: as is)
        m_method = m;
        if (budget > 0) (m == Method::Sobol ? m_samples : m_trajectories) = budget;
        m_seed = seed;
    }
    Method method() const { return m_method; }
    GlobalView& global() { return m_global; }

    // What the buttons do (tests drive them too): Run with the chosen outcome and time.
    bool start(Workbench& wb);
    void cancel() { m_tornado.cancel(); }
    void choose(const std::string& outcome, std::optional<double> at) {
        m_outcome = outcome;
        m_at = at;
    }
    bool settle(Workbench& wb, std::chrono::milliseconds timeout = std::chrono::seconds(120));
    void scrollIntoView() { m_scroll = true; }  // the next frame brings the section to the top

    const app::Tornado& tornado() const { return m_tornado; }
    const std::string& message() const { return m_message; }
    ImVec4 runButton() const { return m_runButton; }
    ImVec4 cancelButton() const { return m_cancelButton; }
    int barsDrawn() const { return m_barsDrawn; }   // in the last frame
    ImVec4 atBox() const { return m_atBox; }        // the "at" drop-down, as last drawn
    float labelColumn() const { return m_labelW; }  // the bars' name column, as last drawn
    void setMaxBars(int n) { m_maxBars = n; }

  private:
    void controls(Workbench& wb);
    void chart(Workbench& wb, const app::TornadoResult& r);
    void notes(Workbench& wb, const app::TornadoResult& r);
    void methodControls(Workbench& wb);
    size_t rangedConstants(const Workbench& wb);

    Method m_method = Method::OneAtATime;
    int m_trajectories = 10, m_samples = 128, m_seed = 1;
    GlobalView m_global;
    uint64_t m_countedAt = ~uint64_t{0};
    size_t m_counted = 0;

    app::Tornado m_tornado;
    std::string m_outcome;       // empty: the model's first outcome measure
    std::optional<double> m_at;  // empty: the end of the run
    int m_maxBars = 12;
    std::string m_message;
    bool m_scroll = false;
    int m_barsDrawn = 0;
    float m_labelW = 0;
    ImVec4 m_runButton{0, 0, 0, 0}, m_cancelButton{0, 0, 0, 0}, m_atBox{0, 0, 0, 0};
};

}  // namespace sdw::ui
