#pragma once

#include "checks/common.h"

namespace doisoat {

/// An exhaustive breakdown ("gồm", a partition) adds up to its total.
class SumTotalCheck : public ClaimKindCheck {
 public:
  SumTotalCheck();
  Evaluation evaluate(const Claim& c, const QuantityView& qs, const ToleranceOptions& o) const override;
};

}  // namespace doisoat
