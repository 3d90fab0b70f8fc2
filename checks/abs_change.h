#pragma once

#include "checks/common.h"

namespace doisoat {

/// The value and the earlier value against "tăng/giảm N so với …".
class AbsChangeCheck : public ClaimKindCheck {
 public:
  AbsChangeCheck();
  Evaluation evaluate(const Claim& c, const QuantityView& qs, const ToleranceOptions& o) const override;
};

}  // namespace doisoat
