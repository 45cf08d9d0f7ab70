// Internal helpers shared by the XMILE reader files: namespace-aware element names, numbers with diagnostics,
// line numbers from pugixml offsets, and verbatim serialisation of kept elements.
// Layer: solver (xmile). Not part of the public API; depends on pugixml, model/ and diag/ only.
#pragma once

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "solver/diag/diagnostics.hpp"
#include "solver/model/model.hpp"

namespace sdw::xmile::detail {

inline constexpr const char* kXmileNs = "http://docs.oasis-open.org/xmile/ns/XMILE/v1.0";
inline constexpr const char* kXmilePreNs = "http://www.systemdynamics.org/XMILE";
inline constexpr const char* kIseeNs = "http://iseesystems.com/XMILE";
// sdw's own extensions (calendar start, plausible ranges), in their own namespace as XMILE asks of vendors.
inline constexpr const char* kSdwNs = "urn:sdw:xmile:1";
inline constexpr const char* kSdwPrefix = "sdw";

// Lines with CR or CRLF endings become LF; the result is what the reader parses and counts lines in.
std::string normaliseLineEndings(const std::string& text);

std::string trim(const std::string& s);
std::vector<std::string> splitList(const std::string& s, const std::string& sep);
// Shortest text that reads back to exactly the same double.
std::string formatNumber(double v);

// State of one read: where diagnostics go, and what is needed to name elements and find lines.
class ReadContext {
  public:
    ReadContext(const std::string& text, diag::Diagnostics& diags, std::string sourceName);

    // Registers the prefixes that the root element binds to an XMILE namespace.
    void collectPrefixes(pugi::xml_node root);
    // The element's name without its prefix when the prefix is XMILE's (or absent); otherwise the full
    // name, so that isee:foo never matches a standard element called foo.
    std::string localName(pugi::xml_node node) const;
    std::string localName(pugi::xml_attribute attr) const;
    pugi::xml_node child(pugi::xml_node node, const char* name) const;
    // An attribute by its name without any prefix (so "isee:save_interval" matches "save_interval").
    pugi::xml_attribute attrAnyPrefix(pugi::xml_node node, const char* name) const;
    // The element's name without its prefix when it is in sdw's extension namespace; "" otherwise.
    std::string sdwName(pugi::xml_node node) const;

    int lineOf(pugi::xml_node node) const;
    int lineOfOffset(ptrdiff_t offset) const;
    // Where the trimmed text content `text` of an element (an <eqn>) sits in the file, character by
    // character (entities such as &lt; are one character of the text and several of the file).
    std::optional<model::TextOrigin> originOf(pugi::xml_node node, const std::string& text) const;

    // Parses a number; on failure reports E103 naming the element and its line and returns nullopt.
    std::optional<double> number(const std::string& text, pugi::xml_node where, const std::string& what);
    std::optional<double> numberAttr(pugi::xml_node node, const char* attr);

    // XMILE <behavior>: whether stocks and flows without their own <non_negative> are non-negative.
    struct Behavior {
        bool stockNonNegative = false;
        bool flowNonNegative = false;
    };
    Behavior behavior;

    diag::Diagnostics& diags() { return m_diags; }
    const std::string& sourceName() const { return m_source; }
    bool failed() const { return m_failed; }

  private:
    diag::Diagnostics& m_diags;
    std::string m_source;
    const std::string& m_text;  // the text being read (it outlives the read)
    std::vector<size_t> m_lineStarts;
    std::vector<std::string> m_xmilePrefixes;
    std::vector<std::string> m_sdwPrefixes;
    bool m_failed = false;
};

// The element and everything in it, as compact XML text (kept for the round trip).
std::string rawXml(pugi::xml_node node);
// Trimmed text content of an element (all its text and CDATA children).
std::string textOf(pugi::xml_node node);

// When a variable's end tag is missing (a <flow> left open before the next <stock>), the text with the end
// tags put back and the lines where they went; nullopt when there is nothing of that kind to repair.
std::optional<std::string> repairUnclosedVariables(const std::string& text, std::vector<int>& repairedLines);

// Applies a <behavior> element (global or per model) to ctx.behavior.
void readBehavior(ReadContext& ctx, pugi::xml_node behavior);

// Reader parts, one per file.
void readVariables(ReadContext& ctx, pugi::xml_node variables, model::Model& out);
// After the whole file is read: per-element equations given as several <eqn> or as a list of numbers
// ("1, 2, 3") on an arrayed variable become ElementEquations with their subscripts.
void expandElementLists(ReadContext& ctx, model::Project& p);
// One stock/flow/aux/module/gf element; false when the element is none of these.
bool readVariableElement(ReadContext& ctx, pugi::xml_node node, model::Model& out);
bool readGraphical(ReadContext& ctx, pugi::xml_node gfNode, model::GraphicalFunction& out);
void readViews(ReadContext& ctx, pugi::xml_node views, model::Model& out);
// Pre-standard files (Stella 10) have no <views>: geometry sits in each variable's <display> and the model's
// <display> holds the connectors. Builds one view from them (the <display> elements stay kept as they are).
void readLegacyDisplays(ReadContext& ctx, pugi::xml_node modelNode, model::Model& out);

// sdw extensions: a <sdw:uncertainty> of a variable and a <sdw:calendar> of the sim specs. Each returns false
// (with a W104 warning) when the element cannot be used; the caller then keeps it verbatim.
bool readUncertainty(ReadContext& ctx, pugi::xml_node node, model::Variable& v);
bool readOutcome(ReadContext& ctx, pugi::xml_node node, model::Variable& v);
void writeOutcome(pugi::xml_node var, const model::Variable& v);
// <sdw:calibration weight="W"/>: the weight (a number >= 0) of the variable's observed series in a fit.
bool readCalibration(ReadContext& ctx, pugi::xml_node node, model::Variable& v);
void writeCalibration(pugi::xml_node var, const model::Variable& v);
bool readCalendar(ReadContext& ctx, pugi::xml_node node, model::SimSpecs& s);
void writeCalendar(pugi::xml_node specs, const model::SimSpecs& s);
// <sdw:control stop="..." dt="..." saveper="..."/>: the variables that give the final time, the time step and
// the save interval during the run (SimSpecs::stopVar, dtVar, saveperVar). False (warned) when it names none.
bool readControl(ReadContext& ctx, pugi::xml_node node, model::SimSpecs& s);
void writeControl(pugi::xml_node specs, const model::SimSpecs& s);
void writeUncertainty(pugi::xml_node var, const model::Variable& v);

// Writer parts.
// The document as sdw writes every XMILE file: two-space indentation, one element a line, a connector, an
// alias or a pipe's points on one line, text and attributes escaped as pugixml does. Reading that text and
// writing it again gives the same bytes.
std::string printCanonical(const pugi::xml_document& doc);
void writeVariable(pugi::xml_node parent, const model::Variable& v);
void writeGraphical(pugi::xml_node parent, const model::GraphicalFunction& gf, bool withName);
void writeViews(pugi::xml_node parent, const model::Model& m);
void appendRaw(pugi::xml_node parent, const std::string& xml);
void setNumber(pugi::xml_attribute attr, double v);

}  // namespace sdw::xmile::detail
