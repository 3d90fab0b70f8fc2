#include "checks/pp_difference.h"

namespace doisoat {

PpDifferenceCheck::PpDifferenceCheck()
    : ClaimKindCheck(ClaimKind::PpDifference,
                     CheckMeta{"pp-difference", Severity::Error, "Chênh lệch điểm phần trăm khớp với hai tỷ lệ",
                               "A change in points agrees with the two rates", check_documentation("pp-difference", Severity::Error)}) {}

}  // namespace doisoat
