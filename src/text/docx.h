// Word .docx -> plain text for the text layer (CONTRACT: Locations, .docx).
// One line per body paragraph; a table row is one line with its cells joined by tabs; a
// footnote reference is a superscript number glued to the text and the footnote's text follows
// the paragraph that cites it as a line starting with that superscript number.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace doisoat {

struct DocxText {
  /// What the user's locations refer to: one line per paragraph (line = paragraph number).
  std::string text;
  /// What the text layer reads: `text` with a blank line between paragraphs (a .docx paragraph
  /// never continues on the next one), and the byte of `text` each of its bytes comes from.
  std::string layout_text;
  std::vector<uint32_t> layout_origin;
  std::vector<std::string> warnings;
};

/// A zip archive ("PK\3\4" or the empty archive "PK\5\6").
bool looks_like_zip(std::string_view bytes);

/// A zip that names word/document.xml (a .docx, .docm, .dotx...).
bool looks_like_docx(std::string_view bytes);

/// Extract the text of a .docx. Errors name `path` (corrupt zip, no word/document.xml, bad XML).
Result<DocxText> docx_to_text(const std::string& path, std::string_view bytes);

}  // namespace doisoat
