#pragma once

#include "checks/common.h"

namespace doisoat {

/// Actual / plan against "đạt X% kế hoạch/KH/dự toán".
class PercentOfPlanCheck : public ClaimKindCheck {
 public:
  PercentOfPlanCheck();
  Evaluation evaluate(const Claim& c, const QuantityView& qs, const ToleranceOptions& o) const override;
};

}  // namespace doisoat
