#include "checks/abs_change.h"

namespace doisoat {

AbsChangeCheck::AbsChangeCheck()
    : ClaimKindCheck(ClaimKind::AbsChange,
                     CheckMeta{"abs-change", Severity::Error, "Mức tăng/giảm tuyệt đối khớp với hai giá trị",
                               "An absolute change agrees with the two values", check_documentation("abs-change", Severity::Error)}) {}

}  // namespace doisoat
