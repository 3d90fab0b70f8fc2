#include "core/decimal.h"

#include <cmath>
#include <string_view>

namespace doisoat {

namespace {
constexpr int64_t kPow10[] = {1,         10,         100,         1000,         10000,
                              100000,    1000000,    10000000,    100000000,    1000000000,
                              10000000000, 100000000000, 1000000000000};
}

double Decimal::to_double() const {
  if (scale < 13) return static_cast<double>(mantissa) / static_cast<double>(kPow10[scale]);
  return static_cast<double>(mantissa) / std::pow(10.0, scale);
}

double Decimal::half_ulp() const { return 0.5 * std::pow(10.0, -scale); }

int64_t Decimal::mantissa_at(int s) const {
  int64_t m = mantissa;
  for (int i = scale; i < s; ++i) m *= 10;
  for (int i = scale; i > s; --i) m /= 10;
  return m;
}

std::string Decimal::to_plain() const {
  std::string digits = std::to_string(mantissa < 0 ? -mantissa : mantissa);
  if (scale > 0) {
    if (static_cast<int>(digits.size()) <= scale) digits.insert(0, scale + 1 - digits.size(), '0');
    digits.insert(digits.size() - scale, ".");
  }
  return (mantissa < 0 ? "-" : "") + digits;
}

std::string Decimal::to_vi() const {
  std::string plain = to_plain();
  bool neg = !plain.empty() && plain[0] == '-';
  if (neg) plain.erase(0, 1);
  auto dot = plain.find('.');
  std::string ip = plain.substr(0, dot), fp = dot == std::string::npos ? "" : plain.substr(dot + 1);
  std::string grouped;
  for (size_t i = 0; i < ip.size(); ++i) {
    if (i > 0 && (ip.size() - i) % 3 == 0) grouped += '.';
    grouped += ip[i];
  }
  return (neg ? "-" : "") + grouped + (fp.empty() ? "" : "," + fp);
}

bool parse_plain_decimal(std::string_view s, Decimal& out) {
  Decimal d;
  bool seen_point = false, any = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      if (d.mantissa > 900000000000000000LL) return false;
      d.mantissa = d.mantissa * 10 + (c - '0');
      if (seen_point) ++d.scale;
      any = true;
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      return false;
    }
  }
  if (!any) return false;
  out = d;
  return true;
}

}  // namespace doisoat
