// The workbench window's frame: the session's update, keyboard shortcuts, the panels laid out in their
// slots, the modal questions, and the actions that need the window (clipboard, save dialogs).
// Layer: workbench/ui (ImGui). No Lua.
#include "workbench/ui/workbench.hpp"

#include <algorithm>
#include <filesystem>

#include "workbench/app/paths.hpp"
#include "workbench/ui/latency_probe.hpp"
#include "workbench/ui/panels/menus.hpp"
#include "workbench/ui/panels/registry.hpp"
#include "workbench/ui/theme.hpp"

namespace sdw::ui {

namespace fs = std::filesystem;
using model::canonicalName;

Workbench::Workbench(std::string stateDir)
    : m_session(stateDir.empty() ? app::stateDirectory() : std::move(stateDir)),
      m_panels(registeredPanels()),
      m_fileDialog(std::make_unique<FileDialog>()) {}

Workbench::~Workbench() = default;

bool Workbench::animating() const {
    // Presenting, the flows' rates move on the diagram.
    return m_session.playback().playing || m_session.busy() || (m_probe && m_probe->waiting()) ||
           mode == Mode::Present ||
           std::any_of(m_panels.begin(), m_panels.end(), [](const auto& p) { return p->busy(); });
}

void Workbench::settle() {
    if (auto arrived = m_session.settle(); arrived && m_probe) m_probe->arrived(*arrived);
    afterModelReplaced();
}

void Workbench::afterPresent() {
    if (m_probe) m_probe->presented();
}

bool Workbench::openFile(const std::string& path, std::string& error) {
    if (!m_session.open(path, error)) return false;
    afterModelReplaced();
    return true;
}

void Workbench::newModel() {
    m_session.newModel();
    afterModelReplaced();
}

// What the panels showed of the last document goes when the session's document is replaced, whoever
// replaced it.
void Workbench::afterModelReplaced() {
    if (m_generation == m_session.generation()) return;
    m_generation = m_session.generation();
    selection.clear();
    for (auto& p : m_panels) p->modelReplaced(*this);
}

bool Workbench::save() {
    if (m_session.doc().path().empty()) {  // untitled: Save is Save As, from a name in the working folder
        m_fileDialog->open(FileAction::SaveAs, (fs::current_path() / "model.xmile").string());
        return false;
    }
    if (!m_session.doc().savesInPlace()) {  // opened from Vensim or Stella: XMILE beside it, not over it
        m_fileDialog->open(FileAction::SaveAs, m_session.doc().xmileName());
        m_session.setStatus("Saving as XMILE beside " + m_session.doc().path() + ", which is left as it was");
        return false;
    }
    return m_session.save();
}

void Workbench::guardUnsaved(std::function<void()> action) {
    if (!m_session.doc().dirty()) {
        action();
        return;
    }
    m_guarded = std::move(action);
    m_askSave = true;
}

void Workbench::requestQuit() {
    guardUnsaved([this] { m_quitConfirmed = true; });
}

bool Workbench::restoreRecovery() {
    if (!m_session.recoveryOffer()) return false;
    if (m_session.restoreReplacesUnsaved()) {  // e.g. the open model's own work was restored first
        auto offer = m_session.takeRecoveryOffer();
        guardUnsaved([this, offer] {
            m_session.restore(offer);
            afterModelReplaced();
        });
        return false;
    }
    const bool ok = m_session.restoreRecovery();
    afterModelReplaced();
    return ok;
}

void Workbench::select(const std::string& name, bool add) {
    if (!add) selection.clear();
    if (!isSelected(name)) selection.push_back(name);
}

bool Workbench::isSelected(const std::string& name) const {
    const std::string key = canonicalName(name);
    return std::any_of(selection.begin(), selection.end(), [&](auto& s) { return canonicalName(s) == key; });
}

void Workbench::copySelection() {
    const std::string text = m_session.doc().copy(selection);
    if (!text.empty()) ImGui::SetClipboardText(text.c_str());
}

void Workbench::pasteClipboard() {
    const char* text = ImGui::GetClipboardText();
    if (!text) return;
    auto added = m_session.doc().paste(text);
    if (!added.empty()) selection = added;
}

void Workbench::deleteSelection() {
    if (m_session.doc().remove(selection)) selection.clear();
}

std::optional<std::string> Workbench::takeChartExport() {
    auto p = m_pendingChartExport;
    m_pendingChartExport.reset();
    return p;
}

// ImGui 1.86 with the GLFW backend: letter keys are GLFW key codes (upper-case ASCII); named keys go through
// GetKeyIndex.
namespace {
bool pressed(int glfwKey) {
    return ImGui::IsKeyPressed(glfwKey, false);
}
bool pressedNamed(ImGuiKey k) {
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), false);
}
constexpr int kKeyF5 = 294;  // GLFW_KEY_F5
}  // namespace

