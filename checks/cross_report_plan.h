#pragma once

#include "checks/cross_report.h"

namespace doisoat {

/// "đạt X% kế hoạch năm" agrees with the annual plan stated in another document.
class CrossReportPlanCheck : public CrossCheck {
 public:
  CrossReportPlanCheck();
  const CheckMeta& meta() const override { return meta_; }
  void run_cross(CrossContext& ctx) const override;

 private:
  CheckMeta meta_;
};

}  // namespace doisoat
