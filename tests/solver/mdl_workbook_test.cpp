// Vensim's GET XLS / GET DIRECT functions reading workbooks: an .xlsx written here part by part (shared and
// inline strings, named ranges on two sheets), the committed .xls fixture (tests/solver/data/, made by
// make_workbook_xls.py); values worked out by hand from what each file holds; damaged and hostile workbooks
// refused with an error naming the file; range elements named in cells.
#include <zip.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>

#include "tests/solver/mdl_test_util.hpp"

using namespace sdw;
namespace fs = std::filesystem;

namespace {

using Parts = std::map<std::string, std::string>;

// A zip holding `parts`, as an .xlsx is.
void writeZip(const fs::path& path, const Parts& parts) {
    int err = 0;
    zip_t* z = zip_open(path.string().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    REQUIRE(z);
    for (const auto& [name, text] : parts) {
        zip_source_t* src = zip_source_buffer(z, text.data(), text.size(), 0);
        REQUIRE(zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE) >= 0);
    }
    REQUIRE(zip_close(z) == 0);  // copies the buffers, which `parts` still holds
}

const char* kNs =
    "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

std::string sheetXml(const std::string& rows) {
    return std::string("<worksheet ") + kNs + "><sheetData>" + rows + "</sheetData></worksheet>";
}

// Sheet "Inputs": times 0, 2, 4 across row 1 (B1:D1), a series in row 2 whose name is a shared string, a
// constant 0.25 in B3, text (inline) in B4, and a block named "rates" (B6:C7); sheet "Other": the times down
// column A (named "years", A2:A4) beside values (named "levels", B2:B4) and one more value below the range.
Parts bookParts() {
    Parts p;
    p["[Content_Types].xml"] =
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";
    p["xl/workbook.xml"] =
        std::string("<workbook ") + kNs +
        "><sheets><sheet name=\"Inputs\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Other\" sheetId=\"2\" "
        "r:id=\"rId2\"/></sheets><definedNames><definedName name=\"rates\">Inputs!$B$6:$C$7</definedName>"
        "<definedName name=\"years\">Other!$A$2:$A$4</definedName><definedName name=\"levels\">"
        "Other!$B$2:$B$4</definedName><definedName name=\"formula\">SUM(Inputs!B1:B2)</definedName>"
        "</definedNames></workbook>";
    p["xl/_rels/workbook.xml.rels"] =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
        "<Relationship Id=\"rId2\" Target=\"/xl/worksheets/other.xml\"/></Relationships>";
    p["xl/sharedStrings.xml"] =
        std::string("<sst ") + kNs + "><si><t>Time</t></si><si><r><t>dem</t></r><r><t>and</t></r></si></sst>";
    p["xl/worksheets/sheet1.xml"] = sheetXml(
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\"><v>0</v></c><c r=\"C1\"><v>2</v></c>"
        "<c r=\"D1\"><v>4</v></c></row>"
        "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\"><v>10</v></c><c r=\"C2\"><v>20</v></c>"
        "<c r=\"D2\"><v>40</v></c></row>"
        "<row r=\"3\"><c r=\"B3\"><v>0.25</v></c></row>"
        "<row r=\"4\"><c r=\"B4\" t=\"inlineStr\"><is><t>n/a</t></is></c></row>"
        "<row r=\"6\"><c r=\"B6\"><v>1</v></c><c r=\"C6\"><v>2</v></c></row>"
        "<row r=\"7\"><c r=\"B7\"><v>3</v></c><c r=\"C7\"><v>4</v></c></row>");
    p["xl/worksheets/other.xml"] = sheetXml(
        "<row r=\"2\"><c r=\"A2\"><v>0</v></c><c r=\"B2\"><v>5</v></c></row>"
        "<row r=\"3\"><c r=\"A3\"><v>1</v></c><c r=\"B3\"><v>7</v></c></row>"
        "<row r=\"4\"><c r=\"A4\"><v>3</v></c><c r=\"B4\"><v>11</v></c></row>"
        "<row r=\"5\"><c r=\"A5\"><v>4</v></c><c r=\"B5\"><v>1000</v></c></row>");
    return p;
}

sim::RunResult run(const test::DataFolder& f, const std::string& equations, diag::Diagnostics& d) {
    return test::runMdl(
        "{UTF-8}\n" + equations + "\nINITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\n", d,
        f.model());
}

diag::Diagnostics readErrors(const test::DataFolder& f, const std::string& equations) {
    diag::Diagnostics d;
    mdl::readString("{UTF-8}\n" + equations + "\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\n", d, f.model());
    return d;
}

}  // namespace

