#include "checks/ratio_recompute.h"

#include <algorithm>
#include <stdexcept>

namespace doisoat {

using namespace recompute;

namespace {

// ---- average per counted thing: total / count ----------------------------------------------

void evaluate_average(const Claim& c, const QuantityView& qs, const ToleranceOptions& o, Evaluation& ev) {
  const Quantity* total = first_role(c, qs, {"numerator"});
  const Quantity* count = first_role(c, qs, {"denominator"});
  const Quantity* st = qs.get(c.stated);
  if (!total || !count || !st) return unchecked(ev, "missing operand");
  // The average's factor is that of its money unit, also when written as a rate ("tỷ đồng/DN").
  Interval n = operand_interval(*total, OperandMode::AsPrinted, o) *
               (Rational::of_factor(total->factor) / Rational::of_factor(st->factor));
  Interval d = operand_interval(*count, OperandMode::AsPrinted, o);
  if (d.contains_zero()) return unchecked(ev, "count is zero");
  ev.unit = st->unit;
  int k = decimals_of(*st);
  ev.display_decimals = k + 2;
  Interval p = n / d;
  ev.computed = p.centre();
  ev.computed_interval = p;
  Agreement a = agree(p, *st, o);
  ev.verdict = verdict_of(a);
  std::string avg = format_vi(*ev.computed, ev.display_decimals);
  ev.computation = with_unit(shown(*total), total->unit) + " / " + with_unit(shown(*count), count->unit) + " = " + avg +
                   " → " + rounded_to_stated(*ev.computed, *st);
  if (a == Agreement::ConsistentTruncated) ev.reason = "matches only if truncated";
  std::string lhs = with_unit(shown(*total), total->unit) + " / " + with_unit(shown(*count), count->unit) + " = " + avg;
  set_messages(ev, lhs, *st, st->unit);
  if (a != Agreement::Discrepancy) return;
  try {
    Interval nr = operand_interval(*total, OperandMode::Rounded, o) *
                  (Rational::of_factor(total->factor) / Rational::of_factor(st->factor));
    Interval dr = operand_interval(*count, OperandMode::Rounded, o);
    if (!dr.contains_zero()) ev.rounding_only = meets(nr / dr, rounding_interval(*st, o));
  } catch (const std::exception&) {
  }
}

}  // namespace

RatioRecomputeCheck::RatioRecomputeCheck()
    : ClaimKindCheck(ClaimKind::Ratio,
                     CheckMeta{"ratio-recompute", Severity::Error, "A/B khớp với tỷ lệ phần trăm đã ghi",
                               "A/B agrees with the stated percent", check_documentation("ratio-recompute", Severity::Error)}) {}

Evaluation RatioRecomputeCheck::evaluate(const Claim& c, const QuantityView& qs, const ToleranceOptions& o) const {
  Evaluation ev;
  if (c.template_id == Template::AveragePerUnit) {  // "bình quân … tỷ đồng/DN": total / count
    evaluate_average(c, qs, o, ev);
    return ev;
  }
  PercentReading r;
  r.over = c.template_id == Template::ABVuotPct;  // "A/B …, vượt X% dự toán": (A/B − 1) × 100
  evaluate_percent(c, qs, o, r, ev);
  return ev;
}

}  // namespace doisoat
