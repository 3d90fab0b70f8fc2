// Minimal first version: UTF-8 in, light cleaning, paragraphs at line breaks.
// (The full text layer replaces this: encodings, NFC, reflow, sections, metadata.)
#include "text/load.h"

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
  return ext == ".txt" || ext == ".md";
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
  if (bytes.empty()) return Error{path, "empty file"};
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  doc.original.assign(bytes);
  doc.encoding = "UTF-8";
  doc.map.reset(&doc.original);
  const std::string& o = doc.original;
  // Clean: drop Markdown emphasis, <sup>/<sub> tags (keep content), heading marks.
  size_t line_start_clean = 0;
  auto flush_block = [&](size_t end) {
    size_t b = line_start_clean;
    while (b < end && doc.text[b] == ' ') ++b;
    size_t e = end;
    while (e > b && doc.text[e - 1] == ' ') --e;
    if (e > b) {
      Block blk;
      blk.span = Span{uint32_t(b), uint32_t(e)};
      doc.blocks.push_back(blk);
    }
  };
  for (size_t i = 0; i < o.size();) {
    char c = o[i];
    if (c == '\r') { ++i; continue; }
    if (c == '\n') {
      flush_block(doc.text.size());
      doc.text.push_back('\n');
      doc.map.push(uint32_t(i));
      ++i;
      line_start_clean = doc.text.size();
      continue;
    }
    if (c == '*') { ++i; continue; }
    if (c == '<') {
      static const char* tags[] = {"<sup>", "</sup>", "<sub>", "</sub>"};
      bool hit = false;
      for (auto t : tags) {
        size_t n = std::char_traits<char>::length(t);
        if (o.compare(i, n, t) == 0) { i += n; hit = true; break; }
      }
      if (hit) continue;
    }
    if (c == '#' && doc.text.size() == line_start_clean) { ++i; continue; }
    doc.text.push_back(c);
    doc.map.push(uint32_t(i));
    ++i;
  }
  flush_block(doc.text.size());
  for (uint32_t bi = 0; bi < doc.blocks.size(); ++bi) {
    Sentence sen;
    sen.span = doc.blocks[bi].span;
    sen.block = bi;
    doc.sentences.push_back(sen);
  }
  doc.region = options.region;
  doc.period = options.period;
  return doc;
}

}  // namespace doisoat
