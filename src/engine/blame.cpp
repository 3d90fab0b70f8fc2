#include "engine/blame.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <unordered_set>

#include <Eigen/Dense>
#include <Eigen/Sparse>

#include "checks/common.h"

namespace doisoat {

const char* to_string(TypoKind k) {
  switch (k) {
    case TypoKind::Transposition: return "transposition";
    case TypoKind::DroppedDigit: return "dropped_digit";
    case TypoKind::ExtraDigit: return "extra_digit";
    case TypoKind::WrongDigit: return "wrong_digit";
    case TypoKind::SeparatorSlip: return "separator_slip";
    case TypoKind::UnitSlip: return "unit_slip";
    case TypoKind::NeighbourCopy: return "neighbour_copy";
  }
  return "?";
}

namespace {

const char* typo_vi(TypoKind k) {
  switch (k) {
    case TypoKind::Transposition: return "đảo hai chữ số";
    case TypoKind::DroppedDigit: return "thiếu một chữ số";
    case TypoKind::ExtraDigit: return "thừa một chữ số";
    case TypoKind::WrongDigit: return "gõ nhầm một chữ số";
    case TypoKind::SeparatorSlip: return "sai dấu phân cách hàng nghìn";
    case TypoKind::UnitSlip: return "nhầm đơn vị (×1.000)";
    case TypoKind::NeighbourCopy: return "chép nhầm số liệu dòng bên";
  }
  return "";
}

const char* typo_en(TypoKind k) {
  switch (k) {
    case TypoKind::Transposition: return "two digits transposed";
    case TypoKind::DroppedDigit: return "a dropped digit";
    case TypoKind::ExtraDigit: return "an extra digit";
    case TypoKind::WrongDigit: return "one mistyped digit";
    case TypoKind::SeparatorSlip: return "a thousands-separator slip";
    case TypoKind::UnitSlip: return "a unit slip (×1,000)";
    case TypoKind::NeighbourCopy: return "a figure copied from the neighbouring line";
  }
  return "";
}

bool make_decimal(std::string_view d, int scale, Decimal& out) {
  if (d.empty() || d.size() > 17) return false;
  // Keep at least one integer digit; no leading zero unless it is the only integer digit.
  int int_len = static_cast<int>(d.size()) - scale;
  if (int_len < 1) return false;
  if (int_len > 1 && d[0] == '0') return false;
  Decimal v;
  v.scale = scale;
  for (char c : d) v.mantissa = v.mantissa * 10 + (c - '0');
  out = v;
  return true;
}

Quantity corrected(const Quantity& q, const Decimal& v) {
  Quantity c = q;
  c.value = v;
  c.precision = v.scale;
  c.text = v.to_vi();
  c.malformed = false;
  c.hint.reset();
  return c;
}

bool uses(const Claim& c, uint32_t q) {  // q in claim_figures(c), without building the list
  if (c.stated == q) return true;
  return std::any_of(c.operands.begin(), c.operands.end(), [&](const Operand& o) { return o.quantity == q; });
}

bool is_relation_check(const std::string& id) {
  return id != "rounding-convention" && id != "percent-vs-points" && id != "malformed-number" && !id.empty();
}

/// The claims other than `claim` that share figure `index` (MalformedNumber claims aside): the
/// ones a correction of that figure must leave unbroken, found once per figure, not per hypothesis.
std::vector<uint32_t> sharing_claims(const std::vector<Claim>& claims, uint32_t claim, uint32_t index) {
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < claims.size(); ++i)
    if (i != claim && uses(claims[i], index) && claims[i].kind != ClaimKind::MalformedNumber) out.push_back(i);
  return out;
}

/// Does replacing one figure make `claim` consistent and leave every claim sharing it unbroken?
/// `sharing` = sharing_claims(claims, claim, index); `was` caches each claim's verdict on the
/// figures as written (-1 not known yet): it does not depend on the hypothesis.
bool repairs(const std::vector<Quantity>& qs, const std::vector<Claim>& claims, uint32_t claim,
             uint32_t index, const Quantity& replacement, const CheckConfig& config,
             const std::vector<uint32_t>& sharing, std::vector<int>& was) {
  QuantityView view(qs, index, replacement);
  if (evaluate_verdict(claims[claim], view, config) != Verdict::Consistent) return false;
  QuantityView before(qs);
  for (uint32_t i : sharing) {
    Verdict now = evaluate_verdict(claims[i], view, config);
    if (now == Verdict::Discrepancy) return false;
    if (now == Verdict::Consistent) continue;
    // A relation that held must not become a truncation-only match either.
    if (was[i] < 0) was[i] = static_cast<int>(evaluate_verdict(claims[i], before, config));
    if (static_cast<Verdict>(was[i]) == Verdict::Consistent) return false;
  }
  return true;
}

// ---- screening typo hypotheses ---------------------------------------------------------------
//
// explain() tries about 170 hypotheses per figure, and each used to be an exact re-evaluation of
// the whole claim (128-bit rationals, messages and all). Most hypotheses are nowhere near the
// value the figure would need. The screen recomputes the claim's relation in doubles with every
// tolerance at least doubled (rounding half-widths, "khoảng" widths, the configured relative
// tolerance, 1e-9 of relative slack for the doubles themselves): a hypothesis it rejects cannot
// make the exact evaluation consistent, so only the survivors are evaluated exactly, and the
// result is the same. It models the relations that are a ratio (ratio, percent_of_plan, share,
// growth from two levels or from a level and its change), linear (sum, abs_change, pp_difference, repeat) or a bound
// (part_bound); malformed operands are tried as printed and as evaluate() rereads them (with their
// hints). For anything else (other kinds or shapes, negative figures, qualified operands of a
// ratio) it returns nothing and every hypothesis is evaluated.

/// 10^e, from a table for the usual exponents.
double pow10(int e) {
  static const auto table = [] {
    std::array<double, 41> t{};
    for (int k = 0; k <= 40; ++k) t[static_cast<size_t>(k)] = std::pow(10.0, k - 20);
    return t;
  }();
  return e >= -20 && e <= 20 ? table[static_cast<size_t>(e + 20)] : std::pow(10.0, e);
}

double magnitude(const Decimal& d) { return std::fabs(static_cast<double>(d.mantissa)) / pow10(d.scale); }

/// Same as conversion() in checks/common.cpp: written unit of q -> written unit of ref.
double conversion_of(const Quantity& q, const Quantity& ref) {
  if (q.unit.empty() || ref.unit.empty() || q.unit == ref.unit) return 1.0;
  return Rational::of_factor(q.factor).to_double() / Rational::of_factor(ref.factor).to_double();
}

struct Screen {
  enum class Mode { Linear, Bound, RatioStated, RatioNumerator, RatioDenominator, ChangeRate } mode = Mode::Linear;
  double rel = 0;     // 2 × the extra relative tolerance + slack for doubles
  double approx = 0;  // 2 × the relative width of "khoảng" figures
  bool own_approx = false;
  // Linear: Σ coef·x ≈ 0 (Bound: ≥ 0). `coef` and `width` are the figure's own (summed over its
  // occurrences), `sum`, `spread` and `size` those of the other terms (Σ coef·x, Σ |coef|·width
  // of x, Σ |coef|·|x|).
  double coef = 0, width = 0, sum = 0, spread = 0, size = 0;
  // Ratio: sign · (100 · numerator · conv / denominator − offset) against the stated figure.
  double num = 0, den = 0, conv = 1, offset = 0, sign = 1, stated = 0, stated_ulp = 0;
  // ChangeRate: 100 · change · conv / (current ± change · conv) against the stated rate; `slot`
  // says which of current (0), change (1), rate (2) the hypothesis replaces.
  double current = 0, change = 0, earlier_sign = -1;
  int slot = 0;

