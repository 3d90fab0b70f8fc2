#include "checks/sum_total.h"

namespace doisoat {

using namespace recompute;

SumTotalCheck::SumTotalCheck()
    : ClaimKindCheck(ClaimKind::Sum,
                     CheckMeta{"sum-total", Severity::Error, "Các phần cộng lại bằng tổng",
                               "Exhaustive parts add up to the total", check_documentation("sum-total", Severity::Error)}) {}

Evaluation SumTotalCheck::evaluate(const Claim& c, const QuantityView& qs, const ToleranceOptions& o) const {
  Evaluation ev;
  PartsReading r;
  // Kinds of a whole counted in their own nouns ("67 chủ thể: 22 HTX, 14 doanh nghiệp, 30 hộ").
  // A kind of the total's thing in its own noun ("12 người, trong đó 01 đối tượng").
  // Cases and the people they are ("99.085 trường hợp; 98.961 người đã khỏi bệnh, 63 ca tử vong").
  r.kinds_in_own_nouns = c.template_id == Template::TotalPartsOfKinds || c.template_id == Template::TotalTrongDoSubkind ||
                         c.template_id == Template::TotalCaseOutcomes;
  evaluate_parts(c, qs, o, r, ev);
  return ev;
}

}  // namespace doisoat
