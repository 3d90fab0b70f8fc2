#include "core/source_map.h"

#include <algorithm>

namespace doisoat {

void SourceMap::reset(const std::string* original) {
  original_ = original;
  origin_.clear();
  line_starts_.assign(1, 0);
  for (size_t i = 0; i < original->size(); ++i) {
    char c = (*original)[i];
    if (c == '\n') {
      line_starts_.push_back(static_cast<uint32_t>(i + 1));
    } else if (c == '\r' && (i + 1 >= original->size() || (*original)[i + 1] != '\n')) {
      line_starts_.push_back(static_cast<uint32_t>(i + 1));  // old Mac line ends
    }
  }
}

uint32_t SourceMap::origin(size_t clean_offset) const {
  if (origin_.empty()) return 0;
  if (clean_offset >= origin_.size()) return original_ ? static_cast<uint32_t>(original_->size()) : 0;
  return origin_[clean_offset];
}

SourcePos SourceMap::pos_of_original(uint32_t off) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), off);
  size_t line_idx = static_cast<size_t>(it - line_starts_.begin()) - 1;
  uint32_t col = 1;
  for (uint32_t i = line_starts_[line_idx]; i < off && i < original_->size(); ++i) {
    if ((static_cast<unsigned char>((*original_)[i]) & 0xC0) != 0x80) ++col;
  }
  return {static_cast<uint32_t>(line_idx + 1), col};
}

SourcePos SourceMap::at(size_t clean_offset) const { return pos_of_original(origin(clean_offset)); }

SourcePos SourceMap::end_at(size_t clean_end) const {
  if (clean_end == 0) return at(0);
  // The end is just past the original character that produced the last clean byte.
  uint32_t o = origin(clean_end - 1);
  if (original_ && o < original_->size()) {
    ++o;
    while (o < original_->size() && (static_cast<unsigned char>((*original_)[o]) & 0xC0) == 0x80) ++o;
  }
  return pos_of_original(o);
}

std::string_view SourceMap::original_line(uint32_t line) const {
  if (!original_ || line == 0 || line > line_starts_.size()) return {};
  uint32_t b = line_starts_[line - 1];
  uint32_t e = line < line_starts_.size() ? line_starts_[line] : static_cast<uint32_t>(original_->size());
  std::string_view v(*original_);
  v = v.substr(b, e - b);
  while (!v.empty() && (v.back() == '\n' || v.back() == '\r')) v.remove_suffix(1);
  return v;
}

}  // namespace doisoat
