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

std::string mark_wraps(const std::string& page);

std::string page_text(const poppler::page& pg) {
  poppler::byte_array b = pg.text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
  std::string raw(b.begin(), b.end());
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    auto c = static_cast<unsigned char>(raw[i]);
    if (c == '\r') {
      if (i + 1 < raw.size() && raw[i + 1] == '\n') continue;
      out += '\n';
    } else if (c == '\f') {
      continue;  // the page break: pages are joined by a line break
    } else if (c < 0x20 && c != '\n' && c != '\t') {
      out += ' ';
    } else {
      out += raw[i];
    }
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return mark_wraps(out);
}

// Poppler's physical layout ends every line without the space that other extractors keep where
// a line was wrapped, and the text layer reads that space as "the sentence goes on". A line that
// reaches the right margin of its page, followed by another line of the page, gets it back.
std::string mark_wraps(const std::string& page) {
  std::vector<std::pair<size_t, size_t>> lines;  // [begin, end) of each line
  for (size_t b = 0; b <= page.size();) {
    size_t e = page.find('\n', b);
    if (e == std::string::npos) e = page.size();
    lines.emplace_back(b, e);
    b = e + 1;
  }
  auto blank = [&](size_t i) {
    return page.find_first_not_of(' ', lines[i].first) >= lines[i].second;
  };
  std::vector<size_t> widths(lines.size(), 0);
  std::vector<size_t> sorted;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (blank(i)) continue;
    widths[i] = utf8::count_cps(std::string_view(page).substr(lines[i].first, lines[i].second - lines[i].first));
    sorted.push_back(widths[i]);
  }
  if (sorted.size() < 3) return page;
  std::sort(sorted.begin(), sorted.end());
  size_t margin = sorted[sorted.size() * 9 / 10 < sorted.size() ? sorted.size() * 9 / 10 : sorted.size() - 1];
  std::string out;
  out.reserve(page.size() + lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += '\n';
    out.append(page, lines[i].first, lines[i].second - lines[i].first);
    bool next_text = i + 1 < lines.size() && !blank(i + 1);
    if (next_text && widths[i] * 100 >= margin * 90 && page[lines[i].second - 1] != ' ') out += ' ';
  }
  return out;
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
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> pg(doc->create_page(i));
    std::string t = pg ? page_text(*pg) : std::string();
    if (!pg) out.warnings.push_back("page " + std::to_string(i + 1) + " could not be read");
    else if (visible(t) == 0) blank.push_back(i + 1);
    if (i > 0) out.text += '\n';
    out.text += t;
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
