// Key presses and releases handed to ImGui one frame's worth at a time, so that no key is lost. ImGui 1.86
// reads the keys' state once a frame: a key pressed and released between two frames (a quick tap while the
// frame was busy drawing a playing run, xdotool, a remote desktop) was never seen, and Enter in a slider's
// value box did nothing. Layer: workbench/ui (no GLFW header: the actions are GLFW's numbers). No Lua.
#pragma once

#include <deque>
#include <functional>

namespace sdw::ui {

class KeyEvents {
  public:
    static constexpr int kRelease = 0, kPress = 1, kRepeat = 2;  // GLFW_RELEASE, GLFW_PRESS, GLFW_REPEAT
    // Where a key event goes when its frame comes (the GLFW backend's key callback, or a test's stand-in).
    using Forward = std::function<void(int key, int scancode, int action, int mods)>;
    explicit KeyEvents(Forward forward) : m_forward(std::move(forward)) {}

    // A key event as the window system reports it, kept until the next frame.
    void key(int key, int scancode, int action, int mods) {
        m_queue.push_back({key, scancode, action, mods});
    }
    // Before a frame: hand on the events in order, up to the release of a key pressed in this same batch
    // (that release and what follows wait for the next frame, so the frame sees the key down).
    void deliver();
    bool pending() const { return !m_queue.empty(); }  // events wait for a frame: draw one soon

  private:
    struct Event {
        int key, scancode, action, mods;
    };
    Forward m_forward;
    std::deque<Event> m_queue;
};

}  // namespace sdw::ui
