// The sketch section of a .mdl file -> model::View objects: variables (10), valves (11), clouds (12) and
// arrows (1); unknown object types are ignored. Layer: solver. Depends on model/ only.
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "solver/mdl/mdl_internal.hpp"

namespace sdw::mdl::detail {
namespace {

struct SketchObject {
    int type = 0;
    int id = 0;
    std::string name;
    double x = 0, y = 0, w = 0, h = 0;
    int bits = 0;
    int from = 0, to = 0, shape = 0;  // arrows
    std::vector<std::pair<double, double>> points;
};

// Comma-separated fields; a field in double quotes may hold commas.
std::vector<std::string> fields(const std::string& line) {
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false;
    for (size_t k = 0; k < line.size(); ++k) {
        const char c = line[k];
        if (quoted && c == '\\' && k + 1 < line.size() && line[k + 1] == '"') {  // \" inside a quoted name
            cur += c;
            cur += line[++k];
            continue;
        }
        if (c == '"') quoted = !quoted;
        if (c == ',' && !quoted) {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(cur);
    return out;
}

double num(const std::vector<std::string>& f, size_t k) {
    return k < f.size() ? std::strtod(f[k].c_str(), nullptr) : 0.0;
}

// An integer field (ids, flags): a NaN or 1e30 in a damaged sketch must not reach an int cast, which is
// undefined behaviour; such a field reads as 0.
int intNum(const std::vector<std::string>& f, size_t k) {
    const double v = num(f, k);
    return std::isfinite(v) && std::fabs(v) < 2e9 ? static_cast<int>(v) : 0;
}

std::vector<std::pair<double, double>> points(const std::string& line) {
    std::vector<std::pair<double, double>> out;
    size_t at = line.find('|');
    while (at != std::string::npos && (at = line.find('(', at)) != std::string::npos) {
        char* e = nullptr;
        const double x = std::strtod(line.c_str() + at + 1, &e);
        if (*e != ',') break;
        const double y = std::strtod(e + 1, &e);
        if (*e != ')') break;
        out.push_back({x, y});
        at = static_cast<size_t>(e - line.c_str());
    }
    return out;
}

std::string unquote(const std::string& s) {
    const std::string t = unquoteName(trim(s));
    std::string out;
    for (size_t k = 0; k < t.size(); ++k) {  // "\n" in a sketch name is a line break in the label
        if (t[k] == '\\' && k + 1 < t.size() && t[k + 1] == 'n')
            out += ' ', ++k;
        else
            out += t[k];
    }
    return squeeze(out);
}

class ViewBuilder {
  public:
    explicit ViewBuilder(const std::map<std::string, model::VarKind>& kinds) : m_kinds(kinds) {}

    void add(const SketchObject& o) {
        m_order.push_back(o.id);
        m_objects[o.id] = o;
    }

    model::View build(const std::string& name) {
        model::View v;
        v.name = name;
        std::set<std::string> placed;
        for (int id : m_order) {
            const SketchObject& o = m_objects[id];
            if (o.type != 10) continue;
            auto kind = m_kinds.find(model::canonicalName(o.name));
            if (kind == m_kinds.end()) continue;  // comments and names that are not variables
            model::ViewObject vo;
            vo.name = o.name;
            vo.uid = std::to_string(o.id);
            vo.x = o.x;
            vo.y = o.y;
            const bool ghost = (o.bits & 1) == 0 || placed.count(kind->first);
            if (ghost) {
                vo.kind = model::ViewObject::Kind::Alias;
                m_aliases.insert(o.id);
            } else if (kind->second == model::VarKind::Stock) {
                vo.kind = model::ViewObject::Kind::Stock;
                vo.width =
                    2 * o.w;  // Vensim writes half sizes; other objects' sizes are label boxes, not kept
                vo.height = 2 * o.h;
            } else if (kind->second == model::VarKind::Flow) {
                vo.kind = model::ViewObject::Kind::Flow;
                flowGeometry(o, vo);
            } else {
                vo.kind = model::ViewObject::Kind::Aux;
            }
            placed.insert(kind->first);
            v.objects.push_back(std::move(vo));
        }
        for (int id : m_order) {
            const SketchObject& o = m_objects[id];
            if (o.type != 1 || isValve(o.from)) continue;  // arrows from valves are pipes
            const std::string from = nameOf(o.from), to = nameOf(o.to);
            if (from.empty() || to.empty()) continue;
            model::ViewObject c;
            c.kind = model::ViewObject::Kind::Connector;
            c.uid = std::to_string(o.id);
            c.from = from;
            c.to = to;
            c.fromAlias = m_aliases.count(o.from) > 0;  // an alias end is named by its uid
            c.toAlias = m_aliases.count(o.to) > 0;
            if (c.fromAlias) c.from = std::to_string(o.from);
            if (c.toAlias) c.to = std::to_string(o.to);
            c.angle = startAngle(m_objects[o.from], m_objects[o.to], o.points);
            v.objects.push_back(std::move(c));
        }
        return v;
    }

  private:
    // XMILE's connector angle is the direction leaving `from`, in degrees counter-clockwise (y up). Vensim
    // stores a point the arc passes through; on a circular arc the tangent at the start is as far from the
    // chord to that point as that chord is from the whole chord.
    static std::optional<double> startAngle(const SketchObject& f, const SketchObject& t,
                                            const std::vector<std::pair<double, double>>& pts) {
        const double chord = std::atan2(-(t.y - f.y), t.x - f.x);
        if (pts.empty() || (pts[0].first == f.x && pts[0].second == f.y)) return chord * 180.0 / M_PI;
        const double mid = std::atan2(-(pts[0].second - f.y), pts[0].first - f.x);
        double a = (2 * mid - chord) * 180.0 / M_PI;
        while (a > 180) a -= 360;
        while (a <= -180) a += 360;
        return a;
    }

    bool isValve(int id) const {
        auto it = m_objects.find(id);
        return it != m_objects.end() && it->second.type == 11;
    }

    // The valve a flow's name belongs to: the object just before it, or else the nearest valve.
    int valveOf(const SketchObject& flow) const {
        if (isValve(flow.id - 1)) return flow.id - 1;
        int best = 0;
        double bestD = 1e300;
        for (const auto& [id, o] : m_objects)
            if (o.type == 11) {
                const double d = std::hypot(o.x - flow.x, o.y - flow.y);
                if (d < bestD) bestD = d, best = id;
            }
        return best;
    }

    void flowGeometry(const SketchObject& o, model::ViewObject& vo) {
        const int valve = valveOf(o);
        if (!valve) return;
        const SketchObject& v = m_objects[valve];
        m_valveName[valve] = o.name;
        vo.x = v.x;
        vo.y = v.y;
        std::optional<std::pair<double, double>> source, sink;
        for (const auto& [id, a] : m_objects) {
            if (a.type != 1 || a.from != valve) continue;
            auto end = m_objects.find(a.to);
            if (end == m_objects.end()) continue;
            // Vensim writes a straight pipe's middle as its one point and draws the pipe to the object: the
            // pipe ended short of its stock (SIR's Succumbing at 306 and 355, the stocks' edges at 288 and
            // 373). A bent pipe's points are its bends: the last is kept, as before.
            const auto at = a.points.size() > 1 ? a.points.back() : pipeEnd(v, end->second);
            (a.shape == 100 ? source : sink) = at;
        }
        vo.points.push_back(source.value_or(std::make_pair(v.x, v.y)));
        vo.points.push_back(sink.value_or(std::make_pair(v.x, v.y)));
    }

    // Where a straight pipe from the valve `v` meets the object at its end: the side of a stock's box that
    // faces the valve (Vensim writes half sizes), the centre of anything else (a cloud).
    std::pair<double, double> pipeEnd(const SketchObject& v, const SketchObject& end) const {
        const auto kind = m_kinds.find(model::canonicalName(end.name));
        if (end.type != 10 || kind == m_kinds.end() || kind->second != model::VarKind::Stock)
            return {end.x, end.y};
        const double dx = end.x - v.x, dy = end.y - v.y;
        if (std::abs(dx) >= std::abs(dy)) return {end.x - (dx > 0 ? end.w : -end.w), v.y};
        return {v.x, end.y - (dy > 0 ? end.h : -end.h)};
    }

    std::string nameOf(int id) const {
        auto it = m_objects.find(id);
        if (it == m_objects.end()) return "";
        if (it->second.type == 10)
            return m_kinds.count(model::canonicalName(it->second.name)) ? it->second.name : "";
        if (it->second.type == 11) {
            auto n = m_valveName.find(id);
            return n == m_valveName.end() ? "" : n->second;
        }
        return "";
    }

    const std::map<std::string, model::VarKind>& m_kinds;
    std::map<int, SketchObject> m_objects;
    std::vector<int> m_order;
    std::map<int, std::string> m_valveName;
    std::set<int> m_aliases;  // ids of shadow variables in this view
};

}  // namespace

std::vector<model::View> readSketch(const std::string& sketch,
                                    const std::map<std::string, model::VarKind>& kinds) {
    std::vector<model::View> views;
    std::istringstream in(sketch);
    std::string line, viewName;
    std::optional<ViewBuilder> current;
    auto flush = [&] {
        if (current) views.push_back(current->build(viewName));
        current.reset();
    };
    while (std::getline(in, line)) {
        if (line.rfind("///---", 0) == 0) break;  // end of the sketch; settings follow
        if (!line.empty() && line[0] == '*') {
            flush();
            viewName = trim(line.substr(1));
            current.emplace(kinds);
            continue;
        }
        if (!current || line.empty() || !std::isdigit((unsigned char)line[0])) continue;
        const std::vector<std::string> f = fields(line);
        SketchObject o;
        o.type = std::atoi(f[0].c_str());
        o.id = intNum(f, 1);
        if (o.type == 10 || o.type == 11 || o.type == 12) {
            if (o.type == 10) o.name = unquote(f.size() > 2 ? f[2] : "");
            o.x = num(f, 3);
            o.y = num(f, 4);
            o.w = num(f, 5);
            o.h = num(f, 6);
            o.bits = intNum(f, 8);
        } else if (o.type == 1) {
            o.from = intNum(f, 2);
            o.to = intNum(f, 3);
            o.shape = intNum(f, 4);
            o.points = points(line);
        } else {
            continue;
        }
        current->add(o);
    }
    flush();
    return views;
}

}  // namespace sdw::mdl::detail
