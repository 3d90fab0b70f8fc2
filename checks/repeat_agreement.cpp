#include "checks/repeat_agreement.h"

namespace doisoat {

RepeatAgreementCheck::RepeatAgreementCheck()
    : ClaimKindCheck(ClaimKind::Repeat,
                     CheckMeta{"repeat-agreement", Severity::Error, "Cùng một số liệu ghi hai lần phải khớp nhau",
                               "The same figure stated twice agrees", check_documentation("repeat-agreement", Severity::Error)}) {}

}  // namespace doisoat
