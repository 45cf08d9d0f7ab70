// Small helpers to build models in code for engine tests (no file format involved).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "solver/compile/compiled_model.hpp"
#include "solver/model/model.hpp"
#include "solver/sim/simulate.hpp"

namespace sdw::test {

struct Builder {
    model::Project project;

    explicit Builder(double start = 0, double stop = 10, double dt = 1, const std::string& method = "euler") {
        project.name = "test";
        project.specs.start = start;
        project.specs.stop = stop;
        project.specs.dt = dt;
        project.specs.method = method;
        project.models.emplace_back();
    }
    Builder& stock(const std::string& name, const std::string& init, std::vector<std::string> in = {},
                   std::vector<std::string> out = {}, bool nonNegative = false) {
        model::Variable v;
        v.kind = model::VarKind::Stock;
        v.name = name;
        v.equation = init;
        v.inflows = std::move(in);
        v.outflows = std::move(out);
        v.nonNegative = nonNegative;
        project.main().variables.push_back(v);
        return *this;
    }
    Builder& flow(const std::string& name, const std::string& eq, bool nonNegative = false) {
        model::Variable v;
        v.kind = model::VarKind::Flow;
        v.name = name;
        v.equation = eq;
        v.nonNegative = nonNegative;
        project.main().variables.push_back(v);
        return *this;
    }
    Builder& aux(const std::string& name, const std::string& eq, std::vector<std::string> dims = {}) {
        model::Variable v;
        v.kind = model::VarKind::Aux;
        v.name = name;
        v.equation = eq;
        v.dimensions = std::move(dims);
        project.main().variables.push_back(v);
        return *this;
    }
    Builder& gf(const std::string& name, std::vector<double> xs, std::vector<double> ys,
                const std::string& eq = "",
                model::GraphicalFunction::Kind kind = model::GraphicalFunction::Kind::Continuous) {
        model::Variable v;
        v.kind = model::VarKind::Aux;
        v.name = name;
        v.equation = eq;
        model::GraphicalFunction g;
        g.xs = std::move(xs);
        g.ys = std::move(ys);
        g.kind = kind;
        v.gf = g;
        project.main().variables.push_back(v);
        return *this;
    }
    Builder& dim(const std::string& name, std::vector<std::string> elems) {
        model::Dimension d;
        d.name = name;
        d.elements = std::move(elems);
        project.dimensions.push_back(d);
        return *this;
    }
    model::Variable& last() { return project.main().variables.back(); }

    std::shared_ptr<const compile::CompiledModel> compile(diag::Diagnostics& diags,
                                                          const compile::CompileOptions& o = {}) const {
        return compile::compileModel(project, diags, o);
    }
    // Compile and run; on any compile error the result carries the diagnostics and Failed status.
    sim::RunResult run(const sim::RunSpec& spec = {}) const {
        diag::Diagnostics diags;
        auto cm = compile(diags);
        if (!cm) {
            sim::RunResult r;
            r.status = sim::RunStatus::Failed;
            r.diagnostics = diags;
            return r;
        }
        return sim::simulate(*cm, spec);
    }
};

inline bool hasCode(const diag::Diagnostics& d, const std::string& code) {
    for (const auto& x : d.items())
        if (x.code == code) return true;
    return false;
}

}  // namespace sdw::test
