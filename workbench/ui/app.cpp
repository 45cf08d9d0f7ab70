// The desktop app: the main loop in a window (host.hpp), the `open` command, and the headless fallback when
// there is no display. `shot` lives in shot.cpp. Layer: workbench/ui. No Lua.
#include "workbench/ui/app.hpp"

#include <GLFW/glfw3.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>

#include "workbench/app/paths.hpp"
#include "workbench/cli/commands.hpp"
#include "workbench/ui/host.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

namespace {

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
        if (wb.animating() || host.keysPending())
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
    CLI::App app{"open a model in the workbench", "sdw open"};
    std::string path;
    app.add_option("model", path, "model file (.xmile, .stmx, .mdl); without one, the default county model");
    if (int rc; !cli::parseCommandLine(app, argc, argv, rc)) return rc;
    const int rc = interactive(path.empty() ? app::defaultModelPath() : path);
    return rc < 0 ? cli::kExitModelError : rc;
}

}  // namespace

int cmdShot(int argc, char** argv);  // shot.cpp

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
