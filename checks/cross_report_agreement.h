#pragma once

#include "checks/cross_report.h"

namespace doisoat {

/// The same figure (indicator, region, period, unit) stated in two documents agrees.
class CrossReportAgreementCheck : public CrossCheck {
 public:
  CrossReportAgreementCheck();
  const CheckMeta& meta() const override { return meta_; }
  void run_cross(CrossContext& ctx) const override;

 private:
  CheckMeta meta_;
};

}  // namespace doisoat
