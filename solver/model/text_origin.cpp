// Diagnostic positions mapped back to the model file (see text_origin.hpp). Layer: solver (model).
#include "solver/model/text_origin.hpp"

#include <algorithm>

namespace sdw::model {
namespace {

bool blank(const std::string& t) {
    return t.find_first_not_of(" \t\r\n") == std::string::npos;
}

// "pop[North, Old]" -> "pop" and {"North", "Old"}.
std::string splitWhere(const std::string& where, std::vector<std::string>& subs) {
    const size_t open = where.find('[');
    if (open == std::string::npos || where.back() != ']') return where;
    std::string cur;
    for (size_t i = open + 1; i + 1 < where.size(); ++i) {
        if (where[i] == ',') {
            subs.push_back(cur);
            cur.clear();
        } else {
            cur += where[i];
        }
    }
    subs.push_back(cur);
    return where.substr(0, open);
}

// The origin and text a column of a diagnostic on `v` (element `subs`, if any) refers to, as the compiler
// chooses them: an element's own non-blank equation, else the variable's.
const TextOrigin* originFor(const Variable& v, const std::vector<std::string>& subs,
                            const std::string*& text) {
    text = &v.equation;
    std::string key;
    if (!subs.empty()) {
        key = originKey(subs);
        for (const ElementEquation& ee : v.elements)
            if (!blank(ee.equation) && originKey(ee.subscripts) == key) {
                text = &ee.equation;
                auto it = v.origins.find(key);
                return it == v.origins.end() ? nullptr : &it->second;
            }
    }
    auto it = v.origins.find("");
    return it == v.origins.end() ? nullptr : &it->second;
}

void place(diag::Diagnostic& d, const Project& project,
           const std::map<std::string, std::string>& overridden) {
    std::vector<std::string> subs;
    const Variable* v = project.main().find(splitWhere(d.where, subs));
    if (!v) return;
    for (const auto& [name, text] : overridden)
        if (canonicalName(name) == canonicalName(v->name)) {
            d.origin = "the equation override of '" + v->name + "'";
            d.line = 0;
            return;
        }
    const std::string* text = nullptr;
    const TextOrigin* o = originFor(*v, subs, text);
    if (!o || o->text != *text) return;  // edited since it was read: the variable's line is all we know
    if (!o->source.empty()) {
        d.origin = o->source;
        d.line = 0;
        return;
    }
    const auto [line, column] = locate(*o, static_cast<size_t>(d.column - 1));
    if (line > 0) d.line = line, d.column = column;
}

}  // namespace

std::string originKey(const std::vector<std::string>& subscripts) {
    std::string key;
    for (size_t k = 0; k < subscripts.size(); ++k) key += (k ? "," : "") + canonicalName(subscripts[k]);
    return key;
}

TextOrigin verbatimOrigin(const std::string& text, int line, int column) {
    TextOrigin o;
    o.text = text;
    o.anchors.push_back({0, line, column});
    return o;
}

TextOrigin suppliedOrigin(const std::string& text, const std::string& source) {
    TextOrigin o;
    o.text = text;
    o.source = source;
    return o;
}

std::pair<int, int> locate(const TextOrigin& origin, size_t offset) {
    if (offset > origin.text.size() || origin.anchors.empty()) return {0, 0};
    auto it = std::upper_bound(origin.anchors.begin(), origin.anchors.end(), static_cast<int>(offset),
                               [](int off, const TextOrigin::Anchor& a) { return off < a.offset; });
    if (it == origin.anchors.begin()) return {0, 0};
    const TextOrigin::Anchor& a = *(it - 1);
    if (a.line <= 0) return {0, 0};
    int line = a.line, column = a.column;
    for (size_t i = static_cast<size_t>(a.offset); i < offset; ++i) {
        if (origin.text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

void placeInSource(diag::Diagnostics& diags, const Project& project,
                   const std::map<std::string, std::string>& overridden, size_t from) {
    if (project.models.empty()) return;
    auto& items = diags.mutableItems();
    for (size_t i = from; i < items.size(); ++i) {
        diag::Diagnostic& d = items[i];
        if (d.column > 0 && d.origin.empty()) place(d, project, overridden);
    }
}

}  // namespace sdw::model
