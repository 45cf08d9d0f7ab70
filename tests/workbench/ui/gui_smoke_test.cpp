// Smoke test of the desktop workbench: `sdw shot` draws every panel for some frames under Xvfb, and the
// image must not be blank. Skips (with a message) when xvfb-run or the sdw binary is missing.
// Layer: tests/workbench.
#include <stb_image.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

namespace fs = std::filesystem;

namespace {

bool haveXvfb() {
    return std::system("command -v xvfb-run > /dev/null 2>&1") == 0;
}

// Distinct colours in a coarse sample, and the share of pixels that differ from the most common colour.
struct ImageStats {
    int width = 0, height = 0;
    size_t distinct = 0;
    double nonBackground = 0;
};

ImageStats stats(const std::string& png) {
    ImageStats s;
    int n = 0;
    unsigned char* px = stbi_load(png.c_str(), &s.width, &s.height, &n, 3);
    if (!px) return s;
    std::set<unsigned> colours;
    const unsigned first = px[0] << 16 | px[1] << 8 | px[2];
    size_t differ = 0, total = 0;
    for (int y = 0; y < s.height; y += 3)
        for (int x = 0; x < s.width; x += 3) {
            const unsigned char* p = px + (static_cast<size_t>(y) * s.width + x) * 3;
            const unsigned c = p[0] << 16 | p[1] << 8 | p[2];
            colours.insert(c);
            differ += c != first;
            ++total;
        }
    stbi_image_free(px);
    s.distinct = colours.size();
    s.nonBackground = total ? static_cast<double>(differ) / total : 0;
    return s;
}

}  // namespace

TEST_CASE("gui: sdw shot renders every view to a non-blank PNG", "[workbench][gui][smoke]") {
    const fs::path sdw = fs::path(SDW_BINARY_DIR) / "sdw";
    if (!haveXvfb() || !fs::exists(sdw)) {
        WARN("skipped: needs xvfb-run and the sdw binary (" << sdw.string() << ")");
        return;
    }
    const std::string model =
        std::string(SDW_SOURCE_DIR) + "/models/adult_social_care/adult_social_care.xmile";
    const fs::path outDir = fs::temp_directory_path() / "sdw_gui_smoke";
    fs::create_directories(outDir);
    // levers: the plugin levers tab; tornado: the How sure tab's "Which assumptions matter", run
    for (const std::string view : {"all", "chart", "present", "levers", "tornado"}) {
        const fs::path out = outDir / (view + ".png");
        fs::remove(out);
        const std::string cmd = "xvfb-run -a -s '-screen 0 1280x800x24' '" + sdw.string() + "' shot '" +
                                model + "' --out '" + out.string() + "' --size 1200x760 --frames 4 --view " +
                                view + " > /dev/null 2>&1";
        INFO("command: " << cmd);
        REQUIRE(std::system(cmd.c_str()) == 0);
        REQUIRE(fs::exists(out));
        const auto s = stats(out.string());
        CHECK(s.width == 1200);
        CHECK(s.height == 760);
        // A drawn workbench has text, symbols and charts: many colours and plenty of non-background pixels.
        CHECK(s.distinct > 50);
        CHECK(s.nonBackground > 0.2);
    }
}

// A name the model lacks (--loop, --chart, --select) printed a line and wrote a screenshot of something
// else, with exit code 0. Now it is a usage error (exit 2) naming the option, and no file is written.
TEST_CASE("gui: sdw shot refuses a loop or a variable the model lacks, writing nothing", "[workbench][gui]") {
    const fs::path sdw = fs::path(SDW_BINARY_DIR) / "sdw";
    if (!haveXvfb() || !fs::exists(sdw)) {
        WARN("skipped: needs xvfb-run and the sdw binary (" << sdw.string() << ")");
        return;
    }
    const std::string model =
        std::string(SDW_SOURCE_DIR) + "/models/teaching/delayed_discharge/delayed_discharge.xmile";
    const fs::path out = fs::temp_directory_path() / "sdw_gui_refused.png";
    const fs::path err = fs::temp_directory_path() / "sdw_gui_refused.txt";
    for (const std::string args : {"--view loops --loop B99", "--view present --loop B99",
                                   "--chart medically_fit_waitng", "--select medicaly_fit_waiting"}) {
        fs::remove(out);
        const std::string cmd = "xvfb-run -a -s '-screen 0 1280x800x24' '" + sdw.string() + "' shot '" +
                                model + "' --out '" + out.string() + "' --size 1200x760 " + args + " > '" +
                                err.string() + "' 2>&1";
        INFO("command: " << cmd);
        const int status = std::system(cmd.c_str());
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 2);
        CHECK_FALSE(fs::exists(out));
        std::ifstream in(err);
        const std::string said((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        INFO(said);
        if (args.find("--loop") != std::string::npos)
            CHECK(said.find("sdw shot: --loop: the model has no loop 'B99'") != std::string::npos);
        else
            CHECK(said.find("did you mean 'medically_fit_waiting'?") != std::string::npos);
    }
}
