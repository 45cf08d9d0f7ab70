// Compile stage 1, symbols: the project's dimensions (with mappings and subranges) and its variables with
// modules inlined, each under its canonical name in its scope ("" or "module."). Input: the project and the
// compile options; output: a SymbolTable. Layer: solver. Not part of the public API.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "solver/compile/compiled_model.hpp"
#include "solver/compile/report.hpp"

namespace sdw::compile::detail {

struct DimInfo {
    std::string canonical;
    std::string display;
    std::vector<std::string> elems;         // canonical element names
    std::vector<std::string> elemsDisplay;  // as written
    std::vector<int> mapsTo;                // dimensions this one maps onto, position by position
    int parent = -1;                        // for a subrange: the dimension whose elements it picks
    std::vector<int> parentIndex;           // subrange element -> index in parent
};

// One variable of the model (after module inlining), possibly arrayed.
struct VarInfo {
    std::string canonical;  // with its scope in front
    std::string display;
    model::VarKind kind = model::VarKind::Aux;
    const model::Variable* src = nullptr;  // null for a macro instance's variable
    std::string scope;
    std::vector<int> dims;
    int firstElement = -1;  // its elements are [firstElement, firstElement + elementCount)
    int elementCount = 0;
    int table = -1;
    bool internal = false;  // made by the compiler (a macro's parameter or body variable), not the user
};

// A module input: the equation the parent gives it, read in the parent's scope.
struct ModuleInput {
    std::string equation;
    std::string parentScope;
};

struct SymbolTable {
    std::vector<DimInfo> dims;
    std::unordered_map<std::string, int> dimByName;
    std::vector<VarInfo> vars;
    std::unordered_map<std::string, int> varByName;       // canonical (with scope) -> index in vars
    std::unordered_map<std::string, ModuleInput> inputs;  // inner variable (canonical, with scope)

    // -1 when none.
    int findVar(const std::string& canonical, const std::string& scope) const;
    int findDim(const std::string& canonical) const;
    const DimInfo& dim(int d) const { return dims[static_cast<size_t>(d)]; }
    const VarInfo& var(int v) const { return vars[static_cast<size_t>(v)]; }
    // Elements of an array over `dims`, saturating past `limit` rather than overflowing.
    int elementCount(const std::vector<int>& dims, size_t limit) const;
    // The position in each dimension of flat (row-major) element `flat`.
    std::vector<int> elementIndices(const std::vector<int>& dims, int flat) const;
    // "[north,over_65]" (canonical) or "[North,Over 65]" (display); "" for a scalar.
    std::string elementSuffix(const std::vector<int>& dims, const std::vector<int>& idx, bool display) const;
};

SymbolTable collectSymbols(const model::Project& project, const CompileOptions& options, Reporter& report);

}  // namespace sdw::compile::detail
