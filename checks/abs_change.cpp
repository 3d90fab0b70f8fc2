#include "checks/abs_change.h"

namespace doisoat {

using namespace recompute;

AbsChangeCheck::AbsChangeCheck()
    : ClaimKindCheck(ClaimKind::AbsChange,
                     CheckMeta{"abs-change", Severity::Error, "Mức tăng/giảm tuyệt đối khớp với hai giá trị",
                               "An absolute change agrees with the two values", check_documentation("abs-change", Severity::Error)}) {}

Evaluation AbsChangeCheck::evaluate(const Claim& c, const QuantityView& qs, const ToleranceOptions& o) const {
  Evaluation ev;
  if (c.template_id != Template::TableRankChangeColumn && c.template_id != Template::RankChangeBesideBoth) {
    evaluate_difference(c, qs, o, ev, false);
    return ev;
  }
  // A rank's change is the places gained: a smaller rank is a better one, so 35 → 28 is "tăng 7
  // bậc", earlier − current (the construction keeps the table's current and earlier cells as such).
  Claim gained = c;
  for (Operand& op : gained.operands) {
    if (op.role == "current") op.role = "earlier";
    else if (op.role == "earlier") op.role = "current";
  }
  evaluate_difference(gained, qs, o, ev, false);
  if (!ev.message_vi.empty()) {
    ev.message_vi += " (thứ hạng: số bậc tăng = hạng kỳ trước − hạng kỳ này)";
    ev.message_en += " (a rank: places gained = earlier rank − current rank)";
  }
  return ev;
}

}  // namespace doisoat