  bool admits(const Decimal& v) const {
    const double x = magnitude(v), u = pow10(-v.scale);
    const double own = u + (own_approx ? 2 * approx * (x + u) : 0.0);  // the hypothesis' own width
    auto near = [&](double a, double b, double ulps) {
      return std::fabs(a - b) <= ulps + rel * (std::fabs(a) + std::fabs(b) + ulps) + 1e-12;
    };
    auto ratio = [&](double n, double d) { return sign * (100.0 * n * conv / d - offset); };
    switch (mode) {
      case Mode::Linear:
      case Mode::Bound: {
        const double lhs = coef * x + sum, slack = spread + width * own;
        const double tol = slack + rel * (size + width * x + slack) + 1e-12;
        return mode == Mode::Linear ? std::fabs(lhs) <= tol : lhs >= -tol;
      }
      case Mode::RatioStated: return near(x, ratio(num, den), own);
      case Mode::RatioNumerator: return near(ratio(x, den), stated, stated_ulp);
      case Mode::RatioDenominator: return near(ratio(num, x), stated, stated_ulp);
      case Mode::ChangeRate: {
        const double cur = slot == 0 ? x : current, chg = (slot == 1 ? x : change) * conv;
        const double earlier = cur + earlier_sign * chg;
        // A tiny difference of two large figures is not reliable in doubles: evaluate exactly.
        if (std::fabs(earlier) <= 1e-6 * (std::fabs(cur) + std::fabs(chg))) return true;
        const double p = 100.0 * chg / earlier;
        return slot == 2 ? near(x, p, own) : near(p, stated, stated_ulp);
      }
    }
    return true;
  }
};

std::optional<uint32_t> first_of(const Claim& c, std::initializer_list<const char*> names) {
  for (const char* name : names)
    for (const auto& o : c.operands)
      if (o.role == name) return o.quantity;
  return std::nullopt;
}

/// The screen for hypotheses on figure `qi`, with the figures as printed (hinted = false) or with
/// the malformed operands read as evaluate()'s second try reads them (hinted = true).
std::optional<Screen> screen_for(const Claim& c, const std::vector<Quantity>& qs, uint32_t qi, const CheckConfig& config,
                                 bool hinted) {
  for (const auto& o : c.operands)
    if (o.quantity >= qs.size()) return std::nullopt;
  if (c.stated >= qs.size()) return std::nullopt;
  // What evaluate() reads for figure i: the hint of a malformed operand on the second try.
  auto reread = [&](uint32_t i) {
    const Quantity& q = qs[i];
    return hinted && i != qi && i != c.stated && q.malformed && q.hint &&
           std::any_of(c.operands.begin(), c.operands.end(), [&](const Operand& o) { return o.quantity == i; });
  };
  auto value = [&](uint32_t i) { return reread(i) ? magnitude(*qs[i].hint) : magnitude(qs[i].value); };
  auto ulp = [&](uint32_t i) {  // twice the rounding half-width: one unit of the last decimal
    const Quantity& q = qs[i];
    return pow10(reread(i) ? -q.hint->scale : -std::max(q.precision, q.value.scale));
  };
  const double approx = 2 * ToleranceOptions{}.approx_relative;
  auto width = [&](uint32_t i) {
    return ulp(i) + (qs[i].qualifier == Qualifier::Approx ? 2 * approx * (value(i) + ulp(i)) : 0.0);
  };
  auto plain = [&](uint32_t i) {
    const Quantity& q = qs[i];
    return !q.negative && (q.qualifier == Qualifier::None || q.qualifier == Qualifier::Estimate);
  };
  auto linear_ok = [&](uint32_t i) { return !qs[i].negative && qs[i].qualifier != Qualifier::AtLeast && qs[i].qualifier != Qualifier::AtMost; };
  Screen s;
  s.rel = 2 * tolerance_options(config).extra_relative + 1e-9;
  s.approx = approx;
  s.own_approx = qs[qi].qualifier == Qualifier::Approx;
  auto ratio = [&](uint32_t num, uint32_t den, uint32_t st) -> std::optional<Screen> {
    if (!plain(num) || !plain(den) || !plain(st)) return std::nullopt;
    if ((num == qi) + (den == qi) + (st == qi) != 1) return std::nullopt;
    s.num = value(num);
    s.den = value(den);
    s.conv = conversion_of(qs[num], qs[den]);
    s.stated = value(st);
    s.stated_ulp = ulp(st);
    s.mode = st == qi ? Screen::Mode::RatioStated : num == qi ? Screen::Mode::RatioNumerator : Screen::Mode::RatioDenominator;
    return s;
  };
  std::vector<std::pair<uint32_t, double>> terms;  // linear relations: (figure, coefficient)
  switch (c.kind) {
    case ClaimKind::Ratio:
    case ClaimKind::PercentOfPlan:
    case ClaimKind::Share: {
      auto num = first_of(c, {"numerator", "actual", "part"});
      auto den = first_of(c, {"denominator", "plan", "total"});
      if (!num || !den) return std::nullopt;
      return ratio(*num, *den, c.stated);
    }
    case ClaimKind::Growth: {
      // Two levels and a rate or an index (the form with a change and no earlier level is not modelled).
      auto cur = first_of(c, {"current"});
      auto ear = first_of(c, {"earlier"});
      uint32_t st = c.stated;
      if (auto r = first_of(c, {"rate", "index"})) st = *r;
      const bool index = first_of(c, {"index"}).has_value();
      auto chg = first_of(c, {"change"});
      if (cur && !ear && chg && !index) {
        // "402.588 lượt, tăng 138.037 lượt (tăng 21,5%)": the earlier level is current ∓ change.
        if (!plain(*cur) || !plain(*chg) || !plain(st)) return std::nullopt;
        if ((*cur == qi) + (*chg == qi) + (st == qi) != 1) return std::nullopt;
        s.mode = Screen::Mode::ChangeRate;
        s.current = value(*cur);
        s.change = value(*chg);
        s.conv = conversion_of(qs[*chg], qs[*cur]);
        s.earlier_sign = c.decrease ? 1.0 : -1.0;
        s.stated = value(st);
        s.stated_ulp = ulp(st);
        s.slot = *cur == qi ? 0 : *chg == qi ? 1 : 2;
        return s;
      }
      if (!cur || !ear) return std::nullopt;
      s.offset = index ? 0.0 : 100.0;
      s.sign = !index && c.decrease ? -1.0 : 1.0;
      return ratio(*cur, *ear, st);
    }
    case ClaimKind::Sum:
    case ClaimKind::PartBound: {
      uint32_t total = c.stated;
      if (auto t = first_of(c, {"total"})) total = *t;
      if (!linear_ok(total)) return std::nullopt;
      terms.emplace_back(total, 1.0);
      for (const auto& o : c.operands)
        if (o.role == "part") {
          if (!linear_ok(o.quantity)) return std::nullopt;
          terms.emplace_back(o.quantity, -conversion_of(qs[o.quantity], qs[total]));
        }
      if (terms.size() < 2) return std::nullopt;
      // A bound holds when the parts together are not above the total (the parts are not
      // negative, so no single part is above it either).
      if (c.kind == ClaimKind::PartBound) s.mode = Screen::Mode::Bound;
      break;
    }
    case ClaimKind::Repeat: {
      auto first = first_of(c, {"first"});
      uint32_t second = c.stated;
      if (auto sd = first_of(c, {"second"})) second = *sd;
      if (!first || !linear_ok(*first) || !linear_ok(second)) return std::nullopt;
      terms.emplace_back(*first, conversion_of(qs[*first], qs[second]));
      terms.emplace_back(second, -1.0);
      break;
    }
    case ClaimKind::AbsChange:
    case ClaimKind::PpDifference: {
      const bool points = c.kind == ClaimKind::PpDifference;
      auto cur = first_of(c, {"current"});
      auto ear = first_of(c, {"earlier"});
      uint32_t st = c.stated;
      if (auto ch = first_of(c, {"change"})) st = *ch;
      if (!cur || !ear || !linear_ok(*cur) || !linear_ok(*ear) || !linear_ok(st)) return std::nullopt;
      const Quantity& ref = points ? qs[*cur] : qs[st];
      const double sign = c.decrease ? -1.0 : 1.0;
      terms.emplace_back(*cur, sign * conversion_of(qs[*cur], ref));
      terms.emplace_back(*ear, -sign * conversion_of(qs[*ear], ref));
      terms.emplace_back(st, -1.0);
      break;
    }
    default: return std::nullopt;
  }
  bool found = false;
  for (const auto& [i, k] : terms) {
    if (i == qi) {
      found = true;
      s.coef += k;
      s.width += std::fabs(k);
    } else {
      s.sum += k * value(i);
      s.spread += std::fabs(k) * width(i);
      s.size += std::fabs(k) * value(i);
    }
  }
  if (!found) return std::nullopt;
  return s;
}

/// Hypotheses on figure `qi` that may repair the claim: those the screen of the printed figures
/// admits, or (when evaluate() would reread malformed operands with their hints) that of the reread.
struct Screens {
  std::optional<Screen> printed, reread;
  bool any_reread = false;
  bool active() const { return printed && (!any_reread || reread); }
  bool admits(const Decimal& v) const { return printed->admits(v) || (any_reread && reread->admits(v)); }
};

Screens screens_for(const Claim& c, const std::vector<Quantity>& qs, uint32_t qi, const CheckConfig& config) {
  Screens s;
  s.printed = screen_for(c, qs, qi, config, false);
  for (const auto& o : c.operands)
    if (o.quantity != qi && o.quantity != c.stated && o.quantity < qs.size() && qs[o.quantity].malformed && qs[o.quantity].hint)
      s.any_reread = true;
  if (s.any_reread) s.reread = screen_for(c, qs, qi, config, true);
  return s;
}

std::string unit_suffix(const Quantity& q) {
  if (q.unit.empty()) return "";
  return q.unit == "%" ? "%" : " " + q.unit;
}

}  // namespace

