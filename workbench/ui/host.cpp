// The window of a workbench session: GLFW, OpenGL 3 and ImGui set up and torn down, a frame drawn, pixels
// read back. Layer: workbench/ui. No Lua.
#include "workbench/ui/host.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdlib>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>

#include "workbench/app/session_export.hpp"
#include "workbench/ui/theme.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

bool haveDisplay() {
    const char* x = std::getenv("DISPLAY");
    const char* w = std::getenv("WAYLAND_DISPLAY");
    return (x && *x) || (w && *w);
}

Host::~Host() {
    if (m_imgui) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    if (m_window) glfwDestroyWindow(m_window);
    if (m_glfw) glfwTerminate();
}

bool Host::start(int w, int h, float scaleOverride, std::string& error) {
    if (!haveDisplay()) {
        error = "no display (neither DISPLAY nor WAYLAND_DISPLAY is set)";
        return false;
    }
    if (!glfwInit()) {
        error = "GLFW could not start (glfwInit failed)";
        return false;
    }
    m_glfw = true;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    m_window = glfwCreateWindow(w, h, "sdw workbench", nullptr, nullptr);
    if (!m_window) {
        error = "could not create an OpenGL 3 window";
        return false;
    }
    glfwMakeContextCurrent(m_window);
    glfwSwapInterval(1);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    m_imgui = true;
    ImGui::GetIO().IniFilename = nullptr;  // the layout is fixed: nothing to remember
    float sx = 1, sy = 1;
    glfwGetWindowContentScale(m_window, &sx, &sy);
    theme::apply(scaleOverride > 0 ? scaleOverride : sx);
    ImGui_ImplGlfw_InitForOpenGL(m_window, true);
    // Keys go through KeyEvents to the backend, so a tap between two frames is seen (key_events.hpp).
    static_assert(KeyEvents::kPress == GLFW_PRESS && KeyEvents::kRelease == GLFW_RELEASE &&
                  KeyEvents::kRepeat == GLFW_REPEAT);
    GLFWwindow* window = m_window;
    m_keys = KeyEvents([window](int key, int scancode, int action, int mods) {
        ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
    });
    glfwSetWindowUserPointer(m_window, this);
    glfwSetKeyCallback(m_window, &Host::onKey);
    ImGui_ImplOpenGL3_Init("#version 130");
    return true;
}

void Host::onKey(GLFWwindow* window, int key, int scancode, int action, int mods) {
    if (auto* host = static_cast<Host*>(glfwGetWindowUserPointer(window)))
        host->m_keys.key(key, scancode, action, mods);
}

void Host::frame(Workbench& wb, std::vector<unsigned char>* capture, int* cw, int* ch) {
    m_keys.deliver();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    int fw = 0, fh = 0;
    glfwGetFramebufferSize(m_window, &fw, &fh);
    const ImVec2 logical = ImGui::GetIO().DisplaySize;
    wb.frame(logical);
    ImGui::Render();
    glViewport(0, 0, fw, fh);
    glClearColor(0.96f, 0.96f, 0.95f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (auto path = wb.takeChartExport()) exportRegion(*path, wb.chartExportRect(), fw, fh, logical, wb);
    if (capture) {
        readBack(0, 0, fw, fh, fh, *capture);
        *cw = fw;
        *ch = fh;
    }
    glfwSwapBuffers(m_window);
    wb.afterPresent();
}

bool Host::writePng(const std::string& path, int w, int h, const std::vector<unsigned char>& rgb) {
    return stbi_write_png(path.c_str(), w, h, 3, rgb.data(), w * 3) != 0;
}

// GL's back buffer, read before the swap (the front buffer reads black under Xvfb).
void Host::readBack(int x, int y, int w, int h, int fbH, std::vector<unsigned char>& out) {
    std::vector<unsigned char> raw(static_cast<size_t>(w) * h * 3);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(x, fbH - y - h, w, h, GL_RGB, GL_UNSIGNED_BYTE, raw.data());
    out.resize(raw.size());
    const size_t row = static_cast<size_t>(w) * 3;
    for (int r = 0; r < h; ++r)  // GL's rows run bottom-up
        std::copy_n(raw.data() + static_cast<size_t>(h - 1 - r) * row, row,
                    out.data() + static_cast<size_t>(r) * row);
}

void Host::exportRegion(const std::string& path, ImVec4 rect, int fw, int fh, ImVec2 logical, Workbench& wb) {
    const float sx = fw / std::max(1.0f, logical.x), sy = fh / std::max(1.0f, logical.y);
    const int x = static_cast<int>(rect.x * sx), y = static_cast<int>(rect.y * sy);
    const int w = static_cast<int>((rect.z - rect.x) * sx), h = static_cast<int>((rect.w - rect.y) * sy);
    if (w <= 0 || h <= 0 || x < 0 || y < 0 || x + w > fw || y + h > fh) {
        wb.reportError("The PNG was not exported", "Open the tab to export (Charts or Business case) first.");
        return;
    }
    std::vector<unsigned char> px;
    readBack(x, y, w, h, fh, px);
    std::string error;
    auto& s = wb.session();
    if (!writePng(path, w, h, px))
        wb.reportError("The PNG was not exported",
                       "Could not write " + path + " (is the folder there, and writable?)");
    else if (!app::writeProvenanceBeside(path, app::provenanceOf(s, s.runsForExport()), error))
        wb.reportError("The PNG's provenance was not written", error);
    else
        s.setStatus("Exported " + path + " (provenance beside it)");
}

}  // namespace sdw::ui
