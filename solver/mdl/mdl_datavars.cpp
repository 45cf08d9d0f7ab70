// Definitions whose values come from files: a data function call (GET DIRECT ... / GET XLS ...) or a data
// variable with no equation (its series from the data files given for the run), turned into the constants and
// graphical functions the engine runs. Layer: solver. Depends on model/ and diag/ only.
#include <charconv>

#include "solver/mdl/mdl_internal.hpp"

namespace sdw::mdl::detail {
namespace {

using model::canonicalName;

std::string numberText(double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

// The data function a definition is, if any: `x = GET ...(...)` or a lookup `x(GET ...(...))`.
std::optional<GetCall> getCallOf(const Def& d) {
    std::string rhs = trim(d.rhs);
    if (d.op == '(' && rhs.size() >= 2 && rhs.front() == '(' && rhs.back() == ')')
        rhs = trim(rhs.substr(1, rhs.size() - 2));
    auto call = parseGetCall(rhs);
    if (call && call->what == "SUBSCRIPT") return std::nullopt;  // names a range's elements, not values
    return call;
}

// Each element's place in the block a data function reads: (index along the second-last range of the
// left-hand side, index along the last range). Single elements on the left-hand side take no room.
std::vector<std::pair<size_t, size_t>> placesOf(const Def& d,
                                                const std::vector<std::vector<std::string>>& combos,
                                                const Symbols& sym) {
    std::vector<std::pair<size_t, size_t>> out;
    for (const auto& combo : combos) {
        std::vector<size_t> along;
        for (size_t p = 0; p < d.subs.size() && p < combo.size(); ++p) {
            auto dim = sym.dims.find(canonicalName(d.subs[p]));
            if (dim == sym.dims.end()) continue;
            size_t at = 0;
            while (at < dim->second.size() && canonicalName(dim->second[at]) != canonicalName(combo[p])) ++at;
            along.push_back(at);
        }
        out.push_back({along.size() >= 2 ? along[along.size() - 2] : 0, along.empty() ? 0 : along.back()});
    }
    return out;
}

std::string refOf(const std::string& name, const std::vector<std::string>& combo) {
    if (combo.empty()) return name;
    std::string out = name + "[";
    for (size_t k = 0; k < combo.size(); ++k) out += (k ? "," : "") + combo[k];
    return out + "]";
}

}  // namespace

bool isDataDef(const Def& d) {
    return d.op == 'd' || getCallOf(d).has_value();
}

bool dataElements(const Def& d, const std::vector<std::vector<std::string>>& combos, const Symbols& sym,
                  DataSources& data, diag::Diagnostics& diags, std::vector<model::ElementEquation>& out) {
    const int line = d.entry ? d.entry->line : 0;
    if (d.op == 'd') {  // a data variable: its series from the data files
        bool ok = true;
        for (const auto& combo : combos) {
            const std::string ref = refOf(d.name, combo);
            if (const Series* s = data.series(ref, diags)) {
                out.push_back({combo, "TIME", dataTable(*s, d.method)});
                continue;
            }
            std::string files;
            for (const std::string& f : data.dataFiles()) files += (files.empty() ? "" : ", ") + f;
            diags.error(
                diag::code::kDataFile, d.name,
                "the data variable '" + ref + "' has no equation and " +
                    (files.empty() ? std::string("no data file was given: name one with --data FILE (.dat, "
                                                 ".csv or .tab) holding a series '" +
                                                 ref + "'")
                                   : "no data file holds a series named '" + ref + "' (read: " + files + ")"),
                0, line);
            ok = false;
        }
        return ok;
    }
    const GetCall call = *getCallOf(d);
    std::vector<GetValue> values;
    if (!resolveGet(call, d.method, placesOf(d, combos, sym), d.name, line, data, diags, values))
        return false;
    for (size_t k = 0; k < combos.size() && k < values.size(); ++k) {
        if (values[k].constant)
            out.push_back({combos[k], numberText(*values[k].constant), std::nullopt});
        else
            out.push_back({combos[k], call.what == "DATA" ? "TIME" : "", values[k].table});
    }
    return values.size() == combos.size();
}

}  // namespace sdw::mdl::detail