std::vector<Correction> typo_candidates(const std::vector<Quantity>& quantities, uint32_t index,
                                        const std::vector<Claim>& claims, uint32_t claim) {
  std::vector<Correction> out;
  if (index >= quantities.size()) return out;
  const Quantity& q = quantities[index];
  int64_t m = q.value.mantissa < 0 ? -q.value.mantissa : q.value.mantissa;
  std::string digits = std::to_string(m);
  int scale = q.value.scale;
  if (static_cast<int>(digits.size()) <= scale) digits.insert(0, scale + 1 - digits.size(), '0');
  int int_len = static_cast<int>(digits.size()) - scale;
  // Each value once, in the order first produced. A small open-addressing table on the stack:
  // a scan of the list (~170 values) made the generation quadratic in them, and a node-based
  // set allocates per value.
  constexpr size_t kSlots = 1024;  // more than the candidates of any 17-digit figure, so never full
  struct Slot {
    int64_t mantissa;
    int scale;
    uint32_t call;  // the call that filled it: a slot of an earlier call is empty (no 16 KB clear per call)
  };
  thread_local std::array<Slot, kSlots> table{};
  thread_local uint32_t calls = 0;
  if (++calls == 0) {  // (wrapped: every slot empty again)
    table.fill(Slot{0, 0, 0});
    calls = 1;
  }
  const uint32_t call = calls;
  auto add = [&](const Decimal& v, TypoKind kind) {
    if (v == q.value) return;
    size_t h = (static_cast<uint64_t>(v.mantissa) * 0x9E3779B97F4A7C15ULL + static_cast<uint64_t>(v.scale)) >> 54;
    for (;; h = (h + 1) % kSlots) {
      Slot& slot = table[h];
      if (slot.call != call) {
        slot = Slot{v.mantissa, v.scale, call};
        break;
      }
      if (slot.mantissa == v.mantissa && slot.scale == v.scale) return;
    }
    out.push_back(Correction{index, v, kind});
  };
  out.reserve(24 * digits.size() + 16);
  // The variants are built in a buffer (no string per candidate).
  const size_t n = digits.size();
  char d[32];
  auto make = [&](size_t len, int s, Decimal& out_value) {
    return make_decimal(std::string_view(d, len), s, out_value);
  };
  Decimal v;
  if (q.malformed && q.hint) add(*q.hint, TypoKind::SeparatorSlip);
  // A well-formed figure with its separator slipped: "2.469.415" for 2.469,415 (the last
  // thousands mark typed for the decimal mark) and "154,837" for 154.837 (the other way).
  {
    size_t last_sep = q.text.find_last_not_of("0123456789");
    size_t seps = static_cast<size_t>(std::count_if(q.text.begin(), q.text.end(), [](char ch) { return ch < '0' || ch > '9'; }));
    bool three_after = last_sep != std::string::npos && q.text.size() - last_sep == 4;
    if (!q.malformed && three_after && scale == 0 && m >= 1000) add(Decimal{q.value.mantissa, 3}, TypoKind::SeparatorSlip);
    if (!q.malformed && three_after && scale == 3 && seps == 1) add(Decimal{q.value.mantissa, 0}, TypoKind::SeparatorSlip);
  }
  if (n + 1 < sizeof d) {
    for (size_t i = 0; i + 1 < n; ++i) {
      if (digits[i] == digits[i + 1]) continue;
      digits.copy(d, n);
      std::swap(d[i], d[i + 1]);
      if (make(n, scale, v)) add(v, TypoKind::Transposition);
    }
    for (size_t i = 0; i < n; ++i) {  // extra digit: remove it
      digits.copy(d, i);
      digits.copy(d + i, n - i - 1, i + 1);
      int s = static_cast<int>(i) < int_len ? scale : scale - 1;
      if (s >= 0 && make(n - 1, s, v)) add(v, TypoKind::ExtraDigit);
    }
    for (size_t i = 0; i <= n; ++i) {  // dropped digit: put one back
      digits.copy(d, i);
      digits.copy(d + i + 1, n - i, i);
      int s = static_cast<int>(i) <= int_len ? scale : scale + 1;
      if (static_cast<int>(i) == int_len && scale > 0) s = scale;  // just before the decimals: integer part
      for (char c = '0'; c <= '9'; ++c) {
        d[i] = c;
        if (make(n + 1, s, v)) add(v, TypoKind::DroppedDigit);
      }
    }
    digits.copy(d, n);
    for (size_t i = 0; i < n; ++i) {
      for (char c = '0'; c <= '9'; ++c) {
        if (c == digits[i]) continue;
        d[i] = c;
        if (make(n, scale, v)) add(v, TypoKind::WrongDigit);
      }
      d[i] = digits[i];
    }
  }
  if (q.factor >= 1000 && q.dimension.rfind("money", 0) == 0) {  // triệu vs tỷ, nghìn vs triệu
    // (Multiplied only when it fits: a figure of 16 digits or more overflowed it; issue 14.)
    if (std::llabs(q.value.mantissa) < 1000000000000LL)
      add(Decimal{q.value.mantissa * 1000, q.value.scale}, TypoKind::UnitSlip);
    Decimal down{q.value.mantissa, q.value.scale + 3};
    add(down, TypoKind::UnitSlip);
  }
  (void)claims;
  (void)claim;
  return out;
}

