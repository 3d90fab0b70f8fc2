#pragma once

#include "checks/common.h"

namespace doisoat {

/// A/B against the stated percent ("đạt 22.214/23.707 ha, đạt 94% KH").
class RatioRecomputeCheck : public ClaimKindCheck {
 public:
  RatioRecomputeCheck();
  Evaluation evaluate(const Claim& c, const QuantityView& qs, const ToleranceOptions& o) const override;
};

}  // namespace doisoat
