// Percent of plan: "đạt X% kế hoạch|dự toán", "vượt X%", the plan stated beside the actual or
// found later in a table, and the plan side of a breakdown.
#include "claims/reader.h"

namespace doisoat::grammar {

// "… đạt 52,7% dự toán tỉnh giao (dự toán 3.500 tỷ đồng) …; chi … 1.120,4 tỷ đồng, đạt 41,5% dự
// toán": the plan stated right after another percent (no other figure between) is that percent's.
bool Reader::plan_of_other_percent(size_t k, int x, size_t lo) const {
  for (size_t m = k; m > lo && m + 10 > k; --m) {
    const Token& t = nr.tokens[m - 1];
    if (t.kind == TokKind::Punct && (t.fold == ";" || t.fold == ".")) return false;
    if (t.kind != TokKind::Number || t.quantity < 0) continue;
    return Q(t.quantity).unit == "%" && t.quantity != x;
  }
  return false;
}

// With `allotted`, "phân bổ" counts ("đã phân bổ 25.640 tỷ đồng … đã giải ngân 1.597 tỷ đồng (đạt
// 6,23%)"): what was allotted is the plan a later disbursement is measured by, though a figure
// right before its own percent ("đã phân bổ 9.068 tỷ đồng, đạt 90,65%") is that percent's actual.
bool Reader::plan_word_before(size_t k, size_t reach, bool allotted) const {
  for (size_t d = 1; d <= reach && k >= first + d; ++d) {
    size_t m = k - d;
    if (is(m, TokKind::Number) && tok(m).quantity >= 0) return false;
    if (punct(m, ";") || punct(m, ".")) return false;
    // ("kế hoạch năm 2025 (19,5 tỷ kWh)": the year of the plan is part of its name, not a word between)
    if (is(m, TokKind::Number) && reach < 16) ++reach;
    // ("đã phân bổ 25.640 tỷ đồng": what was allotted is the plan a disbursement is measured by)
    if (plan_word_at(m) || word(m, "giao") || (allotted && phrase(m, {"phan", "bo"}))) {
      // "đạt 57,9% kế hoạch năm, tăng 138.037 lượt": that plan word belongs to the percent —
      // unless the figure is in parentheses right after it: "bằng 91% dự toán (900 tỷ đồng)".
      size_t b = m;
      while (b > first && is(b - 1, TokKind::Word) && (word(b - 1, "ke") || word(b - 1, "so") || word(b - 1, "voi"))) --b;
      if (is(b - 1, TokKind::Percent) || (is(b - 1, TokKind::Number) && tok(b - 1).quantity >= 0 && pct(tok(b - 1).quantity))) {
        bool parenthesised = is(k - 1, TokKind::Open);
        for (size_t w = m + 1; parenthesised && w + 1 < k; ++w)
          parenthesised = is(w, TokKind::Word) || (is(w, TokKind::Number) && tok(w).quantity < 0);
        return parenthesised;
      }
      return true;
    }
  }
  return false;
}

bool Reader::plan_word_after(size_t k) const {
  size_t m = k;
  if (word(m, "so") && (word(m + 1, "voi") || word(m + 1, "ke") || word(m + 1, "du") || word(m + 1, "kh"))) m += word(m + 1, "voi") ? 2 : 1;
  // "đạt 30,48% tổng kế hoạch vốn giao", "đạt tỷ lệ 76,7% tổng số vốn giao"
  if (word(m, "tong")) m += word(m + 1, "so") ? 2 : 1;
  if (word(m, "von") && (word(m + 1, "giao") || phrase(m + 1, {"duoc", "giao"}) || phrase(m + 1, {"phan", "bo"}))) return true;
  return plan_word_at(m);
}

// "so với dự toán HĐND tỉnh giao đạt": a plan word after "so với", right before the verb at v.
bool Reader::plan_named_before_verb(size_t v) const {
  for (size_t d = 1; d <= 8 && v >= first + d; ++d) {
    size_t m = v - d;
    if (!is(m, TokKind::Word)) return false;
    if (phrase(m, {"so", "voi"}))
      return word(m + 2, "kh") || phrase(m + 2, {"ke", "hoach"}) || phrase(m + 2, {"du", "toan"}) ||
             phrase(m + 2, {"chi", "tieu"});
  }
  return false;
}

// "ước thực hiện (cả) năm", "ước cả năm", "ước đạt" right before the figure at k.
bool Reader::estimate_before(size_t k) const {
  for (size_t d = 1; d <= 5 && k >= first + d; ++d) {
    size_t m = k - d;
    if (!is(m, TokKind::Word)) return false;
    if (word(m, "uoc")) return true;
  }
  return false;
}

// "Ước thực hiện năm 6.218 triệu đồng, đạt 88,9%." with no subject of its own: the estimate
// continues the paragraph's topic ("Tổng nguồn vốn được giao: …"), whose plan it is measured by.
bool Reader::elliptic_estimate(size_t k) const {
  if (!estimate_before(k)) return false;
  static const std::set<std::string> filler = {"uoc", "thuc", "hien", "ca", "nam", "dat", "la", "khoang", "tinh",
                                               "den", "het", "duoc", "se"};
  for (size_t m = k; m > first && same_sentence(m - 1, k); --m) {
    if (punct(m - 1, ";")) break;
    if (is(m - 1, TokKind::Word) && !filler.count(tok(m - 1).fold)) return false;
    if (is(m - 1, TokKind::Number) && tok(m - 1).quantity >= 0) return false;
  }
  return true;
}

// A plan word ("kế hoạch", "dự toán", "chỉ tiêu", "giao") anywhere earlier in the sentence of k.
// A sentence cut by footnotes inserted in the middle ("… được giao kế hoạch năm 2023 là" ¹²… ¹³…
// "31 công trình …") continues in the previous paragraph when that one ends without a stop.
bool Reader::plan_word_in_sentence_before(size_t k) const {
  auto plan_word_at = [&](size_t m) {
    const Token& t = nr.tokens[m];
    if (t.kind != TokKind::Word) return false;
    auto next_is = [&](const char* w) { return m + 1 < nr.tokens.size() && nr.tokens[m + 1].fold == w; };
    return t.fold == "kh" || t.fold == "giao" || (t.fold == "ke" && next_is("hoach")) ||
           (t.fold == "du" && next_is("toan")) || (t.fold == "chi" && next_is("tieu"));
  };
  size_t m = k;
  for (; m > first && k - m < kReach && same_sentence(m - 1, k); --m)
    if (plan_word_at(m - 1)) return true;
  if (m != first) return false;
  size_t bi = current_block;
  for (int skipped = 0; bi > 0 && skipped < 4; ++skipped) {
    --bi;
    if (doc.blocks[bi].kind == BlockKind::Footnote) continue;
    if (doc.blocks[bi].kind != BlockKind::Paragraph || bi >= nr.block_first.size()) return false;
    size_t lo = nr.block_first[bi], hi = nr.block_last[bi];
    if (hi == lo || nr.tokens[hi - 1].kind == TokKind::Punct) return false;  // ended with a stop
    for (size_t j = hi; j > lo && hi - j < 40; --j) {
      if (nr.tokens[j - 1].kind == TokKind::Punct && nr.tokens[j - 1].fold == ".") return false;
      if (plan_word_at(j - 1)) return true;
    }
    return false;
  }
  return false;
}

// "actual …, đạt X% kế hoạch" with the plan stated in the clause or earlier in the section.
void Reader::percent_of_plan(size_t block_index) {
  for (size_t k = next_figure(first); k < last; k = next_figure(k + 1)) {
    int x = qty(k);
    if (x < 0 || !pct(x) || stated_used[x]) continue;
    size_t after = end_of_quantity(k);
    bool plan_after = plan_word_after(after);
    // ("đạt tỷ lệ 31%": the rate named before the figure)
    const bool rate_named = phrase(k - 2, {"ty", "le"}) && (word(k - 3, "dat") || word(k - 3, "bang"));
    const size_t verb = rate_named ? k - 3 : k - 1;
    bool dat_before = word(k - 1, "dat") || word(k - 1, "bang") || rate_named;
    // "vượt 4,2% kế hoạch", "vượt kế hoạch 4,2%": how far above the plan.
    const bool over = (word(k - 1, "vuot") && plan_after) ||
                      (word(k - 1, "hoach") && word(k - 2, "ke") && word(k - 3, "vuot")) ||
                      (word(k - 1, "kh") && word(k - 2, "vuot"));
    if (!dat_before && !over) continue;
    // "… đạt 80% kế hoạch và phấn đấu hết năm đạt 95% kế hoạch": a target, not a result.
    if (target_before(k)) continue;
    // "…; so với dự toán HĐND tỉnh giao đạt 29%": the plan named before the verb.
    const bool plan_before = plan_named_before_verb(verb);
    // "bằng 103,89% so với cùng kỳ" is an index against last year, not a percent of plan.
    if (phrase(after, {"so", "voi", "cung"}) || phrase(after, {"cung", "ky"}) || phrase(after, {"so", "cung"}) ||
        phrase(after, {"so", "voi", "nam"}) || phrase(after, {"so", "voi", "thang"}) || phrase(after, {"so", "voi", "quy"}))
      continue;
    // The actual: nearest preceding non-percent quantity in the clause.
    size_t cs = clause_start(k);
    int actual = -1;
    size_t ak = kNone;
    int plan_between = -1;  // "đạt 1.250 tỷ đồng, dự toán giao 1.400 tỷ đồng, đạt 92% dự toán"
    size_t plan_between_tok = kNone;
    for (size_t m = k; m > cs; --m) {
      int q = qty(m - 1);
      if (q < 0 || pct(q) || Q(q).dimension == "rate") continue;
      if (plan_word_before(m - 1, 5)) {
        if (plan_between < 0) { plan_between = q; plan_between_tok = m - 1; }
        continue;
      }
      actual = q;
      ak = m - 1;
      break;
    }
    // "đạt 121,6% dự toán tỉnh giao (40.000) và đạt 110,5% dự toán huyện giao (44.000)": a plan
    // after another percent is that percent's.
    if (plan_between >= 0 && actual >= 0)
      for (size_t m = ak + 1; m < plan_between_tok; ++m)
        if (qty(m) >= 0 && pct(qty(m)) && qty(m) != x) { plan_between = -1; break; }
    if (actual < 0 && plan_between >= 0 && cs > first && punct(cs - 1, ";")) {
      // "Đã giải ngân 845,6 tỷ đồng; kế hoạch vốn năm là 1.520 tỷ đồng, đạt 58,6% kế hoạch."
      size_t ps = clause_start(cs - 1);
      for (size_t m = cs - 1; m > ps; --m) {
        int q = qty(m - 1);
        if (q >= 0 && !pct(q) && compatible(q, plan_between)) { actual = q; ak = m - 1; break; }
      }
    }
    if (actual < 0 && plan_between < 0 && plan_before && cs > first && punct(cs - 1, ";")) {
      // "Thu nội địa 483,833 tỷ đồng; so với dự toán HĐND giao đạt 30%": the clause before
      // states the actual, when it states exactly one figure. ("…; đạt 43% KH" alone after a
      // semicolon is not read so: its figure may be any of the sentence's.)
      size_t ps = clause_start(cs - 1);
      int only = -1, n = 0;
      size_t ok = kNone;
      for (size_t m = ps; m + 1 < cs; ++m) {
        int q = qty(m);
        if (q < 0 || Q(q).dimension == "rate") continue;
        ++n;
        only = pct(q) ? -1 : q;
        ok = m;
      }
      if (n == 1 && only >= 0) { actual = only; ak = ok; }
    }
    if (actual < 0) continue;
    if (is(ak - 1, TokKind::Slash)) continue;  // an A/B denominator: ratio's business
    // The plan: a quantity of the same dimension announced by a plan word, in this clause
    // (after the actual) or earlier in this block or the two before it.
    std::vector<int> cands;
    size_t cstop = clause_stop(k);
    if (plan_after) {  // "…, đạt 63% kế hoạch năm; kế hoạch năm là 2.600 tỷ đồng."
      cstop = k;
      while (cstop + 1 < last && same_sentence(cstop + 1, k)) ++cstop;
      ++cstop;
    }
    for (size_t m = ak + 1; m < cstop; ++m) {
      int q = qty(m);
      if (q < 0 || q == actual) continue;
      // After the percent, a plan belongs to it until another figure or percent comes:
      // "1.240 lao động, đạt 124% KH, trong đó … 156 người, đạt 104% KH (KH 150 người)".
      if (m > k && (pct(q) ? q != x : !plan_word_before(m, 4))) break;
      if (!pct(q) && compatible(q, actual) && plan_word_before(m, 4) && !is_change(m)) cands.push_back(q);
    }
    if (plan_between >= 0 && compatible(plan_between, actual)) cands.assign(1, plan_between);
    const bool actual_is_item = is_item[actual];
    // "…, ước thực hiện năm 6.218 triệu đồng, đạt 88,9%": an estimate of the year measured
    // against the allocation stated earlier in the paragraph ("Tổng nguồn vốn được giao: …").
    const bool actual_is_estimate = estimate_before(ak);
    if (cands.empty() && actual_is_estimate && (plan_after || plan_before)) {
      // "kế hoạch … 298,157 tỷ đồng, ước thực hiện năm 299,917 tỷ đồng, bằng 100,5% KH": the
      // figure right before the estimate, in a sentence that names the plan.
      size_t m = ak;
      while (m > first && same_sentence(m - 1, ak) && ak - m < 8 && qty(m - 1) < 0) --m;
      int p = m > first ? qty(m - 1) : -1;
      if (p >= 0 && !pct(p) && compatible(p, actual) && punct(end_of_quantity(m - 1), ",") &&
          plan_word_in_sentence_before(m - 1))
        cands.push_back(p);
    }
    const bool cands_in_clause = !cands.empty();
    if (cands.empty()) {
      // Earlier in this block or the two before it; with no plan word after the percent,
      // only in this block ("Tổng kế hoạch … là 2.850,4 tỷ đồng; … phân bổ 2.723,7 tỷ đồng đạt 95%").
      // Only this block: a plan figure further away belongs to another indicator as often as not.
      size_t lo = nr.block_first[block_index];
      const uint32_t min_sentence =
          plan_after || elliptic_estimate(ak) ? 0 : (tok_sentence[ak] > 0 ? tok_sentence[ak] - 1 : 0);
      for (size_t m = lo; m < ak; ++m) {
        int q = nr.tokens[m].quantity;
        if (q < 0 || q == actual || pct(q) || nr.tokens[m].kind != TokKind::Number) continue;
        if (!compatible(q, actual) || plan_of_other_percent(m, x, lo) || is_change(m) || actual_of_own_percent(m, x)) continue;
        size_t save_first = first;
        first = lo;
        bool pw = plan_word_before(m, 12, /*allotted=*/true);
        first = save_first;
        if (pw) {
          // An item of a breakdown ("(1) nguồn ngân sách địa phương là 266 tỷ đồng đạt 28%") is
          // measured against the matching item of the plan's breakdown, never the plan's total.
          bool plan_has_items = false;
          auto bd = breakdown_claims_of_total.find(q);
          if (bd != breakdown_claims_of_total.end())
            for (size_t ci : bd->second) {
              const Claim& c = out.claims[ci];
              plan_has_items = true;
              for (size_t i = 1; i < c.operands.size(); ++i) {
                int p = int(c.operands[i].quantity);
                if (compatible(p, actual) && same_words_around(actual, p, 2)) cands.push_back(p);
              }
            }
          // An item's plan stated in an earlier sentence is the whole's ("… bằng 25,3% kế hoạch giao
          // (25.440 tỷ đồng). Trong đó, vốn trung ương đã giải ngân 459 tỷ đồng, đạt tỷ lệ 100%"),
          // unless it is named by the item's words.
          const bool whole_plan = actual_is_item && tok_sentence[m] < tok_sentence[ak] && !same_words_around(actual, q, 2);
          if (tok_sentence[m] >= min_sentence && !(actual_is_item && plan_has_items) && !whole_plan) cands.push_back(q);
        }
      }
    }
    if (cands.empty() && !plan_after && !plan_before && !over) {
      const int capital = capital_of_disbursement(ak, actual, x);
      if (capital >= 0) cands.push_back(capital);
    }
    if (cands.empty()) {
      // The plan may be in the annex table, or nowhere in the document: decided once the
      // tables are read (resolve_plans_from_tables).
      if (plan_after || plan_before) pending_plans.push_back(PendingPlan{x, actual, ak, after, over});
      continue;
    }
    // Several plan figures: the one whose percentage is nearest to what is stated (the
    // check then decides whether it is near enough).
    double stated = Q(x).value.to_double();
    double av = Q(actual).value.to_double() * Q(actual).factor;
    int best = -1;
    double best_d = 1e300;
    for (int q : cands) {
      double pv = Q(q).value.to_double() * Q(q).factor;
      if (pv <= 0) continue;
      double d = std::fabs(av / pv * 100 - (over ? 100 : 0) - stated);
      if (d < best_d) { best_d = d; best = q; }
    }
    if (best < 0) continue;
    Claim& c = add(ClaimKind::PercentOfPlan, ak, after - 1, x, over ? Template::ActualVuotPctPlan : Template::ActualDatPctPlan);
    operand(c, "actual", actual);
    operand(c, "plan", best);
    // A plan found earlier in the paragraph, in another sentence than the actual's, by a plan word
    // alone: linked by position (the plan of another indicator as often as not).
    c.inferred = !cands_in_clause && !is_item[best] && tok_sentence[token_of[best]] + 1 < tok_sentence[ak];
  }
}

// "Vốn … bổ sung có mục tiêu cho các địa phương tổng cộng là 3.678 tỷ đồng, … 15 địa phương đã giải
// ngân 1.137 tỷ đồng, đạt tỷ lệ 31%": a disbursement's "đạt X%" with no plan word is of the capital
// the sentence (or the one before) named first — the nearest earlier figure of its unit labelled
// "vốn", larger than it. Linked by position only, so only when it gives about the percent stated
// (within a tenth of it): a capital of another scope is far off, a slip is near. -1 when none.
int Reader::capital_of_disbursement(size_t ak, int actual, int x) const {
  bool disbursed = false;  // "giải ngân" in the few words before the actual
  for (size_t m = ak; m > first && m + 8 > ak && same_sentence(m - 1, ak) && qty(m - 1) < 0; --m)
    disbursed = disbursed || phrase(m - 1, {"giai", "ngan"});
  if (!disbursed) return -1;
  const double av = Q(actual).value.to_double() * Q(actual).factor, stated = Q(x).value.to_double();
  const uint32_t s = tok_sentence[ak];
  for (size_t m = ak; m > first && tok_sentence[m - 1] + 1 >= s; --m) {
    const int q = qty(m - 1);
    if (q < 0 || q == actual || pct(q) || is_change(m - 1) || Q(q).unit != Q(actual).unit) continue;
    bool capital = false;  // "vốn" names it: among the words back to the figure or sentence before
    for (size_t w = m - 1; w > first && w + 24 > m && same_sentence(w - 1, m - 1) && qty(w - 1) < 0 && !capital; --w)
      capital = word(w - 1, "von");
    const double pv = Q(q).value.to_double() * Q(q).factor;
    if (!capital || pv <= av) continue;
    return std::fabs(av / pv * 100 - stated) <= 0.1 * stated ? q : -1;
  }
  return -1;
}

// "phấn đấu …", "dự kiến …", "mục tiêu …" between the previous figure and the percent at k.
bool Reader::target_before(size_t k) const {
  for (size_t m = k; m > first && m + 14 > k && same_sentence(m - 1, k); --m) {
    if (qty(m - 1) >= 0 || punct(m - 1, ";")) return false;
    if (phrase(m - 1, {"phan", "dau"}) || phrase(m - 1, {"muc", "tieu"}) || phrase(m - 1, {"du", "kien"})) return true;
  }
  return false;
}

// "… ước đạt 205,36 tỷ đồng, bằng 100% kế hoạch; … 1.072,8 tỷ đồng, bằng 100% kế hoạch": a figure
// followed by its own percent (another than x) is that percent's actual, never the plan of x.
bool Reader::actual_of_own_percent(size_t m, int x) const {
  for (size_t n = end_of_quantity(m); n < last && n < m + 6 && same_sentence(n, m); ++n) {
    if (punct(n, ";") || punct(n, ".") || is(n, TokKind::Open)) return false;
    const int q = qty(n);
    if (q < 0) continue;
    return pct(q) && q != x && (word(n - 1, "dat") || word(n - 1, "bang"));
  }
  return false;
}

// The plan and actual cells of a row (by their column headers), -1 when absent.
std::pair<int, int> Reader::plan_actual_of(const Row& row) const {
  int plan = -1, actual = -1;
  for (auto [q, h] : row.values) {
    if (h.find('%') != std::string::npos || header_is(h, {"ty le", "so sanh"})) continue;
    if (header_is(h, {"thuc hien", "uoc", "ket qua"}) || h == "th") { if (actual < 0) actual = q; }
    else if (header_is(h, lexicon::kPlanWords)) { if (plan < 0) plan = q; }
  }
  return {plan, actual};
}

// The paragraph opens with the name of a body or place and a colon: "Ban quản lý …:", "Huyện
// A:", "Công ty B:" (words only before the colon, the first capitalised).
bool Reader::headed_by_body(size_t bi) {
  const WindowGuard keep(*this);
  if (!enter_block(bi) || !is(first, TokKind::Word) || !tok(first).upper || !any_phrase(first, lexicon::kBodies))
    return false;
  if (word(first, "so") && !written_as(first, "sở", "Sở")) return false;  // ("Số …:" is no body)
  for (size_t m = first; m < last && m < first + 16; ++m) {
    if (punct(m, ":")) return true;
    if (!is(m, TokKind::Word)) return false;
  }
  return false;
}

// q is a part of a breakdown whose total is a plan ("Dự toán … là T. Trong đó A là a").
// (The parts of every plan's breakdown, gathered once, after the blocks were read.)
bool Reader::part_of_plan(int q) {
  if (!is_item[q]) return false;
  if (!plan_parts) {
    plan_parts.emplace();
    const WindowGuard keep(*this);
    for (const auto& [total, claims] : breakdown_claims_of_total) {
      if (!enter_block(doc.sentences[Q(total).sentence].block)) continue;
      const size_t tk = token_of[total];
      if (!in(tk) || (Q(total).role != "plan" && !plan_word_before(tk, kLabelWords) && !plan_named_in_sentence(tk))) continue;
      for (size_t ci : claims)
        for (const Operand& o : out.claims[ci].operands)
          if (o.role == "part") plan_parts->insert(static_cast<int>(o.quantity));
    }
  }
  return plan_parts->count(q) > 0;
}

// A plan word opens the sentence of the figure at k ("Dự toán thu ngân sách … là 35.430 tỷ đồng").
// (A long label is still one: "Dự toán thu ngân sách trên địa bàn của tỉnh năm 2023 là …"; the
// plan word must open the sentence itself.)
bool Reader::plan_named_in_sentence(size_t k) const {
  size_t s0 = k;
  while (s0 > first && same_sentence(s0 - 1, k) && k - s0 < 2 * kLabelWords) --s0;
  const bool opens = s0 == first || !same_sentence(s0 - 1, k);
  return s0 < k && opens && plan_word_at(s0);
}

int Reader::plan_in_section(const PendingPlan& pp, size_t abi, const std::set<std::string>& actual_words) {
  const Quantity& a = Q(pp.actual);
  // A text with no headings (or the text before its first heading) is one section only for a
  // catalogue indicator: across a whole article the words of a plan match too many other
  // figures' (tried on 400 articles, 15 of 15 such links were wrong), its indicator does not.
  const int section = doc.blocks[abi].section;
  const bool keyed = is_canonical_indicator(a.indicator);
  if ((section < 0 && !keyed) || pp.over) return -1;  // (no template reads "vượt X%" of a plan found here)
  // "… bằng 77,8% dự toán Bộ giao và bằng 75,7% dự toán tỉnh giao": two plans of one actual, and
  // a plan stated away from both is neither's for sure.
  if (section < 0)
    for (const PendingPlan& other : pending_plans)
      if (other.actual == pp.actual && other.percent != pp.percent) return -1;
  int found = -1, n = 0;
  // The year of a figure: its own period, else the last "năm YYYY" before it in its paragraph
  // ("Năm 2025, dự toán … là T. Trong đó A là a"), else the document's.
  auto year_of = [&](int q) {
    if (Q(q).period_key.size() >= 4) return Q(q).period_key.substr(0, 4);
    for (size_t y = token_of[q]; y > first + 1; --y)
      if (word(y - 2, "nam") && is(y - 1, TokKind::Number) && tok(y - 1).non_quantity >= 0 && tok(y - 1).fold.size() == 4)
        return tok(y - 1).fold;
    return document_year();
  };
  auto place_of = [&](int q) {  // the middle field of "period|place|source"
    const std::string& c = Q(q).context;
    const size_t a = c.find('|'), b = a == std::string::npos ? a : c.find('|', a + 1);
    return b == std::string::npos ? std::string() : c.substr(a + 1, b - a - 1);
  };
  const std::string actual_year = year_of(pp.actual);
  if (blocks_of_section.empty()) {  // the blocks of each section, in order, the unheaded ones last (once)
    blocks_of_section.resize(doc.sections.size() + 1);
    for (size_t bi = 0; bi < doc.blocks.size() && bi < nr.block_first.size(); ++bi) {
      const int s = doc.blocks[bi].section;
      const size_t slot = s >= 0 && static_cast<size_t>(s) < doc.sections.size() ? static_cast<size_t>(s) : doc.sections.size();
      blocks_of_section[slot].push_back(bi);
    }
  }
  const size_t slot = section >= 0 && static_cast<size_t>(section) < doc.sections.size() ? static_cast<size_t>(section) : doc.sections.size();
  for (size_t bi : blocks_of_section[slot]) {
    if (bi == abi || doc.blocks[bi].section != section || doc.blocks[bi].kind != BlockKind::Paragraph || table_row(bi))
      continue;
    // "Ban quản lý Đầu tư xây dựng Hạ tầng đô thị: Tổng nguồn vốn … được giao là 4.333,8 tỷ
    // đồng": a paragraph that one body or place heads reports that body's plan, not the city's.
    if (headed_by_body(bi) && !headed_by_body(abi)) continue;
    first = nr.block_first[bi];
    last = nr.block_last[bi];
    for (size_t m = first; m < last; ++m) {
      int q = qty(m);
      if (q < 0 || pct(q) || Q(q).dimension != a.dimension) continue;
      // "Dự toán thu ngân sách năm 2023 là 35.430 tỷ đồng. Trong đó thu nội địa là 21.840 tỷ
      // đồng": an item of a plan's breakdown is the plan of that item, named by its own short
      // label (every content word of it among the actual's, two at least).
      const bool plan_item = Q(q).role != "plan" && !plan_word_before(m, 12) && part_of_plan(q);
      if (Q(q).role != "plan" && !plan_word_before(m, 12) && !plan_item) continue;
      // With no section, only a figure stated as a plan (not one near a plan word) is one.
      if (section < 0 && Q(q).role != "plan" && !plan_item) continue;
      bool same = keyed ? Q(q).indicator == a.indicator : overlap(label_words(m, 12), std::vector<std::string>(actual_words.begin(), actual_words.end())) >= 3;
      if (!same && plan_item) {
        const std::set<std::string> lw = label_words(m, 8);
        size_t words = 0, in_actual = 0;
        for (const std::string& w : lw)
          if (w[0] != '#') { ++words; in_actual += actual_words.count(w); }
        same = words >= 2 && in_actual == words;
      }
      if (!same) continue;
      // The plan of another year is another plan ("Dự toán năm 2023 …" beside a result of 2022);
      // with no section, the year of both must be known, and the places they name (if both do) the same.
      const std::string plan_year = year_of(q);
      if (!plan_year.empty() && !actual_year.empty() ? plan_year != actual_year : section < 0) continue;
      if (section < 0 && !place_of(q).empty() && !place_of(pp.actual).empty() && place_of(q) != place_of(pp.actual)) continue;
      // A figure with its own "đạt X% kế hoạch" is an actual ("giải ngân vốn kế hoạch năm 2024
      // 1.441 tỷ đồng, đạt 57,3% kế hoạch"), never another figure's plan.
      if (actual_of_own_percent(m, pp.percent)) continue;
      if (found < 0 || !(Q(found).value == Q(q).value)) ++n;
      found = q;
    }
  }
  // With no section the link is made by the indicator alone: it holds only when the percent it
  // gives is near what is stated (a figure of another scope or unit is far off, a slip is not).
  if (n == 1 && section < 0) {
    const double pv = Q(found).value.to_double() * Q(found).factor;
    const double pct_of = pv > 0 ? a.value.to_double() * a.factor / pv * 100 : 0;
    const double stated = Q(pp.percent).value.to_double();
    if (!(std::fabs(pct_of - stated) <= 0.1 * stated)) return -1;
  }
  return n == 1 ? found : n > 1 ? -2 : -1;  // -2: several plans of it, none to pick
}

// "Thành lập mới 07 HTX, đạt 350% KH" with the plan only in the annex row "Thành lập mới hợp
// tác xã | HTX | 02 | 07": the row whose actual cell is the figure and whose label shares the
// figure's words (or its catalogue indicator), found once and only once.
void Reader::resolve_plans_from_tables() {
  // Each row's plan and actual cells once, and the rows by the value of their actual cell (a
  // pending plan only ever looks at rows whose actual is its own figure).
  std::vector<std::pair<int, int>> row_cells(table_rows.size());
  std::unordered_map<double, std::vector<size_t>> rows_by_actual;
  for (size_t i = 0; i < table_rows.size(); ++i) {
    row_cells[i] = plan_actual_of(table_rows[i]);
    if (row_cells[i].second >= 0) rows_by_actual[Q(row_cells[i].second).value.to_double()].push_back(i);
  }
  static const std::vector<size_t> kNoRows;
  for (const PendingPlan& pp : pending_plans) {
    if (stated_used[pp.percent]) continue;
    size_t bi = doc.sentences[Q(pp.actual).sentence].block;
    first = nr.block_first[bi];
    last = nr.block_last[bi];
    const Quantity& a = Q(pp.actual);
    std::set<std::string> ws = words_about(pp.actual_tok, pp.after);
    // "Dự toán HĐND tỉnh giao thu ngân sách năm 2024 là 2.650 tỷ đồng." in another paragraph of
    // the same section: the one plan figure of that indicator (or of those words) there.
    const int sp = plan_in_section(pp, bi, ws);
    if (sp >= 0) {
      first = nr.block_first[bi];
      last = nr.block_last[bi];
      Claim& c = add(ClaimKind::PercentOfPlan, pp.actual_tok, pp.after - 1, pp.percent, Template::ActualDatPctPlanInSection);
      operand(c, "actual", pp.actual);
      operand(c, "plan", sp);
      continue;
    }
    first = nr.block_first[bi];
    last = nr.block_last[bi];
    int best_plan = -1;
    size_t best = 0, second = 0;
    bool ambiguous_plan_rows = sp == -2;  // a row or paragraph may state the plan, not one we can link for sure
    auto same_actual = rows_by_actual.find(a.value.to_double());
    for (size_t ri : same_actual == rows_by_actual.end() ? kNoRows : same_actual->second) {
      const Row& row = table_rows[ri];
      if (row.sub && row.phrase.size() < 2) continue;
      auto [plan, actual] = row_cells[ri];
      if (plan < 0 || actual < 0 || Q(plan).value.mantissa == 0) continue;
      if (!(Q(actual).value == a.value)) continue;
      std::string label;
      for (const auto& w : row.phrase) label += (label.empty() ? "" : " ") + w;
      std::string key = match_indicator(label);
      size_t score = overlap(ws, row.phrase) * 2;
      if (!key.empty() && is_canonical_indicator(key) && key == a.indicator) score += 4;
      if (score < 2) continue;
      ambiguous_plan_rows = true;
      if (score < 4) continue;  // two words in common, or the same catalogue indicator  // a row that may state the plan: never "not stated"
      if (Q(actual).dimension != a.dimension && !(Q(actual).dimension == "scalar" && !pct(pp.actual))) continue;
      if (!row.dimension.empty() && row.dimension != a.dimension) continue;
      if (score > best) { second = best; best = score; best_plan = plan; }
      else if (score > second) second = score;
    }
    if (best_plan >= 0 && second < best && !pp.over) {
      Claim& c = add(ClaimKind::PercentOfPlan, pp.actual_tok, pp.after - 1, pp.percent, Template::ActualDatPctPlanInTable);
      operand(c, "actual", pp.actual);
      operand(c, "plan", best_plan);
      continue;
    }
    // The plan is nowhere in the document ("đạt 39,8% KH" of a plan published elsewhere): the
    // relation is recorded, unchecked, when its actual is plainly the figure it is about — a
    // level, right before the percent with nothing but other percents ("bằng 72% so với cùng
    // kỳ") between them.
    if (!a.role.empty() || a.dimension == "scalar" || ambiguous_plan_rows) continue;
    bool plain = true;
    for (size_t m = end_of_quantity(pp.actual_tok); m < pp.after && plain; ++m) {
      int q = qty(m);
      if (q >= 0 && q != pp.percent && !pct(q)) plain = false;
    }
    if (!plain) continue;
    // Not a claim: with nothing to recompute, reviewers do not count it as one (and a claim
    // made of it would be checked by nobody). Coverage lists it with the reason.
    out.uncovered_reasons[static_cast<uint32_t>(pp.percent)] = "percent of plan; the plan is not stated in the document";
  }
}

// "Tổng thu … 7.154 tỷ đồng, bằng 73% dự toán (9.800 tỷ đồng). Trong đó: thu nội địa 6.682 tỷ
// đồng, bằng 72,7% dự toán (dự toán 9.190 tỷ đồng); thu xuất nhập khẩu 472 tỷ đồng, bằng 77,4% dự
// toán (dự toán 610 tỷ đồng)": when a total and every part of its breakdown each have their own
// plan, the plans break down the same way (9.800 = 9.190 + 610).
void Reader::plan_side_of_breakdowns() {
  std::unordered_map<int, int> plan_of;  // actual -> its plan (one percent-of-plan each)
  std::unordered_set<int> twice;
  for (const Claim& c : out.claims) {
    if (c.kind != ClaimKind::PercentOfPlan) continue;
    int a = -1, p = -1;
    for (const Operand& o : c.operands) {
      if (o.role == "actual") a = static_cast<int>(o.quantity);
      if (o.role == "plan") p = static_cast<int>(o.quantity);
    }
    if (a < 0 || p < 0) continue;
    auto [it, fresh] = plan_of.emplace(a, p);
    if (!fresh && it->second != p) twice.insert(a);
  }
  const size_t n = out.claims.size();
  std::unordered_set<int> broken_down_already;  // totals of the sums and bounds read so far
  for (size_t ci = 0; ci < n; ++ci)
    if (out.claims[ci].kind == ClaimKind::Sum || out.claims[ci].kind == ClaimKind::PartBound)
      broken_down_already.insert(static_cast<int>(out.claims[ci].stated));
  for (size_t ci = 0; ci < n; ++ci) {
    if (out.claims[ci].kind != ClaimKind::Sum && out.claims[ci].kind != ClaimKind::PartBound) continue;
    std::vector<int> plans;
    bool all = true;
    for (const Operand& o : out.claims[ci].operands) {
      auto it = plan_of.find(static_cast<int>(o.quantity));
      if (it == plan_of.end() || twice.count(it->first)) { all = false; break; }
      plans.push_back(it->second);
    }
    if (!all || plans.size() < 3) continue;  // the total and at least two parts
    std::unordered_set<int> distinct(plans.begin(), plans.end());
    if (distinct.size() != plans.size() || broken_down_already.count(plans[0])) continue;
    broken_down_already.insert(plans[0]);
    bool fits = true;
    for (size_t i = 1; i < plans.size(); ++i) fits &= compatible(plans[i], plans[0]);
    if (!fits) continue;
    const ClaimKind kind = out.claims[ci].kind;
    const bool exhaustive = out.claims[ci].exhaustive;  // (read before add_at grows out.claims)
    const Quantity& tq = Q(plans[0]);
    const Quantity& lq = Q(plans.back());
    Claim& c = add_at(kind, Span{std::min(tq.span.begin, lq.span.begin), std::max(tq.span.end, lq.span.end)}, plans[0],
                      Template::PlanSideOfBreakdown);
    c.exhaustive = exhaustive;
    operand(c, "total", plans[0]);
    for (size_t i = 1; i < plans.size(); ++i) operand(c, "part", plans[i]);
  }
}

}  // namespace doisoat::grammar
