// The main menu (File, Edit, View, Run, Help) and a plain file chooser (ImGui has none; no native dialogs so
// nothing beyond GLFW is needed). Layer: workbench/ui/panels (ImGui). No Lua.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

#include "workbench/ui/theme.hpp"
#include "workbench/ui/workbench.hpp"

namespace sdw::ui {

namespace fs = std::filesystem;

namespace {

void fileMenu(Workbench& wb) {
    if (ImGui::MenuItem("New", "Ctrl+N")) wb.guardUnsaved([&wb] { wb.newModel(); });
    if (ImGui::MenuItem("Open...", "Ctrl+O"))
        wb.guardUnsaved([&wb] {
            wb.fileDialogMode = "open";
            wb.fileDialogPath = wb.doc.path().empty() ? fs::current_path().string()
                                                      : fs::path(wb.doc.path()).parent_path().string();
        });
    if (ImGui::BeginMenu("Open Recent", !wb.recent.items().empty())) {
        for (const auto& p : wb.recent.items())
            if (ImGui::MenuItem(p.c_str())) {
                const std::string path = p;
                wb.guardUnsaved([&wb, path] {
                    std::string err;
                    if (!wb.openFile(path, err)) wb.status = "Open failed: " + err;
                });
            }
        ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Save", "Ctrl+S")) wb.save();
    if (ImGui::MenuItem("Save As...")) {
        wb.fileDialogMode = "save";
        wb.fileDialogPath =
            wb.doc.path().empty() ? (fs::current_path() / "model.xmile").string() : wb.doc.path();
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Export results as CSV...", nullptr, false, wb.result != nullptr)) {
        wb.fileDialogMode = "csv";
        wb.fileDialogPath = (fs::current_path() / "results.csv").string();
    }
    if (ImGui::MenuItem("Export charts as PNG...", nullptr, false, wb.result != nullptr)) {
        wb.fileDialogMode = "png";
        wb.fileDialogPath = (fs::current_path() / "chart.png").string();
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) wb.requestQuit();
}

void editMenu(Workbench& wb) {
    if (ImGui::MenuItem("Undo", "Ctrl+Z", false, wb.doc.canUndo())) wb.doc.undo();
    if (ImGui::MenuItem("Redo", "Ctrl+Y", false, wb.doc.canRedo())) wb.doc.redo();
    ImGui::Separator();
    if (ImGui::MenuItem("Copy", "Ctrl+C", false, !wb.selection.empty())) wb.copySelection();
    if (ImGui::MenuItem("Paste", "Ctrl+V")) wb.pasteClipboard();
    if (ImGui::MenuItem("Delete", "Del", false, !wb.selection.empty())) wb.deleteSelection();
    ImGui::Separator();
    if (ImGui::MenuItem("Select all")) {
        wb.selection.clear();
        for (const auto& v : wb.doc.model().variables) wb.selection.push_back(v.name);
    }
    ImGui::MenuItem("Snap to grid", nullptr, &wb.snap);
}

void viewMenu(Workbench& wb) {
    if (ImGui::MenuItem("Fit diagram")) wb.requestCanvasFocus = "*fit*";
    ImGui::MenuItem("Large charts", nullptr, &wb.chartFocus);
    auto tab = [&](const char* label, BottomTab t) {
        if (ImGui::MenuItem(label)) wb.bottomTab = t, wb.forceBottomTab = true;
    };
    tab("Charts", BottomTab::Charts);
    tab("Table", BottomTab::Table);
    tab("Diagnostics", BottomTab::Diagnostics);
    tab("Compare runs", BottomTab::Compare);
    ImGui::Separator();
    if (ImGui::MenuItem("Presentation mode", "F5")) wb.presentMode = true;
}

void runMenu(Workbench& wb) {
    if (ImGui::MenuItem("Run now")) wb.rerun();
    if (ImGui::MenuItem(wb.playing ? "Pause" : "Play", "Space")) wb.playing = !wb.playing;
    if (ImGui::MenuItem("Keep run for comparison")) wb.keepRun("");
    if (ImGui::MenuItem("Reset all inputs")) {
        for (auto& in : wb.inputs) in.value = in.base;
        wb.sliderMoved();
    }
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

void drawFileDialog(Workbench& wb) {
    if (wb.fileDialogMode.empty()) return;
    const char* titles[] = {"Open model", "Save model as", "Export results as CSV", "Export charts as PNG"};
    const std::string& mode = wb.fileDialogMode;
    const int t = mode == "open" ? 0 : mode == "save" ? 1 : mode == "csv" ? 2 : 3;
    ImGui::OpenPopup(titles[t]);
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 40, ImGui::GetFontSize() * 26),
                             ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(titles[t])) return;
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##path", &wb.fileDialogPath);
    fs::path dir = wb.fileDialogPath;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
    ImGui::BeginChild("##entries", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 1.3f), true);
    if (ImGui::Selectable("..")) wb.fileDialogPath = dir.parent_path().string();
    std::vector<fs::directory_entry> entries;
    for (const auto& e : fs::directory_iterator(dir, fs::directory_options::skip_permission_denied, ec))
        entries.push_back(e);
    std::sort(entries.begin(), entries.end(),
              [](auto& a, auto& b) { return a.path().filename() < b.path().filename(); });
    for (const auto& e : entries) {
        const std::string name = e.path().filename().string() + (e.is_directory(ec) ? "/" : "");
        if (name.front() == '.') continue;
        if (ImGui::Selectable(name.c_str())) wb.fileDialogPath = e.path().string();
    }
    ImGui::EndChild();
    const bool go = ImGui::Button(t == 0 ? "Open" : "Save", ImVec2(120, 0));
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(120, 0))) {
        wb.fileDialogMode.clear();
        ImGui::CloseCurrentPopup();
    }
    if (go && !fs::is_directory(wb.fileDialogPath, ec)) {
        const std::string path = wb.fileDialogPath;
        std::string err;
        if (t == 0 && !wb.openFile(path, err)) wb.status = "Open failed: " + err;
        if (t == 1) wb.saveAs(path);
        if (t == 2) wb.exportCsv(path);
        if (t == 3) wb.exportChartPng(path);
        wb.fileDialogMode.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace sdw::ui
