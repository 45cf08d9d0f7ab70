// The workbench's results export: CSV with its provenance beside it, as `sdw run --out` writes; a write that
// fails says so and names the file (never a silent "exported"). Layer: tests/workbench/app.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "workbench/app/session.hpp"

using namespace sdw;
namespace fs = std::filesystem;

TEST_CASE("session export: CSV with provenance beside it, a failed write is an error naming the file",
          "[workbench][export]") {
    const auto dir = fs::temp_directory_path() / "sdw_session_export";
    fs::remove_all(dir);
    fs::create_directories(dir / "state");
    app::Session s((dir / "state").string());
    std::string error;
    const std::string model = std::string(SDW_SOURCE_DIR) + "/models/teaching/prevention/prevention.xmile";
    REQUIRE(s.open(model, error));
    s.settle();
    REQUIRE(s.result());
    REQUIRE(s.inputs().size() > 0);
    s.inputs().front().value = s.inputs().front().min;  // a slider moved: recorded in the provenance
    s.rerun();
    s.settle();
    const auto csv = dir / "results.csv";
    REQUIRE(s.exportCsv(csv.string(), error));
    std::string header;
    std::ifstream in(csv);
    std::getline(in, header);
    CHECK(header.rfind("Time,", 0) == 0);
    std::stringstream side;
    side << std::ifstream(csv.string() + ".provenance.txt").rdbuf();
    INFO(side.str());
    CHECK(side.str().find("model file: " + model) != std::string::npos);
    CHECK(side.str().find("model sha256: ") != std::string::npos);
    CHECK(side.str().find("sliders " + s.inputs().front().name + "=") != std::string::npos);

    CHECK_FALSE(s.exportCsv((dir / "missing" / "results.csv").string(), error));
    CHECK(error.find("missing/results.csv") != std::string::npos);
    CHECK(s.status().find("Not exported") == 0);
}
