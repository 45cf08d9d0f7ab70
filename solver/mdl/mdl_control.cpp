// The control section of a .mdl: INITIAL TIME, FINAL TIME, TIME STEP and SAVEPER folded at read time into
// the run's SimSpecs, through any chain of constants the model defines (`FINAL TIME = start year +
// horizon`). Vensim also lets them change during a run (`TIME STEP = IF THEN ELSE(Time < 4, 1, 0.5)`): such
// a FINAL TIME, TIME STEP or SAVEPER stays a variable that the run reads every step (SimSpecs::stopVar,
// dtVar, saveperVar). Layer: solver. Depends on model/ and diag/ (and the equation parser through
// evalConstant).
#include <algorithm>
#include <sstream>

#include "solver/mdl/mdl_internal.hpp"

namespace sdw::mdl::detail {
namespace {

using model::canonicalName;

const std::set<std::string> kControl = {"initial_time", "final_time", "time_step", "saveper"};

// Folds scalar equations of constants, remembering why one could not be folded.
class Folder {
  public:
    // `time`: the value Time folds to (none: a control that uses Time cannot be folded).
    explicit Folder(const std::vector<std::vector<Def>>& groups, std::optional<double> time = std::nullopt)
        : m_time(time) {
        for (const auto& g : groups)
            if (!g.empty()) m_groups[canonicalName(g.front().name)] = &g;
    }

    std::optional<double> fold(const std::string& name, int depth = 0) {
        if (auto it = m_values.find(name); it != m_values.end()) return it->second;
        if (m_busy.count(name) || depth > 64) return fail(name, "it is defined in terms of itself");
        auto g = m_groups.find(name);
        if (name == "time") return m_time ? m_time : fail(name, "it changes with Time");
        if (g == m_groups.end()) return fail(name, "'" + name + "' is not defined in the model");
        const Def& d = g->second->front();
        if (g->second->size() > 1 || !d.subs.empty() || d.op != '=')
            return fail(name, "'" + d.name + "' is subscripted or a lookup");
        const std::string head = upper(squeeze(d.rhs.substr(0, d.rhs.find('('))));
        if (head == "INTEG") return fail(name, "'" + d.name + "' is a stock, which changes during the run");
        m_busy.insert(name);
        std::map<std::string, double> known;
        for (const std::string& used : namesIn(d.rhs)) {
            if (known.count(used)) continue;
            auto v = fold(used, depth + 1);
            if (!v) {
                m_busy.erase(name);
                const std::string& via = m_via[used].empty() ? used : m_via[used];
                m_via[name] = via == "time" ? "" : via;
                return fail(name, m_why[used]);
            }
            known[used] = *v;
        }
        m_busy.erase(name);
        auto v = evalConstant(d.rhs, known);
        if (!v) return fail(name, "'" + squeeze(d.rhs) + "' is not an expression of constants");
        return m_values[name] = *v;
    }

    // Why `name` could not be folded, and through which name when the cause lies further down.
    std::string why(const std::string& name) {
        const std::string& via = m_via[name];
        auto g = m_groups.find(via);
        const std::string shown = g == m_groups.end() ? via : g->second->front().name;
        return m_why[name] + (via.empty() ? "" : " (through '" + shown + "')");
    }

  private:
    std::optional<double> fail(const std::string& name, const std::string& why) {
        m_why.emplace(name, why);
        return std::nullopt;
    }

