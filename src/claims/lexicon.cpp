#include "claims/lexicon.h"

#include <string>
#include <unordered_set>

namespace doisoat::lexicon {
namespace {

bool in(const std::unordered_set<std::string_view>& set, std::string_view w) { return set.count(w) != 0; }

}  // namespace

bool is_function_word(std::string_view w) {
  static const std::unordered_set<std::string_view> s = {
      "va", "la", "cua", "duoc", "co", "tai", "theo", "tren", "duoi", "den", "tu", "cho", "ve", "nhu",
      "voi", "so", "trong", "do", "o", "hoac", "cac", "nhung", "nam", "thang", "quy", "ngay", "khi",
      "vao", "thi", "ma", "neu", "nen", "roi", "da", "dang", "se", "bi", "phai", "deu", "con",
      "lai", "hon", "gan", "khoang", "dat", "uoc", "tang", "giam", "bang", "chiem", "gom", "vuot",
      "gap", "lan", "luot", "sau", "truoc", "cung", "ky", "tro", "nay", "kia", "ay", "rieng", "chung",
      "thuoc", "tong", "moi", "mot", "hay", "ca"};
  return in(s, w);
}

}  // namespace doisoat::lexicon
