#include "core/vfold.h"

#include <array>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace doisoat {

namespace {

// The fold of one code point: ICU case folding, NFD, marks dropped, đ -> d. Used to build the
// table below once, and for code points outside it.
std::string icu_fold(char32_t c) {
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(st);
  icu::UnicodeString u(static_cast<UChar32>(c));
  u.foldCase();
  icu::UnicodeString d;
  if (U_SUCCESS(st)) d = nfd->normalize(u, st);
  if (U_FAILURE(st)) d = u;
  icu::UnicodeString kept;
  for (int32_t i = 0; i < d.length();) {
    UChar32 ch = d.char32At(i);
    i += U16_LENGTH(ch);
    if (u_getCombiningClass(ch) != 0 || u_charType(ch) == U_NON_SPACING_MARK) continue;
    if (ch == 0x0111 || ch == 0x0110) ch = 'd';
    kept.append(ch);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

// Table for U+0000..U+024F and U+1E00..U+1EFF (Latin, Latin Extended A/B, Vietnamese).
// Entries: up to 3 folded bytes; length 0xFF = not in table (use ICU).
struct FoldEntry {
  char s[3];
  uint8_t n;
};

struct FoldTable {
  std::array<FoldEntry, 0x250> low{};
  std::array<FoldEntry, 0x100> viet{};
  FoldTable() {
    auto fill = [](FoldEntry& e, char32_t c) {
      std::string f = icu_fold(c);
      if (f.size() <= 3) {
        for (size_t k = 0; k < f.size(); ++k) e.s[k] = f[k];
        e.n = static_cast<uint8_t>(f.size());
      } else {
        e.n = 0xFF;
      }
    };
    for (char32_t c = 0; c < 0x250; ++c) fill(low[c], c);
    for (char32_t c = 0; c < 0x100; ++c) fill(viet[c], 0x1E00 + c);
  }
};

const FoldTable& table() {
  static const FoldTable t;
  return t;
}

// The folded text of c as a view into the table, or into `tmp` when ICU had to fold it.
std::string_view fold_piece(char32_t c, std::string& tmp) {
  const FoldTable& t = table();
  const FoldEntry* e = nullptr;
  if (c < 0x250) e = &t.low[c];
  else if (c >= 0x1E00 && c < 0x1F00) e = &t.viet[c - 0x1E00];
  if (e && e->n != 0xFF) return std::string_view(e->s, e->n);
  if (c >= 0x0300 && c < 0x0370) return {};  // combining diacritics (text not in NFC)
  tmp = icu_fold(c);
  return tmp;
}

}  // namespace

std::string fold_code_point(char32_t c) {
  std::string tmp;
  return std::string(fold_piece(c, tmp));
}

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

void vfold_append(std::string_view s, std::string& out, std::vector<uint32_t>* origin) {
  std::string tmp;
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {  // ASCII: lowercase in place
      out.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : static_cast<char>(b));
      if (origin) origin->push_back(static_cast<uint32_t>(start));
      ++i;
      continue;
    }
    std::string_view piece = fold_piece(decode_utf8(s, i), tmp);
    out.append(piece);
    if (origin) origin->insert(origin->end(), piece.size(), static_cast<uint32_t>(start));
  }
}

std::string vfold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  vfold_append(s, out);
  return out;
}

}  // namespace doisoat
