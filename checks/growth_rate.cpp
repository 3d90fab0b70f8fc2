#include "checks/growth_rate.h"

namespace doisoat {

GrowthRateCheck::GrowthRateCheck()
    : ClaimKindCheck(ClaimKind::Growth,
                     CheckMeta{"growth-rate", Severity::Error, "Tốc độ tăng/giảm khớp với giá trị kỳ này và kỳ trước",
                               "A growth rate agrees with the current and earlier values", check_documentation("growth-rate", Severity::Error)}) {}

}  // namespace doisoat
