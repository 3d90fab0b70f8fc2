#pragma once

#include "checks/check.h"

namespace doisoat {

/// The stated figure matches its operands only if the report truncated instead of rounding.
class RoundingConventionCheck : public Check {
 public:
  RoundingConventionCheck();
  const CheckMeta& meta() const override { return meta_; }
  void run(CheckContext& ctx) const override;

 private:
  CheckMeta meta_;
};

}  // namespace doisoat
