// Files the commands write never replace a model: an output named as the model file, or with a model file's
// extension, is refused before anything runs and the model is left as it was. Found as a user would: `sdw
// loops m.xmile --scores --out m.xmile` and `sdw doc m.xmile --out m.xmile` wrote CSV and markdown over the
// model. Layer: tests/workbench/cli (runs the sdw program).
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/workbench/cli_run.hpp"
#include "tests/workbench/file_text.hpp"

using sdw::test::fileText;

TEST_CASE("cli outputs: no command writes over the model it reads, or over a file named like a model",
          "[cli]") {
    const std::string source =
        std::string(SDW_SOURCE_DIR) + "/models/teaching/delayed_discharge/delayed_discharge.xmile";
    const auto dir = std::filesystem::temp_directory_path() / ("sdw_outputs_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    const std::string model = (dir / "model.xmile").string(), original = fileText(source);
    // Each command with the option naming the file it writes, and the arguments it needs to get that far.
    const std::vector<std::pair<std::string, std::string>> writers = {
        {"loops MODEL --scores", "--out"},
        {"loops MODEL --scores", "--links"},
        {"doc MODEL", "--out"},
        {"mc MODEL --runs 2 --vary hospital_beds", "--out"},
        {"mc MODEL --runs 2 --vary hospital_beds", "--samples"},
        {"sensitivity MODEL --vary hospital_beds --vars free_beds", "--out"},
        {"calibrate MODEL --data data.csv --fit hospital_beds=300:500", "--out"},
        {"bench MODEL --runs 1", "--emit-c"},
        {"shot MODEL", "--out"},
    };
    for (const auto& [command, option] : writers) {
        std::string args = command;
        args.replace(args.find("MODEL"), 5, model);
        SECTION(command + " " + option + " naming the model") {
            std::filesystem::copy_file(source, model, std::filesystem::copy_options::overwrite_existing);
            const auto o = cli_test::runSdw(args + " " + option + " " + model);
            CHECK(o.code == 2);
            CHECK(o.out.find(option + " " + model + ": not written: it is the model file") !=
                  std::string::npos);
            CHECK(fileText(model) == original);
        }
        SECTION(command + " " + option + " in a folder that does not exist, or naming a folder") {
            // Refused before the work: sdw mc made every run, then said "cannot write".
            std::filesystem::copy_file(source, model, std::filesystem::copy_options::overwrite_existing);
            const std::string missing = (dir / "no_such_folder" / "out.csv").string();
            auto o = cli_test::runSdw(args + " " + option + " " + missing);
            CHECK(o.code == 2);
            CHECK(o.out.find(option + " " + missing + ": not written: the folder " +
                             (dir / "no_such_folder").string() + " does not exist") != std::string::npos);
            CHECK(o.out.find("[#") == std::string::npos);  // no progress bar: nothing ran
            o = cli_test::runSdw(args + " " + option + " " + dir.string());
            CHECK(o.code == 2);
            CHECK(o.out.find("not written: it is a folder; give a file name") != std::string::npos);
        }
        SECTION(command + " " + option + " naming another model") {
            std::filesystem::copy_file(source, model, std::filesystem::copy_options::overwrite_existing);
            const std::string other = (dir / "other.MDL").string();
            std::ofstream(other) << "{UTF-8}\nx = 1 ~ ~|\n";
            const auto o = cli_test::runSdw(args + " " + option + " " + other);
            CHECK(o.code == 2);
            CHECK(o.out.find(
                      "not written: it is named like a model file (.mdl), which writing would replace") !=
                  std::string::npos);
            CHECK(fileText(other) == "{UTF-8}\nx = 1 ~ ~|\n");
        }
    }
    // A model file named as the output by another path (./ and ..) is still the model.
    std::filesystem::copy_file(source, model, std::filesystem::copy_options::overwrite_existing);
    const std::string roundabout = (dir / ".." / dir.filename() / "." / "model.xmile").string();
    const auto o = cli_test::runSdw("loops " + model + " --scores --out " + roundabout);
    CHECK(o.code == 2);
    CHECK(fileText(model) == original);
    std::filesystem::remove_all(dir);
}
