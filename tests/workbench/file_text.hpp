// A file's whole content as bytes ("" when it cannot be read), for tests that check what a command or a panel
// wrote or left alone. Layer: tests/workbench.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace sdw::test {

inline std::string fileText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace sdw::test
