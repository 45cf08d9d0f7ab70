// Files the workbench keeps for the user: the recent-files list and autosave recovery copies.
// Layer: workbench/app. No ImGui, GLFW, GL or Lua; directories are passed in so tests use a temp dir.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace sdw::app {

inline constexpr size_t kMaxRecent = 10;
// Unsaved work is copied for recovery this long after the last edit (debounced), and at least this often
// while edits go on.
inline constexpr double kAutosaveSeconds = 2;
inline constexpr double kRecoveryMaxWaitSeconds = 10;

class RecentFiles {
  public:
    explicit RecentFiles(std::string listFile) : m_file(std::move(listFile)) { load(); }
    // Put a path at the top (absolute, no duplicates, at most kMaxRecent), and save the list.
    void add(const std::string& path);
    void remove(const std::string& path);
    const std::vector<std::string>& items() const { return m_items; }

  private:
    void load();
    void store() const;
    std::string m_file;
    std::vector<std::string> m_items;
};

// The recovery file for a model path ("" = an untitled model) inside a state directory.
std::string recoveryPathFor(const std::string& modelPath, const std::string& stateDir);
// A recovery file worth offering: it exists and is newer than the model file (or the model has no file).
std::optional<std::string> pendingRecovery(const std::string& modelPath, const std::string& stateDir);
void discardRecovery(const std::string& modelPath, const std::string& stateDir);

}  // namespace sdw::app
