// The main menu bar and the file chooser it opens (ImGui has none, and native dialogs would need more than
// GLFW). Layer: workbench/ui/panels (ImGui). No Lua.
#pragma once

#include <imgui.h>

#include <functional>
#include <string>

namespace sdw::ui {

class Workbench;

// What the file chooser is for.
enum class FileAction {
    None,
    Open,
    SaveAs,
    ExportCsv,
    ExportPng,
    LoadProfile,
    SaveProfile,
    SaveOther,
    OpenOther
};

class FileDialog {
  public:
    // Show the chooser for `action`, starting at `path` (a file or a folder).
    void open(FileAction action, std::string path);
    // Open a model: starting in the folder of the model that is open, else the working folder.
    void openModel(const std::string& currentModel);
    // A panel's own export: the chooser titled `title` on `fileName` in the last folder used, then `done`.
    void save(std::string title, const std::string& fileName, std::function<void(const std::string&)> done);
    // A panel's own file to read: the chooser titled `title` in the model's folder (else the working one),
    // then `done`.
    void openOther(std::string title, const std::string& currentModel,
                   std::function<void(const std::string&)> done);
    void draw(Workbench& wb);
    FileAction action() const { return m_action; }
    const std::string& path() const { return m_path; }
    // The Save or Open button: a file to write that would replace a model is refused (the dialog stays open,
    // saying why, for another name); one that would replace another existing file is not written at the
    // first press: the dialog says the file exists and its button becomes Replace, and a second press on the
    // same path writes it. Else the action is done and the dialog closes (true). On a folder: false.
    bool confirm(Workbench& wb);
    // Why the last Save was refused ("" when it was not).
    const std::string& refusal() const { return m_refusal; }
    // True while the dialog asks whether to write over the existing file at its path.
    bool asksToReplace() const { return !m_replacing.empty() && m_replacing == m_path; }
    // The Save (or Replace, or Open) button as last drawn (x0, y0, x1, y1).
    ImVec4 goButton() const { return m_goButton; }

  private:
    void finish(Workbench& wb);
    FileAction m_action = FileAction::None;
    std::string m_path;
    std::string m_title;                             // SaveOther's and OpenOther's
    std::function<void(const std::string&)> m_done;  // SaveOther's and OpenOther's
    std::string m_refusal;
    std::string m_replacing;  // the existing file the user was told of: a second Save writes over it
    ImVec4 m_goButton{};
};

void drawMenuBar(Workbench& wb);

}  // namespace sdw::ui
