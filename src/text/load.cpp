// One pass per layer: decode -> NFC (with edits) -> clean + layout -> sections, sentences,
// metadata. Every clean byte keeps the original byte it came from.
#include "text/load.h"

#include "text/decode.h"
#include "text/docx.h"
#include "text/layout.h"
#include "text/metadata.h"
#include "text/normalize.h"
#include "text/pdf.h"
#include "text/sha256.h"
#include "text/structure.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace doisoat {

namespace fs = std::filesystem;

Result<std::string> read_input(const std::string& path) {
  if (path == "-") {
    std::string s((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    return s;
  }
  std::error_code ec;
  if (!fs::exists(path, ec)) return Error{path, "no such file or folder"};
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path, "cannot open for reading"};
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

static bool is_report_file(const fs::path& p) {
  auto ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  std::string name = p.filename().string();
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  if (lower.rfind("readme", 0) == 0 || lower == "index.json" || name.empty() || name[0] == '.') return false;
  if (lower.rfind("~$", 0) == 0) return false;  // Word's lock file next to an open .docx
  return ext == ".txt" || ext == ".md" || ext == ".docx" || ext == ".pdf";
}

Result<std::vector<std::string>> find_report_files(const std::string& path) {
  if (path == "-") return std::vector<std::string>{"-"};
  std::error_code ec;
  auto st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return Error{path, "no such file or folder"};
  if (!fs::is_directory(st)) return std::vector<std::string>{path};
  std::vector<std::string> out;
  for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file() && is_report_file(it->path())) {
      std::string rel = fs::relative(it->path(), path).generic_string();
      std::string joined = path;
      if (!joined.empty() && joined.back() != '/') joined += '/';
      out.push_back(joined + rel);
    }
  }
  if (ec) return Error{path, "cannot read folder: " + ec.message()};
  std::sort(out.begin(), out.end());
  return out;
}

Result<Document> load_document(const std::string& path, std::string_view bytes, const LoadOptions& options) {
  Document doc;
  doc.path = path;
  // By signature, not by name: .docx and .pdf become text (CONTRACT: Locations), the rest is decoded.
  std::string layout_input;            // when not `doc.original` (a .docx: paragraphs apart)
  std::vector<uint32_t> layout_origin;  // layout_input byte -> doc.original byte
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  if (looks_like_docx(bytes) || (ext == ".docx" && looks_like_zip(bytes))) {
    auto docx = docx_to_text(path, bytes);
    if (!docx) return docx.error();
    doc.encoding = "docx";
    doc.warnings = std::move(docx->warnings);
    doc.original = std::move(docx->text);
    layout_input = std::move(docx->layout_text);
    layout_origin = std::move(docx->layout_origin);
  } else if (looks_like_pdf(bytes)) {
    auto pdf = pdf_to_text(path, bytes);
    if (!pdf) return pdf.error();
    doc.encoding = "pdf";
    doc.warnings = std::move(pdf->warnings);
    doc.original = std::move(pdf->text);
    doc.page_lines = std::move(pdf->page_lines);
  } else if (bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
    return Error{path, "a legacy Word .doc or a password-protected Office file; save it as an unprotected .docx"};
  } else {
    auto decoded = decode_bytes(path, bytes);
    if (!decoded) return decoded.error();
    doc.encoding = decoded->encoding;
    doc.warnings = std::move(decoded->warnings);
    doc.original = std::move(decoded->text);
  }
  doc.sha256 = sha256_hex(bytes);
  if (doc.original.size() >= 0xFFFFFFF0u || layout_input.size() >= 0xFFFFFFF0u)
    return Error{path, "file too large (4 GB or more)"};
  {
    const std::string_view input = layout_origin.empty() ? std::string_view(doc.original) : std::string_view(layout_input);
    NfcText nfc;  // stays empty when the input is already NFC (no copy of it)
    const bool already_nfc = is_nfc(input);
    if (!already_nfc) nfc = to_nfc(input);
    Layout layout = build_layout(already_nfc ? input : std::string_view(nfc.text));
    doc.reflowed = layout.reflowed;
    doc.text = std::move(layout.text);
    doc.map.reset(&doc.original);
    auto& origins = doc.map.origins();
    origins = std::move(layout.origin);
    if (!nfc.origin.empty())
      for (auto& o : origins) o = nfc.origin[o];
    if (!layout_origin.empty())
      for (auto& o : origins) o = layout_origin[std::min<size_t>(o, layout_origin.size() - 1)];
    doc.blocks = std::move(layout.blocks);
    doc.footnote_refs = std::move(layout.footnote_refs);
    build_sections(doc, layout.heading_style);
  }
  split_sentences(doc);
  read_metadata(doc);
  if (!options.region.empty()) {
    doc.region = options.region;
    doc.region_level.clear();
    for (const char* level : {"thành phố", "thị xã", "tỉnh", "huyện", "quận"}) {
      std::string l(level);
      if (doc.region.rfind(l + " ", 0) == 0) {
        doc.region_level = l;
        break;
      }
    }
  }
  if (!options.period.empty()) {
    PeriodInfo p = parse_period(options.period);
    doc.period = options.period;
    doc.period_key = p.key;
  }
  if (doc.blocks.empty()) doc.warnings.push_back("no text found");
  return doc;
}

}  // namespace doisoat
