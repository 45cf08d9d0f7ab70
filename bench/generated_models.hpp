// Models generated in code for benchmarks: the SIR sample, a 10,000-variable scalar model, and an arrayed
// model next to its written-out scalar twin. Layer: bench (links the solver only).
#pragma once

#include <string>

#include "solver/model/model.hpp"

namespace sdw::bench {

inline model::Variable var(model::VarKind kind, const std::string& name, const std::string& eq,
                           std::vector<std::string> in = {}, std::vector<std::string> out = {}) {
    model::Variable v;
    v.kind = kind;
    v.name = name;
    v.equation = eq;
    v.inflows = std::move(in);
    v.outflows = std::move(out);
    return v;
}

// The SDXorg SIR sample (samples/SIR), as ../shared/peers/handwritten/sir.cpp writes it by hand.
inline model::Project sirModel() {
    model::Project p;
    p.name = "SIR";
    p.specs.start = 0;
    p.specs.stop = 100;
    p.specs.dt = 0.03125;
    auto& m = p.main();
    using K = model::VarKind;
    m.add(var(K::Stock, "susceptible", "total_population", {}, {"succumbing"}));
    m.add(var(K::Stock, "infectious", "5", {"succumbing"}, {"recovering"}));
    m.add(var(K::Stock, "recovered", "0", {"recovering"}));
    m.add(var(K::Flow, "succumbing", "susceptible*infectious/total_population*contact_infectivity"));
    m.add(var(K::Flow, "recovering", "infectious/duration"));
    m.add(var(K::Aux, "total_population", "1000"));
    m.add(var(K::Aux, "duration", "5"));
    m.add(var(K::Aux, "contact_infectivity", "0.3"));
    return p;
}

// `groups` groups of four variables (stock, flow, rate, derived aux) coupled in a ring: 4 * groups variables.
inline model::Project generatedModel(int groups, double stop = 100, double dt = 0.25) {
    model::Project p;
    p.name = "generated";
    p.specs.stop = stop;
    p.specs.dt = dt;
    auto& m = p.main();
    using K = model::VarKind;
    for (int i = 0; i < groups; ++i) {
        const std::string k = std::to_string(i), next = std::to_string((i + 1) % groups);
        m.add(var(K::Stock, "s" + k, "100", {"f" + next}, {"f" + k}));
        m.add(var(K::Flow, "f" + k, "s" + k + " * r" + k + " * (1 + g" + next + " / 1000)"));
        m.add(var(K::Aux, "r" + k, std::to_string(0.01 + i * 1e-6)));
        m.add(var(K::Aux, "g" + k, "MIN(s" + k + ", 200) / 2"));
    }
    return p;
}

// 60 variables per locality (20 stocks, 20 flows, 20 aux), over `places` localities: as one arrayed model
// (arrayed = true) or written out element by element (arrayed = false).
inline model::Project localitiesModel(int places, bool arrayed, double stop = 100, double dt = 0.25) {
    model::Project p;
    p.name = arrayed ? "localities_arrayed" : "localities_scalar";
    p.specs.stop = stop;
    p.specs.dt = dt;
    auto& m = p.main();
    using K = model::VarKind;
    if (arrayed) {
        model::Dimension d;
        d.name = "locality";
        for (int i = 0; i < places; ++i) d.elements.push_back("L" + std::to_string(i));
        p.dimensions.push_back(d);
    }
    const int chains = 20;
    for (int place = 0; place < (arrayed ? 1 : places); ++place) {
        const std::string sfx = arrayed ? "" : "_" + std::to_string(place);
        const std::string sub = arrayed ? "[locality]" : "";
        for (int c = 0; c < chains; ++c) {
            const std::string k = std::to_string(c) + sfx,
                              prev = std::to_string((c + chains - 1) % chains) + sfx;
            auto st = var(K::Stock, "stock" + k, "10", {}, {"out" + k});
            if (c > 0) st.inflows = {"out" + prev};
            auto fl = var(K::Flow, "out" + k, "stock" + k + sub + " / delay" + k + sub);
            auto ax = var(K::Aux, "delay" + k,
                          "2 + " + std::to_string(c) + " * 0.1 + stock" + prev + sub + " / 1000");
            for (auto* v : {&st, &fl, &ax}) {
                if (arrayed) v->dimensions = {"locality"};
                m.add(*v);
            }
        }
    }
    return p;
}

}  // namespace sdw::bench
