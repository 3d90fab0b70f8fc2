// Restatements: the same figure stated twice in the prose (a plan restated as a denominator, a
// ratio pair, a class count, a slip of one digit, a rate restated by level or by sector).
#include "claims/reader.h"

namespace doisoat::grammar {

Claim& Reader::add_pair_repeat(int first_q, int second_q, Template tmpl) {
  Claim& c = add_at(ClaimKind::Repeat, figure_span(second_q), second_q, tmpl);
  operand(c, "first", first_q);
  operand(c, "second", second_q);
  return c;
}

// "Tổng nguồn vốn được giao: 6.995 triệu đồng … đạt 602,5/6.994,9 triệu đồng": the allocation
// stated again as a denominator, at another precision, in the same paragraph.
void Reader::allocation_restated_as_denominator() {
  for (const Claim& c : std::vector<Claim>(out.claims)) {
    if (c.kind != ClaimKind::Ratio || c.operands.size() != 2 || c.operands[1].role != "denominator") continue;
    int den = int(c.operands[1].quantity);
    const Quantity& d = Q(den);
    if (stated_used[den]) continue;
    size_t dk = kNone;
    if (d.sentence >= doc.sentences.size()) continue;
    const size_t bi = doc.sentences[d.sentence].block;
    if (bi >= nr.block_first.size()) continue;
    first = nr.block_first[bi];
    last = nr.block_last[bi];
    for (size_t m = first; m < last && dk == kNone; ++m)
      if (nr.tokens[m].kind == TokKind::Number && nr.tokens[m].quantity == den) dk = m;
    if (dk == kNone) continue;
    int match = -1, n = 0;
    for (size_t m = first; m < dk; ++m) {
      int q = qty(m);
      if (q < 0 || q == den || Q(q).dimension != d.dimension || Q(q).precision == d.precision) continue;
      if (!plan_word_before(m, 4)) continue;
      double a = Q(q).value.to_double(), b = d.value.to_double();
      int coarse = std::min(Q(q).precision, d.precision);
      double half = 0.5 * std::pow(10.0, -coarse);
      if (std::fabs(a - b) > half + 1e-9) continue;
      match = q;
      ++n;
    }
    if (n != 1) continue;
    // The finer figure first, the coarser one stated: the check rounds the finer to the coarser.
    int coarse_q = Q(match).precision < d.precision ? match : den;
    int fine_q = coarse_q == match ? den : match;
    add_pair_repeat(fine_q, coarse_q, Template::AllocationRestatedAsDenominator);
  }
}

// "403,819/2.831,169 tỷ đồng" in two places: the same pair of figures stated twice.
void Reader::ratio_pairs_restated() {
  std::map<std::pair<long long, long long>, int> seen;  // (numerator, denominator) -> numerator quantity
  std::vector<Claim> ratios_now;
  for (const Claim& c : out.claims)
    if (c.kind == ClaimKind::Ratio && c.operands.size() == 2) ratios_now.push_back(c);
  std::sort(ratios_now.begin(), ratios_now.end(), [](const Claim& a, const Claim& b) { return a.span.begin < b.span.begin; });
  for (const Claim& c : ratios_now) {
    int a = int(c.operands[0].quantity), b = int(c.operands[1].quantity);
    if (Q(a).value.mantissa == 0) continue;
    auto key = std::make_pair(std::llround(Q(a).value.to_double() * Q(a).factor * 1000.0),
                              std::llround(Q(b).value.to_double() * Q(b).factor * 1000.0));
    auto it = seen.find(key);
    if (it == seen.end()) { seen.emplace(key, a); continue; }
    int prev = it->second;
    if (Q(prev).sentence == Q(a).sentence || stated_used[a] || Q(prev).precision + Q(a).precision < 2) continue;
    add_pair_repeat(prev, a, Template::RatioRestated);
  }
}

// --- repeats in prose: the same indicator phrase stated twice --------------------------------
// "Sản lượng lương thực cả năm đạt 182.450 tấn." … "Sản lượng lương thực cả năm đạt 182.540 tấn."
// The signature is the words right before the figure (verbs like "đạt", "là" dropped), at least
// four of them; the figures must share a unit, sit in different sentences, and be about the
// document's own year.
// The same catalogue indicator stated as a level in two places of the prose, in other words:
// "Tổng thu ngân sách nhà nước trên địa bàn ước đạt 2.150 tỷ đồng" … "Năm 2024, tổng thu ngân sách
// nhà nước trên địa bàn đạt 2.510 tỷ đồng". Read only when the indicator has exactly two such
// statements, each the first figure of its comma-delimited segment, about the whole area and the
// same sub-period, with no plan, target or earlier-period word in the sentence before it.
// The digits of two written figures differ by one slip: two neighbours swapped, one digit
// changed, or one digit dropped or doubled.
bool Reader::one_slip_apart(const std::string& x, const std::string& y) {
  std::string a, b;
  for (char c : x) if (c >= '0' && c <= '9') a += c;
  for (char c : y) if (c >= '0' && c <= '9') b += c;
  if (a == b) return true;
  if (a.size() == b.size()) {
    std::vector<size_t> diff;
    for (size_t i = 0; i < a.size(); ++i) if (a[i] != b[i]) diff.push_back(i);
    if (diff.size() == 1) return true;
    return diff.size() == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]];
  }
  const std::string& longer = a.size() > b.size() ? a : b;
  const std::string& shorter = a.size() > b.size() ? b : a;
  if (shorter.size() + 1 != longer.size()) return false;
  // one digit more: skip the first place they differ and compare the rest
  size_t i = 0;
  while (i < shorter.size() && longer[i] == shorter[i]) ++i;
  return std::equal(longer.begin() + static_cast<std::ptrdiff_t>(i) + 1, longer.end(),
                    shorter.begin() + static_cast<std::ptrdiff_t>(i));
}

