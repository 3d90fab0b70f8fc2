#include "checks/malformed_number.h"

namespace doisoat {

using namespace recompute;

namespace {

void evaluate_malformed(const Claim& c, const QuantityView& qs, Evaluation& ev) {
  const Quantity* q = qs.get(c.stated);
  if (const Quantity* n = first_role(c, qs, {"number"})) q = n;
  if (!q) return unchecked(ev, "missing number");
  ev.unit = q->unit;
  ev.verdict = Verdict::Discrepancy;
  ev.reason = q->malformed_reason;
  ev.display_decimals = q->hint ? q->hint->scale : decimals_of(*q);
  std::string why_vi = q->malformed_reason.empty() ? "cách viết số không hợp lệ" : q->malformed_reason;
  ev.message_vi = "số \"" + q->text + "\" viết sai quy cách (" + why_vi + ")";
  ev.message_en = "the number \"" + q->text + "\" is malformed (" +
                  (q->malformed_reason.empty() ? std::string("invalid written form") : q->malformed_reason) + ")";
  if (q->hint) {
    ev.computed = Rational::of(*q->hint);
    ev.computed_interval = Interval::point(*ev.computed);
    ev.computation = q->text + " → " + q->hint->to_vi();
    ev.message_vi += ", có lẽ là " + q->hint->to_vi();
    ev.message_en += ", probably " + q->hint->to_vi();
  } else {
    ev.computation = q->text;
  }
}

}  // namespace

MalformedNumberCheck::MalformedNumberCheck()
    : ClaimKindCheck(ClaimKind::MalformedNumber,
                     CheckMeta{"malformed-number", Severity::Warning, "Số viết sai quy cách hoặc đáng ngờ",
                               "Numbers whose written form is invalid or suspicious", check_documentation("malformed-number", Severity::Warning)}) {}

Evaluation MalformedNumberCheck::evaluate(const Claim& c, const QuantityView& qs, const ToleranceOptions&) const {
  Evaluation ev;
  evaluate_malformed(c, qs, ev);
  return ev;
}

}  // namespace doisoat
