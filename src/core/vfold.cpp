#include "core/vfold.h"

#include <array>
#include <mutex>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace doisoat {

namespace {

constexpr char32_t kTableSize = 0x2000;

// For every code point below kTableSize: its folded ASCII letter, or 0 if it has none.
const std::array<char, kTableSize>& fold_table() {
  static const std::array<char, kTableSize> table = [] {
    std::array<char, kTableSize> t{};
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    for (char32_t c = 0; c < kTableSize; ++c) {
      if (c < 0x80) {
        t[c] = static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
        continue;
      }
      if (c == 0x0110 || c == 0x0111) { t[c] = 'd'; continue; }  // Đ đ
      if (U_FAILURE(status) || !u_isalpha(c)) continue;
      icu::UnicodeString d;
      UErrorCode st = U_ZERO_ERROR;
      nfd->normalize(icu::UnicodeString(static_cast<UChar32>(c)), d, st);
      if (U_FAILURE(st) || d.isEmpty()) continue;
      UChar32 base = d.char32At(0);
      base = u_tolower(base);
      if (base >= 'a' && base <= 'z') t[c] = static_cast<char>(base);
    }
    return t;
  }();
  return table;
}

}  // namespace

char32_t decode_utf8(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) { ++i; return c; }
  size_t n = (c >= 0xF0) ? 3 : (c >= 0xE0) ? 2 : (c >= 0xC0) ? 1 : 0;
  if (n == 0 || i + n >= s.size()) { ++i; return 0xFFFD; }
  char32_t cp = c & (0x3F >> n);
  for (size_t k = 1; k <= n; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) { ++i; return 0xFFFD; }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += n + 1;
  return cp;
}

bool is_letter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return u_isalpha(static_cast<UChar32>(c));
}

bool is_upper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c));
}

void vfold_append(std::string_view s, std::string& out) {
  const auto& t = fold_table();
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    char32_t c = decode_utf8(s, i);
    if (c < kTableSize && t[c] != 0) {
      out.push_back(t[c]);
    } else if (c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323 || c == 0x0302 ||
               c == 0x0306 || c == 0x031B) {
      // stray combining marks (text not in NFC): drop
    } else {
      out.append(s.substr(start, i - start));
    }
  }
}

std::string vfold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  vfold_append(s, out);
  return out;
}

}  // namespace doisoat
