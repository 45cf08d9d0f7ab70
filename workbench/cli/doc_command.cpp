// `sdw doc MODEL`: the model's parameter and source tables in markdown, written from each variable's
// documentation, units, value, plausible range and slider range, so a model's README shows what the model
// file says; `sdw doc MODEL --profile` writes its local profile as CSV for a council to fill in. Layer:
// workbench/cli. No GUI, no Lua.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "solver/compile/compiled_model.hpp"
#include "solver/io/load_model.hpp"
#include "solver/io/local_profile.hpp"
#include "solver/sim/simulate.hpp"
#include "solver/xmile/xmile.hpp"
#include "workbench/app/format.hpp"
#include "workbench/cli/commands.hpp"

namespace sdw::cli {
using app::readableNumber;
namespace {

// Every variable's value at the start (constants and computed inputs alike), from a run of no steps; empty
// when the model does not compile.
std::map<std::string, double> startValues(const model::Project& project) {
    diag::Diagnostics diags;
    auto compiled = compile::compileModel(project, diags);
    std::map<std::string, double> out;
    if (!compiled) return out;
    sim::RunSpec spec;
    spec.stop = compiled->specs.start;
    const auto r = sim::simulate(*compiled, spec);
    if (!r.ok() || r.rows() == 0) return out;
    for (size_t c = 1; c < r.cols(); ++c) out[model::canonicalName(r.names[c])] = r.at(0, c);
    return out;
}

bool isNumber(const std::string& s) {
    if (s.empty()) return false;
    char* end = nullptr;
    std::strtod(s.c_str(), &end);
    return end && *end == '\0';
}

std::string cell(std::string s) {
    for (auto& c : s)
        if (c == '|')
            c = '/';
        else if (c == '\n')
            c = ' ';
    return s;
}

std::string span(double lo, double hi) {
    return readableNumber(lo) + " to " + readableNumber(hi);
}

struct DocTables {
    const model::Model& m;
    std::map<std::string, double> values;
    std::ostringstream out;

    std::string value(const model::Variable& v) {
        const auto it = values.find(model::canonicalName(v.name));
        const std::string shown = it != values.end() ? readableNumber(it->second) : v.equation;
        return isNumber(v.equation) || it == values.end() ? shown : shown + " (`" + cell(v.equation) + "`)";
    }
    std::string plausible(const model::Variable& v) {
        return v.uncertainty ? span(v.uncertainty->min, v.uncertainty->max) : "-";
    }
    std::string slider(const model::Variable& v) { return v.range ? span(v.range->min, v.range->max) : "-"; }

