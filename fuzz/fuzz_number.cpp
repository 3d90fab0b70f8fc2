// libFuzzer target: the written-number reader in both conventions, and the display of what it
// read.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "num/numbers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view w(reinterpret_cast<const char*>(data), size);
  for (auto conv : {doisoat::NumberConvention::Vietnamese, doisoat::NumberConvention::English}) {
    doisoat::ParsedNumber p;
    if (!doisoat::parse_number(w, conv, p)) continue;
    (void)p.value.to_vi();
    (void)p.value.to_plain();
    (void)p.value.half_ulp();
    if (p.has_hint) (void)p.hint.to_vi();
  }
  return 0;
}
