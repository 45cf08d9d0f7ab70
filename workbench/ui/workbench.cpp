// The workbench's state machine: runs, inputs, charts, autosave, shortcuts and the panel layout.
// Layer: workbench/ui (ImGui). No Lua.
#include "workbench/ui/workbench.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "solver/io/load_model.hpp"
#include "solver/xmile/xmile.hpp"
#include "workbench/ui/theme.hpp"
#if defined(SDW_HAVE_PLUGINS)
#include "workbench/ui/levers/lever_set.hpp"
#endif

namespace sdw::ui {

namespace fs = std::filesystem;
using model::canonicalName;

Workbench::Workbench()
    : recent((fs::path(document::stateDirectory()) / "recent.txt").string()),
      stateDir(document::stateDirectory()) {
    charts.resize(2);
#if defined(SDW_HAVE_PLUGINS)
    levers = std::make_shared<levers::LeverSet>();
    leverPanelHook = drawLeverPanel;
#endif
}

Workbench::~Workbench() = default;

bool Workbench::openFile(const std::string& path, std::string& error) {
    diag::Diagnostics diags;
    auto d = document::Document::open(path, diags);
    if (!d) {
        error = diags.empty() ? "could not read " + path : diag::format(diags.items().front());
        return false;
    }
    doc = std::move(*d);
    selection.clear();
    result.reset();
    compiled.reset();
    inputs.clear();
    kept.clear();
    charts.assign(2, {});
    recent.add(path);
    // Offers for other files are moot now; untitled work stays offered until answered.
    std::erase_if(m_recoveryOffers, [](const RecoveryOffer& o) { return !o.modelPath.empty(); });
    if (auto rec = document::pendingRecovery(path, stateDir))
        m_recoveryOffers.insert(m_recoveryOffers.begin(), RecoveryOffer{*rec, path});
#if defined(SDW_HAVE_PLUGINS)
    reloadLevers();
#endif
    status = "Opened " + path;
    requestCanvasFocus = "*fit*";
    rerun();
    return true;
}

void Workbench::forgetModelState() {
    selection.clear();
    result.reset();
    compiled.reset();
    inputs.clear();
    kept.clear();
    charts.assign(2, {});
    diagnostics = {};
}

void Workbench::newModel() {
    doc = document::Document();
    forgetModelState();
    status = "New model";
    requestCanvasFocus = "*fit*";
}

void Workbench::rerun() {
    run::RunRequest req;
    req.project = std::make_shared<const model::Project>(doc.project());
    req.revision = doc.revision();
    for (const auto& in : inputs)
        if (in.value != in.base) req.spec.sets.emplace_back(in.name, in.value);
#if defined(SDW_HAVE_PLUGINS)
    if (levers) {
        for (const auto& [name, value] : levers->scenarioConstants())  // ones without a slider (e.g. stocks)
            if (std::none_of(inputs.begin(), inputs.end(),
                             [&](auto& in) { return canonicalName(in.name) == canonicalName(name); }))
                req.spec.sets.emplace_back(name, value);
        levers->applySpec(req.spec);
        req.plugins = levers->selections();
        if (!req.plugins.empty()) req.library = levers->library();
    }
#endif
    req.tag = ++m_runTag;
    req.label = "current";
    m_submittedRevision = doc.revision();
    m_runner.submit(std::move(req));
}

void Workbench::sliderMoved() {
    m_measureStart = run::Clock::now();
    m_measureFrame = m_frame;
    rerun();
    m_measureTag = m_runTag;
    m_measureNext = true;
}

void Workbench::submitCheck(const std::string& name, const std::string& text) {
    run::RunRequest req;
    req.project = std::make_shared<const model::Project>(doc.project());
    req.options.equationOverrides[name] = text;
    req.compileOnly = true;
    req.revision = doc.revision();
    checkName = name;
    checkText = text;
    checkPending = true;
    m_checker.submit(std::move(req));
}

void Workbench::settle() {
    m_runner.waitIdle(std::chrono::seconds(60));
    pollRuns();
}

void Workbench::pollRuns() {
    if (auto out = m_checker.poll()) {
        checkDiagnostics = out->compileDiagnostics;
        checkPending = false;
    }
    // A slider run is usually done within a few milliseconds: wait for it briefly (bounded) so the new
    // results are drawn in this frame rather than the one after.
    constexpr auto kSliderWait = std::chrono::milliseconds(12);
    if (m_measureNext && m_runner.busy() &&
        run::Clock::now() - m_measureStart < std::chrono::milliseconds(50))
        m_runner.waitIdle(kSliderWait);
    auto out = m_runner.poll();
    if (!out) return;
    diagnostics = out->compileDiagnostics;
#if defined(SDW_HAVE_PLUGINS)
    if (levers) diagnostics.append(levers->diagnostics());  // a broken lever file stays listed
#endif
    const bool modelChanged = !compiled || out->compiled != compiled;
    compiled = out->compiled;
    if (out->result) {
        result = out->result;
        diagnostics.append(result->diagnostics);
        timeColumn = result->series("Time");
        columnIndex.clear();
        ranges.clear();
        for (size_t c = 0; c < result->cols(); ++c) {
            columnIndex[canonicalName(result->names[c])] = static_cast<int>(c);
            double lo = INFINITY, hi = -INFINITY;
            for (size_t r = 0; r < result->rows(); ++r) {
                const double v = result->at(r, c);
                if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
            }
            ranges[canonicalName(result->names[c])] = {lo, hi};
        }
        if (!timeColumn.empty() &&
            (scrubTime < timeColumn.front() || scrubTime > timeColumn.back() || !playing))
            if (!playing && modelChanged) scrubTime = timeColumn.back();
    }
    if (compiled && modelChanged) rebuildInputs();
    if (charts[0].vars.empty() && compiled) defaultCharts();
    if (m_measureNext && out->tag == m_measureTag) {
        m_resultShownPending = true;
        lastWorkerMs = std::chrono::duration<double, std::milli>(out->finishedAt - m_measureStart).count();
        m_measureNext = false;
    }
    char buf[160];
    std::snprintf(buf, sizeof buf, "Run: compile %.1f ms, simulate %.1f ms%s", out->compileMs,
                  out->simulateMs, out->result && !out->result->ok() ? " (run failed: see Diagnostics)" : "");
    status = buf;
}

void Workbench::afterPresent() {
    ++m_frame;
    if (m_resultShownPending) {
        lastLatencyMs = std::chrono::duration<double, std::milli>(run::Clock::now() - m_measureStart).count();
        lastLatencyFrames = m_frame - m_measureFrame;
        m_resultShownPending = false;
    }
}

// Constants become sliders, grouped by the diagram group (sector) their symbol sits in.
void Workbench::rebuildInputs() {
    std::map<std::string, double> previous;
    for (const auto& in : inputs) previous[canonicalName(in.name)] = in.value;
    std::map<std::string, bool> presented;
    for (const auto& in : inputs) presented[canonicalName(in.name)] = in.present;
    inputs.clear();
    std::vector<const model::ViewObject*> groups;
    for (const auto& o : doc.view().objects)
        if (o.kind == model::ViewObject::Kind::Group && o.width && o.height) groups.push_back(&o);
    for (const auto& col : compiled->columns) {
        if (!col.isConstant || col.name.find('[') != std::string::npos) continue;
        const auto* v = doc.find(col.name);
        if (!v || v->kind == model::VarKind::Stock) continue;
        SliderInput in;
        in.name = v->name;
        in.units = v->units;
        in.base = std::strtod(v->equation.c_str(), nullptr);
        if (v->range) {
            in.min = v->range->min;
            in.max = v->range->max;
        } else if (in.base > 0) {
            in.min = 0, in.max = in.base * 2;
        } else if (in.base < 0) {
            in.min = in.base * 2, in.max = 0;
        } else {
            in.min = 0, in.max = 1;
        }
        in.group = "Constants";
        if (const auto* o = doc.viewObject(v->name))
            for (const auto* g : groups)
                if (std::abs(o->x - g->x) <= *g->width / 2 && std::abs(o->y - g->y) <= *g->height / 2) {
                    in.group = g->name;
                    break;
                }
        auto it = previous.find(canonicalName(in.name));
        in.value = it == previous.end() ? in.base : it->second;
        in.present = presented.count(canonicalName(in.name)) ? presented[canonicalName(in.name)] : false;
        inputs.push_back(in);
    }
    std::stable_sort(inputs.begin(), inputs.end(),
                     [](const auto& a, const auto& b) { return a.group < b.group; });
    if (std::none_of(inputs.begin(), inputs.end(), [](const auto& i) { return i.present; }))
        choosePresentedInputs();
}

// What presentation mode offers until the user chooses: the inputs the model's workshop scenarios turn (the
// most-turned first), since those are the ones a trainer talks about; with no scenarios, the first ones the
// model gives a slider range.
void Workbench::choosePresentedInputs() {
    constexpr size_t kPresented = 4;
    std::map<std::string, int> turned;  // canonical name -> scenarios that set it
#if defined(SDW_HAVE_PLUGINS)
    if (levers)
        for (const auto& sc : levers->scenarios())
            for (const auto& c : sc.constants) ++turned[canonicalName(c.first)];
#endif
    std::vector<SliderInput*> picks;
    for (auto& in : inputs)
        if (turned.count(canonicalName(in.name))) picks.push_back(&in);
    std::stable_sort(picks.begin(), picks.end(), [&](const SliderInput* a, const SliderInput* b) {
        return turned[canonicalName(a->name)] > turned[canonicalName(b->name)];
    });
    if (picks.empty())
        for (auto& in : inputs)
            if (doc.find(in.name)->range) picks.push_back(&in);
    for (size_t i = 0; i < picks.size() && i < kPresented; ++i) picks[i]->present = true;
}

// First charts: stocks of the most common units, of middling size (so one giant stock does not flatten
// the others), then flows likewise. Users change them with "+ variable".
void Workbench::defaultCharts() {
    auto pick = [&](model::VarKind kind, size_t count) {
        std::map<std::string, int> unitCount;
        for (const auto& col : compiled->columns)
            if (col.kind == kind && col.name.find('[') == std::string::npos) ++unitCount[col.units];
        std::string units;
        int best = 0;
        for (const auto& [u, n] : unitCount)
            if (n > best) best = n, units = u;
        std::vector<std::pair<double, std::string>> vars;
        for (const auto& col : compiled->columns)
            if (col.kind == kind && col.units == units && col.name.find('[') == std::string::npos)
                if (auto r = seriesRange(col.name); r && r->second > 0) vars.push_back({r->second, col.name});
        std::sort(vars.begin(), vars.end());
        std::vector<std::string> out;
        const size_t start = vars.size() > count ? (vars.size() - count) / 2 : 0;
        for (size_t i = start; i < vars.size() && out.size() < count; ++i) out.push_back(vars[i].second);
        return out;
    };
    charts[0].vars = pick(model::VarKind::Stock, 4);
    charts[1].vars = pick(model::VarKind::Flow, 3);
    outcomeCharts();
}

// A model that names its outcome measures (an XMILE group "Outcome measures") opens on them: each chart takes
// the next unplaced measure and the later ones that share its units and scale (within ten times), up to four.
void Workbench::outcomeCharts() {
    const auto measures = xmile::groupMembers(doc.project().main(), xmile::kOutcomeGroup);
    std::vector<bool> placed(measures.size(), false);
    auto unitsOf = [&](const std::string& name) -> const std::string* {
        const int c = compiled->findColumn(name);
        return c > 0 ? &compiled->columns[static_cast<size_t>(c)].units : nullptr;
    };
    for (auto& chart : charts) {
        std::vector<std::string> vars;
        const std::string* units = nullptr;
        double scale = 0;
        for (size_t i = 0; i < measures.size() && vars.size() < 4; ++i) {
            const auto* u = unitsOf(measures[i]);
            const auto range = seriesRange(measures[i]);
            if (placed[i] || !u || !range) continue;
            const double top = std::max(std::abs(range->first), std::abs(range->second));
            if (!vars.empty() && (*u != *units || top > scale * 10 || top * 10 < scale)) continue;
            if (vars.empty()) units = u, scale = top;
            vars.push_back(measures[i]);
            placed[i] = true;
        }
        if (vars.empty()) return;  // fewer measures than charts: the rest keep the structural picks
        chart.vars = vars;
    }
}

std::optional<double> Workbench::valueAt(const std::string& name, double time) const {
    if (!result || result->rows() == 0) return std::nullopt;
    auto it = columnIndex.find(canonicalName(name));
    if (it == columnIndex.end()) return std::nullopt;
    auto pos = std::lower_bound(timeColumn.begin(), timeColumn.end(), time - 1e-9);
    size_t row = pos == timeColumn.end() ? result->rows() - 1 : static_cast<size_t>(pos - timeColumn.begin());
    return result->at(std::min(row, result->rows() - 1), static_cast<size_t>(it->second));
}

std::optional<std::pair<double, double>> Workbench::seriesRange(const std::string& name) const {
    auto it = ranges.find(canonicalName(name));
    if (it == ranges.end()) return std::nullopt;
    return it->second;
}

void Workbench::select(const std::string& name, bool add) {
    if (!add) selection.clear();
    if (!isSelected(name)) selection.push_back(name);
}

bool Workbench::isSelected(const std::string& name) const {
    const std::string key = canonicalName(name);
    return std::any_of(selection.begin(), selection.end(), [&](auto& s) { return canonicalName(s) == key; });
}

void Workbench::keepRun(const std::string& name) {
    if (!result) return;
    KeptRun k;
    k.name = name.empty() ? (kept.empty() ? "Baseline" : "Run " + std::to_string(kept.size())) : name;
    k.result = result;
    for (const auto& in : inputs)
        if (in.value != in.base) k.sets.emplace_back(in.name, in.value);
#if defined(SDW_HAVE_PLUGINS)
    if (levers) k.levers = levers->summary();
#endif
    kept.push_back(std::move(k));
}

void Workbench::addToChart(const std::string& name, size_t chart) {
    if (chart >= charts.size()) charts.resize(chart + 1);
    auto& v = charts[chart].vars;
    if (std::none_of(v.begin(), v.end(), [&](auto& s) { return canonicalName(s) == canonicalName(name); }))
        v.push_back(name);
}

void Workbench::exportCsv(const std::string& path) {
    if (!result) return;
    std::ofstream out(path);
    for (size_t c = 0; c < result->cols(); ++c) out << (c ? "," : "") << result->names[c];
    out << '\n';
    out.precision(10);
    for (size_t r = 0; r < result->rows(); ++r) {
        for (size_t c = 0; c < result->cols(); ++c) out << (c ? "," : "") << result->at(r, c);
        out << '\n';
    }
    status = out ? "Exported results to " + path : "Could not write " + path;
}

bool Workbench::save() {
    if (doc.path().empty()) {  // untitled: Save is Save As, starting from a name in the working folder
        fileDialogMode = "save";
        fileDialogPath = (fs::current_path() / "model.xmile").string();
        return false;
    }
    std::string err;
    if (!doc.save(err)) {
        status = "Save failed: " + err;
        return false;
    }
    document::discardRecovery(doc.path(), stateDir);
    recent.add(doc.path());
    status = "Saved " + doc.path();
    return true;
}

void Workbench::saveAs(const std::string& path) {
    std::string err;
    const std::string before = doc.path();
    if (!doc.saveAs(path, err)) {
        status = "Save failed: " + err;
        return;
    }
    // The work is in a file now: the autosaved copy under the old name (or the untitled one) is spent.
    document::discardRecovery(before, stateDir);
    document::discardRecovery(path, stateDir);
    recent.add(path);
    status = "Saved " + path;
}

void Workbench::autosave() {
    const auto now = std::chrono::steady_clock::now();
    if (!doc.dirty() || now - m_lastAutosave < std::chrono::duration<double>(autosaveSeconds)) return;
    m_lastAutosave = now;
    const std::string rec = document::recoveryPathFor(doc.path(), stateDir);
    std::error_code ec;
    fs::create_directories(fs::path(rec).parent_path(), ec);
    std::string err;
    if (doc.writeCopy(rec, err)) status = "Autosaved to " + rec;
}

void Workbench::guardUnsaved(std::function<void()> action) {
    if (!doc.dirty()) {
        action();
        return;
    }
    m_guarded = std::move(action);
    m_askSave = true;
}

void Workbench::requestQuit() {
    guardUnsaved([this] { m_quitConfirmed = true; });
}

std::optional<std::string> Workbench::takeChartExport() {
    auto p = m_pendingChartExport;
    m_pendingChartExport.reset();
    return p;
}

void Workbench::copySelection() {
    const std::string text = doc.copy(selection);
    if (!text.empty()) ImGui::SetClipboardText(text.c_str());
}

void Workbench::pasteClipboard() {
    const char* text = ImGui::GetClipboardText();
    if (!text) return;
    auto added = doc.paste(text);
    if (!added.empty()) selection = added;
}

void Workbench::deleteSelection() {
    if (doc.remove(selection)) selection.clear();
}

void Workbench::advancePlayback() {
    if (!playing || timeColumn.empty()) return;
    const double span = timeColumn.back() - timeColumn.front();
    scrubTime += span / 10.0 * ImGui::GetIO().DeltaTime;  // the whole run in ten seconds
    if (scrubTime >= timeColumn.back()) {
        scrubTime = timeColumn.back();
        playing = false;
    }
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
    if (ctrl && pressed('S')) save();
    if (ctrl && pressed('Q')) requestQuit();
    if (ctrl && pressed('N')) guardUnsaved([this] { newModel(); });
    if (ctrl && pressed('O'))
        guardUnsaved([this] {
            fileDialogMode = "open";
            fileDialogPath = doc.path().empty() ? fs::current_path().string()
                                                : fs::path(doc.path()).parent_path().string();
        });
    if (io.WantTextInput) return;  // the rest would fight with text fields
    if (ctrl && pressed('Z')) doc.undo();
    if (ctrl && pressed('Y')) doc.redo();
    if (ctrl && pressed('C')) copySelection();
    if (ctrl && pressed('V')) pasteClipboard();
    if (pressedNamed(ImGuiKey_Delete)) deleteSelection();
    if (pressedNamed(ImGuiKey_Space)) {
        if (!playing && !timeColumn.empty() && scrubTime >= timeColumn.back()) scrubTime = timeColumn.front();
        playing = !playing;
    }
    if (pressedNamed(ImGuiKey_Escape)) {
        presentMode = false;
        tool = Tool::Select;
    }
    if (!ctrl) {
        if (pressed('S')) tool = Tool::Stock;
        if (pressed('F')) tool = Tool::Flow;
        if (pressed('A')) tool = Tool::Aux;
        if (pressed('C')) tool = Tool::Connector;
        if (pressed('G')) tool = Tool::Alias;  // G for ghost, Stella's word for an alias
        if (pressed('V')) tool = Tool::Select;
    }
    if (pressed(kKeyF5)) presentMode = !presentMode;
}

void Workbench::frame(ImVec2 display) {
    pollRuns();
    if (doc.revision() != m_submittedRevision) rerun();
    autosave();
    advancePlayback();
    shortcuts();
    if (presentMode) {
        drawPresentation(*this, display);
    } else {
        drawMenuBar(*this);
        layoutPanels(display);
    }
    drawModals();
    drawFileDialog(*this);
}

void Workbench::layoutPanels(ImVec2 display) {
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
    drawToolbar(*this, ImVec2(0, menuH), ImVec2(display.x, toolH));
    drawInputsPanel(*this, ImVec2(0, top), ImVec2(leftW, bodyH));
    drawCanvas(*this, ImVec2(leftW, top), ImVec2(centreW, bodyH - bottomH));
    drawBottomPanel(*this, ImVec2(leftW, top + bodyH - bottomH), ImVec2(centreW, bottomH));
    drawPropertiesPanel(*this, ImVec2(leftW + centreW, top), ImVec2(rightW, bodyH));
    drawStatusBar(*this, ImVec2(0, display.y - statusH), ImVec2(display.x, statusH));
}

void Workbench::drawModals() {
    if (m_askSave) {
        ImGui::OpenPopup("Unsaved changes");
        m_askSave = false;
    }
    const auto offer = recoveryOffer();
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
            document::discardRecovery(doc.path(), stateDir);
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
            discardRecoveryOffer();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

std::optional<Workbench::RecoveryOffer> Workbench::recoveryOffer() const {
    if (m_recoveryOffers.empty()) return std::nullopt;
    return m_recoveryOffers.front();
}

void Workbench::offerUntitledRecovery() {
    auto rec = document::pendingRecovery("", stateDir);
    if (!rec || std::any_of(m_recoveryOffers.begin(), m_recoveryOffers.end(),
                            [](auto& o) { return o.modelPath.empty(); }))
        return;
    m_recoveryOffers.push_back({*rec, ""});
}

bool Workbench::restoreRecovery() {
    if (m_recoveryOffers.empty()) return false;
    const RecoveryOffer offer = m_recoveryOffers.front();
    m_recoveryOffers.erase(m_recoveryOffers.begin());
    if (doc.dirty() && offer.modelPath != doc.path()) {  // e.g. the open model's own work was restored first
        guardUnsaved([this, offer] { loadRecovery(offer); });
        return false;
    }
    loadRecovery(offer);
    return true;
}

void Workbench::loadRecovery(const RecoveryOffer& offer) {
    diag::Diagnostics diags;
    auto p = io::loadModelFile(offer.file, diags);
    if (!p) {
        status = "Could not read the autosaved copy: " +
                 (diags.empty() ? std::string("unreadable") : diag::format(diags.items().front()));
        return;
    }
    const bool otherModel = offer.modelPath != doc.path();
    doc = document::Document::recovered(std::move(*p), offer.modelPath);
    selection.clear();
    if (otherModel) forgetModelState();  // what belonged to the model that was open goes with it
    requestCanvasFocus = "*fit*";
    status = offer.modelPath.empty() ? "Restored untitled work: save it under a name to keep it"
                                     : "Restored autosaved work: save to keep it";
}

void Workbench::discardRecoveryOffer() {
    if (m_recoveryOffers.empty()) return;
    document::discardRecovery(m_recoveryOffers.front().modelPath, stateDir);
    m_recoveryOffers.erase(m_recoveryOffers.begin());
    status = "Discarded the autosaved copy";
}

}  // namespace sdw::ui
