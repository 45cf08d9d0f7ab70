// Files the lever tests share: the county model, the shipped levers, and a folder holding one broken lever.
// Layer: tests/workbench (app and ui tests).
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

namespace sdw::test {

inline const std::string kCountyModel =
    std::string(SDW_SOURCE_DIR) + "/models/adult_social_care/adult_social_care.xmile";
inline const std::string kShippedLevers = std::string(SDW_SOURCE_DIR) + "/plugins/levers";

// A folder with one broken lever file: a syntax error on line 3.
inline std::string brokenPluginDir() {
    const auto dir = std::filesystem::temp_directory_path() / "sdw_levers_panel_broken";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "broken_lever.lua")
        << "return {\n  id = \"broken_lever\",\n  title = = \"oops\",\n}\n";
    return dir.string();
}

}  // namespace sdw::test