// Two statements are of one figure only when the paragraphs name the same period, place and
// source for them (Quantity::context): November's revenue beside eleven months', one province's
// beside another's, are two figures.
// (A source, once named, holds for the paragraphs after it until another is named: see
// Assigner::run.)
bool Reader::same_context(int a, int b) const { return Q(a).context == Q(b).context; }

void Reader::indicator_repeats() {
  const std::string doc_year = document_year();
  static const std::set<std::string> not_levels = {"ke", "kh", "du", "chi", "muc", "phan", "cung", "truoc", "binh",
                                                   "tang", "giam", "bang", "chiem", "trong", "gom", "so", "con"};
  struct Statement { int q; size_t tok; std::string period; };
  std::map<std::string, std::vector<Statement>> by_indicator;
  for (size_t bi = 0; bi < doc.blocks.size() && bi < nr.block_first.size(); ++bi) {
    if (table_row(bi) || doc.blocks[bi].kind != BlockKind::Paragraph) continue;
    if (about_other_year(bi)) continue;
    first = nr.block_first[bi];
    last = nr.block_last[bi];
    for (size_t k = next_figure(first); k < last; k = next_figure(k + 1)) {
      int q = qty(k);
      // (A figure already read as a part or an operand may still be restated elsewhere.)
      if (q < 0 || pct(q) || Q(q).dimension == "scalar" || !Q(q).role.empty()) continue;
      if (!is_canonical_indicator(Q(q).indicator) || Q(q).malformed || ab_side(k) != 0) continue;
      // The segment before the figure: words only (a year may name the period), back to , ; . or
      // the sentence start.
      bool ok = true;
      std::string period;
      size_t m = k;
      for (; m > first && same_sentence(m - 1, k) && !punct(m - 1, ",") && !punct(m - 1, ";"); --m) {
        const Token& t = tok(m - 1);
        if (t.kind == TokKind::Number) {
          if (t.non_quantity < 0 && t.quantity >= 0) { ok = false; break; }
          if (t.fold.size() == 4 && t.fold != doc_year) { ok = false; break; }  // another year
          continue;
        }
        if (t.kind != TokKind::Word) continue;
        // (not "lũy kế"; "trong đó <its own words>" names a part, which may be restated too)
        if (not_levels.count(t.fold) && !(t.fold == "ke" && word(m - 2, "luy")) && !(t.fold == "trong" && word(m, "do")))
          { ok = false; break; }
      }
      if (!ok || m + 1 >= k) continue;
      // The sentence before the figure must not be about plans, last year or one commune, ward
      // or district ("Riêng xã Hòa Bình, …").
      for (size_t n = k; n > first && same_sentence(n - 1, k) && ok; --n) {
        // The sub-period the sentence names: "Tháng 9, …", "Lũy kế 9 tháng, …", "quý III", "cả năm".
        {
          const Token& t = tok(n - 1);
          if (t.kind == TokKind::Number && t.non_quantity >= 0 && t.fold.size() < 4 &&
              (word(n, "thang") || word(n - 2, "thang") || word(n - 2, "quy")))
            period += t.fold + (word(n, "thang") ? "m " : "t ");
          if (word(n - 1, "quy") || word(n - 1, "luy") || (word(n - 1, "nam") && word(n - 2, "ca")) ||
              (word(n - 1, "thang") && word(n, "nay")))
            period += t.fold + " ";
        }
        // (nor about another year: "Kể từ năm 2009, … đạt 1.000 tỷ đồng")
        if (is(n - 1, TokKind::Number) && tok(n - 1).non_quantity >= 0 && word(n - 2, "nam") && tok(n - 1).fold.size() == 4 &&
            tok(n - 1).fold != doc_year)
          ok = false;
        if (word(n - 1, "hoach") || word(n - 1, "kh") || phrase(n - 1, {"du", "toan"}) || phrase(n - 1, {"cung", "ky"}) ||
            phrase(n - 1, {"nam", "truoc"}) || phrase(n - 1, {"chi", "tieu"}) || phrase(n - 1, {"phan", "dau"}) ||
            phrase(n - 1, {"muc", "tieu"}) || word(n - 1, "rieng"))
          ok = false;
        if (!is(n - 1, TokKind::Word)) continue;
        std::string_view raw = doc.slice(tok(n - 1).span);
        if ((raw == "xã" || raw == "phường" || raw == "trấn" || raw == "huyện" || raw == "thôn" || raw == "quận") &&
            is(n, TokKind::Word) && tok(n).upper)
          ok = false;
      }
      if (!ok) continue;
      // Statements are of one figure only when of one period: the sub-period the sentence names
      // before the figure, and the figure's period as read (Quantity::period_key: "tháng 2" and
      // "lũy kế 2 tháng" in one sentence are two).
      // (A period that could not be read, "Tháng 8" with no year known, is compared as written;
      // none named is the document's.)
      by_indicator[Q(q).indicator + "|" + Q(q).unit + "|" +
                   (Q(q).period_stated || period.empty() ? Q(q).period_key : "~" + period)]
          .push_back(Statement{q, k, period});
    }
  }
  for (auto& [key, st] : by_indicator) {
    if (st.size() != 2) continue;
    const Statement& a = st[0];
    const Statement& b = st[1];
    if (tok_sentence[a.tok] == tok_sentence[b.tok] || stated_used[b.q]) continue;
    if (!same_context(a.q, b.q)) continue;
    // Two different values are one figure only when close (a stale or revised figure) or one
    // typing slip apart: "Tổng mức bán lẻ hàng hóa … 3.200" beside "Tổng mức bán lẻ hàng hóa và
    // doanh thu dịch vụ … 4.100" are two aggregates of one catalogue key.
    double va = Q(a.q).value.to_double(), vb = Q(b.q).value.to_double();
    if (va <= 0 || vb <= 0) continue;
    auto exact = [&](int q) { return Q(q).qualifier == Qualifier::None || Q(q).qualifier == Qualifier::Estimate; };
    // (A slip of a digit dropped or doubled, ten times the size, is more often another figure
    // of the indicator, a milestone or a year's: "đạt 1.000 tỷ đồng" beside "10.010 tỷ đồng".)
    if (!(Q(a.q).value == Q(b.q).value) && std::fabs(va - vb) > 0.05 * std::max(va, vb) &&
        !(one_slip_apart(Q(a.q).text, Q(b.q).text) && std::max(va, vb) < 2 * std::min(va, vb) &&
          exact(a.q) && exact(b.q)))  // (no slip between bounds)
      continue;
    add_pair_repeat(a.q, b.q, Template::IndicatorRestated);
  }
}

