// Flow pipes as the document edits them: bends (XMILE <pts> beyond two points) moved, added and removed, pipe
// ends kept on the edges of the stocks they attach to, and the valve kept on the pipe.
// Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#include <algorithm>
#include <cmath>
#include <optional>

#include "workbench/app/document.hpp"

namespace sdw::app {

namespace {

using Point = std::pair<double, double>;
using Kind = model::ViewObject::Kind;

double segmentLength(const Point& a, const Point& b) {
    return std::hypot(b.first - a.first, b.second - a.second);
}

// A segment is "horizontal" or "vertical" within half a model unit: files from other tools carry round-off.
constexpr double kAxisTolerance = 0.5;

}  // namespace

double pipeFraction(const std::vector<Point>& pts, double x, double y) {
    if (pts.size() < 2) return 0.5;
    double total = 0, bestDist = INFINITY, bestAt = 0;
    for (size_t i = 1; i < pts.size(); ++i) {
        const Point &a = pts[i - 1], &b = pts[i];
        const double len = segmentLength(a, b);
        double t = 0;
        if (len > 0)
            t = std::clamp(
                ((x - a.first) * (b.first - a.first) + (y - a.second) * (b.second - a.second)) / (len * len),
                0.0, 1.0);
        const double px = a.first + t * (b.first - a.first), py = a.second + t * (b.second - a.second);
        const double dist = std::hypot(x - px, y - py);
        if (dist < bestDist) bestDist = dist, bestAt = total + t * len;
        total += len;
    }
    return total > 0 ? bestAt / total : 0.5;
}

Point pipePointAt(const std::vector<Point>& pts, double fraction, size_t* segment) {
    if (segment) *segment = 0;
    if (pts.empty()) return {0, 0};
    if (pts.size() == 1) return pts.front();
    double total = 0;
    for (size_t i = 1; i < pts.size(); ++i) total += segmentLength(pts[i - 1], pts[i]);
    double want = std::clamp(fraction, 0.0, 1.0) * total;
    for (size_t i = 1; i < pts.size(); ++i) {
        const double len = segmentLength(pts[i - 1], pts[i]);
        if (want <= len || i + 1 == pts.size()) {
            const double t = len > 0 ? std::clamp(want / len, 0.0, 1.0) : 0;
            if (segment) *segment = i - 1;
            return {pts[i - 1].first + t * (pts[i].first - pts[i - 1].first),
                    pts[i - 1].second + t * (pts[i].second - pts[i - 1].second)};
        }
        want -= len;
    }
    return pts.back();
}

namespace {

// Run an edit of a pipe's points and put the valve back on the pipe at the share of its length it had.
template <typename Edit>
void keepingValve(model::ViewObject& fo, Edit edit) {
    const double f = pipeFraction(fo.points, fo.x, fo.y);
    edit(fo.points);
    const Point v = pipePointAt(fo.points, f);
    fo.x = v.first;
    fo.y = v.second;
}

}  // namespace

// Put the pipe ends of every flow attached to this stock on the stock's edge. The first segment out of the
// stock keeps its direction: a horizontal one stays horizontal (the bend beside it slides with the stock), a
// vertical one vertical, so an orthogonal pipe stays orthogonal.
void Document::updatePipeEnds(const std::string& stockName) {
    const auto* stock = find(stockName);
    const auto* so = viewObject(stockName);
    if (!stock || !so) return;
    const double hw = so->width.value_or(kStockWidth) / 2, hh = so->height.value_or(kStockHeight) / 2;
    const double sx = so->x, sy = so->y;
    auto place = [&](const std::string& flowName, bool sourceEnd) {
        auto* fo = viewObjectMut(flowName);
        if (!fo || fo->kind != Kind::Flow || fo->points.size() < 2) return;
        keepingValve(*fo, [&](std::vector<Point>& pts) {
            const size_t n = pts.size();
            Point& end = sourceEnd ? pts[0] : pts[n - 1];
            Point& next = sourceEnd ? pts[1] : pts[n - 2];
            bool horizontal = false, keepAxis = true;
            if (n == 2) {  // a straight pipe points wherever its other end is, and stays straight
                horizontal = std::abs(next.first - sx) >= std::abs(next.second - sy);
            } else if (std::abs(next.second - end.second) < kAxisTolerance) {
                horizontal = true;
            } else if (std::abs(next.first - end.first) < kAxisTolerance) {
                horizontal = false;
            } else {  // a slanted first segment: attach on the side facing the bend, leave the bend alone
                horizontal = std::abs(next.first - sx) >= std::abs(next.second - sy);
                keepAxis = false;
            }
            if (horizontal) {
                end = {sx + (next.first >= sx ? hw : -hw), sy};
                if (keepAxis) next.second = sy;
            } else {
                end = {sx, sy + (next.second >= sy ? hh : -hh)};
                if (keepAxis) next.first = sx;
            }
        });
    };
    for (const auto& f : stock->outflows) place(f, true);
    for (const auto& f : stock->inflows) place(f, false);
}

bool Document::moveBend(const std::string& flow, size_t index, double x, double y) {
    auto* fo = viewObjectMut(flow);
    if (!fo || fo->kind != Kind::Flow || index == 0 || index + 1 >= fo->points.size()) return false;
    if (fo->points[index] == Point{x, y}) return false;
    keepingValve(*fo, [&](std::vector<Point>& pts) { pts[index] = {x, y}; });
    touched();
    return true;
}

std::optional<size_t> Document::addBend(const std::string& flow, size_t segment, double x, double y) {
    auto* fo = viewObjectMut(flow);
    if (!fo || fo->kind != Kind::Flow || segment + 1 >= fo->points.size()) return std::nullopt;
    checkpoint();
    fo = viewObjectMut(flow);  // checkpoint copied the project; the pointer still names the live one
    keepingValve(*fo, [&](std::vector<Point>& pts) {
        pts.insert(pts.begin() + static_cast<std::ptrdiff_t>(segment) + 1, Point{x, y});
    });
    touched();
    return segment + 1;
}

bool Document::removeBend(const std::string& flow, size_t index) {
    auto* fo = viewObjectMut(flow);
    if (!fo || fo->kind != Kind::Flow || index == 0 || index + 1 >= fo->points.size()) return false;
    checkpoint();
    fo = viewObjectMut(flow);
    keepingValve(
        *fo, [&](std::vector<Point>& pts) { pts.erase(pts.begin() + static_cast<std::ptrdiff_t>(index)); });
    touched();
    return true;
}

bool Document::straightenPipe(const std::string& flow) {
    auto* fo = viewObjectMut(flow);
    if (!fo || fo->kind != Kind::Flow || fo->points.size() <= 2) return false;
    checkpoint();
    fo = viewObjectMut(flow);
    keepingValve(*fo, [](std::vector<Point>& pts) { pts = {pts.front(), pts.back()}; });
    touched();
    return true;
}

bool Document::moveFlowEndTo(const std::string& flow, FlowEnd end, double x, double y) {
    const auto* f = find(flow);
    auto* fo = viewObjectMut(flow);
    if (!f || f->kind != model::VarKind::Flow || !fo || fo->points.size() < 2) return false;
    const std::string name = f->name;
    checkpoint();
    for (auto& v : mainModel().variables)
        if (v.kind == model::VarKind::Stock)
            std::erase_if(end == FlowEnd::Source ? v.outflows : v.inflows, [&](const std::string& n) {
                return model::canonicalName(n) == model::canonicalName(name);
            });
    fo = viewObjectMut(name);
    const bool source = end == FlowEnd::Source;
    keepingValve(*fo, [&](std::vector<Point>& pts) {
        const size_t n = pts.size();
        const Point moved{x, y};
        const Point& nb = source ? pts[1] : pts[n - 2];
        const Point& old = source ? pts[0] : pts[n - 1];
        const bool horizontal = std::abs(nb.second - old.second) < kAxisTolerance;
        const bool vertical = !horizontal && std::abs(nb.first - old.first) < kAxisTolerance;
        if (n == 2) {
            const Point fixed = nb;
            // The corner keeps the segment at the fixed end as it was.
            std::optional<Point> corner;
            if (horizontal && std::abs(y - fixed.second) >= kAxisTolerance) corner = Point{x, fixed.second};
            if (vertical && std::abs(x - fixed.first) >= kAxisTolerance) corner = Point{fixed.first, y};
            if (corner && *corner != moved)
                pts = source ? std::vector<Point>{moved, *corner, fixed}
                             : std::vector<Point>{fixed, *corner, moved};
            else
                pts = source ? std::vector<Point>{moved, fixed} : std::vector<Point>{fixed, moved};
            return;
        }
        Point& next = source ? pts[1] : pts[n - 2];
        if (horizontal) next.second = y;
        if (vertical) next.first = x;
        (source ? pts[0] : pts[n - 1]) = moved;
    });
    touched();
    return true;
}

}  // namespace sdw::app
