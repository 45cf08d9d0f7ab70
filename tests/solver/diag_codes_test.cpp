// Every diagnostic code names one kind of problem: the constants that define codes, wherever they live in the
// source (diag/diagnostics.hpp, the plugin host, a reader's own header), never give one code two meanings.
// Two did once (W220 and W221, both a unit check and a Vensim reader warning).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

TEST_CASE("diagnostic codes: no code is defined twice", "[diag]") {
    const std::regex definition(R"re(constexpr\s+const\s+char\s*\*\s*(k\w+)\s*=\s*"([EW]\d{3})")re");
    std::map<std::string, std::string> owner;  // code -> constant (file)
    size_t seen = 0;
    for (const char* dir : {"solver", "plugins", "workbench", "python"}) {
        const fs::path root = fs::path(SDW_SOURCE_DIR) / dir;
        if (!fs::exists(root)) continue;
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            const auto ext = entry.path().extension();
            if (ext != ".hpp" && ext != ".cpp") continue;
            std::ifstream in(entry.path());
            std::stringstream text;
            text << in.rdbuf();
            const std::string s = text.str();
            for (std::sregex_iterator it(s.begin(), s.end(), definition), end; it != end; ++it) {
                ++seen;
                const std::string code = (*it)[2],
                                  constant = (*it)[1].str() + " (" + entry.path().filename().string() + ")";
                INFO(code << ": " << constant);
                const auto [at, fresh] = owner.emplace(code, constant);
                if (!fresh) FAIL_CHECK(code + " is " + at->second + " and " + constant);
            }
        }
    }
    CHECK(seen > 50);  // the scan found the definitions
}
