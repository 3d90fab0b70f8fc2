#include "checks/ratio_recompute.h"

namespace doisoat {

RatioRecomputeCheck::RatioRecomputeCheck()
    : ClaimKindCheck(ClaimKind::Ratio,
                     CheckMeta{"ratio-recompute", Severity::Error, "A/B khớp với tỷ lệ phần trăm đã ghi",
                               "A/B agrees with the stated percent", check_documentation("ratio-recompute", Severity::Error)}) {}

}  // namespace doisoat
