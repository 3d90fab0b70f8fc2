#include "checks/share.h"

namespace doisoat {

using namespace recompute;

ShareCheck::ShareCheck()
    : ClaimKindCheck(ClaimKind::Share,
                     CheckMeta{"share", Severity::Error, "A / tổng khớp với “chiếm X%”",
                               "A / total agrees with “chiếm X%”", check_documentation("share", Severity::Error)}) {}

Evaluation ShareCheck::evaluate(const Claim& c, const QuantityView& qs, const ToleranceOptions& o) const {
  Evaluation ev;
  PercentReading r;
  r.share = true;
  // "570 việc, trong đó có 175 bản sao …, đạt tỷ lệ 30,7%": the text itself makes the part a part
  // of that whole, counted in its own noun.
  r.counts_linked = c.template_id == Template::PartOfLinkedTotal;
  evaluate_percent(c, qs, o, r, ev);
  return ev;
}

}  // namespace doisoat