    std::map<std::string, const std::vector<Def>*> m_groups;
    std::map<std::string, double> m_values;
    std::map<std::string, std::string> m_why;
    std::map<std::string, std::string> m_via;  // the name used directly that leads to the cause
    std::set<std::string> m_busy;
    std::optional<double> m_time;
};

const char* runValue(const std::string& control) {
    return control == "initial_time" ? "start time"
           : control == "final_time" ? "final time"
           : control == "time_step"  ? "time step"
                                     : "save interval";
}

// A control that changes during the run stays one scalar variable: not a subscripted one, nor a lookup.
bool canStayVariable(const std::vector<std::vector<Def>>& groups, const std::string& control) {
    for (const auto& g : groups)
        if (!g.empty() && canonicalName(g.front().name) == control)
            return g.size() == 1 && g.front().subs.empty() && g.front().op == '=';
    return false;
}

}  // namespace

void readControl(std::vector<std::vector<Def>>& groups, Symbols& symbols, model::SimSpecs& specs,
                 diag::Diagnostics& diags) {
    std::map<std::string, const Def*> defs;
    for (auto& g : groups)
        if (!g.empty() && kControl.count(canonicalName(g.front().name)))
            defs[canonicalName(g.front().name)] = &g.front();
    Folder folder(groups);
    std::map<std::string, double> values;
    auto refuse = [&](const std::string& c, const Def* d, const std::string& why) {
        diags.error(diag::code::kBadSpecs, d->name,
                    d->name + " = " + squeeze(d->rhs) + " cannot be fixed before the run: " + why + ". sdw " +
                        (c == "initial_time" ? "starts the run at one start time"
                                             : std::string("cannot run with this ") + runValue(c)) +
                        ": give a number or an expression of constants",
                    0, d->entry ? d->entry->line : 0);
    };
    std::vector<std::string> changing;
    for (const auto& [c, d] : defs) {
        if (auto v = folder.fold(c))
            values[c] = *v;
        else if (canStayVariable(groups, c))
            changing.push_back(c);
        else
            refuse(c, d, folder.why(c));
    }
    // INITIAL TIME in terms of Time: Vensim starts at its value with Time = 0 (test-models control_vars).
    if (std::find(changing.begin(), changing.end(), "initial_time") != changing.end()) {
        Folder atZero(groups, 0.0);
        const Def* d = defs["initial_time"];
        if (auto v = atZero.fold("initial_time")) {
            values["initial_time"] = *v;
            symbols.dynamicControls.insert("initial_time");
            std::ostringstream at;
            at.precision(15);
            at << *v;
            diags.warning(diag::code::kStartFromTimeZero, d->name,
                          d->name + " changes with Time; the run starts at its value with Time = 0 (" +
                              at.str() + "), as Vensim does, and the variable keeps its equation",
                          0, d->entry ? d->entry->line : 0);
        } else {
            refuse("initial_time", d, folder.why("initial_time"));
        }
        std::erase(changing, "initial_time");
    }
    if (values.count("initial_time")) specs.start = values["initial_time"];
    // The others are read by the run every step; their values at the start, where they can be told, stand
    // in the fixed specs for display and for the room a batch of runs keeps.
    Folder atStart(groups, specs.start);
    for (const std::string& c : changing) {
        const auto v = atStart.fold(c);
        symbols.dynamicControls.insert(c);
        std::string& var = c == "final_time"  ? specs.stopVar
                           : c == "time_step" ? specs.dtVar
                                              : specs.saveperVar;
        var = c;
        if (v && (c == "final_time" || *v > 0)) values[c] = *v;
    }
    if (values.count("final_time")) specs.stop = std::max(values["final_time"], specs.start);
    if (values.count("time_step")) specs.dt = values["time_step"];
    if (values.count("saveper")) specs.saveper = values["saveper"];
    if (!symbols.dynamicControls.count("saveper")) symbols.saveper = specs.saveper;
    for (const char* unitsFrom : {"final_time", "time_step", "initial_time"}) {
        auto it = defs.find(unitsFrom);
        if (it == defs.end() || !specs.timeUnits.empty() || !it->second->entry) continue;
        std::optional<model::Range> ignored;
        splitUnits(it->second->entry->units, specs.timeUnits, ignored);
    }
    std::erase_if(groups, [&](const std::vector<Def>& g) {
        const std::string c = g.empty() ? "" : canonicalName(g.front().name);
        return defs.count(c) && g.size() == 1 && !symbols.dynamicControls.count(c);
    });
}

}  // namespace sdw::mdl::detail
