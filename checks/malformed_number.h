#pragma once

#include "checks/common.h"

namespace doisoat {

/// Numbers whose written form is invalid or suspicious ("310.00" for "310.000").
class MalformedNumberCheck : public ClaimKindCheck {
 public:
  MalformedNumberCheck();
  Evaluation evaluate(const Claim& c, const QuantityView& qs, const ToleranceOptions& o) const override;
  /// The claim is the malformed figure: reading it as meant would hide it.
  bool rereads_malformed_operands() const override { return false; }
};

}  // namespace doisoat
