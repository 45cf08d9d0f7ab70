// Loops that Matter for the workbench: the open model's loops scored on a worker thread with the settings of
// the current run (sliders, a loaded profile), the scoring model compiled once per document revision, the
// newest request winning. Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#pragma once

#include <chrono>
#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <string>

#include "solver/analysis/loops.hpp"
#include "solver/model/model.hpp"
#include "solver/sim/simulate.hpp"

namespace sdw::app {

// What to score: a snapshot of the model at a document revision, run as the session runs it.
struct LoopRequest {
    std::shared_ptr<const model::Project> project;
    uint64_t revision = 0;  // the scoring model is compiled again only when it changes
    sim::RunSpec spec;      // with the sliders' values in spec.sets
    compile::CompileOptions compile;
};

class LoopAnalysis {
  public:
    LoopAnalysis() = default;
    ~LoopAnalysis();
    LoopAnalysis(const LoopAnalysis&) = delete;
    LoopAnalysis& operator=(const LoopAnalysis&) = delete;

    // Score the model as asked; a request made while one is in flight replaces any still waiting.
    void request(LoopRequest r);
    // The frame's work, never blocking: take finished scores, start a waiting request. True when new scores
    // (or a failure) arrived.
    bool poll();
    // Wait for everything asked so far (tests, screenshots). False on timeout.
    bool settle(std::chrono::milliseconds timeout = std::chrono::seconds(60));
    bool busy() const { return m_running.valid() || m_waiting.has_value(); }
    // Forget the model (another was opened): scores, cache and waiting request.
    void reset();
    // The next request prepares the model again, so that a model with too many loops to score them all
    // searches for the strongest at that request's settings (scores().reused: the loops kept at an earlier
    // run's settings were scored again). The current scores stay until it answers.
    void searchAgain();

    // The last scores (null before the first, or after a failure: see error()).
    std::shared_ptr<const analysis::LoopScores> scores() const { return m_scores; }
    const std::string& error() const { return m_error; }
    // Wall time of the last scoring, milliseconds (compiling the scoring model included when it was needed).
    double lastMs() const { return m_lastMs; }
    // The revision and run settings the current scores are of.
    uint64_t scoredRevision() const { return m_scoredRevision; }
    const sim::RunSpec& scoredSpec() const { return m_scoredSpec; }

  private:
    struct Outcome {
        std::shared_ptr<const analysis::ScoredModel> prepared;
        std::shared_ptr<const analysis::LoopScores> scores;
        std::string error;
        double ms = 0;
        uint64_t revision = 0;
        std::string overrides;
        sim::RunSpec spec;
        uint64_t generation = 0;  // of the prepared model (see searchAgain)
    };
    void start(LoopRequest r);
    void take(Outcome out);

    std::future<Outcome> m_running;
    std::optional<LoopRequest> m_waiting;
    std::shared_ptr<const analysis::ScoredModel> m_prepared;  // the scoring model of m_preparedRevision
    uint64_t m_preparedRevision = 0;
    std::string m_preparedOverrides;  // the compile overrides it was prepared with
    uint64_t m_generation = 0;        // searchAgain() counts up: a scoring started before does not keep its
                                      // prepared model
    std::shared_ptr<const analysis::LoopScores> m_scores;
    std::string m_error;
    double m_lastMs = 0;
    uint64_t m_scoredRevision = 0;
    sim::RunSpec m_scoredSpec;
};

}  // namespace sdw::app

namespace sdw::app {

class Session;
// The request that scores the session's last run as it was asked for: its model snapshot, sliders and a
// loaded profile's inputs. Policy levers act through the plugin host and are left out (leversLeftOut says
// when some were on). Nullopt before the first run.
std::optional<LoopRequest> loopRequestFor(const Session& s, bool* leversLeftOut = nullptr);

}  // namespace sdw::app
