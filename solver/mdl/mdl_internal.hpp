// Internal pieces of the Vensim reader shared by its .cpp files: the entry splitter, the expression
// translator, lookup and number parsing, and the sketch reader. Layer: solver. Not part of the public
// interface.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "solver/diag/diagnostics.hpp"
#include "solver/model/model.hpp"

namespace sdw::mdl::detail {

// One `equation ~ units ~ doc |` entry, or a macro marker.
struct Entry {
    enum class Kind { Equation, MacroBegin, MacroEnd };
    Kind kind = Kind::Equation;
    std::string equation;  // for MacroBegin: the header "name(arg1, arg2)"
    std::string units;
    std::string doc;
    int line = 0;            // 1-based line where the entry starts
    bool terminated = true;  // false when the text ended before the closing '|'
    int sections = 1;        // 1 + the number of '~' separators seen (a Vensim entry has 3)
    // The file line and column of each character of `equation` (continuations and comments left out).
    std::vector<std::pair<int, int>> positions;
};

struct SplitFile {
    std::vector<Entry> entries;
    std::string sketch;  // text after the "\\\---///" marker (empty when absent)
    int sketchLine = 0;
};

// Split the model text: normalises CR / CRLF line endings, joins '\' continuations, drops {comments} from
// equations, and separates the sketch section.
SplitFile splitFile(const std::string& text);

std::string trim(const std::string& s);
std::string upper(const std::string& s);
std::string lower(const std::string& s);
// The index of the '"' that closes a quoted name opened at `open` (a \" inside is part of the name), or npos.
size_t closingQuote(const std::string& s, size_t open);
// A Vensim name as the user reads it: surrounding quotes removed, \" read as ".
std::string unquoteName(const std::string& name);
// Collapse runs of white space into one space and trim: "Total \t Population" -> "Total Population".
std::string squeeze(const std::string& s);
// A Vensim name as an XMILE identifier: spaces become '_', names with other characters (or named like an
// XMILE word operator: MOD, AND...) are quoted; quotes inside the name are dropped (XMILE names cannot hold
// them, and names compare without them).
std::string xmileName(const std::string& vensimName);
// Split at top-level separators (outside (), [] and quotes).
std::vector<std::string> splitTopLevel(const std::string& s, char sep);

// What the translator needs to know about the model being read.

struct Symbols {
    std::map<std::string, std::vector<std::string>> dims;  // canonical dim name -> element names as written
    std::set<std::string> subranges;                // canonical names of dims that are subsets of another
    std::set<std::string> lookups;                  // canonical names of lookup (table) variables
    std::set<std::string> macros;                   // canonical macro names
    std::map<std::string, std::string> dimNames;    // canonical dim name -> name as written
    std::map<std::string, std::string> elementDim;  // canonical element -> canonical full dimension
    // canonical dim -> the dims it maps to or that map to it (Vensim `->`): their elements pair by position
    std::map<std::string, std::vector<std::string>> maps;
    // canonical variable -> the canonical subscripts its first definition is written over (dims or elements)
    std::map<std::string, std::vector<std::string>> defined;
    std::optional<double> saveper;
    // Canonical names of the controls kept as variables because they change during the run ("final_time",
    // "time_step", "saveper", "initial_time"): equations refer to the variable, not to the run's constant.
    std::set<std::string> dynamicControls;
};

// Translation of one equation. `subst` maps a canonical dimension name to the element it stands for when a
// variable is expanded element by element (Vensim `x[sub] = y[sub]` read for one element of sub).
struct TranslateContext {
    const Symbols* symbols = nullptr;
    std::map<std::string, std::string> subst;
    std::string where;  // the variable
    int line = 0;
    diag::Diagnostics* diags = nullptr;
    const Entry* entry = nullptr;  // the entry the text is a piece of, for positions in the file
    size_t offset = 0;             // where the text starts in entry->equation
    std::string failedName;        // set by the translator: the function it could not translate
};

// Whether `name` (upper case, single spaces) is one of Vensim's documented functions that sdw does not run
// yet.
bool isUnsupportedVensimFunction(const std::string& name);
// Vensim functions read as macros written from their documented equivalent equations (mdl_library.cpp):
// the macro's name for `function` (upper case: "NPV" -> "Vensim NPV"), or "" when it is not one of them;
// and the macros the file's equations call, put before its entries.
std::string libraryMacroName(const std::string& function);
void prependLibraryMacros(SplitFile& file);
// All of them (the README lists each).
const std::set<std::string>& unsupportedVensimFunctions();

// Vensim expression text -> XMILE expression text; nullopt (with E120 or E211 in diags) when it cannot.
std::optional<std::string> translateExpr(const std::string& vensim, TranslateContext& ctx);

// Lookup body "( [(x0,y0)-(x1,y1)], (x,y), ... )" or "(x1,...,xn, y1,...,yn)" -> graphical function.
std::optional<model::GraphicalFunction> parseLookup(const std::string& body, std::string& error);
// Evaluate a constant Vensim expression (numbers, names looked up in `names` by canonical name, arithmetic,
// comparisons, IF THEN ELSE) with the equation parser and equations::foldConstant. nullopt when it is not
// one.
std::optional<double> evalConstant(const std::string& text, const std::map<std::string, double>& names);
// "Persons/Day [0,100,1]" -> units "Persons/Day" and the range when both ends are numbers.
void splitUnits(const std::string& text, std::string& units, std::optional<model::Range>& range);

// One Vensim definition `name[subs] = rhs` (op '=') or lookup `name[subs](table)` (op '(').
struct Def {
    std::string name;               // as written, white space squeezed
    std::vector<std::string> subs;  // subscripts as written
    char op = '=';
    std::string rhs;
    const Entry* entry = nullptr;
    size_t rhsOffset = 0;  // where rhs starts in entry->equation
    // Data: op 'd' is a data variable with no equation (its series comes from a data file); `method` is the
    // keyword between colons (INTERPOLATE, HOLD BACKWARD, LOOK FORWARD, RAW), "" for the default.
    std::string method;
    // `x[d, e] :EXCEPT: [d1, e2], [d3, e] = ...`: the element combinations the equation leaves out, each a
    // list of subscripts (elements, dimensions or sub-ranges) position by position.
    std::vector<std::vector<std::string>> except;
};

// Where the translation of a piece of an entry's equation came from in the file: `xmile` is the translation
// of `vensim`, which starts at `offset` in entry.equation. Names and numbers of the translation are tied to
// the same names and numbers in the Vensim text, so a column in the XMILE text maps to the file
// (model::placeInSource); text the translator wrote itself maps nowhere.
model::TextOrigin translatedOrigin(const std::string& xmile, const std::string& vensim, const Entry& entry,
                                   size_t offset);
// The names a Vensim expression refers to (canonical, in order, repeats kept), functions it calls left out.
std::vector<std::string> namesIn(const std::string& vensim);
// INITIAL TIME, FINAL TIME, TIME STEP and SAVEPER folded into `specs` (they may be expressions of constants
// the model defines, to any depth); the control entries leave `groups`. FINAL TIME, TIME STEP or SAVEPER
// that cannot be folded (it changes with Time or a stock) stays a variable, named in specs.stopVar, dtVar or
// saveperVar for the run to read every step. INITIAL TIME written in terms of Time starts the run at its
// value with Time = 0 (W224) and stays a variable; one that cannot be fixed even so is an E208 saying why.
void readControl(std::vector<std::vector<Def>>& groups, Symbols& symbols, model::SimSpecs& specs,
                 diag::Diagnostics& diags);
// The file line and column of the first name in `vensim` (which starts at `offset` in entry.equation) that is
// `name` by canonical comparison; {entry.line, 0} when there is none.
std::pair<int, int> positionOfName(const std::string& vensim, const std::string& name, const Entry& entry,
                                   size_t offset);

// Vensim lets a variable be arrayed over one range at two positions (`m[A, dim] = 1, 10` and `m[B, dim] =
// ...` over dim x dim); the model gives each position a range of its own. For each such variable without an
// equivalent range to use (`dim2 <-> dim`), a copy of the range ("dim 2") is added to `sym` and returned,
// with a W223 naming it.
std::vector<model::Dimension> aliasRepeatedDimensions(const std::vector<std::vector<Def>>& groups,
                                                      Symbols& sym, diag::Diagnostics& diags);
// The full dimension a subscript on a left-hand side belongs to (canonical; "" when unknown).
std::string parentDimension(const std::string& sub, const Symbols& sym);
// The dimensions of a variable defined element by element (`elements` holds every element defined): for
// each position, the range every equation names there, else a declared range whose elements are exactly the
// ones defined, else the full range. False when a subscript is unknown.
bool elementDimensions(const std::vector<Def>& defs, const std::vector<model::ElementEquation>& elements,
                       const Symbols& sym, std::vector<std::string>& dims);
// Elements of v's dimensions that no equation defines get the equation 0, with a W121 warning naming them;
// returns how many.
size_t fillUndefined(model::Variable& v, const Symbols& sym, diag::Diagnostics& diags);

// --- Data: delimited text files, Vensim's GET functions and data variables (mdl_table.cpp, mdl_data.cpp,
// mdl_datasets.cpp) ---

// A delimited text file as a grid of trimmed cells.
struct Table {
    std::vector<std::vector<std::string>> rows;
    const std::string& at(size_t row, size_t col) const;  // "" outside the grid
};
// The text of a regular file of at most 64 MB; nullopt with `error` set otherwise.
std::optional<std::string> readSmallTextFile(const std::string& path, std::string& error);
Table parseTable(const std::string& text, char delimiter);
bool parseColumnName(const std::string& letters, size_t& col);         // "A" -> 0, "AB" -> 27
bool parseCellName(const std::string& ref, size_t& row, size_t& col);  // "B2" -> row 1, column 1
std::string cellName(size_t row, size_t col);                          // row 1, column 2 -> "C2"
std::optional<double> cellNumber(const std::string& cell);             // a finite number, or nullopt

// Points of a time series (or a lookup) read from a file.
struct Series {
    std::vector<double> xs, ys;
};

// The files one read of a model may open: those its GET functions name (relative to the model's folder) and
// the data files given for its data variables (sdw run --data). Each file is read once; nothing else is
// opened.
struct Workbook;  // mdl_workbook.hpp

class DataSources {
  public:
    DataSources(const std::string& modelPath, std::vector<std::string> dataFiles);
    // The file as the model names it, split at `delimiter`; nullptr with `error` set when it cannot be read.
    const Table* table(const std::string& name, char delimiter, std::string& error);
    // The workbook (.xlsx, .xlsm or .xls) as the model names it; nullptr with `error` set when it cannot be
    // read. Each workbook is read once.
    const Workbook* workbook(const std::string& name, std::string& error);
    // The series of a data variable or one element of it ("pop[north]", any spelling) from the data files,
    // which are read (and their problems reported) on the first call; nullptr when no file holds it.
    const Series* series(const std::string& ref, diag::Diagnostics& diags);
    const std::vector<std::string>& dataFiles() const { return m_dataFiles; }
    std::string resolve(const std::string& name) const;  // a name relative to the model's folder

