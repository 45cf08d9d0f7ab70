// A fresh, empty folder under the system's temporary folder for a session's recent files and recovery copies
// (each test its own). Layer: tests/workbench/app (header only).
#pragma once

#include <filesystem>
#include <string>

namespace sdw::test {

inline std::string freshStateDir(const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

}  // namespace sdw::test
