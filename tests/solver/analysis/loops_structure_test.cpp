// Loops from structure: counts, polarities, lengths and variables of small hand-drawn models (an IF, a MIN,
// graphical functions, an array, a SMOOTH, a DELAY3), ids stable across compiles and file order, names the
// model stores, and the bounded set for a model with more loops than the limit. Layer: tests/solver.
#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

#include "solver/analysis/loops.hpp"
#include "solver/xmile/xmile.hpp"
#include "tests/solver/analysis/loop_test_models.hpp"
#include "tests/solver/model_builder.hpp"

using namespace sdw;
using analysis::Loop;
using analysis::LoopList;
using analysis::Polarity;
using test::Builder;

namespace {

LoopList loopsOf(const Builder& b, const analysis::LoopOptions& o = {}) {
    diag::Diagnostics d;
    auto list = analysis::listLoops(b.project, d, o);
    INFO((d.items().empty() ? std::string() : diag::format(d.items()[0])));
    REQUIRE(list);
    return *list;
}

std::string joined(const Loop& l) {
    std::string s;
    for (const auto& v : l.variables) s += (s.empty() ? "" : " ") + v;
    return s;
}

// Summaries "id polarity-letter: variables", in id order.
std::vector<std::string> summary(const LoopList& list) {
    std::vector<std::string> out;
    for (const auto& l : list.loops) out.push_back(l.id + ": " + joined(l));
    return out;
}

// A stock filled by a goal-seeking inflow whose gap the stock closes: one balancing loop of three.
Builder goalSeeking(const std::string& inflow) {
    Builder b(0, 10, 1);
    b.stock("level", "0", {"filling"});
    b.flow("filling", inflow);
    b.aux("goal", "100");
    b.aux("adjust_time", "4");
    return b;
}

}  // namespace

TEST_CASE("loops: logistic growth has a reinforcing loop of two and a balancing loop of three", "[loops]") {
    Builder b(0, 10, 1);
    b.stock("population", "10", {"growth"});
    b.flow("growth", "rate * population * (1 - crowding)");
    b.aux("crowding", "population / capacity");
    b.aux("rate", "0.5").aux("capacity", "1000");
    const LoopList list = loopsOf(b);
    CHECK(list.complete);
    // Sorted shorter first, then by names from the alphabetically first, in causal order.
    CHECK(summary(list) ==
          std::vector<std::string>{"R1: growth population", "B2: crowding growth population"});
    CHECK(list.loops[0].signs == "++");
    CHECK(list.loops[1].signs == "-++");  // crowding lowers growth
    CHECK(list.loops[1].length() == 3);
}

TEST_CASE("loops: one equation that both raises and lowers a value gives an unknown loop", "[loops]") {
    Builder b(0, 10, 1);
    b.stock("population", "10", {"growth"});
    b.flow("growth", "0.5 * population * (1 - population / 1000)");
    const LoopList list = loopsOf(b);
    REQUIRE(list.loops.size() == 1);
    CHECK(list.loops[0].id == "U1");  // rising below 500, falling above: no sign from the equation alone
    CHECK(list.loops[0].polarity == Polarity::Unknown);
}

TEST_CASE("loops: IF THEN ELSE keeps its branches' sign, and is unknown when the loop is in its condition",
          "[loops]") {
    auto b = goalSeeking("IF TIME > 5 THEN (goal - level) / adjust_time ELSE (goal - level) / 2");
    CHECK(summary(loopsOf(b)) == std::vector<std::string>{"B1: filling level"});
    b = goalSeeking("IF level > 50 THEN 1 ELSE 2");
    CHECK(summary(loopsOf(b)) == std::vector<std::string>{"U1: filling level"});
}

TEST_CASE("loops: MIN and MAX keep the signs of their arguments", "[loops]") {
    Builder b(0, 10, 1);
    b.stock("queue", "50", {"arriving"}, {"served"});
    b.flow("arriving", "10");
    b.flow("served", "MIN(queue / service_time, MAX(capacity, queue * 0))");
    b.aux("service_time", "2").aux("capacity", "20");
    // queue raises served (MIN's first argument), served drains the queue.
    CHECK(summary(loopsOf(b)) == std::vector<std::string>{"B1: queue served"});
}

