// Diagnostics as the compiler's stages report them: every error marks the compile failed, and a problem that
// a stage meets more than once (an equation is lowered once per phase) is reported once.
// Layer: solver. Not part of the public API.
#pragma once

#include <string>
#include <unordered_set>

#include "solver/diag/diagnostics.hpp"

namespace sdw::compile::detail {

class Reporter {
  public:
    explicit Reporter(diag::Diagnostics& diags) : m_diags(diags) {}

    void add(diag::Diagnostic d);
    // The same code, place, column and message reported before is dropped.
    void addOnce(diag::Diagnostic d);
    void error(const char* code, const std::string& where, const std::string& message, int column = 0,
               int line = 0) {
        add({code, diag::Severity::Error, where, message, line, column, 0, {}});
    }
    void warning(const char* code, const std::string& where, const std::string& message, int column = 0,
                 int line = 0) {
        add({code, diag::Severity::Warning, where, message, line, column, 0, {}});
    }
    // Every diagnostic of a local list (an equation parsed on its own), on `line` when it is not 0.
    void append(const diag::Diagnostics& local, int line = 0);
    bool failed() const { return m_failed; }
    // Errors reported so far (a stage compares the count before and after it).
    size_t errors() const { return m_errors; }
    // An error already stands against `where` (a reader that could not translate its equation said why).
    bool erredAt(const std::string& where) const;
    // The compile cannot go on, for an error reported before it began.
    void failOnEarlierError() { m_failed = true; }

  private:
    diag::Diagnostics& m_diags;
    std::unordered_set<std::string> m_reported;
    bool m_failed = false;
    size_t m_errors = 0;
};

}  // namespace sdw::compile::detail
