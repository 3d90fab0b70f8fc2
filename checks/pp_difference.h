#pragma once

#include "checks/common.h"

namespace doisoat {

/// X = Z ± Y percentage points.
class PpDifferenceCheck : public ClaimKindCheck {
 public:
  PpDifferenceCheck();
};

}  // namespace doisoat
