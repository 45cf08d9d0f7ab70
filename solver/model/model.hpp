// The editable form of a model: variables keyed by canonical name, view geometry, sim specs, and the vendor
// elements we do not interpret, kept verbatim so a round trip loses nothing; every struct compares with ==.
// Layer: solver. Depends on the standard library only (no XML, no GUI, no Lua).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sdw::model {

// Canonical form of an identifier: lower case, quotes removed, runs of space/underscore/newline/tab folded
// into one '_', trimmed. "Birth Rate", "birth_rate" and "BIRTH  RATE" are the same name.
std::string canonicalName(const std::string& name);
// The same for a reference that may carry a subscript: "Pop[North, Over 65]" -> "pop[north,over_65]".
std::string canonicalRef(const std::string& name);
// The value of an equation that is a plain number ("12.5", " -3 "): a constant a run, a slider or a plugin
// may change without recompiling. nullopt for anything else ("2 * 3" included).
std::optional<double> literalValue(const std::string& equation);

enum class VarKind { Stock, Flow, Aux, Module };
const char* varKindName(VarKind k);

// A graphical function (lookup table). x points either given (xpts) or spread evenly over xscale.
struct GraphicalFunction {
    enum class Kind { Continuous, Extrapolate, Discrete };
    Kind kind = Kind::Continuous;
    std::vector<double> xs;
    std::vector<double> ys;
    std::optional<std::pair<double, double>> xscale;  // as written, for the round trip
    std::optional<std::pair<double, double>> yscale;
    bool xptsWritten = false;  // the file listed x points explicitly
    std::string name;          // for a stand-alone <gf name="...">
    std::string ySeparator = ",";

    bool operator==(const GraphicalFunction&) const = default;
};
const char* gfKindName(GraphicalFunction::Kind k);

// Slider range for a constant (from <range> or isee/Stella hints): XMILE's default input range.
struct Range {
    double min = 0;
    double max = 1;
    std::optional<double> step;

    bool operator==(const Range&) const = default;
};

// Where an equation's text came from, so that a position inside the text (a diagnostic's column) can be given
// as the line and column of the model file, or name the plugin or option that supplied the text
// (model::placeInSource). Not part of the model's value: any two compare equal, so a model read back from
// another file, or from the same file after an edit, is the same model.
struct TextOrigin {
    struct Anchor {
        int offset = 0;  // text[offset] ...
        int line = 0;    // ... is at this 1-based line and column of the file
        int column = 0;
    };
    std::string text;  // the text as read: the positions hold only while the equation is still this
    std::vector<Anchor>
        anchors;         // by increasing offset; after an anchor a character is a column, '\n' a line
    std::string source;  // empty: the model file; else what supplied the text ("--set x=2")
    friend bool operator==(const TextOrigin&, const TextOrigin&) { return true; }
};

// A variable's text origins by equation (see Variable::origins); like TextOrigin, not part of the model's
// value: a model read from a file and the same model written and read back compare equal.
struct TextOrigins : std::map<std::string, TextOrigin> {
    friend bool operator==(const TextOrigins&, const TextOrigins&) { return true; }
};

// The plausible range of a constant's value, for sensitivity runs (sdw extension <sdw:uncertainty min max/>,
// which other tools keep or ignore). Distinct from the slider range: a lever target may slide from 0 to twice
// its value while its baseline value is known to within a few percent. `distribution` (attribute
// distribution="triangular(0.2,0.3,0.4)", see solver/analysis/distribution.hpp) says how likely values within
// the range are, truncated at it; empty means uniform over the range. Attributes this version does not know
// are kept for the round trip.
struct Uncertainty {
    double min = 0;
    double max = 0;
    std::string distribution;  // as written in the file; empty = uniform(min,max)
    std::vector<std::pair<std::string, std::string>> extraAttrs;
    bool operator==(const Uncertainty&) const = default;
};

// Which way an outcome measure is better (sdw extension <sdw:outcome better="higher|lower"/>), so that a
// comparison can say "better" or "worse" in words; Unknown when the model does not say or it depends.
enum class Better { Unknown, Higher, Lower };

// One element's equation in an arrayed variable defined element by element.
struct ElementEquation {
    std::vector<std::string> subscripts;  // element names as written, one per dimension
    std::string equation;
    std::optional<GraphicalFunction> gf;

    bool operator==(const ElementEquation&) const = default;
};

// A module's input/output binding: <connect to="inner" from="outer"/>.
struct Connection {
    std::string to;
    std::string from;

    bool operator==(const Connection&) const = default;
};

struct Variable {
    VarKind kind = VarKind::Aux;
    std::string name;      // as written in the file
    std::string equation;  // initial value for stocks; empty for a module
    std::string units;
    std::string doc;
    std::vector<std::string> inflows;  // names as written
    std::vector<std::string> outflows;
    bool nonNegative = false;  // <non_negative/> on a stock or flow
    std::optional<GraphicalFunction> gf;
    std::vector<std::string> dimensions;    // names of dimensions for an arrayed variable
    std::vector<ElementEquation> elements;  // per-element definitions (empty = apply-to-all)
    std::optional<Range> range;
    std::optional<Uncertainty> uncertainty;
    Better better = Better::Unknown;
    // The weight of this variable's observed series in a calibration's payoff (sdw extension
    // <sdw:calibration weight="W"/>); empty: 1.
    std::optional<double> calibrationWeight;
    std::string accessType;               // "input" / "output" for module ports; empty otherwise
    std::string moduleModel;              // for VarKind::Module: the sub-model's name
    std::vector<Connection> connections;  // for VarKind::Module
    int line = 0;                         // line in the source file where it is defined (0 = unknown)
    // Where its equation texts were read from, when known: "" for `equation`, an element's subscripts
    // (canonical, joined by ',') for that element's equation.
    TextOrigins origins;
    std::vector<std::string> extraXml;  // child elements we keep but do not interpret
    std::vector<std::pair<std::string, std::string>> extraAttrs;

