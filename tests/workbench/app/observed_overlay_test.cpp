// Observed data for the charts at the application level: columns matched to model variables by any spelling
// of their names, gaps kept as gaps, near misses named, malformed files refused with the file and line.
// Layer: tests/workbench/app.
#include "workbench/app/uncertainty/observed_overlay.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace sdw;

namespace {

model::Model twoVariables() {
    model::Model m;
    model::Variable beds;
    beds.name = "Delayed beds";
    beds.kind = model::VarKind::Stock;
    beds.equation = "10";
    model::Variable spend;
    spend.name = "council spend";
    spend.kind = model::VarKind::Aux;
    spend.equation = "5";
    m.add(beds);
    m.add(spend);
    return m;
}

}  // namespace

TEST_CASE("observed data: columns match variables by name, gaps stay gaps", "[workbench][observed]") {
    const auto m = twoVariables();
    std::string error;
    const auto o = app::readObservedOverlay(
        "time,delayed_beds,Council Spend,delayd beds2,nothing\n0,12,,1,2\n52,,7.5,,\n104,15,8,,\n", m, error);
    REQUIRE(o);
    REQUIRE(o->series.size() == 2);
    const auto* beds = o->find("DELAYED BEDS");
    REQUIRE(beds);
    CHECK(beds->name == "Delayed beds");  // as the model writes it
    CHECK(beds->times == std::vector<double>{0, 104});
    CHECK(beds->values == std::vector<double>{12, 15});
    REQUIRE(o->find("council_spend"));
    CHECK(o->find("council_spend")->times == std::vector<double>{52, 104});
    CHECK_FALSE(o->find("nothing"));
    REQUIRE(o->unmatched.size() == 2);
    CHECK(o->unmatched[0] == "delayd beds2: no variable of that name (did you mean 'Delayed beds'?)");
    CHECK(o->unmatched[1] == "nothing: no variable of that name");
}

TEST_CASE("observed data: a malformed file is refused with its name and line", "[workbench][observed]") {
    const auto m = twoVariables();
    const auto path = (std::filesystem::temp_directory_path() / "sdw_observed_bad.csv").string();
    std::ofstream(path) << "Time,delayed beds\n0,12\n1,1O\n";
    std::string error;
    CHECK_FALSE(app::loadObservedOverlay(path, m, error));
    CHECK(error ==
          "sdw_observed_bad.csv: line 3, column delayed beds: '1O' is not a number (leave the cell "
          "empty for a gap)");
    CHECK_FALSE(app::readObservedOverlay("Time,x,y\n0,1,2\n", m, error));
    CHECK(error == "no column names a variable of the model (x: no variable of that name)");
    CHECK_FALSE(app::loadObservedOverlay("/nonexistent/data.csv", m, error));
    CHECK(error == "/nonexistent/data.csv: cannot be read");
}
