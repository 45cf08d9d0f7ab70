// Shared helpers for the Vensim reader's tests: read a model's text, compile and run it, requiring no error,
// and read values from the run.
#pragma once

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "solver/compile/compiled_model.hpp"
#include "solver/mdl/mdl_reader.hpp"
#include "solver/mdl/mdl_writer.hpp"
#include "solver/sim/simulate.hpp"
#include "solver/xmile/xmile.hpp"

namespace sdw::test {

// A folder of its own for each test's data files, with the model's path in it.
struct DataFolder {
    std::filesystem::path dir;
    explicit DataFolder(const std::string& name)
        : dir(std::filesystem::temp_directory_path() / ("sdw_mdl_data_" + name)) {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir / "inputs");
    }
    void write(const std::string& rel, const std::string& text) const {
        std::ofstream(dir / rel, std::ios::binary) << text;
    }
    std::string model() const { return (dir / "model.mdl").string(); }
};

inline std::string dumpDiagnostics(const diag::Diagnostics& d) {
    std::string out;
    for (const auto& x : d.items()) out += diag::format(x) + "\n";
    return out;
}

// Reads `text` as the .mdl file `sourceName`, compiles and runs it; the reader and the compiler must report
// no error.
inline sim::RunResult runMdl(const std::string& text, diag::Diagnostics& d,
                             const std::string& sourceName = "t.mdl", const mdl::ReadOptions& options = {}) {
    auto p = mdl::readString(text, d, sourceName, options);
    INFO(dumpDiagnostics(d));
    REQUIRE(p);
    REQUIRE_FALSE(d.hasErrors());
    auto cm = compile::compileModel(*p, d);
    INFO(dumpDiagnostics(d));
    REQUIRE(cm);
    return sim::simulate(*cm);
}

// Compiles `p` and runs it on `engine`, which must run it: compiler and run report no error.
inline sim::RunResult runOn(const model::Project& p, sim::Engine engine) {
    diag::Diagnostics d;
    auto cm = compile::compileModel(p, d);
    INFO(dumpDiagnostics(d));
    REQUIRE(cm);
    sim::RunSpec spec;
    spec.engine = engine;
    sim::RunResult r = sim::simulate(*cm, spec);
    INFO(dumpDiagnostics(r.diagnostics));
    REQUIRE(r.ok());
    CHECK(r.engine == engine);
    return r;
}

// A model written as XMILE and read back, and that written as .mdl: each step must succeed.
struct RoundTrip {
    std::string xmile;
    model::Project fromXmile;
    std::string mdl;
};
inline RoundTrip roundTrip(const model::Project& p) {
    RoundTrip out;
    out.xmile = xmile::writeString(p);
    diag::Diagnostics d;
    auto read = xmile::readString(out.xmile, d);
    INFO(dumpDiagnostics(d));
    REQUIRE(read);
    out.fromXmile = std::move(*read);
    diag::Diagnostics w;
    const auto text = mdl::writeString(out.fromXmile, w);
    INFO(dumpDiagnostics(w));
    REQUIRE(text);
    out.mdl = *text;
    return out;
}

// The value of a column (any spelling) at a saved row.
inline double valueAt(const sim::RunResult& r, const std::string& name, size_t row = 0) {
    const int c = r.column(name);
    INFO(name);
    REQUIRE(c >= 0);
    return r.at(row, static_cast<size_t>(c));
}

}  // namespace sdw::test
