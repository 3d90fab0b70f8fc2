#include "checks/part_bound.h"

namespace doisoat {

using namespace recompute;

PartBoundCheck::PartBoundCheck()
    : ClaimKindCheck(ClaimKind::PartBound,
                     CheckMeta{"part-bound", Severity::Error, "Không phần nào, và tổng các phần, vượt quá tổng",
                               "No part, and not the parts' sum, exceeds the total", check_documentation("part-bound", Severity::Error)}) {}

Evaluation PartBoundCheck::evaluate(const Claim& c, const QuantityView& qs, const ToleranceOptions& o) const {
  Evaluation ev;
  PartsReading r;
  r.bound = true;
  // Kinds of a whole counted in their own nouns ("67 chủ thể: 22 HTX, 14 doanh nghiệp, 30 hộ").
  // A kind of the total's thing in its own noun ("12 người, trong đó 01 đối tượng").
  // Cases and the people they are ("99.085 trường hợp; 98.961 người đã khỏi bệnh, 63 ca tử vong").
  r.kinds_in_own_nouns = c.template_id == Template::TotalPartsOfKinds || c.template_id == Template::TotalTrongDoSubkind ||
                         c.template_id == Template::TotalCaseOutcomes;
  // "52.300 lao động, trong đó nữ 25.100 …; nông nghiệp 31.200 …": parts of two classifications
  // overlap, so only each part is bounded by the total, not their sum.
  r.cross_cutting = c.template_id == Template::TotalCrossCuttingParts;
  evaluate_parts(c, qs, o, r, ev);
  return ev;
}

}  // namespace doisoat