void Reader::prose_repeats() {
  static const std::set<std::string> verbs = {"dat", "la", "uoc", "co", "duoc", "khoang", "tren", "hon", "gan",
                                              "thuc", "hien", "con", "vao", "len"};
  std::map<std::string, std::vector<int>> by_signature;
  for (size_t bi = 0; bi < doc.blocks.size() && bi < nr.block_first.size(); ++bi) {
    if (table_row(bi) || doc.blocks[bi].kind == BlockKind::Footnote) continue;
    if (about_other_year(bi)) continue;
    first = nr.block_first[bi];
    last = nr.block_last[bi];
    for (size_t k = next_figure(first); k < last; k = next_figure(k + 1)) {
      int q = qty(k);
      if (q < 0 || Q(q).dimension == "scalar" || !Q(q).role.empty()) continue;
      // Only a catalogue indicator: a generic phrase ("Tiếp nhận và giải quyết") recurs for other things.
      if (!is_canonical_indicator(Q(q).indicator)) continue;
      // The whole sentence before the figure must be words: "Tỷ lệ che phủ rừng đạt 72,8%."
      std::vector<std::string> words;
      size_t m = k;
      while (m > first && is(m - 1, TokKind::Word) && verbs.count(tok(m - 1).fold)) --m;
      bool whole = true;
      for (; m > first && same_sentence(m - 1, k); --m) {
        if (is(m - 1, TokKind::Number) && tok(m - 1).non_quantity >= 0) {  // "6 tháng đầu năm"
          words.push_back(tok(m - 1).fold);
          continue;
        }
        if (!is(m - 1, TokKind::Word)) {
          // a leading bullet may open the sentence
          if (!(tok(m - 1).kind == TokKind::Punct && (m - 1 == first || !same_sentence(m - 2, k)))) whole = false;
          break;
        }
        const std::string& f = tok(m - 1).fold;
        if (f == "tang" || f == "giam" || f == "bang" || f == "chiem" || f == "voi" || f == "ky") { whole = false; break; }
        words.push_back(f);
      }
      if (!whole || words.size() < 4 || words.size() > 14) continue;
      std::string sig = Q(q).unit + "|";
      for (auto it = words.rbegin(); it != words.rend(); ++it) sig += *it + " ";
      by_signature[sig].push_back(q);
    }
  }
  for (auto& [sig, qs] : by_signature) {
    if (qs.size() != 2) continue;  // three or more: a list of like items, not a restatement
    int a = qs[0], b = qs[1];
    if (tok_sentence[token_of[a]] == tok_sentence[token_of[b]] || stated_used[b] || !same_context(a, b)) continue;
    add_pair_repeat(a, b, Template::SamePhraseRestated);
  }
}

