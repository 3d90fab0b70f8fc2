#pragma once

#include "checks/common.h"

namespace doisoat {

/// A / B against "chiếm X%".
class ShareCheck : public ClaimKindCheck {
 public:
  ShareCheck();
  Evaluation evaluate(const Claim& c, const QuantityView& qs, const ToleranceOptions& o) const override;
};

}  // namespace doisoat
