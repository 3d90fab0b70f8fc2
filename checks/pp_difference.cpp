#include "checks/pp_difference.h"

#include <algorithm>
#include <stdexcept>

namespace doisoat {

using namespace recompute;

namespace {

// "1.792 hộ, tỷ lệ 13,54% giảm … 333 hộ (2,51%)": the change of a population's rate in points,
// from the counts: earlier rate (part ± change) / (total ± its change) against part / total. A
// percent of the households (change / total) is the other reading; either agreeing is consistent.
void evaluate_rate_points(const Claim& c, const QuantityView& qs, const ToleranceOptions& o, Evaluation& ev) {
  const Quantity* part = first_role(c, qs, {"part"});
  const Quantity* total = first_role(c, qs, {"total"});
  const Quantity* dpart = first_role(c, qs, {"part_change"});
  const Quantity* dtotal = first_role(c, qs, {"total_change_down", "total_change_up"});
  const Quantity* st = qs.get(c.stated);
  if (!part || !total || !dpart || !st) return unchecked(ev, "counts of the rate not stated");
  if (!compatible(*part, *total) || !compatible(*dpart, *total) || (dtotal && !compatible(*dtotal, *total)))
    return unchecked(ev, "units differ: " + part->unit + " / " + total->unit);
  bool total_down = false;
  for (const Operand& op : c.operands)
    if (op.role == "total_change_down") total_down = true;
  auto v = [&](const Quantity& q) { return in_unit_of(q, *total, OperandMode::AsPrinted, o); };
  const Rational hundred(100);
  Interval P = v(*part), T = v(*total), dP = v(*dpart);
  Interval dT = dtotal ? v(*dtotal) : Interval::point(Rational(0));
  Interval P0 = c.decrease ? P + dP : P - dP;
  Interval T0 = total_down ? T + dT : T - dT;
  if (T.contains_zero() || T0.contains_zero()) return unchecked(ev, "empty population");
  Interval now = (P / T) * hundred, before = (P0 / T0) * hundred;
  Interval d = c.decrease ? before - now : now - before;
  Quantity stated_mag = *st;
  stated_mag.negative = false;
  ev.unit = "điểm phần trăm";
  int k = decimals_of(*st);
  ev.display_decimals = k + 2;
  ev.computed = d.centre();
  ev.computed_interval = d;
  Agreement a = agree(d, stated_mag, o, true);
  std::string formula = "(" + shown(*part) + (c.decrease ? " + " : " − ") + shown(*dpart) + ") / (" + shown(*total) +
                        (dtotal ? (total_down ? " + " : " − ") + shown(*dtotal) : std::string()) + ") − " + shown(*part) +
                        " / " + shown(*total);
  if (!c.decrease)
    formula = shown(*part) + " / " + shown(*total) + " − (" + shown(*part) + " − " + shown(*dpart) + ") / (" + shown(*total) +
              (dtotal ? (total_down ? " + " : " − ") + shown(*dtotal) : std::string()) + ")";
  std::string dt = format_vi(*ev.computed, k + 2);
  ev.computation = formula + " = " + dt + " điểm phần trăm";
  if (a == Agreement::Discrepancy) {
    Interval share = (dP / T) * hundred;
    if (meets(share, rounding_interval(stated_mag, o))) {
      a = Agreement::Consistent;
      ev.reason = "as a percent of the population: " + shown(*dpart) + " / " + shown(*total);
    }
  }
  ev.verdict = verdict_of(a);
  std::string word_vi = c.decrease ? "giảm " : "tăng ", word_en = c.decrease ? "a fall of " : "a rise of ";
  ev.message_vi = ev.computation + ", báo cáo ghi " + word_vi + shown(*st);
  ev.message_en = ev.computation + ", the report states " + word_en + shown(*st);
  if (a == Agreement::ConsistentTruncated) ev.reason = "matches only if truncated";
}

}  // namespace

PpDifferenceCheck::PpDifferenceCheck()
    : ClaimKindCheck(ClaimKind::PpDifference,
                     CheckMeta{"pp-difference", Severity::Error, "Chênh lệch điểm phần trăm khớp với hai tỷ lệ",
                               "A change in points agrees with the two rates", check_documentation("pp-difference", Severity::Error)}) {}

Evaluation PpDifferenceCheck::evaluate(const Claim& c, const QuantityView& qs, const ToleranceOptions& o) const {
  Evaluation ev;
  if (c.template_id == Template::CountChangeRatePoints) {
    evaluate_rate_points(c, qs, o, ev);
    return ev;
  }
  evaluate_difference(c, qs, o, ev, true);
  return ev;
}

}  // namespace doisoat
