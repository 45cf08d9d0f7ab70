// io::loadModelFile: opens any model file sdw reads, XMILE or Vensim .mdl, chosen by the file's content.
// Layer: solver. Depends on the XMILE reader (solver/xmile/) and the Vensim reader (solver/mdl/).
#include "solver/io/load_model.hpp"

#include <fstream>

#include "solver/mdl/mdl_reader.hpp"
#include "solver/xmile/xmile.hpp"

namespace sdw::io {
namespace {

// XMILE when the first character after an optional UTF-8 BOM and whitespace is '<'.
bool looksLikeXml(const std::string& text) {
    size_t i = 0;
    if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF &&
        static_cast<unsigned char>(text[1]) == 0xBB && static_cast<unsigned char>(text[2]) == 0xBF)
        i = 3;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) ++i;
    return i < text.size() && text[i] == '<';
}

}  // namespace

std::optional<model::Project> loadModelFile(const std::string& path, diag::Diagnostics& diags) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.error(diag::code::kFileUnreadable, path, "cannot open '" + path + "' for reading");
        return std::nullopt;
    }
    // Read up to the first character that is not a BOM byte or a blank: that decides the format.
    std::string head;
    char c = 0;
    while (in.get(c)) {
        head.push_back(c);
        const bool skip = c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
                          (head.size() <= 3 && (static_cast<unsigned char>(c) >= 0xBB));
        if (!skip) break;
    }
    in.close();
    // An empty file, or one of blanks only, is given to the XMILE reader, which reports it.
    const bool blank = head.find_first_not_of(" \t\r\n") == std::string::npos;
    if (blank || looksLikeXml(head)) return xmile::readFile(path, diags);
    return mdl::readFile(path, diags);
}

}  // namespace sdw::io
