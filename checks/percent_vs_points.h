#pragma once

#include "checks/check.h"

namespace doisoat {

/// A change in a rate stated in % where percentage points fit (or the reverse).
class PercentVsPointsCheck : public Check {
 public:
  PercentVsPointsCheck();
  const CheckMeta& meta() const override { return meta_; }
  void run(CheckContext& ctx) const override;

 private:
  CheckMeta meta_;
};

}  // namespace doisoat
