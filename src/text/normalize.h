// Unicode NFC (never NFKC: it would turn the footnote mark in "⁸02 hộ" into the digit of 802).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace doisoat {

struct NfcText {
  std::string text;
  /// Byte offset in the input of each output byte; empty when the input was already NFC
  /// (then the mapping is the identity).
  std::vector<uint32_t> origin;
  uint32_t origin_of(size_t i) const { return origin.empty() ? static_cast<uint32_t>(i) : origin[i]; }
};

/// True when to_nfc(s) would give `s` itself (already NFC, or no normaliser): the caller can
/// then use `s` without a copy.
bool is_nfc(std::string_view s);

/// NFC of valid UTF-8 `s`, with a byte-level map back to `s`.
NfcText to_nfc(std::string_view s);

}  // namespace doisoat
