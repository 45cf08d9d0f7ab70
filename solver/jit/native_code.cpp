// The compiled path's second half: the C from c_source.cpp compiled by the system C compiler (cc_build.cpp)
// or in memory by libtcc (Debian's libtcc-dev), linked against the helpers below, which call the
// interpreter's own functions (sim/ops.hpp, lookup, drawRandom) so every built-in gives the interpreter's
// bits. Layer: solver.
#include "solver/jit/native_code.hpp"

#include <dlfcn.h>
#if SDW_HAVE_LIBTCC
#include <libtcc.h>
#endif

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <mutex>

#include "solver/jit/c_source.hpp"
#include "solver/jit/cc_build.hpp"
#include "solver/sim/evaluator.hpp"
#include "solver/sim/ops.hpp"

namespace sdw::jit {
namespace {

using compile::CompiledModel;

// The helpers the generated C calls through its `sdw_api` table (c_source.cpp's prelude: keep in step).
double apiMod(double a, double b) {
    return sim::ops::modulo(a, b);
}
double apiLookup(void* rt, unsigned table, double x) {
    return sim::lookup(static_cast<sim::Runtime*>(rt)->model->m_tables[table], x);
}
double apiRandom(void* runtime, unsigned site, const double* args, double held) {
    auto& rt = *static_cast<sim::Runtime*>(runtime);
    return rt.draw ? sim::drawRandom(rt.model->m_randoms[site], args, rt.rngs[site]) : held;
}
void apiSetDraw(void* runtime, int draw) {
    static_cast<sim::Runtime*>(runtime)->draw = draw != 0;
}
double apiStddev(const double* v, unsigned n) {
    return sim::ops::stddev(n, [&](uint32_t i) { return v[i]; });
}
int apiNonFinite(const double* v, long n) {
    return sim::ops::anyNonFinite(v, static_cast<size_t>(n)) ? 1 : 0;
}

struct Api {
    double (*mod)(double, double);
    double (*lookup)(void*, unsigned, double);
    double (*step)(double, double, double, double);
    double (*pulse)(double, double, double, double, double);
    double (*ramp)(double, double, double, double);
    double (*pulseTrain)(double, double, double, double, double, double);
    double (*random)(void*, unsigned, const double*, double);
    void (*setDraw)(void*, int);
    double (*stddev)(const double*, unsigned);
    int (*nonFinite)(const double*, long);
};

const Api kApi = {
    apiMod,    apiLookup,  &sim::ops::step, &sim::ops::pulse, &sim::ops::ramp, &sim::ops::pulseTrain,
    apiRandom, apiSetDraw, apiStddev,       apiNonFinite};

#if SDW_HAVE_LIBTCC
struct Symbol {
    const char* name;
    const void* address;
};

// libm's functions by address: the interpreter's std::exp(double) and friends are these same functions.
template <typename... A>
const void* libm(double (*f)(A...)) {
    return reinterpret_cast<const void*>(f);
}
const Symbol kLibm[] = {
    {"fabs", libm<double>(&::fabs)},         {"exp", libm<double>(&::exp)},
    {"log", libm<double>(&::log)},           {"log10", libm<double>(&::log10)},
    {"sqrt", libm<double>(&::sqrt)},         {"sin", libm<double>(&::sin)},
    {"cos", libm<double>(&::cos)},           {"tan", libm<double>(&::tan)},
    {"asin", libm<double>(&::asin)},         {"acos", libm<double>(&::acos)},
    {"atan", libm<double>(&::atan)},         {"floor", libm<double>(&::floor)},
    {"round", libm<double>(&::round)},       {"pow", libm<double, double>(&::pow)},
    {"sinh", libm<double>(&::sinh)},         {"cosh", libm<double>(&::cosh)},
    {"tanh", libm<double>(&::tanh)},         {"trunc", libm<double>(&::trunc)},
    {"fmod", libm<double, double>(&::fmod)},
};

// libtcc 0.9.27 keeps global state while compiling: one compile at a time in the process.
std::mutex& tccMutex() {
    static std::mutex m;
    return m;
}

void onTccError(void* opaque, const char* msg) {
    auto& error = *static_cast<std::string*>(opaque);
    if (error.size() < 2000) error += std::string(error.empty() ? "" : "; ") + msg;
}
#endif

}  // namespace

NativeCode::~NativeCode() {
#if SDW_HAVE_LIBTCC
    if (m_state) tcc_delete(static_cast<TCCState*>(m_state));
#endif
    if (m_library) dlclose(m_library);
}

void NativeCode::rowToSlots(const double* row, double* slots) const {
    if (!row) return;
    for (auto [slot, col] : m_rowHomes) slots[slot] = row[col];
}

bool haveQuickBuilder() {
    return SDW_HAVE_LIBTCC != 0;
}

std::string nativeSource(const CompiledModel& cm, const NativeOptions& options) {
    return detail::writeC(cm, options).text;
}

bool NativeCode::bind(void* api, void* entry, bool loop, std::string& error) {
    if (!api || !entry) {
        error = "the compiled code lacks sdw_api or its entry point";
        return false;
    }
    *static_cast<const Api**>(api) = &kApi;
    if (loop)
        m_loop = reinterpret_cast<LoopFn>(entry);
    else
        m_eval = reinterpret_cast<EvalFn>(entry);
    return true;
}

// The C compiled in memory by libtcc.
bool NativeCode::buildWithTcc(const std::string& source, bool loop, std::string& error) {
#if !SDW_HAVE_LIBTCC
    (void)source;
    (void)loop;
    error = "this sdw was built without libtcc (apt-get install libtcc-dev, then rebuild)";
    return false;
#else
    std::lock_guard<std::mutex> lock(tccMutex());
    TCCState* s = tcc_new();
    if (!s) {
        error = "libtcc could not start";
        return false;
    }
    m_state = s;
    tcc_set_error_func(s, &error, onTccError);
    tcc_set_options(s, "-nostdlib -nostdinc");  // plain C over doubles: no libc, no headers, no libtcc1
    tcc_set_output_type(s, TCC_OUTPUT_MEMORY);
    for (const Symbol& sym : kLibm) tcc_add_symbol(s, sym.name, sym.address);
    if (tcc_compile_string(s, source.c_str()) < 0 || tcc_relocate(s, TCC_RELOCATE_AUTO) < 0) {
        if (error.empty()) error = "libtcc failed";
        return false;
    }
    return bind(tcc_get_symbol(s, "sdw_api"), tcc_get_symbol(s, loop ? "sdw_loop" : "sdw_eval"), loop, error);
#endif
}

// For measurement only: the same C built beforehand by another compiler into a shared object
// (SDW_JIT_SHARED_OBJECT; bench/README.md). Nothing checks that it was built from this model.
bool NativeCode::loadShared(const char* path, bool loop, std::string& error) {
    m_library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!m_library) {
        error = std::string("cannot load ") + path + ": " + dlerror();
        return false;
    }
    return bind(dlsym(m_library, "sdw_api"), dlsym(m_library, loop ? "sdw_loop" : "sdw_eval"), loop, error);
}

