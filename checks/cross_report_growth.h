#pragma once

#include "checks/cross_report.h"

namespace doisoat {

/// A change "so với cùng kỳ" agrees with the same indicator a year earlier in another document.
class CrossReportGrowthCheck : public CrossCheck {
 public:
  CrossReportGrowthCheck();
  const CheckMeta& meta() const override { return meta_; }
  void run_cross(CrossContext& ctx) const override;

 private:
  CheckMeta meta_;
};

}  // namespace doisoat
