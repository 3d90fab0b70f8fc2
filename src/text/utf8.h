// Small UTF-8 helpers for the text layer (input is always valid UTF-8 here).
#pragma once

#include <unicode/uchar.h>

#include <cstdint>
#include <string_view>

namespace doisoat::utf8 {

/// Decode the code point at s[i]; sets `len` to its byte length.
inline char32_t decode(std::string_view s, size_t i, int& len) {
  auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) { len = 1; return b0; }
  auto at = [&](size_t k) -> uint32_t { return k < s.size() ? (static_cast<unsigned char>(s[k]) & 0x3F) : 0; };
  if (b0 < 0xE0) { len = 2; return ((b0 & 0x1Fu) << 6) | at(i + 1); }
  if (b0 < 0xF0) { len = 3; return ((b0 & 0x0Fu) << 12) | (at(i + 1) << 6) | at(i + 2); }
  len = 4;
  return ((b0 & 0x07u) << 18) | (at(i + 1) << 12) | (at(i + 2) << 6) | at(i + 3);
}

/// Start of the code point that ends just before byte i.
inline size_t prev_start(std::string_view s, size_t i) {
  if (i == 0) return 0;
  size_t p = i - 1;
  while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
  return p;
}

inline char32_t prev_cp(std::string_view s, size_t i) {
  if (i == 0) return 0;
  int len = 0;
  return decode(s, prev_start(s, i), len);
}

inline bool is_letter(char32_t c) { return c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : u_isalpha(static_cast<UChar32>(c)); }
inline bool is_upper(char32_t c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(static_cast<UChar32>(c)); }
inline bool is_lower(char32_t c) { return c < 0x80 ? (c >= 'a' && c <= 'z') : u_islower(static_cast<UChar32>(c)); }
inline bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

inline size_t count_cps(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

inline void append(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

}  // namespace doisoat::utf8
