// XMILE writer: the document (standard XMILE 1.0 namespace), header, sim specs, dimensions, models and
// macros, with the elements the reader kept put back; and the atomic file write. Variables and views:
// xmile_write_parts.cpp. Layer: solver (xmile). Depends on pugixml, model/ and POSIX file calls only.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <sstream>

#include "solver/xmile/xmile.hpp"
#include "solver/xmile/xml_support.hpp"

namespace sdw::xmile {
namespace {

using detail::appendRaw;
using detail::formatNumber;

void textChild(pugi::xml_node parent, const char* name, const std::string& text) {
    parent.append_child(name).text().set(text.c_str());
}

void numberChild(pugi::xml_node parent, const char* name, double v) {
    textChild(parent, name, formatNumber(v));
}

void writeHeader(pugi::xml_node root, const model::Project& p) {
    auto header = root.append_child("header");
    if (!p.name.empty()) textChild(header, "name", p.name);
    textChild(header, "vendor", p.vendor.empty() ? "sdw" : p.vendor);
    auto product = header.append_child("product");
    for (const auto& [k, v] : p.productAttrs) product.append_attribute(k.c_str()).set_value(v.c_str());
    if (p.product.empty()) {
        product.append_attribute("version").set_value("0.1.0");
        product.append_attribute("lang").set_value("en");
    }
    product.text().set(p.product.empty() ? "sdw" : p.product.c_str());
    for (const auto& x : p.headerExtraXml) appendRaw(header, x);
}

void writeSpecs(pugi::xml_node parent, const model::SimSpecs& s) {
    auto node = parent.append_child("sim_specs");
    if (!s.method.empty()) node.append_attribute("method").set_value(s.method.c_str());
    if (!s.timeUnits.empty()) node.append_attribute("time_units").set_value(s.timeUnits.c_str());
    if (s.saveper) detail::setNumber(node.append_attribute("isee:save_interval"), *s.saveper);
    for (const auto& [k, v] : s.extraAttrs) node.append_attribute(k.c_str()).set_value(v.c_str());
    numberChild(node, "start", s.start);
    numberChild(node, "stop", s.stop);
    if (s.dtReciprocal && s.dt > 0) {
        // Written back as the whole number the user typed when 1/dt is one (1/32 -> 32).
        double r = 1.0 / s.dt;
        if (std::fabs(r - std::round(r)) < 1e-9 * std::max(1.0, std::fabs(r))) r = std::round(r);
        auto dt = node.append_child("dt");
        dt.append_attribute("reciprocal").set_value("true");
        dt.text().set(formatNumber(r).c_str());
    } else {
        numberChild(node, "dt", s.dt);
    }
    detail::writeCalendar(node, s);
    detail::writeControl(node, s);
    for (const auto& x : s.extraXml) appendRaw(node, x);
}

void writeDimensions(pugi::xml_node root, const model::Project& p) {
    if (p.dimensions.empty()) return;
    auto dims = root.append_child("dimensions");
    for (const auto& d : p.dimensions) {
        auto node = dims.append_child("dim");
        node.append_attribute("name").set_value(d.name.c_str());
        if (d.maps.size() == 1) node.append_attribute("maps_to").set_value(d.maps.front().c_str());
        if (d.indexed) {
            node.append_attribute("size").set_value(static_cast<unsigned long long>(d.elements.size()));
        } else {
            for (const auto& e : d.elements)
                node.append_child("elem").append_attribute("name").set_value(e.c_str());
        }
        if (d.maps.size() > 1)
            for (const auto& m : d.maps) node.append_child("map").append_attribute("to").set_value(m.c_str());
    }
}

void writeModelBody(pugi::xml_node node, const model::Model& m) {
    auto vars = node.append_child("variables");
    for (const auto& v : m.variables) detail::writeVariable(vars, v);
    for (const auto& x : m.variablesExtraXml) appendRaw(vars, x);
    if (!m.views.empty() || !m.viewsExtraXml.empty()) detail::writeViews(node, m);
    for (const auto& x : m.extraXml) appendRaw(node, x);
}

void writeMacro(pugi::xml_node root, const model::Macro& mac) {
    auto node = root.append_child("macro");
    node.append_attribute("name").set_value(mac.name.c_str());
    for (size_t i = 0; i < mac.params.size(); ++i) {
        auto parm = node.append_child("parm");
        if (i < mac.paramDefaults.size() && mac.paramDefaults[i])
            parm.append_attribute("default").set_value(mac.paramDefaults[i]->c_str());
        parm.text().set(mac.params[i].c_str());
    }
    if (!mac.equation.empty()) textChild(node, "eqn", mac.equation);
    if (!mac.doc.empty()) textChild(node, "doc", mac.doc);
    if (mac.specs) writeSpecs(node, *mac.specs);
    if (!mac.body.variables.empty() || !mac.body.variablesExtraXml.empty() || !mac.body.views.empty()) {
        writeModelBody(node, mac.body);
    } else {
        for (const auto& x : mac.body.extraXml) appendRaw(node, x);
    }
}

// True when an element or attribute name anywhere in the document carries this prefix ("isee:").
bool usesPrefix(const pugi::xml_node root, const std::string& prefix) {
    struct Walker : pugi::xml_tree_walker {
        std::string prefix;
        bool found = false;
        bool for_each(pugi::xml_node& n) override {
            if (std::strncmp(n.name(), prefix.c_str(), prefix.size()) == 0) found = true;
            for (auto a : n.attributes())
                if (std::strncmp(a.name(), prefix.c_str(), prefix.size()) == 0) found = true;
            return !found;
        }
    } walker;
    walker.prefix = prefix;
    auto r = root;
    r.traverse(walker);
    return walker.found;
}

// <xmile>'s attributes: version and the standard namespace, the ones the file had, and a declaration for
// each extension prefix the document uses but the file did not declare.
void writeRootAttributes(pugi::xml_node root, const model::Project& p) {
    root.append_attribute("version").set_value("1.0");
    root.append_attribute("xmlns").set_value(detail::kXmileNs);
    for (const auto& [k, v] : p.rootAttrs) root.append_attribute(k.c_str()).set_value(v.c_str());
    const std::pair<const char*, const char*> known[] = {{"isee", detail::kIseeNs},
                                                         {detail::kSdwPrefix, detail::kSdwNs}};
    for (const auto& [prefix, uri] : known) {
        const std::string decl = std::string("xmlns:") + prefix;
        if (!root.attribute(decl.c_str()) && usesPrefix(root, std::string(prefix) + ":"))
            root.append_attribute(decl.c_str()).set_value(uri);
    }
}

}  // namespace

std::string writeString(const model::Project& p) {
    pugi::xml_document doc;
    auto root = doc.append_child("xmile");
    writeHeader(root, p);
    writeSpecs(root, p.specs);
    for (const auto& x : p.rootExtraXml) appendRaw(root, x);
    writeDimensions(root, p);
    for (const auto& m : p.models) {
        auto node = root.append_child("model");
        if (!m.name.empty()) node.append_attribute("name").set_value(m.name.c_str());
        writeModelBody(node, m);
    }
    for (const auto& mac : p.macros) writeMacro(root, mac);
    writeRootAttributes(root, p);
    return detail::printCanonical(doc);
}

bool writeFile(const model::Project& project, const std::string& path, std::string& error) {
    const std::string text = writeString(project);
    std::string tmpl = path + ".tmp-XXXXXX";
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) {
        error = "cannot create a temporary file beside '" + path + "': " + std::strerror(errno);
        return false;
    }
    struct stat st {};
    ::fchmod(fd, ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644);
    size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            error = "cannot write '" + tmpl + "': " + std::strerror(errno);
            ::close(fd);
            ::unlink(tmpl.c_str());
            return false;
        }
        done += static_cast<size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    if (::close(fd) != 0 || !synced) {
        error = "cannot flush '" + tmpl + "' to disk: " + std::strerror(errno);
        ::unlink(tmpl.c_str());
        return false;
    }
    if (std::rename(tmpl.c_str(), path.c_str()) != 0) {
        error = "cannot replace '" + path + "': " + std::strerror(errno);
        ::unlink(tmpl.c_str());
        return false;
    }
    return true;
}

}  // namespace sdw::xmile
