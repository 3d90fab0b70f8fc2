#include "checks/part_bound.h"

namespace doisoat {

PartBoundCheck::PartBoundCheck()
    : ClaimKindCheck(ClaimKind::PartBound,
                     CheckMeta{"part-bound", Severity::Error, "Không phần nào, và tổng các phần, vượt quá tổng",
                               "No part, and not the parts' sum, exceeds the total", check_documentation("part-bound", Severity::Error)}) {}

}  // namespace doisoat