TEST_CASE("mdl workbook: GET XLS functions read cells and named ranges of an .xlsx", "[mdl][data][xlsx]") {
    test::DataFolder f("xlsx");
    writeZip(f.dir / "book.xlsx", bookParts());
    diag::Diagnostics d;
    const auto r = run(f,
                       "rate = GET XLS CONSTANTS('book.xlsx', 'Inputs', 'B3') ~~|\n"
                       "demand := GET XLS DATA('book.xlsx', 'Inputs', '1', 'B2') ~~|\n"
                       "d : d1, d2 ~~|\ne : e1, e2 ~~|\n"
                       "block[d, e] = GET DIRECT CONSTANTS('book.xlsx', 'Inputs', 'rates') ~~|\n"
                       "turned[d, e] = GET DIRECT CONSTANTS('book.xlsx', 'Inputs', 'rates*') ~~|\n"
                       "level := GET DIRECT DATA('book.xlsx', 'Other', 'years', 'levels') ~~|\n"
                       "curve(GET XLS LOOKUPS('book.xlsx', 'Inputs', '1', 'B2')) ~~|\n"
                       "looked = curve(Time) ~~|\n",
                       d);
    INFO(test::dumpDiagnostics(d));
    CHECK_FALSE(d.hasErrors());
    CHECK(test::valueAt(r, "rate") == 0.25);
    // Times 0, 2, 4 with 10, 20, 40: interpolated at 1 and 3.
    CHECK(test::valueAt(r, "demand", 1) == Approx(15));
    CHECK(test::valueAt(r, "demand", 3) == Approx(30));
    CHECK(test::valueAt(r, "looked", 3) == Approx(30));
    // The named block B6:C7 = [[1, 2], [3, 4]] (rows down d, columns across e); transposed with '*'.
    CHECK(test::valueAt(r, "block[d1,e2]") == 2);
    CHECK(test::valueAt(r, "block[d2,e1]") == 3);
    CHECK(test::valueAt(r, "turned[d1,e2]") == 3);
    CHECK(test::valueAt(r, "turned[d2,e1]") == 2);
    // Named ranges on the other sheet: times 0, 1, 3 with 5, 7, 11; the 1000 below the range is not read,
    // so at 4 the last point (3, 11) holds.
    CHECK(test::valueAt(r, "level", 2) == Approx(9));
    CHECK(test::valueAt(r, "level", 4) == Approx(11));
}

TEST_CASE("mdl workbook: GET XLS functions read an .xls", "[mdl][data][xls]") {
    test::DataFolder f("xls");
    fs::copy_file(fs::path(SDW_SOURCE_DIR) / "tests/solver/data/workbook.xls", f.dir / "workbook.xls");
    diag::Diagnostics d;
    const auto r = run(f,
                       "rate = GET XLS CONSTANTS('workbook.xls', 'Inputs', 'B3') ~~|\n"
                       "answer = GET XLS CONSTANTS('workbook.xls', 'second', 'A1') ~~|\n"
                       "demand := GET XLS DATA('workbook.xls', 'Inputs', '1', 'B2') ~~|\n",
                       d);
    INFO(test::dumpDiagnostics(d));
    CHECK_FALSE(d.hasErrors());
    CHECK(test::valueAt(r, "rate") == 0.25);
    CHECK(test::valueAt(r, "answer") == 42);  // the sheet named 'Second', found ignoring case
    CHECK(test::valueAt(r, "demand", 1) == Approx(15));
    CHECK(test::valueAt(r, "demand", 4) == Approx(40));
    const auto e = readErrors(f,
                              "x = GET XLS CONSTANTS('workbook.xls', 'Inputs', 'B4') ~~|\n"
                              "y = GET XLS CONSTANTS('workbook.xls', 'Inputs', 'rates') ~~|\n");
    const std::string text = test::dumpDiagnostics(e);
    CHECK(text.find("'workbook.xls' sheet 'Inputs' cell B4 (row 4, column B) holds 'text', not a number") !=
          std::string::npos);
    CHECK(text.find("'rates' is not a cell name such as B2 nor a named range of 'workbook.xls'") !=
          std::string::npos);
}