TEST_CASE("loops: a graphical function passes its direction, one that turns is unknown", "[loops]") {
    Builder b(0, 10, 1);
    b.stock("staff", "50", {"hiring"});
    b.flow("hiring", "10 * appeal");
    b.gf("appeal", {0, 1, 2}, {1, 0.5, 0}, "staff / 100");  // falling: more staff, less hiring
    const auto list = loopsOf(b);
    CHECK(summary(list) == std::vector<std::string>{"B1: appeal hiring staff"});
    CHECK(list.loops[0].signs == "++-");  // appeal -> hiring -> staff, and staff lowers appeal
    b.project.main().find("appeal")->gf->ys = {0, 1, 0};  // rises, then falls
    CHECK(summary(loopsOf(b)) == std::vector<std::string>{"U1: appeal hiring staff"});
    b.project.main().find("appeal")->gf->ys = {0, 0.5, 1};
    CHECK(summary(loopsOf(b)) == std::vector<std::string>{"R1: appeal hiring staff"});
}

TEST_CASE("loops: a graphical function called by name and through LOOKUP passes its direction", "[loops]") {
    Builder b(0, 10, 1);
    b.stock("staff", "50", {"hiring"}, {"leaving"});
    b.flow("hiring", "10 * appeal(staff / 100)");
    b.flow("leaving", "LOOKUP(pressure, staff / 100)");
    b.gf("appeal", {0, 2}, {1, 0});
    b.gf("pressure", {0, 2}, {0, 3});
    CHECK(summary(loopsOf(b)) == std::vector<std::string>{"B1: hiring staff", "B2: leaving staff"});
}

TEST_CASE("loops: an arrayed variable is one node: its elements' loops aggregate into one", "[loops]") {
    Builder b(0, 10, 1);
    b.dim("region", {"north", "south", "east"});
    b.stock("population", "100", {"births"}, {"deaths"});
    b.last().dimensions = {"region"};
    b.flow("births", "population * 0.03");
    b.last().dimensions = {"region"};
    b.flow("deaths", "population * crowding");
    b.last().dimensions = {"region"};
    b.aux("crowding", "SUM(population[*]) / 30000");
    const LoopList list = loopsOf(b);
    // Three regions, one loop per structure: births (R), deaths (B), and crowding through the sum (B).
    CHECK(summary(list) == std::vector<std::string>{"R1: births population", "B2: deaths population",
                                                    "B3: crowding deaths population"});
}

TEST_CASE("loops: a SMOOTH's internal stock belongs to the variable that uses it", "[loops]") {
    auto b = goalSeeking("(goal - perceived_level) / adjust_time");
    b.aux("perceived_level", "SMTH1(level, 3)");
    const LoopList list = loopsOf(b);
    // The smooth's own draining loop (its stage adjusting to its input) is not the user's and is not listed.
    CHECK(summary(list) == std::vector<std::string>{"B1: filling level perceived_level"});
    CHECK(list.loops[0].signs == "++-");
}

TEST_CASE("loops: a DELAY3 in a loop keeps the loop's sign, its internal stages never show", "[loops]") {
    Builder b(0, 10, 1);
    b.stock("inventory", "10", {"delivering"}, {"using"});
    b.flow("delivering", "DELAY3(ordering, 4)");
    b.flow("using", "5");
    b.aux("ordering", "MAX(0, 5 + (20 - inventory) / 2)");
    const LoopList list = loopsOf(b);
    CHECK(summary(list) == std::vector<std::string>{"B1: delivering inventory ordering"});
    CHECK(list.loops[0].signs ==
          "+-+");  // delivering fills inventory, which lowers ordering, which is delivered
}

TEST_CASE("loops: a variable fed back through its own SMOOTH is a loop of one", "[loops]") {
    Builder b(0, 10, 1);
    b.aux("habit", "SMTH1(habit * 0.9 + 1, 3, 5)");
    const LoopList list = loopsOf(b);
    REQUIRE(list.loops.size() == 1);
    CHECK(list.loops[0].id == "R1");
    CHECK(list.loops[0].length() == 1);
}

TEST_CASE("loops: a model without feedback has no loops", "[loops]") {
    Builder b(0, 10, 1);
    b.stock("tank", "0", {"filling"});
    b.flow("filling", "SMTH3(inflow_plan, 2)");
    b.aux("inflow_plan", "STEP(5, 3)");
    const LoopList list = loopsOf(b);
    CHECK(list.loops.empty());
    CHECK(list.complete);
}

