// Tests of the XMILE writer's canonical form and sdw's XMILE extensions: every shipped model is stored
// exactly as the writer writes it (opening and saving changes no byte), an edit changes only its own lines,
// and the calendar start and plausible ranges survive the round trip in their own namespace. Layer:
// tests/solver.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "solver/xmile/xmile.hpp"

using namespace sdw;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

// Lines of b that differ from the same line of a (the texts must have as many lines).
std::vector<std::string> changedLines(const std::string& a, const std::string& b) {
    const auto la = lines(a), lb = lines(b);
    REQUIRE(la.size() == lb.size());
    std::vector<std::string> out;
    for (size_t i = 0; i < la.size(); ++i)
        if (la[i] != lb[i]) out.push_back(lb[i]);
    return out;
}

model::Project read(const std::string& text, diag::Diagnostics& diags) {
    auto p = xmile::readString(text, diags);
    REQUIRE(p);
    return std::move(*p);
}

const char* const kHead =
    R"(<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0" xmlns:sdw="urn:sdw:xmile:1">)"
    "<header><vendor>v</vendor><product version=\"1\">p</product></header>";

}  // namespace

TEST_CASE("xmile: every shipped model is in the writer's canonical form (read and write changes no byte)",
          "[xmile][canonical]") {
    size_t seen = 0;
    for (const auto& e : fs::recursive_directory_iterator(fs::path(SDW_SOURCE_DIR) / "models")) {
        if (!e.is_regular_file() || e.path().extension() != ".xmile") continue;
        ++seen;
        INFO(e.path().string());
        const std::string text = slurp(e.path());
        diag::Diagnostics diags;
        const auto p = read(text, diags);
        CHECK_FALSE(diags.hasErrors());
        const std::string written = xmile::writeString(p);
        if (written != text) {
            const auto a = lines(text), b = lines(written);
            size_t i = 0;
            while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
            INFO("first difference at line " << i + 1 << ":\n  file:   " << (i < a.size() ? a[i] : "(end)")
                                             << "\n  writer: " << (i < b.size() ? b[i] : "(end)"));
            CHECK(written == text);
        }
    }
    CHECK(seen >= 5);  // the county model and the four teaching models
}

TEST_CASE("xmile: an edit to one variable changes only its own line of the file", "[xmile][canonical]") {
    const std::string text =
        slurp(fs::path(SDW_SOURCE_DIR) / "models/teaching/delayed_discharge/delayed_discharge.xmile");
    diag::Diagnostics diags;
    auto p = read(text, diags);
    auto* v = p.main().find("hospital_beds");
    REQUIRE(v);
    v->equation = "420";
    const auto changed = changedLines(text, xmile::writeString(p));
    REQUIRE(changed.size() == 1);
    CHECK(changed.front().find("<eqn>420</eqn>") != std::string::npos);
    // moving a symbol on the diagram changes that symbol's line only
    auto p2 = read(text, diags);
    for (auto& o : p2.main().views.front().objects)
        if (o.kind == model::ViewObject::Kind::Aux && o.name == "hospital_beds") o.x += 10;
    CHECK(changedLines(text, xmile::writeString(p2)).size() == 1);
}

TEST_CASE("xmile: the calendar start and plausible ranges round-trip in sdw's namespace",
          "[xmile][canonical]") {
    const std::string text = std::string(kHead) +
                             "<sim_specs time_units=\"weeks\"><start>0</start><stop>52</stop><dt>1</dt>"
                             "<sdw:calendar start=\"2025-01-01\"/></sim_specs><model><variables>"
                             "<aux name=\"k\"><eqn>0.3</eqn><range min=\"0\" max=\"1\"/>"
                             "<sdw:uncertainty min=\"0.2\" max=\"0.4\" dist=\"triangular\"/></aux>"
                             "</variables></model></xmile>";
    diag::Diagnostics diags;
    const auto p = read(text, diags);
    CHECK(diags.items().empty());
    CHECK(p.specs.calendarStart == "2025-01-01");
    const auto* k = p.main().find("k");
    REQUIRE(k);
    REQUIRE(k->uncertainty);
    CHECK(k->uncertainty->min == 0.2);
    CHECK(k->uncertainty->max == 0.4);
    REQUIRE(k->uncertainty->extraAttrs.size() == 1);  // a later version's distribution, kept as written
    CHECK(k->range->max == 1);                        // the slider range is a separate thing
    const std::string written = xmile::writeString(p);
    CHECK(written.find("xmlns:sdw=\"urn:sdw:xmile:1\"") != std::string::npos);
    CHECK(written.find("<sdw:calendar start=\"2025-01-01\"/>") != std::string::npos);
    CHECK(written.find("<sdw:uncertainty min=\"0.2\" max=\"0.4\" dist=\"triangular\"/>") !=
          std::string::npos);
    diag::Diagnostics again;
    CHECK(xmile::writeString(read(written, again)) == written);

    // A project without extensions declares no extension namespace; one that gains them declares it.
    model::Project plain;
    plain.models.emplace_back();
    CHECK(xmile::writeString(plain).find("xmlns:sdw") == std::string::npos);
    CHECK(xmile::writeString(plain).find("xmlns:isee") == std::string::npos);
    plain.specs.calendarStart = "2030-04-01";
    CHECK(xmile::writeString(plain).find("xmlns:sdw=\"urn:sdw:xmile:1\"") != std::string::npos);
}

