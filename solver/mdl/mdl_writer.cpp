// The .mdl writer: variables, stocks as INTEG, graphical functions as lookups, subscript ranges, macros, the
// control section and a sketch (see mdl_writer.hpp). Layer: solver. Depends on model/, diag/, the equation
// parser and the standard library.
#include "solver/mdl/mdl_writer.hpp"

#include <cctype>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "solver/mdl/mdl_write_internal.hpp"

namespace sdw::mdl {
namespace detail {

std::string vensimSpelling(const std::string& name) {
    const std::string& s =
        name;  // underscores stay: Vensim reads them as spaces, and the names stay the user's
    bool plain = !s.empty() && !std::isdigit(static_cast<unsigned char>(s[0]));
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (!(std::isalnum(u) || u >= 0x80 || c == ' ' || c == '_' || c == '$' || c == '\'' || c == '&'))
            plain = false;
    }
    if (plain) return s;
    std::string quoted = "\"";
    for (char c : name) quoted += c == '"' ? std::string("\\\"") : std::string(1, c);
    return quoted + "\"";
}

VensimNames::VensimNames(const model::Project& project, const model::Model& model)
    : m_vensimMeaning(model::writtenByVensim(project)) {
    for (const model::Dimension& d : project.dimensions) {
        m_spelling[model::canonicalName(d.name)] = vensimSpelling(d.name);
        for (const std::string& e : d.elements)
            m_spelling.emplace(model::canonicalName(e), vensimSpelling(e));
    }
    for (const model::Variable& v : model.variables) {
        const std::string c = model::canonicalName(v.name);
        m_spelling[c] = vensimSpelling(v.name);
        for (const std::string& d : v.dimensions) m_dims[c].push_back(model::canonicalName(d));
        if (v.gf) m_functions.insert(c);
    }
    for (const model::Macro& m : project.macros) {
        m_spelling[model::canonicalName(m.name)] = vensimSpelling(m.name);
        m_functions.insert(model::canonicalName(m.name));
    }
}

std::string VensimNames::of(const std::string& canonical, const std::string& written) const {
    auto it = m_spelling.find(canonical);
    return it != m_spelling.end() ? it->second : vensimSpelling(written.empty() ? canonical : written);
}

std::string VensimNames::dimensionOf(const std::string& canonical, size_t k) const {
    auto it = m_dims.find(canonical);
    return it == m_dims.end() || k >= it->second.size() ? "" : it->second[k];
}

}  // namespace detail

namespace {

using detail::vensimSpelling;

std::string number(double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);  // the shortest text that reads back exactly
    return std::string(buf, r.ptr);
}

// Text in a comment or units field: '~' and '|' would end the field.
std::string field(const std::string& s) {
    std::string out;
    for (char c : s) out += c == '|' ? '/' : c == '~' ? '-' : c;
    return out;
}

std::string table(const model::GraphicalFunction& gf) {
    double x0 = gf.xs.empty() ? 0 : gf.xs.front(), x1 = gf.xs.empty() ? 0 : gf.xs.back();
    double y0 = gf.ys.empty() ? 0 : gf.ys.front(), y1 = y0;
    for (double y : gf.ys) y0 = std::min(y0, y), y1 = std::max(y1, y);
    if (gf.xscale) x0 = std::min(x0, gf.xscale->first), x1 = std::max(x1, gf.xscale->second);
    if (gf.yscale) y0 = std::min(y0, gf.yscale->first), y1 = std::max(y1, gf.yscale->second);
    std::string out = "[(" + number(x0) + "," + number(y0) + ")-(" + number(x1) + "," + number(y1) + ")]";
    for (size_t k = 0; k < gf.xs.size() && k < gf.ys.size(); ++k)
        out += ",(" + number(gf.xs[k]) + "," + number(gf.ys[k]) + ")";
    return out;  // the caller puts it in parentheses
}

class Writer {
  public:
    Writer(const model::Project& p, diag::Diagnostics& d) : m_p(p), m_diags(d) {}

