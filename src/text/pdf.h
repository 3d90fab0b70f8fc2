// PDF -> plain text for the text layer (CONTRACT: Locations, .pdf): each page's text layer in
// physical layout order, pages one after the other. The text layer then reflows the hard-wrapped
// lines, drops page numbers and running headers, and separates footnotes, as for any PDF text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace doisoat {

struct PdfText {
  std::string text;  // UTF-8; locations refer to its lines
  std::vector<uint32_t> page_lines;  // per page: the line of `text` it starts on (1-based)
  std::vector<std::string> warnings;
};

/// "%PDF-" at the start (or within the first kilobyte, as readers allow).
bool looks_like_pdf(std::string_view bytes);

/// Extract the text layer. Errors name `path`: damaged, password-protected, or no text layer
/// (a scanned PDF).
Result<PdfText> pdf_to_text(const std::string& path, std::string_view bytes);

}  // namespace doisoat
