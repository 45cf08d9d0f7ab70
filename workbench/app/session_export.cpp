// The provenance of the workbench's exports. Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#include "workbench/app/session_export.hpp"

#include "workbench/app/format.hpp"

namespace sdw::app {

Provenance provenanceOf(const Session& session, const std::vector<KeptRun>& runs) {
    const auto& doc = session.doc();
    Provenance p = provenanceOf(doc.path().empty() ? "(not saved yet)" : doc.path(), doc.project());
    if (doc.dirty()) p.modelHash += " (the file as saved; the model has unsaved changes)";
    for (const auto& r : runs) {
        std::string line = r.name + ": ";
        if (!r.scenarioFile.empty()) p.scenarios.push_back(r.scenarioFile);
        std::string levers;
        for (const auto& l : r.leverSettings) levers += (levers.empty() ? "" : "; ") + l;
        line += levers.empty() ? "no levers" : "levers " + levers;
        std::string sets;
        for (const auto& [name, value] : r.sets)
            sets += (sets.empty() ? "" : ", ") + name + "=" + readableNumber(value);
        line += sets.empty() ? "; sliders as the model has them" : "; sliders " + sets;
        p.settings.push_back(line);
    }
    return p;
}

}  // namespace sdw::app
