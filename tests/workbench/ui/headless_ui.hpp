// The workbench driven frame by frame without a window or GL (ImGui's "null" pattern: build the font atlas,
// feed io, run frames, discard the draw data), with the pointer and the keyboard as a user's. Shared by the
// workbench's UI-level tests. Layer: tests/workbench.
#pragma once

#include <imgui.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>

#include "workbench/ui/canvas.hpp"
#include "workbench/ui/key_events.hpp"
#include "workbench/ui/panels/properties_panel.hpp"
#include "workbench/ui/theme.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::test {

// The centre of a box drawn at `r` (x0, y0, x1, y1); the box must have been drawn.
inline ImVec2 centre(const ImVec4& r) {
    REQUIRE(r.z > r.x);
    return ImVec2((r.x + r.z) / 2, (r.y + r.w) / 2);
}

// GLFW key codes, as the GLFW backend feeds them to ImGui 1.86 (letters are their upper-case ASCII).
inline constexpr int kKeyEnter = 257, kKeyTab = 258, kKeyBackspace = 259, kKeyDelete = 261, kKeyEscape = 256,
                     kKeySpace = 32, kKeyLeftCtrl = 341, kKeyRightCtrl = 345, kKeyLeftShift = 340,
                     kKeyRightShift = 344, kKeyPageUp = 266, kKeyPageDown = 267;

// What ImGui 1.86's GLFW backend does with a key event (ImGui_ImplGlfw_KeyCallback): the key's state, then
// the modifiers from the state of their keys.
inline void backendKey(int key, int, int action, int) {
    ImGuiIO& io = ImGui::GetIO();
    if (key >= 0 && key < IM_ARRAYSIZE(io.KeysDown)) {
        if (action == ui::KeyEvents::kPress) io.KeysDown[key] = true;
        if (action == ui::KeyEvents::kRelease) io.KeysDown[key] = false;
    }
    io.KeyCtrl = io.KeysDown[kKeyLeftCtrl] || io.KeysDown[kKeyRightCtrl];
    io.KeyShift = io.KeysDown[kKeyLeftShift] || io.KeysDown[kKeyRightShift];
}

