// libFuzzer target: a text through the whole per-document pipeline: load, numbers, claims and
// every check (with blame), as `doisoat check` runs it on one file.
#include <cstddef>
#include <cstdint>

#include "fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return doisoat::fuzz::claims(data, size);
}
