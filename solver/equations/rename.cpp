// Rename through tokens: the equation is read with the XMILE tokenizer and only the tokens that refer to the
// renamed variable are rewritten. Layer: solver.
#include "solver/equations/rename.hpp"

#include <algorithm>

#include "solver/equations/builtins.hpp"
#include "solver/equations/tokenizer.hpp"
#include "solver/model/model.hpp"

namespace sdw::equations {
namespace {

// A call `name(...)` refers to a variable (a graphical function) only when no built-in or macro has that
// name: the compiler gives both precedence.
bool callsAFunction(const std::string& canonical, const std::vector<model::Macro>& macros) {
    if (findBuiltin(canonical)) return true;
    return std::any_of(macros.begin(), macros.end(),
                       [&](const model::Macro& m) { return model::canonicalName(m.name) == canonical; });
}

std::string unquotedForm(const std::string& name) {
    std::string out = name;
    std::replace(out.begin(), out.end(), ' ', '_');
    return out;
}

}  // namespace

std::string renameInEquation(const std::string& equation, const std::string& oldName,
                             const std::string& newName, const std::vector<model::Macro>& macros) {
    const std::string key = model::canonicalName(oldName);
    const std::vector<Token> tokens = tokenize(equation, Dialect::Xmile);
    std::string out;
    out.reserve(equation.size() + 16);
    size_t copied = 0;  // equation text before this offset is in `out`
    int brackets = 0;   // inside [ ]: element and dimension names, not variables
    for (size_t k = 0; k < tokens.size(); ++k) {
        const Token& t = tokens[k];
        brackets += t.kind == TokenKind::LBracket ? 1 : t.kind == TokenKind::RBracket ? -1 : 0;
        const bool named = t.kind == TokenKind::Name || t.kind == TokenKind::QuotedName;
        if (!named || brackets > 0 || model::canonicalName(t.text) != key) continue;
        const bool call = k + 1 < tokens.size() && tokens[k + 1].kind == TokenKind::LParen;
        if (call && callsAFunction(key, macros)) continue;
        out.append(equation, copied, t.begin - copied);
        out += t.kind == TokenKind::QuotedName ? "\"" + newName + "\"" : unquotedForm(newName);
        copied = t.end;
    }
    out.append(equation, copied, std::string::npos);
    return out;
}

}  // namespace sdw::equations
