// The stock-and-flow diagram: draws the model's view (XMILE x/y are centres) and handles select, drag,
// rubber-band, pan, zoom, create, connect, flow attachment and rename in place. Layer: workbench/ui (ImGui).
// No Lua. Drawing helpers live in canvas_draw.cpp.
#include "workbench/ui/canvas.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "workbench/ui/theme.hpp"

namespace sdw::ui {

using Kind = model::ViewObject::Kind;
using model::canonicalName;

namespace {

void centreView(CanvasState& cs, const app::Document& doc, const std::string& name, ImVec2 size) {
    if (const auto* o = doc.viewObject(name)) {
        cs.zoom = std::max(cs.zoom, 0.7f);
        cs.pan = ImVec2(static_cast<float>(size.x / 2 - o->x * cs.zoom),
                        static_cast<float>(size.y / 2 - o->y * cs.zoom));
    }
}

std::vector<std::string> namesInRect(const app::Document& doc, const CanvasState& cs, ImVec2 a, ImVec2 b) {
    const ImVec2 lo(std::min(a.x, b.x), std::min(a.y, b.y)), hi(std::max(a.x, b.x), std::max(a.y, b.y));
    std::vector<std::string> out;
    for (const auto& o : doc.view().objects) {
        if (o.kind != Kind::Stock && o.kind != Kind::Flow && o.kind != Kind::Aux && o.kind != Kind::Alias)
            continue;
        const ImVec2 p = cs.toScreen(o.x, o.y);
        if (p.x >= lo.x && p.x <= hi.x && p.y >= lo.y && p.y <= hi.y)
            out.push_back(o.kind == Kind::Alias ? app::aliasKey(o.uid) : o.name);
    }
    return out;
}

std::pair<double, double> snapped(const Workbench& wb, std::pair<double, double> p) {
    if (!wb.snap) return p;
    const double g = app::kGrid;
    return {std::round(p.first / g) * g, std::round(p.second / g) * g};
}

// Dragging a bend of the selected pipe, or the middle of a segment (which adds a bend there first). The add
// and the whole drag are one undo step.
void dragBend(Workbench& wb, CanvasState& cs, std::pair<double, double> world) {
    const std::string flow = cs.pressHit;
    const auto at = snapped(wb, world);
    if (!cs.dragging) {
        if (cs.grip.kind == PipeGrip::Kind::Segment) {
            const auto index = wb.session().doc().addBend(flow, cs.grip.index, at.first, at.second);
            if (!index) return;
            cs.grip = {PipeGrip::Kind::Bend, *index};
        } else {
            wb.session().doc().checkpoint();
        }
    }
    if (cs.grip.kind == PipeGrip::Kind::Bend)
        wb.session().doc().moveBend(flow, cs.grip.index, at.first, at.second);
}

// A left press on the canvas: the stock and auxiliary tools place their symbol (and open its name for
// typing); the select tool picks what is under the pointer (Shift adds or removes).
void press(Workbench& wb, CanvasState& cs, const std::string& hit, PipeGrip gripHit) {
    const ImGuiIO& io = ImGui::GetIO();
    auto& doc = wb.session().doc();
    cs.pressed = true;
    cs.pressPos = io.MousePos;
    cs.pressHit = hit;
    cs.dragging = false;
    cs.grip = gripHit;
    if (wb.tool == Tool::Stock || wb.tool == Tool::Aux) {
        const auto p = snapped(wb, cs.toWorld(io.MousePos));
        const std::string name =
            wb.tool == Tool::Stock ? doc.createStock(p.first, p.second) : doc.createAux(p.first, p.second);
        wb.select(name);
        cs.renaming = name;
        cs.renameBuf = name;
        cs.renameFocus = true;
        wb.tool = Tool::Select;
        cs.pressHit.clear();
    } else if (wb.tool == Tool::Select && gripHit.kind == PipeGrip::Kind::None) {
        if (hit.empty()) {
            if (!io.KeyShift) wb.selection.clear();
        } else if (io.KeyShift) {
            if (wb.isSelected(hit))
                std::erase_if(wb.selection, [&](auto& s) { return canonicalName(s) == canonicalName(hit); });
            else
                wb.select(hit, true);
        } else if (!wb.isSelected(hit)) {
            wb.select(hit);
        }
    }
}

// A drag with the select tool: the selection moves (one undo step for the whole drag), or a pipe's bend.
void drag(Workbench& wb, CanvasState& cs) {
    const bool bendGrip = cs.grip.kind == PipeGrip::Kind::Bend || cs.grip.kind == PipeGrip::Kind::Segment;
    if (wb.tool == Tool::Select && cs.grip.kind == PipeGrip::Kind::None && !cs.pressHit.empty()) {
        if (!cs.dragging) wb.session().doc().checkpoint();
        const ImVec2 d = ImGui::GetIO().MouseDelta;
        wb.session().doc().moveBy(wb.selection, d.x / cs.zoom, d.y / cs.zoom);
    } else if (wb.tool == Tool::Select && !cs.pressHit.empty() && bendGrip) {
        dragBend(wb, cs, cs.toWorld(ImGui::GetIO().MousePos));
    }
    cs.dragging = true;
}

// Dropping a selected flow's end: on a stock it attaches there; anywhere else it leaves a cloud there.
void dropPipeEnd(Workbench& wb, const CanvasState& cs, const std::string& hit, std::pair<double, double> at) {
    auto& doc = wb.session().doc();
    const auto* target = hit.empty() ? nullptr : doc.find(hit);
    const auto end = cs.grip.kind == PipeGrip::Kind::Source ? app::FlowEnd::Source : app::FlowEnd::Sink;
    if (target && target->kind == model::VarKind::Stock) {
        doc.attachFlow(wb.selection.front(), end, target->name);
    } else {
        const auto p = snapped(wb, at);
        doc.moveFlowEndTo(wb.selection.front(), end, p.first, p.second);
    }
}

// The flow tool's drag made a pipe: attached at either end that lies on a stock.
void makeFlow(Workbench& wb, const CanvasState& cs, const std::string& hit, std::pair<double, double> at) {
    auto& doc = wb.session().doc();
    const auto a = snapped(wb, cs.toWorld(cs.pressPos)), b = snapped(wb, at);
    const std::string f = doc.createFlow(a.first, a.second, b.first, b.second);
    const auto* from = doc.find(cs.pressHit);
    const auto* to = doc.find(hit);
    if (from && from->kind == model::VarKind::Stock) doc.attachFlow(f, app::FlowEnd::Source, from->name);
    if (to && to->kind == model::VarKind::Stock) doc.attachFlow(f, app::FlowEnd::Sink, to->name);
    wb.select(f);
}

// The release that ends a drag: what the drag made, by tool.
void release(Workbench& wb, CanvasState& cs, const std::string& hit) {
    auto& doc = wb.session().doc();
    const auto world = cs.toWorld(ImGui::GetIO().MousePos);
    const bool bendGrip = cs.grip.kind == PipeGrip::Kind::Bend || cs.grip.kind == PipeGrip::Kind::Segment;
    if (wb.tool == Tool::Select && bendGrip) {
        // The bend is where the drag left it (snapped as it moved).
    } else if (wb.tool == Tool::Select && cs.grip.isEnd() && !wb.selection.empty()) {
        dropPipeEnd(wb, cs, hit, world);
    } else if (wb.tool == Tool::Select && cs.pressHit.empty()) {
        for (auto& n : namesInRect(doc, cs, cs.pressPos, ImGui::GetIO().MousePos)) wb.select(n, true);
    } else if (wb.tool == Tool::Select && wb.snap && cs.grip.kind == PipeGrip::Kind::None) {
        doc.snapToGrid(wb.selection);
    } else if (wb.tool == Tool::Flow) {
        makeFlow(wb, cs, hit, world);
        wb.tool = Tool::Select;
    } else if (wb.tool == Tool::Connector && !cs.pressHit.empty() && !hit.empty()) {
        doc.connect(cs.pressHit, hit);
        wb.tool = Tool::Select;
    } else if (wb.tool == Tool::Alias && !cs.pressHit.empty()) {
        const auto at = snapped(wb, world);
        const std::string key = doc.createAlias(cs.pressHit, at.first, at.second);
        if (!key.empty()) wb.select(key);
        wb.tool = Tool::Select;
    }
}

// Press, drag and release with the current tool.
void handleTools(Workbench& wb, CanvasState& cs, const std::string& hit, PipeGrip gripHit) {
    if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) press(wb, cs, hit, gripHit);
    // Our own press state, not ImGui's active item: the drag continues even if the pointer leaves the canvas.
    if (cs.pressed && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3)) drag(wb, cs);
    if (!ImGui::IsMouseReleased(ImGuiMouseButton_Left)) return;
    cs.pressed = false;
    if (cs.dragging) {
        cs.dragging = false;
        release(wb, cs, hit);
        cs.pressHit.clear();
    }
    cs.grip = {};
}

