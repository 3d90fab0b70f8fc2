// The fuzz targets' bodies (issue 14), shared by fuzz/fuzz_*.cpp (libFuzzer) and by
// tests/fuzz_regressions_test.cpp, which runs every input in fuzz/regressions/ through them.
#include "fuzz/targets.h"

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <zip.h>

#include "checks/check.h"
#include "engine/engine.h"
#include "num/numbers.h"
#include "report/gate.h"
#include "text/docx.h"
#include "text/load.h"
#include "text/pdf.h"

namespace doisoat::fuzz {

namespace {


std::string zip_parts(std::string_view document, std::string_view footnotes, bool with_footnotes) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* buf = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_t* za = zip_open_from_source(buf, ZIP_TRUNCATE, &err);
  zip_source_keep(buf);
  auto add = [&](const char* name, std::string_view bytes) {
    zip_source_t* s = zip_source_buffer(za, bytes.data(), bytes.size(), 0);
    zip_int64_t i = zip_file_add(za, name, s, ZIP_FL_OVERWRITE);
    zip_set_file_compression(za, static_cast<zip_uint64_t>(i), ZIP_CM_STORE, 0);
  };
  add("word/document.xml", document);
  if (with_footnotes) add("word/footnotes.xml", footnotes);
  zip_close(za);
  std::string out;
  zip_source_open(buf);
  zip_source_seek(buf, 0, SEEK_END);
  zip_int64_t n = zip_source_tell(buf);
  zip_source_seek(buf, 0, SEEK_SET);
  out.resize(static_cast<size_t>(n));
  zip_source_read(buf, out.data(), static_cast<zip_uint64_t>(n));
  zip_source_close(buf);
  zip_source_free(buf);
  zip_error_fini(&err);
  return out;
}


}  // namespace

// libFuzzer target: the loader (decode, NFC, clean, layout, structure, metadata) on text bytes.
// .docx and .pdf signatures are left to fuzz_docx (and poppler is not ours to fuzz).
int load(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (doisoat::looks_like_zip(bytes) || doisoat::looks_like_pdf(bytes)) return 0;
  auto doc = doisoat::load_document("fuzz.txt", bytes);
  if (doc) {
    // Every clean byte maps back into the original.
    for (size_t i = 0; i < doc->text.size(); i += 1 + doc->text.size() / 64) (void)doc->map.at(static_cast<uint32_t>(i));
  }
  return 0;
}

// libFuzzer target: a text through the whole per-document pipeline: load, numbers, claims and
// every check (with blame), as `doisoat check` runs it on one file.
int claims(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (doisoat::looks_like_zip(bytes) || doisoat::looks_like_pdf(bytes)) return 0;
  auto doc = doisoat::load_document("fuzz.txt", bytes);
  if (!doc) return 0;
  static const doisoat::RunOptions options;
  auto result = doisoat::analyze(std::move(*doc), options);
  for (const auto& f : result.findings)
    if (f.check == "internal-error") __builtin_trap();  // a check threw: a bug, not an input error
  return 0;
}

// libFuzzer target: the written-number reader in both conventions, and the display of what it
// read.
int number(const uint8_t* data, size_t size) {
  std::string_view w(reinterpret_cast<const char*>(data), size);
  for (auto conv : {doisoat::NumberConvention::Vietnamese, doisoat::NumberConvention::English}) {
    doisoat::ParsedNumber p;
    if (!doisoat::parse_number(w, conv, p)) continue;
    (void)p.value.to_vi();
    (void)p.value.to_plain();
    (void)p.value.half_ulp();
    if (p.has_hint) (void)p.hint.to_vi();
  }
  return 0;
}

// libFuzzer target: the side files a user hands in: --config, --suppressions, --baseline.
int config(const uint8_t* data, size_t size) {
  static const std::set<std::string> known = [] {
    std::set<std::string> ids;
    for (const auto& c : doisoat::check_registry()) ids.insert(c->meta().id);
    return ids;
  }();
  std::string text(reinterpret_cast<const char*>(data), size);
  if (auto config = doisoat::parse_config(text, "fuzz.json", known)) {
    doisoat::RunOptions options;
    doisoat::apply_config(*config, options);
  }
  (void)doisoat::parse_suppressions(text, "fuzz.json");
  (void)doisoat::parse_baseline(text, "fuzz.json");
  return 0;
}

// libFuzzer target: the .docx reader. An input that is a zip is read as a .docx; any other
// input is the XML of word/document.xml, zipped here (stored) so that the mutations reach the
// WordprocessingML extractor instead of dying in the zip layer. A second XML part after a NUL
// byte becomes word/footnotes.xml.
int docx(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (doisoat::looks_like_zip(bytes)) {
    (void)doisoat::docx_to_text("fuzz.docx", bytes);
    return 0;
  }
  size_t nul = bytes.find('\0');
  std::string docx = nul == std::string_view::npos
                         ? zip_parts(bytes, {}, false)
                         : zip_parts(bytes.substr(0, nul), bytes.substr(nul + 1), true);
  auto text = doisoat::docx_to_text("fuzz.docx", docx);
  if (text && text->layout_origin.size() != text->layout_text.size() + 1) __builtin_trap();
  return 0;
}

Target target(const std::string& name) {
  std::string n = name.rfind("fuzz_", 0) == 0 ? name.substr(5) : name;
  if (n == "load") return load;
  if (n == "docx") return docx;
  if (n == "number") return number;
  if (n == "claims") return claims;
  if (n == "config") return config;
  return nullptr;
}

}  // namespace doisoat::fuzz