// The words that name an item of a list: back from the figure (its numerator, for an A/B) to the
// list's separator, and on after its unit (or its denominator's) to the next punctuation:
// "180 trường Mầm non" and "Mầm non 65/179 trường" both name "mam non". Content words only,
// sorted; "" when there are none, or when a number or a bracket sits inside the name.
std::string Reader::item_name(size_t k) const {
  // (Its own fillers: content_word() drops "tiểu" and "chỉ" of "chỉ tiêu", which name classes here.)
  static const std::unordered_set<std::string> filler = {"trong", "do", "co", "la", "gom", "va", "cac", "cua",
                                                         "duoc", "da", "dang", "dat", "hien", "nay", "toan"};
  auto content = [&](const std::string& w) { return w.size() > 1 && !filler.count(w); };
  std::vector<std::string> ws;
  for (size_t m = k, n = 0; m > first && n < 8 && same_sentence(m - 1, k); --m, ++n) {
    const Token& t = tok(m - 1);
    if (t.kind == TokKind::Punct && (t.fold == "," || t.fold == ";" || t.fold == ":" || t.fold == ".")) break;
    if (t.kind != TokKind::Word || t.unit_part) return {};
    if (content(t.fold)) ws.push_back(t.fold);
  }
  size_t e = end_of_quantity(ab_side(k) == 1 ? denominator_tok(k) : k);
  for (size_t m = e, n = 0; m < last && n < 8 && same_sentence(m, k); ++m, ++n) {
    const Token& t = tok(m);
    if (t.kind != TokKind::Word) break;
    if (content(t.fold)) ws.push_back(t.fold);
  }
  if (ws.empty()) return {};
  std::sort(ws.begin(), ws.end());
  std::string out;
  for (const auto& w : ws) out += w + " ";
  return out;
}

