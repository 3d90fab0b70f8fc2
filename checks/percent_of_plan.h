#pragma once

#include "checks/common.h"

namespace doisoat {

/// Actual / plan against "đạt X% kế hoạch/KH/dự toán".
class PercentOfPlanCheck : public ClaimKindCheck {
 public:
  PercentOfPlanCheck();
};

}  // namespace doisoat