// Right-click (without a drag, which pans) on a symbol: what can be done to it.
void contextMenu(Workbench& wb, CanvasState& cs, const std::string& hit, PipeGrip grip) {
    if (ImGui::IsItemClicked(ImGuiMouseButton_Right)) {
        cs.rightPressPos = ImGui::GetIO().MousePos;
        cs.rightPressHit = hit;
        cs.rightPressGrip = grip;
    }
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Right) && !cs.rightPressHit.empty()) {
        const ImVec2 d(ImGui::GetIO().MousePos.x - cs.rightPressPos.x,
                       ImGui::GetIO().MousePos.y - cs.rightPressPos.y);
        if (d.x * d.x + d.y * d.y < 16 && cs.rightPressHit == hit) {
            cs.menuTarget = hit;
            cs.menuGrip = cs.rightPressGrip;
            if (!wb.isSelected(hit)) wb.select(hit);
            ImGui::OpenPopup("##symbolmenu");
        }
        cs.rightPressHit.clear();
    }
    if (!ImGui::BeginPopup("##symbolmenu")) return;
    const bool isAlias = app::isAliasKey(cs.menuTarget);
    const std::string var = wb.session().doc().resolve(cs.menuTarget);
    ImGui::TextDisabled("%s%s", var.c_str(), isAlias ? " (alias)" : "");
    ImGui::Separator();
    if (const auto* o = wb.session().doc().viewObject(cs.menuTarget);
        o && !var.empty() && ImGui::MenuItem("Make an alias of it")) {
        const std::string key =
            wb.session().doc().createAlias(var, o->x + 60, o->y + 50);  // beside it: drag it into place
        if (!key.empty()) wb.select(key);
    }
    if (isAlias && ImGui::MenuItem("Go to the original")) {
        wb.select(var);
        cs.centreRequested = var;
    }
    if (const auto* o = wb.session().doc().viewObject(cs.menuTarget);
        o && o->kind == Kind::Flow && !isAlias) {
        if (cs.menuGrip.kind == PipeGrip::Kind::Bend && ImGui::MenuItem("Remove this bend"))
            wb.session().doc().removeBend(var, cs.menuGrip.index);
        if (cs.menuGrip.kind == PipeGrip::Kind::Segment && ImGui::MenuItem("Add a bend here")) {
            const auto at = snapped(wb, cs.toWorld(cs.rightPressPos));
            wb.session().doc().addBend(var, cs.menuGrip.index, at.first, at.second);
        }
        if (o->points.size() > 2 && ImGui::MenuItem("Straighten the pipe (remove its bends)"))
            wb.session().doc().straightenPipe(var);
    }
    if (ImGui::MenuItem("Start a connector from it")) {
        wb.tool = Tool::Connector;
        wb.session().setStatus("Connector: drag from " + var + " to the variable it informs");
    }
    if (ImGui::MenuItem(isAlias ? "Delete the alias" : "Delete")) {
        wb.session().doc().remove({cs.menuTarget});
        wb.selection.clear();
    }
    ImGui::EndPopup();
}

