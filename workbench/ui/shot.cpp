// `sdw shot`: the workbench drawn on a model, set up as a view asks (a selection, kept runs, a tab,
// presentation mode), and written to a PNG; with --measure, the slider-to-screen latency timed through the
// same path a drag takes. Layer: workbench/ui. No Lua.
#include <GLFW/glfw3.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "solver/diag/near_name.hpp"
#include "workbench/cli/commands.hpp"
#include "workbench/ui/canvas.hpp"
#include "workbench/ui/host.hpp"
#include "workbench/ui/latency_probe.hpp"
#include "workbench/ui/panels/business_case_panel.hpp"
#include "workbench/ui/panels/calibration_panel.hpp"
#include "workbench/ui/panels/charts_panel.hpp"
#include "workbench/ui/panels/loops_panel.hpp"
#include "workbench/ui/panels/panels.hpp"
#include "workbench/ui/panels/presentation_panel.hpp"
#include "workbench/ui/panels/uncertainty_panel.hpp"
#include "workbench/ui/workbench.hpp"
#if defined(SDW_HAVE_PLUGINS)
#include "workbench/app/levers/lever_set.hpp"
#endif

namespace sdw::ui {

namespace {

#if defined(SDW_HAVE_PLUGINS)
// The levers view: the run without levers kept as the baseline, then two reablement levers on (the lever form
// of the "Reablement done right" scenario), so the charts overlay the two.
void prepareLevers(Workbench& wb) {
    wb.showPanel<LeversPanel>();
    auto& s = wb.session();
    for (const char* id : {"expand_short_term_services", "reablement_effectiveness"})
        if (auto* l = s.levers().find(id)) {
            s.levers().setOn(*l, true);
            s.leversChanged();
            wb.settle();
        }
}

// A lever with params that is on: the first the levers view switched on.
app::Lever* firstLeverWithParams(app::Session& s) {
    for (auto& l : s.levers().levers())
        if (l.on && !l.plugin->params.empty()) return &l;
    return nullptr;
}
#endif

// The business case view: the model's first scenario (by file name) applied against the run before it.
bool prepareBusinessCase(Workbench& wb) {
    wb.showPanel<BusinessCasePanel>();
#if defined(SDW_HAVE_PLUGINS)
    auto& s = wb.session();
    const auto& sc = s.levers().scenarios();
    if (sc.empty()) return false;
    size_t first = 0;
    for (size_t i = 1; i < sc.size(); ++i)
        if (sc[i].file < sc[first].file) first = i;
    s.applyScenario(first);
    wb.settle();
    return true;
#else
    return false;
#endif
}

// Set up the state a view shows: a selection, kept runs, the tab.
void prepareView(Workbench& wb, std::string view) {
    if (view == "presentation") view = "present";
#if defined(SDW_HAVE_PLUGINS)
    if (view == "levers") prepareLevers(wb);
#endif
    const bool business = view == "business";
    if (business && !prepareBusinessCase(wb)) view = "compare";  // no scenarios: the sliders moved instead
    auto& s = wb.session();
    if (!s.inputs().empty() && (view == "compare" || view == "all" || view == "chart" || view == "present")) {
        s.keepRun("Baseline");
        for (auto& in : s.inputs())  // a scenario: the presented inputs to three quarters of their range
            if (in.present) in.value = in.min + (in.max - in.min) * 0.75;
        s.rerun();
        wb.settle();
        s.keepRun("Scenario");
    }
    if (view == "table") wb.showPanel<TablePanel>();
    if (view == "compare") wb.showPanel<ComparePanel>();
    if (business) wb.showPanel<BusinessCasePanel>();
    if (view == "chart") wb.chartFocus = true;
    if (view == "present") wb.mode = Mode::Present;
    if (view == "all" || view == "diagram") {
        for (const auto& v : s.doc().model().variables)
            if (v.kind == model::VarKind::Stock && s.doc().viewObject(v.name)) {
                wb.select(v.name);
                break;
            }
    }
    if (!s.timeColumn().empty())
        s.playback().time = s.timeColumn().front() + (s.timeColumn().back() - s.timeColumn().front()) * 0.6;
}

// The Loops tab open and scored (a loop selected when asked).
bool prepareLoops(Host& host, Workbench& wb, const std::string& loop, bool namedOnly) {
    wb.showPanel<LoopsPanel>();
    wb.chartFocus = true;  // the tab's "large": the loops, their chart and the takeovers readable at once
    host.frame(wb);
    auto& panel = wb.panel<LoopsPanel>();
    panel.settle(wb);
    panel.showNamedOnly(namedOnly);
    if (loop.empty() || panel.select(loop)) return true;
    std::fprintf(stderr, "sdw shot: --loop: the model has no loop '%s'\n", loop.c_str());
    return false;
}

// The fan view: a Monte Carlo of the model over its own distributions, its bands on the charts (large).
bool prepareFan(Host& host, Workbench& wb, size_t runs, uint64_t seed, bool tab) {
    auto& panel = wb.panel<UncertaintyPanel>();
    panel.setFanOptions({runs, seed});
    host.frame(wb);
    const bool ok = panel.startMonteCarlo(wb) && panel.settle(wb);
    if (!ok) std::fprintf(stderr, "sdw shot: %s\n", panel.message().c_str());
    if (tab)
        wb.showPanel<UncertaintyPanel>();  // the How sure tab itself
    else
        wb.showPanel<ChartsPanel>();
    wb.chartFocus = true;
    return ok;
}

// The tornado view: the How sure tab's "Which assumptions matter", run on the model's first outcome measure
// (or --outcome) at the end of the run (or --time), large.
// --method morris|sobol: that method's bars instead (--budget trajectories or samples, --seed).
bool prepareTornado(Host& host, Workbench& wb, const std::string& outcome, std::optional<double> at,
                    const std::string& method, int budget, uint64_t seed) {
    auto& view = wb.panel<UncertaintyPanel>().tornado();
    wb.showPanel<UncertaintyPanel>();
    wb.chartFocus = true;
    host.frame(wb);
    view.choose(outcome, at);
    using M = TornadoView::Method;
    view.setMethod(method == "morris"  ? M::Morris
                   : method == "sobol" ? M::Sobol
                                       : M::OneAtATime,
                   budget, static_cast<int>(seed));
    const bool ok = view.start(wb) && view.settle(wb, std::chrono::minutes(30));
    if (method != "oat") {
        const auto r = view.global().job().result();
        if (!ok || !r)
            std::fprintf(stderr, "sdw shot: %s\n", view.global().message().c_str());
        else
            std::printf("%s: %zu constants, %zu runs in %.1f s\n", method.c_str(),
                        r->setup.base.inputs.size(), r->runs, r->seconds);
    } else if (!ok)
        std::fprintf(stderr, "sdw shot: %s\n", view.message().c_str());
    else if (const auto r = view.tornado().result())
        std::printf("tornado: %zu constants, %zu runs in %.1f s\n", r->setup.inputs.size(),
                    1 + 2 * r->setup.inputs.size(), r->seconds);
    view.scrollIntoView();
    return ok && (method == "oat" || view.global().job().result());
}

// The fit view: the named constants fitted to the --data, on the Calibrate tab (large).
bool prepareFit(Host& host, Workbench& wb, const std::vector<std::string>& fits) {
    auto& panel = wb.panel<CalibrationPanel>();
    for (auto& p : panel.picks(wb))
        for (const auto& f : fits) p.on = p.on || model::canonicalName(f) == model::canonicalName(p.name);
    wb.showPanel<CalibrationPanel>();
    wb.chartFocus = true;
    host.frame(wb);
    if (!panel.startFit(wb) || !panel.settle(wb, std::chrono::minutes(30))) {
        std::fprintf(stderr, "sdw shot: %s\n", panel.message().c_str());
        return false;
    }
    if (const auto r = panel.calibration().result())
        std::printf("fit: %zu evaluations in %.1f s\n", r->fit.evaluations, r->seconds);
    return true;
}

// Frames until the probe has seen its results on screen (at most ten seconds of frames).
void frameUntilShown(Host& host, Workbench& wb, const LatencyProbe& probe) {
    for (int f = 0; f < 600 && !probe.done(); ++f) host.frame(wb);
}

// Measure slider move -> new results drawn, through the same path a user's drag takes.
void measureLatency(Host& host, Workbench& wb, bool lever) {
    auto& s = wb.session();
    LatencyProbe probe;
    wb.setLatencyProbe(&probe);
#if defined(SDW_HAVE_PLUGINS)
    if (lever) {
        app::Lever* l = firstLeverWithParams(s);
        if (!l) return wb.setLatencyProbe(nullptr);
        const auto& p = l->plugin->params.front();
        const double old = l->values[p.name];
        l->values[p.name] = p.min + (p.max - p.min) * 0.8;
        probe.start(s.leversChanged());
        frameUntilShown(host, wb, probe);
        std::printf(
            "lever slider moved (%s.%s): new results ready after %.1f ms, on screen after %.1f ms = %d "
            "frame%s later\n",
            l->plugin->id.c_str(), p.name.c_str(), probe.workerMs(), probe.screenMs(), probe.frames(),
            probe.frames() == 1 ? "" : "s");
        l->values[p.name] = old;
        s.leversChanged();
        wb.settle();
        wb.setLatencyProbe(nullptr);
        return;
    }
#endif
    (void)lever;
    app::SliderInput* in = nullptr;
    for (auto& i : s.inputs())
        if (i.present) in = &i;
    if (!in && !s.inputs().empty()) in = &s.inputs().front();
    if (!in) return wb.setLatencyProbe(nullptr);
    const double old = in->value;
    in->value = in->min + (in->max - in->min) * 0.3;
    probe.start(s.inputsChanged());
    frameUntilShown(host, wb, probe);
    std::printf(
        "slider moved (%s): new results ready after %.1f ms, on screen after %.1f ms = %d frame%s later\n",
        in->name.c_str(), probe.workerMs(), probe.screenMs(), probe.frames(), probe.frames() == 1 ? "" : "s");
    in->value = old;
    s.inputsChanged();
    wb.settle();
    wb.setLatencyProbe(nullptr);
}

// `sdw shot`'s options.
struct ShotOptions {
    std::string model, out, size = "1600x1000", view = "all", chartPng, select, loop, data;
    std::string outcome;  // --view tornado
    std::string method = "oat";
    int budget = 0;  // Morris trajectories or Sobol samples (0: the tab's default)
    std::optional<double> time;
    bool namedOnly = false;
    std::vector<std::string> fits;   // --view fit
    std::vector<std::string> chart;  // --chart: chart 1's variables
    int sector = 1;                  // --view present: the sector shown (0 the whole diagram)
    bool range = false;              // --view business --range
    size_t runs = 200;               // --view fan
    uint64_t seed = 1;
    int frames = 6;
    float scale = 0;
    bool measure = false;
    bool whole = false;  // --whole: the diagram fitted whole (Fit)
    int width = 1600, height = 1000;
};

// Parse the command line; false with `rc` set on --help or a usage error.
bool parseShot(int argc, char** argv, ShotOptions& o, int& rc) {
    CLI::App app{"render the workbench on a model and write a PNG (needs a display; use xvfb-run)",
                 "sdw shot"};
    app.add_option("model", o.model, "model file")->required();
    app.add_option("--out", o.out, "PNG to write")->required();
    app.add_option("--size", o.size, "window size WxH");
    app.add_option("--view", o.view,
                   "diagram|chart|table|compare|business|present|presentation|all|levers|loops|fan|howsure|"
                   "fit|tornado (levers: "
                   "with the plugin "
                   "host; "
                   "business: the model's first scenario against its baseline; fan: a Monte Carlo's bands; "
                   "howsure: its tab; fit: a "
                   "calibration; tornado: which assumptions matter)")
        ->check(CLI::IsMember({"diagram", "chart", "table", "compare", "business", "present", "presentation",
                               "all", "levers", "loops", "fan", "howsure", "fit", "tornado"}));
    app.add_option("--chart", o.chart, "put these variables on chart 1 (replacing its own), large")
        ->delimiter(',');
    app.add_option("--sector", o.sector,
                   "with --view present: show this sector (default 1; 0 the whole diagram)");
    app.add_option("--fit", o.fits, "with --view fit and --data: a constant to fit (its declared range)");
    app.add_option("--outcome", o.outcome,
                   "with --view tornado: the outcome (default: the model's first outcome measure); --time: "
                   "when it is read (default: the end of the run)");
    app.add_option("--method", o.method, "with --view tornado: oat (the tornado, default), morris or sobol")
        ->check(CLI::IsMember({"oat", "morris", "sobol"}));
    app.add_option("--budget", o.budget,
                   "with --method morris|sobol: trajectories or samples (default 10 / 128)");
    app.add_option("--runs", o.runs, "with --view fan: Monte Carlo runs (default 200)");
    app.add_option("--seed", o.seed, "with --view fan, --range or --method: its seed (default 1)");
    app.add_flag("--range", o.range,
                 "with --view business: the business case's 5-95% range over --runs draws");
    app.add_option("--data", o.data,
                   "observed data (CSV: Time, then columns named like variables) on the charts");
    app.add_option(
        "--loop", o.loop,
        "with --view loops: select this loop (id or name); with --view present: present it (loops mode)");
    app.add_option("--time", o.time, "move the time scrubber here (model time)");
    app.add_flag("--named-only", o.namedOnly, "with --view loops: only the named loops, shares among them");
    app.add_option("--frames", o.frames, "frames to draw before the capture");
    app.add_option("--scale", o.scale, "font scale (default: the monitor's content scale)");
    app.add_flag("--whole", o.whole, "fit the whole diagram in view (the Fit button)");
    app.add_flag("--measure", o.measure, "also measure and print slider-to-screen latency");
    app.add_option("--select", o.select, "select this variable (the properties panel shows it)");
    app.add_option("--chart-png", o.chartPng,
                   "also export the charts alone to this PNG (File > Export charts)");
    if (!cli::parseCommandLine(app, argc, argv, rc)) return false;
    if (!cli::outputPathOk("shot", "--out", o.out, o.model) ||
        !cli::outputPathOk("shot", "--chart-png", o.chartPng, o.model)) {
        rc = cli::kExitUsage;
        return false;
    }
    if (std::sscanf(o.size.c_str(), "%dx%d", &o.width, &o.height) != 2 || o.width < 200 || o.height < 150) {
        std::fprintf(stderr, "sdw shot: --size must look like 1600x1000\n");
        rc = cli::kExitUsage;
        return false;
    }
    return true;
}

// The workbench drawn on the model, set up as the view asks, then captured.
int shoot(Host& host, Workbench& wb, const ShotOptions& o) {
    host.frame(wb);  // the first frame lays out the canvas (fit to view)
    wb.settle();
    if (o.measure && o.view != "levers") measureLatency(host, wb, false);
    prepareView(wb, o.view);
    if (o.measure && o.view == "levers") {
        for (int f = 0; f < 3; ++f) host.frame(wb);  // the levers tab is open, as a user would have it
        measureLatency(host, wb, true);
    }
    // A name the model lacks is a usage error: no screenshot of something else (exit 2). A view whose
    // analysis fails is drawn with its message, and the exit code says so (1).
    const auto unknown = [&](const char* option, const std::string& name) {
        std::vector<std::string> names;
        for (const auto& v : wb.session().doc().model().variables) names.push_back(v.name);
        const std::string near = diag::nearestName(name, names);
        std::fprintf(stderr, "sdw shot: %s: the model has no variable '%s'%s\n", option, name.c_str(),
                     near.empty() ? "" : ("; did you mean '" + near + "'?").c_str());
        return cli::kExitUsage;
    };
    if (!o.select.empty()) {
        const auto* v = wb.session().doc().find(o.select);
        if (!v) return unknown("--select", o.select);
        wb.select(v->name);
        wb.panel<CanvasPanel>().centreOn(v->name);
    }
    if (!o.chart.empty()) {
        for (const auto& name : o.chart)
            if (!wb.session().doc().find(name)) return unknown("--chart", name);
        auto& chart = wb.session().charts().front().vars;
        chart.clear();
        for (const auto& name : o.chart) wb.session().addToChart(name, 0);
        wb.chartFocus = wb.mode != Mode::Present;
    }
    if (o.view == "present" || o.view == "presentation") {
        host.frame(wb);  // presentation opens on its first sector
        wb.panel<PresentationPanel>().showSector(wb, o.sector - 1);
        if (!o.loop.empty() && !wb.panel<PresentationPanel>().showLoop(wb, o.loop)) {
            std::fprintf(stderr, "sdw shot: --loop: the model has no loop '%s'\n", o.loop.c_str());
            return cli::kExitUsage;
        }
    }
    if (o.whole) wb.panel<CanvasPanel>().fit();
    if (o.view == "loops" && !prepareLoops(host, wb, o.loop, o.namedOnly)) return cli::kExitUsage;
    int rc = cli::kExitOk;
    if (!o.data.empty() && !wb.panel<UncertaintyPanel>().loadData(wb, o.data)) {
        std::fprintf(stderr, "sdw shot: --data: %s\n", wb.panel<UncertaintyPanel>().dataError().c_str());
        return cli::kExitModelError;
    }
    if ((o.view == "fan" || o.view == "howsure") &&
        !prepareFan(host, wb, o.runs, o.seed, o.view == "howsure"))
        rc = cli::kExitModelError;
    if (o.view == "fit" && !prepareFit(host, wb, o.fits)) rc = cli::kExitModelError;
    if (o.view == "tornado" && !prepareTornado(host, wb, o.outcome, o.time, o.method, o.budget, o.seed))
        rc = cli::kExitModelError;
    if (o.range) {
        auto& panel = wb.panel<UncertaintyPanel>();
        panel.setFanOptions({o.runs, o.seed});
        if (!panel.startBusinessRange(wb) || !panel.settleBusinessRange(wb, std::chrono::minutes(30))) {
            std::fprintf(stderr, "sdw shot: %s\n", panel.rangeMessage().c_str());
            rc = cli::kExitModelError;
        }
    }
    if (o.time) wb.session().playback().time = *o.time;
    for (int f = 0; f < std::max(1, o.frames - 1); ++f) {
        host.frame(wb);
        wb.settle();
    }
    if (!o.chartPng.empty()) {
        wb.exportChartPng(o.chartPng);
        host.frame(wb);
        std::printf("%s\n", wb.session().status().c_str());
    }
    std::vector<unsigned char> px;
    int cw = 0, ch = 0;
    host.frame(wb, &px, &cw, &ch);
    if (!Host::writePng(o.out, cw, ch, px)) {
        std::fprintf(stderr, "sdw shot: could not write %s\n", o.out.c_str());
        return cli::kExitModelError;
    }
    std::printf("wrote %s (%dx%d, view %s)\n", o.out.c_str(), cw, ch, o.view.c_str());
    return rc;
}

}  // namespace

int cmdShot(int argc, char** argv) {
    ShotOptions o;
    int rc = cli::kExitOk;
    if (!parseShot(argc, argv, o, rc)) return rc;
    Host host;
    std::string error;
    if (!host.start(o.width, o.height, o.scale, error)) {
        std::fprintf(
            stderr,
            "sdw shot: %s. Run it under a display, e.g. xvfb-run -a -s \"-screen 0 1600x1000x24\" sdw shot "
            "...\n",
            error.c_str());
        return cli::kExitModelError;
    }
    glfwSwapInterval(0);
    glfwSetCursorPos(host.window(), o.width - 2,
                     o.height - 2);  // keep the pointer off the panels: no stray hover
    Workbench wb;
    if (!wb.openFile(o.model, error)) {
        std::fprintf(stderr, "sdw shot: %s\n", error.c_str());
        return cli::kExitModelError;
    }
    return shoot(host, wb, o);
}

}  // namespace sdw::ui
