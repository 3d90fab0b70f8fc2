#include "checks/percent_of_plan.h"

namespace doisoat {

PercentOfPlanCheck::PercentOfPlanCheck()
    : ClaimKindCheck(ClaimKind::PercentOfPlan,
                     CheckMeta{"percent-of-plan", Severity::Error, "Thực hiện / kế hoạch khớp với “đạt X% kế hoạch”",
                               "Actual / plan agrees with “đạt X% kế hoạch”", check_documentation("percent-of-plan", Severity::Error)}) {}

}  // namespace doisoat
