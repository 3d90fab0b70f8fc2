// libFuzzer target: the written-number reader in both conventions, and the display of what it
// read.
#include <cstddef>
#include <cstdint>

#include "fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return doisoat::fuzz::number(data, size);
}
