// Maps every byte of the clean text back to a line and column of the original file.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace doisoat {

/// 1-based line and column; columns count Unicode code points (CONTRACT: Locations).
struct SourcePos {
  uint32_t line = 0;
  uint32_t column = 0;
};

class SourceMap {
 public:
  /// `original` is the decoded original text (UTF-8); offsets below are byte offsets into it.
  /// The map keeps its own (shared) copy, so it stays valid when the Document is moved or copied.
  void reset(const std::string* original);
  /// Record that the next clean byte came from original byte `origin`.
  void push(uint32_t origin) { origin_.push_back(origin); }
  void push_n(uint32_t origin, size_t n) { origin_.insert(origin_.end(), n, origin); }
  size_t size() const { return runs_.empty() ? origin_.size() : size_; }
  /// Once the map is complete: keep it as runs of consecutive origins (a clean byte after the
  /// first of a run comes from the original byte after the previous one's) instead of four bytes
  /// per clean byte; origin() and everything built on it answer the same. origins() and push()
  /// are for building the map, before this.
  void compact();
  uint32_t origin(size_t clean_offset) const;
  /// Position (1-based) of clean byte `clean_offset` in the original file.
  SourcePos at(size_t clean_offset) const;
  /// Position just after clean byte range end (for end columns, exclusive).
  SourcePos end_at(size_t clean_end) const;
  /// Position of an original byte offset.
  SourcePos pos_of_original(uint32_t original_offset) const;
  /// The whole original line with 1-based number `line`, without its line break.
  std::string_view original_line(uint32_t line) const;
  std::vector<uint32_t>& origins() { return origin_; }
  const std::vector<uint32_t>& origins() const { return origin_; }

 private:
  /// Code points that start in original bytes [0, off): a checkpoint every 256 bytes, then a
  /// short scan, so positions are O(1) even on a 50 MB single-line file.
  uint32_t cps_before(uint32_t off) const;

  std::shared_ptr<const std::string> original_;
  std::vector<uint32_t> origin_;       // per clean byte (until compact())
  struct Run {
    uint32_t clean;   // first clean byte of the run
    uint32_t origin;  // its original byte; clean byte clean + k comes from origin + k
  };
  std::vector<Run> runs_;  // after compact(): in clean order, covering [0, size_)
  size_t size_ = 0;
  std::vector<uint32_t> line_starts_;  // byte offsets of line starts in original
  std::vector<uint32_t> cp_checkpoints_;  // code points before byte k * 256
};

}  // namespace doisoat
