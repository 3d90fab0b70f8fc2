// libFuzzer target: the loader (decode, NFC, clean, layout, structure, metadata) on text bytes.
// .docx and .pdf signatures are left to fuzz_docx (and poppler is not ours to fuzz).
#include <cstddef>
#include <cstdint>

#include "fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return doisoat::fuzz::load(data, size);
}
