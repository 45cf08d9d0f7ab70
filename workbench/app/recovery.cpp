// Recent files and recovery files. Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#include "workbench/app/recovery.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>

namespace fs = std::filesystem;

namespace sdw::app {

void RecentFiles::load() {
    std::ifstream in(m_file);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty() && m_items.size() < kMaxRecent) m_items.push_back(line);
}

void RecentFiles::store() const {
    std::error_code ec;
    fs::create_directories(fs::path(m_file).parent_path(), ec);
    const std::string tmp = m_file + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        for (const auto& p : m_items) out << p << '\n';
        if (!out) return;
    }
    fs::rename(tmp, m_file, ec);
}

void RecentFiles::add(const std::string& path) {
    std::error_code ec;
    const std::string abs = fs::absolute(path, ec).lexically_normal().string();
    std::erase(m_items, abs);
    m_items.insert(m_items.begin(), abs);
    if (m_items.size() > kMaxRecent) m_items.resize(kMaxRecent);
    store();
}

void RecentFiles::remove(const std::string& path) {
    std::erase(m_items, path);
    store();
}

std::string recoveryPathFor(const std::string& modelPath, const std::string& stateDir) {
    std::string stem = "untitled";
    size_t hash = 0;
    if (!modelPath.empty()) {
        std::error_code ec;
        const fs::path abs = fs::absolute(modelPath, ec).lexically_normal();
        stem = abs.stem().string();
        hash = std::hash<std::string>{}(abs.string());
    }
    char tag[20];
    std::snprintf(tag, sizeof tag, "%08zx", hash & 0xffffffffu);
    return (fs::path(stateDir) / "recovery" / (stem + "-" + tag + ".recovery.xmile")).string();
}

std::optional<std::string> pendingRecovery(const std::string& modelPath, const std::string& stateDir) {
    const std::string rec = recoveryPathFor(modelPath, stateDir);
    std::error_code ec;
    if (!fs::exists(rec, ec)) return std::nullopt;
    if (!modelPath.empty() && fs::exists(modelPath, ec) &&
        fs::last_write_time(rec, ec) <= fs::last_write_time(modelPath, ec))
        return std::nullopt;
    return rec;
}

void discardRecovery(const std::string& modelPath, const std::string& stateDir) {
    std::error_code ec;
    fs::remove(recoveryPathFor(modelPath, stateDir), ec);
}

}  // namespace sdw::app
