// The set of plugins a program knows (read from plugins/levers/ and any other folder), each checked against
// the plugin contract (plugins/README.md). Layer: plugins/host. No Lua types here: the UI may include it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plugins/host/plugin_descriptor.hpp"
#include "solver/diag/diagnostics.hpp"

namespace sdw::plugins {

// Loads one plugin file in a throwaway sandbox and checks the table it returns. Every broken rule becomes an
// E4xx diagnostic naming the file, the line and the rule. Returns nullopt when the plugin is refused.
std::optional<PluginDescriptor> checkPluginFile(const std::string& path, diag::Diagnostics& diags,
                                                const SandboxLimits& limits = {});
// The same for plugin source text already read (`path` names it in diagnostics).
std::optional<PluginDescriptor> checkPluginSource(const std::string& source, const std::string& path,
                                                  diag::Diagnostics& diags, const SandboxLimits& limits = {});

class PluginLibrary {
  public:
    // Adds a checked plugin; refuses a broken one or a duplicate id (with diagnostics).
    bool addFile(const std::string& path, diag::Diagnostics& diags);
    // Adds every *.lua in a folder, in name order. Returns how many were added.
    size_t addDirectory(const std::string& dir, diag::Diagnostics& diags);
    const PluginDescriptor* find(const std::string& id) const;
    const std::vector<PluginDescriptor>& all() const { return m_plugins; }
    SandboxLimits limits;

  private:
    std::vector<PluginDescriptor> m_plugins;
};

// The folder of shipped levers under a project root: <root>/plugins/levers.
std::string leversDirectory(const std::string& projectRoot);

}  // namespace sdw::plugins
