// Spreadsheet workbooks for Vensim's GET XLS / GET DIRECT functions: every sheet of an .xlsx (or .xlsm) or
// an .xls as a grid of cells, and the workbook's named ranges. Layer: solver (mdl). Depends on the standard
// library and mdl_internal.hpp's Table; libzip, pugixml and freexl stay inside mdl_workbook*.cpp.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "solver/mdl/mdl_internal.hpp"

namespace sdw::mdl::detail {

// A rectangle of cells, rows and columns from 0, both corners included.
struct CellRange {
    size_t row0 = 0, col0 = 0, row1 = 0, col1 = 0;
};

struct NamedRange {
    std::string sheet;  // the sheet the range is on
    CellRange cells;
};

struct Workbook {
    std::vector<std::pair<std::string, Table>> sheets;  // in the workbook's order
    // Named ranges by lower-case name; a name scoped to one sheet is also kept as "<sheet>!<name>".
    std::map<std::string, NamedRange> names;

    // The sheet called `name` (exactly, else ignoring case); nullptr when there is none.
    const Table* sheet(const std::string& name) const;
    // The named range `name` as seen from `sheet` (its own names first); nullptr when there is none.
    const NamedRange* range(const std::string& name, const std::string& sheet) const;
    std::string sheetList() const;  // "'Sheet1', 'Inputs'"
};

// The workbook at `path` (.xlsx, .xlsm or .xls); nullopt with `error` saying why it could not be read
// (not a workbook, damaged, encrypted, or larger than the reader's limits).
std::optional<Workbook> readWorkbook(const std::string& path, std::string& error);

// Parts of readWorkbook, one per format (mdl_workbook_xlsx.cpp, mdl_workbook_xls.cpp).
std::optional<Workbook> readXlsx(const std::string& path, std::string& error);
std::optional<Workbook> readXls(const std::string& path, std::string& error);

// "Sheet1!$B$2:$D$4", "'My sheet'!B2" or "B2:D4" (sheet "" then) -> the sheet and range; false when the text
// is not a plain reference (a formula, a list of areas, #REF!).
bool parseRangeRef(const std::string& text, std::string& sheet, CellRange& out);

// The reader's limits: a hostile or damaged file is refused with an error, never exhausts memory.
inline constexpr size_t kMaxSheetCells = 4'000'000;         // grid cells of all a workbook's sheets together
inline constexpr size_t kMaxWorkbookPartBytes = 64u << 20;  // one uncompressed part of an .xlsx

// Puts `text` at (row, col) of `t`, growing the grid; `used` counts the grid's cells so far. False when the
// grid would pass kMaxSheetCells, or the cell is beyond a spreadsheet's last row or column.
bool putCell(Table& t, size_t& used, size_t row, size_t col, std::string text);

}  // namespace sdw::mdl::detail
