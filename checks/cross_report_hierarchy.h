#pragma once

#include "checks/cross_report.h"

namespace doisoat {

/// A district's figure is within its province's; all the parts add up to the province.
class CrossReportHierarchyCheck : public CrossCheck {
 public:
  CrossReportHierarchyCheck();
  const CheckMeta& meta() const override { return meta_; }
  void run_cross(CrossContext& ctx) const override;

 private:
  CheckMeta meta_;
};

}  // namespace doisoat
