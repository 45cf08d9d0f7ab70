// The main menu (File, Edit, View, Run, Help) and a plain file chooser (ImGui has none; no native dialogs so
// nothing beyond GLFW is needed). Layer: workbench/ui/panels (ImGui). No Lua.
#include "workbench/ui/panels/menus.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

#include "workbench/app/paths.hpp"
#include "workbench/ui/canvas.hpp"
#include "workbench/ui/panels/charts_panel.hpp"
#include "workbench/ui/panels/panels.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

namespace fs = std::filesystem;

namespace {

void fileMenu(Workbench& wb) {
    auto& s = wb.session();
    auto& dialog = wb.fileDialog();
    if (ImGui::MenuItem("New", "Ctrl+N")) wb.guardUnsaved([&wb] { wb.newModel(); });
    if (ImGui::MenuItem("Open...", "Ctrl+O"))
        wb.guardUnsaved([&wb] { wb.fileDialog().openModel(wb.session().doc().path()); });
    if (ImGui::BeginMenu("Open Recent", !s.recent().items().empty())) {
        for (const auto& p : s.recent().items())
            if (ImGui::MenuItem(p.c_str())) {
                const std::string path = p;
                wb.guardUnsaved([&wb, path] {
                    std::string err;
                    if (!wb.openFile(path, err)) wb.session().setStatus("Open failed: " + err);
                });
            }
        ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Save", "Ctrl+S")) wb.save();
    if (ImGui::MenuItem("Save As..."))
        dialog.open(FileAction::SaveAs,
                    s.doc().path().empty() ? (fs::current_path() / "model.xmile").string() : s.doc().path());
    ImGui::Separator();
    if (ImGui::MenuItem("Export results as CSV...", nullptr, false, s.result() != nullptr))
        dialog.open(FileAction::ExportCsv, (fs::current_path() / "results.csv").string());
    if (ImGui::MenuItem("Export charts as PNG...", nullptr, false, s.result() != nullptr))
        dialog.open(FileAction::ExportPng, (fs::current_path() / "chart.png").string());
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) wb.requestQuit();
}

void editMenu(Workbench& wb) {
    auto& doc = wb.session().doc();
    if (ImGui::MenuItem("Undo", "Ctrl+Z", false, doc.canUndo())) doc.undo();
    if (ImGui::MenuItem("Redo", "Ctrl+Y", false, doc.canRedo())) doc.redo();
    ImGui::Separator();
    if (ImGui::MenuItem("Copy", "Ctrl+C", false, !wb.selection.empty())) wb.copySelection();
    if (ImGui::MenuItem("Paste", "Ctrl+V")) wb.pasteClipboard();
    if (ImGui::MenuItem("Delete", "Del", false, !wb.selection.empty())) wb.deleteSelection();
    ImGui::Separator();
    if (ImGui::MenuItem("Select all")) {
        wb.selection.clear();
        for (const auto& v : doc.model().variables) wb.selection.push_back(v.name);
    }
    ImGui::MenuItem("Snap to grid", nullptr, &wb.snap);
    ImGui::Separator();
    bool missing = false;  // a variable the diagram does not show (a file without a sketch)
    for (const auto& v : doc.model().variables) missing = missing || !doc.viewObject(v.name);
    if (ImGui::MenuItem("Lay out variables not on the diagram", nullptr, false, missing)) {
        doc.layOutMissing();
        wb.panel<CanvasPanel>().fit();
    }
}

void viewMenu(Workbench& wb) {
    if (ImGui::MenuItem("Fit diagram")) wb.panel<CanvasPanel>().fit();
    ImGui::MenuItem("Large charts", nullptr, &wb.chartFocus);
    if (ImGui::MenuItem("Charts")) wb.showPanel<ChartsPanel>();
    if (ImGui::MenuItem("Table")) wb.showPanel<TablePanel>();
    if (ImGui::MenuItem("Diagnostics")) wb.showPanel<DiagnosticsPanel>();
    if (ImGui::MenuItem("Compare runs")) wb.showPanel<ComparePanel>();
    ImGui::Separator();
    if (ImGui::MenuItem("Presentation mode", "F5")) wb.present();
}

void runMenu(Workbench& wb) {
    auto& s = wb.session();
    if (ImGui::MenuItem("Run now")) s.rerun();
    if (ImGui::MenuItem(s.playback().playing ? "Pause" : "Play", "Space")) s.togglePlay();
    if (ImGui::MenuItem("Keep run for comparison")) s.keepRun("");
    if (ImGui::MenuItem("Reset all inputs")) s.resetInputs();
}

}  // namespace

