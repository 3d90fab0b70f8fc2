#pragma once

#include "checks/common.h"

namespace doisoat {

/// An exhaustive breakdown ("gồm", a partition) adds up to its total.
class SumTotalCheck : public ClaimKindCheck {
 public:
  SumTotalCheck();
};

}  // namespace doisoat
