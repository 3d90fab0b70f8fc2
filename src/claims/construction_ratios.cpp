// Ratios: "A/B … đạt X%", "X% (A/B)", and a figure as a share of a whole named after it.
#include "claims/reader.h"

namespace doisoat::grammar {

// A/B ... đạt|bằng X%  ->  ratio.  Also "X% (A/B)".
void Reader::ratios() {
  for (size_t k = next_figure(first); k < last; k = next_figure(k + 1)) {
    int a = qty(k);
    if (a < 0 || pct(a)) continue;
    size_t s = end_of_quantity(k);
    if (!is(s, TokKind::Slash)) continue;
    size_t bk = s + 1;
    if (word(bk, "tong") && word(bk + 1, "so")) bk += 2;  // "284,73ha/ tổng số 3.651,34ha"
    int b = qty(bk);
    if (b < 0 || pct(b) || !compatible(a, b)) continue;
    if (Q(b).value.mantissa == 0) continue;
    size_t after_b = end_of_quantity(bk);
    // "2.596/10/361,8": a chain of slashes is a broken number, not a ratio.
    if ((is(after_b, TokKind::Slash) && is(after_b + 1, TokKind::Number)) ||
        (is(k - 1, TokKind::Slash) && is(k - 2, TokKind::Number)))
      continue;
    // Forward: the first percent of the clause, unless it compares with last year.
    int x = -1;
    size_t xk = kNone;
    for (size_t m = after_b; m < last && m < after_b + 20 && same_sentence(m, k); ++m) {
      if (punct(m, ";")) break;
      if (is(m, TokKind::Number) && is(m + 1, TokKind::Slash)) break;  // the next A/B
      int q = qty(m);
      if (q >= 0 && !pct(q) && m > after_b + 1) break;  // another figure first: not this ratio's percent
      if (q >= 0 && pct(q) && !stated_used[q]) {
        size_t n = end_of_quantity(m);
        bool vs_last_year = phrase(n, {"so", "voi", "cung", "ky"}) || phrase(n, {"cung", "ky"}) ||
                            phrase(n, {"so", "voi", "nam"}) || phrase(n, {"so", "cung", "ky"});
        if (vs_last_year) break;
        // "25/63 địa phương có tỷ lệ đạt trên 76%", "10/11 nhóm hàng tăng 2,1%": a threshold or a
        // change that the items meet, not the share k/N.
        if (word(m - 1, "tren") || word(m - 1, "duoi") || change_verb(m - 1) ||
            (word(m - 1, "hon") && (change_verb(m - 2) || word(m - 2, "cao") || word(m - 2, "thap"))))
          break;
        // "361/411 hộ nghèo …, chiếm tỷ lệ 0,1% tổng số hộ dân": the percent of another whole.
        if ((word(n, "tong") || word(n + 1, "tong")) && !names_denominator(word(n, "tong") ? n : n + 1, bk)) break;
        // "7/17 khoản thu đạt tiến độ (16,7%)", "10/11 nhóm hàng tăng giá, nhóm giao thông tăng cao
        // nhất … 15,94%": counts of items, then a clause about one of them; the percent is not k/N.
        if (Q(a).precision == 0 && Q(b).precision == 0 && Q(b).value.to_double() < 1000 &&
            content_words_between(after_b, m) > 3 && names_one_item_between(after_b, m))
          break;
        // "đạt tiến độ (16,7%)": the benchmark of time the items met, however few words say so.
        bool benchmark = false;
        for (size_t w = after_b; w < m; ++w) benchmark = benchmark || phrase(w, {"tien", "do"});
        if (benchmark) break;
        // "16/22 bộ, ngành ban hành kế hoạch (đạt 100% chỉ tiêu năm 2022)", "11/27 ngân hàng, đại
        // diện hơn 50% vốn hóa ngành", "4/7 gói … đạt khoảng 53% khối lượng": a percent that names
        // its own whole after it (other than B's noun) is a percent of that whole, not k/N.
        // A count of places or bodies ("16/22 bộ, ngành", "45/63 tỉnh") is a population, never a
        // plan: "đạt 100% chỉ tiêu" after it is against the year's target.
        if (plan_word_at(n) && any_phrase(bk + 1, lexicon::kPopulationUnits)) break;
        if (names_other_whole(n, bk) && Q(b).precision == 0 &&
            (Q(b).dimension == "scalar" || Q(b).dimension.rfind("count:", 0) == 0))
          break;
        x = q; xk = m;
        break;
      }
    }
    if (x < 0) {
      // Backward: "đạt 45% (3238/7195)", "đạt 100% kế hoạch (đạt 700/700 người)".
      size_t m = k;
      if (word(m - 1, "dat")) --m;
      if (is(m - 1, TokKind::Open)) {
        for (size_t p = m - 1; p > first && p + 8 > m; --p) {
          int q = qty(p - 1);
          if (q >= 0 && pct(q) && !stated_used[q]) { x = q; xk = p - 1; break; }
        }
      }
      if (x < 0) continue;
      Claim& c = add(ClaimKind::Ratio, xk, after_b - 1, x, Template::PctParenAB);
      operand(c, "numerator", a);
      operand(c, "denominator", b);
      continue;
    }
    // "đạt 5.600/5.000 tỷ đồng, vượt 12% dự toán": the percent is how far A is above B.
    const bool over = word(xk - 1, "vuot") || (word(xk - 1, "muc") && word(xk - 2, "vuot"));
    Claim& c = add(ClaimKind::Ratio, k, xk + 1 < last ? xk + 1 : xk, x, over ? Template::ABVuotPct : Template::ABPct);
    operand(c, "numerator", a);
    operand(c, "denominator", b);
  }
}

// "17/139 xã (chiếm 12,2% tổng số xã trên toàn tỉnh)": the whole after "tổng (số)" at t is B's
// own noun (its unit, and the word after it if B has one), not "tổng số hộ dân" after "411 hộ nghèo".
// The words right after a percent (at n) name a whole of their own: a content word that is
// neither B's noun (the unit after B at bk), a plan word, a comparison nor a function word.
bool Reader::names_other_whole(size_t n, size_t bk) const {
  if (!is(n, TokKind::Word) || tok(n).unit_part) return false;
  const std::string& f = tok(n).fold;
  if (lexicon::is_function_word(f) || f == "so" || f == "tong" || f == "tro" || f == "ty" || f == "tuong" || f == "dat")
    return false;
  // (The plan B is: "70/80 buổi, đạt 87% kế hoạch", "đạt 35% dự toán", "đạt 96% KH".)
  if (plan_word_at(n)) return false;
  if (is(bk + 1, TokKind::Word) && tok(bk + 1).fold == f) return false;
  return true;
}

bool Reader::names_denominator(size_t t, size_t bk) const {
  size_t w = t + 1;
  if (word(w, "so")) ++w;
  const size_t u = bk + 1;
  if (!is(u, TokKind::Word) || !tok(u).unit_part || !word(w, tok(u).fold)) return false;
  static const std::set<std::string> place = {"tren", "toan", "dia", "cua", "ca", "tai", "trong"};
  if (!is(w + 1, TokKind::Word) || place.count(tok(w + 1).fold)) return true;
  return is(u + 1, TokKind::Word) && tok(u + 1).fold == tok(w + 1).fold;
}

// "… là thuế bảo vệ môi trường đạt 72,5%", "… tăng giá, nhóm giao thông tăng cao nhất …", "…
// đạt tiến độ (16,7%)": the words between name one item or what the items did.
bool Reader::names_one_item_between(size_t from, size_t to) const {
  for (size_t m = from; m < to; ++m)
    if (word(m, "la") || change_verb(m) || phrase(m, {"tien", "do"}) || phrase(m, {"cao", "nhat"}))
      return true;
  return false;
}

// "Dư nợ chính quyền địa phương là 356 tỷ đồng, bằng 5,3% mức dư nợ tối đa được phép vay (6.720
// tỷ đồng)", "thu nhập bình quân 45 triệu đồng, bằng 62% mức bình quân cả nước (72,6 triệu đồng)":
// A against a whole named after the percent and stated in parentheses. Not a plan (percent of
// plan), not a comparison with another period (an index), and nothing but words between.
void Reader::ratio_of_named_whole() {
  auto not_whole = [&](size_t m) {
    return comparison_at(m) || phrase(m, {"ke", "hoach"}) || word(m, "kh") ||
           phrase(m, {"du", "toan"}) || phrase(m, {"chi", "tieu"}) || phrase(m, {"muc", "tieu"}) ||
           phrase(m, {"nam", "truoc"}) || phrase(m, {"ky", "truoc"}) || word(m, "lan") || word(m, "tang") ||
           word(m, "giam") || word(m, "giao") || word(m, "dat");
  };
  for (size_t k = next_figure(first + 1); k < last; k = next_figure(k + 1)) {
    int x = qty(k);
    if (x < 0 || !pct(x) || stated_used[x] || !word(k - 1, "bang")) continue;
    const size_t words_from = end_of_quantity(k);
    size_t m = words_from;
    bool ok = true;
    for (; m < last && m < words_from + kPhraseWords && is(m, TokKind::Word) && ok; ++m) ok = !not_whole(m);
    if (!ok || m < words_from + 2 || !is(m, TokKind::Open)) continue;
    int whole = qty(m + 1);
    if (whole < 0 || pct(whole) || !is(end_of_quantity(m + 1), TokKind::Close)) continue;
    // A: the nearest level before the percent in its clause, in the whole's unit — not a change
    // ("giảm 44 tỷ đồng") nor a figure in an aside ("(đầu năm 400 tỷ đồng)").
    int a = -1;
    size_t ak = kNone;
    int depth = 0;
    for (size_t b = k, cs = clause_start(k); b > cs; --b) {
      if (is(b - 1, TokKind::Close)) ++depth;
      if (is(b - 1, TokKind::Open) && depth > 0) --depth;
      int q = qty(b - 1);
      if (q < 0 || pct(q) || depth > 0) continue;
      if (change_verb(b - 2) || change_verb(b - 3)) continue;
      if (compatible(q, whole)) { a = q; ak = b - 1; }
      break;
    }
    if (a < 0 || ab_side(ak) != 0) continue;
    Claim& c = add(ClaimKind::Ratio, ak, end_of_quantity(m + 1), x, Template::ABangPctOfNamedWhole);
    operand(c, "numerator", a);
    operand(c, "denominator", whole);
  }
}

}  // namespace doisoat::grammar
