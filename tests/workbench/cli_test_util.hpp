// Running the built `sdw` program from a test as a user would, and writing throwaway model files for it.
// Shared by the command-line tests (tests/workbench/cli_*_test.cpp).
#pragma once

#include <sys/wait.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace clitest {

struct Output {
    int code = -1;
    std::string out;
};

// Runs build/sdw with arguments (a shell command line); stderr is folded into the output unless
// `withStderr` is false.
inline Output sdw(const std::string& args, bool withStderr = true) {
    const std::string cmd =
        std::string(SDW_BINARY_DIR) + "/sdw " + args + (withStderr ? " 2>&1" : " 2>/dev/null");
    Output o;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) o.out.append(buf.data(), n);
    const int status = pclose(p);
    o.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return o;
}

// Writes `text` to a file of that name in the temporary folder; returns its path.
inline std::string writeTemp(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
}

}  // namespace clitest
