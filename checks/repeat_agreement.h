#pragma once

#include "checks/common.h"

namespace doisoat {

/// The same indicator, region, period and unit stated twice agrees.
class RepeatAgreementCheck : public ClaimKindCheck {
 public:
  RepeatAgreementCheck();
};

}  // namespace doisoat