void Workbench::shortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    const bool ctrl = io.KeyCtrl;
    auto& doc = m_session.doc();
    if (ctrl && pressed('S')) save();
    if (ctrl && pressed('Q')) requestQuit();
    if (ctrl && pressed('N')) guardUnsaved([this] { newModel(); });
    if (ctrl && pressed('O')) guardUnsaved([this] { m_fileDialog->openModel(m_session.doc().path()); });
    if (io.WantTextInput) return;  // the rest would fight with text fields
    if (ctrl && pressed('Z')) doc.undo();
    if (ctrl && pressed('Y')) doc.redo();
    if (ctrl && pressed('C')) copySelection();
    if (ctrl && pressed('V')) pasteClipboard();
    if (pressedNamed(ImGuiKey_Delete)) deleteSelection();
    if (pressedNamed(ImGuiKey_Space)) m_session.togglePlay();
    if (pressedNamed(ImGuiKey_Escape)) {
        mode = Mode::Edit;
        tool = Tool::Select;
    }
    // Letters pick diagram tools only while the diagram, the toolbar or the status line has the keyboard (no
    // panel with fields): after a click that missed a field, typing must not switch tools behind the user's
    // back.
    if (!ctrl && m_toolKeys) {
        if (pressed('S')) tool = Tool::Stock;
        if (pressed('F')) tool = Tool::Flow;
        if (pressed('A')) tool = Tool::Aux;
        if (pressed('C')) tool = Tool::Connector;
        if (pressed('G')) tool = Tool::Alias;  // G for ghost, Stella's word for an alias
        if (pressed('V')) tool = Tool::Select;
    }
    if (pressed(kKeyF5)) {
        if (mode == Mode::Present)
            mode = Mode::Edit;
        else
            present();
    }
}

void Workbench::frame(ImVec2 display) {
    for (auto& p : m_panels) p->beforeFrame(*this);
    if (auto arrived = m_session.update(); arrived && m_probe) m_probe->arrived(*arrived);
    afterModelReplaced();
    m_session.advancePlayback(ImGui::GetIO().DeltaTime);
    shortcuts();
    if (mode == Mode::Present) {
        drawSlot(Slot::FullScreen, ImVec2(0, 0), display);
    } else {
        drawMenuBar(*this);
        layoutPanels(display);
    }
    drawModals();
    m_fileDialog->draw(*this);
    afterModelReplaced();  // a menu or dialog may have opened another model
}

void Workbench::layoutPanels(ImVec2 display) {
    m_toolKeys = !ImGui::IsWindowFocused(ImGuiFocusedFlags_AnyWindow);  // the canvas and toolbar add theirs
    const float fs = ImGui::GetFontSize();
    const float menuH = ImGui::GetFrameHeight();
    const float toolH = fs * 2.6f;
    const float statusH = ImGui::GetFrameHeight() + 4;
    const float leftW = std::max(fs * 19, display.x * 0.17f);
    const float rightW = std::max(fs * 22, display.x * 0.2f);
    const float top = menuH + toolH;
    const float bodyH = display.y - top - statusH;
    const float bottomH = chartFocus ? bodyH * 0.62f : bodyH * 0.36f;
    const float centreW = display.x - leftW - rightW;
    drawSlot(Slot::Toolbar, ImVec2(0, menuH), ImVec2(display.x, toolH));
    drawSlot(Slot::Inputs, ImVec2(0, top), ImVec2(leftW, bodyH));
    drawSlot(Slot::Diagram, ImVec2(leftW, top), ImVec2(centreW, bodyH - bottomH));
    drawSlot(Slot::Results, ImVec2(leftW, top + bodyH - bottomH), ImVec2(centreW, bottomH));
    drawSlot(Slot::Properties, ImVec2(leftW + centreW, top), ImVec2(rightW, bodyH));
    drawSlot(Slot::Status, ImVec2(0, display.y - statusH), ImVec2(display.x, statusH));
}

