// Link polarity from equations: the sign of the effect one input has on a value, read from the value's
// equation. Layer: solver (analysis). No GUI, no Lua.
#pragma once

#include <functional>
#include <vector>

#include "solver/analysis/loop_graph.hpp"

// The rules (each documented where it is applied in link_polarity.cpp): + and - pass signs through, a product
// or quotient takes the sign of a co-factor that does not depend on the input (positive unless it is a
// negative number or a constant with a negative value: stock-and-flow quantities are taken as positive),
// MIN, MAX, SUM, MEAN and increasing functions (EXP, LN, SQRT...) keep signs, a graphical function passes
// the sign times its direction (rising, falling, or unknown when it turns), IF THEN ELSE keeps the sign its
// branches agree on and is unknown when the input is in the condition. A stock's inflows are +, its outflows
// -.
namespace sdw::analysis::detail {

// The sign of the effect on element `target` of the elements `isSource` accepts; Sign::None when the
// target does not read any of them.
Sign elementSign(const ExpandedModel& model, const Resolver& resolver, const std::vector<int>& stateInput,
                 int target, const std::function<bool(int)>& isSource);

// The direction of a graphical function's table: rising, falling, or unknown when it turns.
Sign tableDirection(const compile::LookupTable& table);

}  // namespace sdw::analysis::detail
