#include "claims/context.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <set>
#include <string_view>

#include "claims/indicators.h"
#include "claims/lexicon.h"
#include "core/vfold.h"
#include "text/metadata.h"

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

namespace {

// Whether the fold of a stretch holding token t may hold a period phrase because of t. Every
// phrase parse_period reads has a word "nam", "thang" or "quy" followed by a space, so in the
// fold a word token's fold ends with one of them (letters next to each other are one token; the
// words between tokens are white space). Tokens that are no word count when their text has a
// letter or a non-ASCII character (whatever it folds to).
bool may_name_period(const Token& t, std::string_view text) {
  if (t.kind == TokKind::Word) {
    const std::string_view f = t.fold;
    return f.ends_with("nam") || f.ends_with("thang") || f.ends_with("quy");
  }
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z');
  });
}

}  // namespace

ClausePeriods::ClausePeriods(const Document& doc, const std::vector<Token>& tokens)
    : doc_(doc), tokens_(tokens), may_name_(tokens.size()) {}

void ClausePeriods::start_block(size_t first, size_t last) {
  fold_first_ = first;
  fold_last_ = last;
  fold_begin_ = fold_done_ = tokens_[first].span.begin;
  fold_end_ = tokens_[last - 1].span.end;
  fold_.clear();
  fold_origin_.clear();
  for (size_t k = first; k < last; ++k) may_name_[k] = may_name_period(tokens_[k], doc_.slice(tokens_[k].span)) ? 1 : 0;
}

std::string ClausePeriods::between(size_t first, size_t last, size_t from, size_t to) {
  if (fold_first_ != first || fold_last_ != last) start_block(first, last);
  auto word = [&](size_t k, std::string_view f) { return tokens_[k].fold == f; };
  size_t end = from;
  while (end < to && !(tokens_[end].kind == TokKind::Word && ((word(end, "so") && end + 1 < to && word(end + 1, "voi")) ||
                                                             (word(end, "cung") && end + 1 < to && word(end + 1, "ky")))))
    ++end;
  if (end == from) return {};
  if (std::none_of(may_name_.begin() + long(from), may_name_.begin() + long(end), [](uint8_t m) { return m != 0; }))
    return {};
  return parse_folded_period(folded(tokens_[from].span.begin, tokens_[end - 1].span.end), default_year_).key;
}

std::string ClausePeriods::after_figure(size_t first, size_t last, size_t clause, size_t after_previous, size_t k) {
  if (after_previous <= clause || after_previous >= k) return {};
  auto word = [&](size_t m, std::string_view f) { return m < k && tokens_[m].kind == TokKind::Word && tokens_[m].fold == f; };
  // The plan words (lexicon::kPlanWords) opening the stretch at w.
  auto plan_at = [&](size_t w) {
    return std::any_of(std::begin(lexicon::kPlanWords), std::end(lexicon::kPlanWords), [&](std::string_view phrase) {
      size_t m = w;
      for (size_t b = 0; b <= phrase.size();) {
        const size_t e = std::min(phrase.find(' ', b), phrase.size());
        if (!word(m++, phrase.substr(b, e - b))) return false;
        b = e + 1;
      }
      return true;
    });
  };
  size_t w = after_previous;
  if (tokens_[w].kind == TokKind::Open) {
    while (w < k && tokens_[w].kind != TokKind::Close) ++w;
    if (w < k) ++w;
  }
  const size_t from = w;
  while (w < k && tokens_[w].kind == TokKind::Punct) ++w;
  if (from >= k || plan_at(w)) return {};
  std::string near = between(first, last, from, k);
  if (near.empty()) return near;
  bool year_named = false;
  for (size_t m = from; m < k && !year_named; ++m)
    year_named = tokens_[m].kind == TokKind::Number && (is_year(tokens_[m].fold) || tokens_[m].fold.find('/') != std::string::npos);
  if (!year_named) {
    const std::string before = between(first, last, clause, after_previous);
    if (before.size() >= 4 && near.size() >= 4 && is_year(std::string_view(before).substr(0, 4))) near.replace(0, 4, before, 0, 4);
  }
  return near;
}

std::string_view ClausePeriods::folded(uint32_t b, uint32_t e) {
  if (b < fold_begin_ || e > fold_end_ || b > e) {  // (not within the block's tokens)
    slice_fold_ = vfold(doc_.slice(Span{b, e}));
    return slice_fold_;
  }
  if (e > fold_done_) {
    const size_t from = fold_origin_.size();
    vfold_append(doc_.slice(Span{fold_done_, e}), fold_, &fold_origin_);
    for (size_t i = from; i < fold_origin_.size(); ++i) fold_origin_[i] += fold_done_ - fold_begin_;
    fold_done_ = e;
  }
  const auto lo = std::lower_bound(fold_origin_.begin(), fold_origin_.end(), b - fold_begin_);
  const auto hi = std::lower_bound(lo, fold_origin_.end(), e - fold_begin_);
  return std::string_view(fold_).substr(size_t(lo - fold_origin_.begin()), size_t(hi - lo));
}

}  // namespace doisoat::context