    std::optional<std::string> run() {
        m_out << "{UTF-8}\n";
        for (const model::Macro& m : m_p.macros) macro(m);
        for (const model::Dimension& d : m_p.dimensions) dimension(d);
        const detail::VensimNames names(m_p, m_p.main());
        for (const model::Variable& v : m_p.main().variables) variable(v, m_p.main(), names);
        control();
        sketch();
        if (m_failed) return std::nullopt;
        return m_out.str();
    }

  private:
    void fail(const std::string& where, int line, const std::string& msg) {
        m_failed = true;
        m_diags.error(diag::code::kNotVensim, where, msg, 0, line);
    }
    void warn(const std::string& where, int line, const std::string& msg) {
        m_diags.warning(diag::code::kVensimApprox, where, msg, 0, line);
    }

    void entry(const std::string& lhs, const std::string& rhs, const std::string& units,
               const std::string& doc) {
        m_out << lhs << (rhs.empty() ? "" : " =\n\t" + rhs) << "\n\t~\t" << field(units) << "\n\t~\t"
              << field(doc) << "\n\t|\n\n";
    }

    std::optional<std::string> expr(const std::string& xmile, const model::Variable& v,
                                    const detail::VensimNames& names) {
        auto r = detail::toVensim(xmile, names, v.name, v.line, m_diags);
        if (!r) m_failed = true;
        return r;
    }

    void dimension(const model::Dimension& d) {
        std::string items;
        if (d.indexed && !d.elements.empty())
            items = "(1-" + std::to_string(d.elements.size()) + ")";
        else
            for (const std::string& e : d.elements) items += (items.empty() ? "" : ", ") + vensimSpelling(e);
        std::string maps;
        for (const std::string& m : d.maps) maps += (maps.empty() ? " -> " : ", ") + vensimSpelling(m);
        m_out << vensimSpelling(d.name) << ":\n\t" << items << maps << "\n\t~\t\n\t~\t\n\t|\n\n";
    }

    void macro(const model::Macro& m) {
        std::string params;
        for (const std::string& p : m.params) params += (params.empty() ? "" : ", ") + vensimSpelling(p);
        m_out << ":MACRO: " << vensimSpelling(m.name) << "(" << params << ")\n";
        const detail::VensimNames names(m_p, m.body);
        if (!m.equation.empty()) {
            model::Variable self;
            self.name = m.name;
            if (auto r = expr(m.equation, self, names)) entry(vensimSpelling(m.name), *r, "", m.doc);
        }
        for (const model::Variable& v : m.body.variables) variable(v, m.body, names);
        m_out << ":END OF MACRO:\n\n";
    }

    std::string lhs(const model::Variable& v, const std::vector<std::string>& subs) const {
        std::string out = vensimSpelling(v.name);
        for (size_t k = 0; k < subs.size(); ++k) out += (k ? "," : "[") + vensimSpelling(subs[k]);
        return out + (subs.empty() ? "" : "]");
    }

    // A stock's rate from its flows, each with the stock's subscripts (or element) when it is arrayed.
    std::string rate(const model::Variable& stock, const model::Model& m,
                     const std::vector<std::string>& subs) {
        std::string out;
        for (const auto* list : {&stock.inflows, &stock.outflows})
            for (const std::string& f : *list) {
                const model::Variable* flow = m.find(f);
                std::string term = vensimSpelling(flow ? flow->name : f);
                if (flow && !flow->dimensions.empty() && !subs.empty()) {
                    for (size_t k = 0; k < subs.size(); ++k)
                        term += (k ? "," : "[") + vensimSpelling(subs[k]);
                    term += "]";
                }
                const bool minus = list == &stock.outflows;
                out += (out.empty() ? (minus ? "-" : "") : (minus ? " - " : " + ")) + term;
            }
        return out.empty() ? "0" : out;
    }