TEST_CASE("loops: ids depend on the model's content, not on the order of its file or the run", "[loops]") {
    Builder b(0, 10, 1);
    b.stock("susceptible", "990", {}, {"infecting"});
    b.stock("infected", "10", {"infecting"}, {"recovering"});
    b.stock("recovered", "0", {"recovering"}, {"losing_immunity"});
    b.flow("infecting", "contacts * susceptible * infected / 1000");
    b.flow("recovering", "infected / 5");
    b.flow("losing_immunity", "recovered / 50");
    b.last().kind = model::VarKind::Flow;
    b.project.main().find("susceptible")->inflows = {"losing_immunity"};
    b.project.main().find("recovered")->outflows = {"losing_immunity"};
    b.aux("contacts", "0.5");
    const auto first = summary(loopsOf(b));
    CHECK(summary(loopsOf(b)) == first);  // a second compile
    std::mt19937 shuffle(7);
    for (int k = 0; k < 5; ++k) {
        std::shuffle(b.project.main().variables.begin(), b.project.main().variables.end(), shuffle);
        CHECK(summary(loopsOf(b)) == first);
    }
    // Hand-counted: infecting drains susceptible (B) and fills infected (R); recovering drains infected (B);
    // losing immunity drains recovered (B); and the cycle around all three stocks (B).
    CHECK(first.size() == 5);
}

TEST_CASE("loops: past the limit, the shortest independent loop set covers every link on a loop", "[loops]") {
    // Three parties, each built up by the other two: three loops between pairs (length 4) and two around all
    // three (length 6, one each way). The shortest independent set keeps the three pairs: every link is on
    // one of them, so the longer loops add no link (Oliva 2004; the LTM papers' three-party arms race).
    Builder b = test::threeParties(10, 1, {"0.1 * (b + c)", "0.1 * (a + c)", "0.1 * (a + b)"});
    const LoopList all = loopsOf(b);
    CHECK(all.loops.size() == 5);
    analysis::LoopOptions few;
    few.maxLoops = 4;
    const LoopList sils = loopsOf(b, few);
    CHECK_FALSE(sils.complete);
    CHECK(sils.rule.find("shortest independent loop set") != std::string::npos);
    REQUIRE(sils.loops.size() == 3);
    for (const auto& l : sils.loops) CHECK(l.length() == 4);
    CHECK(summary(sils) == std::vector<std::string>{"R1: a build_b b build_a", "R2: a build_c c build_a",
                                                    "R3: b build_c c build_b"});
}

TEST_CASE("loops: past the limit, a loop the model names is listed after the independent set",
          "[loops][names]") {
    // The three-party race above: the loop around all three (a -> b -> c, length 6) is not in the shortest
    // independent set, but a model that names it wants to see it.
    Builder b = test::threeParties(10, 1, {"0.1 * (b + c)", "0.1 * (a + c)", "0.1 * (a + b)"});
    b.project.main().extraXml.push_back(
        "<sdw:loops><sdw:loop id=\"R4\" name=\"the round\"><sdw:var>build_b</sdw:var><sdw:var>b</sdw:var>"
        "<sdw:var>build_c</sdw:var><sdw:var>c</sdw:var><sdw:var>build_a</sdw:var><sdw:var>a</sdw:var>"
        "</sdw:loop></sdw:loops>");
    analysis::LoopOptions few;
    few.maxLoops = 4;
    const LoopList sils = loopsOf(b, few);
    REQUIRE(sils.loops.size() == 4);
    CHECK(joined(sils.loops[3]) == "a build_b b build_c c build_a");
    CHECK(sils.loops[3].id == "R4");
    CHECK(sils.loops[3].name == "the round");
    CHECK(sils.staleNames.empty());
    CHECK(sils.rule.find("the 1 loop the model names") != std::string::npos);
}

TEST_CASE("loops: names the model stores are put on their loops, a stale name is noted", "[loops]") {
    Builder b(0, 10, 1);
    b.stock("population", "10", {"growth"});
    b.flow("growth", "0.1 * population");
    b.project.main().extraXml.push_back(
        "<sdw:loops xmlns:sdw=\"urn:sdw:xmile:1\">"
        "<sdw:loop id=\"R1\" name=\"compound growth\"><sdw:var>population</sdw:var><sdw:var>Growth</sdw:var>"
        "</sdw:loop>"
        "<sdw:loop id=\"B9\" name=\"gone\"><sdw:var>deaths</sdw:var><sdw:var>population</sdw:var></sdw:loop>"
        "</sdw:loops>");
    const LoopList list = loopsOf(b);
    REQUIRE(list.loops.size() == 1);
    CHECK(list.loops[0].name == "compound growth");  // matched whatever the rotation and spelling
    REQUIRE(list.staleNames.size() == 1);
    CHECK(list.staleNames[0].find("'gone'") != std::string::npos);
}

