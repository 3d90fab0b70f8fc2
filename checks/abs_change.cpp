#include "checks/abs_change.h"

namespace doisoat {

using namespace recompute;

AbsChangeCheck::AbsChangeCheck()
    : ClaimKindCheck(ClaimKind::AbsChange,
                     CheckMeta{"abs-change", Severity::Error, "Mức tăng/giảm tuyệt đối khớp với hai giá trị",
                               "An absolute change agrees with the two values", check_documentation("abs-change", Severity::Error)}) {}

Evaluation AbsChangeCheck::evaluate(const Claim& c, const QuantityView& qs, const ToleranceOptions& o) const {
  Evaluation ev;
  evaluate_difference(c, qs, o, ev, false);
  return ev;
}

}  // namespace doisoat
