#pragma once

#include "checks/common.h"

namespace doisoat {

/// A / B against "chiếm X%".
class ShareCheck : public ClaimKindCheck {
 public:
  ShareCheck();
};

}  // namespace doisoat