    bool operator==(const Variable&) const = default;
};

// The most elements one dimension (subscript range) may have; readers report larger ones (E210).
inline constexpr size_t kMaxDimensionElements = 1'000'000;

struct Dimension {
    std::string name;
    std::vector<std::string> elements;  // for an indexed dimension of size n: "1".."n"
    bool indexed = false;
    std::vector<std::string> maps;  // dimensions this one maps to (XMILE 1.1 <dim maps_to="...">)

    bool operator==(const Dimension&) const = default;
};

struct SimSpecs {
    double start = 0;
    double stop = 100;
    double dt = 1;
    bool dtReciprocal = false;  // the file wrote dt as 1/x
    std::optional<double> saveper;
    std::string method = "euler";  // euler | rk4 | rk45 (adaptive)
    // Vensim lets FINAL TIME, TIME STEP and SAVEPER change during a run. Each of these names the model
    // variable whose value, evaluated every step, gives it; "" keeps the number above (which then holds the
    // value before the run, for display). XMILE: <sdw:control stop="..." dt="..." saveper="..."/> in
    // <sim_specs>.
    std::string stopVar, dtVar, saveperVar;
    std::string timeUnits;
    // The calendar date at time `start`, "YYYY-MM-DD" (sdw extension <sdw:calendar start="..."/> in
    // <sim_specs>); empty when the model does not say. Views show years and financial years from it.
    std::string calendarStart;
    // The year whose prices the model's money is in, as written ("2025/26"; attribute price_base of
    // <sdw:calendar>); empty when the model does not say. Exports record it.
    std::string priceBase;
    std::vector<std::pair<std::string, std::string>> extraAttrs;
    std::vector<std::string> extraXml;  // child elements of <sim_specs> we keep but do not interpret

    bool operator==(const SimSpecs&) const = default;
};

// One object on a diagram view.
struct ViewObject {
    enum class Kind { Stock, Flow, Aux, Connector, Alias, Module, Group, Text, Other };
    Kind kind = Kind::Other;
    std::string name;  // variable it shows (stock/flow/aux/module/alias-of)
    double x = 0, y = 0;
    std::optional<double> width, height;
    std::vector<std::pair<double, double>> points;  // flow pipe points
    std::string from, to;                           // connector ends (names, or alias uids)
    bool fromAlias = false, toAlias = false;        // the end is <alias uid="..."/>: from/to hold the uid
    std::string text;                               // the text of a text box
    std::optional<double> angle;
    std::string uid;
    std::string tag;  // element name for Other, kept for the round trip
    std::vector<std::pair<std::string, std::string>> extraAttrs;
    std::vector<std::string> extraXml;

    bool operator==(const ViewObject&) const = default;
};

struct View {
    std::string name;
    std::vector<ViewObject> objects;
    std::vector<std::pair<std::string, std::string>> attrs;

    bool operator==(const View&) const = default;
};

// A model or sub-model (module definition) or macro body.
struct Model {
    std::string name;  // empty for the main model
    std::vector<Variable> variables;
    std::vector<View> views;
    std::vector<std::string> extraXml;
    std::vector<std::string> variablesExtraXml;  // unknown children of <variables> (e.g. isee:dependencies)
    std::vector<std::string> viewsExtraXml;      // unknown children of <views> (e.g. style)

    Variable* find(const std::string& anyName);
    const Variable* find(const std::string& anyName) const;
    Variable& add(Variable v);
    bool remove(const std::string& anyName);

    bool operator==(const Model&) const = default;
};

// XMILE <macro>: parameters, an expression body or a stock-and-flow body.
struct Macro {
    std::string name;
    std::vector<std::string> params;
    std::vector<std::optional<std::string>> paramDefaults;
    std::string equation;  // expression body (may be empty when the body is a model)
    Model body;            // variables of a stock-and-flow macro
    std::optional<SimSpecs> specs;
    std::string doc;

    bool operator==(const Macro&) const = default;
};

// What a file holds: header, sim specs, dimensions, the models, macros, and what we keep verbatim.
struct Project {
    std::string name;
    std::string vendor;
    std::string product;
    std::vector<std::pair<std::string, std::string>> productAttrs;  // e.g. version, lang, isee:build_number
    std::string xmlns = "http://docs.oasis-open.org/xmile/ns/XMILE/v1.0";
    // Other attributes of <xmile> (namespace declarations such as xmlns:isee), in file order.
    std::vector<std::pair<std::string, std::string>> rootAttrs;
    SimSpecs specs;
    std::vector<Dimension> dimensions;
    std::vector<Model> models;  // models[0] is the main model
    std::vector<Macro> macros;
    std::vector<std::string> headerExtraXml;
    std::vector<std::string> rootExtraXml;  // e.g. model_units, isee:prefs
    std::string sourcePath;

    Model& main();
    const Model& main() const;
    const Model* findModel(const std::string& name) const;
    const Dimension* findDimension(const std::string& name) const;
    const Macro* findMacro(const std::string& name) const;

    bool operator==(const Project&) const = default;
};

// Whether Vensim wrote the file (its header's <product>): its XMILE is read in Vensim's meaning (INT and MOD
// as Vensim's INTEGER and MODULO, a flow written as an <aux> as a flow).
bool writtenByVensim(const Project& project);

}  // namespace sdw::model
