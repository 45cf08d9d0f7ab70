// Diagnostics helpers. Layer: solver.
#include "solver/diag/diagnostics.hpp"

#include <algorithm>
#include <sstream>

namespace sdw::diag {

bool Diagnostics::hasErrors() const {
    return errorCount() > 0;
}

size_t Diagnostics::errorCount() const {
    return static_cast<size_t>(std::count_if(
        m_items.begin(), m_items.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

size_t Diagnostics::warningCount() const {
    return static_cast<size_t>(std::count_if(
        m_items.begin(), m_items.end(), [](const Diagnostic& d) { return d.severity == Severity::Warning; }));
}

const char* severityName(Severity s) {
    switch (s) {
        case Severity::Info:
            return "info";
        case Severity::Warning:
            return "warning";
        case Severity::Error:
            return "error";
    }
    return "error";
}

std::string format(const Diagnostic& d) {
    std::ostringstream out;
    out << d.code << ' ' << severityName(d.severity);
    if (!d.where.empty()) out << " in '" << d.where << "'";
    if (!d.origin.empty()) {
        out << " (" << d.origin;
        if (d.column > 0) out << ", col " << d.column;
        out << ")";
    } else if (d.line > 0 && d.column > 0) {
        out << " (line " << d.line << ", col " << d.column << ")";
    } else if (d.line > 0) {
        out << " (line " << d.line << ")";
    } else if (d.column > 0) {
        out << " (col " << d.column << ")";
    }
    out << ": " << d.message;
    return out.str();
}

}  // namespace sdw::diag