    void profile(const std::vector<std::string>& names) {
        if (names.empty()) return;
        out << "### Local profile\n\n| input | value | units | plausible range | source "
               "|\n|---|---|---|---|---|\n";
        for (const auto& n : names)
            if (const auto* v = m.find(n))
                out << "| `" << v->name << "` | " << value(*v) << " | " << cell(v->units) << " | "
                    << plausible(*v) << " | " << cell(v->doc) << " |\n";
        out << "\n";
    }
    void stocks() {
        out << "### Stocks\n\n| stock | initial value | units | what it holds |\n|---|---|---|---|\n";
        for (const auto& v : m.variables)
            if (v.kind == model::VarKind::Stock)
                out << "| `" << v.name << "` | " << value(v) << " | " << cell(v.units) << " | " << cell(v.doc)
                    << " |\n";
        out << "\n";
    }
    void constants(const std::vector<std::string>& skip) {
        out << "### Constants\n\n| constant | value | units | plausible range | slider | source or "
               "assumption |\n"
               "|---|---|---|---|---|---|\n";
        for (const auto& v : m.variables) {
            if (v.kind != model::VarKind::Aux || v.gf || !isNumber(v.equation)) continue;
            bool inProfile = false;
            for (const auto& s : skip) inProfile |= model::canonicalName(s) == model::canonicalName(v.name);
            if (inProfile) continue;
            out << "| `" << v.name << "` | " << readableNumber(std::strtod(v.equation.c_str(), nullptr))
                << " | " << cell(v.units) << " | " << plausible(v) << " | " << slider(v) << " | "
                << cell(v.doc) << " |\n";
        }
        out << "\n";
    }
    void graphicals() {
        bool any = false;
        for (const auto& v : m.variables) {
            if (!v.gf) continue;
            if (!any)
                out << "### Graphical functions\n\n| function | of | points (x, y) | units | source or "
                       "assumption "
                       "|\n|---|---|---|---|---|\n";
            any = true;
            std::string pts;
            for (size_t i = 0; i < v.gf->xs.size() && i < v.gf->ys.size(); ++i)
                pts += (i ? ", (" : "(") + readableNumber(v.gf->xs[i]) + ", " + readableNumber(v.gf->ys[i]) +
                       ")";
            out << "| `" << v.name << "` | `" << cell(v.equation) << "` | " << pts << " | " << cell(v.units)
                << " | " << cell(v.doc) << " |\n";
        }
        if (any) out << "\n";
    }
    void outcomes(const std::vector<std::string>& names) {
        if (names.empty()) return;
        out << "### Outcome measures\n\n| measure | units | meaning |\n|---|---|---|\n";
        for (const auto& n : names)
            if (const auto* v = m.find(n))
                out << "| `" << v->name << "` | " << cell(v->units) << " | " << cell(v->doc) << " |\n";
        out << "\n";
    }
};

int cmdDoc(int argc, char** argv) {
    CLI::App app{"Write a model's parameter and source tables (markdown), or its local profile (CSV)",
                 "sdw doc"};
    std::string path, outPath;
    bool profileCsv = false;
    app.add_option("model", path, "model file")->required();
    app.add_option("--out", outPath, "write to this file instead of standard output");
    app.add_flag(
        "--profile", profileCsv,
        "write the model's local profile (its \"Local profile\" group) as CSV: name,value,units,source");
    if (int rc; !parseCommandLine(app, argc, argv, rc)) return rc;
    if (!outputPathOk("doc", "--out", outPath, path)) return kExitUsage;
    diag::Diagnostics diags;
    auto project = io::loadModelFile(path, diags);
    if (!project) {
        for (const auto& d : diags.items())
            std::fprintf(stderr, "%s: %s\n", path.c_str(), diag::format(d).c_str());
        return kExitModelError;
    }
    const model::Model& m = project->main();
    const auto profile = xmile::groupMembers(m, io::kProfileGroup);
    const auto values = startValues(*project);
    std::string text;
    if (profileCsv) {
        if (profile.empty()) {
            std::fprintf(stderr, "sdw doc: %s has no \"%s\" group\n", path.c_str(), io::kProfileGroup);
            return kExitModelError;
        }
        std::vector<std::optional<double>> shown;
        for (const auto& n : profile) {
            const auto it = values.find(model::canonicalName(n));
            shown.push_back(it == values.end() ? std::nullopt : std::optional<double>(it->second));
        }
        text = io::writeProfileCsv(m, profile, shown);
    } else {
        DocTables t{m, values, {}};
        t.out << "<!-- Written by `sdw doc` from the model file: edit the model, not this table. -->\n\n";
        t.profile(profile);
        t.stocks();
        t.constants(profile);
        t.graphicals();
        t.outcomes(xmile::groupMembers(m, xmile::kOutcomeGroup));
        text = t.out.str();
    }
    if (outPath.empty()) {
        std::cout << text;
        return kExitOk;
    }
    std::ofstream file(outPath, std::ios::binary);
    if (!(file << text)) {
        std::fprintf(stderr, "sdw doc: cannot write '%s'\n", outPath.c_str());
        return kExitUsage;
    }
    return kExitOk;
}

}  // namespace

void registerDocCommand() {
    registerCommand(
        {"doc", "write a model's parameter and source tables (markdown) or its profile (CSV)", cmdDoc});
}

}  // namespace sdw::cli
