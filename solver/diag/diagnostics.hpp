// Diagnostics as values: a stable code, a severity, where it happened and a message a user can act on.
// Layer: solver (engine). Depends on the standard library only.
#pragma once

#include <string>
#include <vector>

namespace sdw::diag {

enum class Severity { Info, Warning, Error };

// Stable codes. E1xx parse (file and equation), E2xx compile, E3xx run, E4xx plugin load, E5xx plugin call.
// W-codes are warnings. Never renumber: users and tests refer to them.
namespace code {
inline constexpr const char* kFileUnreadable = "E100";
inline constexpr const char* kXmlMalformed = "E101";
inline constexpr const char* kNotXmile = "E102";
inline constexpr const char* kBadNumber = "E103";
// An sdw extension element that cannot be used (a calendar date that is not YYYY-MM-DD, a plausible range
// with min above max): the element is kept as written and ignored.
inline constexpr const char* kBadExtension = "W104";
// XMILE another tool wrote, read in that tool's meaning: Vensim writes a flow as an <aux> that a stock lists
// as an inflow or outflow; sdw reads it as the flow it is (and writes it as a <flow>).
inline constexpr const char* kDialectRepair = "W106";
// A local profile file (CSV) that cannot be applied: a malformed row, an unknown name, units that differ.
inline constexpr const char* kBadProfile = "E105";
inline constexpr const char* kSyntax = "E110";
inline constexpr const char* kUnbalancedParen = "E111";
inline constexpr const char* kUnexpectedEnd = "E112";
inline constexpr const char* kTooDeep = "E113";
inline constexpr const char* kTooLong = "E114";
inline constexpr const char* kBadToken = "E115";
inline constexpr const char* kMdlSyntax = "E120";
inline constexpr const char* kMdlPartialArray = "W121";  // elements a .mdl never defines, read as 0
inline constexpr const char* kMdlIgnored = "W122";       // a part of a .mdl sdw does not run (reality checks)
inline constexpr const char* kDataFile = "E130";   // a data file (CSV, .dat) or a value in it cannot be read
inline constexpr const char* kNotVensim = "E140";  // the .mdl writer: Vensim has no way to write this
inline constexpr const char* kVensimApprox =
    "W141";  // the .mdl writer: Vensim writes this only approximately
inline constexpr const char* kUnknownName = "E201";
inline constexpr const char* kUnknownFunction = "E202";
inline constexpr const char* kArgCount = "E203";
inline constexpr const char* kCircular = "E204";
inline constexpr const char* kMissingEquation = "E205";
inline constexpr const char* kDuplicateName = "E206";
inline constexpr const char* kBadFlowLink = "E207";
inline constexpr const char* kBadSpecs = "E208";
inline constexpr const char* kBadArgument = "E209";
inline constexpr const char* kBadSubscript = "E210";
inline constexpr const char* kUnsupported = "E211";
inline constexpr const char* kBadGraphical = "E212";
inline constexpr const char* kNoStocks = "W213";
// past a size limit: array elements, inlined macros, modules
inline constexpr const char* kTooLarge = "E214";
inline constexpr const char* kGraphicalOnePoint = "W215";  // a one-point table: a constant in disguise
inline constexpr const char* kOrderLowered = "W216";       // DELAY N's order lowered to fit its delay time
inline constexpr const char* kFormatMismatch = "W217";  // the extension says one format, the content another
inline constexpr const char* kInputFlowsUnused = "W218";  // a module input that is a stock: its flows unused
inline constexpr const char* kUnitMismatch = "W220";
inline constexpr const char* kUnitParse = "W221";
inline constexpr const char* kMdlTableSorted =
    "W219";  // a lookup's points out of x order, sorted as Vensim does
// A data series' cell holds text (or is blank where a time is due): a missing point, as Vensim reads it.
inline constexpr const char* kMdlCellSkipped = "W222";
// A variable arrayed over one range at two positions gets a copy of the range for the later one.
inline constexpr const char* kMdlRangeCopied = "W223";
// INITIAL TIME written as a function of Time: the run starts at its value with Time = 0.
inline constexpr const char* kStartFromTimeZero = "W224";
inline constexpr const char* kNonFinite = "E301";
inline constexpr const char* kCancelled = "E302";
inline constexpr const char* kHookFailed = "E303";
inline constexpr const char* kTooManySteps = "E304";
inline constexpr const char* kAdaptiveFailed = "E305";
inline constexpr const char* kBadDelay = "E306";  // a pipeline DELAY's time is NaN, negative or far too long
// speed (E6xx/W6xx): the compiled engine
inline constexpr const char* kNativeFailed = "E601";  // the compiled engine was asked for and cannot be built
inline constexpr const char* kNativeFallback =
    "W601";                                         // auto: it cannot be built, the interpreter ran instead
inline constexpr const char* kNativeSlow = "W602";  // the C compiler failed: libtcc built the code instead
// Loop scores through a variable that draws random numbers: scoring draws them again (sdw loops --scores).
inline constexpr const char* kRandomScores = "W701";
}  // namespace code

struct Diagnostic {
    std::string code;  // stable, e.g. "E201"
    Severity severity = Severity::Error;
    std::string where;    // variable name as written, or a file path
    std::string message;  // what is wrong and, where possible, what to do
    int line = 0;         // 1-based line in the file (0 = unknown)
    int column = 0;       // 1-based column in the equation or line (0 = unknown)
    double time = 0;      // simulation time for run errors
    // What supplied the text the column is in when it is not the model file ("plugin 'prevention' (file)",
    // "--set rate=x"); the line is then 0.
    std::string origin = {};  // a default, so aggregate initialisers may leave it out
};

class Diagnostics {
  public:
    void add(Diagnostic d) { m_items.push_back(std::move(d)); }
    void error(const std::string& code, const std::string& where, const std::string& message, int column = 0,
               int line = 0) {
        add({code, Severity::Error, where, message, line, column, 0, {}});
    }
    void warning(const std::string& code, const std::string& where, const std::string& message,
                 int column = 0, int line = 0) {
        add({code, Severity::Warning, where, message, line, column, 0, {}});
    }
    void append(const Diagnostics& other) {
        m_items.insert(m_items.end(), other.m_items.begin(), other.m_items.end());
    }
    bool hasErrors() const;
    size_t errorCount() const;
    size_t warningCount() const;
    const std::vector<Diagnostic>& items() const { return m_items; }
    std::vector<Diagnostic>& mutableItems() { return m_items; }  // for passes that refine positions
    bool empty() const { return m_items.empty(); }

  private:
    std::vector<Diagnostic> m_items;
};

// "E201 error in 'births' (col 5): unknown name 'birth_rat'"
std::string format(const Diagnostic& d);
const char* severityName(Severity s);

}  // namespace sdw::diag
