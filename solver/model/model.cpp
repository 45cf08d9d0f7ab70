// Model helpers: canonical names and look-ups. Layer: solver.
#include "solver/model/model.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace sdw::model {

std::string canonicalName(const std::string& name) {
    std::string out;
    out.reserve(name.size());
    bool pendingSep = false;
    for (size_t i = 0; i < name.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(name[i]);
        if (c == '"') continue;
        if (c == ' ' || c == '_' || c == '\n' || c == '\r' || c == '\t') {
            pendingSep = true;
            continue;
        }
        // "\n" written literally in Stella names stands for a line break.
        if (c == '\\' && i + 1 < name.size() && name[i + 1] == 'n') {
            pendingSep = true;
            ++i;
            continue;
        }
        if (pendingSep && !out.empty()) out.push_back('_');
        pendingSep = false;
        out.push_back(static_cast<char>(std::tolower(c)));
    }
    return out;
}

std::optional<double> literalValue(const std::string& equation) {
    const char* s = equation.c_str();
    char* end = nullptr;
    const double v = std::strtod(s, &end);
    if (end == s) return std::nullopt;
    while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r') ++end;
    if (*end) return std::nullopt;
    return v;
}

std::string canonicalRef(const std::string& name) {
    const std::string key = canonicalName(name);
    if (key.find('[') == std::string::npos) return key;
    std::string out;
    for (size_t i = 0; i < key.size(); ++i) {
        const bool sep = key[i] == '_';
        if (sep && i > 0 && (key[i - 1] == '[' || key[i - 1] == ',')) continue;
        if (sep && i + 1 < key.size() && (key[i + 1] == ']' || key[i + 1] == ',')) continue;
        out.push_back(key[i]);
    }
    return out;
}

const char* varKindName(VarKind k) {
    switch (k) {
        case VarKind::Stock:
            return "stock";
        case VarKind::Flow:
            return "flow";
        case VarKind::Aux:
            return "aux";
        case VarKind::Module:
            return "module";
    }
    return "aux";
}

const char* gfKindName(GraphicalFunction::Kind k) {
    switch (k) {
        case GraphicalFunction::Kind::Continuous:
            return "continuous";
        case GraphicalFunction::Kind::Extrapolate:
            return "extrapolate";
        case GraphicalFunction::Kind::Discrete:
            return "discrete";
    }
    return "continuous";
}

Variable* Model::find(const std::string& anyName) {
    const std::string key = canonicalName(anyName);
    for (auto& v : variables)
        if (canonicalName(v.name) == key) return &v;
    return nullptr;
}

const Variable* Model::find(const std::string& anyName) const {
    return const_cast<Model*>(this)->find(anyName);
}

Variable& Model::add(Variable v) {
    variables.push_back(std::move(v));
    return variables.back();
}

bool Model::remove(const std::string& anyName) {
    const std::string key = canonicalName(anyName);
    auto it = std::find_if(variables.begin(), variables.end(),
                           [&](const Variable& v) { return canonicalName(v.name) == key; });
    if (it == variables.end()) return false;
    variables.erase(it);
    return true;
}

Model& Project::main() {
    if (models.empty()) models.emplace_back();
    return models.front();
}

const Model& Project::main() const {
    static const Model kEmpty;
    return models.empty() ? kEmpty : models.front();
}

const Model* Project::findModel(const std::string& name) const {
    const std::string key = canonicalName(name);
    for (const auto& m : models)
        if (canonicalName(m.name) == key) return &m;
    return nullptr;
}

const Dimension* Project::findDimension(const std::string& name) const {
    const std::string key = canonicalName(name);
    for (const auto& d : dimensions)
        if (canonicalName(d.name) == key) return &d;
    return nullptr;
}

const Macro* Project::findMacro(const std::string& name) const {
    const std::string key = canonicalName(name);
    for (const auto& m : macros)
        if (canonicalName(m.name) == key) return &m;
    return nullptr;
}

bool writtenByVensim(const Project& project) {
    return project.product.rfind("Vensim", 0) == 0;
}

}  // namespace sdw::model