class HeadlessUi {
  public:
    HeadlessUi() {
        const auto dir = std::filesystem::temp_directory_path() / "sdw_canvas_test_state";
        std::filesystem::create_directories(dir);
        setenv("XDG_STATE_HOME", dir.c_str(), 1);  // keep recent files and recovery out of the user's home
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1400, 900);
        io.DeltaTime = 1.0f / 60;
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;  // as the OpenGL 3 backend: big diagrams
        io.KeyMap[ImGuiKey_Tab] = kKeyTab;
        io.KeyMap[ImGuiKey_Enter] = kKeyEnter;
        io.KeyMap[ImGuiKey_Backspace] = kKeyBackspace;
        io.KeyMap[ImGuiKey_Delete] = kKeyDelete;
        io.KeyMap[ImGuiKey_Escape] = kKeyEscape;
        io.KeyMap[ImGuiKey_Space] = kKeySpace;
        io.KeyMap[ImGuiKey_A] = 'A';
        io.KeyMap[ImGuiKey_PageUp] = kKeyPageUp;
        io.KeyMap[ImGuiKey_PageDown] = kKeyPageDown;
        ui::theme::apply(1.0f);
        unsigned char* px = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    }
    ~HeadlessUi() { ImGui::DestroyContext(); }
    HeadlessUi(const HeadlessUi&) = delete;
    HeadlessUi& operator=(const HeadlessUi&) = delete;

    void frame(ui::Workbench& wb) {
        m_last = &wb;
        m_keys.deliver();  // as the window's host does before each frame
        ImGui::NewFrame();
        wb.frame(ImGui::GetIO().DisplaySize);
        ImGui::Render();
        wb.afterPresent();
    }
    void mouse(ui::Workbench& wb, ImVec2 p, bool down) {
        ImGui::GetIO().MousePos = p;
        ImGui::GetIO().MouseDown[0] = down;
        frame(wb);
    }
    // Move there, press, release: one click, as a hand makes it (a frame for each).
    void click(ui::Workbench& wb, ImVec2 p) {
        mouse(wb, p, false);
        mouse(wb, p, true);
        mouse(wb, p, false);
    }
    // Press at a, move to b in even steps with the button down, release at b.
    void drag(ui::Workbench& wb, ImVec2 a, ImVec2 b, int steps = 8) {
        mouse(wb, a, false);
        mouse(wb, a, true);
        for (int i = 1; i <= steps; ++i)
            mouse(wb, ImVec2(a.x + (b.x - a.x) * i / steps, a.y + (b.y - a.y) * i / steps), true);
        mouse(wb, b, false);
    }
    // A key pressed for one frame and released the next (with Ctrl held when asked), as key events the
    // window system reports, through the host's path (KeyEvents, then the backend's handling).
    void key(ui::Workbench& wb, int glfwKey, bool ctrl = false) {
        if (ctrl) m_keys.key(kKeyLeftCtrl, 0, ui::KeyEvents::kPress, 0);
        m_keys.key(glfwKey, 0, ui::KeyEvents::kPress, 0);
        frame(wb);
        m_keys.key(glfwKey, 0, ui::KeyEvents::kRelease, 0);
        if (ctrl) m_keys.key(kKeyLeftCtrl, 0, ui::KeyEvents::kRelease, 0);
        frame(wb);
    }
    // A quick tap: pressed and released between two frames (xdotool, a fast finger, a frame slowed by a
    // playing run), then frames for what it does.
    void tap(ui::Workbench& wb, int glfwKey) {
        m_keys.key(glfwKey, 0, ui::KeyEvents::kPress, 0);
        m_keys.key(glfwKey, 0, ui::KeyEvents::kRelease, 0);
        frame(wb);
        frame(wb);
    }
    // Typed text: each character as the GLFW backend delivers it (a key press for letters, then the
    // character), so shortcuts see the keys as they would.
    void type(ui::Workbench& wb, const std::string& text) {
        ImGuiIO& io = ImGui::GetIO();
        for (char c : text) {
            const int upper = c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
            const bool letter = upper >= 'A' && upper <= 'Z';
            if (letter) m_keys.key(upper, 0, ui::KeyEvents::kPress, 0);
            io.AddInputCharacter(static_cast<unsigned>(c));
            frame(wb);
            if (letter) m_keys.key(upper, 0, ui::KeyEvents::kRelease, 0);
        }
        frame(wb);
    }
    // Click into a properties field, select its text and type over it.
    void typeInto(ui::Workbench& wb, const std::string& field, const std::string& text) {
        click(wb, centreOf(field));
        key(wb, 'A', true);
        type(wb, text);
    }
    // Click into a box drawn at `r` (x0, y0, x1, y1), select its text, type over it and press Enter.
    void typeIntoBox(ui::Workbench& wb, const ImVec4& r, const std::string& text) {
        click(wb, centre(r));
        key(wb, 'A', true);
        type(wb, text);
        key(wb, kKeyEnter);
    }
    // Where a properties field was last drawn (x0, y0, x1, y1), and its centre.
    std::optional<ImVec4> fieldRect(const std::string& field) const {
        return m_last->panel<ui::PropertiesPanel>().fieldRect(field);
    }
    ImVec2 centreOf(const std::string& field) const {
        const auto r = fieldRect(field);
        REQUIRE(r);
        return ImVec2((r->x + r->z) / 2, (r->y + r->w) / 2);
    }
    // The diagram's view state (pan, zoom, the press in progress) of the workbench last drawn.
    ui::CanvasState& canvas() const { return m_last->panel<ui::CanvasPanel>().state(); }
    // Frames until the live equation check has answered.
    void waitForCheck(ui::Workbench& wb) {
        for (int i = 0; i < 400 && wb.session().checking(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            frame(wb);
        }
        REQUIRE_FALSE(wb.session().checking());
    }
    // Runs done and drawn.
    void settle(ui::Workbench& wb) {
        frame(wb);
        wb.settle();
        frame(wb);
    }
    // A new model with one straight pipe from (-100, 0) to (100, 0), selected, snap off.
    std::string selectedStraightPipe(ui::Workbench& wb) {
        wb.newModel();
        const auto f = wb.session().doc().createFlow(-100, 0, 100, 0, "transfers");
        wb.snap = false;
        wb.select(f);
        for (int i = 0; i < 3; ++i) frame(wb);
        return f;
    }
    // The pipe handle at a model point, and which variable the hit test names there.
    ui::PipeGrip::Kind gripAt(const ui::Workbench& wb, double x, double y, std::string& hit) {
        ui::PipeGrip grip;
        hit = ui::hitTest(wb, canvas(), screenOf(x, y), grip);
        return grip.kind;
    }
    // Open a model file and wait for its first run.
    void open(ui::Workbench& wb, const std::string& path) {
        std::string error;
        REQUIRE(wb.openFile(path, error));
        for (int i = 0; i < 400 && !wb.session().result(); ++i) {
            wb.settle();
            frame(wb);
        }
        REQUIRE(wb.session().result());
    }
    // Open the default (county) model and wait for its first run.
    void openCounty(ui::Workbench& wb) { open(wb, countyModel()); }
    // Show a results panel that computes on a worker (the Loops tab) and wait for its results.
    template <typename Panel>
    Panel& showSettled(ui::Workbench& wb) {
        wb.showPanel<Panel>();
        frame(wb);
        auto& panel = wb.panel<Panel>();
        panel.settle(wb);
        return panel;
    }
    static std::string countyModel() {
        return std::string(SDW_SOURCE_DIR) + "/models/adult_social_care/adult_social_care.xmile";
    }
    static std::string teachingModel(const std::string& name) {
        return std::string(SDW_SOURCE_DIR) + "/models/teaching/" + name + "/" + name + ".xmile";
    }
    // Screen position of a model point on the canvas.
    ImVec2 screenOf(double x, double y) const { return canvas().toScreen(x, y); }

  private:
    ui::Workbench* m_last = nullptr;  // the workbench of the last frame drawn
    ui::KeyEvents m_keys{backendKey};
};

}  // namespace sdw::test
