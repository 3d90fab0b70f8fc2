// The core of the claims grammar: token windows of one block, operand binding, the used-figure
// bookkeeping that the constructions share, and the claim-building helpers. Each construction
// binds roles to quantities inside a bounded window (clause or sentence); dates, document numbers,
// ranks and ranges were classified as non-quantities before any construction runs, so none can
// bind them.
#include "claims/reader.h"

#include <cstring>

namespace doisoat::grammar {

// (A marker " … " is looked for by its first letter, rarer than the spaces of a label: an
// occurrence of the rest right after a space is an occurrence of the whole.)
bool has(const std::string& text, const char* w) {
  if (w[0] != ' ' || w[1] == '\0' || w[1] == ' ') return text.find(w) != std::string::npos;
  const std::string_view rest(w + 1);
  for (size_t at = text.find(rest, 1); at != std::string::npos; at = text.find(rest, at + 1))
    if (text[at - 1] == ' ') return true;
  return false;
}

namespace {

// The words right after (up to n) or the one word right before the first occurrence of marker m
// in label l.
std::vector<std::string> words_next_to(const std::string& l, const char* m, bool after, size_t n) {
  std::vector<std::string> out;
  size_t at = l.find(m);
  if (at == std::string::npos) return out;
  if (after) {
    size_t b = at + std::string_view(m).size();
    while (out.size() < n && b < l.size()) {
      size_t e = l.find(' ', b);
      if (e == std::string::npos || e == b) break;
      out.push_back(l.substr(b, e - b));
      b = e + 1;
    }
    return out;
  }
  if (at == 0) return out;
  size_t b = l.rfind(' ', at - 1);
  if (b != std::string::npos && at > b + 1) out.push_back(l.substr(b + 1, at - b - 1));
  return out;
}

// "đã thực hiện phân bổ … / chưa phân bổ": the verb after "chưa" is among the words after "đã";
// "hòa giải thành / hòa giải không thành": the same word before both.
bool bound_agrees(const lexicon::ComplementPair& p, const std::string& la, const std::string& lb) {
  if (p.bound == lexicon::Bound::None) return true;
  const bool neg_in_a = has(la, p.b);
  const std::string& lp = neg_in_a ? lb : la;  // the side with the plain marker
  const std::string& ln = neg_in_a ? la : lb;  // the side with the negated one
  if (p.bound == lexicon::Bound::NextWord) {
    auto wb = words_next_to(ln, p.b, true, 1);
    auto wa = words_next_to(lp, p.a, true, 3);
    return !wb.empty() && std::find(wa.begin(), wa.end(), wb[0]) != wa.end();
  }
  auto wa = words_next_to(lp, p.a, false, 1), wb = words_next_to(ln, p.b, false, 1);
  return !wa.empty() && !wb.empty() && wa[0] == wb[0];
}

}  // namespace

bool labels_complement(const std::string& la, const std::string& lb, bool kinds_only) {
  for (const auto& p : lexicon::kComplementPairs) {
    if (kinds_only && !p.kinds) continue;
    if (((has(la, p.a) && has(lb, p.b)) || (has(la, p.b) && has(lb, p.a))) && bound_agrees(p, la, lb)) {
      // "đạt" is inside "không đạt": the pair must differ.
      if (std::string_view(p.b).find(std::string_view(p.a).substr(1)) != std::string_view::npos && has(la, p.b) &&
          has(lb, p.b))
        continue;
      return true;
    }
  }
  return false;
}

Reader::Reader(const Document& d, NumberReading& n) : doc(d), nr(n) {
  token_of.assign(nr.quantities.size(), kNone);
  for (size_t k = 0; k < nr.tokens.size(); ++k)
    if (nr.tokens[k].kind == TokKind::Number && nr.tokens[k].quantity >= 0 &&
        static_cast<size_t>(nr.tokens[k].quantity) < token_of.size())
      token_of[nr.tokens[k].quantity] = k;
  next_fig.assign(nr.tokens.size() + 1, static_cast<uint32_t>(nr.tokens.size()));
  for (size_t k = nr.tokens.size(); k-- > 0;)
    next_fig[k] = nr.tokens[k].kind == TokKind::Number && nr.tokens[k].quantity >= 0 ? static_cast<uint32_t>(k) : next_fig[k + 1];
  used.assign(nr.quantities.size(), false);
  is_item.assign(nr.quantities.size(), false);
  stated_used.assign(nr.quantities.size(), false);
  tok_sentence.assign(nr.tokens.size(), 0);
  size_t s = 0;
  for (size_t k = 0; k < nr.tokens.size(); ++k) {
    while (s + 1 < doc.sentences.size() && doc.sentences[s].span.end <= nr.tokens[k].span.begin) ++s;
    tok_sentence[k] = static_cast<uint32_t>(s);
  }
}

// The start of the clause containing token k (after the last ';' or sentence start).
size_t Reader::clause_start(size_t k) const {
  size_t m = k;
  while (m > first && m + kReach > k && same_sentence(m - 1, k) && !punct(m - 1, ";")) --m;
  return m;
}

// One past the last token of k's sentence (within reach).
size_t Reader::sentence_stop(size_t k) const {
  size_t m = k;
  while (m + 1 < last && m < k + kReach && same_sentence(m + 1, k)) ++m;
  return m + 1;
}

size_t Reader::clause_stop(size_t k) const {
  size_t m = k;
  while (m + 1 < last && m < k + kReach && same_sentence(m + 1, k) && !punct(m + 1, ";")) ++m;
  return m + 1;
}

bool Reader::compatible(int a, int b) {
  const auto& qa = Q(a);
  const auto& qb = Q(b);
  if (qa.dimension == qb.dimension) return true;
  // (a change in points is no count: "15.102 thí sinh …, tăng 0,34 điểm phần trăm")
  if (qa.dimension == "scalar" || qb.dimension == "scalar")
    return qa.unit != "%" && qb.unit != "%" && qa.dimension != "pp" && qb.dimension != "pp";
  return false;
}

// --- claims -------------------------------------------------------------------------------
Claim& Reader::add(ClaimKind kind, size_t from_tok, size_t to_tok, int stated, Template tmpl) {
  return add_at(kind, Span{tok(from_tok).span.begin, tok(to_tok).span.end}, stated, tmpl);
}

// A claim quoted from `span` (text offsets), its stated figure taken.
Claim& Reader::add_at(ClaimKind kind, Span span, int stated, Template tmpl) {
  Claim c;
  c.id = static_cast<uint32_t>(out.claims.size());
  c.kind = kind;
  c.span = span;
  c.quote = std::string(doc.slice(c.span));
  c.stated = static_cast<uint32_t>(stated);
  c.template_id = tmpl;
  stated_used[stated] = true;
  used[stated] = true;
  out.claims.push_back(std::move(c));
  return out.claims.back();
}

// A figure with its unit words ("1.245 hộ").
Span Reader::figure_span(int q) const {
  const Quantity& x = Q(q);
  return Span{x.span.begin, x.unit_span.end > x.span.end ? x.unit_span.end : x.span.end};
}

void Reader::operand(Claim& c, const char* role, int q) {
  c.operands.push_back(Operand{role, static_cast<uint32_t>(q)});
  used[q] = true;
}

size_t Reader::end_of_quantity(size_t k) const {
  // One past the unit tokens of the number at k.
  size_t m = k + 1;
  while (in(m) && (tok(m).unit_part || (tok(m).kind == TokKind::Percent && m == k + 1))) ++m;
  return m;
}

// Words between two tokens that are neither linking words nor unit words ("đạt", "bằng", "tỷ
// lệ", "chiếm", "tương ứng", "khoảng" …): how much the text says in between.
size_t Reader::content_words_between(size_t from, size_t to) const {
  size_t n = 0;
  for (size_t m = from; m < to; ++m) {
    if (!is(m, TokKind::Word) || tok(m).unit_part) continue;
    const std::string& f = tok(m).fold;
    if (lexicon::is_function_word(f) || f == "ty" || f == "le" || f == "tuong" || f == "ung" || f == "duong") continue;
    ++n;
  }
  return n;
}

size_t Reader::matching_close(size_t open) const {
  int depth = 0;
  for (size_t m = open; m < last; ++m) {
    if (is(m, TokKind::Open)) ++depth;
    if (is(m, TokKind::Close) && --depth == 0) return m;
  }
  return last;
}

// Which side of an A/B a number is on: 0 plain, 1 numerator, 2 denominator.
// "284,73ha/ tổng số 3.651,34ha" is an A/B too.
int Reader::ab_side(size_t m) const {
  if (is(m - 1, TokKind::Slash)) return 2;
  if (m >= first + 3 && phrase(m - 2, {"tong", "so"}) && is(m - 3, TokKind::Slash)) return 2;
  return denominator_tok(m) != kNone ? 1 : 0;
}

// The denominator of the numerator at m, or kNone.
size_t Reader::denominator_tok(size_t m) const {
  size_t e = end_of_quantity(m);
  if (!is(e, TokKind::Slash)) return kNone;
  if (is(e + 1, TokKind::Number)) return e + 1;
  if (phrase(e + 1, {"tong", "so"}) && is(e + 3, TokKind::Number)) return e + 3;
  return kNone;
}

// A parenthesis that holds the earlier value a comparison names, or the plan a percent is of:
// "tăng 12,47% so với cùng kỳ năm 2022 (196,6 triệu USD)", "(cùng kỳ 95 vụ)", and past a full stop the writer put before it
// ("… so với cùng kỳ năm trước. (97,54 triệu USD)"). Its figure is no part and no total.
bool Reader::earlier_value_paren(size_t open) const {
  if (!is(open, TokKind::Open)) return false;
  if (phrase(open + 1, {"cung", "ky"}) || phrase(open + 1, {"nam", "truoc"}) || phrase(open + 1, {"nam", "ngoai"})) return true;
  size_t m = open;
  if (punct(m - 1, ".")) --m;
  for (size_t n = 0; n < 8 && m > first; ++n) {
    --m;
    if (comparison_at(m) || word(m, "truoc") || (word(m, "ngoai") && word(m - 1, "nam")) || word(m, "ky")) return true;
    // "bằng 6% kế hoạch thành phố giao (24.969 tỷ đồng)": the plan a percent is of.
    if (plan_word_at(m)) {
      for (size_t b = m; b > first && b + 6 > m; --b)
        if (pct(qty(b - 1))) return true;
    }
    if (qty(m) >= 0 || punct(m, ";") || punct(m, ",") || punct(m, ".") || is(m, TokKind::Close)) return false;
  }
  return false;
}

// "có 30 mặt hàng đạt kim ngạch xuất khẩu trên 1 tỷ USD": a figure after "trên/dưới/từ" in a
// clause that counts items is the threshold each item passes, not a level of anything ("5 dự án
// với tổng vốn trên 1.000 tỷ đồng" is a level: "tổng").
bool Reader::threshold_of_items(size_t k) const {
  // ("từ", not "tư" of "đầu tư": both fold to "tu")
  const bool tu = word(k - 1, "tu") && written_as(k - 1, "từ", "Từ");
  if (!(word(k - 1, "tren") || word(k - 1, "duoi") || tu || phrase(k - 2, {"lon", "hon"})))
    return false;
  for (size_t m = k - 1; m > first && m + 12 > k; --m) {
    const size_t t = m - 1;
    if (word(t, "tong") || punct(t, ";") || punct(t, ".") || is(t, TokKind::Open)) return false;
    const int q = qty(t);
    if (q >= 0) return Q(q).dimension.rfind("count:", 0) == 0 && !pct(q);
  }
  return false;
}

// A figure stated as a change, not a level: "tăng 2.100 hộ", "giảm hơn 300 tỷ đồng", "(tương ứng
// tăng 5,01 tỷ USD)", "cao hơn 12 ha", "tăng so với dự toán giao là 5.225 tỷ đồng". A change is
// never a level's part, base, plan or whole.
bool Reader::is_change(size_t k) const {
  size_t p = k - 1;
  if (word(p, "hon") || word(p, "gan") || word(p, "khoang") || word(p, "them") || word(p, "tren")) {
    if (word(p, "hon") && (word(p - 1, "cao") || word(p - 1, "thap") || word(p - 1, "nhieu") || word(p - 1, "it")))
      return true;
    --p;
  }
  if (change_verb(p)) return !word(p - 1, "muc");  // ("mức tăng 5%" is the change too, but a rate)
  if (word(k - 1, "la")) {
    // "… tăng so với dự toán giao là 5.225 tỷ đồng": the verb earlier in the clause, no figure between.
    for (size_t m = k - 1; m > first && m + kLabelWords > k && same_sentence(m - 1, k); --m) {
      if (qty(m - 1) >= 0 || punct(m - 1, ";") || punct(m - 1, ",") || punct(m - 1, ".")) return false;
      if ((word(m - 1, "tang") && !word(m, "truong")) || word(m - 1, "giam")) return true;
    }
  }
  return false;
}

// Two figures described with the same content words: at least two words in common between the
// six words around the first and the six before the second (a restatement, not another item).
bool Reader::same_words_around(int a, int b, int need) const {
  auto words_near = [&](int q, bool after_too) {
    std::set<std::string> w;
    const size_t k = token_of[q];
    for (size_t m = k > 6 ? k - 6 : 0; m < k; ++m) if (nr.tokens[m].kind == TokKind::Word && !nr.tokens[m].unit_part) w.insert(nr.tokens[m].fold);
    if (after_too)
      for (size_t m = k + 1; m < nr.tokens.size() && m < k + 7; ++m)
        if (nr.tokens[m].kind == TokKind::Word && !nr.tokens[m].unit_part) w.insert(nr.tokens[m].fold);
    return w;
  };
  static const std::set<std::string> stop = {"trong", "nam", "la", "co", "dat", "va", "cua", "so", "duoc", "cac", "nhung", "theo",
                                             "tai", "tong", "voi", "cung", "ky", "bang", "tang", "giam", "ke", "hoach", "kh",
                                             "uoc", "thuc", "hien", "toan", "tinh", "huyen", "thanh", "pho", "xa"};
  auto wa = words_near(a, true), wb = words_near(b, need > 2);
  int common = 0;
  for (const auto& w : wa) if (!stop.count(w) && wb.count(w)) ++common;
  return common >= need;
}

void Reader::malformed() {
  for (size_t k = next_figure(first); k < last; k = next_figure(k + 1)) {
    int q = qty(k);
    if (q < 0 || !Q(q).malformed) continue;
    Claim& c = add(ClaimKind::MalformedNumber, k, k, q, Template::Malformed);
    stated_used[q] = false;
    operand(c, "number", q);
  }
}

// The words that name the figure at token k in running text: its clause before it (numbers,
// signs and other figures skipped: "tỷ lệ trẻ em < 5 tuổi được uống Vitamin A ≥ 95%, đạt 99,8%")
// and the noun right after its unit ("có 4.086 hộ kinh doanh đang hoạt động, …").
// "Riêng xã Đông Phong có …", "huyện Chợ Mới đạt …": the clause before token k names one
// commune, ward, village or district by its name (a part of the report's area).
bool Reader::names_subregion(size_t k) const {
  for (size_t m = k; m > first + 1 && k - m < 24 && same_sentence(m - 1, k); --m) {
    if (punct(m - 1, ";")) break;
    const Token& w = tok(m - 2);
    if (w.kind != TokKind::Word || !is(m - 1, TokKind::Word)) continue;
    if (w.fold != "xa" && w.fold != "phuong" && w.fold != "thon" && w.fold != "huyen" && w.fold != "ban" &&
        w.fold != "to")
      continue;
    std::string_view name = doc.slice(tok(m - 1).span);
    size_t i = 0;
    bool upper = !name.empty() && is_upper(decode_utf8(name, i));
    if (upper) return true;
  }
  return false;
}

bool Reader::names_subregion_memo(size_t k) {
  auto it = subregion_memo.find(k);
  if (it != subregion_memo.end() && it->second.first == first && it->second.last == last) return it->second.yes;
  const bool yes = names_subregion(k);
  subregion_memo[k] = SubregionMemo{first, last, yes};
  return yes;
}

std::string Reader::label_number(const std::string& f) {
  size_t z = 0;
  while (z + 1 < f.size() && f[z] == '0') ++z;
  return f.substr(z);
}

// Numbers before the figure at k in its clause, as label_words reads it; "#" prefixed so that
// they never meet a word.
std::set<std::string> Reader::label_words(size_t k, size_t reach) const {
  std::set<std::string> ws;
  for (size_t m = k; m > first && k - m < reach && same_sentence(m - 1, k); --m) {
    if (punct(m - 1, ";")) break;
    if (is(m - 1, TokKind::Word) && content_word(tok(m - 1).fold)) ws.insert(tok(m - 1).fold);
    if (is(m - 1, TokKind::Number)) ws.insert("#" + label_number(tok(m - 1).fold));
  }
  for (size_t m = end_of_quantity(k); m < last && m < k + 10 && same_sentence(m, k); ++m) {
    if (tok(m).kind != TokKind::Word) break;
    if (content_word(tok(m).fold)) ws.insert(tok(m).fold);
  }
  return ws;
}

// Content words of a label (folded): the words that name the measure, not the grammar around it.
bool Reader::content_word(const std::string& w) {
  static const std::unordered_set<std::string_view> stop = {"va", "cac", "cua", "la", "co", "dat", "duoc", "so", "tong", "tren",
                                             "dia", "ban", "trong", "nam", "voi", "theo", "cho", "da", "dang",
                                             "ty", "le", "muc", "thuc", "hien", "uoc", "bang", "toan", "hien", "tai",
                                             "thanh", "pho", "tinh", "huyen", "xa", "khoang", "duoi", "nhung", "chi", "tieu",
                                             "kh", "ke", "hoach", "vuot", "nay", "giao", "geq", "leq", "mot"};
  return w.size() > 1 && !stop.count(w);
}

// Words that describe the figure at token k: the clause words before it (after the previous
// figure) and the words between its unit and `until` ("có 4.086 hộ kinh doanh đang hoạt động, bằng").
std::set<std::string> Reader::words_about(size_t k, size_t until) const {
  std::set<std::string> ws;
  for (size_t m = k; m > first && k - m < 14 && same_sentence(m - 1, k); --m) {
    if (is(m - 1, TokKind::Number) && tok(m - 1).quantity >= 0) break;
    if (punct(m - 1, ";")) break;
    if (is(m - 1, TokKind::Word) && content_word(tok(m - 1).fold)) ws.insert(tok(m - 1).fold);
  }
  for (size_t m = end_of_quantity(k); m < until && m < k + 12; ++m) {
    if (punct(m, ",") || punct(m, ";") || punct(m, ".")) break;
    if (is(m, TokKind::Word) && content_word(tok(m).fold)) ws.insert(tok(m).fold);
  }
  return ws;
}

size_t Reader::overlap(const std::set<std::string>& ws, const std::vector<std::string>& phrase) {
  std::set<std::string> seen;
  for (const auto& w : phrase)
    if (ws.count(w)) seen.insert(w);
  return seen.size();
}

void Reader::uncovered() {
  // Numbers in sentences that look like they assert a relation, that no claim uses.
  for (size_t k = next_figure(first); k < last; k = next_figure(k + 1)) {
    int q = qty(k);
    if (q < 0 || used[q]) continue;
    bool assertive = pct(q);
    for (size_t m = k > first + kNearWords ? k - kNearWords : first; m < k + kNearWords && m < last && !assertive;
         ++m)
      assertive = any_phrase(m, lexicon::kAssertive);
    if (assertive) out.uncovered.push_back(static_cast<uint32_t>(q));
  }
}

bool Reader::table_row(size_t bi) const {
  if (table_row_cache.empty()) table_row_cache.assign(doc.blocks.size(), -1);
  if (table_row_cache[bi] >= 0) return table_row_cache[bi] == 1;
  const Block& b = doc.blocks[bi];
  bool yes = b.kind == BlockKind::TableRow;
  if (!yes) {
    // Two tabs or three bars (found with memchr: most blocks have none).
    std::string_view t = doc.slice(b.span);
    auto count_to = [&](char c, int need) {
      const char* p = t.data();
      const char* end = t.data() + t.size();
      for (int n = 0; p < end; ++p) {
        p = static_cast<const char*>(std::memchr(p, c, size_t(end - p)));
        if (!p) return false;
        if (++n >= need) return true;
      }
      return false;
    };
    yes = count_to('\t', 2) || count_to('|', 3);
  }
  table_row_cache[bi] = yes ? 1 : 0;
  return yes;
}

}  // namespace doisoat::grammar
