#include "core/facts.h"

#include "core/vfold.h"

namespace doisoat {

namespace {

bool starts_with(const std::string& s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == '.')) s.pop_back();
  size_t b = 0;
  while (b < s.size() && s[b] == ' ') ++b;
  return s.substr(b);
}

}  // namespace

std::string region_level_key(const std::string& region, const std::string& level) {
  std::string f = vfold(level.empty() ? region : level);
  for (const char* l : {"thanh pho", "thi xa", "tinh", "huyen", "tp"})
    if (starts_with(f, l)) return std::string(l) == "tp" ? "thanh pho" : l;
  return {};
}

std::string region_name_key(const std::string& region) {
  std::string f = vfold(region);
  for (const char* l : {"thanh pho ", "thi xa ", "tinh ", "huyen ", "tp. ", "tp "})
    if (starts_with(f, l)) { f = f.substr(std::string(l).size()); break; }
  return trim(f);
}

std::string region_key(const std::string& region, const std::string& level) {
  if (region.empty()) return {};
  return region_level_key(region, level) + "|" + region_name_key(region);
}

std::string document_region_key(const DocumentFacts& d) { return region_key(d.region, d.region_level); }

}  // namespace doisoat
