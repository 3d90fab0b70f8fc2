#pragma once

#include "checks/common.h"

namespace doisoat {

/// The same indicator, region, period and unit stated twice agrees.
class RepeatAgreementCheck : public ClaimKindCheck {
 public:
  RepeatAgreementCheck();
  Evaluation evaluate(const Claim& c, const QuantityView& qs, const ToleranceOptions& o) const override;
  bool reads_stated_as_meant(const Claim& c) const override;
};

}  // namespace doisoat
