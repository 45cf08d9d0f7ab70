// io::loadModelFile: opens any model file sdw reads, XMILE or Vensim .mdl, chosen by the file's content
// and its extension together, then checks the structure every reader must give (model::checkStructure).
// Layer: solver. Depends on the XMILE reader (solver/xmile/) and the Vensim reader (solver/mdl/).
#include "solver/io/load_model.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "solver/mdl/mdl_reader.hpp"
#include "solver/model/structure_check.hpp"
#include "solver/xmile/xmile.hpp"

namespace sdw::io {
namespace {

// Where the text starts after an optional UTF-8 BOM and blanks.
size_t firstContent(const std::string& text) {
    size_t i = 0;
    if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF &&
        static_cast<unsigned char>(text[1]) == 0xBB && static_cast<unsigned char>(text[2]) == 0xBF)
        i = 3;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) ++i;
    return i;
}

// A NUL byte, or mostly control bytes, in the first 4 KB: a binary file (.vdf, .xlsx, an image...).
bool looksBinary(const std::string& text) {
    const size_t n = std::min<size_t>(text.size(), 4096);
    size_t control = 0;
    for (size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0) return true;
        if (c < 32 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
    }
    return n > 0 && control * 10 > n;
}

std::string extensionOf(const std::string& path) {
    const size_t slash = path.find_last_of("/\\");
    const size_t dot = path.rfind('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
    std::string ext = path.substr(dot);
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

// The first few words of the file, for a message that says what was found.
std::string opening(const std::string& text, size_t from) {
    std::string out;
    for (size_t i = from; i < text.size() && out.size() < 40 && text[i] != '\n' && text[i] != '\r'; ++i)
        out += std::isprint(static_cast<unsigned char>(text[i])) ? text[i] : '?';
    return out;
}

bool xmileExtension(const std::string& ext) {
    return ext == ".xmile" || ext == ".xml" || ext == ".stmx" || ext == ".itmx";
}

}  // namespace

std::string modelExtension(const std::string& path) {
    const std::string ext = extensionOf(path);
    return xmileExtension(ext) || ext == ".mdl" ? ext : "";
}

namespace {

std::optional<model::Project> readByContent(const std::string& path, const std::string& text,
                                            diag::Diagnostics& diags, const LoadOptions& options) {
    const std::string ext = extensionOf(path);
    const size_t start = firstContent(text);
    const bool blank = start >= text.size();
    const bool xml = !blank && text[start] == '<';
    if (blank || xml) {
        if (xml && ext == ".mdl")
            diags.warning(diag::code::kFormatMismatch, path,
                          "the file is named .mdl but holds XML: it is read as XMILE");
        if (!options.dataFiles.empty())
            diags.warning(
                diag::code::kFormatMismatch, path,
                "data files are for the data variables of Vensim models; an XMILE model has none, so "
                "they are not read");
        return xmile::readString(text, diags, path);
    }
    if (looksBinary(text)) {
        diags.error(
            diag::code::kNotXmile, path,
            "'" + path +
                "' is not a text model file (it holds binary data): sdw reads XMILE (.xmile, "
                ".stmx) and Vensim text models (.mdl); save a Vensim binary model as .mdl text first");
        return std::nullopt;
    }
    const bool vensimLike = text.find('~') != std::string::npos || text.find('|') != std::string::npos;
    if (xmileExtension(ext)) {
        diags.error(
            diag::code::kNotXmile, path,
            "'" + path + "' is named as an XMILE file (" + ext +
                ") but is not XML: an XMILE file starts with '<' (<?xml ...?> or <xmile>), this one " +
                "with '" + opening(text, start) + "'" +
                (vensimLike ? "; it looks like a Vensim model: name it .mdl" : ""),
            0, 1);
        return std::nullopt;
    }
    if (ext != ".mdl" && !vensimLike) {
        diags.error(diag::code::kNotXmile, path,
                    "'" + path + "' is neither XMILE (XML starting with '<') nor a Vensim model ('name = " +
                        "equation ~ units ~ comment |' entries); it starts with '" + opening(text, start) +
                        "'",
                    0, 1);
        return std::nullopt;
    }
    return mdl::readString(text, diags, path, mdl::ReadOptions{options.dataFiles});
}

}  // namespace

std::optional<model::Project> loadModelFile(const std::string& path, diag::Diagnostics& diags,
                                            const LoadOptions& options) {
    std::error_code ec;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    if (in) ss << in.rdbuf();
    if (!in || in.bad() || std::filesystem::is_directory(path, ec)) {
        diags.error(diag::code::kFileUnreadable, path, "cannot open '" + path + "' for reading");
        return std::nullopt;
    }
    auto project = readByContent(path, ss.str(), diags, options);
    if (project) model::checkStructure(*project, diags);
    return project;
}

}  // namespace sdw::io
