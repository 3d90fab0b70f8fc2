// libFuzzer target: the side files a user hands in: --config, --suppressions, --baseline.
#include <cstddef>
#include <cstdint>

#include "fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return doisoat::fuzz::config(data, size);
}
