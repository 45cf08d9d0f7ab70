// Internal pieces of the Vensim reader shared by its .cpp files: the entry splitter, the expression
// translator, lookup and number parsing, and the sketch reader. Layer: solver. Not part of the public
// interface.
#pragma once

#include <map>
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
    std::optional<double> saveper;
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
// the model defines, to any depth); the control entries leave `groups`. One that cannot be folded (it changes
// with Time or a stock, or is not an expression of constants) is an E208 error saying why.
void readControl(std::vector<std::vector<Def>>& groups, Symbols& symbols, model::SimSpecs& specs,
                 diag::Diagnostics& diags);
// The file line and column of the first name in `vensim` (which starts at `offset` in entry.equation) that is
// `name` by canonical comparison; {entry.line, 0} when there is none.
std::pair<int, int> positionOfName(const std::string& vensim, const std::string& name, const Entry& entry,
                                   size_t offset);

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

// Variables of one model (or macro body) from its definitions, grouped by variable in file order. INTEG
// rates that are sums of plain flow names become inflows/outflows; other rates get a "<stock> net flow".
void buildVariables(const std::vector<std::vector<Def>>& groups, const Symbols& symbols, model::Model& out,
                    diag::Diagnostics& diags);

// Sketch section -> views. `kinds` maps canonical variable names to their kinds.
std::vector<model::View> readSketch(const std::string& sketch,
                                    const std::map<std::string, model::VarKind>& kinds);

}  // namespace sdw::mdl::detail
