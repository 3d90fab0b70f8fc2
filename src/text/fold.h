// Diacritic- and case-insensitive matching of Vietnamese words, so that later stages read
// OCR-damaged text: "Ke hoạch" = "kế hoạch", "kỉnh tế" ≈ "kinh tế", "đ" = "d".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/vfold.h"

namespace doisoat {

/// Fold UTF-8 text to lowercase without diacritics ("Đạt 94% KH" -> "dat 94% kh"): vfold
/// (core/vfold.h, which also has fold_code_point). When `origin` is given, it receives for every
/// folded byte the offset of the input byte (the start of the input character) it came from.
std::string fold(std::string_view utf8, std::vector<uint32_t>* origin = nullptr);

/// A folded view of a text that maps matches back to the original text.
class FoldedText {
 public:
  FoldedText() = default;
  explicit FoldedText(std::string_view original);
  const std::string& folded() const { return folded_; }
  /// Offset in the folded text of `needle` (folded first) from `from`, or npos.
  size_t find(std::string_view needle, size_t from = 0) const;
  /// Find `needle` as whole words (bounded by non-alphanumerics).
  size_t find_word(std::string_view needle, size_t from = 0) const;
  /// Original byte offset of a folded offset (folded end maps to original end).
  uint32_t to_original(size_t folded_offset) const;
  /// Original [begin, end) of a folded match [b, b + n).
  std::pair<uint32_t, uint32_t> original_range(size_t b, size_t n) const;

 private:
  std::string folded_;
  std::vector<uint32_t> origin_;
  uint32_t original_size_ = 0;
};

/// True when `a` and `b` are equal after folding.
bool folded_equal(std::string_view a, std::string_view b);

}  // namespace doisoat
