// Units of measure: parsing unit strings ("people/week", "£/(person*week)", "1/year", "dmnl") into
// products of base units with integer powers, for dimensional checks. Layer: solver.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace sdw::compile {

// Exponents are held within +-kMaxUnitPower: (((x^100)^100)^100)^100 overflowed int, which is undefined
// behaviour. No real unit comes near; past it a unit only has to stay comparable, not exact.
inline constexpr long long kMaxUnitPower = 1'000'000;

struct Unit {
    std::map<std::string, int> powers;  // base unit -> exponent; empty = dimensionless
    bool operator==(const Unit& o) const { return powers == o.powers; }
    Unit operator*(const Unit& o) const;
    Unit operator/(const Unit& o) const;
    Unit pow(int n) const;
    std::string toString() const;
};

// Parse a unit string. Empty text gives nullopt (unknown: not checked); a malformed one gives nullopt and
// sets `error`.
std::optional<Unit> parseUnit(const std::string& text, std::string& error);

}  // namespace sdw::compile
