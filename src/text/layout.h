// Clean NFC text -> paragraphs, headings, footnotes and table rows, with a byte map.
// Knows how reports look after the usual converters: Markdown from .docx (emphasis, heading
// marks, <sup>), plain text from .docx (superscript footnote marks, footnote bodies between
// paragraphs) and PDF text extraction (hard-wrapped lines, footnotes glued to words and
// interleaved with the body at page breaks).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace doisoat {

struct Layout {
  std::string text;               // clean text, blocks separated by '\n'
  std::vector<uint32_t> origin;   // per clean byte: byte offset in the input given to build_layout
  std::vector<Block> blocks;      // kind, span, number, cells; `level` = heading style rank (see below)
  std::vector<int> heading_style; // per block: numbering style key of a heading, -1 otherwise
  std::vector<FootnoteRef> footnote_refs;
  bool reflowed = false;
};

/// Heading numbering styles, in their usual order of nesting.
enum HeadingStyle : int {
  kStylePart = 0,      // "Phần thứ nhất", "Chương I"
  kStyleUpperLetter,   // "A."
  kStyleRoman,         // "I."
  kStyleArabic1,       // "1."
  kStyleArabic2,       // "1.1."
  kStyleArabic3,       // "1.1.1."
  kStyleArabic4,
  kStyleLowerLetter,   // "a)"
  kStyleDash,          // "- ...:" short lead-in lines
  kStyleUnnumbered,    // bold-only / all-caps / '#' lines without a number (+ '#' level)
};

/// Parse a heading number at the start of `line` ("1.1.", "a)", "II.", "Phần thứ hai").
/// Returns the style (or -1) and sets `number` and `rest` (byte offset of the title).
int parse_heading_number(std::string_view line, std::string& number, size_t& rest);

Layout build_layout(std::string_view nfc);

}  // namespace doisoat