void handlePanZoom(CanvasState& cs) {
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemHovered() && io.MouseWheel != 0) {
        const ImVec2 m = io.MousePos;
        const auto before = cs.toWorld(m);
        cs.zoom = std::clamp(cs.zoom * (io.MouseWheel > 0 ? 1.15f : 1 / 1.15f), 0.05f, 6.0f);
        const ImVec2 after = cs.toScreen(before.first, before.second);
        cs.pan.x += m.x - after.x;
        cs.pan.y += m.y - after.y;
    }
    if (ImGui::IsItemClicked(ImGuiMouseButton_Right) || ImGui::IsItemClicked(ImGuiMouseButton_Middle))
        cs.panning = true;
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Right) && !ImGui::IsMouseDown(ImGuiMouseButton_Middle))
        cs.panning = false;
    if (cs.panning) {
        cs.pan.x += io.MouseDelta.x;
        cs.pan.y += io.MouseDelta.y;
    }
}

// The name field under a new or double-clicked symbol. It takes the keyboard once; Enter, Tab or a click
// anywhere else commits the name, Escape puts the old one back.
void renameInPlace(Workbench& wb, CanvasState& cs) {
    if (cs.renaming.empty()) return;
    const auto* o = wb.session().doc().viewObject(cs.renaming);
    if (!o) {
        cs.renaming.clear();
        return;
    }
    const ImVec2 p = cs.toScreen(o->x, o->y);
    const float w = ImGui::GetFontSize() * 12;
    // Its own child window, so it lies above the diagram's layers (child windows draw after their parent).
    ImGui::SetCursorScreenPos(ImVec2(p.x - w / 2, p.y + 18 * std::max(cs.zoom, 0.6f)));
    ImGui::BeginChild("##renameField", ImVec2(w, ImGui::GetFrameHeight()), false,
                      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    ImGui::SetNextItemWidth(w);
    const bool focusing = cs.renameFocus;
    if (focusing) ImGui::SetKeyboardFocusHere();
    cs.renameFocus = false;
    ImGui::InputText("##rename", &cs.renameBuf, ImGuiInputTextFlags_AutoSelectAll);
    if (ImGui::IsItemDeactivated() || (!focusing && !ImGui::IsItemActive())) {
        std::string err;
        if (cs.renameBuf != cs.renaming && !wb.session().doc().rename(cs.renaming, cs.renameBuf, err)) {
            wb.session().setStatus("Rename: " + err);
        } else if (wb.isSelected(cs.renaming)) {
            std::erase_if(wb.selection,
                          [&](auto& s) { return canonicalName(s) == canonicalName(cs.renaming); });
            wb.select(cs.renameBuf, true);
        }
        cs.renaming.clear();
    }
    ImGui::EndChild();
}

}  // namespace

