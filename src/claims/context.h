// The context a paragraph names for its figures (Quantity::context): the place and the source a
// stretch of tokens names, plain scans over the tokens of one block; and the period a clause
// names (parse_period over a stretch of tokens), which the indicators' reader asks of every
// figure's clause and sentence.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "num/numbers.h"

namespace doisoat::context {

/// The place tokens [b, e) of the block starting at `first` name: a level word and the
/// capitalised name after it ("tỉnh Khánh Hòa", "thành phố Hải Phòng", "huyện Ba Bể"), the last
/// one, folded; "" when none is named.
std::string place_in(const Document& doc, const std::vector<Token>& tokens, size_t first, size_t b, size_t e);

/// The source tokens [b, e) attribute figures to: an organisation's name after "theo", "của",
/// "từ" or opening a sentence ("Theo Tổng cục Hải quan, …", "báo cáo của Tổng cục Thống kê cho
/// biết"), folded; "" when none.
std::string source_in(const Document& doc, const std::vector<Token>& tokens, const std::vector<uint32_t>& sentence_of,
                      size_t first, size_t b, size_t e);

/// The periods that stretches of a document's tokens name. The stretches of one block overlap
/// (each figure's clause, its sentence's start, each stretch of the paragraph's context), so the
/// block's text is folded once, as far as the stretches asked for reach (the fold of a slice is
/// the slice of the fold: vfold folds character by character), and a stretch that cannot name a
/// period is neither folded nor parsed.
class ClausePeriods {
 public:
  ClausePeriods(const Document& doc, const std::vector<Token>& tokens);
  /// The year that completes "6 tháng đầu năm" (parse_period's default_year; 0 for none).
  void set_default_year(int year) { default_year_ = year; }
  /// The period key (parse_period) of tokens [from, to) of the block [first, last), up to a
  /// comparison ("so với", "cùng kỳ": the period after it is the earlier one); "" when none.
  std::string between(size_t first, size_t last, size_t from, size_t to);
  /// The period named between the figure before token k in its clause (ending at
  /// `after_previous`; the clause starts at `clause`) and k: "trong tháng 2 là 14.428 tỷ đồng,
  /// lũy kế 2 tháng là 28.265 tỷ đồng" — the second figure is of two months. Not a bracket
  /// right after the figure before (that figure's: "92,04% (năm 2022) và 92,4%"), nor a stretch
  /// that opens with its plan ("đạt 96% KH năm 2023, …"); a sub-period with no year of its own
  /// ("quý II") takes the year the clause named before. "" when the stretch names none.
  std::string after_figure(size_t first, size_t last, size_t clause, size_t after_previous, size_t k);

 private:
  void start_block(size_t first, size_t last);  // the fold and the flags of a block's tokens
  std::string_view folded(uint32_t b, uint32_t e);

  const Document& doc_;
  const std::vector<Token>& tokens_;
  int default_year_ = 0;
  // Per token of the current block: whether a stretch holding it may name a period because of
  // it (see context.cpp).
  std::vector<uint8_t> may_name_;
  // The fold of block [fold_first_, fold_last_) from its first token's start up to fold_done_,
  // with the offset (from fold_begin_) of the character each folded byte came from.
  size_t fold_first_ = SIZE_MAX, fold_last_ = SIZE_MAX;
  uint32_t fold_begin_ = 0, fold_done_ = 0, fold_end_ = 0;
  std::string fold_, slice_fold_;
  std::vector<uint32_t> fold_origin_;
};

}  // namespace doisoat::context
