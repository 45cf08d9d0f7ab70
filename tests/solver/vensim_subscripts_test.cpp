// Vensim subscript forms, each on a small model with hand-worked values: :EXCEPT: equations (one and two
// dimensions, sub-ranges in the lists, equations that use the dimension), a malformed :EXCEPT: named, and a
// dimension name used as a value (the element's number), a transposed reference, 2-D subscripted lookups and
// a variable over one dimension twice.
#include <catch2/catch.hpp>
#include <string>

#include "tests/solver/mdl_test_util.hpp"

using namespace sdw;

namespace {

std::string modelText(const std::string& equations) {
    return "{UTF-8}\nd : d1, d2, d3 ~~|\nhead : d1, d2 ~~|\ne : e1, e2 ~~|\nvals[d] = 1, 2, 3 ~~|\n" +
           equations +
           "\nINITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = TIME STEP ~~|\n";
}

}  // namespace

TEST_CASE("vensim subscripts: :EXCEPT: defines every element but those listed", "[vensim][subscripts]") {
    diag::Diagnostics d;
    const auto r = test::runMdl(modelText("x[d] :EXCEPT: [d2] = 1 ~~|\nx[d2] = 5 ~~|\n"
                                          "z[d] :EXCEPT: [d1] = vals[d] * 10 ~~|\nz[d1] = 0 ~~|\n"
                                          "y[d, e] :EXCEPT: [d1, e1], [d3, e] = 2 ~~|\n"
                                          "y[d1, e1] = 9 ~~|\ny[d3, e] = 7 ~~|\n"
                                          "w[d] :EXCEPT: [head] = 4 ~~|\nw[head] = vals[head] ~~|"),
                                d);
    CHECK(test::valueAt(r, "x[d1]") == 1);
    CHECK(test::valueAt(r, "x[d2]") == 5);
    CHECK(test::valueAt(r, "x[d3]") == 1);
    CHECK(test::valueAt(r, "z[d1]") == 0);
    CHECK(test::valueAt(r, "z[d2]") == 20);
    CHECK(test::valueAt(r, "z[d3]") == 30);
    CHECK(test::valueAt(r, "y[d1,e1]") == 9);
    CHECK(test::valueAt(r, "y[d1,e2]") == 2);
    CHECK(test::valueAt(r, "y[d2,e1]") == 2);
    CHECK(test::valueAt(r, "y[d2,e2]") == 2);
    CHECK(test::valueAt(r, "y[d3,e1]") == 7);
    CHECK(test::valueAt(r, "y[d3,e2]") == 7);
    CHECK(test::valueAt(r, "w[d1]") == 1);
    CHECK(test::valueAt(r, "w[d2]") == 2);
    CHECK(test::valueAt(r, "w[d3]") == 4);
    for (const auto& x : d.items()) CHECK(x.code != std::string(diag::code::kMdlPartialArray));
}

TEST_CASE("vensim subscripts: an :EXCEPT: list that does not fit is named", "[vensim][subscripts]") {
    diag::Diagnostics d;
    mdl::readString(modelText("x[d] :EXCEPT: [d1, e1] = 1 ~~|\ny[d] :EXCEPT: d1 = 1 ~~|"), d, "t.mdl");
    REQUIRE(d.errorCount() == 2);
    CHECK(d.items()[0].where == "x");
    CHECK(d.items()[0].message.find(":EXCEPT: lists need one subscript") != std::string::npos);
    CHECK(d.items()[1].where == "y");
    CHECK(d.items()[1].message.find("cannot read this :EXCEPT: equation") != std::string::npos);
}

TEST_CASE("vensim subscripts: a dimension named as a value is the element's number", "[vensim][subscripts]") {
    diag::Diagnostics d;
    const auto r = test::runMdl(modelText("pos[d] = d ~~|\ngrid[d, e] = d * 10 + e ~~|"), d);
    CHECK(test::valueAt(r, "pos[d1]") == 1);
    CHECK(test::valueAt(r, "pos[d3]") == 3);
    CHECK(test::valueAt(r, "grid[d2,e1]") == 21);
    CHECK(test::valueAt(r, "grid[d3,e2]") == 32);
    // A subrange's name counts in the full dimension, as Vensim's output shows (test-models
    // subscript_definition: subdim1 values[ab1] = 2, ab1 being the second element of dim).
    diag::Diagnostics d2;
    const auto sub = test::runMdl(modelText("tail : d2, d3 ~~|\ninner : d3 ~~|\nat[tail] = tail ~~|\n"
                                            "deep[inner] = inner ~~|"),
                                  d2);
    CHECK(test::valueAt(sub, "at[d2]") == 2);
    CHECK(test::valueAt(sub, "at[d3]") == 3);
    CHECK(test::valueAt(sub, "deep[d3]") == 3);
    // A dimension with the same elements in another order names the same element by the same number, so
    // d = back is true where both are at the same element (test-models subscript_logicals: comp2[B, B] = 1).
    diag::Diagnostics d3;
    const auto same = test::runMdl(
        modelText("back : d3, d1, d2 ~~|\nsame[d, back] = IF THEN ELSE(d = back, 1, 0) ~~|"), d3);
    CHECK(test::valueAt(same, "same[d2,d2]") == 1);
    CHECK(test::valueAt(same, "same[d3,d3]") == 1);
    CHECK(test::valueAt(same, "same[d1,d3]") == 0);
    // An element named on its own is its number (test-models conditional_subscripts: dimA = B; E201 before).
    diag::Diagnostics d4;
    const auto named =
        test::runMdl(modelText("isd2[d] = IF THEN ELSE(d = d2, 1, 0) ~~|\nn = e2 + d3 ~~|"), d4);
    CHECK(test::valueAt(named, "isd2[d1]") == 0);
    CHECK(test::valueAt(named, "isd2[d2]") == 1);
    CHECK(test::valueAt(named, "n") == 2 + 3);
    // Where the dimension is not bound (a scalar), the name stays unknown.
    diag::Diagnostics bad;
    auto p = mdl::readString(modelText("s = d ~~|"), bad, "t.mdl");
    REQUIRE(p);
    CHECK_FALSE(compile::compileModel(*p, bad));
    CHECK(bad.errorCount() == 1);
}

