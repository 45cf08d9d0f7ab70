// Internal pieces of the .mdl writer shared by its files: Vensim spellings of a model's names and the
// expression printer. Layer: solver. Not part of the public interface.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

#include "solver/diag/diagnostics.hpp"
#include "solver/model/model.hpp"

namespace sdw::mdl::detail {

// A name as Vensim writes it: in double quotes (with \" for a quote) when it holds anything but letters,
// digits, spaces and _$'&, or starts with a digit.
std::string vensimSpelling(const std::string& name);

// The Vensim spellings of one model's variables, dimensions and elements, and what the printer needs to know
// about them.
class VensimNames {
  public:
    VensimNames(const model::Project& project, const model::Model& model);
    // The spelling of a canonical name; `written` (as the equation wrote it) when the model has no such name.
    std::string of(const std::string& canonical, const std::string& written) const;
    // The canonical dimension at position `k` of variable `canonical`, or "".
    std::string dimensionOf(const std::string& canonical, size_t k) const;
    // A graphical function variable or a macro: called like a function.
    bool isUserFunction(const std::string& canonical) const { return m_functions.count(canonical) > 0; }
    // The model is XMILE that Vensim wrote: its INT and MOD already mean INTEGER and MODULO (no W141).
    bool vensimMeaning() const { return m_vensimMeaning; }

  private:
    bool m_vensimMeaning = false;
    std::map<std::string, std::string> m_spelling;
    std::map<std::string, std::vector<std::string>> m_dims;
    std::set<std::string> m_functions;
};

// XMILE expression text in Vensim's language. nullopt with an E140 naming `where` when Vensim cannot write
// it; W141 warnings where it writes it only approximately.
std::optional<std::string> toVensim(const std::string& xmile, const VensimNames& names,
                                    const std::string& where, int line, diag::Diagnostics& diags);

}  // namespace sdw::mdl::detail
