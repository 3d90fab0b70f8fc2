// libFuzzer target: the loader (decode, NFC, clean, layout, structure, metadata) on text bytes.
// .docx and .pdf signatures are left to fuzz_docx (and poppler is not ours to fuzz).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "text/docx.h"
#include "text/load.h"
#include "text/pdf.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (doisoat::looks_like_zip(bytes) || doisoat::looks_like_pdf(bytes)) return 0;
  auto doc = doisoat::load_document("fuzz.txt", bytes);
  if (doc) {
    // Every clean byte maps back into the original.
    for (size_t i = 0; i < doc->text.size(); i += 1 + doc->text.size() / 64) (void)doc->map.at(static_cast<uint32_t>(i));
  }
  return 0;
}