TEST_CASE("loops: a model with errors gives its diagnostics and no list", "[loops]") {
    Builder b(0, 10, 1);
    b.stock("population", "10", {"growth"});
    b.flow("growth", "0.1 * populaton");
    diag::Diagnostics d;
    CHECK_FALSE(analysis::listLoops(b.project, d));
    CHECK(test::hasCode(d, diag::code::kUnknownName));
}

TEST_CASE("loops: a name given to a loop is written with the model and read back, renaming replaces it",
          "[loops][names]") {
    Builder b(0, 10, 1);
    b.stock("population", "10", {"births"}, {"deaths"});
    b.flow("births", "0.1 * population");
    b.flow("deaths", "population / 50");
    b.project.main().extraXml.push_back("<other:note xmlns:other=\"urn:example\">kept</other:note>");
    const LoopList before = loopsOf(b);
    REQUIRE(before.loops.size() == 2);  // R1 births -> population, B2 deaths -> population
    const Loop& births = before.loops[0];
    REQUIRE(births.id == "R1");
    analysis::nameLoop(b.project, births, "old name");
    analysis::nameLoop(b.project, births, "compound growth", "more people, more births, more people");
    analysis::nameLoop(b.project, before.loops[1], "mortality");

    const std::string written = xmile::writeString(b.project);
    CHECK(written.find("xmlns:sdw=\"urn:sdw:xmile:1\"") != std::string::npos);  // declared on <xmile>
    CHECK(written.find("old name") == std::string::npos);
    CHECK(written.find("<other:note xmlns:other=\"urn:example\">kept</other:note>") != std::string::npos);
    diag::Diagnostics d;
    auto again = xmile::readString(written, d);
    REQUIRE(again);
    CHECK(xmile::writeString(*again) == written);  // a second round trip changes nothing
    const auto list = analysis::listLoops(*again, d);
    REQUIRE(list);
    REQUIRE(list->loops.size() == 2);
    CHECK(list->loops[0].name == "compound growth");
    CHECK(list->loops[0].description == "more people, more births, more people");
    CHECK(list->loops[1].name == "mortality");
    CHECK(list->loops[1].description.empty());
    CHECK(list->staleNames.empty());
}

TEST_CASE("loops: an empty name removes a loop's name, and the last one removes <sdw:loops>",
          "[loops][names]") {
    Builder b(0, 10, 1);
    b.stock("population", "10", {"growth"});
    b.flow("growth", "0.1 * population");
    const size_t extras = b.project.main().extraXml.size();
    const Loop loop = loopsOf(b).loops.at(0);
    analysis::nameLoop(b.project, loop, "compound growth");
    CHECK(b.project.main().extraXml.size() == extras + 1);
    CHECK(loopsOf(b).loops[0].name == "compound growth");
    analysis::nameLoop(b.project, loop, "");
    CHECK(b.project.main().extraXml.size() == extras);
    CHECK(loopsOf(b).loops[0].name.empty());
    CHECK(xmile::writeString(b.project).find("sdw:loops") == std::string::npos);
}

TEST_CASE("loops: copies of a loop list share its loops until one of them is changed", "[loops]") {
    Builder b(0, 10, 1);
    b.stock("population", "10", {"growth"});
    b.flow("growth", "0.1 * population");
    const analysis::LoopList list = loopsOf(b);
    REQUIRE(list.loops.size() == 1);
    analysis::LoopList copy = list;
    CHECK(copy.loops.data() == list.loops.data());  // one list, not a copy of each loop
    copy.loops.edit()[0].name = "compound growth";
    CHECK(copy.loops.data() != list.loops.data());
    CHECK(copy.loops[0].name == "compound growth");
    CHECK(list.loops[0].name.empty());
    CHECK(copy.loops[0].id == list.loops[0].id);
    analysis::LoopList empty;  // a default list reads as empty, and takes loops
    CHECK(empty.loops.empty());
    CHECK(empty.loops.begin() == empty.loops.end());
    empty.loops.edit().push_back(list.loops[0]);
    CHECK(empty.loops.size() == 1);
}
