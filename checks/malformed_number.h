#pragma once

#include "checks/common.h"

namespace doisoat {

/// Numbers whose written form is invalid or suspicious ("310.00" for "310.000").
class MalformedNumberCheck : public ClaimKindCheck {
 public:
  MalformedNumberCheck();
  Evaluation evaluate(const Claim& c, const QuantityView& qs, const ToleranceOptions& o) const override;
};

}  // namespace doisoat
