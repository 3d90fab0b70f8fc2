#include "checks/share.h"

namespace doisoat {

ShareCheck::ShareCheck()
    : ClaimKindCheck(ClaimKind::Share,
                     CheckMeta{"share", Severity::Error, "A / tổng khớp với “chiếm X%”",
                               "A / total agrees with “chiếm X%”", check_documentation("share", Severity::Error)}) {}

}  // namespace doisoat