// "toàn tỉnh có 527 cơ sở …, trong đó có: 180 trường Mầm non, 336 cơ sở giáo dục phổ thông" and,
// further on in the section, "… đạt chuẩn quốc gia 173/515 trường, trong đó: Mầm non 65/179
// trường; Tiểu học 55/126 trường; …": the denominator of a class in a list of A/B items is the
// count of that class, stated again. Both must be items of a list, name the class in the same
// words and count in the same unit, each the only one of its name on its side, within 5 % of
// each other (further apart they count different things), about the document's period.
void Reader::class_counts_restated() {
  std::map<std::tuple<int, std::string, std::string>, std::vector<int>> counts, denominators;
  for (size_t bi = 0; bi < doc.blocks.size() && bi < nr.block_first.size(); ++bi) {
    if (table_row(bi) || doc.blocks[bi].kind != BlockKind::Paragraph || about_other_year(bi)) continue;
    first = nr.block_first[bi];
    last = nr.block_last[bi];
    const int section = doc.blocks[bi].section;
    for (size_t k = next_figure(first); k < last; k = next_figure(k + 1)) {
      int q = qty(k);
      if (q < 0 || !is_item[q] || (!Q(q).role.empty() && Q(q).role != "denominator")) continue;
      if (Q(q).dimension.rfind("count:", 0) != 0 || !sentence_year(k).empty()) continue;
      const int side = ab_side(k);
      if (side == 1) continue;  // named through its denominator
      const size_t named_at = side == 2 ? k - 1 : k;
      size_t nk = named_at;
      if (side == 2) {  // back to the numerator of "65/179"
        while (nk > first && !is(nk, TokKind::Number)) --nk;
        if (ab_side(nk) != 1 || qty(nk) < 0 || !is_item[qty(nk)]) continue;
      }
      std::string name = item_name(nk);
      if (std::count(name.begin(), name.end(), ' ') < 2) continue;  // one word names too little
      auto key = std::make_tuple(section, Q(q).dimension, name);
      (side == 2 ? denominators : counts)[key].push_back(q);
    }
  }
  for (const auto& [key, ds] : denominators) {
    auto c = counts.find(key);
    if (ds.size() != 1 || c == counts.end() || c->second.size() != 1) continue;
    const int a = c->second.front(), b = ds.front();
    if (stated_used[b]) continue;
    const double va = Q(a).value.to_double(), vb = Q(b).value.to_double();
    if (va <= 0 || std::fabs(va - vb) > 0.05 * va) continue;
    add_pair_repeat(a, b, Template::ClassCountRestatedAsDenominator);
  }
}

// "điện sản xuất 154.837 triệu KWh" (a thousands dot for the decimal comma: 154,837) restating
// "sản lượng điện sản xuất ước đạt 154,873 triệu kwh": a malformed figure whose intended
// reading is within 1% of exactly one other figure of the same catalogue indicator and unit, in
// the document's own year, restates it; the two must agree, read as intended.
void Reader::restated_slips() {
  std::vector<int> prose;
  for (size_t bi = 0; bi < doc.blocks.size() && bi < nr.block_first.size(); ++bi) {
    if (table_row(bi) || about_other_year(bi)) continue;
    first = nr.block_first[bi];
    last = nr.block_last[bi];
    for (size_t k = next_figure(first); k < last; k = next_figure(k + 1))
      if (int q = qty(k); q >= 0 && is_canonical_indicator(Q(q).indicator)) prose.push_back(q);
  }
  for (int q : prose) {
    if (!Q(q).malformed || !Q(q).hint || stated_used[q]) continue;
    const double intended = Q(q).hint->to_double();
    int match = -1, matches = 0;
    for (int p : prose) {
      if (p == q || Q(p).malformed || Q(p).indicator != Q(q).indicator || Q(p).unit != Q(q).unit) continue;
      double v = Q(p).value.to_double();
      if (v != 0 && std::fabs(v - intended) <= 0.01 * std::fabs(v)) { match = p; ++matches; }
    }
    if (matches != 1) continue;
    add_pair_repeat(match, q, Template::RestatedWithSlip);
  }
}

