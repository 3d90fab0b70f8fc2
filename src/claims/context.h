// The context a paragraph names for its figures (Quantity::context): the place and the source a
// stretch of tokens names. The period is read by the indicators' reader itself (its own period
// grammar); these two are plain scans over the tokens of one block.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
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

}  // namespace doisoat::context