    // The right-hand side of one equation (the variable's, or one element's).
    std::optional<std::string> rhs(const model::Variable& v, const std::string& equation,
                                   const std::optional<model::GraphicalFunction>& gf, const model::Model& m,
                                   const std::vector<std::string>& subs, const detail::VensimNames& names) {
        const bool blank = equation.find_first_not_of(" \t\r\n") == std::string::npos;
        if (gf && blank) return std::string();  // a lookup definition: the table alone, written by the caller
        auto e = blank ? std::optional<std::string>("0") : expr(equation, v, names);
        if (!e) return std::nullopt;
        if (v.kind == model::VarKind::Stock) return "INTEG(" + rate(v, m, subs) + ", " + *e + ")";
        if (gf) {
            if (gf->kind != model::GraphicalFunction::Kind::Continuous)
                warn(v.name, v.line,
                     "Vensim lookups hold their end values and interpolate: this one's " +
                         std::string(model::gfKindName(gf->kind)) + " behaviour is not kept");
            return "WITH LOOKUP(" + *e + ", (" + table(*gf) + "))";
        }
        return v.kind == model::VarKind::Flow && v.nonNegative ? "MAX(" + *e + ", 0)" : *e;
    }

    void one(const model::Variable& v, const std::vector<std::string>& subs, const std::string& equation,
             const std::optional<model::GraphicalFunction>& gf, const model::Model& m,
             const detail::VensimNames& names) {
        const std::string units =
            v.units + (v.range ? " [" + number(v.range->min) + "," + number(v.range->max) +
                                     (v.range->step ? "," + number(*v.range->step) : "") + "]"
                               : "");
        auto r = rhs(v, equation, gf, m, subs, names);
        if (!r) return;
        if (r->empty() && gf)
            m_out << lhs(v, subs) << "(\n\t" << table(*gf) << ")\n\t~\t" << field(units) << "\n\t~\t"
                  << field(v.doc) << "\n\t|\n\n";
        else
            entry(lhs(v, subs), *r, units, v.doc);
    }

    void variable(const model::Variable& v, const model::Model& m, const detail::VensimNames& names) {
        if (v.kind == model::VarKind::Module) {
            fail(v.name, v.line,
                 "modules have no Vensim form: '" + v.name + "' uses the model '" + v.moduleModel +
                     "'; write its variables into the main model to convert it");
            return;
        }
        // Only outflows are cut at zero: a non-negative stock with none reads the same in Vensim.
        if (v.kind == model::VarKind::Stock && v.nonNegative && !v.outflows.empty())
            warn(v.name, v.line,
                 "Vensim has no non-negative stocks: '" + v.name +
                     "' is written as an ordinary stock, so its outflows are no longer cut when "
                     "it would fall below zero");
        if (v.elements.empty()) return one(v, v.dimensions, v.equation, v.gf, m, names);
        for (const model::ElementEquation& e : v.elements) {
            const bool own = e.equation.find_first_not_of(" \t\r\n") != std::string::npos;
            one(v, e.subscripts, own ? e.equation : v.equation, e.gf ? e.gf : v.gf, m, names);
        }
    }

    void control() {
        const model::SimSpecs& s = m_p.specs;
        if (s.method != "euler")
            warn("sim specs", 0,
                 "the integration method (" + s.method +
                     ") is chosen in Vensim's settings, not written in the .mdl: choose it there");
        m_out << "********************************************************\n\t.Control\n"
                 "********************************************************~\n\t\tSimulation Control "
                 "Parameters\n\t|\n\n";
        // A control the model keeps as a variable (it changes during the run) is written with the variables.
        auto fixed = [&](const char* canonical) {
            for (const model::Variable& v : m_p.main().variables)
                if (model::canonicalName(v.name) == canonical) return false;
            return true;
        };
        if (fixed("final_time"))
            entry("FINAL TIME", number(s.stop), s.timeUnits, "The final time for the simulation.");
        if (fixed("initial_time"))
            entry("INITIAL TIME", number(s.start), s.timeUnits, "The initial time for the simulation.");
        if (fixed("saveper"))
            entry("SAVEPER", s.saveper ? number(*s.saveper) : "TIME STEP", s.timeUnits + " [0,?]",
                  "The frequency with which output is stored.");
        if (fixed("time_step"))
            entry("TIME STEP", number(s.dt), s.timeUnits + " [0,?]", "The time step for the simulation.");
    }

    void sketch();

    const model::Project& m_p;
    diag::Diagnostics& m_diags;
    std::ostringstream m_out;
    bool m_failed = false;
};

