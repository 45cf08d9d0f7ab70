// The desktop app: GLFW window + OpenGL3 + ImGui main loop, the `open` and `shot` commands, and the headless
// fallback when there is no display. Layer: workbench/ui. No Lua.
#include "workbench/ui/app.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>

#include "workbench/app/paths.hpp"
#include "workbench/cli/commands.hpp"
#include "workbench/ui/canvas.hpp"
#include "workbench/ui/latency_probe.hpp"
#include "workbench/ui/panels/panels.hpp"
#include "workbench/ui/theme.hpp"
#include "workbench/ui/workbench.hpp"
#if defined(SDW_HAVE_PLUGINS)
#include "workbench/app/levers/lever_set.hpp"
#endif

namespace sdw::ui {

namespace {

bool haveDisplay() {
    const char* x = std::getenv("DISPLAY");
    const char* w = std::getenv("WAYLAND_DISPLAY");
    return (x && *x) || (w && *w);
}

// Owns the window and the ImGui context for one session.
class Host {
  public:
    ~Host() {
        if (m_imgui) {
            ImGui_ImplOpenGL3_Shutdown();
            ImGui_ImplGlfw_Shutdown();
            ImGui::DestroyContext();
        }
        if (m_window) glfwDestroyWindow(m_window);
        if (m_glfw) glfwTerminate();
    }
    bool start(int w, int h, float scaleOverride, std::string& error) {
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
        ImGui_ImplOpenGL3_Init("#version 130");
        return true;
    }
    GLFWwindow* window() const { return m_window; }

