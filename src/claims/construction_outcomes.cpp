// Outcomes and complements: result lists ("kết quả: đạt …, không đạt …"), complementary pairs of
// labels ("nội địa / quốc tế", "đã / chưa"), case outcomes (recovered, died, transferred), and the
// part met and the part remaining of an A/B count.
#include "claims/reader.h"

namespace doisoat::grammar {

// "Kiểm tra 83 cơ sở …; kết quả (kiểm tra) có 60 cơ sở đạt, 23 cơ sở …": the result of
// checking or classifying a set of things lists what became of them. The set is the nearest
// earlier figure of the first result's unit in the sentence.
void Reader::result_lists() {
  for (size_t k = first + 1; k + 2 < last; ++k) {
    if (!phrase(k, {"ket", "qua"})) continue;
    if (!(punct(k - 1, ";") || punct(k - 1, ",") || !same_sentence(k - 1, k))) continue;
    size_t body = k + 2;
    for (size_t n = 0; n < 4 && is(body, TokKind::Word) && !word(body, "co"); ++n) ++body;
    if (word(body, "co")) ++body;
    if (punct(body, ":")) ++body;
    int p0 = qty(body);
    if (p0 < 0 || pct(p0) || Q(p0).dimension.rfind("count:", 0) != 0 || ab_side(body) != 0) continue;
    // The set: in this sentence, or in the one before when "Kết quả" opens a sentence.
    const uint32_t s = tok_sentence[k];
    const uint32_t min_s = same_sentence(k - 1, k) ? s : (s > 0 ? s - 1 : 0);
    int t = -1;
    size_t tk = kNone;
    for (size_t m = k; m > first && m + kReach > k && tok_sentence[m - 1] >= min_s; --m) {
      int q = qty(m - 1);
      if (q < 0 || pct(q) || Q(q).dimension != Q(p0).dimension) continue;
      if (ab_side(m - 1) == 0) { t = q; tk = m - 1; }
      break;
    }
    if (t < 0 || Q(t).value.to_double() <= Q(p0).value.to_double()) continue;
    // A plan is no set of things that were checked ("chỉ tiêu giao 100 hộ; kết quả …").
    if (plan_word_before(tk, 4)) continue;
    breakdown(t, tk, Trigger::KetQua, body, sentence_stop(k), 0);
  }
}

// Words around a figure, for its label: before it back to the previous figure (or an opening
// parenthesis, ';' or the sentence start; commas only when `through_commas`), after its unit
// up to the next punctuation or figure.
std::string Reader::label_around(size_t k, bool through_commas) const {
  std::string before;
  for (size_t m = k, n = 0; m > first && n < kLabelWords && same_sentence(m - 1, k); --m) {
    const Token& t = tok(m - 1);
    if (t.kind == TokKind::Number || t.kind == TokKind::Percent || t.kind == TokKind::Open || t.kind == TokKind::Close ||
        t.kind == TokKind::Slash)
      break;
    if (t.kind == TokKind::Punct) {
      if (t.fold == ":" || (t.fold == "," && through_commas)) continue;
      break;
    }
    if (t.unit_part) break;
    before = t.fold + " " + before;
    ++n;
  }
  std::string after;
  size_t e = end_of_quantity(k);
  if (denominator_tok(k) != kNone) e = end_of_quantity(denominator_tok(k));
  for (size_t m = e, n = 0; m < last && n < 6 && same_sentence(m, k) && is(m, TokKind::Word); ++m, ++n)
    after += tok(m).fold + " ";
  return " " + before + after;
}

// Two figures of one unit with complementary labels ("hòa giải thành 34/44 vụ …, 10 vụ hòa giải
// không thành"; "tổng số tiền … 40.927 triệu đồng, đã chi trả … 23.907 triệu đồng, số tiền chưa
// chi trả … 17.020 triệu đồng"; "180 đơn, tiếp nhận trong kỳ 179 đơn, kỳ trước chuyển sang 01
// đơn") divide a whole: the A/B denominator of the first, the figure that heads the pair, or the
// nearest "tổng …" figure of that unit before it (this sentence, or the one before: then the
// claim is read at the remainder).
// One kind of counted thing: the same unit, or "vụ" and "vụ việc".
bool Reader::same_kind(const std::string& a, const std::string& b) {
  if (a == b) return true;
  if (a.rfind("count:", 0) != 0 || b.rfind("count:", 0) != 0) return false;
  const std::string& s = a.size() < b.size() ? a : b;
  const std::string& l = a.size() < b.size() ? b : a;
  return l.compare(0, s.size(), s) == 0 && l[s.size()] == ' ';
}

void Reader::complement_pairs() {
  for (size_t k1 = next_figure(first); k1 < last; k1 = next_figure(k1 + 1)) {
    int p1 = qty(k1);
    if (p1 < 0 || pct(p1) || Q(p1).dimension == "rate" || ab_side(k1) == 2) continue;
    size_t e1 = end_of_quantity(k1);
    // "34/44 vụ việc": the numerator counts what the denominator counts.
    std::string dim = Q(p1).dimension;
    if (ab_side(k1) == 1) {
      if (qty(denominator_tok(k1)) < 0) continue;  // "34/2023": no figure to divide (was Q(-1))
      dim = Q(qty(denominator_tok(k1))).dimension;
      e1 = end_of_quantity(denominator_tok(k1));
    }
    if (dim == "scalar") continue;
    // The second figure: the next one of the same unit in the sentence, percents and other units between.
    size_t k2 = kNone;
    for (size_t m = e1; m < last && m < e1 + 30 && same_sentence(m, k1); ++m) {
      int q = qty(m);
      if (q < 0 || pct(q)) continue;
      if (same_kind(Q(q).dimension, dim)) { k2 = m; break; }
    }
    if (k2 == kNone || ab_side(k2) != 0) continue;
    int p2 = qty(k2);
    if ((is_item[p1] && is_item[p2]) || complement_claimed.count(p1) || complement_claimed.count(p2)) continue;
    if (!labels_complement(label_around(k1, true), label_around(k2, false), false)) continue;
    // No third item of the list after the pair ("trước hạn 352, đúng hạn 3.610, quá hạn 26").
    bool third = false;
    size_t e2 = end_of_quantity(k2);
    for (size_t m = e2; m < last && m < e2 + 10 && same_sentence(m, k2) && !punct(m, ";"); ++m) {
      int q = qty(m);
      if (q >= 0 && !pct(q) && same_kind(Q(q).dimension, dim)) third = true;
    }
    if (third) continue;
    auto base = [&](int q) { return Q(q).value.to_double() * Q(q).factor; };
    int t = -1;
    size_t tk = kNone;
    bool earlier_sentence = false;
    if (ab_side(k1) == 1) {
      size_t dk = denominator_tok(k1);
      t = qty(dk);
      tk = dk;
    } else {
      const uint32_t s = tok_sentence[k1];
      for (size_t m = k1; m > first && m + kReach > k1 && tok_sentence[m - 1] + 1 >= s; --m) {
        int q = qty(m - 1);
        if (q < 0 || pct(q) || !same_kind(Q(q).dimension, dim)) continue;
        if (ab_side(m - 1) != 0) break;
        // The figure heading the pair: "180 đơn, tiếp nhận trong kỳ 179 đơn, …".
        size_t e = end_of_quantity(m - 1);
        bool heads = e + 1 < k1 && punct(e, ",") && same_sentence(m - 1, k1);
        for (size_t w = e + 1; heads && w < k1; ++w) heads = is(w, TokKind::Word);
        bool tong = false;
        for (size_t d = 2; d <= 14 && m >= first + d && same_sentence(m - d, m - 1) && qty(m - d) < 0; ++d)
          if (word(m - d, "tong")) tong = true;
        if (tong && tok_sentence[m - 1] < s) {
          if (is_item[q]) continue;  // an item of the earlier sentence's own list
          earlier_sentence = true;
        } else if (tok_sentence[m - 1] < s) {
          continue;
        }
        if (tong || heads) { t = q; tk = m - 1; }
        break;
      }
    }
    if (t < 0 || base(t) <= base(p1) || base(t) <= base(p2)) continue;
    // One claim per total and parts.
    bool dup = false;
    auto bd = breakdown_claims_of_total.find(t);
    if (bd != breakdown_claims_of_total.end())
      for (size_t ci : bd->second)
        for (const Operand& o : out.claims[ci].operands)
          if (o.quantity == uint32_t(p1) || o.quantity == uint32_t(p2)) dup = true;
    if (dup) continue;
    const int stated = earlier_sentence ? p2 : t;
    Claim& c = add(ClaimKind::Sum, earlier_sentence ? k1 : tk, k2, stated, earlier_sentence ? Template::RemainderComplementParts : Template::TotalComplementParts);
    stated_used[stated] = false;
    c.exhaustive = true;
    operand(c, "total", t);
    operand(c, "part", p1);
    operand(c, "part", p2);
    // Not an item list: the pair keeps its own role in percent-of-plan ("phân bổ 2.723,7 tỷ đồng
    // đạt 95%" is measured against the whole plan).
    complement_claimed.insert(p1);
    complement_claimed.insert(p2);
  }
}

// Summary counts over a common denominator, one outcome per bullet (or clause): "- Các chỉ tiêu
// vượt kế hoạch: 09/34 chỉ tiêu …", "- Các chỉ tiêu đạt kế hoạch: 18/34 chỉ tiêu …", "- Các chỉ
// tiêu chưa đạt kế hoạch: 07/34 chỉ tiêu …": the outcomes partition the 34 when a failing outcome
// is among them.
void Reader::outcome_summaries() {
  auto bullet = [&](size_t bi) {
    size_t f = nr.block_first[bi];
    if (f >= nr.block_last[bi]) return false;
    const std::string& lead = nr.tokens[f].fold;
    return lead == "-" || lead == "+" || lead == "•" || lead == "*";
  };
  // Outcome of the words before the numerator at k: 1 above, 2 met, 3 not met, 0 none.
  auto outcome = [&](size_t k) {
    std::string l = " ";
    for (size_t m = k > first + 8 ? k - 8 : first; m < k; ++m)
      if (tok(m).kind == TokKind::Word) l += tok(m).fold + " ";
    if (has(l, " chua dat ") || has(l, " khong dat ")) return 3;
    if (has(l, " vuot ")) return 1;
    if (has(l, " dat ")) return 2;
    return 0;
  };
  // What the line counts: its words before the outcome ("Các chỉ tiêu"); the outcomes of one
  // set name it the same way ("Xã A đạt 15/19", "Xã B chưa đạt 4/19" are two sets).
  auto subject = [&](size_t k) {
    std::string l;
    for (size_t m = first; m < k; ++m) {
      if (tok(m).kind != TokKind::Word) continue;
      const std::string& w = tok(m).fold;
      if (w == "vuot" || w == "dat" || w == "chua" || w == "khong") break;
      l += w + " ";
    }
    return l;
  };
  std::vector<bool> done(doc.blocks.size(), false);
  for (size_t bi = 0; bi < doc.blocks.size() && bi < nr.block_first.size(); ++bi) {
    if (done[bi] || table_row(bi) || !bullet(bi)) continue;
    first = nr.block_first[bi];
    last = nr.block_last[bi];
    // The first A/B of the line, near its start.
    size_t k0 = kNone;
    for (size_t m = first; m < last && m < first + 14; ++m)
      if (qty(m) >= 0 && ab_side(m) == 1) { k0 = m; break; }
    if (k0 == kNone) continue;
    const size_t d0 = denominator_tok(k0);
    const int den = qty(d0);
    if (den < 0 || pct(den) || Q(den).dimension.rfind("count:", 0) != 0 || is_item[den]) continue;
    std::vector<int> parts;
    std::vector<size_t> part_toks;
    std::set<int> outcomes;
    int o0 = outcome(k0);
    if (o0 == 0) continue;
    const std::string subj = subject(k0);
    parts.push_back(qty(k0));
    part_toks.push_back(k0);
    outcomes.insert(o0);
    for (size_t bj = bi + 1; bj < doc.blocks.size() && bj < nr.block_first.size() && bj < bi + 9; ++bj) {
      if (table_row(bj)) break;
      if (!bullet(bj)) continue;  // a wrapped line of the bullet before
      first = nr.block_first[bj];
      last = nr.block_last[bj];
      size_t k = kNone;
      for (size_t m = first; m < last && m < first + 14; ++m)
        if (qty(m) >= 0 && ab_side(m) == 1) { k = m; break; }
      if (k == kNone) break;
      int d = qty(denominator_tok(k));
      if (d < 0 || !(Q(d).value == Q(den).value) || Q(d).dimension != Q(den).dimension) break;
      int o = outcome(k);
      if (o == 0 || outcomes.count(o) || subject(k) != subj) break;
      parts.push_back(qty(k));
      part_toks.push_back(k);
      outcomes.insert(o);
      done[bj] = true;
    }
    if (parts.size() < 2 || !outcomes.count(3)) continue;
    first = nr.block_first[bi];
    last = nr.block_last[bi];
    Claim c;
    c.id = static_cast<uint32_t>(out.claims.size());
    c.kind = ClaimKind::Sum;
    c.span = figure_span(den);
    c.quote = std::string(doc.slice(c.span));
    c.stated = static_cast<uint32_t>(den);
    c.template_id = Template::OutcomeSummaryCounts;
    c.exhaustive = true;
    c.operands.push_back(Operand{"total", static_cast<uint32_t>(den)});
    for (int p : parts) c.operands.push_back(Operand{"part", static_cast<uint32_t>(p)});
    used[den] = true;
    for (int p : parts) used[p] = true;
    out.claims.push_back(std::move(c));
  }
}

uint8_t Reader::outcome_in(size_t b, size_t e) const {
  uint8_t o = 0;
  for (size_t m = b; m < e; ++m) {
    if (!is(m, TokKind::Word)) continue;
    if (word(m, "khoi") || phrase(m, {"ra", "vien"}) || phrase(m, {"xuat", "vien"})) o |= kRecovered;
    else if (phrase(m, {"tu", "vong"}) || word(m, "chet")) o |= kDied;
    else if (word(m, "chuyen")) o |= kTransferred;
    else if (phrase(m, {"dieu", "tri"}) || phrase(m, {"cach", "ly"}) || phrase(m, {"theo", "doi"})) o |= kTreated;
  }
  return o;
}

bool Reader::counts_people(const std::string& dim) {
  return dim == "count:truong hop" || dim == "count:ca" || dim == "count:nguoi" || dim == "count:benh nhan";
}

// "ghi nhận 1.240 ca mắc sốt xuất huyết; 1.201 người đã khỏi bệnh, 3 ca tử vong, 36 trường hợp
// đang được điều trị": the outcomes of the cases (recovered, died, transferred, still treated or
// isolated) partition them. Read when at least three outcome items follow the cases in the
// sentence, among them the recovered and the still-treated ones; every item a count of people
// or cases, each with exactly one outcome, the cases with none.
void Reader::case_outcomes() {
  auto separator = [&](size_t m) { return punct(m, ",") || punct(m, ";") || punct(m, ":"); };
  for (size_t k = next_figure(first); k < last; k = next_figure(k + 1)) {
    int t = qty(k);
    if (t < 0 || pct(t) || ab_side(k) != 0 || !counts_people(Q(t).dimension) || stated_used[t]) continue;
    if (change_verb(k - 1) || word(k - 1, "them")) continue;  // a change counts no cases
    const size_t stop = sentence_stop(k);
    // The cases' own segment: back and forth to the separators around it, with no outcome.
    size_t sb = k, se = end_of_quantity(k);
    while (sb > first && same_sentence(sb - 1, k) && !separator(sb - 1) && k - sb < 16) --sb;
    while (se < stop && !separator(se) && qty(se) < 0) ++se;
    if (!punct(se, ",") && !punct(se, ";") && !punct(se, ":")) continue;
    if (outcome_in(sb, se) != kNoOutcome) continue;
    // "(cùng kỳ 1.050 ca); trong đó 1.198 ca đã khỏi bệnh, …": an aside's figure heads no list.
    bool aside = false;
    for (size_t m = sb; m < se; ++m) aside |= is(m, TokKind::Open) || is(m, TokKind::Close);
    if (aside) continue;
    std::vector<int> parts;
    uint8_t seen = 0;
    size_t seg = se + 1, last_part = kNone;
    while (seg < stop) {
      size_t e = seg;
      int p = -1;
      size_t pk = kNone;
      bool other = false;
      for (; e < stop && !separator(e); ++e) {
        int q = qty(e);
        if (q < 0) continue;
        if (p >= 0 || pct(q) || ab_side(e) != 0 || !counts_people(Q(q).dimension)) other = true;
        else { p = q; pk = e; }
      }
      if (p < 0 || other || is_item[p]) break;  // (already a part of another list)
      uint8_t o = outcome_in(seg, e);
      if (o != kRecovered && o != kDied && o != kTransferred && o != kTreated) break;
      parts.push_back(p);
      seen |= o;
      last_part = pk;
      seg = e + 1;
    }
    if (parts.size() < 3 || !(seen & kRecovered) || !(seen & kTreated)) continue;
    Claim& c = add(ClaimKind::Sum, k, last_part, t, Template::TotalCaseOutcomes);
    c.exhaustive = true;
    operand(c, "total", t);
    for (int p : parts) { operand(c, "part", p); is_item[p] = true; }
    k = last_part;
  }
}

// --- met and remaining -------------------------------------------------------------------------
// "Xã A đã đạt 15/19 tiêu chí, tăng 09 tiêu chí so với đầu năm. Hiện xã vẫn đang tiếp tục thực
// hiện 04 tiêu chí", "giải quyết 45/50 đơn, còn lại 05 đơn chưa giải quyết": the part done of an
// A/B count and the part still open, in the A/B's sentence or the next one, make up the whole.
// The open part must say so: "chưa đạt|hoàn thành|giải quyết" right after it, "còn lại" or
// "đang (tiếp tục) thực hiện|giải quyết|xử lý|hoàn thiện" right before it. A change ("tăng 09
// tiêu chí") is stepped over; any other figure of the unit ("đạt thêm 03 tiêu chí"), another A/B,
// or another commune named ends the search.
void Reader::met_and_remaining() {
  for (size_t bi = 0; bi < doc.blocks.size() && bi < nr.block_first.size(); ++bi) {
    if (table_row(bi) || doc.blocks[bi].kind != BlockKind::Paragraph) continue;
    first = nr.block_first[bi];
    last = nr.block_last[bi];
    for (size_t k = next_figure(first); k < last; k = next_figure(k + 1)) {
      int a = qty(k);
      if (a < 0 || pct(a) || ab_side(k) != 1) continue;
      size_t d = denominator_tok(k);
      int b = qty(d);
      if (b < 0 || stated_used[b] || Q(b).dimension.rfind("count:", 0) != 0) continue;
      if (Q(a).dimension != "scalar" && Q(a).dimension != Q(b).dimension) continue;
      if (!(Q(a).value.to_double() < Q(b).value.to_double())) continue;
      size_t sentences = 0;
      for (size_t m = end_of_quantity(d); m < last && m < d + 60; ++m) {
        if (!same_sentence(m - 1, m) && ++sentences > 1) break;
        int c = qty(m);
        if (c < 0) continue;
        if (ab_side(m) != 0) break;
        if (pct(c) || Q(c).dimension != Q(b).dimension) continue;
        if (change_verb(m - 1)) continue;  // a change of the count
        if (sentences > 0 && names_subregion(m)) break;
        size_t e = end_of_quantity(m);
        bool open = phrase(m - 2, {"con", "lai"}) ||
                    (word(e, "chua") && (word(e + 1, "dat") || phrase(e + 1, {"hoan", "thanh"}) ||
                                         phrase(e + 1, {"giai", "quyet"})));
        for (size_t n = m - 2; n > first && m - n < 5 && !open && same_sentence(n - 1, m); --n)
          open = word(n - 1, "dang") &&
                 (phrase(m - 2, {"thuc", "hien"}) || phrase(m - 2, {"giai", "quyet"}) || phrase(m - 2, {"xu", "ly"}) ||
                  phrase(m - 2, {"hoan", "thien"}));
        // Read already in the A/B's own sentence ("16/19 tiêu chí, còn 03 tiêu chí chưa đạt").
        const bool read = complement_claimed.count(a) || complement_claimed.count(c) ||
                          std::any_of(out.claims.begin(), out.claims.end(), [&](const Claim& x) {
                            return x.kind == ClaimKind::Sum && x.stated == static_cast<uint32_t>(b);
                          });
        if (open && !stated_used[b] && !read) {
          Claim& cl = add(ClaimKind::Sum, k, e - 1, b, Template::MetAndRemaining);
          cl.exhaustive = true;
          operand(cl, "total", b);
          operand(cl, "part", a);
          operand(cl, "part", c);
        }
        break;
      }
    }
  }
}

}  // namespace doisoat::grammar
