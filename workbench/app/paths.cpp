// Where sdw's files are. Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#include "workbench/app/paths.hpp"

#include <cstdlib>
#include <filesystem>

#include "solver/io/load_model.hpp"

namespace fs = std::filesystem;

namespace sdw::app {

std::string projectRoot() {
    if (const char* home = std::getenv("SDW_HOME"); home && *home) return home;
#ifdef SDW_SOURCE_DIR
    if (fs::exists(fs::path(SDW_SOURCE_DIR) / "models")) return SDW_SOURCE_DIR;
#endif
    return fs::current_path().string();
}

std::string defaultModelPath() {
    return (fs::path(projectRoot()) / "models" / "adult_social_care" / "adult_social_care.xmile").string();
}

std::string outputReplacesModel(const std::string& out, const std::string& model) {
    std::error_code ec;
    if (!model.empty() && fs::equivalent(out, model, ec)) return "it is the model file";
    if (const std::string ext = io::modelExtension(out); !ext.empty())
        return "it is named like a model file (" + ext + ")";
    return "";
}

std::string stateDirectory() {
    fs::path dir;
    if (const char* x = std::getenv("XDG_STATE_HOME"); x && *x)
        dir = fs::path(x) / "sdw";
    else if (const char* h = std::getenv("HOME"); h && *h)
        dir = fs::path(h) / ".local" / "state" / "sdw";
    else
        dir = "/tmp/sdw-state";
    std::error_code ec;
    fs::create_directories(dir, ec);
    return dir.string();
}

}  // namespace sdw::app