void drawMenuBar(Workbench& wb) {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        fileMenu(wb);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Edit")) {
        editMenu(wb);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        viewMenu(wb);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Run")) {
        runMenu(wb);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        ImGui::TextUnformatted("sdw: the system-dynamics workbench for health and social care");
        ImGui::Separator();
        ImGui::TextDisabled("S stock, F flow, A auxiliary, C connector, V select");
        ImGui::TextDisabled("Wheel zooms, right-drag pans, double-click renames");
        ImGui::TextDisabled("Space plays the run, F5 presents, Esc leaves");
        ImGui::TextDisabled("Ctrl+S save, Ctrl+Z undo, Ctrl+Y redo, Del deletes");
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

void FileDialog::open(FileAction action, std::string path) {
    m_action = action;
    m_path = std::move(path);
    m_refusal.clear();
    m_replacing.clear();
}

bool FileDialog::confirm(Workbench& wb) {
    std::error_code ec;
    if (m_action == FileAction::None || fs::is_directory(m_path, ec)) return false;
    // Exports, a profile and a panel's own file write what is not a model: never over one (picking the model
    // in the list, then Save, wrote the results over it). Save As writes the model itself.
    const bool writesOther = m_action == FileAction::ExportCsv || m_action == FileAction::ExportPng ||
                             m_action == FileAction::SaveProfile || m_action == FileAction::SaveOther;
    m_refusal = writesOther ? app::outputReplacesModel(m_path, wb.session().doc().path()) : "";
    // Save As writes XMILE: not into a .mdl or .stmx name (neither Vensim nor Stella would read it as
    // theirs).
    if (m_action == FileAction::SaveAs) m_refusal = app::Document::whyNotXmile(m_path);
    if (!m_refusal.empty()) return false;
    // Another existing file (last month's export, another model under Save As): asked first, as any
    // editor asks; Save As onto the open model's own file is a plain Save.
    const std::string& own = wb.session().doc().path();
    const bool ownModel = m_action == FileAction::SaveAs && !own.empty() && fs::equivalent(m_path, own, ec);
    if ((writesOther || m_action == FileAction::SaveAs) && !ownModel && fs::exists(m_path, ec) &&
        !asksToReplace()) {
        m_replacing = m_path;
        return false;
    }
    finish(wb);
    return true;
}

void FileDialog::openModel(const std::string& currentModel) {
    open(FileAction::Open,
         currentModel.empty() ? fs::current_path().string() : fs::path(currentModel).parent_path().string());
}

void FileDialog::save(std::string title, const std::string& fileName,
                      std::function<void(const std::string&)> done) {
    m_title = std::move(title);
    m_done = std::move(done);
    open(FileAction::SaveOther, (fs::current_path() / fileName).string());
}

void FileDialog::openOther(std::string title, const std::string& currentModel,
                           std::function<void(const std::string&)> done) {
    m_title = std::move(title);
    m_done = std::move(done);
    open(FileAction::OpenOther,
         currentModel.empty() ? fs::current_path().string() : fs::path(currentModel).parent_path().string());
}

void FileDialog::draw(Workbench& wb) {
    if (m_action == FileAction::None) return;
    const char* title = m_action == FileAction::SaveOther || m_action == FileAction::OpenOther
                            ? m_title.c_str()
                        : m_action == FileAction::Open        ? "Open model"
                        : m_action == FileAction::SaveAs      ? "Save model as"
                        : m_action == FileAction::ExportCsv   ? "Export results as CSV"
                        : m_action == FileAction::LoadProfile ? "Load a local profile"
                        : m_action == FileAction::SaveProfile ? "Save the local profile as"
                                                              : "Export charts as PNG";
    ImGui::OpenPopup(title);
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 40, ImGui::GetFontSize() * 26),
                             ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(title)) return;
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##path", &m_path);
    fs::path dir = m_path;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
    // The buttons, and a refusal's or a question's line above them.
    const float below = m_refusal.empty() && !asksToReplace() ? 1.3f : 2.4f;
    ImGui::BeginChild("##entries", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * below), true);
    if (ImGui::Selectable("..")) m_path = dir.parent_path().string();
    std::vector<fs::directory_entry> entries;
    for (const auto& e : fs::directory_iterator(dir, fs::directory_options::skip_permission_denied, ec))
        entries.push_back(e);
    std::sort(entries.begin(), entries.end(),
              [](auto& a, auto& b) { return a.path().filename() < b.path().filename(); });
    for (const auto& e : entries) {
        const std::string name = e.path().filename().string() + (e.is_directory(ec) ? "/" : "");
        if (name.front() == '.') continue;
        if (ImGui::Selectable(name.c_str())) m_path = e.path().string();
    }
    ImGui::EndChild();
    const bool opens = m_action == FileAction::Open || m_action == FileAction::LoadProfile ||
                       m_action == FileAction::OpenOther;
    if (!m_refusal.empty())
        ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "Not written: %s.", m_refusal.c_str());
    else if (asksToReplace())
        ImGui::TextColored(ImVec4(0.75f, 0.45f, 0, 1),
                           "%s already exists: Replace writes over it, or choose another name.",
                           fs::path(m_path).filename().string().c_str());
    const bool go = ImGui::Button(opens ? "Open" : asksToReplace() ? "Replace" : "Save", ImVec2(120, 0));
    m_goButton = ImVec4(ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
                        ImGui::GetItemRectMax().y);
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(120, 0))) {
        m_action = FileAction::None;
        ImGui::CloseCurrentPopup();
    }
    if (go && confirm(wb)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void FileDialog::finish(Workbench& wb) {
    std::string err;
    switch (m_action) {
        case FileAction::Open:
            if (!wb.openFile(m_path, err)) wb.session().setStatus("Open failed: " + err);
            break;
        case FileAction::SaveAs:
            wb.session().saveAs(m_path);
            break;
        case FileAction::ExportCsv:
            if (!wb.session().exportCsv(m_path, err)) wb.reportError("The results were not exported", err);
            break;
        case FileAction::ExportPng:
            wb.exportChartPng(m_path);
            break;
        case FileAction::LoadProfile: {
            diag::Diagnostics diags;
            if (!wb.session().loadProfile(m_path, diags))
                wb.session().setStatus("Profile not loaded: " +
                                       (diags.empty() ? m_path : diag::format(diags.items().front())));
            break;
        }
        case FileAction::SaveProfile:
            wb.session().setStatus(wb.session().saveProfile(m_path, err)
                                       ? "Saved the local profile to " + m_path
                                       : "Profile not saved: " + err);
            break;
        case FileAction::SaveOther:
        case FileAction::OpenOther:
            if (m_done) m_done(m_path);
            break;
        case FileAction::None:
            break;
    }
    m_action = FileAction::None;
}

}  // namespace sdw::ui
