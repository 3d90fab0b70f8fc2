// Claims: typed relations between figures that the text asserts, read with templates over the
// token stream of the number layer.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "core/model.h"
#include "num/numbers.h"

namespace doisoat {

struct ClaimReading {
  std::vector<Claim> claims;
  std::vector<uint32_t> uncovered;  // quantity ids in assertive sentences that no claim uses
  // Why a relation was recognised around an uncovered figure but not made a claim ("plan not
  // stated in the document"), by quantity id.
  std::unordered_map<uint32_t, std::string> uncovered_reasons;
};

ClaimReading read_claims(const Document& doc, NumberReading& numbers);

}  // namespace doisoat
