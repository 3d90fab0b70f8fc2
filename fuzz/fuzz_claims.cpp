// libFuzzer target: a text through the whole per-document pipeline: load, numbers, claims and
// every check (with blame), as `doisoat check` runs it on one file.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/engine.h"
#include "text/docx.h"
#include "text/load.h"
#include "text/pdf.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (doisoat::looks_like_zip(bytes) || doisoat::looks_like_pdf(bytes)) return 0;
  auto doc = doisoat::load_document("fuzz.txt", bytes);
  if (!doc) return 0;
  static const doisoat::RunOptions options;
  auto result = doisoat::analyze(std::move(*doc), options);
  for (const auto& f : result.findings)
    if (f.check == "internal-error") __builtin_trap();  // a check threw: a bug, not an input error
  return 0;
}
