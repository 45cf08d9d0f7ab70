// Export provenance (workbench/app/export, sha256): the hash against FIPS 180-2's published examples, sheet
// names Excel accepts, provenance rows. Layer: tests/workbench/app.
#include "workbench/app/export.hpp"

#include <catch2/catch.hpp>

#include "workbench/app/sha256.hpp"

using namespace sdw;

TEST_CASE("export: SHA-256 matches the standard's examples", "[workbench][export]") {
    CHECK(app::sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(app::sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(app::sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK_FALSE(app::sha256OfFile("/nonexistent/model.xmile"));
}

TEST_CASE("export: sheet names Excel accepts, each once", "[workbench][export]") {
    CHECK(app::sheetName("", {}) == "run");
    CHECK(app::sheetName("a/b: [c]?", {}) == "a_b_ _c__");
    CHECK(app::sheetName("reablement done right and discharge to assess", {}) ==
          "reablement done right and disch");
    CHECK(app::sheetName("baseline", {"baseline"}) == "baseline (2)");
    CHECK(app::sheetName("reablement done right and discharge to assess",
                         {"reablement done right and disch"}) == "reablement done right and d (2)");
}

TEST_CASE("export: provenance names the model, its hash, settings, seed and price base",
          "[workbench][export]") {
    app::Provenance p;
    p.modelFile = "county.xmile";
    p.modelHash = "abc123";
    p.scenarios = {"a.lua", "b.lua"};
    p.seed = 42;
    p.priceBase = "2025/26";
    const std::string text = app::provenanceText(p);
    CHECK(
        text.find("model file: county.xmile\nmodel sha256: abc123\nscenarios: a.lua; b.lua\nsettings: none\n"
                  "seed: 42\nsdw version: ") == 0);
    CHECK(text.find("price base: 2025/26 prices\n") != std::string::npos);
}
