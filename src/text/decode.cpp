#include "text/decode.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <memory>

namespace doisoat {

namespace {

// Length of the valid UTF-8 sequence at s[i], 0 when invalid, -1 when cut by the end.
int utf8_seq_len(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  int n;
  uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1F; }
  else if (c >= 0xE0 && c <= 0xEF) { n = 3; cp = c & 0x0F; }
  else if (c >= 0xF0 && c <= 0xF4) { n = 4; cp = c & 0x07; }
  else return 0;
  for (int k = 1; k < n; ++k) {
    if (i + k >= s.size()) return -1;
    unsigned char d = b(i + k);
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return n;
}

bool has_nul(std::string_view s) { return s.find('\0') != std::string_view::npos; }

// Control characters other than tab, line breaks and form feed: a text report has (almost) none.
size_t count_controls(std::string_view s) {
  size_t n = 0;
  const size_t size = s.size();
  size_t i = 0;
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  for (; i + 8 <= size; i += 8) {
    uint64_t w;
    __builtin_memcpy(&w, s.data() + i, 8);
    if (((w - 0x20 * kOnes) & ~w & (0x80 * kOnes)) == 0) continue;  // no byte below 0x20
    for (size_t k = i; k < i + 8; ++k) {
      const auto c = static_cast<unsigned char>(s[k]);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++n;
    }
  }
  for (; i < size; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++n;
  }
  return n;
}

Result<std::string> utf16_to_utf8(const std::string& path, std::string_view bytes, bool big_endian) {
  if (bytes.size() % 2 != 0) return Error{path, "UTF-16 file with an odd number of bytes (truncated?)"};
  std::u16string u;
  u.resize(bytes.size() / 2);
  for (size_t i = 0; i < u.size(); ++i) {
    auto hi = static_cast<unsigned char>(bytes[2 * i + (big_endian ? 0 : 1)]);
    auto lo = static_cast<unsigned char>(bytes[2 * i + (big_endian ? 1 : 0)]);
    u[i] = static_cast<char16_t>((hi << 8) | lo);
  }
  // Unpaired surrogates mean this is not UTF-16 text.
  for (size_t i = 0; i < u.size(); ++i) {
    char16_t c = u[i];
    if (c >= 0xD800 && c <= 0xDBFF) {
      if (i + 1 >= u.size() || u[i + 1] < 0xDC00 || u[i + 1] > 0xDFFF)
        return Error{path, "invalid UTF-16 (unpaired surrogate)"};
      ++i;
    } else if (c >= 0xDC00 && c <= 0xDFFF) {
      return Error{path, "invalid UTF-16 (unpaired surrogate)"};
    } else if (c == 0) {
      return Error{path, "binary content (NUL characters) in UTF-16 file"};
    }
  }
  std::string out;
  icu::UnicodeString us(false, reinterpret_cast<const UChar*>(u.data()), static_cast<int32_t>(u.size()));
  us.toUTF8String(out);
  return out;
}

// Vietnamese letters that only Vietnamese uses among Latin scripts, and the five tone marks.
bool is_vietnamese_mark(UChar32 c) {
  if (c >= 0x1EA0 && c <= 0x1EF9) return true;                  // Latin Extended Additional (Vietnamese)
  if (c == 0x0102 || c == 0x0103 || c == 0x0110 || c == 0x0111) return true;  // Ă ă Đ đ
  if (c == 0x01A0 || c == 0x01A1 || c == 0x01AF || c == 0x01B0) return true;  // Ơ ơ Ư ư
  if (c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323) return true;
  return false;
}

Result<std::string> try_cp1258(const std::string& path, std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open("windows-1258", &status), ucnv_close);
  if (U_FAILURE(status)) return Error{path, "not valid UTF-8 (and no windows-1258 converter available)"};
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::u16string u(bytes.size() + 1, u'\0');
  status = U_ZERO_ERROR;
  int32_t n = ucnv_toUChars(conv.get(), reinterpret_cast<UChar*>(u.data()), static_cast<int32_t>(u.size()),
                            bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return Error{path, "not valid UTF-8, nor windows-1258 text"};
  u.resize(static_cast<size_t>(n));
  size_t letters = 0, viet = 0, odd = 0;
  for (char16_t c : u) {
    if (is_vietnamese_mark(c)) ++viet;
    if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c >= 0xC0) ++letters;
    // C1 controls and typographic symbols that mojibake produces in bulk.
    if ((c >= 0x80 && c <= 0x9F) || c == 0x2020 || c == 0x2021 || c == 0x2030 || c == 0x0152 || c == 0x0178) ++odd;
  }
  if (letters == 0 || viet * 50 < letters || odd * 20 > letters)
    return Error{path, "not valid UTF-8, and does not read as Vietnamese in windows-1258"};
  std::string out;
  icu::UnicodeString(false, reinterpret_cast<const UChar*>(u.data()), static_cast<int32_t>(u.size())).toUTF8String(out);
  return out;
}

}  // namespace

