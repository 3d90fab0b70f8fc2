// Folding Vietnamese for matching: lowercase, no diacritics, đ -> d ("Kế hoạch" -> "ke hoach").
// Table-driven for Latin and Vietnamese letters (built once from ICU's case folding and NFD),
// ICU for anything else, so it is cheap per token. The one fold of the project: the text layer's
// FoldedText (text/fold.h) is built on it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace doisoat {

/// Fold one UTF-8 string ("Đạt 94% KH" -> "dat 94% kh").
std::string vfold(std::string_view utf8);

/// Fold into `out` (appended). When `origin` is given, it receives for every folded byte the
/// offset in `utf8` of the character it came from.
void vfold_append(std::string_view utf8, std::string& out, std::vector<uint32_t>* origin = nullptr);

/// Fold a single code point; returns the folded text (empty for combining marks).
std::string fold_code_point(char32_t c);

/// Decode one code point at s[i]; advances i. Invalid bytes decode as U+FFFD.
char32_t decode_utf8(std::string_view s, size_t& i);

/// One code point's class and fold at once (one table lookup for Latin and Vietnamese): the
/// same as is_letter(c), is_upper(c) and the fold vfold gives it. `fold` points into a static
/// table or into `tmp`.
struct CharFold {
  bool letter = false;
  bool upper = false;
  std::string_view fold;
};
CharFold char_fold(char32_t c, std::string& tmp);

/// The table behind char_fold for U+0000..U+024F and U+1E00..U+1EFF, for callers that fold
/// character by character (read it through vfold_entry). `n` = 0xFF: the fold is not in the
/// table (char_fold asks ICU); letter and upper are always valid.
struct VfoldEntry {
  char s[3];
  uint8_t n;
  bool letter;  // is_letter() of the code point
  bool upper;   // is_upper() of the code point
};
const VfoldEntry* vfold_entries();
/// The entry of c in `table` (from vfold_entries()), or nullptr outside the two ranges.
inline const VfoldEntry* vfold_entry(const VfoldEntry* table, char32_t c) {
  if (c < 0x250) return table + c;
  if (c >= 0x1E00 && c < 0x1F00) return table + 0x250 + (c - 0x1E00);
  return nullptr;
}

/// True for letters (any script) by ICU; digits are not letters.
bool is_letter(char32_t c);

/// True for an uppercase letter.
bool is_upper(char32_t c);

}  // namespace doisoat
