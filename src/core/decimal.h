// Exact decimals: an integer mantissa and a count of decimals, as the report printed them.
#pragma once

#include <cstdint>
#include <string>

namespace doisoat {

struct Decimal {
  int64_t mantissa = 0;  // value = mantissa / 10^scale
  int scale = 0;         // decimals kept (never negative)

  double to_double() const;
  /// "1234.5" (plain, '.' decimal point) for logs and JSON.
  std::string to_plain() const;
  /// Vietnamese display: "1.234,5".
  std::string to_vi() const;
  /// Half a unit of the last displayed digit: 0.05 for "5,2".
  double half_ulp() const;
  /// The value as a count of 10^-s: 5,25 at 3 is 5250; fewer decimals than kept truncate (5,25 at 1 is 52).
  int64_t mantissa_at(int s) const;
  bool is_integer() const { return scale == 0; }
  friend bool operator==(const Decimal& a, const Decimal& b) = default;
};

/// Parse a plain digit string with an optional decimal part ("123", "12.5"). No grouping.
bool parse_plain_decimal(std::string_view s, Decimal& out);

}  // namespace doisoat
