// Running the built `sdw` program from a test, as a user would: its exit code and its output (standard error
// folded in, or dropped). Layer: tests/workbench.
#pragma once

#include <sys/wait.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <string>

namespace cli_test {

struct Output {
    int code = -1;
    std::string out;
};

inline Output runSdw(const std::string& args, bool withStderr = true) {
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

}  // namespace cli_test
