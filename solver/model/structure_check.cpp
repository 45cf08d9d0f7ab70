// Structural checks on a read model (see structure_check.hpp). Layer: solver (model).
#include "solver/model/structure_check.hpp"

namespace sdw::model {
namespace {

const char* kindPhrase(VarKind k) {
    switch (k) {
        case VarKind::Aux:
            return "an auxiliary";
        case VarKind::Stock:
            return "a stock";
        case VarKind::Module:
            return "a module";
        case VarKind::Flow:
            return "a flow";
    }
    return "not a flow";
}

void checkModel(const Model& m, diag::Diagnostics& diags) {
    for (const Variable& v : m.variables) {
        if (v.kind != VarKind::Stock) continue;
        for (const auto* list : {&v.inflows, &v.outflows}) {
            const bool in = list == &v.inflows;
            for (const std::string& name : *list) {
                const Variable* f = m.find(name);
                if (!f || f->kind == VarKind::Flow) continue;
                diags.error(diag::code::kBadFlowLink, v.name,
                            "stock '" + v.name + "' lists '" + f->name + "' as an " +
                                (in ? "inflow" : "outflow") + ", but '" + f->name + "' is " +
                                kindPhrase(f->kind) + ", not a flow: make '" + f->name +
                                "' a flow, or take it off the stock's " + (in ? "inflows" : "outflows"),
                            0, v.line);
            }
        }
    }
}

}  // namespace

void checkStructure(const Project& project, diag::Diagnostics& diags) {
    for (const Model& m : project.models) checkModel(m, diags);
    for (const Macro& macro : project.macros) checkModel(macro.body, diags);
}

}  // namespace sdw::model