std::optional<Correction> explain(const std::vector<Quantity>& quantities, const std::vector<Claim>& claims,
                                  uint32_t claim, const CheckConfig& config) {
  if (claim >= claims.size()) return std::nullopt;
  // Each hypothesis re-evaluates the claim: a list of many parts would cost parts² × candidates,
  // and with that many figures a single typo is rarely the only explanation anyway.
  const auto figures = claim_figures(claims[claim]);
  if (figures.size() > 12) return std::nullopt;
  std::vector<Correction> found;
  std::vector<int> was(claims.size(), -1);
  for (uint32_t qi : figures) {
    if (qi >= quantities.size() || quantities[qi].implicit) continue;  // (an unwritten 100 % is never the typo)
    const Screens screen = screens_for(claims[claim], quantities, qi, config);
    std::optional<std::vector<uint32_t>> sharing;  // (only when a hypothesis passes the screen)
    for (const auto& cand : typo_candidates(quantities, qi, claims, claim)) {
      if (screen.active() && !screen.admits(cand.value)) continue;  // cannot repair the claim
      Quantity rep = corrected(quantities[qi], cand.value);
      if (!sharing) sharing = sharing_claims(claims, claim, qi);
      if (!repairs(quantities, claims, claim, qi, rep, config, *sharing, was)) continue;
      found.push_back(cand);
      if (found.size() > 1) return std::nullopt;
    }
  }
  if (found.size() == 1) return found.front();
  return std::nullopt;
}