TEST_CASE("mdl workbook: a text or blank cell in a series is a missing point, with a warning for text",
          "[mdl][data][xlsx]") {
    // As Vensim reads it (test-models get_with_missing_values_xlsx): times 0, (blank), 2, 'soon', 4 with
    // values 1, 99, 3, 98, 5 read as (0, 1), (2, 3), (4, 5).
    test::DataFolder f("missing");
    Parts p = bookParts();
    p["xl/worksheets/sheet1.xml"] = sheetXml(
        "<row r=\"1\"><c r=\"A1\"><v>0</v></c><c r=\"C1\"><v>2</v></c><c r=\"D1\" t=\"inlineStr\"><is><t>soon"
        "</t></is></c><c r=\"E1\"><v>4</v></c></row><row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\"><v>99"
        "</v></c><c r=\"C2\"><v>3</v></c><c r=\"D2\"><v>98</v></c><c r=\"E2\"><v>5</v></c></row>");
    writeZip(f.dir / "book.xlsx", p);
    diag::Diagnostics d;
    const auto r = run(f, "x := GET XLS DATA('book.xlsx', 'Inputs', '1', 'A2') ~~|\n", d);
    CHECK(test::valueAt(r, "x", 1) == Approx(2));
    CHECK(test::valueAt(r, "x", 3) == Approx(4));
    std::vector<diag::Diagnostic> skipped;
    for (const auto& x : d.items())
        if (x.code == std::string("W222")) skipped.push_back(x);
    REQUIRE(skipped.size() == 1);  // one warning for the one text cell; the blank is silently missing
    CHECK(skipped.front().message.find("cell D1 (row 1, column D) holds 'soon', not a number: read as a "
                                       "missing point") != std::string::npos);
}