TEST_CASE("xmile: an outcome's better direction and the price base round-trip", "[xmile][canonical]") {
    const std::string text =
        std::string(kHead) +
        "<sim_specs time_units=\"weeks\"><start>0</start><stop>52</stop>"
        "<sdw:calendar start=\"2025-01-01\" price_base=\"2025/26\"/></sim_specs>"
        "<model><variables><aux name=\"waits\"><eqn>3</eqn><sdw:outcome better=\"lower\"/>"
        "</aux><aux name=\"independent\"><eqn>0.6</eqn><sdw:outcome better=\"higher\"/>"
        "</aux><aux name=\"hours\"><eqn>1</eqn><sdw:outcome better=\"sideways\"/></aux>"
        "</variables></model></xmile>";
    diag::Diagnostics diags;
    const auto p = read(text, diags);
    CHECK(p.specs.priceBase == "2025/26");
    CHECK(p.main().find("waits")->better == model::Better::Lower);
    CHECK(p.main().find("independent")->better == model::Better::Higher);
    CHECK(p.main().find("hours")->better == model::Better::Unknown);
    REQUIRE(diags.warningCount() == 1);  // "sideways": kept as written, with a warning naming the variable
    CHECK(diag::format(diags.items()[0]).find("'hours'") != std::string::npos);
    const std::string written = xmile::writeString(p);
    CHECK(written.find("<sdw:calendar start=\"2025-01-01\" price_base=\"2025/26\"/>") != std::string::npos);
    CHECK(written.find("<sdw:outcome better=\"lower\"/>") != std::string::npos);
    CHECK(written.find("<sdw:outcome better=\"sideways\"/>") != std::string::npos);
    diag::Diagnostics again;
    CHECK(xmile::writeString(read(written, again)) == written);
}

TEST_CASE("xmile: an unusable extension is kept as written, with a warning naming it", "[xmile][canonical]") {
    const std::string text = std::string(kHead) +
                             "<sim_specs><start>0</start><stop>52</stop><sdw:calendar start=\"2025-02-30\"/>"
                             "</sim_specs><model><variables><aux name=\"k\"><eqn>1</eqn>"
                             "<sdw:uncertainty min=\"3\" max=\"2\"/></aux><aux name=\"j\"><eqn>1</eqn>"
                             "<sdw:uncertainty min=\"low\" max=\"2\"/></aux></variables></model></xmile>";
    diag::Diagnostics diags;
    const auto p = read(text, diags);
    CHECK_FALSE(diags.hasErrors());
    REQUIRE(diags.warningCount() == 3);
    for (const auto& d : diags.items()) {
        INFO(diag::format(d));
        CHECK(d.code == std::string(diag::code::kBadExtension));
        CHECK(d.line == 1);
    }
    CHECK(diag::format(diags.items()[0]).find("2025-02-30") != std::string::npos);
    CHECK(diag::format(diags.items()[1]).find("'k'") != std::string::npos);
    CHECK(p.specs.calendarStart.empty());
    CHECK_FALSE(p.main().find("k")->uncertainty);
    const std::string written = xmile::writeString(p);
    CHECK(written.find("<sdw:calendar start=\"2025-02-30\"/>") != std::string::npos);
    CHECK(written.find("<sdw:uncertainty min=\"3\" max=\"2\"/>") != std::string::npos);
}

TEST_CASE("xmile: another tool's namespace declaration is kept with its elements", "[xmile][canonical]") {
    const std::string text =
        R"(<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0" xmlns:acme="urn:acme">)"
        "<header><vendor>v</vendor><product version=\"1\">p</product></header><sim_specs><start>0</start>"
        "<stop>1</stop></sim_specs><model><variables><aux name=\"k\"><eqn>1</eqn><acme:note>x</acme:note>"
        "</aux></variables></model></xmile>";
    diag::Diagnostics diags;
    const std::string written = xmile::writeString(read(text, diags));
    CHECK(written.find("xmlns:acme=\"urn:acme\"") != std::string::npos);
    CHECK(written.find("<acme:note>x</acme:note>") != std::string::npos);
}

TEST_CASE("xmile: a series' calibration weight round-trips, a negative one is kept as written and warned",
          "[xmile][canonical]") {
    const std::string text = std::string(kHead) +
                             "<sim_specs><start>0</start><stop>52</stop></sim_specs><model><variables>"
                             "<aux name=\"requests\"><eqn>1</eqn><sdw:calibration weight=\"2.5\"/></aux>"
                             "<aux name=\"beds\"><eqn>1</eqn><sdw:calibration weight=\"-1\"/></aux>"
                             "<aux name=\"plain\"><eqn>1</eqn></aux></variables></model></xmile>";
    diag::Diagnostics diags;
    const auto p = read(text, diags);
    CHECK(p.main().find("requests")->calibrationWeight == 2.5);
    CHECK_FALSE(p.main().find("beds")->calibrationWeight);
    CHECK_FALSE(p.main().find("plain")->calibrationWeight);
    REQUIRE(diags.warningCount() == 1);
    CHECK(diag::format(diags.items()[0]).find("'beds'") != std::string::npos);
    const std::string written = xmile::writeString(p);
    CHECK(written.find("<sdw:calibration weight=\"2.5\"/>") != std::string::npos);
    CHECK(written.find("<sdw:calibration weight=\"-1\"/>") != std::string::npos);  // kept verbatim
    diag::Diagnostics again;
    CHECK(xmile::writeString(read(written, again)) == written);
}
