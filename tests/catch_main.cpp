// The one Catch2 main shared by every test binary. Each test process gets a temporary folder of its own
// (TMPDIR, which std::filesystem::temp_directory_path and the sdw processes a test starts both use): ctest
// runs test cases in parallel, and cases that wrote the same fixed temporary file name overwrote each
// other's model or output mid-read. The folder is removed when the process ends.
#define CATCH_CONFIG_RUNNER
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

int main(int argc, char* argv[]) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path base = fs::temp_directory_path(ec);
    const fs::path own = (ec ? fs::path("/tmp") : base) / ("sdw-test-" + std::to_string(::getpid()));
    fs::create_directories(own, ec);
    if (!ec) ::setenv("TMPDIR", own.c_str(), 1);
    const int result = Catch::Session().run(argc, argv);
    if (!ec) fs::remove_all(own, ec);
    return result;
}