// The optimised form built by the system C compiler; false (with the reason) to fall back to libtcc. With
// `cachedOnly`, only when the disk cache holds it already (a model compiled before, in any process).
bool NativeCode::buildOptimised(const CompiledModel& cm, const NativeOptions& options, std::string& error,
                                bool cachedOnly) {
    NativeOptions o = options;
    o.optimised = true;
    if (const char* r = std::getenv("SDW_JIT_REROLL"); r && std::string(r) == "0") o.reroll = false;
    detail::CSource src = detail::writeC(cm, o);
    if (!src.error.empty()) {
        error = src.error;
        return false;
    }
    detail::CcBuild built;
    if (cachedOnly) {
        built.library = detail::cachedLibrary(src.text, src.units);
        built.cached = true;
    } else {
        built = detail::buildWithCc(src.text, src.units, options.stop);
    }
    if (built.library.empty()) {
        error = built.error;
        return false;
    }
    if (!loadShared(built.library.c_str(), options.loop, error)) return false;
    m_rowHomes = std::move(src.rowHomes);
    m_sourceBytes = src.text.size();
    m_builtBy = built.cached ? "cache (" + built.library + ")" : "cc -O2 (" + built.compiler + ")";
    return true;
}

namespace {
// SDW_CC=none (or empty): the user chose libtcc; no notice.
bool optimiserOff() {
    const char* cc = std::getenv("SDW_CC");
    return cc && (!*cc || std::string(cc) == "none");
}
}  // namespace

std::unique_ptr<NativeCode> compileNative(const CompiledModel& cm, const NativeOptions& options,
                                          std::string& error) {
    // Vensim's array functions (VECTOR SELECT, ALLOCATE ..., INVERT MATRIX) have no C form yet: the caller
    // runs the interpreter instead (W601 under --engine auto, E601 when the compiled engine was asked for).
    for (const compile::Instr& in : cm.m_stepProgram)
        if (in.op == compile::Op::ArrayFn) {
            error =
                "the model uses a Vensim array function (VECTOR ..., ALLOCATE ..., INVERT MATRIX), which "
                "the compiled engine does not build";
            return nullptr;
        }
    const auto t0 = std::chrono::steady_clock::now();
    auto code = std::make_unique<NativeCode>();
    const char* shared = std::getenv("SDW_JIT_SHARED_OBJECT");
    bool ok = false;
    if (shared && *shared) {
        ok = code->loadShared(shared, options.loop, error);
        code->m_builtBy = "shared object";
    } else if (!optimiserOff() && code->buildOptimised(cm, options, code->m_notice, !options.optimised)) {
        ok = true;  // built now, or (quick code asked for) the optimised build found in the disk cache
    } else if (options.stop && options.stop->load()) {
        error = "the build was stopped";  // no longer wanted: no libtcc build in its place
    } else {
        if (!options.optimised) code->m_notice.clear();  // not in the cache: libtcc, as asked, no notice
        NativeOptions quick = options;
        quick.optimised = false;
        detail::CSource src = detail::writeC(cm, quick);
        code->m_rowHomes = std::move(src.rowHomes);
        code->m_sourceBytes = src.text.size();
        code->m_builtBy = "libtcc";
        ok = src.error.empty() ? code->buildWithTcc(src.text, options.loop, error)
                               : (error = src.error, false);
        if (!ok && !code->m_notice.empty()) error = code->m_notice + "; then libtcc: " + error;
    }
    if (!ok) return nullptr;
    code->m_compileMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return code;
}

}  // namespace sdw::jit