    // One frame; `capture` (if set) gets the back buffer before the swap.
    void frame(Workbench& wb, std::vector<unsigned char>* capture = nullptr, int* cw = nullptr,
               int* ch = nullptr) {
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

    static void readBack(int x, int y, int w, int h, int fbH, std::vector<unsigned char>& out) {
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

  private:
    void exportRegion(const std::string& path, ImVec4 rect, int fw, int fh, ImVec2 logical, Workbench& wb) {
        const float sx = fw / std::max(1.0f, logical.x), sy = fh / std::max(1.0f, logical.y);
        const int x = static_cast<int>(rect.x * sx), y = static_cast<int>(rect.y * sy);
        const int w = static_cast<int>((rect.z - rect.x) * sx), h = static_cast<int>((rect.w - rect.y) * sy);
        if (w <= 0 || h <= 0 || x < 0 || y < 0 || x + w > fw || y + h > fh) {
            wb.session().setStatus("Chart export: open the Charts tab first");
            return;
        }
        std::vector<unsigned char> px;
        readBack(x, y, w, h, fh, px);
        wb.session().setStatus(stbi_write_png(path.c_str(), w, h, 3, px.data(), w * 3)
                                   ? "Exported chart to " + path
                                   : "Could not write " + path);
    }

    bool m_glfw = false, m_imgui = false;
    GLFWwindow* m_window = nullptr;
};

int interactive(const std::string& path) {
    Host host;
    std::string error;
    if (!host.start(1600, 1000, 0, error)) {
        std::fprintf(stderr, "sdw: cannot open the workbench window: %s.\n", error.c_str());
        return -1;
    }
    Workbench wb;
    if (!path.empty() && !wb.openFile(path, error))
        wb.session().setStatus("Could not open " + path + ": " + error);
    wb.session().offerUntitledRecovery();  // a new model from a session that ended before it was saved
    bool fullScreen = false;
    int savedX = 0, savedY = 0, savedW = 1600, savedH = 1000;
    while (!wb.quitRequested()) {
        if ((wb.mode == Mode::Present) != fullScreen) {  // presentation mode takes the whole monitor
            fullScreen = wb.mode == Mode::Present;
            GLFWmonitor* mon = glfwGetPrimaryMonitor();
            const GLFWvidmode* mode = mon ? glfwGetVideoMode(mon) : nullptr;
            if (fullScreen && mode) {
                glfwGetWindowPos(host.window(), &savedX, &savedY);
                glfwGetWindowSize(host.window(), &savedW, &savedH);
                glfwSetWindowMonitor(host.window(), mon, 0, 0, mode->width, mode->height, mode->refreshRate);
            } else if (!fullScreen) {
                glfwSetWindowMonitor(host.window(), nullptr, savedX, savedY, savedW, savedH, 0);
            }
        }
        if (glfwWindowShouldClose(host.window())) {
            glfwSetWindowShouldClose(host.window(), GLFW_FALSE);
            wb.requestQuit();
        }
        host.frame(wb);
        if (wb.animating())
            glfwPollEvents();
        else
            glfwWaitEventsTimeout(0.25);  // idle: no busy loop
    }
    return cli::kExitOk;
}

int headlessDefault(const std::string& why) {
    std::fprintf(stderr,
                 "sdw: %s, so the workbench cannot open; running the default scenarios headless instead.\n"
                 "     (Open the workbench on a desktop, or under Xvfb: xvfb-run -a sdw)\n\n",
                 why.c_str());
    return cli::runDefaultHeadless();
}

int cmdOpen(int argc, char** argv) {
    CLI::App app{"open a model in the workbench"};
    std::string path;
    app.add_option("model", path, "model file (.xmile, .stmx, .mdl)")->required();
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? cli::kExitOk : cli::kExitUsage;
    }
    const int rc = interactive(path);
    return rc < 0 ? cli::kExitModelError : rc;
}

#if defined(SDW_HAVE_PLUGINS)
// The levers view: the run without levers kept as the baseline, then two reablement levers on (the lever form
// of the "Reablement done right" scenario), so the charts overlay the two.
void prepareLevers(Workbench& wb) {
    wb.showPanel<LeversPanel>();
    auto& s = wb.session();
    for (const char* id : {"expand_short_term_services", "reablement_effectiveness"})
        if (auto* l = s.levers().find(id)) {
            s.levers().setOn(*l, true);
            s.leversChanged();
            wb.settle();
        }
}

// A lever with params that is on: the first the levers view switched on.
app::Lever* firstLeverWithParams(app::Session& s) {
    for (auto& l : s.levers().levers())
        if (l.on && !l.plugin->params.empty()) return &l;
    return nullptr;
}
#endif

// Set up the state a view shows: a selection, kept runs, the tab.
void prepareView(Workbench& wb, const std::string& view) {
#if defined(SDW_HAVE_PLUGINS)
    if (view == "levers") prepareLevers(wb);
#endif
    auto& s = wb.session();
    if (!s.inputs().empty() && (view == "compare" || view == "all" || view == "chart" || view == "present")) {
        s.keepRun("Baseline");
        for (auto& in : s.inputs())  // a scenario: the presented inputs to three quarters of their range
            if (in.present) in.value = in.min + (in.max - in.min) * 0.75;
        s.rerun();
        wb.settle();
        s.keepRun("Scenario");
    }
    if (view == "table") wb.showPanel<TablePanel>();
    if (view == "compare") wb.showPanel<ComparePanel>();
    if (view == "chart") wb.chartFocus = true;
    if (view == "present") wb.mode = Mode::Present;
    if (view == "all" || view == "diagram") {
        for (const auto& v : s.doc().model().variables)
            if (v.kind == model::VarKind::Stock && s.doc().viewObject(v.name)) {
                wb.select(v.name);
                break;
            }
    }
    if (!s.timeColumn().empty())
        s.playback().time = s.timeColumn().front() + (s.timeColumn().back() - s.timeColumn().front()) * 0.6;
}

// Frames until the probe has seen its results on screen (at most ten seconds of frames).
void frameUntilShown(Host& host, Workbench& wb, const LatencyProbe& probe) {
    for (int f = 0; f < 600 && !probe.done(); ++f) host.frame(wb);
}

// Measure slider move -> new results drawn, through the same path a user's drag takes.
void measureLatency(Host& host, Workbench& wb, bool lever) {
    auto& s = wb.session();
    LatencyProbe probe;
    wb.setLatencyProbe(&probe);
#if defined(SDW_HAVE_PLUGINS)
    if (lever) {
        app::Lever* l = firstLeverWithParams(s);
        if (!l) return wb.setLatencyProbe(nullptr);
        const auto& p = l->plugin->params.front();
        const double old = l->values[p.name];
        l->values[p.name] = p.min + (p.max - p.min) * 0.8;
        probe.start(s.leversChanged());
        frameUntilShown(host, wb, probe);
        std::printf(
            "lever slider moved (%s.%s): new results ready after %.1f ms, on screen after %.1f ms = %d "
            "frame%s later\n",
            l->plugin->id.c_str(), p.name.c_str(), probe.workerMs(), probe.screenMs(), probe.frames(),
            probe.frames() == 1 ? "" : "s");
        l->values[p.name] = old;
        s.leversChanged();
        wb.settle();
        wb.setLatencyProbe(nullptr);
        return;
    }
#endif
    (void)lever;
    app::SliderInput* in = nullptr;
    for (auto& i : s.inputs())
        if (i.present) in = &i;
    if (!in && !s.inputs().empty()) in = &s.inputs().front();
    if (!in) return wb.setLatencyProbe(nullptr);
    const double old = in->value;
    in->value = in->min + (in->max - in->min) * 0.3;
    probe.start(s.inputsChanged());
    frameUntilShown(host, wb, probe);
    std::printf(
        "slider moved (%s): new results ready after %.1f ms, on screen after %.1f ms = %d frame%s later\n",
        in->name.c_str(), probe.workerMs(), probe.screenMs(), probe.frames(), probe.frames() == 1 ? "" : "s");
    in->value = old;
    s.inputsChanged();
    wb.settle();
    wb.setLatencyProbe(nullptr);
}

int cmdShot(int argc, char** argv) {
    CLI::App app{"render the workbench on a model and write a PNG (needs a display; use xvfb-run)"};
    std::string path, out, size = "1600x1000", view = "all", chartPng, selectName;
    int frames = 6;
    float scale = 0;
    bool measure = false;
    app.add_option("model", path, "model file")->required();
    app.add_option("--out", out, "PNG to write")->required();
    app.add_option("--size", size, "window size WxH");
    app.add_option("--view", view,
                   "diagram|chart|table|compare|present|all|levers (levers: with the plugin host)")
        ->check(CLI::IsMember({"diagram", "chart", "table", "compare", "present", "all", "levers"}));
    app.add_option("--frames", frames, "frames to draw before the capture");
    app.add_option("--scale", scale, "font scale (default: the monitor's content scale)");
    app.add_flag("--measure", measure, "also measure and print slider-to-screen latency");
    app.add_option("--select", selectName, "select this variable (the properties panel shows it)");
    app.add_option("--chart-png", chartPng,
                   "also export the charts alone to this PNG (File > Export charts)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? cli::kExitOk : cli::kExitUsage;
    }
    int w = 1600, h = 1000;
    if (std::sscanf(size.c_str(), "%dx%d", &w, &h) != 2 || w < 200 || h < 150) {
        std::fprintf(stderr, "sdw shot: --size must look like 1600x1000\n");
        return cli::kExitUsage;
    }
    Host host;
    std::string error;
    if (!host.start(w, h, scale, error)) {
        std::fprintf(stderr,
                     "sdw shot: %s. Run it under a display, e.g. xvfb-run -a -s \"-screen 0 1600x1000x24\" "
                     "sdw shot ...\n",
                     error.c_str());
        return cli::kExitModelError;
    }
    glfwSwapInterval(0);
    glfwSetCursorPos(host.window(), w - 2, h - 2);  // keep the pointer off the panels: no stray hover
    Workbench wb;
    if (!wb.openFile(path, error)) {
        std::fprintf(stderr, "sdw shot: %s\n", error.c_str());
        return cli::kExitModelError;
    }
    host.frame(wb);  // the first frame lays out the canvas (fit to view)
    wb.settle();
    if (measure && view != "levers") measureLatency(host, wb, false);
    prepareView(wb, view);
    if (measure && view == "levers") {
        for (int f = 0; f < 3; ++f) host.frame(wb);  // the levers tab is open, as a user would have it
        measureLatency(host, wb, true);
    }
    if (const auto* v = wb.session().doc().find(selectName); v && !selectName.empty()) {
        wb.select(v->name);
        wb.panel<CanvasPanel>().centreOn(v->name);
    }
    for (int f = 0; f < std::max(1, frames - 1); ++f) {
        host.frame(wb);
        wb.settle();
    }
    if (!chartPng.empty()) {
        wb.exportChartPng(chartPng);
        host.frame(wb);
        std::printf("%s\n", wb.session().status().c_str());
    }
    std::vector<unsigned char> px;
    int cw = 0, ch = 0;
    host.frame(wb, &px, &cw, &ch);
    if (!stbi_write_png(out.c_str(), cw, ch, 3, px.data(), cw * 3)) {
        std::fprintf(stderr, "sdw shot: could not write %s\n", out.c_str());
        return cli::kExitModelError;
    }
    std::printf("wrote %s (%dx%d, view %s)\n", out.c_str(), cw, ch, view.c_str());
    return cli::kExitOk;
}

}  // namespace

void registerGuiCommands() {
    cli::registerCommand({"open", "open a model in the desktop workbench", cmdOpen});
    cli::registerCommand(
        {"shot", "render the workbench on a model to a PNG (under a display or xvfb-run)", cmdShot});
}

int runDefault() {
    if (!haveDisplay())
        return headlessDefault("no display is available (DISPLAY and WAYLAND_DISPLAY are unset)");
    const int rc = interactive(app::defaultModelPath());
    if (rc < 0) return headlessDefault("the window could not be created");
    return rc;
}

}  // namespace sdw::ui
