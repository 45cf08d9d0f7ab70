// Tests of io::loadModelFile, which opens XMILE or Vensim by the file's content. Layer: tests/solver.
#include "solver/io/load_model.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "tests/solver/conformance_util.hpp"

using namespace sdw;
namespace fs = std::filesystem;

namespace {

bool hasCode(const diag::Diagnostics& diags, const std::string& code) {
    for (const auto& d : diags.items())
        if (d.code == code) return true;
    return false;
}

}  // namespace

TEST_CASE("load: loadModelFile chooses XMILE or Vensim by content", "[load]") {
    SDW_NEEDS_CONFORMANCE();
    const fs::path dir = fs::temp_directory_path() / "sdw_load_model_test";
    fs::create_directories(dir);
    const fs::path xml = dir / "model.txt";
    {
        std::ofstream out(xml, std::ios::binary);
        out << "\xEF\xBB\xBF  \n"
            << "<xmile xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\" version=\"1.0\">\n"
               "<header><vendor>t</vendor><product>t</product></header>\n"
               "<sim_specs><start>0</start><stop>10</stop><dt>1</dt></sim_specs>\n"
               "<model><variables>\n<aux name=\"a\"><eqn>1</eqn></aux></variables></model>\n</xmile>\n";
    }
    diag::Diagnostics diags;
    auto p = io::loadModelFile(xml.string(), diags);
    REQUIRE(p);
    CHECK(p->main().find("a"));

    const auto mdl = sdw::test::conformanceRoot() / "tests/limits/test_limits.mdl";
    diag::Diagnostics d2;
    auto q = io::loadModelFile(mdl.string(), d2);
    INFO(test::formatAll(d2));
    CHECK(q.has_value());
    CHECK_FALSE(hasCode(d2, "E101"));
    CHECK_FALSE(hasCode(d2, "E102"));
    fs::remove_all(dir);
}

TEST_CASE("load: a file that cannot be opened names its path", "[load][errors]") {
    diag::Diagnostics diags;
    CHECK_FALSE(io::loadModelFile("/nonexistent/dir/model.xmile", diags));
    CHECK(hasCode(diags, "E100"));
}
