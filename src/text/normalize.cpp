#include "text/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

namespace doisoat {

bool is_nfc(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return true;
  icu::StringPiece sp(s.data(), static_cast<int32_t>(s.size()));
  return nfc->isNormalizedUTF8(sp, status) || U_FAILURE(status);
}

NfcText to_nfc(std::string_view s) {
  NfcText out;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::StringPiece sp(s.data(), static_cast<int32_t>(s.size()));
  if (U_FAILURE(status) || nfc->isNormalizedUTF8(sp, status) || U_FAILURE(status)) {
    out.text.assign(s);
    return out;
  }
  status = U_ZERO_ERROR;
  icu::Edits edits;
  icu::StringByteSink<std::string> sink(&out.text, static_cast<int32_t>(s.size()));
  nfc->normalizeUTF8(0, sp, sink, &edits, status);
  if (U_FAILURE(status)) {
    out.text.assign(s);
    return out;
  }
  out.origin.reserve(out.text.size());
  // Unchanged spans map byte for byte; a changed span maps every output byte to its start,
  // so a composed "ế" points at the base letter it came from.
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    auto src = static_cast<uint32_t>(it.sourceIndex());
    auto len = static_cast<uint32_t>(it.newLength());
    if (!it.hasChange()) {
      for (uint32_t k = 0; k < len; ++k) out.origin.push_back(src + k);
    } else {
      out.origin.insert(out.origin.end(), len, src);
    }
  }
  if (out.origin.size() != out.text.size()) {  // defensive: never hand out a wrong map
    out.origin.clear();
    out.text.assign(s);
  }
  return out;
}

}  // namespace doisoat
