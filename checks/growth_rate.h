#pragma once

#include "checks/common.h"

namespace doisoat {

/// The value and the earlier value against "tăng/giảm X% so với cùng kỳ".
class GrowthRateCheck : public ClaimKindCheck {
 public:
  GrowthRateCheck();
  Evaluation evaluate(const Claim& c, const QuantityView& qs, const ToleranceOptions& o) const override;
};

}  // namespace doisoat
