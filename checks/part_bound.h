#pragma once

#include "checks/common.h"

namespace doisoat {

/// A non-exhaustive "trong đó" list: no part, and not their sum, exceeds the total.
class PartBoundCheck : public ClaimKindCheck {
 public:
  PartBoundCheck();
  Evaluation evaluate(const Claim& c, const QuantityView& qs, const ToleranceOptions& o) const override;
};

}  // namespace doisoat
