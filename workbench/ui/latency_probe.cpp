// Slider-to-screen timing. Layer: workbench/ui. No ImGui, no Lua.
#include "workbench/ui/latency_probe.hpp"

namespace sdw::ui {

namespace {
double msBetween(app::Clock::time_point a, app::Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}
}  // namespace

void LatencyProbe::start(uint64_t tag) {
    *this = {};
    m_tag = tag;
    m_start = app::Clock::now();
}

void LatencyProbe::arrived(const app::RunArrival& run) {
    if (run.tag != m_tag || m_arrived) return;
    m_arrived = true;
    m_workerMs = msBetween(m_start, run.finishedAt);
}

void LatencyProbe::presented() {
    if (m_tag == 0 || m_done) return;
    ++m_frames;
    if (!m_arrived) return;
    m_done = true;
    m_screenMs = msBetween(m_start, app::Clock::now());
}

}  // namespace sdw::ui
