// Changes and growth: "tăng|giảm N (X%) so với …", with the earlier value found in parentheses,
// in the previous sentence or named before the verb.
#include "claims/reader.h"

namespace doisoat::grammar {

// "C, tăng N unit (tăng X%) so với cùng kỳ": earlier = C - N, and X must agree.
// "tăng/giảm Y điểm phần trăm … (Z%)": pp difference against the stated earlier rate.
// The earlier value stated in parentheses after the comparison: "so với cùng kỳ (3.120 tỷ đồng)",
// "so với năm trước (41.980 lượt)". Returns the quantity or -1.
// A word that makes a parenthesis give something else than the earlier value: a plan or a
// scenario ("vượt kịch bản (8.615 tỷ đồng)", "(vượt 8% so với chỉ tiêu)"), a part ("(trong đó,
// khách quốc tế là 230 nghìn lượt)"), a sub-period ("(quý I đạt 31.377 tỷ đồng, …)").
bool Reader::not_the_earlier_word(size_t m) const {
  return word(m, "vuot") || phrase(m, {"kich", "ban"}) || phrase(m, {"ke", "hoach"}) || word(m, "kh") ||
         phrase(m, {"du", "toan"}) || phrase(m, {"chi", "tieu"}) || phrase(m, {"muc", "tieu"}) ||
         phrase(m, {"trong", "do"}) || word(m, "quy") || word(m, "gom");
}

int Reader::earlier_in_parens(size_t from, int like, bool compared) {
  size_t m = from;
  size_t reach = 12;  // "vốn đăng ký so với cùng kỳ năm 2022 ("
  bool past_sibling = false;
  for (size_t n = 0; n < reach && m < last; ++n, ++m) {
    if (phrase(m, {"so", "voi"}) || word(m, "ky") || word(m, "truoc")) compared = true;
    if (is(m, TokKind::Open)) break;
    // "ít hơn 9 dự án và bằng 18,7% vốn đăng ký so với cùng kỳ (11 dự án, 1.739 tỷ đồng)": the
    // rate of a sibling indicator shares the comparison and its parenthesis.
    // (after ", tăng X%" the rate is the same level's, and its parenthesis the level's earlier value)
    if (const int r = qty(m);
        r >= 0 && pct(r) && !past_sibling && (change_verb(m - 1) || word(m - 1, "bang")) && word(m - 2, "va")) {
      m = end_of_quantity(m) - 1;
      past_sibling = true;
      reach = n + 13;
      continue;
    }
    if (qty(m) >= 0 || punct(m, ";") || punct(m, ".") || not_the_earlier_word(m)) return -1;
  }
  if (!is(m, TokKind::Open)) return -1;
  // "(cùng kỳ 95 vụ)", "(năm trước 1.204 người)": the parenthesis names the earlier period.
  if (phrase(m + 1, {"cung", "ky"}) || phrase(m + 1, {"nam", "truoc"}) || phrase(m + 1, {"dau", "nam"}) ||
      phrase(m + 1, {"dau", "ky"}))
    compared = true;
  if (!compared) return -1;
  size_t close = matching_close(m);
  for (size_t p = m + 1; p < close && p < m + 12; ++p) {
    if (not_the_earlier_word(p)) return -1;
    int q = qty(p);
    if (q < 0) continue;
    if (is_change(p)) return -1;  // "(tương ứng tăng 5,01 tỷ USD)"
    // "(11 dự án với tổng vốn 1.739 tỷ đồng)": the earlier values of several indicators; the
    // one of the level's unit.
    if (!pct(q) && !pct(like) && !compatible(q, like) && Q(q).unit != Q(like).unit) continue;
    if (pct(q) != pct(like) || !compatible(q, like)) return -1;
    // "(… đạt 31.377 tỷ đồng, tăng 3,3%, …)": a figure with its own rate is another level
    const size_t e = end_of_quantity(p);
    if (punct(e, ",") && change_verb(e + 1)) return -1;
    return q;
  }
  return -1;
}

// "bằng 18,7% so với cùng kỳ", "bằng 18,7% vốn đăng ký so với cùng kỳ": a comparison right after
// the rate, or after a short noun phrase naming what is compared (no plan, no figure, no sign).
bool Reader::comparison_after_noun(size_t e) const {
  for (size_t m = e; m < last && m < e + 5; ++m) {
    if (comparison_at(m)) return true;
    if (!is(m, TokKind::Word) || plan_word_after(m) || word(m, "va") || word(m, "cua")) return false;
  }
  return false;
}

// "khách quốc tế đạt 4,014 triệu lượt, tăng 12,4% so cùng kỳ": a level followed by its own
// change on a year before is a level of the current period (a sibling of the next sentence's
// figure), never the earlier value of another.
bool Reader::compared_with_last_year(size_t p) const {
  size_t m = end_of_quantity(p);
  if (punct(m, ",")) ++m;
  if (!(word(m, "tang") || word(m, "giam") || word(m, "bang"))) return false;
  const int r = qty(m + 1);
  if (r < 0 || !pct(r)) return false;
  const size_t e = end_of_quantity(m + 1);
  return comparison_at(e) || phrase(e, {"so", "cung"});
}

// "(tương ứng giảm 9,77 tỷ USD)", ", tương đương tăng 1.250 tỷ đồng" after a rate (and its
// comparison): the absolute change of the level `cur`, in the rate's direction; -1 when none.
int Reader::corresponding_change(size_t from, int cur, bool down) {
  const size_t v = change_amounted_to(from, down);
  const int q = v == kNone ? -1 : qty(v);
  if (q < 0 || pct(q) || !compatible(q, cur) || stated_used[q]) return -1;
  return q;
}

// The token of N in ", tương ứng (với) (mức) tăng|giảm N" right after a rate ending at `from` (the
// verb in the rate's direction, no figure between), kNone when there is none.
size_t Reader::change_amounted_to(size_t from, bool down) const {
  for (size_t m = from; m < last && m < from + 14 && same_sentence(m, from); ++m) {
    if (punct(m, ";") || (qty(m) >= 0 && m > from)) return kNone;
    if (!phrase(m, {"tuong", "ung"}) && !phrase(m, {"tuong", "duong"})) continue;
    size_t v = m + 2;
    if (word(v, "voi")) ++v;
    if (word(v, "muc")) ++v;
    return (down ? word(v, "giam") : word(v, "tang")) ? v + 1 : kNone;
  }
  return kNone;
}

// After a rate with no level before it, ", tương ứng giảm N và (chỉ|còn) đạt L": the change N it
// amounts to and the level L it came to (L in N's unit, right after "và", nothing else between).
std::pair<int, int> Reader::change_then_level(size_t from, bool down) {
  const size_t v = change_amounted_to(from, down);
  const int chg = v == kNone ? -1 : qty(v);
  if (chg < 0 || pct(chg) || stated_used[chg]) return {-1, -1};
  size_t l = end_of_quantity(v);
  if (!word(l, "va")) return {-1, -1};
  ++l;
  if (word(l, "chi") || word(l, "con")) ++l;
  if (word(l, "dat") || word(l, "con") || phrase(l, {"o", "muc"})) l += phrase(l, {"o", "muc"}) ? 2 : 1;
  else return {-1, -1};
  const int lv = qty(l);
  if (lv < 0 || pct(lv) || Q(lv).unit != Q(chg).unit || Q(lv).qualifier != Qualifier::None || stated_used[lv]) return {-1, -1};
  return {chg, lv};
}

// The earlier value of a change stated in the sentence before: "Năm 2022, … đạt 356,8 triệu USD.
// Năm 2023 ước đạt 402,1 triệu USD, tăng 12,7% so với năm 2022." The one figure of that sentence
// of the same kind, when the two sentences are linked by their years or by their words.
int Reader::earlier_in_previous_sentence(int cur, size_t ck, bool years_only) {
  uint32_t s = tok_sentence[ck];
  if (s == 0) return -1;
  size_t m = ck;
  while (m > first && m + kReach > ck && tok_sentence[m - 1] == s) --m;
  if (m == first || tok_sentence[m - 1] != s - 1) return -1;
  size_t prev_end = m;
  size_t prev_begin = prev_end;
  while (prev_begin > first && prev_begin + kReach > prev_end && tok_sentence[prev_begin - 1] == s - 1) --prev_begin;
  int cand = -1, n = 0;
  for (size_t p = prev_begin; p < prev_end; ++p) {
    int q = qty(p);
    if (q < 0 || pct(q) != pct(cur) || !compatible(q, cur) || Q(q).dimension == "scalar" || is_change(p)) continue;
    if (compared_with_last_year(p)) continue;
    cand = q;
    ++n;
  }
  if (n != 1) return -1;
  // Link by years: "Năm 2022, …" before "Năm 2023 …" or "so với năm 2022". The year must be
  // the one the sentence is about, not the one it compares with ("giảm 4,1% so với cùng kỳ năm 2022").
  std::string y_prev = sentence_year(prev_end - 1);
  if (!y_prev.empty()) {
    size_t y = prev_begin;
    while (y < prev_end && !(nr.tokens[y].kind == TokKind::Number && nr.tokens[y].fold == y_prev)) ++y;
    for (size_t d = 1; d <= 5 && y >= prev_begin + d; ++d)
      if (comparison_at(y - d)) { y_prev.clear(); break; }
  }
  size_t cur_end = ck;
  while (cur_end + 1 < last && cur_end < ck + kReach && tok_sentence[cur_end + 1] == s) ++cur_end;
  bool year_link = false;
  if (!y_prev.empty()) {
    for (size_t p = m; p <= cur_end; ++p) {
      const Token& t = nr.tokens[p];
      if (t.kind != TokKind::Number || t.non_quantity < 0 || t.fold.size() != 4) continue;
      if (t.fold == y_prev || std::atoi(t.fold.c_str()) == std::atoi(y_prev.c_str()) + 1) year_link = true;
    }
  }
  if (!year_link) {
    // "Quý III/2023, … 1.245,6 tỷ đồng. Quý III/2024 ước đạt 1.368,2 tỷ đồng, tăng 9,8% so với cùng kỳ":
    // years written after a period with a slash link the sentences too.
    const SentencePeriod pp = sentence_period(prev_begin, prev_end), cp = sentence_period(m, cur_end + 1);
    if (!pp.own_year.empty() && (cp.cmp_year == pp.own_year ||
                                 (!cp.own_year.empty() && std::atoi(cp.own_year.c_str()) == std::atoi(pp.own_year.c_str()) + 1)))
      year_link = true;
  }
  if (!year_link && (years_only || !same_words_around(cur, cand, 3))) return -1;
  if (!earlier_period_fits(prev_begin, prev_end, m, cur_end + 1) || other_indicator(cand, cur)) return -1;
  return cand;
}

// Two levels named by words of different indicators: "ngành chế biến, chế tạo đạt 1.020 tỷ đồng" and
// "ngành khai thác đá đạt 310 tỷ đồng"; "1.982 hộ nghèo" and "số hộ cận nghèo còn 1.530 hộ". The
// content words of the six tokens before each figure and the few after its unit: when the later
// figure (b) is named with a word the earlier (a) lacks, they are not the same indicator. A side
// with none ("Năm 2023 ước đạt 402,1 triệu USD") names nothing and fits; the later may name the
// same thing in fewer words.
bool Reader::other_indicator(int a, int b) const {
  static const std::set<std::string> stop = {"trong", "nam", "la", "co", "dat", "va", "cua", "so", "duoc", "cac", "nhung",
                                             "theo", "tai", "tong", "voi", "cung", "ky", "bang", "tang", "giam", "ke", "hoach",
                                             "kh", "uoc", "thuc", "hien", "toan", "tinh", "huyen", "thanh", "pho", "xa", "quy",
                                             "thang", "rieng", "chung", "luy", "ke", "dau", "nay", "cuoi", "nganh", "linh",
                                             "vuc", "do", "i", "ii", "iii", "iv", "khoang", "ca", "mot", "nhu", "con", "ghi",
                                             "nhan", "xay", "ra", "len", "xuong", "muc", "tren", "dia", "ban", "chi", "dang", "den",
                                             "tu", "thoi", "diem", "ngay", "hien", "nay", "sau", "truoc"};
  std::set<std::string> unit_words;
  auto unit_after = [&](int q) {
    size_t m = token_of[q] + 1;
    while (m < nr.tokens.size() && nr.tokens[m].unit_part) unit_words.insert(nr.tokens[m++].fold);
    return m;
  };
  const size_t ea = unit_after(a), eb = unit_after(b);
  auto words = [&](int q, size_t e) {
    std::set<std::string> w;
    const size_t k = token_of[q];
    for (size_t m = k; m > 0 && m + 6 > k && tok_sentence[m - 1] == tok_sentence[k]; --m) {
      const Token& t = nr.tokens[m - 1];
      if (t.kind == TokKind::Word && !t.unit_part && !stop.count(t.fold)) w.insert(t.fold);
    }
    // (the whole noun phrase after the unit, up to the next sign: "người tham gia bảo hiểm y tế"
    // and "… bảo hiểm xã hội" differ only past their third word)
    for (size_t m = e; m < nr.tokens.size() && m < e + 8 && nr.tokens[m].kind == TokKind::Word; ++m)
      if (!stop.count(nr.tokens[m].fold)) w.insert(nr.tokens[m].fold);
    for (const auto& u : unit_words) w.erase(u);
    return w;
  };
  const auto wa = words(a, ea), wb = words(b, eb);
  for (const auto& w : wb)
    if (!wa.empty() && !wa.count(w)) return true;
  return false;
}

// The level a change is about, stated in the sentence before: "Toàn tỉnh xảy ra 118 vụ tai nạn
// giao thông, làm chết 71 người, bị thương 92 người. So với cùng kỳ, số vụ tai nạn giao thông
// giảm 14 vụ (giảm 10,6%), số người chết giảm 6 người (giảm 7,8%) …": the one figure of the
// change's unit whose words share the words before the verb. -1 when none or several do.
int Reader::level_named_before(int n, size_t verb) {
  static const std::set<std::string> generic = {"so", "voi", "cung", "ky", "nam", "truoc", "la", "co", "va", "cua",
                                                "cac", "tong", "toan", "tinh", "huyen", "trong", "do", "nguoi",
                                                "vu", "luot", "ca", "ho", "dat", "uoc", "bi", "duoc"};
  std::set<std::string> subject;
  for (size_t m = verb; m > first && m + 7 > verb; --m) {
    const Token& t = nr.tokens[m - 1];
    if (t.kind != TokKind::Word) break;
    if (!generic.count(t.fold)) subject.insert(t.fold);
  }
  if (subject.empty()) return -1;
  const uint32_t s = tok_sentence[verb];
  int best = -1, best_n = 0, ties = 0;
  for (size_t m = verb; m > first && m + kReach > verb && tok_sentence[m - 1] + 1 >= s; --m) {
    int q = qty(m - 1);
    if (q < 0 || q == n || pct(q) || Q(q).unit != Q(n).unit || !compatible(q, n)) continue;
    size_t at = m - 1;
    if (change_verb(at - 1) || word(at - 1, "hon")) continue;  // a change itself
    int common = 0;
    for (size_t w = at; w > first && w + 4 > at; --w)
      if (nr.tokens[w - 1].kind == TokKind::Word && subject.count(nr.tokens[w - 1].fold)) ++common;
    for (size_t w = end_of_quantity(at); w < last && w < at + 7 && nr.tokens[w].kind == TokKind::Word; ++w)
      if (subject.count(nr.tokens[w].fold)) ++common;
    if (common > best_n) { best = q; best_n = common; ties = 0; }
    else if (common == best_n && common > 0) ++ties;
  }
  return ties == 0 ? best : -1;
}

// The change or rate whose verb is at `verb` is said of the figure at ck: only the noun it counts
// (when it has no unit), a comma, a bracket or "tương ứng|tương đương|tức là" stand between
// ("234 thủ tục (giảm 70 thủ tục)", "1.050 hộ, giảm 150 hộ"; not "2.400 tỷ đồng, trong đó vốn
// nhà nước tăng 150 tỷ đồng").
bool Reader::said_of(size_t ck, size_t verb) const {
  size_t m = end_of_quantity(ck);
  if (Q(qty(ck)).unit.empty())
    for (size_t w = 0; w < 5 && m < verb && is(m, TokKind::Word) && !change_verb(m); ++w) ++m;
  while (m < verb && (punct(m, ",") || is(m, TokKind::Open) || word(m, "tuong") || word(m, "ung") || word(m, "duong") ||
                      word(m, "tuc") || word(m, "la")))
    ++m;
  return m == verb;
}

// An absolute change n from `earlier` to `current` (a fall when `down`), quoted from token
// from_tok to to_tok: the claim every "tăng|giảm N" reading of this file makes.
void Reader::add_change(ClaimKind kind, size_t from_tok, size_t to_tok, int n, Template t, bool down, int current,
                        int earlier) {
  Claim& c = add(kind, from_tok, to_tok, n, t);
  c.decrease = down;
  operand(c, "current", current);
  operand(c, "earlier", earlier);
  operand(c, "change", n);
}

// "từ A xuống|lên (còn|mức|đến) B" at the token `tu` of "từ": the token of B, kNone when the words
// are not so. With `nouns`, the noun A counts may stand between A and "xuống|lên" ("từ 304 thủ tục
// hành chính xuống còn 234 thủ tục").
size_t Reader::from_to_at(size_t tu, bool nouns) const {
  if (!word(tu, "tu") || qty(tu + 1) < 0) return kNone;
  size_t t = end_of_quantity(tu + 1);
  if (nouns)
    while (t < last && t < tu + 10 && is(t, TokKind::Word) && !word(t, "xuong") && !word(t, "len")) ++t;
  if (!(word(t, "xuong") || word(t, "len"))) return kNone;
  ++t;
  while (t < last && t < tu + 12 && (word(t, "con") || word(t, "muc") || word(t, "den"))) ++t;
  return qty(t) >= 0 ? t : kNone;
}

// The level a figure at ck moved from: "từ 304 thủ tục xuống còn 234 thủ tục", "từ 95.706 tỷ đồng
// lên 102.650 tỷ đồng" (A of from_to_at, in B's unit, counting the same noun when it has none);
// -1 when none.
int Reader::from_level_before(size_t ck) const {
  const int cur = qty(ck);
  if (cur < 0 || pct(cur)) return -1;
  for (size_t tu = ck; tu > first && ck - tu < 12 && same_sentence(tu - 1, ck); --tu) {
    if (!word(tu - 1, "tu")) continue;
    if (from_to_at(tu - 1, /*nouns=*/true) != ck) return -1;
    const int q = qty(tu);
    if (Q(q).unit != Q(cur).unit || pct(q)) return -1;
    // the same noun after both, B's in as many words or fewer ("304 thủ tục hành chính thuế
    // xuống còn 234 thủ tục"): its first two words, or its one
    const size_t ae = end_of_quantity(tu), be = end_of_quantity(ck);
    for (size_t w = ae; w < ae + 2 && is(w, TokKind::Word) && !word(w, "xuong") && !word(w, "len"); ++w)
      if (!is(be + (w - ae), TokKind::Word) || tok(be + (w - ae)).fold != tok(w).fold) return -1;
    return q;
  }
  return -1;
}

// The place of a rank at k ("xếp thứ 41/63": 41, never the 63 it is out of); "" when k is none.
std::string_view Reader::rank_at(size_t k) const {
  if (!is(k, TokKind::Number) || tok(k).quantity >= 0 || tok(k).non_quantity < 0) return {};
  if (nr.non_quantities[static_cast<size_t>(tok(k).non_quantity)].kind != "rank" || is(k - 1, TokKind::Slash)) return {};
  return tok(k).fold;
}

// "Chỉ số PAR Index xếp thứ 41/63, tăng 16 bậc so với năm 2023 (57/63)": a change of rank stated
// beside both ranks, the current before the verb in its clause, the earlier in the bracket right
// after the comparison ("(57/63)", "(xếp thứ 57)"). A better rank is a smaller one: the places
// gained are earlier − current (checked so by abs-change). False when either rank is missing.
bool Reader::rank_change(size_t k, int n, bool down) {
  if (Q(n).unit != "bậc" && Q(n).unit != "hạng") return false;
  size_t rk = kNone;
  const size_t cs = clause_start(k - 1);
  for (size_t m = k - 1; m > cs && rk == kNone; --m) {
    if (qty(m - 1) >= 0) return false;  // another figure is nearer: not its rank
    if (!rank_at(m - 1).empty()) rk = m - 1;
  }
  if (rk == kNone) return false;
  size_t ek = kNone;
  for (size_t m = end_of_quantity(k); m < last && m < k + 14 && same_sentence(m, k) && ek == kNone; ++m) {
    if (punct(m, ";") || punct(m, ",") || qty(m) >= 0) return false;
    if (!is(m, TokKind::Open)) continue;
    size_t r = m + 1;
    while (r < last && r < m + 4 && (word(r, "xep") || word(r, "thu") || word(r, "vi") || word(r, "tri") || word(r, "hang"))) ++r;
    if (is(r, TokKind::Number) && !is(r + 1, TokKind::Number) && (is(r + 1, TokKind::Slash) || is(r + 1, TokKind::Close)) &&
        tok(r).fold.find_first_not_of("0123456789") == std::string::npos)
      ek = r;
    break;
  }
  if (ek == kNone) return false;
  auto rank_quantity = [&](size_t t) {
    Quantity r;
    r.span = tok(t).span;
    r.text = std::string(doc.slice(tok(t).span));
    parse_plain_decimal(tok(t).fold, r.value);
    r.precision = 0;
    r.exact_count = true;
    r.unit = Q(n).unit;
    r.dimension = Q(n).dimension;
    r.factor = 1;
    r.sentence = Q(n).sentence;
    return add_implicit(std::move(r));
  };
  const int cur = rank_quantity(rk), ear = rank_quantity(ek);
  add_change(ClaimKind::AbsChange, rk, end_of_quantity(k) - 1, n, Template::RankChangeBesideBoth, down, cur, ear);
  return true;
}

void Reader::changes() {
  for (size_t k = next_figure(first); k < last; k = next_figure(k + 1)) {
    int n = qty(k);
    if (n < 0) continue;
    // "tăng (hơn)", "cao hơn", "nhiều hơn" / "giảm (hơn)", "thấp hơn", "ít hơn"
    // ("giảm tới 10,6%": by as much as)
    const size_t vk = word(k - 1, "toi") && pct(n) && (word(k - 2, "tang") || word(k - 2, "giam")) ? k - 1 : k;
    bool up = word(vk - 1, "tang") ||
              (word(k - 1, "hon") && (word(k - 2, "tang") || word(k - 2, "cao") || word(k - 2, "nhieu")));
    bool down = word(vk - 1, "giam") ||
                (word(k - 1, "hon") && (word(k - 2, "giam") || word(k - 2, "thap") || word(k - 2, "it")));
    bool index = word(k - 1, "bang") && pct(n) && comparison_after_noun(end_of_quantity(k));
    // "gấp 2,1 lần so với cùng kỳ (cùng kỳ 2.150 tỷ đồng)", "bằng 1,5 lần năm trước".
    const bool times = Q(n).unit == "lần" && (word(k - 1, "gap") || word(k - 1, "bang"));
    if (times) index = true;
    if (!up && !down && !index) continue;
    if (pct(n) || times) {
      // "C, tăng X% so với cùng kỳ (E)" / "C, bằng X% so với cùng kỳ (E)"
      int cur = -1;
      size_t ck = kNone;
      size_t cs = clause_start(k - 1);
      int aside = 0;  // inside a parenthesis that closed before the rate: "(tháng 2 đạt 250 tỷ đồng) và giảm 10%"
      for (size_t m = k - 1; m > cs; --m) {
        if (is(m - 1, TokKind::Close)) ++aside;
        if (is(m - 1, TokKind::Open) && aside > 0) --aside;
        int q = qty(m - 1);
        if (q < 0 || aside > 0) continue;
        if (pct(q) && change_verb(m - 2)) continue;  // another rate of the level
        // A change that is a whole statement of its own ("ít hơn 9 dự án và bằng 18,7% …", "tăng 16
        // bậc so với năm 2023 (…), tăng 4,05%") is no level of the rate after it. One followed
        // by the rate alone may be a level named with the verb ("vốn điều chỉnh tăng 157,91
        // triệu USD, tăng 27,30% so với cùng kỳ (124,05 triệu USD)"), and stays a candidate.
        if (!pct(q) && is_change(m - 1)) {
          const size_t e = end_of_quantity(m - 1);
          if (word(e, "va") || comparison_at(e)) continue;
        }
        if (!pct(q) && plan_word_before(m - 1, 4)) continue;  // "(KH 8.600 tấn), tăng 3,1%": not the level
        if (pct(q) && plan_word_after(end_of_quantity(m - 1))) continue;  // "vượt 4,2% kế hoạch"
        cur = q; ck = m - 1; break;
      }
      if (cur < 0 && !index && !times) {
        // "Nhập khẩu … giảm 10,6%, tương ứng giảm 4,99 tỷ USD và chỉ đạt 42,08 tỷ USD": the level
        // stated after the change the rate amounts to.
        if (const auto [chg, lv] = change_then_level(end_of_quantity(k), down); lv >= 0) {
          Claim& c = add(ClaimKind::Growth, vk - 1, end_of_quantity(token_of[lv]) - 1, n, Template::ValueChangeRate);
          c.decrease = down;
          operand(c, "current", lv);
          operand(c, "change", chg);
          operand(c, "rate", n);
          continue;
        }
      }
      if (cur < 0) continue;
      // "Tỷ lệ … đạt 72,8%, tăng 0,4% so với năm trước (72,4%)": a rate against a rate is
      // checked too (percent-vs-points tells % from points).
      int ear = earlier_in_parens(end_of_quantity(k), cur);
      if (ear < 0 && !index && !times && said_of(ck, vk - 1)) ear = from_level_before(ck);  // "từ A lên B, tăng X%"
      if (ear < 0 && !pct(cur) && !index) ear = earlier_in_previous_sentence(cur, ck, /*years_only=*/true);
      // "46,56 tỷ USD, giảm 17,3% so với tháng trước (tương ứng giảm 9,77 tỷ USD)": the change it
      // amounts to gives the earlier value (current ∓ change).
      if (ear < 0 && !pct(cur) && !index && !times) {
        if (const int chg = corresponding_change(end_of_quantity(k), cur, down); chg >= 0) {
          Claim& c = add(ClaimKind::Growth, ck, end_of_quantity(token_of[chg]) - 1, n, Template::ValueChangeRate);
          c.decrease = down;
          operand(c, "current", cur);
          operand(c, "change", chg);
          operand(c, "rate", n);
          continue;
        }
      }
      if (ear < 0) continue;
      Claim& c = add(ClaimKind::Growth, ck, end_of_quantity(k) - 1, n, index ? Template::ValueIndexEarlier : Template::ValueRateEarlier);
      c.decrease = down;
      operand(c, "current", cur);
      operand(c, "earlier", ear);
      operand(c, index ? "index" : "rate", n);
      continue;
    }
    if (index) continue;
    if (!pct(n) && !index && rank_change(k, n, down)) continue;
    if (!pct(n) && Q(n).dimension != "pp") {
      // "Số hộ nghèo giảm 1.250 hộ, từ 8.420 hộ xuống còn 7.170 hộ": both levels follow.
      size_t m = end_of_quantity(k);
      if (punct(m, ",") || is(m, TokKind::Open)) ++m;
      const size_t t = from_to_at(m, /*nouns=*/false);
      const int from = t == kNone ? -1 : qty(m + 1), to = t == kNone ? -1 : qty(t);
      if (from >= 0 && !pct(from) && compatible(from, n) && !pct(to) && compatible(to, n)) {
        add_change(ClaimKind::AbsChange, k, end_of_quantity(t) - 1, n, Template::ChangeFromTo, down, to, from);
        continue;
      }
    }
    size_t cs = clause_start(k - 1);
    // The current value: the nearest quantity before the verb in the clause, same dimension.
    // (for a change in points, the nearest percent; otherwise the nearest figure of the
    // change's own dimension, skipping "đạt 57,9% kế hoạch" in between).
    const bool in_points = Q(n).dimension == "pp";
    int cur = -1;
    size_t ck = kNone;
    for (size_t m = k - 1; m > cs; --m) {
      int q = qty(m - 1);
      if (q < 0) continue;
      // "số người chết giảm 6 người (giảm 7,8%), số người bị thương giảm 19 người": a change is
      // not the level of the next change.
      if (change_verb(m - 2) || (word(m - 2, "hon") && change_verb(m - 3)))
        continue;
      // "1.250 tỷ đồng, bằng 62,5% dự toán (2.000 tỷ đồng), tăng 150 tỷ đồng …": the plan is no level.
      if (!in_points && !pct(q) && is(m - 2, TokKind::Open) && plan_word_before(m - 1, 4)) continue;
      if (in_points ? pct(q) : (!pct(q) && compatible(q, n))) { cur = q; ck = m - 1; break; }
    }
    // "từ 304 thủ tục xuống còn 234 thủ tục (giảm 70 thủ tục)": the levels before the change.
    if (cur >= 0 && !in_points && said_of(ck, vk - 1)) {
      if (const int from = from_level_before(ck); from >= 0 && compatible(from, n)) {
        add_change(ClaimKind::AbsChange, token_of[from], end_of_quantity(k) - 1, n, Template::ChangeFromTo, down, cur, from);
        continue;
      }
    }
    if (Q(n).dimension == "pp") {
      if (cur < 0 || !pct(cur)) continue;
      // The earlier rate: a percent later in the same sentence, in parentheses or after "so với".
      int earlier = -1;
      // "giảm từ 12,45% xuống còn 9,8% (giảm 2,65 điểm phần trăm)": the rate it moved from.
      {
        size_t b = ck;
        while (b > first && b + kNearWords > ck && is(b - 1, TokKind::Word) &&
               (word(b - 1, "xuong") || word(b - 1, "len") || word(b - 1, "con") || word(b - 1, "muc")))
          --b;
        for (size_t fk = b; b < ck && fk > first && fk + 3 > b; --fk) {
          int q = qty(fk - 1);
          if (q < 0) continue;
          if (pct(q) && end_of_quantity(fk - 1) == b && word(fk - 2, "tu")) earlier = q;
          break;
        }
      }
      int depth = 0;
      for (size_t m = end_of_quantity(k); earlier < 0 && m < last && same_sentence(m, k) && m < k + 30; ++m) {
        if (is(m, TokKind::Open)) ++depth;
        if (is(m, TokKind::Close)) --depth;
        if (punct(m, ";") || (punct(m, ",") && depth <= 0)) break;  // another rate of another subject
        int q = qty(m);
        if (q >= 0 && pct(q)) { earlier = q; break; }
      }
      if (earlier < 0) earlier = earlier_in_previous_sentence(cur, ck);
      if (earlier < 0) continue;
      add_change(ClaimKind::PpDifference, ck, end_of_quantity(k) - 1, n, Template::RateChangePp, down, cur, earlier);
      continue;
    }
    if (cur < 0 && !pct(n)) {
      // "Tai nạn giao thông xảy ra 86 vụ, làm chết 52 người; so với cùng kỳ giảm 9 vụ (cùng kỳ
      // 95 vụ)": the current value in an earlier clause of the sentence, when the earlier value
      // is stated right after the change.
      bool compared_before = false;
      for (size_t m = k >= 6 ? k - 6 : 0; m + 1 < k; ++m)
        if (comparison_at(m)) compared_before = true;
      if (earlier_in_parens(end_of_quantity(k), n, compared_before) >= 0) {
        for (size_t m = cs; m > first && m + kReach > k && same_sentence(m - 1, k); --m) {
          int q = qty(m - 1);
          if (q >= 0 && !pct(q) && Q(q).unit == Q(n).unit && compatible(q, n)) { cur = q; ck = m - 1; break; }
        }
        // "… chi thường xuyên 5.095 tỷ đồng. Chi thường xuyên tăng 412 tỷ đồng so với cùng kỳ (cùng
        // kỳ 4.683 tỷ đồng)": the level in the sentence before, named by the same words.
        if (cur < 0)
          if (int lv = level_named_before(n, k - 1); lv >= 0) { cur = lv; ck = token_of[lv]; }
      }
    }
    if (cur < 0 && !pct(n)) {
      // "… giảm 14 vụ (giảm 10,6%)": the level in the sentence before, named by the same words.
      size_t m = end_of_quantity(k);
      if (is(m, TokKind::Open) || punct(m, ",")) ++m;
      if (change_verb(m) && qty(m + 1) >= 0 && pct(qty(m + 1))) {
        if (int lv = level_named_before(n, k - 1); lv >= 0) {
          cur = lv;
          ck = token_of[lv];
        }
      }
    }
    if (pct(n) || cur < 0 || pct(cur) || !compatible(cur, n)) continue;
    size_t after = end_of_quantity(k);
    // "C, tăng N so với cùng kỳ (E)": an absolute change with the earlier value stated.
    if (int ear = earlier_in_parens(after, cur); ear >= 0) {
      add_change(ClaimKind::AbsChange, ck, after - 1, n, Template::ValueChangeEarlier, down, cur, ear);
      // "…, tăng 412 tỷ đồng so với cùng kỳ (cùng kỳ 4.683 tỷ đồng), tăng 8,8%": the rate of the
      // same change, right after the earlier value, in the same direction.
      size_t close = token_of[ear];
      while (close < last && !is(close, TokKind::Close)) ++close;
      size_t r = close + 1;
      if (close < last && (punct(r, ",") || is(r, TokKind::Open))) ++r;
      if (close < last && same_sentence(r, k) && (down ? word(r, "giam") : word(r, "tang")) && qty(r + 1) >= 0 &&
          pct(qty(r + 1)) && !stated_used[qty(r + 1)]) {
        const int x = qty(r + 1);
        Claim& g = add(ClaimKind::Growth, ck, end_of_quantity(r + 1) - 1, x, Template::ValueEarlierRate);
        g.decrease = down;
        operand(g, "current", cur);
        operand(g, "earlier", ear);
        operand(g, "rate", x);
      }
      continue;
    }
    // "(tăng X%)" right after the change (also across a comma or a line break), or "= X%"
    // ("tăng 12 vụ = 11,3%", "(giảm 12 vụ = 9,2%)").
    size_t m = after;
    if (is(m, TokKind::Open) || punct(m, ",")) ++m;
    if (change_verb(m) || (m == after && punct(m, "="))) {
      int x = qty(m + 1);
      if (x >= 0 && pct(x)) {
        Claim& c = add(ClaimKind::Growth, ck, end_of_quantity(m + 1) - 1, x, Template::ValueChangeRate);
        c.decrease = down;
        operand(c, "current", cur);
        operand(c, "change", n);
        operand(c, "rate", x);
        continue;
      }
    }
    if (int ear = earlier_in_previous_sentence(cur, ck); ear >= 0) {
      add_change(ClaimKind::AbsChange, ck, after - 1, n, Template::ValueChangeEarlierSentence, down, cur, ear);
    }
  }
}

}  // namespace doisoat::grammar
