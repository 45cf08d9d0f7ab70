// The compiler's reporter: errors mark the compile failed; repeated problems are reported once.
// Layer: solver.
#include "solver/compile/report.hpp"

namespace sdw::compile::detail {

void Reporter::add(diag::Diagnostic d) {
    if (d.severity == diag::Severity::Error) {
        m_failed = true;
        ++m_errors;
    }
    m_diags.add(std::move(d));
}

void Reporter::addOnce(diag::Diagnostic d) {
    if (d.severity == diag::Severity::Error) m_failed = true;
    if (!m_reported.insert(d.code + '|' + d.where + '|' + std::to_string(d.column) + '|' + d.message).second)
        return;
    if (d.severity == diag::Severity::Error) ++m_errors;
    m_diags.add(std::move(d));
}

void Reporter::append(const diag::Diagnostics& local, int line) {
    for (auto d : local.items()) {
        if (line) d.line = line;
        add(std::move(d));
    }
}

bool Reporter::erredAt(const std::string& where) const {
    for (const auto& d : m_diags.items())
        if (d.severity == diag::Severity::Error && d.where == where) return true;
    return false;
}

}  // namespace sdw::compile::detail
