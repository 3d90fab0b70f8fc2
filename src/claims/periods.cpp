// Periods and years around a figure: the sub-period a sentence names, the year of a sentence,
// block or section, and the periods that a change compares. A relation never joins figures of
// different periods, so several constructions ask these.
#include "claims/reader.h"

namespace doisoat::grammar {

// The sub-period the sentence names before token m: "10 tháng" ("10m "), "tháng 10" ("10t "),
// "quý", "lũy kế", "cả năm".
std::string Reader::period_before(size_t m) const {
  std::string p;
  size_t s0 = m;
  while (s0 > first && same_sentence(s0 - 1, m) && m - s0 < kReach) --s0;
  for (size_t n = s0; n < m; ++n) {
    const Token& t = tok(n);
    if (t.kind == TokKind::Number && t.non_quantity >= 0 && t.fold.size() < 4 &&
        (word(n + 1, "thang") || word(n - 1, "thang") || word(n - 1, "quy")))
      p += t.fold + (word(n + 1, "thang") ? "m " : "t ");
    if (word(n, "quy") || word(n, "luy") || (word(n, "nam") && word(n - 1, "ca"))) p += t.fold + " ";
  }
  return p;
}

Reader::SentencePeriod Reader::sentence_period(size_t b, size_t e) const {
  SentencePeriod sp;
  bool in_cmp = false;
  auto roman_value = [](const std::string& f) {
    return f == "i" ? 1 : f == "ii" ? 2 : f == "iii" ? 3 : f == "iv" ? 4 : 0;
  };
  for (size_t p = b; p < e && p < last; ++p) {
    const Token& t = nr.tokens[p];
    if (comparison_at(p)) in_cmp = true;
    if (punct(p, ",") || punct(p, ";") || punct(p, ".") || punct(p, ":")) in_cmp = false;
    std::string& year = in_cmp ? sp.cmp_year : sp.own_year;
    std::string& kind = in_cmp ? sp.cmp_kind : sp.own_kind;
    if (t.kind == TokKind::Number && t.non_quantity >= 0 && t.fold.size() == 4 && (t.fold[0] == '1' || t.fold[0] == '2') &&
        p > b && (word(p - 1, "nam") || is(p - 1, TokKind::Slash))) {
      if (year.empty()) year = t.fold;
      continue;
    }
    if (!kind.empty()) continue;
    if (word(p, "quy") && p + 1 < e) {
      int v = is(p + 1, TokKind::Word) ? roman_value(nr.tokens[p + 1].fold)
                                       : (is(p + 1, TokKind::Number) ? std::atoi(nr.tokens[p + 1].fold.c_str()) : 0);
      if (v >= 1 && v <= 4) kind = "q" + std::to_string(v);
    } else if (word(p, "thang") && p + 1 < e && is(p + 1, TokKind::Number) && nr.tokens[p + 1].non_quantity >= 0) {
      kind = "t" + nr.tokens[p + 1].fold;
    } else if (t.kind == TokKind::Number && t.non_quantity >= 0 && p + 1 < e && word(p + 1, "thang") && !word(p - 1, "thang")) {
      int v = std::atoi(t.fold.c_str());
      // "6 tháng cuối năm" is another half than "6 tháng (đầu năm)"
      if (v >= 1 && v <= 12) kind = "m" + std::to_string(v) + (word(p + 2, "cuoi") ? "c" : "");
    }
  }
  return sp;
}

// The earlier value of a change named in the sentence before must be of the same kind of period
// one year before: "Quý III năm 2023 … 900 tỷ đồng. Quý III năm 2024 … tăng 13,3% so với cùng kỳ"
// fits; a figure of quý III of the same year before "9 tháng năm 2024 … tăng 3,2% so với cùng kỳ"
// does not (another sub-period, and the same year).
bool Reader::earlier_period_fits(size_t pb, size_t pe, size_t cb, size_t ce) const {
  const SentencePeriod prev = sentence_period(pb, pe), cur = sentence_period(cb, ce);
  const std::string prev_kind = prev.own_kind.empty() ? "y" : prev.own_kind;
  const std::string cur_kind = cur.own_kind.empty() ? (cur.cmp_kind.empty() ? "y" : cur.cmp_kind) : cur.own_kind;
  if (prev_kind != cur_kind) return false;
  if (!cur.cmp_kind.empty() && cur.cmp_kind != prev_kind) return false;
  if (!prev.own_year.empty() && !cur.own_year.empty() && prev.own_year == cur.own_year &&
      (cur.cmp_year.empty() || cur.cmp_year != prev.own_year))
    return false;
  return true;
}

// The year a sentence names with "năm YYYY" before token h, "" if none.
std::string Reader::sentence_year(size_t h) const {
  if (h >= tok_sentence.size()) return "";  // past the last token (issue 14: read out of bounds)
  size_t m = h;
  while (m > 0 && m + kReach > h && tok_sentence[m - 1] == tok_sentence[h]) --m;
  for (; m < h; ++m) {
    const Token& t = nr.tokens[m];
    if (t.kind == TokKind::Number && t.non_quantity >= 0 && t.fold.size() == 4 && m > 0 &&
        nr.tokens[m - 1].kind == TokKind::Word && nr.tokens[m - 1].fold == "nam")
      return t.fold;
  }
  return {};
}

// The document's own year ("2023" of 2023-H1), "" when not known.
std::string Reader::document_year() const { return doc.period_key.size() >= 4 ? doc.period_key.substr(0, 4) : std::string(); }

// A block under a section about another year than the document's ("Nhiệm vụ năm 2024").
bool Reader::about_other_year(size_t bi) const {
  if (doc.period_key.size() < 4) return false;
  const std::string_view y = std::string_view(doc.period_key).substr(0, 4);
  const std::string& b = block_year(bi);
  return !b.empty() && b != y;
}

// The year a block's enclosing sections are about ("B. NHIỆM VỤ … NĂM 2024"), "" if none says.
const std::string& Reader::block_year(size_t bi) const {
  if (bi < block_year_cache.size() && block_year_cache[bi]) return *block_year_cache[bi];
  std::string y = block_year_uncached(bi);
  if (block_year_cache.size() < doc.blocks.size()) block_year_cache.resize(doc.blocks.size());
  if (bi < block_year_cache.size()) {
    block_year_cache[bi] = std::move(y);
    return *block_year_cache[bi];
  }
  static thread_local std::string out_of_range;
  out_of_range = std::move(y);
  return out_of_range;
}

std::string Reader::block_year_uncached(size_t bi) const {
  for (int sec = doc.blocks[bi].section; sec >= 0; sec = doc.sections[sec].parent) {
    const std::string& y = section_title_year(sec);
    if (!y.empty()) return y;
    if (doc.sections[sec].parent == sec) break;
  }
  return {};
}

const std::string& Reader::section_title_year(int sec) const {
  if (section_year_cache.size() < doc.sections.size()) section_year_cache.resize(doc.sections.size());
  auto& cached = section_year_cache[static_cast<size_t>(sec)];
  if (cached) return *cached;
  cached.emplace();
  const std::string& t = doc.sections[sec].title;
  for (size_t i = 0; i + 4 <= t.size(); ++i) {
    if (t[i] != '2' || t[i + 1] != '0' || (i > 0 && std::isdigit(static_cast<unsigned char>(t[i - 1])))) continue;
    if (std::isdigit(static_cast<unsigned char>(t[i + 2])) && std::isdigit(static_cast<unsigned char>(t[i + 3])) &&
        (i + 4 == t.size() || !std::isdigit(static_cast<unsigned char>(t[i + 4])))) {
      *cached = t.substr(i, 4);
      break;
    }
  }
  return *cached;
}

}  // namespace doisoat::grammar
