// The window of a workbench session: GLFW + an OpenGL 3 context + ImGui with its GLFW and OpenGL backends;
// one frame drawn, a chart region or the whole back buffer read back to PNG. Layer: workbench/ui. No Lua.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "workbench/ui/key_events.hpp"

struct GLFWwindow;

namespace sdw::ui {

class Workbench;

bool haveDisplay();  // DISPLAY or WAYLAND_DISPLAY is set

class Host {
  public:
    Host() = default;
    ~Host();
    Host(const Host&) = delete;
    Host& operator=(const Host&) = delete;
    // Open a w x h window; scaleOverride > 0 sets the font scale (else the monitor's content scale).
    bool start(int w, int h, float scaleOverride, std::string& error);
    GLFWwindow* window() const { return m_window; }
    // One frame; `capture` (if set) gets the back buffer (RGB, top row first) before the swap.
    void frame(Workbench& wb, std::vector<unsigned char>* capture = nullptr, int* cw = nullptr,
               int* ch = nullptr);
    // Write RGB pixels as a PNG.
    static bool writePng(const std::string& path, int w, int h, const std::vector<unsigned char>& rgb);
    // Key events wait for a frame (a quick tap's release waits one more): draw the next one without idling.
    bool keysPending() const { return m_keys.pending(); }

  private:
    static void readBack(int x, int y, int w, int h, int fbH, std::vector<unsigned char>& out);
    void exportRegion(const std::string& path, ImVec4 rect, int fw, int fh, ImVec2 logical, Workbench& wb);
    static void onKey(GLFWwindow* window, int key, int scancode, int action, int mods);
    bool m_glfw = false, m_imgui = false;
    GLFWwindow* m_window = nullptr;
    KeyEvents m_keys{nullptr};  // GLFW's key events on their way to ImGui's backend, a frame at a time
};

}  // namespace sdw::ui
