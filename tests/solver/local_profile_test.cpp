// Tests of the local profile CSV (solver/model/local_profile): what a spreadsheet writes is read, every bad
// row is refused with its line, and applying a profile sets the model's inputs. Layer: tests/solver.
#include "solver/io/local_profile.hpp"

#include <catch2/catch.hpp>

#include "tests/solver/model_builder.hpp"

using namespace sdw;

namespace {

model::Project smallModel() {
    test::Builder b(0, 10, 1);
    b.aux("beds", "1330");
    b.aux("cost_per_week", "650 * 1.45");
    b.aux("share", "0.53");
    b.stock("people", "beds", {"arrivals"}, {});
    b.flow("arrivals", "1");
    auto p = b.project;
    p.main().find("beds")->units = "people";
    p.main().find("cost_per_week")->units = "GBP/(people*week)";
    return p;
}

std::string firstMessage(const diag::Diagnostics& d) {
    return d.items().empty() ? "" : diag::format(d.items().front());
}

}  // namespace

TEST_CASE("profile: a spreadsheet's CSV reads, with its quirks", "[profile]") {
    const std::string text =
        "\xEF\xBB\xBFName,Value,Units,Source\r\n"
        "beds,\"1,400\",people,\"Trust bed base, 2025\"\r\n"
        ",,,\r\n"
        "cost_per_week,\xC2\xA3"
        "1020.50,GBP/(people*week),\"our \"\"usual\"\" rate\"\r\n"
        "share,48%,,\r\n";
    diag::Diagnostics diags;
    const auto e = io::parseProfile(text, diags, "p.csv");
    INFO(firstMessage(diags));
    REQUIRE(e);
    REQUIRE(e->size() == 3);
    CHECK((*e)[0].name == "beds");
    CHECK((*e)[0].value == 1400);
    CHECK((*e)[0].source == "Trust bed base, 2025");
    CHECK((*e)[0].line == 2);
    CHECK((*e)[1].value == 1020.5);
    CHECK((*e)[1].source == "our \"usual\" rate");
    CHECK((*e)[1].line == 4);
    CHECK((*e)[2].value == Approx(0.48));
}

TEST_CASE("profile: bad rows are refused with the line and the reason", "[profile]") {
    struct Case {
        const char* text;
        int line;
        const char* says;
    };
    const Case cases[] = {
        {"beds,1330\n", 1, "header name,value,units,source"},
        {"name,value,units,source\nbeds,lots,people,x\n", 2, "'lots' is not a number"},
        {"name,value,units,source\nbeds,,people,x\n", 2, "has no value"},
        {"name,value,units,source\n,5,people,x\n", 2, "no name"},
        {"name,value,units,source\nbeds,1,people,x\nBeds,2,people,y\n", 3, "given twice (first on line 2)"},
        {"name,value,units,source\nbeds,1,people,\"open\n", 2, "never closes"},
        {"", 0, "empty"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        diag::Diagnostics diags;
        CHECK_FALSE(io::parseProfile(c.text, diags, "p.csv"));
        REQUIRE(diags.errorCount() == 1);
        CHECK(diags.items().front().code == std::string(diag::code::kBadProfile));
        CHECK(diags.items().front().line == c.line);
        CHECK(firstMessage(diags).find(c.says) != std::string::npos);
    }
}

TEST_CASE("profile: applying sets inputs, and refuses what is not an input of this model", "[profile]") {
    auto p = smallModel();
    diag::Diagnostics diags;
    const auto ok = io::parseProfile(
        "name,value,units,source\nbeds,1400,People,x\ncost_per_week,1020,GBP / (people*week),y\n", diags,
        "p.csv");
    REQUIRE(ok);
    REQUIRE(io::applyProfile(p, *ok, diags, "p.csv"));
    CHECK(p.main().find("beds")->equation == "1400");
    CHECK(p.main().find("cost_per_week")->equation ==
          "1020");  // a computed input replaced by the council's figure

    struct Case {
        const char* row;
        const char* says;
    };
    const Case refused[] = {
        {"bedz,1,people,x", "no variable 'bedz'"},
        {"people,1,people,x", "is a stock"},
        {"arrivals,1,,x", "is a flow"},
        {"beds,1,GBP,x", "given in 'GBP' but the model measures it in 'people'"},
    };
    for (const auto& c : refused) {
        INFO(c.row);
        auto q = smallModel();
        diag::Diagnostics d;
        const auto e = io::parseProfile(
            std::string("name,value,units,source\nshare,0.4,,ok\n") + c.row + "\n", d, "p.csv");
        REQUIRE(e);
        CHECK_FALSE(io::applyProfile(q, *e, d, "p.csv"));
        CHECK(d.items().front().line == 3);
        CHECK(firstMessage(d).find(c.says) != std::string::npos);
        CHECK(q.main().find("share")->equation == "0.53");  // nothing changed when a row is refused
    }
}

TEST_CASE("profile: written CSV reads back to the same inputs", "[profile]") {
    auto p = smallModel();
    p.main().find("beds")->doc = "General and acute beds, \"G&A\" (assumption)";
    const std::string csv = io::writeProfileCsv(p.main(), {"beds", "cost_per_week"}, {std::nullopt, 942.5});
    diag::Diagnostics diags;
    const auto e = io::parseProfile(csv, diags, "written.csv");
    REQUIRE(e);
    REQUIRE(e->size() == 2);
    CHECK((*e)[0].value == 1330);
    CHECK((*e)[0].source == "General and acute beds, \"G&A\" (assumption)");
    CHECK((*e)[1].value == 942.5);
    CHECK((*e)[1].units == "GBP/(people*week)");
}
