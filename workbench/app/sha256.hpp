// SHA-256 (FIPS 180-4) of bytes or a file, as lower-case hex: the hash an export records for the model it
// came from, the same `sha256sum` prints. Layer: workbench/app. Standard library only.
#pragma once

#include <optional>
#include <string>

namespace sdw::app {

std::string sha256Hex(const std::string& bytes);
// nullopt when the file cannot be read.
std::optional<std::string> sha256OfFile(const std::string& path);

}  // namespace sdw::app
