// Times a user's act (a slider moved) to its results on screen, from outside the workbench's core, which only
// tells an attached probe which runs arrived and when frames were presented (`sdw shot --measure`, tests).
// Layer: workbench/ui. No ImGui, no Lua.
#pragma once

#include <cstdint>

#include "workbench/app/session.hpp"

namespace sdw::ui {

class LatencyProbe {
  public:
    // The user acted now; the run with this tag (Session::inputsChanged()) carries the act.
    void start(uint64_t tag);
    void arrived(const app::RunArrival& run);  // results reached the session (drawn in this frame)
    void presented();                          // a frame is on screen
    bool waiting() const { return m_tag != 0 && !m_done; }
    bool done() const { return m_done; }
    double workerMs() const { return m_workerMs; }  // act -> results ready on the UI thread's queue
    double screenMs() const { return m_screenMs; }  // act -> the frame that drew them presented
    int frames() const { return m_frames; }         // frames presented in between

  private:
    uint64_t m_tag = 0;
    app::Clock::time_point m_start;
    bool m_arrived = false, m_done = false;
    int m_frames = 0;
    double m_workerMs = -1, m_screenMs = -1;
};

}  // namespace sdw::ui