TEST_CASE("mdl workbook: a missing sheet, a damaged file and a hostile one are refused by name",
          "[mdl][data][xlsx][errors]") {
    test::DataFolder f("damaged");
    writeZip(f.dir / "book.xlsx", bookParts());
    auto d = readErrors(f, "x = GET XLS CONSTANTS('book.xlsx', 'Sheet9', 'A1') ~~|\n");
    CHECK(test::dumpDiagnostics(d).find(
              "'book.xlsx' has no sheet 'Sheet9' (its sheets: 'Inputs', 'Other')") != std::string::npos);
    f.write("text.xlsx", "Time,x\n0,1\n");  // a CSV under the wrong name
    d = readErrors(f, "x = GET XLS CONSTANTS('text.xlsx', 'Inputs', 'A1') ~~|\n");
    CHECK(test::dumpDiagnostics(d).find("text.xlsx' is neither an .xlsx nor an .xls workbook") !=
          std::string::npos);
    writeZip(f.dir / "empty.xlsx", {{"readme.txt", "no workbook here"}});
    d = readErrors(f, "x = GET XLS CONSTANTS('empty.xlsx', 'Inputs', 'A1') ~~|\n");
    CHECK(test::dumpDiagnostics(d).find("is not an Excel workbook (no xl/workbook.xml)") !=
          std::string::npos);
    Parts broken = bookParts();
    broken["xl/worksheets/sheet1.xml"] = "<worksheet><sheetData><row>";
    writeZip(f.dir / "broken.xlsx", broken);
    d = readErrors(f, "x = GET XLS CONSTANTS('broken.xlsx', 'Inputs', 'A1') ~~|\n");
    CHECK(test::dumpDiagnostics(d).find(
              "'xl/worksheets/sheet1.xml' is not well-formed XML (sheet 'Inputs')") != std::string::npos);
    // A few bytes that would make a grid of billions of cells: one cell in the last column of each of
    // 300 rows (16384 x 300 cells), then a cell past Excel's last row.
    Parts wide = bookParts();
    std::string rows;
    for (int k = 1; k <= 300; ++k)
        rows +=
            "<row r=\"" + std::to_string(k) + "\"><c r=\"XFD" + std::to_string(k) + "\"><v>1</v></c></row>";
    wide["xl/worksheets/sheet1.xml"] = sheetXml(rows);
    writeZip(f.dir / "wide.xlsx", wide);
    d = readErrors(f, "x = GET XLS CONSTANTS('wide.xlsx', 'Inputs', 'A1') ~~|\n");
    CHECK(test::dumpDiagnostics(d).find("more than 4000000 cells in their grids") != std::string::npos);
    // Half that in each of two sheets: the limit is the workbook's, not each sheet's.
    std::string half;
    for (int k = 1; k <= 150; ++k)
        half +=
            "<row r=\"" + std::to_string(k) + "\"><c r=\"XFD" + std::to_string(k) + "\"><v>1</v></c></row>";
    wide["xl/worksheets/sheet1.xml"] = sheetXml(half);
    wide["xl/worksheets/other.xml"] = sheetXml(half);
    writeZip(f.dir / "halves.xlsx", wide);
    d = readErrors(f, "x = GET XLS CONSTANTS('halves.xlsx', 'Inputs', 'A1') ~~|\n");
    CHECK(test::dumpDiagnostics(d).find("more than 4000000 cells in their grids") != std::string::npos);
    wide = bookParts();
    wide["xl/worksheets/sheet1.xml"] = sheetXml("<row r=\"2000000\"><c r=\"A2000000\"><v>1</v></c></row>");
    writeZip(f.dir / "tall.xlsx", wide);
    d = readErrors(f, "x = GET XLS CONSTANTS('tall.xlsx', 'Inputs', 'A1') ~~|\n");
    CHECK(test::dumpDiagnostics(d).find("past the last row or column") != std::string::npos);
}

TEST_CASE("mdl workbook: GET DIRECT SUBSCRIPT names a range's elements from cells", "[mdl][data][xlsx]") {
    test::DataFolder f("subscript");
    writeZip(f.dir / "book.xlsx", bookParts());
    f.write("names.csv", "north\nsouth\n\n");
    diag::Diagnostics d;
    // B1:D1 of 'Inputs' hold the times 0, 2, 4: with the prefix "t", the elements t0, t2, t4.
    const auto r = run(f,
                       "r : GET XLS SUBSCRIPT('book.xlsx', 'Inputs', 'B1', 'D1', 't') ~~|\n"
                       "place : GET DIRECT SUBSCRIPT('names.csv', ',', 'A1', 'A3', '') ~~|\n"
                       "x[r] = GET DIRECT CONSTANTS('book.xlsx', 'Inputs', 'B2') ~~|\n"
                       "pick = x[t2] ~~|\nhere[place] = 1 ~~|\ncount = SUM(here[place!]) ~~|\n",
                       d);
    INFO(test::dumpDiagnostics(d));
    CHECK(test::valueAt(r, "x[t0]") == 10);
    CHECK(test::valueAt(r, "pick") == 20);
    CHECK(test::valueAt(r, "here[south]") == 1);
    CHECK(test::valueAt(r, "count") == 2);  // the blank third row is not an element
    const auto e = readErrors(f,
                              "r : GET DIRECT SUBSCRIPT('book.xlsx', 'Inputs', 'D1', 'B1', '') ~~|\n"
                              "q : GET DIRECT SUBSCRIPT('book.xlsx', 'Inputs', 'F9', 'G9', '') ~~|\n");
    const std::string text = test::dumpDiagnostics(e);
    CHECK(text.find("'B1' is not a cell name at or after 'D1'") != std::string::npos);
    CHECK(text.find("'book.xlsx' sheet 'Inputs' has no element names in the cells from F9 to G9") !=
          std::string::npos);
}
