// Breakdowns, the triggers: find a total followed by "trong đó", "gồm", "bao gồm", a colon, a
// parenthesis, an A/B list or a list of bullets, and hand its body to breakdown().
#include "claims/reader.h"

namespace doisoat::grammar {

Reader::Trigger Reader::trigger_at(size_t m, size_t& body) const {
  size_t p = m;
  if (punct(p, ",") || punct(p, ":")) ++p;
  if (is(p, TokKind::Open)) {
    body = p + 1;
    // "chè búp 407,03 ((chè A 328,0 ha, chè B 79,03 ha))": a doubled parenthesis is one.
    if (is(body, TokKind::Open) && matching_close(body) + 1 == matching_close(p)) ++body;
    // "(chỉ tiêu giao 311.350 con)", "(tăng 5%)", "(so với …)" are comparisons, not parts.
    static const char* not_parts[] = {"chi", "ke", "kh", "so", "bang", "dat", "tang", "giam", "cung", "vuot", "uoc", "du", "nam", "thang", "ngay", "tinh", "hien", "luy",
                                      "dau", "cuoi"};  // "(đầu năm 121 hộ)": the earlier value
    // "(nam 8.100 người, nữ 7.100 người)": "nam" (men) folds like "năm" (year).
    const bool men = word(body, "nam") && !written_as(body, "năm", "Năm");
    if (is(body, TokKind::Word) && !men)
      for (const char* w : not_parts) if (tok(body).fold == w) return Trigger::None;
    // "(cả nước khoảng 1,5 triệu tấn)", "(bình quân cả nước …)": a comparator; "(trong tổng
    // số 789 …)": the figure inside is the whole, not a part.
    // "(ngoài ra còn … 4.379 tỷ đồng)": something besides, no part of the figure before.
    if (phrase(body, {"ca", "nuoc"}) || phrase(body, {"binh", "quan"}) || phrase(body, {"toan", "quoc"}) ||
        phrase(body, {"trong", "tong"}) || phrase(body, {"ngoai", "ra"}))
      return Trigger::None;
    if (phrase(body, {"trong", "do"}) || phrase(body, {"cu", "the"})) body += 2;
    else if (word(body, "gom") ) body += 1;
    if (punct(body, ":")) ++body;
    return Trigger::Paren;
  }
  if (phrase(p, {"trong", "do"})) { body = p + 2; if (punct(body, ":") || punct(body, ",")) ++body; return Trigger::TrongDo; }
  // ", cụ thể: …" details the figure like "trong đó" (not "120 nhiệm vụ cụ thể").
  if (p > m && phrase(p, {"cu", "the"})) { body = p + 2; if (punct(body, ":") || punct(body, ",")) ++body; return Trigger::TrongDo; }
  if (phrase(p, {"bao", "gom"})) { body = p + 2; if (punct(body, ":")) ++body; return Trigger::Gom; }
  if (word(p, "gom")) { body = p + 1; if (punct(body, ":")) ++body; return Trigger::Gom; }
  // "đạt 127 huy chương: 36 huy chương vàng, …" — a colon right after the total's unit.
  if (p == m + 1 && punct(m, ":") && m > first && is(m - 1, TokKind::Word)) {
    // "446 cơ sở: số cơ sở đạt 425, …": a label that names the total's unit again may be longer.
    bool unit_again = false;
    for (size_t n = m + 1; n < last && n < m + 5; ++n) unit_again = unit_again || word(n, tok(m - 1).fold);
    for (size_t n = m + 1; n < last && n < m + (unit_again ? 7 : 5); ++n)
      if (is(n, TokKind::Number) && tok(n).quantity >= 0) { body = m + 1; return Trigger::Colon; }
  }
  return Trigger::None;
}

// The word w stands somewhere in [b, e) (of the window).
bool Reader::word_between(const std::string& w, size_t b, size_t e) const {
  for (size_t m = b; m < e && m < last; ++m)
    if (word(m, w)) return true;
  return false;
}

// The noun phrase between the last comma before `gom` and "gồm" names the figure at k: its first
// two content words are words of k's clause before the figure (or of its unit).
bool Reader::gom_names_total(size_t k, size_t gom) const {
  size_t c = gom;
  while (c > k && !punct(c - 1, ",")) --c;
  const size_t from = clause_start(k), to = end_of_quantity(k);
  int seen = 0;
  for (size_t m = c; m < gom && seen < 2; ++m) {
    if (!is(m, TokKind::Word) || !content_word(tok(m).fold) || lexicon::is_function_word(tok(m).fold)) continue;
    ++seen;
    if (!word_between(tok(m).fold, from, to)) return false;
  }
  return true;
}

// Words that open a list of parts: "trong đó", "gồm", "bao gồm", "cụ thể".
bool Reader::explicit_list_at(size_t p) const {
  return any_phrase(p, lexicon::kListOpeners);
}

// "694 trường học, tăng 4 trường so với năm học trước, gồm: 253 trường mầm non, …": the change
// stands between a level and its list; the level (stated just before, same unit) owns the list,
// never the change. A change alone ("giảm 320 hộ, trong đó …") still may, and a change whose list
// lists changes ("1.530 hộ, giảm 452 hộ, trong đó huyện A giảm 200 hộ, …") owns it, not the level.
// The first figure of the list announced after k ("trong đó", "gồm", ":") is itself a change.
bool Reader::list_of_changes_after(size_t k) const {
  bool listed = false;
  for (size_t m = end_of_quantity(k); m < last && m < k + 40 && same_sentence(m, k); ++m) {
    if (punct(m, ";") && !phrase(m + 1, {"trong", "do"})) return false;
    if (phrase(m, {"trong", "do"}) || word(m, "gom") || punct(m, ":")) listed = true;
    int q = qty(m);
    if (q < 0 || pct(q)) continue;
    if (listed) return change_verb(m - 1);
  }
  return false;
}

bool Reader::change_of_level_before(size_t k) {
  if (!change_verb(k - 1)) {
    // The level itself, when the list after the change lists changes ("1.530 hộ, giảm 452 hộ …,
    // trong đó huyện A giảm 200 hộ, …"): the change owns that list.
    const size_t e = end_of_quantity(k);
    if (!punct(e, ",") || !change_verb(e + 1)) return false;
    const int c = qty(e + 2);
    return c >= 0 && !pct(c) && Q(c).dimension == Q(qty(k)).dimension && list_of_changes_after(e + 2);
  }
  if (list_of_changes_after(k)) return false;
  const int n = qty(k);
  for (size_t m = k - 1; m > first && m + 10 > k && same_sentence(m - 1, k); --m) {
    if (punct(m - 1, ";") || punct(m - 1, ".")) break;
    int q = qty(m - 1);
    if (q < 0 || q == n) continue;
    if (pct(q) || Q(q).dimension != Q(n).dimension) return false;
    return !change_verb(m - 2);
  }
  return false;
}

// The first word of [from, to) that can head a noun phrase ("vốn" in "vốn ngân sách", "khách"
// in "tổng số khách lưu trú"), "" if none.
std::string Reader::head_word(size_t from, size_t to) const {
  for (size_t m = from; m < to && m < last; ++m) {
    if (qty(m) >= 0) break;
    if (is(m, TokKind::Word) && content_word(tok(m).fold) && !lexicon::is_function_word(tok(m).fold)) return tok(m).fold;
  }
  return "";
}

// The list at body (up to stop) and the total at tk name the same thing: the head of the list's
// first item is a word of the total's clause, or the head of the total's clause a word of the
// item's.
bool Reader::same_subject(size_t tk, size_t body, size_t stop) const {
  const size_t ts = clause_start(tk), te = clause_stop(tk);
  size_t is_ = body;
  while (is_ < stop && (is(is_, TokKind::Punct) || word(is_, "o") || word(is_, "tai"))) ++is_;
  size_t ie = is_;
  while (ie < stop && !punct(ie, ";") && !(qty(ie) >= 0 && ie > is_ && punct(end_of_quantity(ie), ","))) ++ie;
  const std::string item_head = head_word(is_, stop), total_head = head_word(ts, te);
  return (!item_head.empty() && word_between(item_head, ts, te)) ||
         (!total_head.empty() && word_between(total_head, is_, ie + 1));
}

// The word w labels the figure at k: among the words back from it to the figure before (or the
// clause start), or among those after it up to `until` and before the next figure.
bool Reader::labels(size_t k, size_t until, const std::string& w) const {
  for (size_t m = k; m > first && m + kLabelWords > k && same_sentence(m - 1, k); --m) {
    if (qty(m - 1) >= 0 || punct(m - 1, ";")) break;
    if (word(m - 1, w)) return true;
  }
  for (size_t m = end_of_quantity(k); m < until && m < last && qty(m) < 0; ++m)
    if (word(m, w)) return true;
  return false;
}

// The rate at k is "so với tháng trước" / "so với kỳ trước": a change on the month before.
bool Reader::against_previous_month(size_t k) const {
  size_t a = end_of_quantity(k);
  if (phrase(a, {"so", "voi"})) a += 2;
  else if (word(a, "so")) a += 1;
  return phrase(a, {"thang", "truoc"}) || phrase(a, {"ky", "truoc"});
}

// The paragraph before the current one is prose that a paragraph opening with "Trong đó" or
// "Cụ thể" can continue: a paragraph right before it (no heading, table row or footnote between),
// with figures.
bool Reader::previous_paragraph_joins() const {
  if (current_block == 0 || current_block >= nr.block_first.size()) return false;
  const size_t pb = current_block - 1;
  if (doc.blocks[pb].kind != BlockKind::Paragraph || doc.blocks[current_block].kind != BlockKind::Paragraph) return false;
  if (table_row(pb) || nr.block_first[pb] >= nr.block_last[pb]) return false;
  return nr.block_last[pb] == nr.block_first[current_block];
}

void Reader::sums() {
  for (size_t k = next_figure(first); k < last; k = next_figure(k + 1)) {
    int t = qty(k);
    if (t < 0 || Q(t).dimension == "rate") continue;
    if (pct(t)) {
      // "tăng 7,12%, trong đó khu vực … đóng góp 3,41 điểm phần trăm, …": contributions add up.
      size_t a = end_of_quantity(k), body = kNone;
      // "tăng 6,52% so với cùng kỳ (năm trước); trong đó: …": the comparison is stepped over.
      if (phrase(a, {"so", "voi"})) {
        size_t m = a + 2;
        while (m < a + 8 && is(m, TokKind::Word) &&
               (word(m, "cung") || word(m, "ky") || word(m, "nam") || word(m, "truoc") || word(m, "thang") || word(m, "quy")))
          ++m;
        if (is(m, TokKind::Number) && qty(m) < 0) ++m;  // "năm 2023"
        if (punct(m, ";")) ++m;
        a = m;
      }
      if (trigger_at(a, body) == Trigger::TrongDo) breakdown(t, k, Trigger::TrongDo, body, sentence_stop(k), 0);
      continue;
    }
    if (ab_side(k) == 1) continue;  // the numerator is handled with its denominator below
    if (change_of_level_before(k)) continue;
    size_t after = end_of_quantity(k);
    // Allow a few words, percents and dates between the total and its trigger:
    // "902 đơn thư các loại, trong đó", "4.000 người, đạt 67% kế hoạch (trong đó …)".
    size_t body = kNone;
    Trigger trig = Trigger::None;
    bool clean_gap = true;  // only words between the total and a parenthesis
    bool passed_parallel = false;
    bool compared = false;
    bool words_only = true;  // nothing but words between the total and a colon
    bool comma_then_words = false;  // a comma and a new phrase between the total and its trigger
    size_t extra = 0;        // tokens of a parallel A/B figure stepped over
    bool long_gap = false;   // past the usual reach: only an explicit "(trong đó" / "(gồm" still counts
    for (size_t m = after; m < last && m < after + 26 + extra + (compared ? 6 : 0) && same_sentence(m, k); ++m) {
      trig = trigger_at(m, body);
      // "1.862 ha cây ăn quả: cam 724 ha, …": a colon after the unit and a few words.
      if (trig == Trigger::Colon && (m > after + 5 || !words_only || Q(t).dimension == "scalar" || word(m + 1, "tang") ||
                                     word(m + 1, "giam") || word(m + 1, "dat") || word(m + 1, "bang"))) {
        trig = Trigger::None;
        break;
      }
      if (!is(m, TokKind::Word)) words_only = false;
      if (trig == Trigger::Paren && compared) { trig = Trigger::None; break; }  // "so với cùng kỳ (E)": the earlier value
      if (comparison_at(m) || change_verb(m)) compared = true;
      if (trig == Trigger::Paren && !clean_gap && !explicit_list_at(m + 1)) {
        trig = Trigger::None;  // an aside further on, after other figures
        break;
      }
      // "thặng dư 1,47 tỷ USD, lượng vốn FDI giải ngân dồi dào (2,95 tỷ USD, …)": past a comma and
      // another noun phrase, a parenthesis that does not say it lists parts is that phrase's aside.
      // (Only when its figure is above the total: "169 cuộc thanh tra, kiểm tra (10 cuộc kỳ trước
      // chuyển sang)" joins two nouns with the comma.)
      if (trig == Trigger::Paren && comma_then_words && !explicit_list_at(m + 1) && qty(m + 1) >= 0 &&
          compatible(qty(m + 1), t) &&
          Q(qty(m + 1)).value.to_double() * Q(qty(m + 1)).factor > Q(t).value.to_double() * Q(t).factor) {
        trig = Trigger::None;
        break;
      }
      // "… khoảng 8.000 tỷ đồng, khoản vay ngắn hạn gồm 2.700 tỷ": past a comma, "gồm" details the
      // noun phrase right before it; that phrase must name the total (its first two content words
      // among the total's), or the list is that phrase's.
      if (trig == Trigger::Gom && comma_then_words && !gom_names_total(k, punct(m, ",") || punct(m, ":") ? m + 1 : m)) {
        trig = Trigger::None;
        break;
      }
      if (punct(m, ",") && is(m + 1, TokKind::Word) && is(m + 2, TokKind::Word) && !explicit_list_at(m + 1) &&
          !change_verb(m + 1) && !word(m + 1, "dat") && !word(m + 1, "bang"))
        comma_then_words = true;
      if (qty(m) >= 0 || is(m, TokKind::Percent)) clean_gap = false;  // (a date or an age is no figure)
      if (trig != Trigger::None && long_gap) {
        size_t p = is(m, TokKind::Open) ? m : m + 1;
        // "Cấp 3.250 thẻ bảo hiểm y tế cho người nghèo, … và trẻ em dưới 6 tuổi, trong đó người
        // nghèo 1.120 thẻ, …": after a long run of words, a list whose first figure is counted in
        // the total's own unit.
        bool same_unit_list = false;
        if (trig == Trigger::TrongDo)
          for (size_t n = body; n < last && n < body + 12 && same_sentence(n, k); ++n)
            if (qty(n) >= 0) { same_unit_list = Q(qty(n)).unit == Q(t).unit && !pct(qty(n)); break; }
        if (!same_unit_list && (trig != Trigger::Paren || !explicit_list_at(p + 1))) trig = Trigger::None;
        break;
      }
      if (trig != Trigger::None) break;
      // "(KH 15.000 lao động), trong đó …": a figure inside an aside does not own what follows it.
      if (is(m, TokKind::Close)) break;
      if (punct(m, ";") && phrase(m + 1, {"trong", "do"})) continue;
      if (qty(m) >= 0 && !pct(qty(m)) && change_verb(m - 1)) {
        // "152.300 học sinh, tăng 2.100 học sinh so với năm học trước; trong đó …": a change is
        // stepped over like a rate.
        clean_gap = false;
        m = end_of_quantity(m) - 1;
        continue;
      }
      if (qty(m) >= 0 && !pct(qty(m))) {
        // "1.776 doanh nghiệp với số vốn đăng ký 21.413 tỷ đồng, trong đó …": both break down.
        bool parallel = !passed_parallel && Q(qty(m)).dimension != Q(t).dimension && m >= after + 1 &&
                        (word(m - 1, "voi") || word(m - 2, "voi") || word(m - 3, "voi") || word(m - 4, "voi") ||
                         word(m - 5, "voi"));
        // "437,28/540 ha đạt 80,79% KH, sản lượng 4.904/6.252 tấn, đạt 78,4% KH; trong đó rau
        // 405,8/500 ha …, sản lượng 4.865,1/6.200 tấn": two A/B indicators of different units,
        // one list of items for both.
        bool parallel_ab = false;
        if (!parallel && !passed_parallel && ab_side(k) == 2 && ab_side(m) == 1) {
          int den = qty(denominator_tok(m));
          parallel_ab = den >= 0 && Q(den).dimension != Q(t).dimension && Q(den).dimension != "scalar" && !pct(den);
        }
        if (!parallel && !parallel_ab) break;
        passed_parallel = true;
        size_t e = end_of_quantity(m);
        if (parallel_ab) e = end_of_quantity(denominator_tok(m));
        extra += e - m + (parallel_ab ? 8 : 0);  // and its own "đạt 78,4% KH"
        m = e - 1;
        continue;
      }
      if (punct(m, ";") || punct(m, ".")) break;
      if (is(m, TokKind::Open)) {  // "(đạt 33,59%), trong đó: …" — step over the aside
        clean_gap = false;
        m = matching_close(m);
        continue;
      }
      // "12.090 tỷ đồng, tăng 2% so với ngày 31/12/2022, tăng 8,5% so với cùng kỳ; trong đó …":
      // comparisons of the total may stand between it and its list.
      if (m >= after + 14 + extra + (compared ? 12 : 0)) {
        // "5.283,94ha các loại cây đã gieo trồng bị ảnh hưởng bởi …, khả năng … bị hạn chế (trong
        // đó, …)": a longer run of words only, ending in an explicit "(trong đó" / "(gồm".
        if (clean_gap && !compared && !passed_parallel && m < after + 26) { long_gap = true; continue; }
        break;
      }
    }
    if (trig == Trigger::None) continue;
    size_t stop;
    if (trig == Trigger::Paren) {
      size_t open = body;
      while (open > first && !is(open, TokKind::Open)) --open;
      stop = matching_close(open);
    } else {
      stop = sentence_stop(k);
    }
    if (body >= last && trig != Trigger::Paren) {
      // "… 46.820 con, gồm:" and the parts as bullet lines below.
      breakdown_in_bullets(t, k, trig, body);
      continue;
    }
    // "đã tiếp nhận 456.408 hồ sơ, đã giải quyết 407.169 hồ sơ, đang giải quyết 49.239 hồ sơ,
    // trong đó tiếp nhận tại chi nhánh 329.806 hồ sơ, …": the items repeat the word that labels an
    // earlier figure of the sentence, not the nearest one; they break down that figure.
    size_t tk = k;
    if (trig == Trigger::TrongDo && ab_side(k) == 0) {
      // "… có 2.405 hợp tác xã, vốn điều lệ 9.120 tỷ đồng; trong đó 1.950 hợp tác xã …": items of
      // another unit than the figure before them break down the nearest earlier figure of theirs.
      // (A list with any figure of the total's unit is that total's: "627 dự án, diện tích 1.056 ha".)
      int item = -1;
      bool of_total = false;
      for (size_t n = body; n < stop && n < body + kReach && !of_total; ++n) {
        if (qty(n) < 0 || pct(qty(n))) continue;
        if (item < 0) item = qty(n);
        of_total = compatible(qty(n), t);
      }
      if (item >= 0 && !of_total)
        for (size_t m = k; m > first && m + kReach > k && same_sentence(m - 1, k); --m) {
          const int g = qty(m - 1);
          if (g < 0 || pct(g) || ab_side(m - 1) != 0 || is_change(m - 1) || Q(g).unit != Q(item).unit) continue;
          tk = m - 1;
          t = g;
          break;
        }
      const std::string head = head_word(body, stop);
      if (!head.empty() && !labels(k, body, head)) {
        for (size_t m = k; m > first && m + kReach > k && same_sentence(m - 1, k); --m) {
          const int g = qty(m - 1);
          if (g < 0 || pct(g) || !compatible(g, t) || ab_side(m - 1) != 0 || !labels(m - 1, k, head)) continue;
          tk = m - 1;
          t = g;
          break;
        }
      }
    }
    breakdown_with_ab(t, tk, trig, body, stop);
  }
  // "Total …. Trong đó: part …; part …": a sentence that opens with "Trong đó" breaks down the
  // main figure of the sentence before it.
  for (size_t k = first; k + 2 < last; ++k) {
    // (Every opener below starts with a word "phan", "chia", "rieng", "trong" or "cu": any other
    // token is passed over on its first letter.)
    if (!is(k, TokKind::Word) || tok(k).fold.empty()) continue;
    if (const char c0 = tok(k).fold[0]; c0 != 'p' && c0 != 'c' && c0 != 'r' && c0 != 't') continue;
    // ("Phân ra như sau: …", "Chia ra: …": the statistician's words for a breakdown)
    const bool divided = (phrase(k, {"phan", "ra"}) || phrase(k, {"chia", "ra"})) &&
                         (punct(k + 2, ":") || (phrase(k + 2, {"nhu", "sau"}) && punct(k + 4, ":")));
    // ("Riêng …": one part singled out, "Riêng nhập khẩu từ A đạt 790 triệu USD" after the imports)
    const bool singled = word(k, "rieng") && !(k + 1 < last && is(k + 1, TokKind::Punct));
    const bool opener = phrase(k, {"trong", "do"}) || (phrase(k, {"cu", "the"}) && punct(k + 2, ",")) || divided || singled;
    if (!opener || (k > first && same_sentence(k - 1, k))) continue;
    // "Total ….\n\nTrong đó, part …; part …": a paragraph that opens the list breaks down the
    // last sentence of the paragraph before it (news articles put each sentence pair so).
    const WindowGuard keep(*this);
    const bool across = k == first;  // the list opens the paragraph
    if (across && !previous_paragraph_joins()) continue;
    if (across) first = nr.block_first[current_block - 1];
    size_t prev = k - 1;
    size_t s0 = prev;
    while (s0 > first && same_sentence(s0 - 1, prev)) --s0;
    // "… tăng gấp 2 lần so với cùng kỳ năm trước. (97,54 triệu USD).": a sentence that is only a
    // parenthesis is an aside of the one before it.
    if (is(s0, TokKind::Open) && matching_close(s0) + 2 >= k && s0 > first) {
      prev = s0 - 1;
      s0 = prev;
      while (s0 > first && same_sentence(s0 - 1, prev)) --s0;
    }
    const size_t stop = sentence_stop(k);
    size_t body = singled ? k + 1 : k + 2;
    if (phrase(body, {"nhu", "sau"})) body += 2;
    if (punct(body, ":") || punct(body, ",")) ++body;
    // "GRDP tăng 6,12%, tăng 0,85 điểm phần trăm …. Trong đó, khu vực … đóng góp 0,62 điểm
    // phần trăm; …": contributions in points break down the growth rate, the sentence's first
    // percent, never a change in points.
    bool contributions = false;
    for (size_t m = k + 2; m < stop; ++m) {
      int q = qty(m);
      if (q < 0 || pct(q)) continue;  // "khu vực … tăng 3,21%, đóng góp 0,62 điểm phần trăm"
      contributions = Q(q).dimension == "pp";
      break;
    }
    if (contributions) {
      if (singled) continue;
      int t = -1;
      size_t tk = kNone;
      // "Khu vực … tăng 2,79%, đóng góp 0,37 điểm phần trăm. Trong đó, nông nghiệp … (đóng góp
      // 0,24 điểm phần trăm), …": the parts' contributions break down the whole's contribution
      // when the sentence states one, not its rate.
      for (size_t m = s0; m + 1 < k && t < 0; ++m)
        if (qty(m) >= 0 && Q(qty(m)).dimension == "pp" && (word(m - 1, "gop") || word(m - 2, "gop"))) { t = qty(m); tk = m; }
      // (never a rate against the month before: contributions are to a growth on a year before)
      for (size_t m = s0; m < k && t < 0; ++m)
        if (qty(m) >= 0 && pct(qty(m)) && !against_previous_month(m)) { t = qty(m); tk = m; }
      if (t >= 0) breakdown(t, tk, Trigger::TrongDo, body, stop, 0);
      continue;
    }
    // A sentence that has its own "trong đó" list: the new "Trong đó" details an item of that
    // list ("…; trong đó rau 405,8/500 ha …. Trong đó, bí xanh 8,6/35 ha"), the first figure
    // after it of the dimension of the first part.
    int first_part = -1;
    for (size_t m = body; m < last && m < body + 20 && same_sentence(m, k) && first_part < 0; ++m)
      if (qty(m) >= 0 && !pct(qty(m))) first_part = qty(m);
    size_t from = s0;
    bool inner = false;
    for (size_t m = s0; m + 1 < k; ++m)
      if (phrase(m, {"trong", "do"})) { from = m + 2; inner = true; }
    int t = -1;
    size_t tk = kNone;
    // ("chi tháng 10 ước đạt 118 nghìn tỷ đồng; lũy kế 10 tháng 1.357,6 nghìn tỷ đồng …. Trong
    // đó, chi thường xuyên 873,3 nghìn tỷ đồng": of the candidates, the first that can hold the
    // first part)
    int fallback = -1;
    size_t fallback_tok = kNone;
    for (size_t m = from; m < k; ++m) {
      int q = qty(m);
      if (is(m, TokKind::Open) && earlier_value_paren(m)) { m = matching_close(m); continue; }
      if (q >= 0 && !pct(q) && Q(q).dimension != "rate" && Q(q).dimension != "scalar" && ab_side(m) != 2 &&
          !is_change(m) && (!inner || (first_part >= 0 && Q(q).dimension == Q(first_part).dimension))) {
        if (fallback < 0) { fallback = q; fallback_tok = m; }
        if (first_part >= 0 && Q(first_part).dimension == Q(q).dimension &&
            Q(q).value.to_double() * Q(q).factor < Q(first_part).value.to_double() * Q(first_part).factor)
          continue;
        t = q; tk = m; break;
      }
    }
    if (t < 0) { t = fallback; tk = fallback_tok; }
    if (t < 0) continue;
    // "… 3.678 tỷ đồng, … 15 địa phương đã giải ngân 1.137 tỷ đồng. Trong đó, có 8 địa phương …; 7
    // địa phương …": parts counted in their own unit break down the one figure of that unit the
    // sentence states, not its first figure of another.
    if (first_part >= 0 && !compatible(first_part, t) && Q(first_part).dimension.rfind("count:", 0) == 0) {
      int only = -1, n = 0;
      size_t ok = kNone;
      for (size_t m = from; m < k; ++m) {
        const int q = qty(m);
        if (q < 0 || pct(q) || is_change(m) || Q(q).unit != Q(first_part).unit) continue;
        only = q;
        ok = m;
        ++n;
      }
      if (n == 1 && Q(only).value.to_double() >= Q(first_part).value.to_double()) { t = only; tk = ok; }
    }
    // "Riêng …" singles a part out of the one figure of its kind the sentence before states; after
    // a sentence of several ("Trung Quốc đạt …; thứ hai là Mỹ, đạt …. Riêng khối EU …", "… đạt
    // 61,5 tỷ đồng với lợi nhuận 1,2 tỷ đồng …") it singles out of none of them.
    if (singled) {
      int same_kind = 0;
      for (size_t m = s0; m < k; ++m) {
        const int q = qty(m);
        if (is(m, TokKind::Open) && earlier_value_paren(m)) { m = matching_close(m); continue; }
        if (q >= 0 && !pct(q) && !is_change(m) && compatible(q, t)) ++same_kind;
      }
      if (same_kind != 1 || first_part < 0 || !compatible(first_part, t)) continue;
    }
    // Across a paragraph break, or after "Cụ thể", the list must be about the total: the head
    // noun of the list's first item is among the total's clause, or the total's among the item's
    // ("Thu ngân sách … 940 tỷ đồng. ¶ Trong đó: vốn ngân sách địa phương …" is about another).
    if ((across || singled || phrase(k, {"cu", "the"})) && !same_subject(tk, body, stop) && !divided) continue;
    // "Tổng chi 427.199/429.350 triệu đồng …. Trong đó: …": the plan side breaks down too.
    if (ab_side(tk) == 1) {
      size_t dk = denominator_tok(tk);
      if (qty(dk) >= 0 && compatible(qty(dk), t)) { tk = dk; t = qty(dk); }
    }
    // "… 7.154 tỷ đồng, tăng 8,6% so với cùng kỳ. Trong đó:" and the parts as bullet lines below.
    // ("Chia ra: …" in a news text may list the main parts only: like "trong đó", a sum only when
    // the figures add up.)
    if (body >= last) breakdown_in_bullets(t, tk, Trigger::TrongDo, body);
    else breakdown_with_ab(t, tk, Trigger::TrongDo, body, stop);
  }
  raised_totals();
}

// "Tổng thu ngân sách trên địa bàn đạt hơn 6.412 tỷ đồng …. Cụ thể, … tổng thu ngân sách trên địa
// bàn … đạt 6.412,7 tỷ đồng": a first item named by every word of the total's label (three at
// least), of about its size, is the total restated, not a part of it.
bool Reader::restates_total(int t, size_t tk, size_t body, int item) {
  if (item < 0 || !compatible(item, t)) return false;
  const double tv = Q(t).value.to_double() * Q(t).factor, iv = Q(item).value.to_double() * Q(item).factor;
  if (!(tv > 0) || std::fabs(iv - tv) > 0.05 * tv) return false;
  std::set<std::string> item_words;  // (the item's own words: after the trigger, before the figure)
  for (size_t m = body; m < token_of[item]; ++m)
    if (is(m, TokKind::Word) && content_word(tok(m).fold)) item_words.insert(tok(m).fold);
  const std::set<std::string> total_words = label_words(tk);
  size_t named = 0;
  for (const std::string& w : total_words) {
    if (w[0] == '#') continue;
    if (!item_words.count(w)) return false;
    ++named;
  }
  return named >= 3;
}

// "Kim ngạch xuất khẩu tháng 7 ước đạt 131 triệu USD, nâng tổng kim ngạch 7 tháng lên 835,6 triệu
// USD": what the period added is part of the running total it raised. The part: the nearest
// figure of the total's unit before "nâng tổng" ("đưa tổng", "đưa kết quả", "nâng lũy kế") in
// the sentence (no change, no percent); a target ("mục tiêu nâng tổng … lên") raises nothing yet.
void Reader::raised_totals() {
  for (size_t k = first; k + 2 < last; ++k) {
    // "nâng tổng …", "đưa tổng …", "đưa kết quả 6 tháng lên", "nâng lũy kế … lên"
    if (!(word(k, "nang") || word(k, "dua")) || target_before(k)) continue;
    if (!(word(k + 1, "tong") || phrase(k + 1, {"ket", "qua"}) || phrase(k + 1, {"luy", "ke"}))) continue;
    size_t up = k + (word(k + 1, "tong") ? 2 : 3);
    // (words and the period's non-figures between: "nâng tổng kim ngạch 7 tháng lên")
    while (up < last && up < k + 16 && same_sentence(up, k) && !word(up, "len") && qty(up) < 0 &&
           (is(up, TokKind::Word) || is(up, TokKind::Number)))
      ++up;
    if (!word(up, "len")) continue;
    const int total = qty(up + 1);
    if (total < 0 || pct(total) || Q(total).dimension == "scalar") continue;
    int part = -1;
    size_t pk = kNone;
    for (size_t m = k; m > first && m + kReach > k && same_sentence(m - 1, k); --m) {
      const int q = qty(m - 1);
      if (q < 0 || pct(q) || is_change(m - 1) || !compatible(q, total)) continue;
      part = q;
      pk = m - 1;
      break;
    }
    if (part < 0 || used[part]) continue;
    Claim& c = add(ClaimKind::PartBound, pk, end_of_quantity(up + 1) - 1, total, Template::PartRaisesTotal);
    stated_used[total] = false;  // the total may also be the stated figure of a percent of plan
    c.exhaustive = false;
    operand(c, "total", total);
    operand(c, "part", part);
  }
}

// A trigger that ends its paragraph ("gồm:", "Trong đó:"): the parts are the bullet lines right
// after it ("- …", "+ …", "• …", "* …").
void Reader::breakdown_in_bullets(int t, size_t tk, Trigger trig, size_t body) {
  const size_t save_last = last;
  for (size_t bi = current_block + 1;
       bi < doc.blocks.size() && bi < nr.block_first.size() && doc.blocks[bi].kind == BlockKind::Paragraph; ++bi) {
    size_t f = nr.block_first[bi];
    if (f >= nr.block_last[bi]) break;
    const std::string& lead = nr.tokens[f].fold;
    if (lead != "-" && lead != "+" && lead != "•" && lead != "*") break;
    last = nr.block_last[bi];
  }
  if (last > save_last) breakdown_with_ab(t, tk, trig, body, last);
  last = save_last;
}

// A/B totals break down side by side: numerators into numerators, denominators into
// denominators, over the same items.
void Reader::breakdown_with_ab(int t, size_t k, Trigger trig, size_t body, size_t stop) {
  for (size_t m = body; m < stop; ++m)  // (the first figure of the list)
    if (qty(m) >= 0 && !pct(qty(m))) {
      if (restates_total(t, k, body, qty(m))) return;
      break;
    }
  if (ab_side(k) == 2) {
    size_t nk = k - 1;
    while (nk > first && !is(nk, TokKind::Number)) --nk;
    const size_t claims_before = out.claims.size();
    breakdown(t, k, trig, body, stop, 0);
    // (the count of the last breakdown is stale when this one made no claim)
    size_t n_parts = out.claims.size() > claims_before ? last_breakdown_parts : 0;
    int num = qty(nk);
    if (num < 0) return;
    size_t before = out.claims.size();
    breakdown(num, nk, trig, body, stop, 0);
    // Same items on both sides: cut the numerator list to the denominator's length.
    if (out.claims.size() > before && n_parts > 0) {
      Claim& c = out.claims.back();
      if (c.operands.size() > n_parts + 1) {
        c.operands.resize(n_parts + 1);
        double sum = 0, tv = Q(num).value.to_double();
        for (size_t i = 1; i < c.operands.size(); ++i) sum += Q(c.operands[i].quantity).value.to_double();
        c.kind = (trig == Trigger::Gom || std::fabs(sum - tv) < 1e-9) ? ClaimKind::Sum : ClaimKind::PartBound;
        c.exhaustive = c.kind == ClaimKind::Sum;
      }
    }
    return;
  }
  breakdown(t, k, trig, body, stop, 0);
}

}  // namespace doisoat::grammar