// --- a year-on-year change stated twice --------------------------------------------------------
// "sản lượng điện … 154,873 triệu kWh, … giảm 55% so với cùng kỳ" and, in a footnote, "điện sản
// xuất 154,837 triệu KWh, bằng 45% so với cùng kỳ năm trước": once the two levels are one figure
// stated twice (a repeat read before), their one year-on-year change each is one change stated
// twice, in the same or the other form (bằng X% = a change of X − 100%; the check compares them).
// A level with two year-on-year figures is left alone (which goes with which is not sure).
void Reader::rate_repeats_by_level() {
  std::unordered_map<int, std::vector<int>> yoy_of_level;
  for (size_t q = 0; q < nr.quantities.size(); ++q) {
    const Quantity& r = nr.quantities[q];
    if (r.unit != "%" || r.base < 0 || (r.role != "yoy_rate" && r.role != "yoy_ratio")) continue;
    yoy_of_level[r.base].push_back(static_cast<int>(q));
  }
  auto one_rate = [&](int level) {
    auto it = yoy_of_level.find(level);
    return it == yoy_of_level.end() || it->second.size() != 1 ? -1 : it->second[0];
  };
  std::vector<std::pair<int, int>> levels;
  for (const Claim& c : out.claims)
    if (c.kind == ClaimKind::Repeat && c.operands.size() == 2)
      levels.emplace_back(int(c.operands[0].quantity), int(c.operands[1].quantity));
  for (auto [la, lb] : levels) {
    int ra = one_rate(la), rb = one_rate(lb);
    if (ra < 0 || rb < 0 || ra == rb || token_of[ra] == kNone || token_of[rb] == kNone) continue;
    if (tok_sentence[token_of[ra]] == tok_sentence[token_of[rb]]) continue;
    restate_rate(ra, rb, Template::ChangeRestatedWithItsLevel);
  }
}

// Located at the earlier statement, unless that one already states another claim.
void Reader::restate_rate(int a, int b, Template tmpl) {
  if (!same_context(a, b)) return;
  if (token_of[a] > token_of[b]) std::swap(a, b);
  if (!stated_used[a]) add_pair_repeat(b, a, tmpl);
  else if (!stated_used[b]) add_pair_repeat(a, b, tmpl);
}

