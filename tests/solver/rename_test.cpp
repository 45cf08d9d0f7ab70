// Tests of renaming a variable inside equation text (equations::renameInEquation), as the workbench renames:
// subscripts, quoted names, built-in functions, macros and comments. Layer: tests/solver.
#include "solver/equations/rename.hpp"

#include <catch2/catch.hpp>

using sdw::equations::renameInEquation;

TEST_CASE("rename: references are rewritten, other words and numbers are not", "[rename]") {
    CHECK(renameInEquation("MAX(e, 1e-3) + e2 * \"E\"", "e", "k") == "MAX(k, 1e-3) + e2 * \"k\"");
    CHECK(renameInEquation("smooth(x, 3) {x is input}", "x", "y") == "smooth(y, 3) {x is input}");
    CHECK(renameInEquation("max(a,b)", "max", "m") == "max(a,b)");
    CHECK(renameInEquation("Birth_Rate*pop +BIRTH_RATE", "birth rate", "Births per year") ==
          "Births_per_year*pop +Births_per_year");
    CHECK(renameInEquation("sub.x + x", "x", "z") == "sub.x + z");  // a module's x is another variable
}

TEST_CASE("rename: an array element that shares the variable's name is left alone", "[rename][arrays]") {
    // Regions north and south; a variable also called north. Only the variable is renamed.
    CHECK(renameInEquation("pop[north] + north * share[north, *]", "north", "northern total") ==
          "pop[north] + northern_total * share[north, *]");
    CHECK(renameInEquation("SUM(pop[*:north]) / north", "north", "n2") == "SUM(pop[*:north]) / n2");
    // A subscripted reference to the renamed variable itself is renamed; its subscript is not.
    CHECK(renameInEquation("north[north] + north'[a]", "north", "n2") == "n2[north] + n2'[a]");
}

TEST_CASE("rename: graphical functions called by name, built-ins and macros", "[rename]") {
    // A graphical function called by name is the variable; a built-in or macro of that name is not.
    CHECK(renameInEquation("effect(x) + effect", "effect", "impact") == "impact(x) + impact");
    CHECK(renameInEquation("step(1, 5) + step", "step", "stair") == "step(1, 5) + stair");
    sdw::model::Macro twice;
    twice.name = "Twice";
    CHECK(renameInEquation("twice(a) + twice", "twice", "double", {twice}) == "twice(a) + double");
}

TEST_CASE("rename: quoted names stay quoted, text it cannot read is kept", "[rename][errors]") {
    CHECK(renameInEquation("\"my var\" + my_var", "My Var", "your var") == "\"your var\" + your_var");
    // An unclosed comment or quote is copied as it is, and names before it are still renamed.
    CHECK(renameInEquation("a + {oops a", "a", "b") == "b + {oops a");
    CHECK(renameInEquation("a + \"a", "a", "b") == "b + \"a");
    CHECK(renameInEquation("2a + a", "a", "b") == "2a + b");  // 2a is not a name
}
