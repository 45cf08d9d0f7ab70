// The compiled path: a model's program turned into C, compiled by the system C compiler (-O2, cached) or in
// memory by libtcc, into machine code that gives the interpreter's numbers (same operations in the same
// order, no contraction, the same helpers). Layer: solver. Depends on compile/ and sim/ops; no GUI, no Lua.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "solver/compile/compiled_model.hpp"

namespace sdw::jit {

// The Euler loop's state, shared with the generated C (c_source.cpp writes the same struct: keep in step).
struct LoopState {
    double* slots;  // the slot array
    double* row;    // where the next saved row goes
    double* spare;  // the row of a step that is not saved
    double* cur;    // the row the last step wrote (after a failure: its values)
    void* rt;       // the sim::Runtime (random draws)
    double start, dt;
    long n, steps, saveEvery, untilSave, saved;
    long rowStride;  // values from one saved row to the next (0: every save overwrites the same row)
};

using EvalFn = void (*)(double* slots, void* rt);
using LoopFn = int (*)(LoopState* loop, long end);

// What to build: the evaluation the run loop calls (every method, hooks, delays), or the whole Euler loop
// writing the output columns (`cols`: Time first) straight into the rows.
// optimised: built by the system C compiler (cc -O2, seconds for a large model, then cached on disk) when
// there is one, else, with a notice, by libtcc (milliseconds, slower code); otherwise the optimised build
// when the disk cache holds it already (a second open of a model is at once at full speed), else libtcc.
struct NativeOptions {
    bool loop = false;
    std::vector<uint32_t> cols;
    bool optimised = false;
    bool reroll = true;  // optimised form: repeated blocks of statements written as loops (reroll.hpp)
    // Set while the build runs (in the background): the C compiler is stopped and nothing is built.
    const std::atomic<bool>* stop = nullptr;
};

// Whether this build has libtcc (quick code in milliseconds; without it every build waits for cc).
bool haveQuickBuilder();

class NativeCode {
  public:
    NativeCode() = default;
    ~NativeCode();
    NativeCode(const NativeCode&) = delete;
    NativeCode& operator=(const NativeCode&) = delete;

    EvalFn eval() const { return m_eval; }  // evaluate the per-step program (when built without loop)
    LoopFn loop() const { return m_loop; }  // run steps n..end-1; 1 = a non-finite value at step n
    // After the loop stopped on a non-finite value: the values that live in the row, back into the slots.
    void rowToSlots(const double* row, double* slots) const;
    // Values the loop keeps in the row: (slot, column). Their slots are not updated while the loop runs.
    const std::vector<std::pair<uint32_t, uint32_t>>& rowHomes() const { return m_rowHomes; }
    double compileMs() const { return m_compileMs; }
    size_t sourceBytes() const { return m_sourceBytes; }
    // Who built it ("cc -O2 (/usr/bin/cc)", "cache", "libtcc", "shared object"), and why an optimised build
    // fell back to libtcc (empty when it did not).
    const std::string& builtBy() const { return m_builtBy; }
    const std::string& notice() const { return m_notice; }

  private:
    friend std::unique_ptr<NativeCode> compileNative(const compile::CompiledModel&, const NativeOptions&,
                                                     std::string&);
    bool bind(void* api, void* entry, bool loop, std::string& error);
    bool buildWithTcc(const std::string& source, bool loop, std::string& error);
    bool loadShared(const char* path, bool loop, std::string& error);
    bool buildOptimised(const compile::CompiledModel& cm, const NativeOptions& options, std::string& error,
                        bool cachedOnly);

    void* m_state = nullptr;    // the TCCState holding the code
    void* m_library = nullptr;  // or a shared object built by another compiler (measurement only)
    EvalFn m_eval = nullptr;
    LoopFn m_loop = nullptr;
    std::vector<std::pair<uint32_t, uint32_t>> m_rowHomes;  // (slot, column) of values kept in the row
    double m_compileMs = 0;
    size_t m_sourceBytes = 0;
    std::string m_builtBy, m_notice;
};

// Null, with the reason in `error`, when the code cannot be built.
std::unique_ptr<NativeCode> compileNative(const compile::CompiledModel& cm, const NativeOptions& options,
                                          std::string& error);

// The C the compiled path builds (for measuring other compilers on the same source: bench/README.md).
std::string nativeSource(const compile::CompiledModel& cm, const NativeOptions& options);

}  // namespace sdw::jit
