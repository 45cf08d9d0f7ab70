// compileModel(): the compiler's stages in the order data flows through them, each a function from its input
// type to its output type sharing no state (stage headers say which): symbols -> elements -> expansion ->
// order -> layout -> program (lowering, fusion) -> assembly, with the unit check beside them. Layer: solver.
#include <cmath>

#include "solver/compile/assemble.hpp"
#include "solver/compile/emit.hpp"
#include "solver/compile/pipeline.hpp"
#include "solver/compile/unit_check.hpp"
#include "solver/diag/near_name.hpp"
#include "solver/model/text_origin.hpp"

namespace sdw::compile {
namespace detail {
namespace {

void checkSimSpecs(const model::SimSpecs& specs, Reporter& report) {
    if (!(specs.dt > 0) || !std::isfinite(specs.dt))
        report.error(diag::code::kBadSpecs, "sim_specs",
                     "dt must be a positive number (it is " + std::to_string(specs.dt) + ")");
    if (!(specs.stop >= specs.start))
        report.error(diag::code::kBadSpecs, "sim_specs",
                     "the stop time (" + std::to_string(specs.stop) + ") is before the start time (" +
                         std::to_string(specs.start) + ")");
    if (specs.saveper && !(*specs.saveper > 0))
        report.error(diag::code::kBadSpecs, "sim_specs", "the save interval must be positive");
}

// A control that changes during the run (SimSpecs::stopVar, dtVar, saveperVar) must name a scalar
// variable of the model, which the run reads every step.
void checkControlVariables(const CompiledModel& cm, Reporter& report) {
    const std::pair<const std::string*, const char*> controls[] = {{&cm.specs.stopVar, "final time"},
                                                                   {&cm.specs.dtVar, "time step"},
                                                                   {&cm.specs.saveperVar, "save interval"}};
    for (const auto& [name, what] : controls) {
        if (name->empty() || cm.findColumn(*name) > 0) continue;
        const std::string prefix = model::canonicalRef(*name) + "[";
        bool array = false;
        for (const auto& c : cm.columns) array = array || model::canonicalRef(c.name).rfind(prefix, 0) == 0;
        report.error(diag::code::kBadSpecs, "sim_specs",
                     std::string("the ") + what + " is to come from '" + *name + "', which " +
                         (array ? "is not one number but an array: give one element or an expression"
                                : "is not a variable of the model"));
    }
}

void warnWithoutStocks(const ExpandedModel& model, const model::Project& project, Reporter& report) {
    for (const auto& s : model.elements)
        if (s.kind == ElementKind::Stock) return;
    report.warning(
        diag::code::kNoStocks, project.name.empty() ? "model" : project.name,
        "the model has no stocks: nothing accumulates, so every value is computed afresh each step");
}

}  // namespace

std::optional<ExpandedModel> expandProject(const model::Project& project, const CompileOptions& options,
                                           Reporter& report, bool keepGoing) {
    checkSimSpecs(project.specs, report);
    SymbolTable symbols = collectSymbols(project, options, report);
    const bool namesKnown = !report.failed();
    ElementModel elements =
        buildElements(std::move(symbols), options, report, model::writtenByVensim(project));
    if (report.failed() && !(keepGoing && namesKnown && elements.complete)) return std::nullopt;
    // With keepGoing, an equation that could not be read stands as 0 and the rest of the model is expanded,
    // so that the later stages can report their own errors beside it; the compile has failed all the same.
    const size_t before = report.errors();
    ExpandedModel model = expandBuiltins(std::move(elements), project, options, report);
    // An error of the expansion itself (a size guard, a macro) leaves a model not fit for the later stages.
    if (report.failed() && (!keepGoing || report.errors() != before)) return std::nullopt;
    return model;
}

std::shared_ptr<const CompiledModel> compileExpanded(const ExpandedModel& model,
                                                     const model::Project& project,
                                                     const CompileOptions& options, Reporter& report) {
    const Resolver resolver(model);
    std::optional<Ordering> ordering = orderEquations(model, resolver, report);
    if (!ordering) ordering = unorderedForChecks(model);  // a loop: the other equations' errors still count
    const SlotLayout layout = layoutSlots(model);
    Program program = emitProgram(model, resolver, *ordering, layout, options, report);
    if (report.failed()) return nullptr;
    if (options.checkUnits) checkUnits(model, resolver, project.specs.timeUnits, report);
    warnWithoutStocks(model, project, report);
    auto compiled = assemble(model, layout, std::move(program), project);
    checkControlVariables(*compiled, report);
    return compiled;
}

namespace {

std::shared_ptr<const CompiledModel> compile(const model::Project& project, diag::Diagnostics& diags,
                                             const CompileOptions& options) {
    Reporter report(diags);
    // Every error the stages can find is reported in one pass: a typo is not hidden behind an unreadable
    // equation elsewhere (`sdw check` lists both).
    const std::optional<ExpandedModel> model = expandProject(project, options, report, true);
    if (!model) return nullptr;
    auto compiled = compileExpanded(*model, project, options, report);
    return report.failed() ? nullptr : compiled;
}

}  // namespace
}  // namespace detail

std::shared_ptr<const CompiledModel> compileModel(const model::Project& project, diag::Diagnostics& diags,
                                                  const CompileOptions& options) {
    try {
        const size_t before = diags.items().size();
        auto compiled = detail::compile(project, diags, options);
        model::placeInSource(diags, project, options.equationOverrides, before);  // columns -> file positions
        return compiled;
    } catch (const std::exception& e) {
        diags.error(diag::code::kUnsupported, project.name,
                    std::string("internal compiler error: ") + e.what());
        return nullptr;
    }
}

int CompiledModel::findSlot(const std::string& name) const {
    const std::string key = model::canonicalRef(name);
    if (key == "time") return static_cast<int>(kTimeSlot);
    auto it = m_slotByName.find(key);
    return it == m_slotByName.end() ? -1 : static_cast<int>(it->second);
}

int CompiledModel::findColumn(const std::string& name) const {
    const int slot = findSlot(name);
    if (slot < 0) return -1;
    for (size_t i = 0; i < columns.size(); ++i)
        if (columns[i].slot == static_cast<uint32_t>(slot)) return static_cast<int>(i);
    return -1;
}

std::string CompiledModel::nearestColumn(const std::string& name) const {
    std::vector<std::string> canonical;
    canonical.reserve(columns.size());
    for (const auto& c : columns) canonical.push_back(c.canonical);
    const int k = diag::nearestIndex(model::canonicalRef(name), canonical);
    return k < 0 ? std::string() : columns[static_cast<size_t>(k)].name;
}

std::string CompiledModel::unknownColumn(const std::string& name) const {
    if (findColumn(name) >= 0) return "";
    const std::string near = nearestColumn(name);
    return "no variable named '" + name + "'" + (near.empty() ? "" : " (did you mean '" + near + "'?)");
}

}  // namespace sdw::compile