TEST_CASE("vensim subscripts: a transposed reference and two-dimensional subscripted lookups",
          "[vensim][subscripts]") {
    // tr[e, d] = m[d, e]: tr[e1, d2] is m[d2, e1] = 3 and tr[e2, d3] is m[d3, e2] = 6. Tables per row of d:
    // slopes 10, 20, 30, looked up at 0.5.
    diag::Diagnostics d;
    const auto r = test::runMdl(modelText("m[d, e] = 1, 2; 3, 4; 5, 6; ~~|\ntr[e, d] = m[d, e] ~~|\n"
                                          "tab[d1, e]((0, 0), (1, 10)) ~~|\ntab[d2, e]((0, 0), (1, 20)) ~~|\n"
                                          "tab[d3, e]((0, 0), (1, 30)) ~~|\nlk[d, e] = tab[d, e](0.5) ~~|"),
                                d);
    CHECK(test::valueAt(r, "tr[e1,d2]") == 3);
    CHECK(test::valueAt(r, "tr[e2,d3]") == 6);
    CHECK(test::valueAt(r, "tr[e2,d1]") == 2);
    CHECK(test::valueAt(r, "lk[d1,e2]") == Approx(5));
    CHECK(test::valueAt(r, "lk[d2,e1]") == Approx(10));
    CHECK(test::valueAt(r, "lk[d3,e2]") == Approx(15));
}

// Vensim's io[t, s!] for io written over [s, t]: the second place ranges with the other s! by position
// (SDXorg test-models subscript_transposition; sdw summed over every pair and gave 480 where Vensim gives
// 109).
TEST_CASE(
    "vensim subscripts: a d! placed where another dimension of the same size is written pairs by position",
    "[vensim][subscripts]") {
    const std::string text =
        "{UTF-8}\ns : s1, s2, s3 ~~|\nt : t1, t2, t3 ~~|\ninput[s] = 1, 10, 100 ~~|\n"
        "io[s, t] = 1, 2, 3; 4, 5, 6; 7, 8, 9; ~~|\n"
        "rows[t] = SUM(input[s!] * io[t, s!]) ~~|\ncols[t] = SUM(input[s!] * io[s!, t]) ~~|\n"
        "INITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = TIME STEP ~~|\n";
    diag::Diagnostics d;
    const auto r = test::runMdl(text, d);
    // rows[tj] = sum over i of input[i] * io[j, i]: 1 + 20 + 300, 4 + 50 + 600, 7 + 80 + 900.
    CHECK(test::valueAt(r, "rows[t1]") == 321);
    CHECK(test::valueAt(r, "rows[t2]") == 654);
    CHECK(test::valueAt(r, "rows[t3]") == 987);
    // cols[tj] = sum over i of input[i] * io[i, j]: 1 + 40 + 700.
    CHECK(test::valueAt(r, "cols[t1]") == 741);
}

TEST_CASE("vensim subscripts: a variable over the same dimension twice gets a copy of it for the later place",
          "[vensim][subscripts]") {
    // As Vensim reads it (test-models repeated_subscript): m[d1, d] and m[d2, d] define rows of a d x d
    // table; a `d` on the right of a row's equation is the column's element.
    diag::Diagnostics d;
    const auto r =
        test::runMdl(modelText("m[d1, d] = 1, 2, 3 ~~|\nm[d2, d] = vals[d] * 10 ~~|\nm[d3, d] = 7 ~~|\n"
                               "sq[d, d] = 4 ~~|\nfrom m = m[d2, d3] + m[d1, d2] ~~|"),
                     d);
    CHECK(test::valueAt(r, "m[d1,d3]") == 3);
    CHECK(test::valueAt(r, "m[d2,d1]") == 10);
    CHECK(test::valueAt(r, "m[d2,d3]") == 30);
    CHECK(test::valueAt(r, "m[d3,d2]") == 7);
    CHECK(test::valueAt(r, "sq[d3,d1]") == 4);
    CHECK(test::valueAt(r, "from m") == 32);
    size_t copied = 0;
    for (const auto& x : d.items())
        if (x.code == std::string("W223")) {
            ++copied;
            CHECK(x.message.find("uses 'd 2', a range with the same elements") != std::string::npos);
        }
    CHECK(copied == 1);  // one copy of d serves both variables
    // A range the file already gives with the same elements is used instead: sq[di, dj] = 10 * di + dj.
    diag::Diagnostics ok;
    const auto r2 = test::runMdl(modelText("dd <-> d ~~|\nsq[d, dd] = 10 * d + dd ~~|\nt[d, d] = 1 ~~|"), ok);
    CHECK(test::valueAt(r2, "sq[d2,d3]") == 23);
    CHECK(test::valueAt(r2, "sq[d3,d1]") == 31);
    CHECK(test::valueAt(r2, "t[d1,d3]") == 1);
    for (const auto& x : ok.items()) CHECK(x.code != std::string("W223"));
}
