// The parsed form of one equation: an arena of nodes addressed by index, so copying is cheap and no
// destructor ever recurses (a 100,000-deep expression is refused by the parser, never destroyed recursively).
// Layer: solver. Depends on the standard library only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sdw::equations {

enum class NodeKind : uint8_t {
    Number,       // value
    Name,         // canonical name in `name`; subscripts in args (each a Subscript node) when `subscripted`;
                  // op '\'' when transposed (x': its dimensions in reverse order)
    Call,         // function `name` (canonical) with args
    Unary,        // op: '-', '+', '!' (NOT)
    Binary,       // op: + - * / ^ % (MOD) < > l (<=) g (>=) = n (<>) & (AND) | (OR)
    If,           // args: condition, then, else
    SubStar,      // '*' in a subscript (or `*:dim`, name holds dim)
    SubRange,     // a:b in a subscript; args: from, to
    DimPosition,  // @n in a subscript: the element of the n-th dimension of the variable being defined (value
                  // n)
    ElementRef,   // never parsed: the compiler's reference to one of its elements (number `value`), such as a
                  // smooth's internal stock; `text` names it in messages
};

struct Node {
    NodeKind kind = NodeKind::Number;
    char op = 0;
    bool subscripted = false;
    double value = 0;
    std::string name;  // canonical (names, calls)
    std::string text;  // as written
    int pos = 0;       // 0-based offset in the equation text
    std::vector<int> args;
};

struct Expr {
    std::vector<Node> nodes;
    int root = -1;
    bool empty() const { return root < 0; }
    const Node& at(int i) const { return nodes[static_cast<size_t>(i)]; }
    int add(Node n) {
        nodes.push_back(std::move(n));
        return static_cast<int>(nodes.size()) - 1;
    }
};

// Print back as XMILE text (used for messages, conversions and tests).
std::string toString(const Expr& e, int node = -2);

}  // namespace sdw::equations
