// libFuzzer target: the .docx reader. An input that is a zip is read as a .docx; any other
// input is the XML of word/document.xml, zipped here (stored) so that the mutations reach the
// WordprocessingML extractor instead of dying in the zip layer. A second XML part after a NUL
// byte becomes word/footnotes.xml.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <zip.h>

#include "text/docx.h"

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

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
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
