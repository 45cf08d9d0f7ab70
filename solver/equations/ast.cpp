// Printing an equation tree back to XMILE text. Layer: solver.
#include "solver/equations/ast.hpp"

#include <sstream>

namespace sdw::equations {
namespace {

const char* opText(char op) {
    switch (op) {
        case '%':
            return " MOD ";
        case 'l':
            return " <= ";
        case 'g':
            return " >= ";
        case 'n':
            return " <> ";
        case '&':
            return " AND ";
        case '|':
            return " OR ";
        case '<':
            return " < ";
        case '>':
            return " > ";
        case '=':
            return " = ";
        case '+':
            return " + ";
        case '-':
            return " - ";
        case '*':
            return "*";
        case '/':
            return "/";
        case '^':
            return "^";
        default:
            return " ? ";
    }
}

void print(const Expr& e, int i, std::ostringstream& out) {
    const Node& n = e.at(i);
    switch (n.kind) {
        case NodeKind::Number:
            if (!n.text.empty())
                out << n.text;
            else
                out << n.value;
            break;
        case NodeKind::Name:
            out << (n.text.empty() ? n.name : n.text);
            if (n.op == '\'') out << '\'';
            if (n.subscripted) {
                out << '[';
                for (size_t k = 0; k < n.args.size(); ++k) {
                    if (k) out << ", ";
                    print(e, n.args[k], out);
                }
                out << ']';
            }
            break;
        case NodeKind::Call:
            out << (n.text.empty() ? n.name : n.text) << '(';
            for (size_t k = 0; k < n.args.size(); ++k) {
                if (k) out << ", ";
                print(e, n.args[k], out);
            }
            out << ')';
            break;
        case NodeKind::Unary:
            out << (n.op == '!' ? "NOT " : std::string(1, n.op));
            print(e, n.args[0], out);
            break;
        case NodeKind::Binary:
            out << '(';
            print(e, n.args[0], out);
            out << opText(n.op);
            print(e, n.args[1], out);
            out << ')';
            break;
        case NodeKind::If:
            out << "(IF ";
            print(e, n.args[0], out);
            out << " THEN ";
            print(e, n.args[1], out);
            out << " ELSE ";
            print(e, n.args[2], out);
            out << ')';
            break;
        case NodeKind::SubStar:
            out << '*';
            if (!n.name.empty()) out << ':' << n.name;
            break;
        case NodeKind::DimPosition:
            out << '@' << n.value;
            break;
        case NodeKind::ElementRef:
            out << (n.text.empty() ? "<internal>" : n.text);
            break;
        case NodeKind::SubRange:
            print(e, n.args[0], out);
            out << ':';
            print(e, n.args[1], out);
            break;
    }
}

}  // namespace

std::string toString(const Expr& e, int node) {
    if (node == -2) node = e.root;
    if (node < 0) return "";
    std::ostringstream out;
    out.precision(17);
    print(e, node, out);
    return out.str();
}

}  // namespace sdw::equations