namespace {

struct LinearRelation {
  uint32_t claim;
  std::vector<std::pair<uint32_t, double>> terms;  // quantity, coefficient (base units)
};

/// total − Σ parts = 0; current − earlier ∓ change = 0; first − second = 0.
std::optional<LinearRelation> linear_form(const Claim& c, uint32_t ci, const std::vector<Quantity>& qs) {
  LinearRelation r{ci, {}};
  auto add = [&](uint32_t q, double k) { if (q < qs.size()) r.terms.emplace_back(q, k); };
  switch (c.kind) {
    case ClaimKind::Sum:
      for (const auto& o : c.operands) {
        if (o.role == "total") add(o.quantity, 1);
        else if (o.role == "part") add(o.quantity, -1);
      }
      break;
    case ClaimKind::AbsChange:
      for (const auto& o : c.operands) {
        if (o.role == "current") add(o.quantity, 1);
        else if (o.role == "earlier") add(o.quantity, -1);
        else if (o.role == "change") add(o.quantity, c.decrease ? 1 : -1);
      }
      break;
    case ClaimKind::PpDifference:
      for (const auto& o : c.operands) {
        if (o.role == "current") add(o.quantity, 1);
        else if (o.role == "earlier") add(o.quantity, -1);
      }
      if (r.terms.size() == 2 && c.stated < qs.size()) add(c.stated, c.decrease ? 1 : -1);
      else return std::nullopt;
      break;
    case ClaimKind::Repeat:
      for (const auto& o : c.operands) {
        if (o.role == "first") add(o.quantity, 1);
        else if (o.role == "second") add(o.quantity, -1);
      }
      break;
    default: return std::nullopt;
  }
  if (r.terms.size() < 2) return std::nullopt;
  for (const auto& t : r.terms)
    if (qs[t.first].qualifier != Qualifier::None && qs[t.first].qualifier != Qualifier::Estimate) return std::nullopt;
  return r;
}

}  // namespace

