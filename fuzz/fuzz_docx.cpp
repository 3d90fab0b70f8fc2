// libFuzzer target: the .docx reader. An input that is a zip is read as a .docx; any other
// input is the XML of word/document.xml, zipped here (stored) so that the mutations reach the
// WordprocessingML extractor instead of dying in the zip layer. A second XML part after a NUL
// byte becomes word/footnotes.xml.
#include <cstddef>
#include <cstdint>

#include "fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return doisoat::fuzz::docx(data, size);
}
