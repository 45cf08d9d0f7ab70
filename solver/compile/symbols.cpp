// Compile stage 1: dimensions (mappings, subranges found by their elements) and variables, modules inlined
// under "module." scopes, with duplicate, unknown-dimension and size checks. Layer: solver.
#include "solver/compile/symbols.hpp"

#include <algorithm>
#include <cstdint>

namespace sdw::compile::detail {
namespace {

using model::canonicalName;

constexpr int kMaxModuleDepth = 16;

class SymbolCollector {
  public:
    SymbolCollector(const model::Project& project, const CompileOptions& options, Reporter& report)
        : m_project(project), m_options(options), m_report(report) {}

    SymbolTable run() {
        collectDimensions();
        findSubranges();
        collectVariables(m_project.main(), "", 0);
        return std::move(m_table);
    }

  private:
    void collectDimensions();
    void findSubranges();
    void collectVariables(const model::Model& m, const std::string& scope, int depth);
    bool tooMany(const model::Model& m, const model::Variable& v);
    bool checkName(const model::Model& m, const model::Variable& v, const VarInfo& info);
    void readDimensions(const model::Variable& v, VarInfo& info);
    void addModule(const model::Variable& v, VarInfo info, const std::string& scope, int depth);

    const model::Project& m_project;
    const CompileOptions& m_options;
    Reporter& m_report;
    SymbolTable m_table;
    bool m_tooLarge = false;  // stop at the first size report, not after thousands
};

void SymbolCollector::collectDimensions() {
    for (const auto& d : m_project.dimensions) {
        DimInfo info;
        info.canonical = canonicalName(d.name);
        info.display = d.name;
        for (const auto& e : d.elements) {
            info.elems.push_back(canonicalName(e));
            info.elemsDisplay.push_back(e);
        }
        if (m_table.dimByName.count(info.canonical)) {
            m_report.error(diag::code::kDuplicateName, d.name, "dimension '" + d.name + "' is defined twice");
            continue;
        }
        m_table.dimByName[info.canonical] = static_cast<int>(m_table.dims.size());
        m_table.dims.push_back(std::move(info));
    }
    // Mappings, by position in the project's list (a duplicate dimension is not in the table: stop there).
    for (size_t i = 0; i < m_project.dimensions.size() && i < m_table.dims.size(); ++i) {
        for (const auto& target : m_project.dimensions[i].maps) {
            auto it = m_table.dimByName.find(canonicalName(target));
            if (it != m_table.dimByName.end()) m_table.dims[i].mapsTo.push_back(it->second);
        }
    }
}

// A dimension whose elements all belong to a larger one is a subrange of it.
void SymbolCollector::findSubranges() {
    auto& dims = m_table.dims;
    // Element positions by name, built once per dimension (a linear search made two large dimensions take
    // hours: 10^6 x 10^6 comparisons).
    std::vector<std::unordered_map<std::string, int>> position(dims.size());
    for (size_t p = 0; p < dims.size(); ++p)
        for (size_t k = 0; k < dims[p].elems.size(); ++k)
            position[p].emplace(dims[p].elems[k], static_cast<int>(k));
    for (auto& sub : dims) {
        for (size_t p = 0; p < dims.size(); ++p) {
            const DimInfo& parent = dims[p];
            if (&parent == &sub || parent.elems.size() <= sub.elems.size()) continue;
            std::vector<int> idx;
            for (const auto& e : sub.elems) {
                auto it = position[p].find(e);
                if (it == position[p].end()) break;
                idx.push_back(it->second);
            }
            if (idx.size() == sub.elems.size() && !idx.empty()) {
                sub.parent = static_cast<int>(p);
                sub.parentIndex = idx;
                break;
            }
        }
    }
}

void SymbolCollector::collectVariables(const model::Model& m, const std::string& scope, int depth) {
    if (depth > kMaxModuleDepth) {
        m_report.error(diag::code::kCircular, m.name,
                       "modules nest more than 16 deep (a module that contains itself?)");
        return;
    }
    for (const auto& v : m.variables) {
        if (m_tooLarge || tooMany(m, v)) return;
        VarInfo info;
        info.canonical = scope + canonicalName(v.name);
        info.display = scope.empty() ? v.name : scope + v.name;
        info.kind = v.kind;
        info.src = &v;
        info.scope = scope;
        if (!checkName(m, v, info)) continue;
        readDimensions(v, info);
        if (v.kind == model::VarKind::Module) {
            addModule(v, std::move(info), scope, depth);
            continue;
        }
        m_table.varByName[info.canonical] = static_cast<int>(m_table.vars.size());
        m_table.vars.push_back(std::move(info));
    }
}

bool SymbolCollector::tooMany(const model::Model& m, const model::Variable& v) {
    if (m_table.vars.size() < m_options.maxElements) return false;
    m_tooLarge = true;
    m_report.error(
        diag::code::kTooLarge, m.name.empty() ? v.name : m.name,
        "the model has more than " + std::to_string(m_options.maxElements) +
            " variables once its modules are expanded (modules that contain several copies of each "
            "other multiply)",
        0, v.line);
    return true;
}

bool SymbolCollector::checkName(const model::Model& m, const model::Variable& v, const VarInfo& info) {
    if (info.canonical.empty() || info.canonical == info.scope) {
        m_report.error(diag::code::kMissingEquation, m.name, "a variable has no name", 0, v.line);
        return false;
    }
    if (m_table.varByName.count(info.canonical)) {
        m_report.error(
            diag::code::kDuplicateName, v.name,
            "the name '" + v.name + "' is used by two variables (names ignore case, spaces and underscores)",
            0, v.line);
        return false;
    }
    return true;
}

void SymbolCollector::readDimensions(const model::Variable& v, VarInfo& info) {
    for (const auto& dn : v.dimensions) {
        auto it = m_table.dimByName.find(canonicalName(dn));
        if (it == m_table.dimByName.end())
            m_report.error(diag::code::kBadSubscript, v.name, "unknown dimension '" + dn + "'", 0, v.line);
        else if (std::find(info.dims.begin(), info.dims.end(), it->second) != info.dims.end())
            m_report.error(diag::code::kBadSubscript, v.name,
                           "'" + v.name + "' is arrayed over '" + dn +
                               "' twice: each position needs a dimension of its own (for a square table, "
                               "give the second position a range with the same elements: in Vensim "
                               "'" +
                               dn + "2 <-> " + dn + "')",
                           0, v.line);
        else
            info.dims.push_back(it->second);
    }
}

void SymbolCollector::addModule(const model::Variable& v, VarInfo info, const std::string& scope, int depth) {
    const std::string sub = v.moduleModel.empty() ? v.name : v.moduleModel;
    const model::Model* subModel = m_project.findModel(sub);
    if (!subModel) {
        m_report.error(diag::code::kUnknownName, v.name,
                       "module refers to a model '" + sub + "' that the file does not define", 0, v.line);
        return;
    }
    const std::string inner = info.canonical + ".";
    m_table.varByName[info.canonical] = static_cast<int>(m_table.vars.size());
    m_table.vars.push_back(std::move(info));
    for (const auto& c : v.connections) {
        // <connect to="input" from="outer"/>: `to` may be written with the module's name in front.
        std::string to = canonicalName(c.to);
        if (to.rfind(canonicalName(v.name) + ".", 0) == 0) to = to.substr(canonicalName(v.name).size() + 1);
        std::string from = c.from;
        if (!from.empty() && from[0] == '.') from.erase(0, 1);
        m_table.inputs[inner + to] = {from, scope};
    }
    collectVariables(*subModel, inner, depth + 1);
}

}  // namespace

int SymbolTable::findVar(const std::string& canonical, const std::string& scope) const {
    auto it = varByName.find(scope + canonical);
    return it == varByName.end() ? -1 : it->second;
}

int SymbolTable::findDim(const std::string& canonical) const {
    auto it = dimByName.find(canonical);
    return it == dimByName.end() ? -1 : it->second;
}

int SymbolTable::elementCount(const std::vector<int>& dimList, size_t limit) const {
    uint64_t n = 1;
    for (int d : dimList) {
        n *= dim(d).elems.size();
        if (n > limit) return static_cast<int>(std::min<uint64_t>(n, INT32_MAX));
    }
    return static_cast<int>(n);
}

std::vector<int> SymbolTable::elementIndices(const std::vector<int>& dimList, int flat) const {
    std::vector<int> idx(dimList.size());
    for (size_t k = dimList.size(); k-- > 0;) {
        const int n = static_cast<int>(dim(dimList[k]).elems.size());
        idx[k] = flat % n;
        flat /= n;
    }
    return idx;
}

std::string SymbolTable::elementSuffix(const std::vector<int>& dimList, const std::vector<int>& idx,
                                       bool display) const {
    if (dimList.empty()) return "";
    std::string s = "[";
    for (size_t k = 0; k < dimList.size(); ++k) {
        if (k) s += ",";
        const DimInfo& d = dim(dimList[k]);
        s += display ? d.elemsDisplay[static_cast<size_t>(idx[k])] : d.elems[static_cast<size_t>(idx[k])];
    }
    return s + "]";
}

SymbolTable collectSymbols(const model::Project& project, const CompileOptions& options, Reporter& report) {
    return SymbolCollector(project, options, report).run();
}

}  // namespace sdw::compile::detail