std::optional<Localisation> localise(const std::vector<Quantity>& quantities, const std::vector<Claim>& claims,
                                     const CheckConfig& config) {
  std::vector<LinearRelation> rel;
  std::vector<bool> failing;
  QuantityView view(quantities);
  for (uint32_t i = 0; i < claims.size(); ++i) {
    auto r = linear_form(claims[i], i, quantities);
    if (!r) continue;
    Verdict v = evaluate_verdict(claims[i], view, config);
    if (v == Verdict::Unchecked) continue;
    rel.push_back(*r);
    failing.push_back(v == Verdict::Discrepancy);
  }
  if (std::count(failing.begin(), failing.end(), true) < 2) return std::nullopt;
  std::map<uint32_t, int> col;
  for (const auto& r : rel)
    for (const auto& t : r.terms) col.emplace(t.first, static_cast<int>(col.size()));
  const int rows = static_cast<int>(rel.size()), cols = static_cast<int>(col.size());
  // The system is sparse (each relation names a handful of figures): a column-major sparse
  // matrix keeps the search linear in the number of relations, whatever the document's size.
  Eigen::SparseMatrix<double> a(rows, cols);
  {
    std::vector<Eigen::Triplet<double>> t;
    for (int i = 0; i < rows; ++i)
      for (const auto& [q, k] : rel[i].terms) t.emplace_back(i, col[q], k);
    a.setFromTriplets(t.begin(), t.end());  // duplicates are summed
  }
  Eigen::VectorXd x(cols), half(cols);
  std::vector<uint32_t> quantity_of(cols);
  for (const auto& [q, j] : col) {
    const Quantity& qq = quantities[q];
    double f = Rational::of_factor(qq.factor).to_double();
    x(j) = value_of(qq).to_double() * f;
    half(j) = qq.exact_count ? 0.0 : qq.value.half_ulp() * f;
    quantity_of[j] = q;
  }
  Eigen::VectorXd residual = a * x;
  // What each relation tolerates: the rounding of the figures it involves.
  Eigen::VectorXd slack = a.cwiseAbs() * half;
  const double scale = x.size() ? x.cwiseAbs().maxCoeff() : 0.0;
  auto holds = [&](double r, int i) { return std::fabs(r) <= slack(i) * (1 + 1e-9) + 1e-9 * scale; };
  std::optional<Localisation> best;
  size_t best_count = 1;
  for (int i = 0; i < rows; ++i) {
    if (!failing[i]) continue;
    for (const auto& term : rel[i].terms) {
      if (quantities[term.first].implicit) continue;
      const int j = col[term.first];
      double aij = 0;
      for (Eigen::SparseMatrix<double>::InnerIterator it(a, j); it; ++it)
        if (it.row() == i) aij = it.value();
      if (aij == 0.0) continue;
      double delta = -residual(i) / aij;
      std::vector<uint32_t> fixed;
      bool breaks = false;
      // Only the relations that contain figure j change when j changes.
      for (Eigen::SparseMatrix<double>::InnerIterator it(a, j); it; ++it) {
        const int k = static_cast<int>(it.row());
        double after = residual(k) + it.value() * delta;
        if (failing[k] && holds(after, k)) fixed.push_back(rel[k].claim);
        if (!failing[k] && !holds(after, k)) breaks = true;
      }
      if (breaks || fixed.size() <= best_count) continue;
      best_count = fixed.size();
      const uint32_t q = quantity_of[j];
      double f = Rational::of_factor(quantities[q].factor).to_double();
      best = Localisation{q, (x(j) + delta) / f * (quantities[q].negative ? -1 : 1), fixed};
    }
  }
  return best;
}

