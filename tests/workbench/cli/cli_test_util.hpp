// Running the built `sdw` program from a test as a user would (tests/workbench/cli_run.hpp), and writing
// throwaway model files for it. Shared by the command-line tests of issue 12 (tests/workbench/cli/).
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/workbench/cli_run.hpp"

namespace clitest {

using Output = cli_test::Output;

// Runs build/sdw with arguments (a shell command line); stderr is folded into the output unless
// `withStderr` is false.
inline Output sdw(const std::string& args, bool withStderr = true) {
    return cli_test::runSdw(args, withStderr);
}

// Writes `text` to a file of that name in the temporary folder; returns its path.
inline std::string writeTemp(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
}

}  // namespace clitest