// "giá trị sản xuất của ngành Sản xuất và phân phối điện, … giảm 27% so với cùng kỳ" in one place
// and "giá trị sản xuất công nghiệp … bằng 101,4% so với cùng kỳ. Trong đó: …; ngành sản xuất và
// phân phối điện giảm 26,9%" in another: one sector's change of one measure, stated twice. The
// identity comes from the words: the measure ("giá trị sản xuất", "chỉ số sản xuất", "giá trị
// tăng thêm", "doanh thu") named in the figure's sentence, or before the "Trong đó" list the
// figure belongs to; the sector (the words after "ngành" up to the first mark or verb); the
// sub-period and year of the measure's sentence. Both must be changes on the same period a year
// earlier in the same direction, about the whole area, within 10% of each other (or one typing
// slip apart); exactly two such statements of that measure, sector and period.
void Reader::rate_repeats_by_sector() {
  static const std::vector<std::vector<std::string_view>> measures = {
      {"gia", "tri", "san", "xuat"}, {"chi", "so", "san", "xuat"}, {"gia", "tri", "tang", "them"}, {"doanh", "thu"}};
  static const std::set<std::string> stops = {"tang", "giam", "dat", "uoc", "bang", "la", "chiem", "co", "voi", "so"};
  const std::string doc_year = document_year();
  struct Statement { int q; bool decrease; };
  std::map<std::string, std::vector<Statement>> by_key;
  for (size_t bi = 0; bi < doc.blocks.size() && bi < nr.block_first.size(); ++bi) {
    if (table_row(bi) || about_other_year(bi)) continue;
    first = nr.block_first[bi];
    last = nr.block_last[bi];
    for (size_t k = next_figure(first); k < last; k = next_figure(k + 1)) {
      int q = qty(k);
      if (q < 0 || !pct(q) || stated_used[q] || !change_verb(k - 1)) continue;
      const Quantity& r = Q(q);
      if (!r.role.empty() && r.role != "yoy_rate") continue;
      // Where the sector is named: before the level a year-on-year rate is about, or before the rate.
      size_t from = k - 1;
      if (r.role == "yoy_rate" && r.base >= 0 && token_of[r.base] != kNone && in(token_of[r.base]) &&
          token_of[r.base] < k && same_sentence(token_of[r.base], k))
        from = token_of[r.base];
      size_t n = kNone;
      for (size_t m = from; m > first && from - m < 20 && same_sentence(m - 1, k); --m) {
        if (punct(m - 1, ";") || punct(m - 1, ":") || (qty(m - 1) >= 0)) break;
        if (word(m - 1, "nganh")) { n = m - 1; break; }
      }
      if (n == kNone || names_subregion(n)) continue;
      std::string sector;
      size_t words = 0;
      for (size_t m = n + 1; m < k && is(m, TokKind::Word) && !stops.count(tok(m).fold); ++m, ++words)
        sector += tok(m).fold + " ";
      if (words < 2) continue;
      // The measure: in the sentence before "ngành", or before the "Trong đó" list that opens the sentence.
      auto measure_before = [&](size_t from_tok, size_t reach) -> std::pair<size_t, size_t> {
        for (size_t m = from_tok; m > first && from_tok - m < reach && same_sentence(m - 1, from_tok); --m)
          for (size_t i = 0; i < measures.size(); ++i) {
            size_t h = m - 1;
            bool match = true;
            for (size_t w = 0; w < measures[i].size() && match; ++w) match = word(h + w, measures[i][w]);
            if (match) return {h, i};
          }
        return {kNone, 0};
      };
      auto [head, which] = measure_before(n, 40);
      bool list = false;
      if (head == kNone) {
        size_t s0 = n;
        while (s0 > first && same_sentence(s0 - 1, n)) --s0;
        while (s0 < n && tok(s0).kind == TokKind::Punct) ++s0;
        if (!phrase(s0, {"trong", "do"}) || s0 == first) continue;
        std::tie(head, which) = measure_before(s0 - 1, 80);
        if (head == kNone) continue;
        list = true;
      }
      // Year on year: the rate itself, or the list's total ("… bằng 101,4% so với cùng kỳ. Trong đó: …").
      if (r.role != "yoy_rate") {
        bool yoy = false;
        for (size_t m = head; m < n && !yoy; ++m) yoy = phrase(m, {"cung", "ky"});
        if (!list || !yoy) continue;
        // the rate's own comparison, if it says one, is not with another base
        size_t e = end_of_quantity(k);
        if (word(e, "so") || word(e, "bang")) continue;
      }
      // The sub-period and year of the measure's sentence.
      std::string period = period_before(head);
      {
        std::string y = sentence_year(head);
        if (y != doc_year) period += y;
      }
      std::string key = std::to_string(which) + "|" + sector + "|" + period;
      bool down = r.role == "yoy_rate" ? r.decrease : word(k - 1, "giam");
      by_key[key].push_back(Statement{q, down});
    }
  }
  for (auto& [key, st] : by_key) {
    if (st.size() != 2) continue;
    const Statement& a = st[0];
    const Statement& b = st[1];
    if (a.decrease != b.decrease || tok_sentence[token_of[a.q]] == tok_sentence[token_of[b.q]]) continue;
    double va = Q(a.q).value.to_double(), vb = Q(b.q).value.to_double();
    if (std::fabs(va - vb) > 0.1 * std::max(va, vb) && !one_slip_apart(Q(a.q).text, Q(b.q).text)) continue;
    restate_rate(a.q, b.q, Template::SectorChangeRestated);
  }
}

}  // namespace doisoat::grammar
