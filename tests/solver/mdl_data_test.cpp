// Vensim's data functions and data variables read from delimited text at read time: GET DIRECT CONSTANTS,
// LOOKUPS and DATA (and the GET XLS forms pointed at a CSV export), data variables from .dat and CSV files;
// values worked out by hand from the small files each test writes; every unreadable value named by file,
// cell, row and column.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/solver/mdl_test_util.hpp"

using namespace sdw;
namespace fs = std::filesystem;

namespace {

using Folder = test::DataFolder;

std::string dump(const diag::Diagnostics& d) {
    return test::dumpDiagnostics(d);
}

// Reads the model text as if it were <folder>/model.mdl (data files beside it), compiles and runs it, Time
// 0 to 4 in steps of 1.
sim::RunResult run(const Folder& f, const std::string& equations, diag::Diagnostics& d,
                   std::vector<std::string> dataFiles = {}) {
    mdl::ReadOptions o;
    o.dataFiles = std::move(dataFiles);
    return test::runMdl(
        "{UTF-8}\n" + equations + "\nINITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\n", d,
        f.model(), o);
}

double at(const sim::RunResult& r, const std::string& name, size_t row = 0) {
    return test::valueAt(r, name, row);
}

// The reader's diagnostics for a model that must fail to read a value.
diag::Diagnostics readErrors(const Folder& f, const std::string& equations) {
    diag::Diagnostics d;
    mdl::readString("{UTF-8}\n" + equations + "\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\n", d, f.model());
    return d;
}

}  // namespace

TEST_CASE("mdl data: GET DIRECT CONSTANTS reads a number, a row, a block and a transposed column",
          "[mdl][data]") {
    Folder f("constants");
    f.write("inputs/rates.csv",
            "name,a,b,c\n"
            "scalar,0.25,,\n"
            "row,1,2,3\n"
            "block,10,20,30\n"
            ",40,50,60\n");
    diag::Diagnostics d;
    const auto r = run(f,
                       "site : s1, s2, s3 ~~|\nband : low, high ~~|\n"
                       "k = GET DIRECT CONSTANTS('inputs/rates.csv', ',', 'B2') ~~|\n"
                       "v[site] = GET DIRECT CONSTANTS('inputs/rates.csv', ',', 'B3') ~~|\n"
                       "m[band, site] = GET DIRECT CONSTANTS('inputs/rates.csv', ',', 'B4') ~~|\n"
                       "t[band] = GET DIRECT CONSTANTS('inputs/rates.csv', ',', 'B4*') ~~|\n"
                       "x = GET XLS CONSTANTS('inputs/rates.csv', 'Sheet1', 'D3') ~~|\n",
                       d);
    CHECK(at(r, "k") == 0.25);
    CHECK(at(r, "v[s3]") == 3);
    CHECK(at(r, "m[low,s2]") == 20);  // rows down for the first range, columns across for the last
    CHECK(at(r, "m[high,s1]") == 40);
    CHECK(at(r, "t[high]") == 40);  // '*': read down instead of across
    CHECK(at(r, "x") == 3);         // the GET XLS form on a CSV export
}

TEST_CASE("mdl data: GET DIRECT LOOKUPS reads x across a row and a table per element down", "[mdl][data]") {
    Folder f("lookups");
    f.write("curves.tab", "x\t0\t10\t20\ncurve a\t0\t5\t5\ncurve b\t1\t2\t4\n");
    diag::Diagnostics d;
    const auto r = run(f,
                       "kind : a, b ~~|\n"
                       "curve[kind] = GET DIRECT LOOKUPS('curves.tab', '\\t', '1', 'B2') ~~|\n"
                       "ya = curve[a](15) ~~|\nyb = curve[b](5) ~~|\n",
                       d);
    CHECK(at(r, "ya") == 5);
    CHECK(at(r, "yb") == Approx(1.5));  // halfway from 1 to 2
}

TEST_CASE("mdl data: GET DIRECT DATA reads series down a Time column or across a Time row", "[mdl][data]") {
    Folder f("series");
    f.write("down.csv", "Time,north,south\n0,100,10\n2,120,\n4,160,30\n");  // south has no value at 2
    f.write("across.csv", "Time,1,3\ndemand,5,9\n");
    diag::Diagnostics d;
    const auto r = run(f,
                       "area : north, south ~~|\n"
                       "pop[area] := GET DIRECT DATA('down.csv', ',', 'A', 'B2') ~~|\n"
                       "demand := GET XLS DATA('across.csv', 'Sheet1', '1', 'B2') ~~|\n"
                       "held :HOLD BACKWARD: := GET DIRECT DATA('down.csv', ',', 'A', 'B2') ~~|\n"
                       "ahead :LOOK FORWARD: := GET DIRECT DATA('down.csv', ',', 'A', 'B2') ~~|\n",
                       d);
    CHECK(at(r, "pop[north]", 1) == 110);  // interpolated between (0, 100) and (2, 120)
    CHECK(at(r, "pop[south]", 2) == 20);   // the missing point is interpolated over
    CHECK(at(r, "demand", 0) == 5);        // before the first point: the first value
    CHECK(at(r, "demand", 2) == 7);
    CHECK(at(r, "demand", 4) == 9);   // after the last: the last value
    CHECK(at(r, "held", 3) == 120);   // held from time 2 until 4
    CHECK(at(r, "ahead", 3) == 160);  // the next value, looked forward to
    CHECK(at(r, "ahead", 2) == 120);  // at a data point, its own value
}

