#include "checks/sum_total.h"

namespace doisoat {

SumTotalCheck::SumTotalCheck()
    : ClaimKindCheck(ClaimKind::Sum,
                     CheckMeta{"sum-total", Severity::Error, "Các phần cộng lại bằng tổng",
                               "Exhaustive parts add up to the total", check_documentation("sum-total", Severity::Error)}) {}

}  // namespace doisoat
