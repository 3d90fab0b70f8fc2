// Bytes -> UTF-8 text: BOM sniffing, UTF-16, the legacy Vietnamese code page, refusal of binary.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace doisoat {

struct DecodedText {
  std::string text;       // UTF-8, without BOM
  std::string encoding;   // "UTF-8", "UTF-8 BOM", "UTF-16LE", "UTF-16BE", "windows-1258"
  std::vector<std::string> warnings;
};

/// Decode a report's bytes. Errors name `path` and say why (empty, binary, not UTF-8 nor cp1258).
Result<DecodedText> decode_bytes(const std::string& path, std::string_view bytes);

/// Byte offset of the first invalid UTF-8 sequence, or npos when `s` is valid UTF-8.
size_t first_invalid_utf8(std::string_view s);

}  // namespace doisoat
