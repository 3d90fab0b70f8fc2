// One PDF page's positioned words -> its text, in the shape the text layer reads (issue 13).
// Kept apart from poppler so that the geometry is testable with boxes made by hand.
//  - Lines from words whose vertical extents overlap; a line that is a figure in a smaller font
//    on a raised baseline, glued to the word before it ("tiếp⁵", "2023⁶", "m²") or opening a
//    footnote ("⁵ Số liệu …"), is written as Unicode superscripts, as a .docx gives it.
//  - A two-column page (a gutter that prose lines on both sides leave empty) is read column by
//    column; lines that cross the gutter (titles, page headers and footers) stay where they are.
//  - Tables: lines of three cells or more (gaps much wider than a word space) with figures, their
//    columns from the data rows, wrapped cell text and header lines joined into their rows,
//    written as one line per row with the cells joined by tabs, as the .docx reader writes them.
//  - A wrapped prose line (it reaches its column's right margin) ends in a space, as the text
//    layer expects of PDF text; an indented line starts with spaces.
#pragma once

#include <string>
#include <vector>

namespace doisoat {

struct PdfBox {
  std::string text;                      // UTF-8, one word
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // page coordinates, y downwards
  double size = 0;                       // font size
  bool space_after = false;              // the extractor saw a space after it
};

/// The text of one page: lines separated by '\n', no trailing line break.
std::string layout_pdf_page(std::vector<PdfBox> boxes);

}  // namespace doisoat
