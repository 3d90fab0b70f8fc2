// The one tolerance module: what a printed figure can stand for, exact interval arithmetic over
// such figures, and the three-tier comparison (rounded / truncated / discrepancy).
//
// Everything is exact: endpoints are rationals over 128-bit integers built from the printed
// decimals, so "93,5 → 94" and "93,49 → 93" are decided without any epsilon. Doubles only
// leave this module for display.
#pragma once

#include <compare>
#include <stdexcept>
#include <string>

#include "core/decimal.h"
#include "core/model.h"

namespace doisoat {

__extension__ typedef __int128 Int128;

/// Thrown when exact arithmetic would overflow 128 bits (the caller marks the claim unchecked).
struct ExactOverflow : std::overflow_error {
  ExactOverflow() : std::overflow_error("figures too large for exact arithmetic") {}
};

/// An exact fraction num/den, den > 0, always reduced.
class Rational {
 public:
  Rational() = default;
  Rational(int64_t n) : num_(n) {}  // NOLINT: implicit from integers is the point
  static Rational fraction(Int128 num, Int128 den);
  static Rational of(const Decimal& d);
  static Rational pow10(int exponent);
  /// A unit factor (1e6 for "triệu đồng"); powers of ten are exact, others to 1e-9.
  static Rational of_factor(double factor);

  Int128 num() const { return num_; }
  Int128 den() const { return den_; }
  double to_double() const;
  bool is_zero() const { return num_ == 0; }
  bool negative() const { return num_ < 0; }
  Rational abs() const { return num_ < 0 ? -*this : *this; }

  Rational operator-() const;
  friend Rational operator+(const Rational& a, const Rational& b);
  friend Rational operator-(const Rational& a, const Rational& b);
  friend Rational operator*(const Rational& a, const Rational& b);
  friend Rational operator/(const Rational& a, const Rational& b);
  friend std::strong_ordering operator<=>(const Rational& a, const Rational& b);
  friend bool operator==(const Rational& a, const Rational& b) { return a.num_ == b.num_ && a.den_ == b.den_; }

 private:
  Int128 num_ = 0;
  Int128 den_ = 1;
};

/// A set of reals between two exact endpoints, each open or closed.
struct Interval {
  Rational lo, hi;
  bool lo_open = false, hi_open = false;

  static Interval point(const Rational& x) { return Interval{x, x, false, false}; }
  bool is_point() const { return lo == hi; }
  Rational centre() const { return (lo + hi) / Rational(2); }
  bool contains(const Rational& x) const;
  bool contains_zero() const { return contains(Rational(0)); }
};

Interval operator+(const Interval& a, const Interval& b);
Interval operator-(const Interval& a, const Interval& b);
Interval operator*(const Interval& a, const Interval& b);
/// Throws std::domain_error when b contains zero.
Interval operator/(const Interval& a, const Interval& b);
Interval operator*(const Interval& a, const Rational& k);
Interval operator-(const Interval& a);
/// Do the two sets share at least one real?
bool meets(const Interval& a, const Interval& b);

struct ToleranceOptions {
  /// "khoảng/xấp xỉ": relative half-width allowed around an approximate figure.
  double approx_relative = 0.02;
  /// Extra relative tolerance a user allows on every stated figure (config).
  double extra_relative = 0.0;
  /// Only the verdict is read (blame's hypotheses): a check may skip its messages and the
  /// figures it only displays, where that cannot change the verdict (nor what throws).
  bool verdict_only = false;
};

/// How operands enter a recomputation.
enum class OperandMode {
  AsPrinted,  // the printed value, exactly (a percent is computed from the printed figures)
  Rounded,    // every value the printed figure could be the rounding of (independent roundings)
};

/// Signed exact value of a quantity in its written unit.
Rational value_of(const Quantity& q);
/// Signed exact value in the base unit of its dimension (value × factor).
Rational base_value_of(const Quantity& q);

/// What a stated figure stands for under round-half-up at its displayed precision, with its
/// qualifier applied; counts are exact. In the written unit.
Interval rounding_interval(const Quantity& q, const ToleranceOptions& o = {});
/// What it stands for if the report truncated instead of rounding: [x, x + 10^-k).
Interval truncation_interval(const Quantity& q, const ToleranceOptions& o = {});
/// An operand's interval in its written unit.
Interval operand_interval(const Quantity& q, OperandMode mode, const ToleranceOptions& o = {});

enum class Agreement { Consistent, ConsistentTruncated, Discrepancy };

/// Compare a recomputed interval (in the stated figure's written unit) with the stated figure.
/// `allow_truncation`: whether the truncation tier applies (not for repeats or sums).
Agreement agree(const Interval& computed, const Quantity& stated, const ToleranceOptions& o = {},
                bool allow_truncation = true);

/// Round half-up (away from zero on ties) to `decimals` decimals, exactly.
Rational round_half_up(const Rational& x, int decimals);

/// Vietnamese display of an exact value with `decimals` decimals: "1.234,57".
std::string format_vi(const Rational& x, int decimals);

/// True when round_half_up(x, d) and format_vi(x, d), for every d in [0, decimals], and the same
/// of their results, cannot overflow (numerator and denominator below 2^62, decimals at most
/// 18: every intermediate stays below 2^125). A verdict-only evaluation may skip them then.
bool rounding_cannot_overflow(const Rational& x, int decimals);
/// Same, for a display-only double.
std::string format_vi(double x, int decimals);

}  // namespace doisoat