LabelPlan labelPlan(float zoom, float fontSize) {
    LabelPlan p;
    const float scaled = fontSize * std::min(zoom, 1.25f);
    p.names = scaled >= kMinReadablePx ? scaled : 0;
    p.stockNames = std::max(scaled, kMinReadablePx);
    return p;
}

void fitToView(CanvasState& cs, const app::Document& doc, ImVec2 size, bool whole) {
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    for (const auto& o : doc.view().objects) {
        if (o.kind == Kind::Connector) continue;
        const double hw = o.width.value_or(40) / 2, hh = o.height.value_or(30) / 2;
        x0 = std::min(x0, o.x - hw), x1 = std::max(x1, o.x + hw);
        y0 = std::min(y0, o.y - hh), y1 = std::max(y1, o.y + hh);
        for (auto& p : o.points) {
            x0 = std::min(x0, p.first), x1 = std::max(x1, p.first);
            y0 = std::min(y0, p.second), y1 = std::max(y1, p.second);
        }
    }
    if (x1 < x0) {
        cs.zoom = 1;
        cs.pan = ImVec2(size.x / 2, size.y / 2);
        return;
    }
    const double margin = 40;
    const double fit = std::min((size.x - 2 * margin) / (x1 - x0 + 1), (size.y - 2 * margin) / (y1 - y0 + 1));
    // Opening a large model fitted whole would be unreadable: keep labels legible and start at its top-left
    // sector. Asked for the whole, show it all.
    constexpr double kMinReadable = 0.62;  // labels scale with zoom: about 9 px type here
    cs.zoom = static_cast<float>(std::clamp(fit, whole ? 0.05 : kMinReadable, 1.6));
    if (whole || fit >= kMinReadable) {
        cs.pan = ImVec2(static_cast<float>(size.x / 2 - (x0 + x1) / 2 * cs.zoom),
                        static_cast<float>(size.y / 2 - (y0 + y1) / 2 * cs.zoom));
    } else {
        cs.pan = ImVec2(static_cast<float>(margin / 2 - x0 * cs.zoom),
                        static_cast<float>(margin / 2 - y0 * cs.zoom));
    }
}

