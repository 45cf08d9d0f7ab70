// Morris screening and Sobol indices in the How sure tab's "Which assumptions matter": ranked bars of one
// outcome at a chosen time, written for a strategy lead (Morris: how far the outcome moves, in its own units,
// when a constant crosses its range; Sobol: each constant's share of the outcome's spread, alone and with the
// others), with the `sdw sensitivity` command line that gives the same numbers. The runs are workbench/app's
// GlobalSensitivity. Layer: workbench/ui/panels (ImGui). No Lua.
#pragma once

#include <imgui.h>

#include <chrono>
#include <functional>
#include <string>

#include "workbench/app/uncertainty/global_sensitivity.hpp"

namespace sdw::ui {

class Workbench;

class GlobalView {
  public:
    using ProgressLine =
        std::function<void(const app::AnalysisJob&, const char*, const std::function<void()>&, ImVec4&)>;
    bool start(Workbench& wb, const app::GlobalOptions& o);
    void cancel() { m_job.cancel(); }
    void beforeFrame(Workbench& wb);
    void reset();
    bool busy() const { return m_job.job().running(); }
    bool settle(Workbench& wb, std::chrono::milliseconds timeout);
    // The progress, the message and the result's bars (at most `maxBars`) for `method`'s last result.
    void draw(Workbench& wb, app::GlobalMethod method, int maxBars, const ProgressLine& progress);

    const app::GlobalSensitivity& job() const { return m_job; }
    const std::string& message() const { return m_message; }
    int barsDrawn() const { return m_barsDrawn; }  // in the last frame
    void notDrawn() { m_barsDrawn = 0; }           // a frame that showed the tornado instead
    float labelColumn() const { return m_labelW; }
    ImVec4 cancelButton() const { return m_cancelButton; }

  private:
    void headline(Workbench& wb, const app::GlobalResult& r);
    void chart(const app::GlobalResult& r, int maxBars);
    void notes(Workbench& wb, const app::GlobalResult& r);

    app::GlobalSensitivity m_job;
    std::string m_message;
    int m_barsDrawn = 0;
    float m_labelW = 0;
    ImVec4 m_cancelButton{0, 0, 0, 0};
};

}  // namespace sdw::ui
