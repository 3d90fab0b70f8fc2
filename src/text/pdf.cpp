// PDF text through poppler-cpp (Debian 12: poppler 22.12).
#include "text/pdf.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <mutex>

#include "text/decode.h"
#include "text/pdf_layout.h"
#include "text/utf8.h"

namespace doisoat {

namespace {

// Poppler prints syntax errors of damaged files to stderr; the loader reports its own error.
void quiet(const std::string&, void*) {}

// One PDF at a time: poppler's global state is not something to bet a run on.
std::mutex& poppler_mutex() {
  static std::mutex m;
  return m;
}

// The page's words with their positions and font sizes, laid out as text (text/pdf_layout.h):
// table rows as tab-separated cells, superscript figures as superscripts, columns in order.
std::string page_text(const poppler::page& pg) {
  std::vector<PdfBox> boxes;
  for (const poppler::text_box& tb : pg.text_list(poppler::page::text_list_include_font)) {
    poppler::byte_array b = tb.text().to_utf8();
    PdfBox box;
    box.text.assign(b.begin(), b.end());
    for (auto& c : box.text)
      if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    poppler::rectf r = tb.bbox();
    box.x0 = r.left();
    box.y0 = r.top();
    box.x1 = r.right();
    box.y1 = r.bottom();
    box.size = tb.get_font_size();
    if (!(box.size > 0)) box.size = r.height() > 0 ? r.height() / 1.16 : 10;
    box.space_after = tb.has_space_after();
    boxes.push_back(std::move(box));
  }
  return layout_pdf_page(std::move(boxes));
}

// Letters and digits, not white space.
size_t visible(std::string_view s) {
  size_t n = 0;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\t') ++n;
  return n;
}

size_t replacement_chars(std::string_view s) {
  size_t n = 0;
  for (size_t p = s.find("\xEF\xBF\xBD"); p != std::string_view::npos; p = s.find("\xEF\xBF\xBD", p + 3)) ++n;
  return n;
}

}  // namespace

bool looks_like_pdf(std::string_view bytes) {
  if (bytes.substr(0, 5) == "%PDF-") return true;
  // Junk before the header (some mail gateways add it): also ends as a PDF does.
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos &&
         bytes.substr(bytes.size() > 1024 ? bytes.size() - 1024 : 0).find("%%EOF") != std::string_view::npos;
}

Result<PdfText> pdf_to_text(const std::string& path, std::string_view bytes) {
  if (bytes.size() > static_cast<size_t>(INT_MAX)) return Error{path, "PDF too large (2 GB or more)"};
  std::lock_guard<std::mutex> lock(poppler_mutex());
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(quiet, nullptr); });

  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return Error{path, "damaged PDF: poppler cannot open it (truncated download?)"};
  if (doc->is_locked()) return Error{path, "password-protected PDF; save an unprotected copy first"};
  int pages = doc->pages();
  if (pages <= 0) return Error{path, "damaged PDF: no pages"};

  PdfText out;
  std::vector<int> blank;
  uint32_t line = 1;
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> pg(doc->create_page(i));
    std::string t = pg ? page_text(*pg) : std::string();
    if (!pg) out.warnings.push_back("page " + std::to_string(i + 1) + " could not be read");
    else if (visible(t) == 0) blank.push_back(i + 1);
    if (i > 0) out.text += '\n';
    out.page_lines.push_back(line);
    out.text += t;
    line += 1 + static_cast<uint32_t>(std::count(t.begin(), t.end(), '\n'));
  }
  if (visible(out.text) == 0) return Error{path, "PDF has no text layer (scanned?); OCR it first"};
  if (!blank.empty()) {
    std::string list;
    for (size_t k = 0; k < blank.size() && k < 10; ++k) list += (k ? ", " : "") + std::to_string(blank[k]);
    if (blank.size() > 10) list += ", …";
    out.warnings.push_back("page(s) " + list + " have no text layer (scanned images?); their figures are not read");
  }
  if (replacement_chars(out.text) * 20 > visible(out.text))
    out.warnings.push_back("many characters could not be decoded (fonts without a Unicode map); figures may be missed");
  if (size_t bad = first_invalid_utf8(out.text); bad != std::string::npos)
    return Error{path, "damaged PDF: the text layer is not valid Unicode (byte " + std::to_string(bad) + ")"};
  return out;
}

}  // namespace doisoat
