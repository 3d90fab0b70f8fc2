#include "checks/growth_rate.h"

#include <algorithm>
#include <stdexcept>

namespace doisoat {

using namespace recompute;

namespace {

// ---- growth: the rate of the change between two values --------------------------------------

void evaluate_growth(const Claim& c, const QuantityView& qs, const ToleranceOptions& o, Evaluation& ev) {
  const Quantity* cur = first_role(c, qs, {"current"});
  const Quantity* ear = first_role(c, qs, {"earlier"});
  const Quantity* st = qs.get(c.stated);
  bool index = has_role(c, "index");
  if (const Quantity* r = first_role(c, qs, {"rate", "index"})) st = r;
  const Quantity* chg = first_role(c, qs, {"change"});
  if (cur && !ear && chg && st && !index) {
    // "402.588 lượt, tăng 138.037 lượt (tăng 21,5%)": earlier = current ∓ change, rate = change / earlier.
    if (!compatible(*cur, *chg)) return unchecked(ev, "units differ: " + cur->unit + " / " + chg->unit);
    ev.unit = "%";
    int k = decimals_of(*st);
    ev.display_decimals = std::max(2, k + 2);
    Rational hundred(100);
    auto rate_of = [&](OperandMode mode) {
      Interval cv = operand_interval(*cur, mode, o), ch = in_unit_of(*chg, *cur, mode, o);
      Interval e = c.decrease ? cv + ch : cv - ch;
      return (ch / e) * hundred;
    };
    Interval ev_earlier = c.decrease ? operand_interval(*cur, OperandMode::AsPrinted, o) + in_unit_of(*chg, *cur, OperandMode::AsPrinted, o)
                                     : operand_interval(*cur, OperandMode::AsPrinted, o) - in_unit_of(*chg, *cur, OperandMode::AsPrinted, o);
    if (ev_earlier.contains_zero()) return unchecked(ev, "earlier value is zero");
    Interval p = rate_of(OperandMode::AsPrinted);
    ev.computed = p.centre();
    ev.computed_interval = p;
    Quantity stated_mag = *st;
    stated_mag.negative = false;
    Agreement a = agree(p, stated_mag, o);
    ev.verdict = verdict_of(a);
    // Verdict only: the rest displays the figures; it can throw only on overflows the guards
    // rule out (the earlier level's centre of two endpoints below 2^62 fits, then its display).
    if (o.verdict_only && rounding_cannot_overflow(*ev.computed, std::max(ev.display_decimals, k)) &&
        rounding_cannot_overflow(ev_earlier.lo, 0) && rounding_cannot_overflow(ev_earlier.hi, 0) &&
        rounding_cannot_overflow(ev_earlier.centre(), decimals_of(*cur)))
      return;
    std::string pc = format_vi(*ev.computed, ev.display_decimals) + "%";
    std::string earlier_text = format_vi(ev_earlier.centre(), decimals_of(*cur));
    ev.computation = shown(*chg) + " / (" + shown(*cur) + (c.decrease ? " + " : " − ") + shown(*chg) + ") × 100 = " + pc +
                     " → " + rounded_to_stated(*ev.computed, *st) + "%";
    ev.message_vi = std::string(c.decrease ? "giảm " : "tăng ") + shown(*chg) + " so với kỳ trước " + earlier_text + " là " + pc +
                    ", báo cáo ghi " + shown(*st) + "%";
    ev.message_en = std::string(c.decrease ? "a fall of " : "a rise of ") + shown(*chg) + " on an earlier " + earlier_text + " is " + pc +
                    ", the report states " + shown(*st) + "%";
    if (a == Agreement::ConsistentTruncated) ev.reason = "matches only if truncated";
    if (a != Agreement::Discrepancy) return;
    try {
      ev.rounding_only = meets(rate_of(OperandMode::Rounded), rounding_interval(stated_mag, o));
    } catch (const std::exception&) {
    }
    return;
  }
  if (!cur || !ear || !st) return unchecked(ev, "earlier or current value not stated");
  if (!compatible(*cur, *ear)) return unchecked(ev, "units differ: " + cur->unit + " / " + ear->unit);
  // "gấp 2,1 lần so với cùng kỳ (cùng kỳ 2.150 tỷ đồng)": an index written as a multiple.
  const bool times = index && st->unit == "lần";
  const std::string pct_sign = times ? " lần" : "%";
  ev.unit = times ? "lần" : "%";
  int k = decimals_of(*st);
  ev.display_decimals = std::max(2, k + 2);
  Rational hundred(100);
  auto rate_of = [&](OperandMode mode) {
    Interval cv = in_unit_of(*cur, *ear, mode, o), e = operand_interval(*ear, mode, o);
    Interval ratio = times ? cv / e : (cv / e) * hundred;
    if (index) return ratio;
    Interval g = ratio - Interval::point(hundred);
    return c.decrease ? -g : g;
  };
  if (operand_interval(*ear, OperandMode::AsPrinted, o).contains_zero()) return unchecked(ev, "earlier value is zero");
  Interval p = rate_of(OperandMode::AsPrinted);
  ev.computed = p.centre();
  ev.computed_interval = p;
  // "giảm -3%" is unusual; the stated rate is compared by magnitude in the claim's direction.
  Quantity stated_mag = *st;
  if (c.decrease) stated_mag.negative = false;
  Agreement a = agree(p, stated_mag, o);
  ev.verdict = verdict_of(a);
  // Verdict only: the rest displays and qualifies; kept where a failing rate of two percents
  // goes on to an exact points reading (which could throw).
  if (o.verdict_only && rounding_cannot_overflow(*ev.computed, std::max(ev.display_decimals, k)) &&
      !(a == Agreement::Discrepancy && !index && cur->unit == "%" && ear->unit == "%"))
    return;
  std::string pc = format_vi(*ev.computed, ev.display_decimals) + pct_sign;
  std::string word_vi = times ? "gấp " : index ? "bằng " : (c.decrease ? "giảm " : "tăng ");
  std::string word_en = times ? "multiple of " : index ? "index " : (c.decrease ? "fall of " : "growth of ");
  std::string formula = times   ? shown(*cur) + " / " + shown(*ear)
                        : index ? shown(*cur) + " / " + shown(*ear) + " × 100"
                                : (c.decrease ? "(1 − " + shown(*cur) + " / " + shown(*ear) + ") × 100"
                                              : "(" + shown(*cur) + " / " + shown(*ear) + " − 1) × 100");
  ev.computation = formula + " = " + pc + " → " + rounded_to_stated(*ev.computed, *st) + pct_sign;
  ev.message_vi = shown(*cur) + " so với " + shown(*ear) + " là " + word_vi + pc + ", báo cáo ghi " + word_vi + shown(*st) + pct_sign;
  ev.message_en = shown(*cur) + " against " + shown(*ear) + " is a " + word_en + pc + ", the report states " + shown(*st) + pct_sign;
  if (a == Agreement::ConsistentTruncated) ev.reason = "matches only if truncated";
  if (a != Agreement::Discrepancy) return;
  try {
    ev.rounding_only = meets(rate_of(OperandMode::Rounded), rounding_interval(stated_mag, o));
  } catch (const std::exception&) {
  }
  if (index) {
    Rational cr = round_half_up(*ev.computed, k);
    const Rational par = times ? Rational(1) : hundred;
    ev.material = (value_of(stated_mag) >= par) != (cr >= par);
  } else {
    // The text says "tăng" and the figures fall (or the reverse).
    ev.material = ev.computed->negative() && !value_of(stated_mag).negative() &&
                  round_half_up(*ev.computed, k).negative();
  }
  // Percent vs points: rates stated in % whose difference in points is what the text says.
  if (!index && cur->unit == "%" && ear->unit == "%") {
    Interval pp = operand_interval(*cur, OperandMode::AsPrinted, o) - operand_interval(*ear, OperandMode::AsPrinted, o);
    if (c.decrease) pp = -pp;
    if (meets(pp, rounding_interval(stated_mag, o))) {
      ev.points_fit = true;
      ev.points_text = shown(*cur) + " − " + shown(*ear) + " = " + format_vi(pp.centre(), k) + " điểm phần trăm";
    }
  }
}

}  // namespace

GrowthRateCheck::GrowthRateCheck()
    : ClaimKindCheck(ClaimKind::Growth,
                     CheckMeta{"growth-rate", Severity::Error, "Tốc độ tăng/giảm khớp với giá trị kỳ này và kỳ trước",
                               "A growth rate agrees with the current and earlier values", check_documentation("growth-rate", Severity::Error)}) {}

Evaluation GrowthRateCheck::evaluate(const Claim& c, const QuantityView& qs, const ToleranceOptions& o) const {
  Evaluation ev;
  evaluate_growth(c, qs, o, ev);
  return ev;
}

}  // namespace doisoat
