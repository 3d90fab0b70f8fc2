#pragma once

#include "checks/common.h"

namespace doisoat {

/// X = Z ± Y percentage points.
class PpDifferenceCheck : public ClaimKindCheck {
 public:
  PpDifferenceCheck();
  Evaluation evaluate(const Claim& c, const QuantityView& qs, const ToleranceOptions& o) const override;
};

}  // namespace doisoat