void apply_blame(DocumentResult& result, const CheckConfig& config) {
  auto& findings = result.findings;
  const auto& qs = result.quantities;
  const auto& claims = result.claims;
  std::vector<bool> merged(findings.size(), false);
  bool en = config.lang == Lang::En;
  auto pointer_to = [](const Finding& f, std::string message) {
    RelatedLocation r;
    r.path = f.path;
    r.begin = f.begin;
    r.end = f.end;
    r.quote = f.quote;
    r.message = std::move(message) + "[" + f.check + "] " + f.message;
    return r;
  };
  auto relate = [&](Finding& into, const Finding& from) {
    into.related.push_back(pointer_to(from, en ? "same error: " : "cùng một lỗi: "));
  };
  // A second relation broken by the same figure stays a finding of its own (each is a place in
  // the text a reviewer reads, and an answer key counts each), tied to the lead finding: it names
  // the lead in same_error_as and points at it, and the lead lists it as related.
  auto mark_symptom = [&](Finding& symptom, const Finding& lead) {
    symptom.same_error_as = lead.id;
    symptom.related.push_back(pointer_to(lead, en ? "same error as: " : "cùng một lỗi với: "));
  };
  auto describe = [&](const Quantity& q, const Decimal& v, TypoKind kind, uint32_t claim) {
    Quantity rep = corrected(q, v);
    Evaluation ev = evaluate(claims[claim], QuantityView(qs, static_cast<uint32_t>(&q - qs.data()), rep), config);
    std::string s = en ? "\"" + q.text + "\" is probably " + v.to_vi() + unit_suffix(q) + " (" + typo_en(kind) + ")"
                       : "\"" + q.text + "\" có lẽ là " + v.to_vi() + unit_suffix(q) + " (" + typo_vi(kind) + ")";
    if (!ev.computation.empty()) s += (en ? "; then " : "; khi đó ") + ev.computation;
    return s;
  };

  // 1. Fellegi-Holt across the linear relations: one figure that repairs several relations.
  if (auto loc = localise(qs, claims, config)) {
    const Quantity& q = qs[loc->quantity];
    int lead = -1;
    for (size_t i = 0; i < findings.size(); ++i) {
      if (findings[i].claim < 0 || !is_relation_check(findings[i].check)) continue;
      if (std::find(loc->repaired.begin(), loc->repaired.end(), uint32_t(findings[i].claim)) == loc->repaired.end()) continue;
      if (lead < 0) {
        lead = static_cast<int>(i);
        std::string v = format_vi(loc->corrected, std::max(q.precision, q.value.scale));
        findings[i].suggestion = en ? "\"" + q.text + "\" is probably about " + v + unit_suffix(q) + ": that single correction repairs " +
                                          std::to_string(loc->repaired.size()) + " relations"
                                    : "\"" + q.text + "\" có lẽ là khoảng " + v + unit_suffix(q) + ": chỉ một chỗ sửa này làm khớp " +
                                          std::to_string(loc->repaired.size()) + " quan hệ";
      } else {
        relate(findings[lead], findings[i]);
        mark_symptom(findings[i], findings[lead]);
        findings[i].suggestion = findings[lead].suggestion;
        merged[i] = true;
      }
    }
  }

  // 2. Typo hypotheses per failing claim.
  for (size_t i = 0; i < findings.size(); ++i) {
    Finding& f = findings[i];
    if (merged[i] || f.claim < 0 || !is_relation_check(f.check) || !f.suggestion.empty()) continue;
    uint32_t ci = static_cast<uint32_t>(f.claim);
    if (ci >= claims.size()) continue;
    auto corr = explain(qs, claims, ci, config);
    if (corr) {
      f.suggestion = describe(qs[corr->quantity], corr->value, corr->kind, ci);
      Quantity rep = corrected(qs[corr->quantity], corr->value);
      QuantityView view(qs, corr->quantity, rep);
      for (size_t j = 0; j < findings.size(); ++j) {
        if (j == i || merged[j] || findings[j].claim < 0 || !is_relation_check(findings[j].check)) continue;
        uint32_t cj = static_cast<uint32_t>(findings[j].claim);
        if (cj >= claims.size() || !uses(claims[cj], corr->quantity)) continue;
        if (evaluate_verdict(claims[cj], view, config) == Verdict::Discrepancy) continue;
        relate(f, findings[j]);
        mark_symptom(findings[j], f);
        findings[j].suggestion = describe(qs[corr->quantity], corr->value, corr->kind, cj);
        merged[j] = true;
      }
      continue;
    }
    // A figure equal to one of the neighbouring claim's figures (and to nothing else in its own
    // claim) was likely copied from the line above or below.
    std::vector<uint32_t> own = claim_figures(claims[ci]);
    std::vector<std::pair<uint32_t, uint32_t>> copies;  // (own figure, neighbour figure)
    for (int d : {-1, 1}) {
      int64_t n = static_cast<int64_t>(ci) + d;
      if (n < 0 || n >= static_cast<int64_t>(claims.size())) continue;
      for (uint32_t a : own)
        for (uint32_t b : claim_figures(claims[n]))
          if (a != b && a < qs.size() && b < qs.size() && !qs[a].implicit && !qs[b].implicit &&
              std::find(own.begin(), own.end(), b) == own.end() &&
              qs[a].value == qs[b].value && qs[a].unit == qs[b].unit && qs[a].value.mantissa != 0)
            copies.emplace_back(a, b);
    }
    std::set<uint32_t> copied;
    for (auto& c : copies) copied.insert(c.first);
    if (copied.size() == 1) {
      const Quantity& a = qs[copies.front().first];
      const Quantity& b = qs[copies.front().second];
      SourcePos p = result.doc.map.at(b.span.begin);
      f.suggestion = en ? "\"" + a.text + "\" equals a figure of the neighbouring claim (line " + std::to_string(p.line) +
                              "): it may have been copied from there"
                        : "\"" + a.text + "\" trùng với số liệu của câu bên cạnh (dòng " + std::to_string(p.line) +
                              "): có thể đã chép nhầm";
    }
  }
}

}  // namespace doisoat
