#include "core/tolerance.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <utility>

namespace doisoat {

namespace {

__extension__ typedef unsigned __int128 UInt128;

int ctz128(UInt128 x) {
  const auto lo = static_cast<uint64_t>(x);
  return lo != 0 ? __builtin_ctzll(lo) : 64 + __builtin_ctzll(static_cast<uint64_t>(x >> 64));
}

// Binary (Stein's) gcd: shifts and subtractions instead of 128-bit divisions, which were the
// largest single cost of the checks (every Rational operation reduces its result).
Int128 gcd128(Int128 a, Int128 b) {
  UInt128 x = a < 0 ? -static_cast<UInt128>(a) : static_cast<UInt128>(a);
  UInt128 y = b < 0 ? -static_cast<UInt128>(b) : static_cast<UInt128>(b);
  if (x == 0) return static_cast<Int128>(y);
  if (y == 0) return static_cast<Int128>(x);
  if ((x >> 64) == 0 && (y >> 64) == 0) {
    auto u = static_cast<uint64_t>(x), v = static_cast<uint64_t>(y);
    const int shift = __builtin_ctzll(u | v);
    u >>= __builtin_ctzll(u);
    do {
      v >>= __builtin_ctzll(v);
      if (u > v) std::swap(u, v);
      v -= u;
    } while (v != 0);
    return static_cast<Int128>(static_cast<UInt128>(u) << shift);
  }
  const int shift = ctz128(x | y);
  x >>= ctz128(x);
  do {
    y >>= ctz128(y);
    if (x > y) std::swap(x, y);
    y -= x;
  } while (y != 0);
  return static_cast<Int128>(x << shift);
}

bool fits64(Int128 x) { return x >= INT64_MIN && x <= INT64_MAX; }

/// x / g, exactly (g divides x): 64-bit division when both fit.
Int128 div_exact(Int128 x, Int128 g) {
  if (fits64(x) && fits64(g)) return static_cast<int64_t>(x) / static_cast<int64_t>(g);
  return x / g;
}

Int128 mul_checked(Int128 a, Int128 b) {
  Int128 r;
  if (__builtin_mul_overflow(a, b, &r)) throw ExactOverflow();
  return r;
}

Int128 add_checked(Int128 a, Int128 b) {
  Int128 r;
  if (__builtin_add_overflow(a, b, &r)) throw ExactOverflow();
  return r;
}

Int128 pow10_int(int e) {
  Int128 r = 1;
  for (int i = 0; i < e; ++i) r = mul_checked(r, 10);
  return r;
}

std::string to_digits(Int128 x) {
  if (x == 0) return "0";
  std::string s;
  while (x > 0) {
    s.push_back(char('0' + int(x % 10)));
    x /= 10;
  }
  std::reverse(s.begin(), s.end());
  return s;
}

}  // namespace

Rational Rational::fraction(Int128 num, Int128 den) {
  if (den == 0) throw std::domain_error("division by zero");
  if (den < 0) {
    num = -num;
    den = -den;
  }
  Int128 g = gcd128(num, den);
  Rational r;
  if (g > 1) {
    num = div_exact(num, g);
    den = div_exact(den, g);
  }
  r.num_ = num;
  r.den_ = den;
  return r;
}

Rational Rational::of(const Decimal& d) { return fraction(d.mantissa, pow10_int(d.scale)); }

Rational Rational::pow10(int exponent) {
  return exponent >= 0 ? fraction(pow10_int(exponent), 1) : fraction(1, pow10_int(-exponent));
}

Rational Rational::of_factor(double factor) {
  if (!(factor > 0)) return Rational(1);
  int e = static_cast<int>(std::lround(std::log10(factor)));
  double p = std::pow(10.0, e);
  if (std::fabs(factor - p) <= 1e-9 * p) return pow10(e);
  return fraction(static_cast<Int128>(std::llround(factor * 1e9)), pow10_int(9));
}

double Rational::to_double() const { return static_cast<double>(num_) / static_cast<double>(den_); }

Rational Rational::operator-() const {
  Rational r = *this;
  r.num_ = -r.num_;
  return r;
}

Rational operator+(const Rational& a, const Rational& b) {
  Int128 g = gcd128(a.den_, b.den_);
  const Int128 bd = div_exact(b.den_, g);
  Int128 num = add_checked(mul_checked(a.num_, bd), mul_checked(b.num_, div_exact(a.den_, g)));
  return Rational::fraction(num, mul_checked(a.den_, bd));
}

Rational operator-(const Rational& a, const Rational& b) { return a + (-b); }

Rational operator*(const Rational& a, const Rational& b) {
  Int128 g1 = gcd128(a.num_, b.den_), g2 = gcd128(b.num_, a.den_);
  if (g1 == 0) g1 = 1;
  if (g2 == 0) g2 = 1;
  return Rational::fraction(mul_checked(div_exact(a.num_, g1), div_exact(b.num_, g2)),
                            mul_checked(div_exact(a.den_, g2), div_exact(b.den_, g1)));
}

Rational operator/(const Rational& a, const Rational& b) {
  if (b.num_ == 0) throw std::domain_error("division by zero");
  return a * Rational::fraction(b.den_, b.num_);
}

std::strong_ordering operator<=>(const Rational& a, const Rational& b) {
  Int128 l = mul_checked(a.num_, b.den_), r = mul_checked(b.num_, a.den_);
  if (l < r) return std::strong_ordering::less;
  if (l > r) return std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

bool Interval::contains(const Rational& x) const {
  if (x < lo || (lo_open && x == lo)) return false;
  if (x > hi || (hi_open && x == hi)) return false;
  return true;
}

Interval operator+(const Interval& a, const Interval& b) {
  // Two points (printed figures): the one sum serves both ends (the same exact operation).
  if (a.lo == a.hi && b.lo == b.hi) {
    const Rational sum = a.lo + b.lo;
    return Interval{sum, sum, a.lo_open || b.lo_open, a.hi_open || b.hi_open};
  }
  return Interval{a.lo + b.lo, a.hi + b.hi, a.lo_open || b.lo_open, a.hi_open || b.hi_open};
}

Interval operator-(const Interval& a) { return Interval{-a.hi, -a.lo, a.hi_open, a.lo_open}; }

Interval operator-(const Interval& a, const Interval& b) { return a + (-b); }

Interval operator*(const Interval& a, const Rational& k) {
  if (a.lo == a.hi) {  // a point: one product for both ends
    const Rational p = a.lo * k;
    return k.negative() ? Interval{p, p, a.hi_open, a.lo_open} : Interval{p, p, a.lo_open, a.hi_open};
  }
  if (k.negative()) return Interval{a.hi * k, a.lo * k, a.hi_open, a.lo_open};
  return Interval{a.lo * k, a.hi * k, a.lo_open, a.hi_open};
}

Interval operator*(const Interval& a, const Interval& b) {
  // Endpoint openness of a product is conservatively closed (a superset: never a false alarm).
  Rational c[4] = {a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi};
  Rational lo = *std::min_element(c, c + 4), hi = *std::max_element(c, c + 4);
  return Interval{lo, hi, false, false};
}

Interval operator/(const Interval& a, const Interval& b) {
  if (b.contains_zero()) throw std::domain_error("division by an interval containing zero");
  Interval inv{Rational(1) / b.hi, Rational(1) / b.lo, b.hi_open, b.lo_open};
  if (a.is_point() && b.is_point()) return Interval::point(a.lo / b.lo);
  return a * inv;
}

bool meets(const Interval& a, const Interval& b) {
  auto before = [](const Interval& x, const Interval& y) {  // x entirely below y
    return x.hi < y.lo || (x.hi == y.lo && (x.hi_open || y.lo_open));
  };
  return !before(a, b) && !before(b, a);
}

Rational value_of(const Quantity& q) {
  Rational v = Rational::of(q.value);
  if (v.negative()) v = -v;
  return q.negative ? -v : v;
}

Rational base_value_of(const Quantity& q) { return value_of(q) * Rational::of_factor(q.factor); }

namespace {

/// Smallest power of ten that changes the figure's last significant digit: 10^3 for "1.000",
/// 1 for "5.621", 0,1 for "93,5".
Rational resolution(const Decimal& d) {
  int64_t m = d.mantissa < 0 ? -d.mantissa : d.mantissa;
  int zeros = 0;
  while (m != 0 && m % 10 == 0) {
    m /= 10;
    ++zeros;
  }
  return Rational::pow10(zeros - d.scale);
}

Interval widen_relative(const Interval& i, double rel) {
  if (!(rel > 0)) return i;
  Rational r = Rational::fraction(static_cast<Int128>(std::llround(rel * 1e9)), 1000000000);
  Rational lo = i.lo - i.lo.abs() * r, hi = i.hi + i.hi.abs() * r;
  return Interval{lo, hi, i.lo_open, i.hi_open};
}

/// The interval of the magnitude |x| of a quantity.
Interval magnitude_interval(const Quantity& q, bool rounded, const ToleranceOptions& o) {
  Rational x = Rational::of(q.value).abs();
  int k = std::max(q.precision, q.value.scale);
  // The rounding half-width, built only where it is used (exact counts and printed operands,
  // most of the calls, never need it); from 38 decimals on building it overflows, so it is then
  // built first, as it always was, to throw.
  auto half_width = [k] { return Rational::pow10(-k) / Rational(2); };
  if (k >= 38 || k <= -38) (void)half_width();
  switch (q.qualifier) {
    case Qualifier::AtLeast: {
      // "trên/hơn X": more than X, and (as written with that resolution) below the next step.
      return Interval{x, x + resolution(q.value), false, true};
    }
    case Qualifier::AtMost: {
      // "dưới/gần X": below X, and above the previous step.
      Rational lo = x - resolution(q.value);
      if (lo.negative()) lo = Rational(0);
      return Interval{lo, x, true, false};
    }
    case Qualifier::Approx: {
      if (q.exact_count) return widen_relative(Interval::point(x), o.approx_relative);
      const Rational half = half_width();
      Interval i{x - half, x + half, false, true};
      return widen_relative(i, o.approx_relative);
    }
    case Qualifier::None:
    case Qualifier::Estimate:
      break;
  }
  if (q.exact_count || !rounded) return Interval::point(x);
  const Rational half = half_width();
  return Interval{x - half, x + half, false, true};
}

Interval signed_interval(const Quantity& q, const Interval& magnitude) {
  return q.negative ? -magnitude : magnitude;
}

}  // namespace

Interval rounding_interval(const Quantity& q, const ToleranceOptions& o) {
  return widen_relative(signed_interval(q, magnitude_interval(q, true, o)), o.extra_relative);
}

Interval truncation_interval(const Quantity& q, const ToleranceOptions& o) {
  if (q.exact_count || (q.qualifier != Qualifier::None && q.qualifier != Qualifier::Estimate))
    return rounding_interval(q, o);
  Rational x = Rational::of(q.value).abs();
  int k = std::max(q.precision, q.value.scale);
  Interval m{x, x + Rational::pow10(-k), false, true};
  return widen_relative(signed_interval(q, m), o.extra_relative);
}

Interval operand_interval(const Quantity& q, OperandMode mode, const ToleranceOptions& o) {
  return signed_interval(q, magnitude_interval(q, mode == OperandMode::Rounded, o));
}

Agreement agree(const Interval& computed, const Quantity& stated, const ToleranceOptions& o,
                bool allow_truncation) {
  if (meets(computed, rounding_interval(stated, o))) return Agreement::Consistent;
  if (allow_truncation && meets(computed, truncation_interval(stated, o))) return Agreement::ConsistentTruncated;
  return Agreement::Discrepancy;
}

Rational round_half_up(const Rational& x, int decimals) {
  Rational scaled = x.abs() * Rational::pow10(decimals);
  Int128 n = scaled.num(), d = scaled.den();
  Int128 q = (2 * n + d) / (2 * d);
  Rational r = Rational::fraction(q, 1) * Rational::pow10(-decimals);
  return x.negative() ? -r : r;
}

std::string format_vi(const Rational& x, int decimals) {
  Rational r = round_half_up(x, decimals).abs();
  Rational scaled = r * Rational::pow10(decimals);
  std::string digits = to_digits(scaled.num() / scaled.den());
  if (static_cast<int>(digits.size()) <= decimals) digits.insert(0, decimals + 1 - digits.size(), '0');
  std::string ip = digits.substr(0, digits.size() - decimals), fp = digits.substr(digits.size() - decimals);
  std::string grouped;
  for (size_t i = 0; i < ip.size(); ++i) {
    if (i > 0 && (ip.size() - i) % 3 == 0) grouped += '.';
    grouped += ip[i];
  }
  bool neg = x.negative() && !(scaled.num() == 0);
  return (neg ? "-" : "") + grouped + (fp.empty() ? "" : "," + fp);
}

bool rounding_cannot_overflow(const Rational& x, int decimals) {
  constexpr Int128 kLimit = Int128(1) << 62;
  return decimals >= 0 && decimals <= 18 && x.num() < kLimit && x.num() > -kLimit && x.den() < kLimit;
}

std::string format_vi(double x, int decimals) {
  if (!std::isfinite(x)) return "?";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  std::string s = buf;
  bool neg = !s.empty() && s[0] == '-';
  if (neg) s.erase(0, 1);
  auto dot = s.find('.');
  std::string ip = s.substr(0, dot), fp = dot == std::string::npos ? "" : s.substr(dot + 1);
  std::string grouped;
  for (size_t i = 0; i < ip.size(); ++i) {
    if (i > 0 && (ip.size() - i) % 3 == 0) grouped += '.';
    grouped += ip[i];
  }
  return (neg ? "-" : "") + grouped + (fp.empty() ? "" : "," + fp);
}

}  // namespace doisoat
