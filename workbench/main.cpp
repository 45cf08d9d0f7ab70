// The `sdw` program: with no arguments it opens the workbench on the default model (or, with no display,
// runs the default scenarios headless); with a command it runs that command headless.
// Layer: workbench. The GUI is linked in only when built with SDW_BUILD_GUI.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include "workbench/cli/analysis_support.hpp"
#include "workbench/cli/commands.hpp"

#if defined(SDW_HAVE_GUI)
#include "workbench/ui/app.hpp"
#endif
#if defined(SDW_HAVE_PLUGINS)
#include "workbench/cli/plugins/plugin_commands.hpp"
#endif

int main(int argc, char** argv) {
    try {
        sdw::cli::registerEngineCommands();
        sdw::cli::registerLoopsCommand();
        sdw::cli::registerDocCommand();
        sdw::cli::registerAnalysisCommands();
#if defined(SDW_HAVE_PLUGINS)
        sdw::cli::registerPluginCommands();
#endif
#if defined(SDW_HAVE_GUI)
        sdw::ui::registerGuiCommands();
#endif
        if (argc < 2) {
#if defined(SDW_HAVE_GUI)
            return sdw::ui::runDefault();
#else
            std::fprintf(stderr,
                         "sdw: built without the workbench; running the default scenarios headless.\n\n");
            return sdw::cli::runDefaultHeadless();
#endif
        }
        return sdw::cli::dispatch(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sdw: internal error: %s\n", e.what());
        return 3;
    }
}