namespace {

// Each slot's window: its name (tests and the chart export find windows by it), flags and padding.
struct SlotWindow {
    const char* name;
    ImGuiWindowFlags flags;
    ImVec2 padding;  // (-1, -1): the style's
};

SlotWindow slotWindow(Slot slot) {
    constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                        ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus;
    const ImVec2 style(-1, -1);
    switch (slot) {
        case Slot::Toolbar:
            return {"##toolbar", kFixed | ImGuiWindowFlags_NoDecoration, style};
        case Slot::Inputs:
            return {"Inputs", kFixed, style};
        case Slot::Diagram:
            return {"Diagram", kFixed | ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoScrollWithMouse,
                    ImVec2(0, 0)};
        case Slot::Results:
            return {"##bottom", kFixed | ImGuiWindowFlags_NoDecoration, style};
        case Slot::Properties:
            return {"Properties", kFixed, style};
        case Slot::Status:
            return {"##status", kFixed | ImGuiWindowFlags_NoDecoration, ImVec2(10, 2)};
        case Slot::FullScreen:
            return {
                "##present",
                ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings,
                ImVec2(28, 20)};
    }
    return {"##slot", kFixed, style};
}

}  // namespace

// A slot's window, and in it its panel, or its panels as tabs.
void Workbench::drawSlot(Slot slot, ImVec2 pos, ImVec2 size) {
    std::vector<Panel*> here;
    for (auto& p : m_panels)
        if (p->slot() == slot) here.push_back(p.get());
    if (here.empty()) return;
    const SlotWindow w = slotWindow(slot);
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    if (slot == Slot::FullScreen) ImGui::PushFont(theme::fonts().large);
    if (w.padding.x >= 0) ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, w.padding);
    ImGui::Begin(w.name, nullptr, w.flags);
    if (w.padding.x >= 0) ImGui::PopStyleVar();
    if (here.size() == 1) {
        here.front()->draw(*this);
        if (here.front() == m_show) m_show = nullptr;  // alone in its slot: always in front
    } else if (ImGui::BeginTabBar("##tabs")) {
        for (Panel* p : here) {
            const auto flags = p == m_show ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
            if (ImGui::BeginTabItem(p->title(*this).c_str(), nullptr, flags)) {
                p->draw(*this);
                ImGui::EndTabItem();
            }
            if (p == m_show) m_show = nullptr;
        }
        ImGui::EndTabBar();
    }
    ImGui::End();
    if (slot == Slot::FullScreen) ImGui::PopFont();
}

void Workbench::reportError(std::string title, std::string message) {
    m_session.setStatus(title + ": " + message);
    m_errorTitle = std::move(title);
    m_errorMessage = std::move(message);
}

void Workbench::drawModals() {
    if (!m_errorMessage.empty()) {
        ImGui::OpenPopup("Something went wrong");
        if (ImGui::BeginPopupModal("Something went wrong", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
            ImGui::TextUnformatted(m_errorTitle.c_str());
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36);
            ImGui::TextUnformatted(m_errorMessage.c_str());
            ImGui::PopTextWrapPos();
            if (ImGui::Button("OK", ImVec2(110, 0)) ||
                ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
                m_errorMessage.clear();
                ImGui::CloseCurrentPopup();
            }
            ImGui::EndPopup();
        }
    }
    if (m_askSave) {
        ImGui::OpenPopup("Unsaved changes");
        m_askSave = false;
    }
    const auto offer = m_session.recoveryOffer();
    if (offer) ImGui::OpenPopup("Recover unsaved work?");
    if (ImGui::BeginPopupModal("Unsaved changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("The model has changes that are not saved.");
        ImGui::Text("Save them before you go on?");
        ImGui::Spacing();
        if (ImGui::Button("Save", ImVec2(110, 0))) {
            if (save() && m_guarded) m_guarded();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Don't save", ImVec2(110, 0))) {
            m_session.discardUnsavedCopy();
            if (m_guarded) m_guarded();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel", ImVec2(110, 0))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (ImGui::BeginPopupModal("Recover unsaved work?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        if (!offer) ImGui::CloseCurrentPopup();  // answered elsewhere (File menu, tests)
        const bool untitled = offer && offer->modelPath.empty();
        ImGui::TextUnformatted(untitled
                                   ? "sdw found a new, untitled model that was autosaved but never saved:"
                                   : "sdw found work on this model that was autosaved but never saved:");
        ImGui::TextDisabled("%s", offer ? offer->file.c_str() : "");
        ImGui::TextUnformatted(
            untitled ? "Restore it (then save it under a name), or discard it for good?"
                     : "Restore it (you still have to save), or discard it and keep the file as it is?");
        ImGui::Spacing();
        if (ImGui::Button("Restore", ImVec2(140, 0))) {
            restoreRecovery();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Discard", ImVec2(140, 0))) {
            m_session.discardRecoveryOffer();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

}  // namespace sdw::ui