size_t first_invalid_utf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    // Fast path over ASCII, 8 bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      __builtin_memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; continue; }
    // The common valid forms at once: two bytes from C2, three bytes from E1 other than ED
    // (E0 can be overlong and ED a surrogate: those go through utf8_seq_len).
    auto cont = [&](size_t k) { return k < n && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF && cont(i + 1)) { i += 2; continue; }
    if (c >= 0xE1 && c <= 0xEF && c != 0xED && cont(i + 1) && cont(i + 2)) { i += 3; continue; }
    int len = utf8_seq_len(s, i);
    if (len <= 0) return i;
    i += static_cast<size_t>(len);
  }
  return std::string_view::npos;
}

Result<DecodedText> decode_bytes(const std::string& path, std::string_view bytes) {
  DecodedText out;
  if (bytes.empty()) return Error{path, "empty file"};
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF && static_cast<unsigned char>(bytes[1]) == 0xFE) {
    auto r = utf16_to_utf8(path, bytes.substr(2), false);
    if (!r) return r.error();
    out.text = std::move(*r);
    out.encoding = "UTF-16LE";
  } else if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
             static_cast<unsigned char>(bytes[1]) == 0xFF) {
    auto r = utf16_to_utf8(path, bytes.substr(2), true);
    if (!r) return r.error();
    out.text = std::move(*r);
    out.encoding = "UTF-16BE";
  } else {
    bool bom = bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF";
    if (bom) bytes.remove_prefix(3);
    if (has_nul(bytes)) return Error{path, "binary file (contains NUL bytes), not a text report"};
    size_t bad = first_invalid_utf8(bytes);
    if (bad == std::string_view::npos) {
      out.text.assign(bytes);
      out.encoding = bom ? "UTF-8 BOM" : "UTF-8";
    } else if (utf8_seq_len(bytes, bad) == -1 && first_invalid_utf8(bytes.substr(0, bad)) == std::string_view::npos) {
      // Valid UTF-8 cut inside its last character: keep everything before it.
      out.text.assign(bytes.substr(0, bad));
      out.encoding = bom ? "UTF-8 BOM" : "UTF-8";
      out.warnings.push_back("the file ends inside a UTF-8 character (truncated?); the incomplete character was dropped");
    } else if (bom) {
      return Error{path, "invalid UTF-8 at byte " + std::to_string(bad + 3) + " in a file marked as UTF-8"};
    } else {
      // Mostly valid UTF-8 with a few bad bytes is damaged UTF-8, not a legacy code page.
      size_t multibyte = 0;
      for (size_t i = 0; i < bad; ++i)
        if ((static_cast<unsigned char>(bytes[i]) & 0xC0) == 0xC0) ++multibyte;
      if (multibyte >= 8)
        return Error{path, "invalid UTF-8 at byte " + std::to_string(bad)};
      auto r = try_cp1258(path, bytes);
      if (!r) return r.error();
      out.text = std::move(*r);
      out.encoding = "windows-1258";
      out.warnings.push_back("not UTF-8: decoded as windows-1258 (legacy Vietnamese code page)");
    }
  }
  if (out.text.empty()) return Error{path, "empty file"};
  size_t controls = count_controls(out.text);
  if (controls * 100 > out.text.size() || controls > 1000)
    return Error{path, "binary file (control characters), not a text report"};
  if (controls > 0) out.warnings.push_back(std::to_string(controls) + " control characters were ignored");
  return out;
}

}  // namespace doisoat
