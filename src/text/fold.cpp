#include "text/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <cctype>

namespace doisoat {

namespace {

// Table for U+0000..U+024F and U+1E00..U+1EFF (Latin, Latin Extended A/B, Vietnamese).
// Entries: up to 3 folded ASCII bytes; length 0xFF = not in table (use ICU).
struct FoldEntry {
  char s[3];
  uint8_t n;
};

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

bool is_word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

}  // namespace

std::string fold_code_point(char32_t c) {
  const FoldTable& t = table();
  const FoldEntry* e = nullptr;
  if (c < 0x250) e = &t.low[c];
  else if (c >= 0x1E00 && c < 0x1F00) e = &t.viet[c - 0x1E00];
  if (e && e->n != 0xFF) return std::string(e->s, e->n);
  if (c >= 0x0300 && c < 0x0370) return {};  // combining diacritics
  return icu_fold(c);
}

std::string fold(std::string_view s, std::vector<uint32_t>* origin) {
  const FoldTable& t = table();
  std::string out;
  out.reserve(s.size());
  if (origin) {
    origin->clear();
    origin->reserve(s.size());
  }
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    int32_t start = i;
    if (p[i] < 0x80) {
      char c = static_cast<char>(p[i]);
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
      if (origin) origin->push_back(static_cast<uint32_t>(start));
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) c = 0xFFFD;
    const FoldEntry* e = nullptr;
    if (c < 0x250) e = &t.low[c];
    else if (c >= 0x1E00 && c < 0x1F00) e = &t.viet[c - 0x1E00];
    std::string tmp;
    std::string_view piece;
    if (e && e->n != 0xFF) {
      piece = std::string_view(e->s, e->n);
    } else if (c >= 0x0300 && c < 0x0370) {
      piece = {};
    } else {
      tmp = icu_fold(static_cast<char32_t>(c));
      piece = tmp;
    }
    out.append(piece);
    if (origin) origin->insert(origin->end(), piece.size(), static_cast<uint32_t>(start));
  }
  return out;
}

FoldedText::FoldedText(std::string_view original) : original_size_(static_cast<uint32_t>(original.size())) {
  folded_ = fold(original, &origin_);
}

size_t FoldedText::find(std::string_view needle, size_t from) const {
  std::string f = fold(needle);
  if (f.empty()) return std::string::npos;
  return folded_.find(f, from);
}

size_t FoldedText::find_word(std::string_view needle, size_t from) const {
  std::string f = fold(needle);
  if (f.empty()) return std::string::npos;
  for (size_t p = folded_.find(f, from); p != std::string::npos; p = folded_.find(f, p + 1)) {
    bool left = p == 0 || !is_word_byte(static_cast<unsigned char>(folded_[p - 1]));
    size_t e = p + f.size();
    bool right = e >= folded_.size() || !is_word_byte(static_cast<unsigned char>(folded_[e]));
    if (left && right) return p;
  }
  return std::string::npos;
}

uint32_t FoldedText::to_original(size_t folded_offset) const {
  if (folded_offset >= origin_.size()) return original_size_;
  return origin_[folded_offset];
}

std::pair<uint32_t, uint32_t> FoldedText::original_range(size_t b, size_t n) const {
  uint32_t ob = to_original(b);
  size_t e = b + n;
  // The end is the start of the first original character not in the match.
  while (e < origin_.size() && e > 0 && origin_[e] == origin_[e - 1]) ++e;
  return {ob, to_original(e)};
}

bool folded_equal(std::string_view a, std::string_view b) { return fold(a) == fold(b); }

}  // namespace doisoat
