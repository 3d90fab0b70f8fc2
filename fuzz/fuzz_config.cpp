// libFuzzer target: the side files a user hands in: --config, --suppressions, --baseline.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "checks/check.h"
#include "engine/engine.h"
#include "report/gate.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
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
