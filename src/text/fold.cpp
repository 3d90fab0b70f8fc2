#include "text/fold.h"

#include <cctype>

#include "core/vfold.h"

namespace doisoat {

namespace {

bool is_word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

}  // namespace

std::string fold(std::string_view s, std::vector<uint32_t>* origin) {
  std::string out;
  out.reserve(s.size());
  if (origin) {
    origin->clear();
    origin->reserve(s.size());
  }
  vfold_append(s, out, origin);
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
