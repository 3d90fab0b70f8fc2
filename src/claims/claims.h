// Claims: typed relations between figures that the text asserts, read with templates over the
// token stream of the number layer.
#pragma once

#include <vector>

#include "core/model.h"
#include "num/numbers.h"

namespace doisoat {

struct ClaimReading {
  std::vector<Claim> claims;
  std::vector<uint32_t> uncovered;  // quantity ids in assertive sentences that no claim uses
};

ClaimReading read_claims(const Document& doc, NumberReading& numbers);

}  // namespace doisoat
