#include "claims/context.h"

#include <algorithm>
#include <array>
#include <set>
#include <string_view>

namespace doisoat::context {

using namespace std::string_view_literals;

namespace {

bool word_at(const std::vector<Token>& tokens, size_t first, size_t k, std::string_view fold) {
  return k >= first && k < tokens.size() && tokens[k].kind == TokKind::Word && tokens[k].fold == fold;
}

}  // namespace

std::string place_in(const Document& doc, const std::vector<Token>& tokens, size_t first, size_t b, size_t e) {
  std::string found;
  for (size_t t = b; t < e; ++t) {
    if (tokens[t].kind != TokKind::Word) continue;
    // (Compared as written: "tính", "quan" fold as "tỉnh", "quận" do.)
    const std::string_view w = doc.slice(tokens[t].span);
    const bool level = w == "tỉnh"sv || w == "Tỉnh"sv || w == "huyện"sv || w == "quận"sv || w == "TP"sv ||
                       (w == "phố"sv && t > first && word_at(tokens, first, t - 1, "thanh")) ||
                       (w == "xã"sv && t > first && word_at(tokens, first, t - 1, "thi"));
    if (!level) continue;
    std::string name;
    for (size_t n = t + 1; n < e && n < t + 4 && tokens[n].kind == TokKind::Word && tokens[n].upper; ++n) {
      if (!name.empty()) name += ' ';
      name += tokens[n].fold;
    }
    if (!name.empty()) found = name;
  }
  return found;
}

std::string source_in(const Document& doc, const std::vector<Token>& tokens, const std::vector<uint32_t>& sentence_of,
                      size_t first, size_t b, size_t e) {
  static const std::set<std::string_view> heads = {"Tổng", "Bộ", "Sở", "Cục", "Ngân", "Ủy", "Uỷ", "UBND", "Viện",
                                                   "Hiệp", "Hội", "Trung", "Ban", "Văn", "Kho"};
  // The first bytes and the longest of the heads: most words are no head, and are told so
  // without a lookup.
  static const auto head_start = [] {
    std::array<bool, 256> first_byte{};
    for (std::string_view h : heads) first_byte[static_cast<unsigned char>(h[0])] = true;
    return first_byte;
  }();
  static const size_t head_max = [] {
    size_t m = 0;
    for (std::string_view h : heads) m = std::max(m, h.size());
    return m;
  }();
  for (size_t t = b; t < e; ++t) {
    if (tokens[t].kind != TokKind::Word) continue;
    const std::string_view w = doc.slice(tokens[t].span);
    if (w.empty() || w.size() > head_max || !head_start[static_cast<unsigned char>(w[0])] || !heads.count(w)) continue;
    const bool opens = t == first || sentence_of[t - 1] != sentence_of[t];
    const bool attributed = opens || word_at(tokens, first, t - 1, "theo") || word_at(tokens, first, t - 1, "cua") ||
                            word_at(tokens, first, t - 1, "tu");
    if (!attributed) continue;
    // The head, one lower-case word of it ("Tổng cục", "Ngân hàng", "Ủy ban"), then the
    // capitalised name ("Thống kê", "Tài chính", "Hải quan").
    std::string name = tokens[t].fold;
    size_t n = t + 1;
    if (n < e && tokens[n].kind == TokKind::Word && !tokens[n].upper) name += ' ' + tokens[n++].fold;
    bool named = false;
    for (; n < e && n < t + 7 && tokens[n].kind == TokKind::Word && tokens[n].upper; ++n, named = true)
      name += ' ' + tokens[n].fold;
    if (named) return name;
  }
  return {};
}

}  // namespace doisoat::context
