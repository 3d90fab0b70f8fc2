#include "core/source_map.h"

#include <algorithm>
#include <cstring>

namespace doisoat {

namespace {
constexpr uint32_t kCheckpointShift = 8;
inline bool is_cp_start(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }


// Code points starting in [p, p + n): bytes that are not UTF-8 continuation bytes (10xxxxxx),
// eight at a time.
uint32_t count_cp_starts(const char* p, size_t n) {
  uint32_t cps = 0;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    const uint64_t cont = w & ~(w << 1) & 0x8080808080808080ULL;  // bit 7 set, bit 6 clear
    cps += 8 - static_cast<uint32_t>(((cont >> 7) * 0x0101010101010101ULL) >> 56);  // bytes with bit 7 set
  }
  for (; i < n; ++i) cps += is_cp_start(p[i]);
  return cps;
}

}  // namespace

void SourceMap::reset(const std::string* original) {
  original_ = std::make_shared<const std::string>(original ? *original : std::string());
  const std::string& o = *original_;
  origin_.clear();
  runs_.clear();
  size_ = 0;
  line_starts_.assign(1, 0);
  cp_checkpoints_.clear();
  cp_checkpoints_.reserve((o.size() >> kCheckpointShift) + 2);
  const size_t n = o.size();
  const char* d = o.data();
  // A checkpoint before every 256-byte block (counts of whole blocks, as the byte loop gave).
  uint32_t cps = 0;
  constexpr size_t kBlock = size_t{1} << kCheckpointShift;
  for (size_t b = 0; b < n; b += kBlock) {
    cp_checkpoints_.push_back(cps);
    cps += count_cp_starts(d + b, std::min(kBlock, n - b));
  }
  cp_checkpoints_.push_back(cps);  // sentinel for off == size on a boundary
  if (std::memchr(d, '\r', n) == nullptr) {
    for (const char* q = d; (q = static_cast<const char*>(std::memchr(q, '\n', static_cast<size_t>(d + n - q)))); ++q)
      line_starts_.push_back(static_cast<uint32_t>(q - d + 1));
    return;
  }
  for (size_t i = 0; i < n; ++i) {
    char c = d[i];
    if (c == '\n') {
      line_starts_.push_back(static_cast<uint32_t>(i + 1));
    } else if (c == '\r' && (i + 1 >= n || d[i + 1] != '\n')) {
      line_starts_.push_back(static_cast<uint32_t>(i + 1));  // old Mac line ends
    }
  }
}

uint32_t SourceMap::cps_before(uint32_t off) const {
  if (!original_) return 0;
  const std::string& o = *original_;
  if (off > o.size()) off = static_cast<uint32_t>(o.size());
  size_t k = off >> kCheckpointShift;
  if (k >= cp_checkpoints_.size()) k = cp_checkpoints_.size() - 1;
  const size_t from = k << kCheckpointShift;
  return cp_checkpoints_[k] + (off > from ? count_cp_starts(o.data() + from, off - from) : 0);
}

void SourceMap::compact() {
  if (!runs_.empty() || origin_.empty()) return;
  const size_t n = origin_.size();
  const uint32_t* o = origin_.data();
  std::vector<Run> runs;
  for (size_t i = 0; i < n;) {
    runs.push_back(Run{static_cast<uint32_t>(i), o[i]});
    // Within a run o[j] - j is constant: four at a time, then one by one to its end.
    const uint32_t d = o[i] - static_cast<uint32_t>(i);
    size_t j = i + 1;
    while (j + 4 <= n && o[j] - static_cast<uint32_t>(j) == d && o[j + 1] - static_cast<uint32_t>(j + 1) == d &&
           o[j + 2] - static_cast<uint32_t>(j + 2) == d && o[j + 3] - static_cast<uint32_t>(j + 3) == d)
      j += 4;
    while (j < n && o[j] - static_cast<uint32_t>(j) == d) ++j;
    i = j;
  }
  // Worth it only when the runs are fewer than half the bytes (each run is two words).
  if (runs.size() * 2 > n) return;
  runs.shrink_to_fit();
  runs_ = std::move(runs);
  size_ = n;
  std::vector<uint32_t>().swap(origin_);
}

uint32_t SourceMap::origin(size_t clean_offset) const {
  if (!runs_.empty()) {
    if (clean_offset >= size_) return original_ ? static_cast<uint32_t>(original_->size()) : 0;
    auto it = std::upper_bound(runs_.begin(), runs_.end(), clean_offset,
                               [](size_t c, const Run& r) { return c < r.clean; }) - 1;
    return it->origin + static_cast<uint32_t>(clean_offset - it->clean);
  }
  if (origin_.empty()) return 0;
  if (clean_offset >= origin_.size()) return original_ ? static_cast<uint32_t>(original_->size()) : 0;
  return origin_[clean_offset];
}

SourcePos SourceMap::pos_of_original(uint32_t off) const {
  if (!original_ || line_starts_.empty()) return {1, 1};
  if (off > original_->size()) off = static_cast<uint32_t>(original_->size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), off);
  size_t line_idx = static_cast<size_t>(it - line_starts_.begin()) - 1;
  uint32_t col = cps_before(off) - cps_before(line_starts_[line_idx]) + 1;
  return {static_cast<uint32_t>(line_idx + 1), col};
}

SourcePos SourceMap::at(size_t clean_offset) const { return pos_of_original(origin(clean_offset)); }

SourcePos SourceMap::end_at(size_t clean_end) const {
  if (clean_end == 0) return at(0);
  // The end is just past the original character that produced the last clean byte.
  uint32_t o = origin(clean_end - 1);
  if (original_ && o < original_->size()) {
    ++o;
    while (o < original_->size() && !is_cp_start((*original_)[o])) ++o;
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
