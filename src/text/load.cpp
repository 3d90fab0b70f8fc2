// One pass per layer: decode -> NFC (with edits) -> clean + layout -> sections, sentences,
// metadata. Every clean byte keeps the original byte it came from.
#include "text/load.h"

#include "text/decode.h"
#include "text/docx.h"
#include "text/layout.h"
#include "text/metadata.h"
#include "text/normalize.h"
#include "text/pdf.h"
#include "text/plain_tables.h"
#include "text/sha256.h"
#include "text/structure.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace doisoat {

namespace fs = std::filesystem;

namespace {

// Bytes read from one input, file or stream (issue 14: /dev/zero or an endless pipe grew
// without bound). Far above any real report; a .docx or .pdf that large is not one.
constexpr size_t kMaxInputBytes = size_t(256) << 20;

std::string too_large_reason() {
  return "input larger than " + std::to_string(kMaxInputBytes >> 20) + " MB; refused";
}

// Reads fd to the end, at most kMaxInputBytes. Returns the reason on failure.
std::optional<std::string> read_fd(int fd, std::string& out) {
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return std::string("cannot read: ") + std::strerror(errno);
    }
    if (n == 0) return std::nullopt;
    if (out.size() + static_cast<size_t>(n) > kMaxInputBytes) return too_large_reason();
    out.append(buf, static_cast<size_t>(n));
  }
}

}  // namespace

Result<std::string> read_input(const std::string& path) {
  std::string bytes;
  if (path == "-") {
    if (auto why = read_fd(STDIN_FILENO, bytes)) return Error{path, *why};
    return bytes;
  }
  // O_NONBLOCK: a FIFO with no writer must not block the open; only regular files are read
  // (a device or a FIFO named as an argument never ends, or never starts).
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    if (err == ENOENT) return Error{path, "no such file or folder"};
    return Error{path, std::string("cannot open for reading: ") + std::strerror(err)};
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Error{path, "not a regular file (a device, FIFO or socket); pass '-' to read standard input"};
  }
  if (static_cast<uint64_t>(st.st_size) > kMaxInputBytes) {
    ::close(fd);
    return Error{path, too_large_reason()};
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  bytes.reserve(static_cast<size_t>(st.st_size));
  auto why = read_fd(fd, bytes);
  ::close(fd);
  if (why) return Error{path, *why};
  return bytes;
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

namespace {

// Folder walk by hand (not recursive_directory_iterator) so that each error names the folder
// or entry it is about (issue 14). Symbolic links to folders are not followed, as before.
std::optional<Error> walk(const fs::path& dir, const std::string& shown, std::vector<std::string>& out) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  if (ec) return Error{shown, "cannot read folder: " + ec.message()};
  std::vector<std::pair<std::string, bool>> entries;  // (name, is a folder)
  for (; it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    std::string name = p.filename().string();
    std::string child = shown + (shown.empty() || shown.back() == '/' ? "" : "/") + name;
    std::error_code sec;
    auto lst = it->symlink_status(sec);
    if (!sec && fs::is_directory(lst)) {
      entries.emplace_back(name, true);
      continue;
    }
    if (!is_report_file(p)) continue;
    auto st = it->status(sec);  // follows a link; a dangling link is no file (as before)
    if (sec && sec != std::errc::no_such_file_or_directory)
      return Error{child, "cannot read: " + sec.message()};
    if (fs::is_regular_file(st)) entries.emplace_back(name, false);
  }
  if (ec) return Error{shown, "cannot read folder: " + ec.message()};
  for (const auto& [name, is_dir] : entries) {
    std::string child = shown + (shown.empty() || shown.back() == '/' ? "" : "/") + name;
    if (is_dir) {
      if (auto e = walk(dir / name, child, out)) return e;
    } else {
      out.push_back(child);
    }
  }
  return std::nullopt;
}

}  // namespace

Result<std::vector<std::string>> find_report_files(const std::string& path) {
  if (path == "-") return std::vector<std::string>{"-"};
  std::error_code ec;
  auto st = fs::status(path, ec);
  if (ec && ec != std::errc::no_such_file_or_directory) return Error{path, "cannot read: " + ec.message()};
  if (!fs::exists(st)) return Error{path, "no such file or folder"};
  if (!fs::is_directory(st)) {
    if (!fs::is_regular_file(st))
      return Error{path, "not a regular file (a device, FIFO or socket); pass '-' to read standard input"};
    return std::vector<std::string>{path};
  }
  std::vector<std::string> out;
  if (auto e = walk(path, path, out)) return *e;
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
    std::string_view clean = already_nfc ? input : std::string_view(nfc.text);
    // Plain text (not a .docx or PDF, whose tables come with tabs): tables laid out with spaces.
    std::optional<TabulatedText> tables;
    if (layout_origin.empty() && doc.encoding != "pdf") tables = tabulate_plain_tables(clean);
    Layout layout = build_layout(tables ? std::string_view(tables->text) : clean);
    doc.reflowed = layout.reflowed;
    doc.text = std::move(layout.text);
    doc.map.reset(&doc.original);
    auto& origins = doc.map.origins();
    origins = std::move(layout.origin);
    if (tables)
      for (auto& o : origins) o = tables->origin[std::min<size_t>(o, tables->origin.size() - 1)];
    if (!nfc.origin.empty())
      for (auto& o : origins) o = nfc.origin[o];
    if (!layout_origin.empty())
      for (auto& o : origins) o = layout_origin[std::min<size_t>(o, layout_origin.size() - 1)];
    doc.map.compact();  // (complete now: four bytes per clean byte become a few per line)
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
