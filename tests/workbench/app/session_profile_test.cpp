// The local profile in the workbench's session, without a window: its inputs come first among the sliders,
// a profile CSV sets them (and the run follows), a bad file changes nothing and says which line, and what is
// saved loads back the same. Layer: tests/workbench/app.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "workbench/app/session.hpp"

using namespace sdw;
namespace fs = std::filesystem;

namespace {

std::string freshDir(const std::string& name) {
    const auto dir = fs::temp_directory_path() / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir.string();
}

const app::SliderInput* sliderNamed(const app::Session& s, const std::string& name) {
    for (const auto& in : s.inputs())
        if (in.name == name) return &in;
    return nullptr;
}

void openCounty(app::Session& s) {
    std::string error;
    REQUIRE(s.open(std::string(SDW_SOURCE_DIR) + "/models/adult_social_care/adult_social_care.xmile", error));
    s.settle();
    REQUIRE(s.result());
}

}  // namespace

TEST_CASE("session profile: the county's local profile comes first among the sliders, in the model's order",
          "[workbench][session][profile]") {
    app::Session s(freshDir("sdw_profile_order"));
    openCounty(s);
    REQUIRE(s.hasProfile());
    REQUIRE(s.inputs().size() > 6);
    // The model's "Local profile" group lists these six first (models/adult_social_care, its group).
    const char* first[] = {"residents_18_64_2025", "residents_65_84_2025",  "residents_85_plus_2025",
                           "council_budget_2025",  "council_reserves_2025", "acute_beds"};
    for (size_t i = 0; i < 6; ++i) {
        CHECK(s.inputs()[i].name == first[i]);
        CHECK(s.inputs()[i].group == "Local profile");
    }
}

TEST_CASE("session profile: a profile CSV sets its sliders and the run, a bad one changes nothing",
          "[workbench][session][profile]") {
    const std::string dir = freshDir("sdw_profile_load");
    app::Session s(dir + "/state");
    openCounty(s);
    const std::string good = dir + "/ours.csv";
    std::ofstream(good) << "name,value,units,source\n"
                           "acute_beds,\"1,250\",people,our trust's bed base\n"
                           "residents_85_plus_2025,30000,people,our census\n"
                           "home_care_cost_per_hour,22.5,GBP/hours,our framework rate\n";
    diag::Diagnostics diags;
    REQUIRE(s.loadProfile(good, diags));
    s.settle();
    CHECK(sliderNamed(s, "acute_beds")->value == 1250);
    CHECK(sliderNamed(s, "residents_85_plus_2025")->value == 30000);
    CHECK(s.result()->finalValue("acute_beds").value() == 1250);
    // An input the model computes (uprated from 2019/20) takes the council's own rate.
    CHECK(s.result()->finalValue("home_care_cost_per_hour").value() == 22.5);
    REQUIRE(s.profileSets().size() == 1);

    // A name the model lacks, on line 3: refused with the line, and no slider moves.
    const std::string bad = dir + "/typo.csv";
    std::ofstream(bad) << "name,value,units,source\n"
                          "acute_beds,900,people,x\n"
                          "acute_bedz,900,people,x\n";
    diag::Diagnostics badDiags;
    CHECK_FALSE(s.loadProfile(bad, badDiags));
    REQUIRE_FALSE(badDiags.empty());
    CHECK(badDiags.items().front().code == "E105");
    CHECK(badDiags.items().front().line == 3);
    CHECK(diag::format(badDiags.items().front()).find("acute_bedz") != std::string::npos);
    CHECK(sliderNamed(s, "acute_beds")->value == 1250);
}

TEST_CASE("session profile: what is saved loads back the same", "[workbench][session][profile]") {
    const std::string dir = freshDir("sdw_profile_save");
    app::Session s(dir + "/state");
    openCounty(s);
    auto* beds = const_cast<app::SliderInput*>(sliderNamed(s, "acute_beds"));
    const double modelBeds = beds->base;
    // An input the model computes (a unit cost uprated from its source year) is saved as the number the run
    // used, so the file loads back.
    const double hourly = s.result()->finalValue("home_care_cost_per_hour").value();
    REQUIRE(hourly > 17.48);  // GBP 17.48 in 2019/20 (004 L881), uprated to 2025/26
    beds->value = modelBeds + 111;
    std::string error;
    REQUIRE(s.saveProfile(dir + "/saved.csv", error));
    s.resetInputs();
    CHECK(sliderNamed(s, "acute_beds")->value == modelBeds);
    diag::Diagnostics diags;
    const bool loaded = s.loadProfile(dir + "/saved.csv", diags);
    INFO((diags.empty() ? std::string() : diag::format(diags.items().front())));
    REQUIRE(loaded);
    CHECK(sliderNamed(s, "acute_beds")->value == modelBeds + 111);
    s.settle();
    INFO((s.diagnostics().empty() ? s.status() : diag::format(s.diagnostics().items().front())));
    REQUIRE(s.result());
    CHECK(s.result()->finalValue("home_care_cost_per_hour").value() == Approx(hourly).epsilon(1e-9));
    CHECK(s.result()->finalValue("acute_beds").value() == modelBeds + 111);
    // Writing where no file can go is an error that names the path, never a silent yes.
    CHECK_FALSE(s.saveProfile(dir + "/no/such/folder/p.csv", error));
    CHECK(error.find("no/such/folder") != std::string::npos);
}
