// Document::layOutMissing: places the variables the diagram does not show, so a model read without a sketch
// can be seen and edited. Layer: workbench/app (no ImGui).
#include <algorithm>
#include <limits>

#include "workbench/app/document.hpp"
#include "workbench/app/relations.hpp"

namespace sdw::app {

using Kind = model::ViewObject::Kind;

namespace {

constexpr double kLeft = 200, kTop = 160;
constexpr double kStockGap = 300, kStockRowGap = 220;  // stocks: 5 a row
constexpr double kCellWidth = 180, kCellHeight = 90;   // the rest: 6 a row
constexpr size_t kStocksPerRow = 5, kCellsPerRow = 6;
constexpr double kLoosePipe = 150;  // a pipe to or from a cloud

}  // namespace

size_t Document::layOutMissing() {
    const model::Model& m = model();
    std::vector<const model::Variable*> missing;
    for (const auto& v : m.variables)
        if (!viewObject(v.name)) missing.push_back(&v);
    if (missing.empty()) return 0;
    checkpoint();
    ensureView();
    // Below whatever the diagram holds already.
    double top = kTop;
    for (const auto& o : view().objects)
        if (o.kind != Kind::Connector) top = std::max(top, o.y + kStockRowGap);
    std::vector<std::string> stocks, others;
    for (const auto* v : missing) (v->kind == model::VarKind::Stock ? stocks : others).push_back(v->name);
    auto add = [&](Kind kind, const std::string& name, double x, double y) {
        model::ViewObject o;
        o.kind = kind;
        o.name = name;
        o.x = x;
        o.y = y;
        if (kind == Kind::Stock) {
            o.width = kStockWidth;
            o.height = kStockHeight;
        }
        mainView().objects.push_back(o);
    };
    for (size_t i = 0; i < stocks.size(); ++i)
        add(Kind::Stock, stocks[i], kLeft + kStockGap * static_cast<double>(i % kStocksPerRow),
            top + kStockRowGap * static_cast<double>(i / kStocksPerRow));
    const double gridTop =
        top + (stocks.empty()
                   ? 0
                   : kStockRowGap * static_cast<double>((stocks.size() + kStocksPerRow - 1) / kStocksPerRow));
    // A flow runs from the stock it drains to the stock it fills; an end with no stock is a cloud.
    auto stockOf = [&](const std::string& flow, bool drains) -> const model::ViewObject* {
        for (const auto& v : m.variables)
            if (v.kind == model::VarKind::Stock)
                for (const auto& f : drains ? v.outflows : v.inflows)
                    if (model::canonicalName(f) == model::canonicalName(flow)) return viewObject(v.name);
        return nullptr;
    };
    size_t cell = 0;
    std::vector<std::string> touchedStocks;
    for (const std::string& name : others) {
        const auto* v = m.find(name);
        const auto* from = v->kind == model::VarKind::Flow ? stockOf(name, true) : nullptr;
        const auto* to = v->kind == model::VarKind::Flow ? stockOf(name, false) : nullptr;
        if (from || to) {
            const double x1 = from ? from->x : to->x - kLoosePipe, y1 = from ? from->y : to->y;
            const double x2 = to ? to->x : from->x + kLoosePipe, y2 = to ? to->y : from->y;
            for (const auto* s : {from, to})  // before adding: that may move the objects
                if (s) touchedStocks.push_back(s->name);
            add(Kind::Flow, name, (x1 + x2) / 2, (y1 + y2) / 2);
            mainView().objects.back().points = {{x1, y1}, {x2, y2}};
            continue;
        }
        const double x = kLeft + kCellWidth * static_cast<double>(cell % kCellsPerRow);
        const double y = gridTop + kCellHeight * static_cast<double>(cell / kCellsPerRow);
        ++cell;
        const Kind kind = v->kind == model::VarKind::Flow     ? Kind::Flow
                          : v->kind == model::VarKind::Module ? Kind::Module
                                                              : Kind::Aux;
        add(kind, name, x, y);
        if (kind == Kind::Flow)
            mainView().objects.back().points = {{x - kLoosePipe / 2, y}, {x + kLoosePipe / 2, y}};
    }
    for (const auto& s : touchedStocks) updatePipeEnds(s);
    // Connectors into each placed variable that is not a stock (a stock's causes are its pipes).
    for (const auto* v : missing) {
        if (v->kind == model::VarKind::Stock) continue;
        for (const std::string& cause : relationsOf(m, v->name).causes) {
            if (!viewObject(cause) || model::canonicalName(cause) == model::canonicalName(v->name)) continue;
            model::ViewObject c;
            c.kind = Kind::Connector;
            c.from = cause;
            c.to = v->name;
            c.uid = nextUid();
            mainView().objects.push_back(c);
        }
    }
    touched();
    return missing.size();
}

}  // namespace sdw::app
