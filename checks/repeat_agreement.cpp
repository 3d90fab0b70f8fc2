#include "checks/repeat_agreement.h"

#include <algorithm>
#include <stdexcept>

namespace doisoat {

using namespace recompute;

namespace {

// "giảm 55% so với cùng kỳ" in one place and "bằng 45% so với cùng kỳ" in another: one year-on-year
// change stated as a rate and as an index (bằng X% is a change of X − 100%; tăng Y% is bằng 100 + Y%),
// or with opposite directions. The first statement is put in the second's form and compared.
// False (nothing done) unless both are year-on-year figures in percent stated in different forms.
bool restated_change(const Quantity& first, const Quantity& second, const ToleranceOptions& o, Evaluation& ev) {
  auto yoy = [](const Quantity& q) { return q.unit == "%" && (q.role == "yoy_rate" || q.role == "yoy_ratio"); };
  if (!yoy(first) || !yoy(second)) return false;
  if (first.role == second.role && (first.role == "yoy_ratio" || first.decrease == second.decrease)) return false;
  const Rational hundred(100);
  // A statement's interval as a signed change in percent, and back into the second's form.
  auto as_change = [&](const Quantity& q, const Interval& x) {
    if (q.role == "yoy_ratio") return x - Interval::point(hundred);
    return q.decrease ? -x : x;
  };
  auto in_form_of_second = [&](const Interval& change) {
    if (second.role == "yoy_ratio") return change + Interval::point(hundred);
    return second.decrease ? -change : change;
  };
  auto words = [](const Quantity& q, const std::string& number) {
    if (q.role == "yoy_ratio") return "bằng " + number + "%";
    return std::string(q.decrease ? "giảm " : "tăng ") + number + "%";
  };
  Interval f = in_form_of_second(as_change(first, operand_interval(first, OperandMode::Rounded, o)));
  ev.computed = in_form_of_second(as_change(first, operand_interval(first, OperandMode::AsPrinted, o))).centre();
  ev.computed_interval = f;
  ev.verdict = meets(f, rounding_interval(second, o)) ? Verdict::Consistent : Verdict::Discrepancy;
  const std::string said = words(first, shown(first));
  const std::string as_second = words(second, format_vi(*ev.computed, decimals_of(first)));
  ev.computation = said + " = " + as_second + (ev.verdict == Verdict::Consistent ? " = " : " ≠ ") + words(second, shown(second));
  ev.message_vi = "cùng một mức thay đổi so với cùng kỳ được ghi hai lần: " + said + " (tức " + as_second + ") và " +
                  words(second, shown(second));
  ev.message_en = "the same year-on-year change is stated twice: " + said + " (that is " + as_second + ") and " +
                  words(second, shown(second));
  return true;
}

void evaluate_repeat(const Claim& c, const QuantityView& qs, const ToleranceOptions& o, Evaluation& ev) {
  const Quantity* first = first_role(c, qs, {"first"});
  const Quantity* second = first_role(c, qs, {"second"});
  if (!second) second = qs.get(c.stated);
  if (!first || !second) return unchecked(ev, "missing statement");
  if (!compatible(*first, *second)) return unchecked(ev, "units differ: " + first->unit + " / " + second->unit);
  ev.unit = second->unit;
  ev.display_decimals = std::max(decimals_of(*first), decimals_of(*second));
  if (restated_change(*first, *second, o, ev)) return;
  Interval f = in_unit_of(*first, *second, OperandMode::Rounded, o);
  ev.computed = in_unit_of(*first, *second, OperandMode::AsPrinted, o).centre();
  ev.computed_interval = f;
  ev.verdict = meets(f, rounding_interval(*second, o)) ? Verdict::Consistent : Verdict::Discrepancy;
  ev.computation = with_unit(shown(*first), first->unit) + (ev.verdict == Verdict::Consistent ? " = " : " ≠ ") +
                   with_unit(shown(*second), second->unit);
  ev.message_vi = "cùng chỉ tiêu được ghi hai lần với hai giá trị: " + with_unit(shown(*first), first->unit) + " và " +
                  with_unit(shown(*second), second->unit);
  ev.message_en = "the same figure is stated twice with two values: " + with_unit(shown(*first), first->unit) +
                  " and " + with_unit(shown(*second), second->unit);
}

}  // namespace

RepeatAgreementCheck::RepeatAgreementCheck()
    : ClaimKindCheck(ClaimKind::Repeat,
                     CheckMeta{"repeat-agreement", Severity::Error, "Cùng một số liệu ghi hai lần phải khớp nhau",
                               "The same figure stated twice agrees", check_documentation("repeat-agreement", Severity::Error)}) {}

Evaluation RepeatAgreementCheck::evaluate(const Claim& c, const QuantityView& qs, const ToleranceOptions& o) const {
  Evaluation ev;
  evaluate_repeat(c, qs, o, ev);
  return ev;
}

// "154.837 triệu kWh" restated as 154,873: the restatement is found through the intended reading
// of its malformed figure, and is about that reading.
bool RepeatAgreementCheck::reads_stated_as_meant(const Claim& c) const { return c.template_id == Template::RestatedWithSlip; }

}  // namespace doisoat
