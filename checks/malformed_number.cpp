#include "checks/malformed_number.h"

namespace doisoat {

MalformedNumberCheck::MalformedNumberCheck()
    : ClaimKindCheck(ClaimKind::MalformedNumber,
                     CheckMeta{"malformed-number", Severity::Warning, "Số viết sai quy cách hoặc đáng ngờ",
                               "Numbers whose written form is invalid or suspicious", check_documentation("malformed-number", Severity::Warning)}) {}

}  // namespace doisoat