void fitToBox(CanvasState& cs, double x0, double y0, double x1, double y1, ImVec2 size) {
    const double margin = 12;
    const double fit = std::min((size.x - 2 * margin) / (x1 - x0 + 1), (size.y - 2 * margin) / (y1 - y0 + 1));
    cs.zoom = static_cast<float>(std::clamp(fit, 0.05, 1.6));
    cs.pan = ImVec2(static_cast<float>(size.x / 2 - (x0 + x1) / 2 * cs.zoom),
                    static_cast<float>(size.y / 2 - (y0 + y1) / 2 * cs.zoom));
}

void CanvasPanel::modelReplaced(Workbench&) {
    m_state = {};  // fit the new model; no press, drag or rename of the last one
}

void CanvasPanel::draw(Workbench& wb) {
    auto& cs = m_state;
    const ImVec2 size = ImGui::GetContentRegionAvail();
    const float scrubH = ImGui::GetFrameHeight() + 12;
    const ImVec2 area(size.x, size.y - scrubH);
    cs.origin = ImGui::GetCursorScreenPos();
    cs.area = area;
    if (cs.fitRequested) {
        fitToView(cs, wb.session().doc(), area, cs.fitWhole);
        ImGui::SetWindowFocus();  // a model just opened: the keyboard starts on the diagram
    } else if (!cs.centreRequested.empty()) {
        centreView(cs, wb.session().doc(), cs.centreRequested, area);
    } else if (const auto b = cs.boxRequested) {
        fitToBox(cs, b->x, b->y, b->z, b->w, area);
    }
    cs.fitRequested = cs.fitWhole = false;
    cs.centreRequested.clear();
    cs.boxRequested.reset();
    wb.diagramHasKeyboard(ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows));

    ImGui::InvisibleButton("canvas", area,
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                               ImGuiButtonFlags_MouseButtonMiddle);
    // Input first, against the canvas button (the last item), then the drawing, which shows this frame's
    // edits.
    const bool hovered = ImGui::IsItemHovered();
    PipeGrip grip;
    const std::string hit = hitTest(wb, cs, ImGui::GetIO().MousePos, grip);
    handleTools(wb, cs, hit, grip);
    handlePanZoom(cs);
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && !hit.empty()) {
        if (app::isAliasKey(hit)) {  // an alias: show its original (rename that one)
            wb.select(wb.session().doc().resolve(hit));
            cs.centreRequested = wb.session().doc().resolve(hit);
        } else if (wb.session().doc().find(hit)) {
            cs.renaming = hit;
            cs.renameBuf = wb.session().doc().find(hit)->name;
            cs.renameFocus = true;
        }
    }
    contextMenu(wb, cs, hit, grip);
    if (hovered && !hit.empty() && !cs.dragging && cs.renaming.empty()) hoverTooltip(wb, hit);
    {
        DiagramLayers layers(cs.origin, area);
        drawDiagram(wb, cs, layers, area, hit);
        // Previews of what the tool will make.
        ImDrawList* dl = layers.list();
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        if (cs.dragging && (wb.tool == Tool::Flow || wb.tool == Tool::Connector || wb.tool == Tool::Alias))
            dl->AddLine(cs.pressPos, mouse, theme::palette().selection, 2);
        if (cs.dragging && wb.tool == Tool::Select && cs.pressHit.empty() &&
            cs.grip.kind == PipeGrip::Kind::None) {
            dl->AddRectFilled(cs.pressPos, mouse, theme::palette().hover);
            dl->AddRect(cs.pressPos, mouse, theme::palette().selection);
        }
        if (cs.dragging && cs.grip.isEnd()) dl->AddCircleFilled(mouse, 5, theme::palette().selection);
    }
    renameInPlace(wb, cs);
    ImGui::SetCursorScreenPos(ImVec2(cs.origin.x, cs.origin.y + area.y));
    drawScrubber(wb, cs, ImVec2(size.x, scrubH));
}

}  // namespace sdw::ui
