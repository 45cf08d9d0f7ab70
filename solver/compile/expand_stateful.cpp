// Compile stage 3, the stateful built-ins: SMTH1/3/N and DELAY1/3/N as chains of internal stocks, TREND and
// FORCST over an internal average, and DELAY (fixed pipeline), PREVIOUS and SAMPLE IF TRUE as states. Adding
// a stateful built-in: a row in equations/builtins.cpp and a case in Expander::stateful. Layer: solver.
#include <cmath>

#include "solver/compile/expand_internal.hpp"

namespace sdw::compile::detail {

int Expander::stateful(int element, Expr& out, const Node& call) {
    const std::string& fn = call.name;
    if (fn == "smth1" || fn == "smth3" || fn == "smthn" || fn == "delay1" || fn == "delay3" ||
        fn == "delayn" || fn == "delay_n" || fn == "smooth_n")
        return smoothOrDelay(element, out, call);
    if (fn == "trend" || fn == "forcst") return trend(element, out, call);
    if (fn == "delay" || fn == "previous" || fn == "sample_if_true") return state(element, out, call);
    return out.add(call);
}

// A chain of `order` internal stocks, each with stage time T / order. Smooth stages hold the level; delay
// stages hold level = rate * stage time, and the delay's output is the last stage's outflow. Vensim's DELAY N
// (delay_n: input, time, init, order) empties its last stage at the delay time of the previous step, so its
// output depends only on earlier delay times (Vensim's reference guide, DELAY N; test-models `delays`,
// where the delay time steps from 4 to 6) and what leaves is what the output says: the delay conserves.
int Expander::smoothOrDelay(int element, Expr& out, const Node& call) {
    const std::string& fn = call.name;
    const auto& a = call.args;
    auto copyArg = [&](Expr& dst, int k) { return copyInto(dst, out, a[static_cast<size_t>(k)]); };
    const bool isDelay = fn[0] == 'd';
    const bool vensimOrder = fn == "delay_n" || fn == "smooth_n";  // Vensim's (input, time, init, order)
    int order = fn.back() == '3' ? 3 : 1;
    const int initArg = fn.back() == 'n' && !vensimOrder ? 3 : 2;
    if (fn.back() == 'n' && (order = smoothOrder(element, out, call)) == 0) return out.add(call);
    const int lagged = fn == "delay_n" ? previousValue(element, out, a[1]) : -1;
    // The stage time of stage k (from 0) as a new subtree of dst.
    auto stageTime = [&](Expr& dst, int k) {
        const int time = lagged >= 0 && k == order - 1 ? exprRef(dst, lagged, at(lagged).display, call.pos)
                                                       : copyArg(dst, 1);
        return exprBin(dst, '/', time, exprNum(dst, order));
    };
    const bool hasInit = static_cast<int>(a.size()) > initArg;
    std::vector<int> stages;
    for (int k = 0; k < order; ++k)
        stages.push_back(newInternal(fn + "_" + std::to_string(k + 1), ElementKind::Stock, element));
    for (int k = 0; k < order; ++k) {
        const int stage = stages[static_cast<size_t>(k)];
        Expr init;
        int iv = hasInit ? copyArg(init, initArg) : copyArg(init, 0);
        if (isDelay) iv = exprBin(init, '*', iv, exprBin(init, '/', copyArg(init, 1), exprNum(init, order)));
        init.root = iv;
        at(stage).expr = std::move(init);
        Expr rate;
        int inflow;
        if (k == 0) {
            inflow = copyArg(rate, 0);
        } else {
            const int prev = stages[static_cast<size_t>(k - 1)];
            const int prevRef = exprRef(rate, prev, at(prev).display, call.pos);
            inflow = isDelay ? exprBin(rate, '/', prevRef, stageTime(rate, k - 1)) : prevRef;
        }
        const int self = exprRef(rate, stage, at(stage).display, call.pos);
        if (isDelay)
            rate.root = exprBin(rate, '-', inflow, exprBin(rate, '/', self, stageTime(rate, k)));
        else
            rate.root = exprBin(rate, '/', exprBin(rate, '-', inflow, self), stageTime(rate, k));
        at(stage).rate = std::move(rate);
    }
    int r = exprRef(out, stages.back(), at(stages.back()).display, call.pos);
    if (isDelay) r = exprBin(out, '/', r, stageTime(out, order - 1));
    out.nodes[static_cast<size_t>(r)].pos = call.pos;
    return r;
}

// A state holding `value` (a node of `src`) as it was at the previous step, starting from its initial value:
// PREVIOUS(value, value). Returns the state's element.
int Expander::previousValue(int element, const Expr& src, int value) {
    Expr e;
    Node call;
    call.kind = NodeKind::Call;
    call.name = "previous";
    call.args = {copyInto(e, src, value), copyInto(e, src, value)};
    state(element, e, call);
    return m_out.states.back().state;
}

// average = SMTH1(input, T, input / (1 + initial trend * T)); TREND = ZIDZ(input - average, T * |average|);
// FORCST = input * (1 + TREND * horizon).
int Expander::trend(int element, Expr& out, const Node& call) {
    const std::string& fn = call.name;
    const auto& a = call.args;
    auto copyArg = [&](Expr& dst, int k) { return copyInto(dst, out, a[static_cast<size_t>(k)]); };
    const int avg = newInternal(fn + "_average", ElementKind::Stock, element);
    const int initTrendArg = fn == "trend" ? 2 : 3;
    Expr init;
    if (static_cast<int>(a.size()) > initTrendArg)
        init.root = exprBin(init, '/', copyArg(init, 0),
                            exprBin(init, '+', exprNum(init, 1),
                                    exprBin(init, '*', copyArg(init, initTrendArg), copyArg(init, 1))));
    else
        init.root = copyArg(init, 0);
    at(avg).expr = std::move(init);
    const std::string& avgText = at(avg).display;
    Expr rate;
    rate.root =
        exprBin(rate, '/', exprBin(rate, '-', copyArg(rate, 0), exprRef(rate, avg, avgText, call.pos)),
                copyArg(rate, 1));
    at(avg).rate = std::move(rate);
    const int avgRef = exprRef(out, avg, avgText, call.pos);
    const int t = exprCall(
        out, "zidz",
        {exprBin(out, '-', copyArg(out, 0), avgRef),
         exprBin(out, '*', copyArg(out, 1), exprCall(out, "abs", {exprRef(out, avg, avgText, call.pos)}))});
    const int r = fn == "trend"
                      ? t
                      : exprBin(out, '*', copyArg(out, 0),
                                exprBin(out, '+', exprNum(out, 1), exprBin(out, '*', t, copyArg(out, 2))));
    out.nodes[static_cast<size_t>(r)].pos = call.pos;
    return r;
}

// A state updated only at step boundaries, read as the element `state`. DELAY records its input for a fixed
// time; PREVIOUS keeps the last step's input; SAMPLE IF TRUE keeps its own result: IF cond THEN input ELSE
// held.
int Expander::state(int element, Expr& out, const Node& call) {
    const std::string& fn = call.name;
    const auto& a = call.args;
    auto copyArg = [&](Expr& dst, int k) { return copyInto(dst, out, a[static_cast<size_t>(k)]); };
    const int held = newInternal(fn, ElementKind::State, element);
    StateLink link;
    link.state = held;
    Expr init;
    if (fn == "delay") {
        link.kind = StateSite::Kind::Pipeline;
        link.input = internalAux(element, out, a[0], "delay_input");
        link.delay = internalAux(element, out, a[1], "delay_time");
        init.root = a.size() > 2 ? copyArg(init, 2) : copyArg(init, 0);
    } else if (fn == "previous") {
        link.kind = StateSite::Kind::Previous;
        link.input = internalAux(element, out, a[0], "previous_input");
        const bool self = out.at(a[0]).kind == NodeKind::Name && out.at(a[0]).name == "self";
        init.root = a.size() > 1 ? copyArg(init, 1) : self ? exprNum(init, 0) : copyArg(init, 0);
    } else {
        link.kind = StateSite::Kind::Previous;
        init.root = copyArg(init, 2);
    }
    at(held).expr = std::move(init);
    int r = -1;
    if (fn == "sample_if_true") {
        const int result = newInternal("sample_if_true_value", ElementKind::Aux, element);
        Expr e;
        Node ifn;
        ifn.kind = NodeKind::If;
        ifn.args = {copyArg(e, 0), copyArg(e, 1), exprRef(e, held, at(held).display, call.pos)};
        e.root = e.add(std::move(ifn));
        at(result).expr = std::move(e);
        link.input = result;
        r = exprRef(out, result, at(result).display, call.pos);
    } else {
        r = exprRef(out, held, at(held).display, call.pos);
    }
    m_out.states.push_back(link);
    return r;
}

}  // namespace sdw::compile::detail
