// Tables laid out with spaces in plain text (issue 13): what `pdftotext -layout` and other
// converters make of a report's annex tables ("Chỉ tiêu   ĐVT   Kế hoạch   Thực hiện   % so KH").
// They are rewritten in the shape the .docx reader writes a table (one line per row, cells joined
// by tabs), so the text layer makes the same table blocks of them and every table construction
// of the claims layer reads them.
//  - A table starts at a header line: three cells or more (runs of two spaces or more, or tabs,
//    between them), no figures but years, and a word that names a column's role (chỉ tiêu, ĐVT,
//    kế hoạch, thực hiện, ước, % so, cùng kỳ, tỷ lệ, tăng/giảm, xếp hạng, điểm, năm 2023 …). Up
//    to three more header lines ("năm 2023", "(%)") join the header cell above them.
//  - Data rows have a figure after their first cell. The value columns come from the data rows'
//    cells (overlapping character columns are one column); the cells left of them (STT, label,
//    unit) from the header's cells there.
//  - A line with no figures that starts in lower case (or with "(") continues the label of the
//    row above ("Giá trị sản xuất nông" / "nghiệp"); a label line just above a row whose label
//    starts in lower case opens that row's label. Other lines with no figures inside the table
//    ("1. Nông nghiệp") stay as they are (paragraphs between the rows).
//  - Lines that already hold two tabs or more are left alone: the text layer reads them as table
//    rows already.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace doisoat {

struct TabulatedText {
  std::string text;             // the input with its space-laid tables as tab-separated rows
  std::vector<uint32_t> origin;  // per byte of `text`: the byte of the input it comes from
  size_t tables = 0;
};

/// The input with its space-laid tables rewritten; nothing (no copy) when it has none.
std::optional<TabulatedText> tabulate_plain_tables(std::string_view text);

}  // namespace doisoat