  private:
    void loadDataFiles(diag::Diagnostics& diags);
    std::string m_dir;
    std::vector<std::string> m_dataFiles;
    bool m_loaded = false;
    std::map<std::string, Table> m_tables;  // path + delimiter -> table
    std::map<std::string, std::pair<std::shared_ptr<Workbook>, std::string>> m_books;  // path -> book, error
    std::map<std::string, Series> m_series;  // canonical ref -> series
};

// One call of a Vensim data function: GET DIRECT DATA / CONSTANTS / LOOKUPS and the GET XLS and GET 123
// forms, from delimited text or a workbook's sheet.
struct GetCall {
    std::string function;           // as Vensim spells it, e.g. "GET DIRECT CONSTANTS"
    std::string what;               // "DATA", "CONSTANTS" or "LOOKUPS"
    std::vector<std::string> args;  // the literal arguments, quotes removed
};
// The call when `rhs` is exactly one data function call; nullopt otherwise.
std::optional<GetCall> parseGetCall(const std::string& rhs);
// What a data function gives one element: a constant, or a table (data: with Time as its input).
struct GetValue {
    std::optional<double> constant;
    std::optional<model::GraphicalFunction> table;
};
// Reads the values of the elements at `places` (each the element's place in the block the call reads: rows
// down, columns across). False, with diagnostics naming the file, the cell, its row and column, when a value
// cannot be read.
bool resolveGet(const GetCall& call, const std::string& method,
                const std::vector<std::pair<size_t, size_t>>& places, const std::string& where, int line,
                DataSources& data, diag::Diagnostics& diags, std::vector<GetValue>& out);
// The element names of a range read from cells (GET DIRECT / XLS SUBSCRIPT('file', 'tab', 'first cell',
// 'last cell', 'prefix')): each non-blank cell of the block, row by row, after the prefix. No last cell reads
// along the row to the first blank. nullopt, with diagnostics naming the file and cells, when none can be
// read.
std::optional<std::vector<std::string>> resolveSubscript(const GetCall& call, const std::string& where,
                                                         int line, DataSources& data,
                                                         diag::Diagnostics& diags);
// A data series as a table of Time: interpolated (INTERPOLATE, the default), held (HOLD BACKWARD), the next
// value (LOOK FORWARD), or :NA: between points (RAW).
model::GraphicalFunction dataTable(const Series& s, const std::string& method);

// Whether a definition takes its values from files: a data variable with no equation, or a data function.
bool isDataDef(const Def& d);
// The element equations of a data definition for each combination of its left-hand side's elements (one
// empty combination for a scalar): numbers, lookups, or tables of TIME. False, with diagnostics, when a value
// cannot be read.
bool dataElements(const Def& d, const std::vector<std::vector<std::string>>& combos, const Symbols& sym,
                  DataSources& data, diag::Diagnostics& diags, std::vector<model::ElementEquation>& out);

// Variables of one model (or macro body) from its definitions, grouped by variable in file order. INTEG
// rates that are sums of plain flow names become inflows/outflows; other rates get a "<stock> net flow".
void buildVariables(const std::vector<std::vector<Def>>& groups, const Symbols& symbols, model::Model& out,
                    DataSources& data, diag::Diagnostics& diags);

// Sketch section -> views. `kinds` maps canonical variable names to their kinds.
std::vector<model::View> readSketch(const std::string& sketch,
                                    const std::map<std::string, model::VarKind>& kinds);

}  // namespace sdw::mdl::detail