TEST_CASE("mdl data: data variables take their series from .dat and CSV files", "[mdl][data]") {
    Folder f("datavars");
    f.write("history.dat",
            "admissions / per week\n0 10\n2 30  estimated\n4 :NA:\n"
            "beds[north]\n0 5\nbeds[south]\n0 7\n4 11\nraw adm\n1 3\n3 5\n");
    f.write("later.csv", "Time,beds[south],ignored\n0,8,1\n");  // a later file replaces beds[south]
    diag::Diagnostics d;
    const auto r = run(f,
                       "area : north, south ~~|\nadmissions ~ people/week ~ |\nbeds[area] ~~|\n"
                       "raw adm :RAW: ~~|\nper bed = admissions / beds[north] ~~|\n"
                       "twice := admissions * 2 ~~|\n",
                       d, {f.dir.string() + "/history.dat", f.dir.string() + "/later.csv"});
    CHECK(at(r, "admissions", 1) == 20);
    CHECK(at(r, "admissions", 4) == 30);  // the :NA: point is missing: the last value holds
    CHECK(at(r, "beds[south]", 4) == 8);
    CHECK(at(r, "per bed", 2) == 6);
    CHECK(at(r, "twice", 1) == 40);
    CHECK(at(r, "raw adm", 1) == 3);  // RAW: the values at the data points, :NA: between them
    CHECK(at(r, "raw adm", 2) == -1e38);
    CHECK(at(r, "raw adm", 3) == 5);
}

TEST_CASE("mdl data: a value that cannot be read is named by file, cell, row and column", "[mdl][data]") {
    Folder f("errors");
    f.write("bad.csv", "Time,a\n0,1\n1,lots\n");
    auto d = readErrors(f, "x[s1] = GET DIRECT CONSTANTS('bad.csv', ',', 'B3') ~~|\ns : s1 ~~|\n");
    REQUIRE(d.hasErrors());
    CHECK(d.items().front().code == std::string(diag::code::kDataFile));
    CHECK(d.items().front().where == "x");
    CHECK(d.items().front().line == 2);
    CHECK(d.items().front().message.find("'bad.csv' cell B3 (row 3, column B) holds 'lots', not a number") !=
          std::string::npos);
    d = readErrors(f, "y := GET DIRECT DATA('bad.csv', ',', 'A', 'B2') ~~|\n");
    CHECK(dump(d).find("cell B3 (row 3, column B)") != std::string::npos);
    d = readErrors(f, "z = GET DIRECT CONSTANTS('nowhere.csv', ',', 'B2') ~~|\n");
    CHECK(dump(d).find("nowhere.csv' does not exist") != std::string::npos);
    d = readErrors(f, "z = GET XLS CONSTANTS('book.xlsx', 'Inputs', 'B2') ~~|\n");
    CHECK(d.items().front().code == std::string(diag::code::kDataFile));
    CHECK(dump(d).find("book.xlsx' does not exist") != std::string::npos);
    d = readErrors(f, "z = GET DIRECT CONSTANTS('bad.csv', ',', 'rates') ~~|\n");
    CHECK(dump(d).find("'rates' is not a cell name") != std::string::npos);
}

TEST_CASE("mdl data: a model cannot make the reader open a device or hang on it", "[mdl][data]") {
    Folder f("device");
    const auto d = readErrors(f, "z = GET DIRECT CONSTANTS('/dev/zero', ',', 'B2') ~~|\n");
    CHECK(dump(d).find("'/dev/zero' is not a regular file") != std::string::npos);
}

TEST_CASE("mdl data: a data variable without a series says which file to give", "[mdl][data]") {
    Folder f("noseries");
    f.write("some.dat", "other\n0 1\nbroken\n1 x\n");
    diag::Diagnostics d;
    mdl::readString("{UTF-8}\nhistory ~~|\n", d, f.model());
    CHECK(dump(d).find("'history' has no equation and no data file was given: name one with --data FILE") !=
          std::string::npos);
    d = {};
    mdl::ReadOptions o;
    o.dataFiles = {(f.dir / "some.dat").string()};
    mdl::readString("{UTF-8}\nhistory ~~|\n", d, f.model(), o);
    INFO(dump(d));
    CHECK(dump(d).find("no data file holds a series named 'history'") != std::string::npos);
    CHECK(dump(d).find("line 4: 'x' after the time 1 is not a number") != std::string::npos);
}
