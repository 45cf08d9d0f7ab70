// The session's model and files: open, new, save, export, autosave and recovery. Layer: workbench/app. No
// ImGui, GLFW, GL or Lua.
#include "workbench/app/session.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <future>

#include "solver/io/load_model.hpp"
#include "solver/xmile/xmile.hpp"
#include "workbench/app/export.hpp"
#include "workbench/app/session_export.hpp"
#if defined(SDW_HAVE_PLUGINS)
#include "workbench/app/levers/lever_set.hpp"
#endif

namespace sdw::app {

namespace fs = std::filesystem;

Session::Session(std::string stateDir)
    : m_stateDir(std::move(stateDir)),
      m_recent((fs::path(m_stateDir) / "recent.txt").string()),
      m_charts(2),
      m_autosaveSeconds(kAutosaveSeconds) {
#if defined(SDW_HAVE_PLUGINS)
    m_levers = std::make_shared<LeverSet>();
#endif
}

Session::~Session() {
    finishRecoveryCopy();
}

bool Session::open(const std::string& given, std::string& error) {
    const std::string path =
        fs::path(given).lexically_normal().string();  // "models/x/../y.xmile" reads badly
    diag::Diagnostics diags;
    auto d = Document::open(path, diags);
    if (!d) {
        error = diags.empty() ? "could not read " + path : diag::format(diags.items().front());
        return false;
    }
    std::error_code ec;
    const bool sameModel = !m_doc.path().empty() && fs::equivalent(m_doc.path(), path, ec);
    replaceDocument(std::move(*d), sameModel);
    m_recent.add(path);
    // Offers for other files are moot now; untitled work stays offered until answered.
    std::erase_if(m_recoveryOffers, [](const RecoveryOffer& o) { return !o.modelPath.empty(); });
    if (auto rec = pendingRecovery(path, m_stateDir))
        m_recoveryOffers.insert(m_recoveryOffers.begin(), RecoveryOffer{*rec, path});
    m_status = "Opened " + path;
    rerun();
    return true;
}

void Session::newModel() {
    replaceDocument(Document(), false);
    m_status = "New model";
}

// Everything that belonged to the model that was open goes with it: a new model starts from none of it
// (levers, kept runs, the time marker, a run still in flight for the old model).
void Session::replaceDocument(Document doc, bool sameModel) {
    finishRecoveryCopy();
    m_doc = std::move(doc);
    ++m_generation;
    m_result.reset();
    m_compiled.reset();
    m_diagnostics = {};
    m_timeColumn.clear();
    m_columnIndex.clear();
    m_ranges.clear();
    m_nonFinite.clear();
    m_checkName.clear();
    m_checkDiagnostics = {};
    m_checkPending = false;
    m_inputs.clear();
    m_profileSets.clear();
    m_kept.clear();
    m_charts.assign(2, {});
    m_playback = {};
    m_firstTagOfModel = m_runTag + 1;
#if defined(SDW_HAVE_PLUGINS)
    reloadLevers(sameModel);
#else
    (void)sameModel;
#endif
}

bool Session::save() {
    if (m_doc.path().empty()) return false;
    finishRecoveryCopy();  // a copy written after the save would be offered as newer work
    std::string err;
    if (!m_doc.save(err)) {
        m_status = "Save failed: " + err;
        return false;
    }
    discardRecovery(m_doc.path(), m_stateDir);
    m_recent.add(m_doc.path());
    m_status = "Saved " + m_doc.path();
    return true;
}

bool Session::saveAs(const std::string& path) {
    finishRecoveryCopy();
    std::string err;
    const std::string before = m_doc.path();
    if (!m_doc.saveAs(path, err)) {
        m_status = "Save failed: " + err;
        return false;
    }
    // The work is in a file now: the autosaved copy under the old name (or the untitled one) is spent.
    discardRecovery(before, m_stateDir);
    discardRecovery(path, m_stateDir);
    m_recent.add(path);
    m_status = "Saved " + path;
    return true;
}

void Session::discardUnsavedCopy() {
    finishRecoveryCopy();
    discardRecovery(m_doc.path(), m_stateDir);
}

bool Session::exportCsv(const std::string& path, std::string& error) {
    if (!m_result) {
        error = "there is no run to export yet";
        return false;
    }
    std::ofstream out(path);
    for (size_t c = 0; c < m_result->cols(); ++c) out << (c ? "," : "") << m_result->names[c];
    out << '\n';
    out.precision(10);
    for (size_t r = 0; r < m_result->rows(); ++r) {
        for (size_t c = 0; c < m_result->cols(); ++c) out << (c ? "," : "") << m_result->at(r, c);
        out << '\n';
    }
    out.close();
    bool ok = static_cast<bool>(out);
    if (!ok) error = "could not write " + path + " (is the folder there, and writable?)";
    ok = ok && writeProvenanceBeside(path, provenanceOf(*this, {currentRun("Current run")}), error);
    m_status = ok ? "Exported results to " + path + " (provenance beside it)" : "Not exported: " + error;
    return ok;
}

std::vector<KeptRun> Session::runsForExport() const {
    std::vector<KeptRun> runs = m_kept;
    runs.push_back(currentRun("Current run"));
    return runs;
}

// A recovery copy of unsaved work, written a moment after the edits stop (debounced: a drag or a burst of
// typing is one write), and at least every kRecoveryMaxWaitSeconds while edits go on. A crash, a power cut
// or kill -9 loses at most those few seconds. The copy is written on a worker from a snapshot (writing the
// county model takes tens of milliseconds: not in a frame), atomically (xmile::writeFile), so a kill in the
// middle leaves the last good copy.
void Session::autosave() {
    if (m_copy.valid()) {
        if (m_copy.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
        takeCopyResult();
    }
    if (!m_doc.dirty()) return;
    const auto now = Clock::now();
    if (m_doc.revision() != m_editRevision) {  // an edit since the last frame
        if (m_autosavedRevision == m_editRevision || m_editRevision == 0) m_unsavedSince = now;
        m_editRevision = m_doc.revision();
        m_lastEdit = now;
    }
    if (m_doc.revision() == m_autosavedRevision) return;
    const auto quiet = std::chrono::duration<double>(now - m_lastEdit).count();
    const auto waiting = std::chrono::duration<double>(now - m_unsavedSince).count();
    if (quiet < m_autosaveSeconds && waiting < kRecoveryMaxWaitSeconds) return;
    auto snapshot = std::make_shared<const model::Project>(m_doc.project());
    const std::string rec = recoveryPathFor(m_doc.path(), m_stateDir);
    m_copyRevision = m_doc.revision();
    m_copy = std::async(std::launch::async, [snapshot, rec] {
        std::error_code ec;
        fs::create_directories(fs::path(rec).parent_path(), ec);
        std::string err;
        return xmile::writeFile(*snapshot, rec, err) ? std::string() : err;
    });
    m_unsavedSince = now;
}

void Session::takeCopyResult() {
    const std::string err = m_copy.get();
    if (err.empty())
        m_autosavedRevision = m_copyRevision;
    else
        m_status = "Could not write the recovery copy: " + err;
}

void Session::finishRecoveryCopy() {
    if (m_copy.valid()) takeCopyResult();  // waits for the write in flight
}

std::optional<RecoveryOffer> Session::recoveryOffer() const {
    if (m_recoveryOffers.empty()) return std::nullopt;
    return m_recoveryOffers.front();
}

void Session::offerUntitledRecovery() {
    auto rec = pendingRecovery("", m_stateDir);
    if (!rec || std::any_of(m_recoveryOffers.begin(), m_recoveryOffers.end(),
                            [](auto& o) { return o.modelPath.empty(); }))
        return;
    m_recoveryOffers.push_back({*rec, ""});
}

bool Session::restoreReplacesUnsaved() const {
    return !m_recoveryOffers.empty() && m_doc.dirty() && m_recoveryOffers.front().modelPath != m_doc.path();
}

bool Session::restoreRecovery() {
    if (m_recoveryOffers.empty()) return false;
    return restore(takeRecoveryOffer());
}

RecoveryOffer Session::takeRecoveryOffer() {
    RecoveryOffer offer = m_recoveryOffers.front();
    m_recoveryOffers.erase(m_recoveryOffers.begin());
    return offer;
}

bool Session::restore(const RecoveryOffer& offer) {
    diag::Diagnostics diags;
    auto p = io::loadModelFile(offer.file, diags);
    if (!p) {
        m_status = "Could not read the autosaved copy: " +
                   (diags.empty() ? std::string("unreadable") : diag::format(diags.items().front()));
        return false;
    }
    auto restored = Document::recovered(std::move(*p), offer.modelPath);
    if (offer.modelPath != m_doc.path()) {
        replaceDocument(std::move(restored), false);  // what belonged to the model that was open goes with it
    } else {
        m_doc = std::move(restored);
        ++m_generation;
    }
    m_status = offer.modelPath.empty() ? "Restored untitled work: save it under a name to keep it"
                                       : "Restored autosaved work: save to keep it";
    return true;
}

void Session::discardRecoveryOffer() {
    if (m_recoveryOffers.empty()) return;
    discardRecovery(m_recoveryOffers.front().modelPath, m_stateDir);
    m_recoveryOffers.erase(m_recoveryOffers.begin());
    m_status = "Discarded the autosaved copy";
}

}  // namespace sdw::app
