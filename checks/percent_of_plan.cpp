#include "checks/percent_of_plan.h"

namespace doisoat {

using namespace recompute;

PercentOfPlanCheck::PercentOfPlanCheck()
    : ClaimKindCheck(ClaimKind::PercentOfPlan,
                     CheckMeta{"percent-of-plan", Severity::Error, "Thực hiện / kế hoạch khớp với “đạt X% kế hoạch”",
                               "Actual / plan agrees with “đạt X% kế hoạch”", check_documentation("percent-of-plan", Severity::Error)}) {}

Evaluation PercentOfPlanCheck::evaluate(const Claim& c, const QuantityView& qs, const ToleranceOptions& o) const {
  Evaluation ev;
  PercentReading r;
  r.plan = true;
  // "vượt 4,2% kế hoạch": the stated figure is how far the actual is above the plan.
  r.over = c.template_id == Template::ActualVuotPctPlan;
  evaluate_percent(c, qs, o, r, ev);
  return ev;
}

}  // namespace doisoat
