// Scenario files written from the session. Layer: workbench/app/levers. No ImGui, GLFW, GL or Lua headers.
#include "workbench/app/levers/scenario_file.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "workbench/app/levers/lever_set.hpp"
#include "workbench/app/session.hpp"

namespace sdw::app {
namespace {

// A Lua long string that the text cannot close early: [[...]], or [=[...]=] and so on.
std::string longString(const std::string& text) {
    std::string eq;
    while (text.find("]" + eq + "]") != std::string::npos) eq += '=';
    return "[" + eq + "[" + text + "]" + eq + "]";
}

// `name` as a table key: bare when it is a Lua identifier, else ["..."].
std::string key(const std::string& name) {
    bool ident = !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0]));
    for (char c : name) ident = ident && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
    if (ident) return name;
    std::string out = "[\"";
    for (char c : name) out += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
    return out + "\"]";
}

std::string number(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

}  // namespace

std::string scenarioText(const plugins::Scenario& s) {
    std::string out =
        "-- Scenario saved from the sdw workbench. Lua data: reopen it in the workbench or run it with\n"
        "-- sdw run MODEL --scenario FILE.\nreturn {\n";
    out += "  name = " + longString(s.name) + ",\n";
    out += "  description = " + longString(s.description) + ",\n";
    out += "  plugins = {\n";
    for (const auto& p : s.plugins) {
        if (p.params.empty()) {
            out += "    " + key(p.id) + " = true,\n";
            continue;
        }
        out += "    " + key(p.id) + " = {";
        for (const auto& [k, v] : p.params) out += " " + key(k) + " = " + number(v) + ",";
        out += " },\n";
    }
    out += "  },\n";
    if (!s.constants.empty()) {
        out += "  constants = {\n";
        for (const auto& [k, v] : s.constants) out += "    " + key(k) + " = " + number(v) + ",\n";
        out += "  },\n";
    }
    if (s.seed) out += "  seed = " + std::to_string(*s.seed) + ",\n";
    return out + "}\n";
}

plugins::Scenario currentScenario(const Session& session, const std::string& name,
                                  const std::string& description) {
    plugins::Scenario s;
    s.name = name;
    s.description = description;
    s.plugins = session.levers().selections();
    for (const auto& in : session.inputs())
        if (in.value != in.base) s.constants.emplace_back(in.name, in.value);
    // What a scenario being run sets beyond the levers and sliders (its times, its constants without a
    // slider) is part of what is set: saved too, so the file runs as the workbench does.
    const auto& set = session.levers();
    if (set.activeScenario() >= 0) {
        const auto& a = set.scenarios()[static_cast<size_t>(set.activeScenario())];
        s.start = a.start, s.stop = a.stop, s.dt = a.dt, s.saveper = a.saveper, s.method = a.method,
        s.seed = a.seed;
        for (const auto& [name, value] : a.constants) {
            bool slider = false;
            for (const auto& in : session.inputs())
                slider |= model::canonicalName(in.name) == model::canonicalName(name);
            if (!slider) s.constants.emplace_back(name, value);
        }
    }
    return s;
}

std::string scenarioFileFor(const std::string& modelPath, const std::string& name) {
    std::string file;
    for (char c : name)
        file += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_';
    return (std::filesystem::path(modelPath).parent_path() / "scenarios" / (file + ".lua")).string();
}

bool saveScenarioFile(const plugins::Scenario& scenario, const std::string& path, std::string& error) {
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary);
        out << scenarioText(scenario);
        if (!out) {
            error = "cannot write '" + tmp + "'";
            return false;
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        error = "cannot write '" + path + "': " + ec.message();
        std::filesystem::remove(tmp, ec);
        return false;
    }
    return true;
}

}  // namespace sdw::app
