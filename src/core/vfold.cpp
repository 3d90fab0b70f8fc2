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

// Table for U+0000..U+024F and U+1E00..U+1EFF (Latin, Latin Extended A/B, Vietnamese), in
// one array (vfold_entry() indexes it). Entries: up to 3 folded bytes; length 0xFF = not in
// table (use ICU).
using FoldEntry = VfoldEntry;

struct FoldTable {
  std::array<FoldEntry, 0x350> all{};
  FoldEntry* low = all.data();
  FoldEntry* viet = all.data() + 0x250;
  FoldTable() {
    auto fill = [](FoldEntry& e, char32_t c) {
      e.letter = c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : u_isalpha(static_cast<UChar32>(c));
      e.upper = c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(static_cast<UChar32>(c));
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

// The table entry of c, or nullptr outside the two ranges.
inline const FoldEntry* entry(const FoldTable& t, char32_t c) { return vfold_entry(t.all.data(), c); }

// The folded text of c as a view into the table, or into `tmp` when ICU had to fold it.
std::string_view fold_piece_of(const FoldEntry* e, char32_t c, std::string& tmp) {
  if (e && e->n != 0xFF) return std::string_view(e->s, e->n);
  if (c >= 0x0300 && c < 0x0370) return {};  // combining diacritics (text not in NFC)
  tmp = icu_fold(c);
  return tmp;
}

std::string_view fold_piece(char32_t c, std::string& tmp) { return fold_piece_of(entry(table(), c), c, tmp); }

}  // namespace

const VfoldEntry* vfold_entries() { return table().all.data(); }

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
  if (const FoldEntry* e = entry(table(), c)) return e->letter;
  return u_isalpha(static_cast<UChar32>(c));
}

bool is_upper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (const FoldEntry* e = entry(table(), c)) return e->upper;
  return u_isupper(static_cast<UChar32>(c));
}

CharFold char_fold(char32_t c, std::string& tmp) {
  const FoldEntry* e = entry(table(), c);
  CharFold f;
  if (e) {
    f.letter = e->letter;
    f.upper = e->upper;
  } else {
    f.letter = u_isalpha(static_cast<UChar32>(c));
    f.upper = u_isupper(static_cast<UChar32>(c));
  }
  f.fold = fold_piece_of(e, c, tmp);
  return f;
}

namespace {

// vfold_append, with or without the origin map (the fold of the text layer's whole documents
// asks for none). At the top of the loop the buffers have room for the rest of the input at one
// byte each (`cap - pos >= n - i`), so an ASCII byte, one byte in and one out, is written with
// no test; only a character whose fold is longer than its UTF-8 makes room.
template <bool kOrigin>
void fold_into(std::string_view s, std::string& out, std::vector<uint32_t>* origin) {
  std::string tmp;
  const FoldTable& t = table();
  const char* src = s.data();
  const size_t n = s.size();
  const size_t pos0 = out.size(), opos0 = kOrigin ? origin->size() : 0;
  char* o = nullptr;        // out.data() + pos0
  uint32_t* org = nullptr;  // origin->data() + opos0
  size_t cap = 0, pos = 0;  // relative to pos0 / opos0
  auto grow = [&](size_t need, size_t i) {
    cap = pos + need + (n - i) + 8;
    out.resize(pos0 + cap);
    o = out.data() + pos0;
    if constexpr (kOrigin) {
      origin->resize(opos0 + cap);
      org = origin->data() + opos0;
    }
  };
  grow(0, 0);
  for (size_t i = 0; i < n;) {
    const auto start = static_cast<uint32_t>(i);
    const unsigned char b = static_cast<unsigned char>(src[i]);
    if (b < 0x80) {  // ASCII: lowercase
      o[pos] = b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : static_cast<char>(b);
      if constexpr (kOrigin) org[pos] = start;
      ++pos;
      ++i;
      continue;
    }
    char32_t c;
    // Two- and three-byte sequences decoded here as decode_utf8 would; the rest through it.
    if (b >= 0xC0 && b < 0xE0 && i + 1 < n && (static_cast<unsigned char>(src[i + 1]) & 0xC0) == 0x80) {
      c = ((b & 0x1Fu) << 6) | (static_cast<unsigned char>(src[i + 1]) & 0x3Fu);
      i += 2;
    } else if (b >= 0xE0 && b < 0xF0 && i + 2 < n && (static_cast<unsigned char>(src[i + 1]) & 0xC0) == 0x80 &&
               (static_cast<unsigned char>(src[i + 2]) & 0xC0) == 0x80) {
      c = ((b & 0x0Fu) << 12) | ((static_cast<unsigned char>(src[i + 1]) & 0x3Fu) << 6) |
          (static_cast<unsigned char>(src[i + 2]) & 0x3Fu);
      i += 3;
    } else {
      c = decode_utf8(s, i);
    }
    const FoldEntry* e = entry(t, c);
    std::string_view piece = (e && e->n != 0xFF) ? std::string_view(e->s, e->n) : fold_piece_of(e, c, tmp);
    if (pos + piece.size() + (n - i) > cap) grow(piece.size(), i);  // (keeps the room for the rest)
    for (size_t k = 0; k < piece.size(); ++k) {
      o[pos + k] = piece[k];
      if constexpr (kOrigin) org[pos + k] = start;
    }
    pos += piece.size();
  }
  out.resize(pos0 + pos);
  if constexpr (kOrigin) origin->resize(opos0 + pos);
}

}  // namespace

void vfold_append(std::string_view s, std::string& out, std::vector<uint32_t>* origin) {
  if (origin) fold_into<true>(s, out, origin);
  else fold_into<false>(s, out, nullptr);
}

std::string vfold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  vfold_append(s, out);
  return out;
}

}  // namespace doisoat