// The first view's stocks, flows (a valve with its name, and pipes to its stocks) and auxiliaries at their
// places, with the arrows between them.
void Writer::sketch() {
    m_out << "\\\\\\---/// Sketch information - do not modify anything except names\n"
             "V300  Do not put anything below this section - it will be ignored\n*View 1\n"
             "$192-192-192,0,Times New Roman|12||0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|96,96,100,0\n";
    if (m_p.main().views.empty()) return;
    std::map<std::string, int> ids;  // canonical variable name -> sketch id of its object
    std::map<std::string, std::pair<double, double>> at;
    int next = 1;
    const auto& objects = m_p.main().views.front().objects;
    for (const model::ViewObject& o : objects) {
        using K = model::ViewObject::Kind;
        if (o.kind != K::Stock && o.kind != K::Aux && o.kind != K::Flow) continue;
        const std::string c = model::canonicalName(o.name);
        if (ids.count(c) || !m_p.main().find(o.name)) continue;
        const int x = static_cast<int>(o.x), y = static_cast<int>(o.y);
        const std::string name = vensimSpelling(m_p.main().find(o.name)->name);
        if (o.kind == K::Flow) {
            m_out << "11," << next << ",0," << x << "," << y << ",6,8,34,3,0,0,1,0,0,0\n";
            ids[c + "\x1fvalve"] = next++;
            m_out << "10," << next << "," << name << "," << x << "," << (y + 16)
                  << ",40,11,40,3,0,0,-1,0,0,0\n";
        } else if (o.kind == K::Stock) {
            m_out << "10," << next << "," << name << "," << x << "," << y << ",40,20,3,3,0,0,0,0,0,0\n";
        } else {
            m_out << "10," << next << "," << name << "," << x << "," << y << ",40,11,8,3,0,0,0,0,0,0\n";
        }
        at[c] = {o.x, o.y};
        ids[c] = next++;
    }
    for (const model::Variable& v : m_p.main().variables) {  // pipes from each valve to its stocks
        if (v.kind != model::VarKind::Stock || !ids.count(model::canonicalName(v.name))) continue;
        const auto [sx, sy] = at[model::canonicalName(v.name)];
        for (const auto* list : {&v.inflows, &v.outflows})
            for (const std::string& f : *list) {
                auto valve = ids.find(model::canonicalName(f) + "\x1fvalve");
                if (valve == ids.end()) continue;
                m_out << "1," << next++ << "," << valve->second << "," << ids[model::canonicalName(v.name)]
                      << "," << (list == &v.outflows ? 100 : 4) << ",0,0,22,0,0,0,-1--1--1,,1|("
                      << static_cast<int>(sx) << "," << static_cast<int>(sy) << ")|\n";
            }
    }
    for (const model::ViewObject& o : objects) {  // arrows
        if (o.kind != model::ViewObject::Kind::Connector || o.fromAlias || o.toAlias) continue;
        auto from = ids.find(model::canonicalName(o.from)), to = ids.find(model::canonicalName(o.to));
        if (from == ids.end() || to == ids.end()) continue;
        const auto [fx, fy] = at[from->first];
        const auto [tx, ty] = at[to->first];
        m_out << "1," << next++ << "," << from->second << "," << to->second << ",0,0,0,0,0,64,0,-1--1--1,,1|("
              << static_cast<int>((fx + tx) / 2) << "," << static_cast<int>((fy + ty) / 2) << ")|\n";
    }
}

}  // namespace

std::optional<std::string> writeString(const model::Project& project, diag::Diagnostics& diags) {
    if (project.models.empty()) return std::string("{UTF-8}\n");
    try {
        return Writer(project, diags).run();
    } catch (const std::exception& e) {  // a writer bug must not take the program down
        diags.error(diag::code::kNotVensim, project.name,
                    std::string("internal error writing Vensim text: ") + e.what());
        return std::nullopt;
    }
}

bool writeFile(const model::Project& project, const std::string& path, diag::Diagnostics& diags) {
    auto text = writeString(project, diags);
    if (!text) return false;
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary);
        out << *text;
        if (!out) {
            diags.error(diag::code::kFileUnreadable, path, "cannot write '" + tmp + "'");
            return false;
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        diags.error(diag::code::kFileUnreadable, path, "cannot write '" + path + "': " + ec.message());
        std::filesystem::remove(tmp, ec);
        return false;
    }
    return true;
}

}  // namespace sdw::mdl
