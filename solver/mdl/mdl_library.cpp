// Vensim functions that Vensim's reference guide defines by equivalent equations (NPV, NPVE), read as macros
// written from those equations: a file that calls one gets the macro ("Vensim NPV") prepended, and the call
// is translated to it, so each call has stocks of its own and the XMILE (and the .mdl written back) carry
// the macro like any other. Layer: solver. Depends on the standard library only.
#include <cctype>
#include <string>
#include <vector>

#include "solver/mdl/mdl_internal.hpp"

namespace sdw::mdl::detail {
namespace {

struct LibraryMacro {
    const char* function;  // the Vensim function, upper case
    const char* text;      // the macro, as .mdl text
};

// Vensim reference guide, "NPV" and "NPVE": MYNPV = (NPV ACCUM + stream * TIME STEP * df) * factor,
// NPV ACCUM = INTEG(stream * df, init val), df = INTEG(-df * discount rate / (1 + discount rate * TIME
// STEP), 1); NPVE starts df at 1 / (1 + discount rate * TIME STEP) instead of 1 (end-of-period valuation).
const LibraryMacro kLibrary[] = {
    {"NPV",
     ":MACRO: Vensim NPV(stream, discount rate, init val, factor)\n"
     "Vensim NPV = (npv accum + stream * TIME STEP * df) * factor ~~|\n"
     "npv accum = INTEG(stream * df, init val) ~~|\n"
     "df = INTEG(-df * discount rate / (1 + discount rate * TIME STEP), 1) ~~|\n"
     ":END OF MACRO:\n"},
    {"NPVE",
     ":MACRO: Vensim NPVE(stream, discount rate, init val, factor)\n"
     "Vensim NPVE = (npv accum + stream * TIME STEP * df) * factor ~~|\n"
     "npv accum = INTEG(stream * df, init val) ~~|\n"
     "df = INTEG(-df * discount rate / (1 + discount rate * TIME STEP), 1 / (1 + discount rate * TIME STEP)) "
     "~~|\n"
     ":END OF MACRO:\n"},
};

bool nameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '"' || c == '.' ||
           static_cast<unsigned char>(c) >= 0x80;
}

// Whether `equation` calls `function` (upper case): the name followed by '(' and not the end of a longer
// name ("project NPV(3)" calls the lookup "project NPV", not NPV).
bool calls(const std::string& equation, const std::string& function) {
    const std::string text = upper(equation);
    for (size_t at = text.find(function); at != std::string::npos; at = text.find(function, at + 1)) {
        size_t after = at + function.size();
        while (after < text.size() && std::isspace(static_cast<unsigned char>(text[after]))) ++after;
        if (after >= text.size() || text[after] != '(') continue;
        size_t before = at;
        while (before > 0 && std::isspace(static_cast<unsigned char>(text[before - 1]))) --before;
        if (before > 0 && nameChar(text[before - 1])) continue;
        return true;
    }
    return false;
}

}  // namespace

std::string libraryMacroName(const std::string& function) {
    for (const auto& m : kLibrary)
        if (function == m.function) return std::string("Vensim ") + m.function;
    return {};
}

void prependLibraryMacros(SplitFile& file) {
    std::vector<Entry> added;
    for (const auto& m : kLibrary) {
        bool used = false;
        for (const Entry& e : file.entries)
            used = used || (e.kind == Entry::Kind::Equation && calls(e.equation, m.function));
        if (!used) continue;
        SplitFile lib = splitFile(m.text);
        for (Entry& e : lib.entries) {
            e.line = 0;  // not a line of the user's file
            e.positions.assign(e.equation.size(), {0, 0});
            added.push_back(std::move(e));
        }
    }
    file.entries.insert(file.entries.begin(), added.begin(), added.end());
}

}  // namespace sdw::mdl::detail
