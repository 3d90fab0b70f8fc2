// The constructions not yet moved to a file of their own.
#include "claims/reader.h"

namespace doisoat::grammar {

// part / whole reproduces the stated percent within its display precision (a rough test, used
// only to choose between two wholes the text makes equally likely).
bool Reader::share_fits(int part, int whole, int x) const {
  double w = Q(whole).value.to_double() * Q(whole).factor;
  if (w == 0) return false;
  double r = 100.0 * Q(part).value.to_double() * Q(part).factor / w;
  return std::fabs(r - Q(x).value.to_double()) <= 0.5 * std::pow(10.0, -Q(x).precision) + 1e-9;
}

// "Tổng số hộ dân trên địa bàn: 13.234 hộ, … Tổng số hộ nghèo: 1.792 hộ, tỷ lệ 13,54%": the base of
// a rate is the population stated as "tổng số …" a few lines before, in the part's unit. Walking
// back from the part, the sibling rates' parts ("…: 851 hộ, tỷ lệ 6,43%") and changes ("giảm …
// là 04 hộ") are stepped over; any other figure of that unit makes the base unclear.
bool Reader::tong_so_before(size_t k) const {
  for (size_t d = 1; d <= 10 && k >= d + 1 && tok_sentence[k - d] == tok_sentence[k]; ++d) {
    const Token& t = nr.tokens[k - d];
    if (t.kind == TokKind::Number && t.quantity >= 0) return false;
    if (t.kind == TokKind::Word && t.fold == "so" && nr.tokens[k - d - 1].kind == TokKind::Word &&
        nr.tokens[k - d - 1].fold == "tong")
      return true;
  }
  return false;
}

bool Reader::change_before(size_t k) const {
  for (size_t d = 1; d <= 16 && k >= d && tok_sentence[k - d] == tok_sentence[k]; ++d) {
    const Token& t = nr.tokens[k - d];
    if (t.kind == TokKind::Number && t.quantity >= 0 && Q(t.quantity).unit != "%") return false;
    if (t.kind == TokKind::Word && (t.fold == "giam" || t.fold == "tang")) return true;
  }
  return false;
}

int Reader::population_base(size_t pk, int part, size_t lo) const {
  if (!tong_so_before(pk) || Q(part).dimension.rfind("count:", 0) != 0) return -1;
  for (size_t m = pk; m > lo && m + 4 * kReach > pk; --m) {
    const Token& t = nr.tokens[m - 1];
    int q = t.kind == TokKind::Number ? t.quantity : -1;
    if (q < 0 || Q(q).dimension != Q(part).dimension) continue;
    size_t e = m;  // one past the figure and its unit
    while (e < nr.tokens.size() && nr.tokens[e].unit_part) ++e;
    if (e < nr.tokens.size() && nr.tokens[e].kind == TokKind::Punct && nr.tokens[e].fold == ",") ++e;
    bool sibling = e + 1 < nr.tokens.size() && ((nr.tokens[e].fold == "ty" && nr.tokens[e + 1].fold == "le") ||
                                                nr.tokens[e].fold == "chiem");
    if (sibling || change_before(m - 1)) continue;
    if (!tong_so_before(m - 1)) return -1;
    if (Q(q).value.to_double() * Q(q).factor <= Q(part).value.to_double() * Q(part).factor) return -1;
    return q;
  }
  return -1;
}

// "Tổng số hộ nghèo: 1.792 hộ, tỷ lệ 13,54% giảm so với … là 333 hộ (2,51%)": after a rate of a
// population, the change of its count with a percent in parentheses is the change of the rate in
// points; the earlier rate is (part ± change) / (total ± the total's own change, stated after
// the total: "Tổng số hộ dân: 13.234 hộ, giảm so với … là 04 hộ").
void Reader::rate_change_after(size_t after, int part, int total, size_t lo) {
  size_t m = after;
  if (punct(m, ",")) ++m;
  const bool down = word(m, "giam");
  if (!down && !word(m, "tang")) return;
  size_t nk = kNone;
  for (size_t n = m + 1; n < last && n < m + 16 && same_sentence(n, m); ++n) {
    if (punct(n, ";") || punct(n, ",") || is(n, TokKind::Open)) return;
    if (qty(n) >= 0) { nk = n; break; }
  }
  if (nk == kNone || pct(qty(nk)) || Q(qty(nk)).dimension != Q(part).dimension) return;
  size_t open = end_of_quantity(nk);
  if (!is(open, TokKind::Open) || !pct(qty(open + 1)) || !is(end_of_quantity(open + 1), TokKind::Close)) return;
  const int stated = qty(open + 1);
  if (stated_used[stated]) return;
  // The total's own change, in its sentence right after it.
  size_t tk = kNone;
  for (size_t n = after; n > lo && n + 4 * kReach > after; --n)
    if (qty(n - 1) == total || (nr.tokens[n - 1].kind == TokKind::Number && nr.tokens[n - 1].quantity == total)) { tk = n - 1; break; }
  if (tk == kNone) return;
  int total_change = -1;
  bool total_down = false;
  size_t te = tk + 1;
  while (te < nr.tokens.size() && nr.tokens[te].unit_part) ++te;
  for (size_t n = te; n < nr.tokens.size() && n < te + 16 && tok_sentence[n] == tok_sentence[tk]; ++n) {
    const Token& t = nr.tokens[n];
    if (t.kind == TokKind::Word && (t.fold == "giam" || t.fold == "tang")) total_down = t.fold == "giam";
    if (t.kind != TokKind::Number || t.quantity < 0) continue;
    if (Q(t.quantity).dimension == Q(total).dimension && change_before(n)) total_change = t.quantity;
    break;
  }
  Claim& c = add(ClaimKind::PpDifference, nk, end_of_quantity(open + 1), stated, "count-change-rate-points");
  c.decrease = down;
  operand(c, "part", part);
  operand(c, "total", total);
  operand(c, "part_change", qty(nk));
  if (total_change >= 0) operand(c, total_down ? "total_change_down" : "total_change_up", total_change);
}

// "A, chiếm X% (tổng B)" / "A, tỷ lệ X%": B is the nearest earlier total of that dimension.
void Reader::shares(size_t block_index) {
  const size_t before = out.claims.size();
  read_shares(block_index);
  // A whole found by position is confirmed when another share of it fits ("846,5 tỷ đồng, chủ
  // yếu là lưu trú 512,8 tỷ đồng, chiếm 60,6%; lữ hành 93,1 tỷ đồng, chiếm 13%": 512,8/846,5 is
  // 60,6%, so 846,5 is the whole of the list and 13% a real slip).
  std::set<uint32_t> confirmed;
  for (size_t i = before; i < out.claims.size(); ++i) {
    const Claim& c = out.claims[i];
    if (c.kind == ClaimKind::Share && c.operands.size() == 2 &&
        share_fits(int(c.operands[0].quantity), int(c.operands[1].quantity), int(c.stated)))
      confirmed.insert(c.operands[1].quantity);
  }
  for (size_t i = before; i < out.claims.size(); ++i) {
    Claim& c = out.claims[i];
    if (c.kind == ClaimKind::Share && c.inferred && c.operands.size() == 2 && confirmed.count(c.operands[1].quantity))
      c.inferred = false;
  }
}

void Reader::read_shares(size_t block_index) {
  for (size_t k = first; k < last; ++k) {
    int x = qty(k);
    if (x < 0 || !pct(x) || stated_used[x]) continue;
    bool chiem = word(k - 1, "chiem");
    bool ty_le = word(k - 1, "le") && word(k - 2, "ty");
    if (!chiem && !ty_le) continue;
    const bool is_rate_share = chiem;
    size_t cs = clause_start(k);
    int part = -1;
    size_t pk = kNone;
    bool threshold = false;
    for (size_t m = k; m > cs && m + 16 > k; --m) {
      int q = qty(m - 1);
      // "506,91 tỷ USD, tăng 9,3% tương ứng tăng 43,30 tỷ USD … và chiếm 69,41%": the level, not its change
      if (q >= 0 && !pct(q) && is_change(m - 1)) continue;
      if (q >= 0 && !pct(q) && Q(q).dimension != "rate") {
        // "1.623 doanh nghiệp có vốn dưới 10 tỷ đồng (chiếm 94,1%)": a class bound, not the part
        threshold = word(m - 2, "tren") || word(m - 2, "duoi");
        part = q; pk = m - 1; break;
      }
    }
    if (part < 0 || threshold) continue;
    size_t lo = nr.block_first[block_index >= 1 ? block_index - 1 : 0];
    const size_t lo_section = nr.block_first[block_index >= 4 ? block_index - 4 : 0];
    int total = -1;
    int total_tong = -1;
    for (size_t m = pk; m > lo; --m) {
      const Token& t = nr.tokens[m - 1];
      int q = t.kind == TokKind::Number ? t.quantity : -1;
      if (q < 0 || q == part || pct(q) || Q(q).dimension != Q(part).dimension || Q(q).dimension == "scalar") continue;
      if (!same_sentence(m - 1, pk) && !is_rate_share) continue;
      if (Q(q).value.to_double() * Q(q).factor <= Q(part).value.to_double() * Q(part).factor) continue;
      if (total < 0) total = q;
      for (size_t d = 2; d <= 8 && m >= lo + d; ++d)
        if (nr.tokens[m - d].kind == TokKind::Word && nr.tokens[m - d].fold == "tong") { total_tong = q; break; }
      if (total_tong >= 0) break;
    }
    // "chiếm X% (trong) tổng dư nợ": the total is the figure announced as "tổng dư nợ".
    size_t after = end_of_quantity(k);
    std::vector<std::string> noun;
    bool noun_is_all = false;  // nothing after the noun: "chiếm 54,5% tổng vốn."
    for (size_t m = after; m < after + 3; ++m) {
      if (!word(m, "tong")) continue;
      size_t w = m + 1;
      for (; w < m + 3 && is(w, TokKind::Word); ++w) noun.push_back(tok(w).fold);
      noun_is_all = !is(w, TokKind::Word);
      break;
    }
    // "chiếm 44% tổng diện tích cả nước", "… tổng thu ngân sách tại đơn vị": a whole of another
    // scope than the figures around; unless the candidate whole names that scope too, no claim.
    const std::vector<std::string> scope = scope_after(after);
    int chosen = -1;
    // "tổng vốn đăng ký 9.871,8 tỷ đồng, chiếm 54,5% tổng vốn": the part is announced by the words
    // that name the whole, so they do not single out another figure as the whole.
    // (Only in the part's own clause, and when the whole's name adds nothing: "tổng số lượt khám
    // …, chiếm 22,9% tổng số lượt khám toàn tỉnh" names a wider whole.)
    if (!noun.empty() && noun_is_all) {
      bool part_named_so = false;
      for (size_t d = 1; d <= 10 && pk >= first + d && !part_named_so; ++d) {
        if (qty(pk - d) >= 0 || punct(pk - d, ";") || is(pk - d, TokKind::Percent)) break;
        if (word(pk - d, "tong") && word(pk - d + 1, noun[0])) part_named_so = true;
      }
      if (part_named_so) continue;
    }
    // "chiếm 60% tổng dư nợ 2.500 tỷ đồng": the total right after.
    for (size_t m = after; m < after + 22 && m < last && !noun.empty(); ++m) {
      if (punct(m, ";") || punct(m, ".")) break;
      int q = qty(m);
      if (q < 0) continue;
      if (!pct(q) && Q(q).dimension == Q(part).dimension) chosen = q;
      break;
    }
    if (chosen < 0 && !noun.empty()) {
      const size_t lo = lo_section;
      for (size_t m = pk; m > lo && chosen < 0; --m) {
        const Token& t = nr.tokens[m - 1];
        int q = t.kind == TokKind::Number ? t.quantity : -1;
        if (q < 0 || q == part || pct(q) || Q(q).dimension != Q(part).dimension) continue;
        if (has_own_share(m - 1)) continue;  // a sibling with its own share
        for (size_t d = 2; d <= 18 && m >= lo + d && chosen < 0; ++d) {
          const Token& w0 = nr.tokens[m - d];
          if (w0.kind == TokKind::Number && w0.quantity >= 0) break;  // another figure between
          if (w0.kind == TokKind::Punct && (w0.fold == "." || w0.fold == ";")) break;  // another sentence
          if (w0.kind != TokKind::Word || w0.fold != "tong") continue;
          // "…, chiếm 13,55% tổng mức. Doanh thu … 0,4 tỷ đồng": that "tổng" names a share's
          // whole, it does not announce the figure after it.
          if (m - d > first && nr.tokens[m - d - 1].kind == TokKind::Percent) break;
          bool same = true;
          for (size_t i = 0; i < noun.size() && same; ++i) {
            size_t at = m - d + 1 + i;
            same = at < m - 1 && nr.tokens[at].kind == TokKind::Word && nr.tokens[at].fold == noun[i];
          }
          if (same) chosen = q;
        }
      }
      // "Dư nợ tín dụng … đạt 38.600 tỷ đồng, …; nợ xấu 386 tỷ đồng, chiếm 1,0% tổng dư nợ": the
      // whole named without "tổng", earlier in the same sentence, larger than the part.
      for (size_t m = pk; m > first && m + kReach > pk && chosen < 0 && same_sentence(m - 1, pk); --m) {
        int q = qty(m - 1);
        if (q < 0 || q == part || pct(q) || Q(q).dimension != Q(part).dimension) continue;
        if (Q(q).value.to_double() * Q(q).factor <= Q(part).value.to_double() * Q(part).factor) continue;
        for (size_t d = 2; d <= 12 && m >= first + d && chosen < 0; ++d) {
          const Token& w0 = nr.tokens[m - d];
          if (w0.kind == TokKind::Number && w0.quantity >= 0) break;
          if (w0.kind == TokKind::Punct && (w0.fold == ";" || w0.fold == ".")) break;
          bool same = true;
          for (size_t i = 0; i < noun.size() && same; ++i) {
            size_t at = m - d + i;
            same = at < m - 1 && nr.tokens[at].kind == TokKind::Word && nr.tokens[at].fold == noun[i];
          }
          if (same) chosen = q;
        }
      }
    } else if (chiem && total_tong >= 0 && same_sentence(pk, k)) {
      chosen = total_tong;
      // The announced total must be in the same sentence as the part.
      bool near_total = false;
      for (size_t m = clause_start(pk); m < pk; ++m) if (qty(m) == chosen) near_total = true;
      for (size_t m = pk; m > first && m + kReach > pk && !near_total && same_sentence(m - 1, pk); --m) if (qty(m - 1) == chosen) near_total = true;
      if (!near_total) chosen = -1;
    }
    int item_skipped = -1;
    bool by_position = false;  // the whole is only the nearest larger figure: nothing names it
    if (chosen < 0 && chiem && noun.empty()) {
      // "… 1.620 lượt cơ sở; số lượt cơ sở chấp hành tốt … là 1.360 lượt cơ sở, chiếm 84,0%": the
      // whole is the nearest larger figure of the same unit in an earlier clause of this or the
      // previous sentence, unless that figure is itself the part of a share ("tiêm 2 mũi chiếm …").
      const size_t cs = clause_start(pk);
      const uint32_t min_sentence = tok_sentence[pk] > 0 ? tok_sentence[pk] - 1 : 0;
      bool trong_do_between = false;  // in the part's own clause: "15.600 …, trong đó … 2.340 …, chiếm 18%"
      for (size_t m = pk; m > first && chosen < 0 && tok_sentence[m - 1] >= min_sentence; --m) {
        // ("trong đó", "chủ yếu là", "gồm": the whole heads a list the part is in)
        if (phrase(m - 1, {"trong", "do"}) ||
            ((phrase(m - 1, {"chu", "yeu"}) || word(m - 1, "gom")) && same_sentence(m - 1, pk)))
          trong_do_between = true;
        if (m - 1 >= cs && !trong_do_between) continue;
        int q = qty(m - 1);
        if (q < 0 || pct(q) || Q(q).dimension != Q(part).dimension || Q(q).dimension == "scalar") continue;
        if (Q(q).value.to_double() * Q(q).factor <= Q(part).value.to_double() * Q(part).factor) continue;
        const bool is_share_part = has_own_share(m - 1);
        if (is_share_part || ab_side(m - 1) == 2 || earlier_period_value(m - 1) || plan_word_before(m - 1, 4)) continue;
        if (is_item[q]) {
          // "650.120 người, trong đó nam 322.410, nữ 327.710; thành thị 205.300, chiếm 31,6%":
          // an item of another breakdown is the whole only when the breakdown's total is not.
          if (item_skipped < 0) item_skipped = q;
          continue;
        }
        chosen = q;
        by_position = !trong_do_between;
      }
      // (when neither fits, the whole stays the figure found: no item is a whole just for lack of a better one)
      if (item_skipped >= 0 && (chosen < 0 || (!share_fits(part, chosen, x) && share_fits(part, item_skipped, x)))) {
        chosen = item_skipped;
        by_position = true;
      }
    }
    if (chiem && noun.empty()) {
      // "512.400 tấn, chiếm 93,9% sản lượng nuôi trồng": the whole is the figure named so, or none.
      const std::vector<std::string> named = named_whole_after(after);
      if (named.size() >= 2) {
        chosen = figure_named(pk, part, named);
        if (chosen < 0) continue;
        by_position = false;
      }
    }
    bool linked_total = false;
    if (chosen < 0 && ty_le) {
      linked_total = true;
      // "570 việc, trong đó có 175 bản sao …, đạt tỷ lệ 30,7%": the figure before "trong đó".
      for (size_t m = pk; m > first && m + 12 > pk && chosen < 0; --m) {
        if (!phrase(m - 1, {"trong", "do"})) continue;
        for (size_t b = m - 1; b > first && b + 6 > m; --b) {
          int q = qty(b - 1);
          if (q >= 0 && !pct(q)) { chosen = q; break; }
        }
      }
    }
    bool population_total = false;
    if (chosen < 0 && ty_le) {
      chosen = population_base(pk, part, lo_section);
      population_total = chosen >= 0;
    }
    if (chosen < 0) continue;
    // A whole no larger than its part is no whole of it (unless the text says over 100 %).
    if (Q(x).value.to_double() < 100 &&
        Q(chosen).value.to_double() * Q(chosen).factor <= Q(part).value.to_double() * Q(part).factor)
      continue;
    if (!scope.empty() && !names_scope(token_of[chosen], scope)) continue;
    if (ty_le && !population_total) {
      // "570 việc, trong đó có 175 …, đạt tỷ lệ 30,7%": only a part of a stated total.
      bool linked = false;
      for (size_t m = pk; m > first && m + 10 > pk; --m) if (phrase(m - 1, {"trong", "do"})) linked = true;
      if (!linked) continue;
    }
    Claim& c = add(ClaimKind::Share, pk, after - 1, x,
                   population_total ? "part-of-population-total" : linked_total ? "part-of-linked-total" : "part-chiem-pct");
    operand(c, "part", part);
    operand(c, "total", chosen);
    c.inferred = by_position;
    if (population_total) rate_change_after(after, part, chosen, lo_section);
  }
}

// The scope words after a share's named whole: "(tổng …) cả nước", "toàn quốc", "trong nước",
// "tại đơn vị", "của cả nước", "chung". Empty when none.
std::vector<std::string> Reader::scope_after(size_t after) const {
  std::vector<std::string> s;
  for (size_t m = after; m < last && m < after + 10 && is(m, TokKind::Word); ++m) {
    if (phrase(m, {"ca", "nuoc"})) return {"ca", "nuoc"};
    if (phrase(m, {"toan", "quoc"})) return {"toan", "quoc"};
    if (phrase(m, {"trong", "nuoc"})) return {"trong", "nuoc"};
    if (phrase(m, {"tai", "don", "vi"})) return {"don", "vi"};
    if (word(m, "chung") && !word(m - 1, "noi")) return {"chung"};
  }
  return s;
}

// The scope words stand within the twelve words before the figure at k or the six after it.
bool Reader::names_scope(size_t k, const std::vector<std::string>& scope) const {
  std::string around = " ";
  for (size_t m = k > 12 ? k - 12 : 0; m < nr.tokens.size() && m < k + 8; ++m)
    if (nr.tokens[m].kind == TokKind::Word) around += nr.tokens[m].fold + " ";
  std::string want = " ";
  for (const auto& w : scope) want += w + " ";
  return around.find(want) != std::string::npos;
}

// "1.530 doanh nghiệp quy mô nhỏ, chiếm 92,3%": a figure whose own clause goes on to its share
// is a part of the list, never the whole of a sibling's share.
bool Reader::has_own_share(size_t k) const {
  for (size_t m = end_of_quantity(k); m < last && m < k + 16; ++m) {
    if (punct(m, ";") || punct(m, ".") || is(m, TokKind::Open)) return false;
    if (qty(m) >= 0)
      return pct(qty(m)) && (word(m - 1, "chiem") || phrase(m - 2, {"tuong", "duong"}) || phrase(m - 2, {"ty", "trong"}));
  }
  return false;
}

// The words naming the whole after "chiếm X%" ("sản lượng nuôi trồng", "số doanh nghiệp kinh
// doanh vận tải"), up to a joining word; empty when "tổng" or nothing names it.
std::vector<std::string> Reader::named_whole_after(size_t after) const {
  static const std::set<std::string> end = {"va", "cua", "tai", "o", "voi", "nam", "ke", "cung", "theo", "trong", "tren",
                                            "tong", "dat", "tang", "giam", "con", "la", "thi"};
  std::vector<std::string> w;
  for (size_t m = after; m < last && m < after + 6 && is(m, TokKind::Word); ++m) {
    const std::string& f = tok(m).fold;
    if (end.count(f) || (f == "so" && word(m + 1, "voi"))) break;
    if (w.empty() && (f == "so" || f == "cac")) continue;
    if (f == "toan" || f == "tinh" || f == "huyen" || f == "thanh" || f == "pho" || f == "dia" || f == "ban") continue;
    w.push_back(f);
  }
  // "chiếm 45,2% cơ cấu kinh tế", "chiếm 12% GRDP": the economy as a whole, not a named figure.
  if (!w.empty() && (w[0] == "grdp" || (w[0] == "co" && w.size() > 1 && w[1] == "cau"))) w.clear();
  return w;
}

// The nearest earlier figure of the part's unit, larger than it, in this or the sentence before,
// with every one of the words around it (ten before, six after). -1 if none.
int Reader::figure_named(size_t pk, int part, const std::vector<std::string>& named) const {
  const uint32_t s = tok_sentence[pk];
  for (size_t m = pk; m > first && m + kReach > pk && tok_sentence[m - 1] + 1 >= s; --m) {
    int q = qty(m - 1);
    if (q < 0 || q == part || pct(q) || Q(q).dimension != Q(part).dimension) continue;
    if (Q(q).value.to_double() * Q(q).factor <= Q(part).value.to_double() * Q(part).factor) continue;
    std::set<std::string> around;
    const size_t k = m - 1;
    for (size_t w = k; w > first && w + 10 > k && tok_sentence[w - 1] == tok_sentence[k]; --w)
      if (is(w - 1, TokKind::Word)) around.insert(tok(w - 1).fold);
    for (size_t w = k + 1; w < last && w < k + 7 && tok_sentence[w] == tok_sentence[k]; ++w)
      if (is(w, TokKind::Word)) around.insert(tok(w).fold);
    bool all = true;
    for (size_t i = 0; i < named.size() && i < 4 && all; ++i) all = around.count(named[i]) > 0;
    if (all) return q;
  }
  return -1;
}

// A figure stated as the value of the period compared with: "(cùng kỳ 1.050 ca)", "so với năm
// trước 41.980 lượt": the comparison words right before it, no comma between. Never the whole of
// a share of the current period.
bool Reader::earlier_period_value(size_t k) const {
  for (size_t m = k; m > first && m + 6 > k; --m) {
    const size_t w = m - 1;
    if (is(w, TokKind::Number) || punct(w, ";") || punct(w, ".") || punct(w, ",") || is(w, TokKind::Close)) return false;
    if (phrase(w, {"cung", "ky"}) || phrase(w, {"so", "voi"}) ||
        ((word(w, "nam") || word(w, "ky") || word(w, "thang") || word(w, "quy")) && word(w + 1, "truoc")))
      return true;
    if (is(w, TokKind::Open)) return false;
  }
  return false;
}

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
  for (size_t n = 0; n < 8 && m < last; ++n, ++m) {
    if (phrase(m, {"so", "voi"}) || word(m, "ky") || word(m, "truoc")) compared = true;
    if (is(m, TokKind::Open)) break;
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
    if (pct(q) != pct(like) || !compatible(q, like) || is_change(p)) return -1;  // "(tương ứng tăng 5,01 tỷ USD)"
    // "(… đạt 31.377 tỷ đồng, tăng 3,3%, …)": a figure with its own rate is another level
    const size_t e = end_of_quantity(p);
    if (punct(e, ",") && (word(e + 1, "tang") || word(e + 1, "giam"))) return -1;
    return q;
  }
  return -1;
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
      if (phrase(y - d, {"so", "voi"}) || phrase(y - d, {"cung", "ky"})) { y_prev.clear(); break; }
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
    if (word(at - 1, "tang") || word(at - 1, "giam") || word(at - 1, "hon")) continue;  // a change itself
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

void Reader::changes() {
  for (size_t k = first; k < last; ++k) {
    int n = qty(k);
    if (n < 0) continue;
    // "tăng (hơn)", "cao hơn", "nhiều hơn" / "giảm (hơn)", "thấp hơn", "ít hơn"
    bool up = word(k - 1, "tang") ||
              (word(k - 1, "hon") && (word(k - 2, "tang") || word(k - 2, "cao") || word(k - 2, "nhieu")));
    bool down = word(k - 1, "giam") ||
                (word(k - 1, "hon") && (word(k - 2, "giam") || word(k - 2, "thap") || word(k - 2, "it")));
    bool index = word(k - 1, "bang") && pct(n) &&
                 (phrase(end_of_quantity(k), {"so", "voi"}) || phrase(end_of_quantity(k), {"cung", "ky"}));
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
        if (pct(q) && (word(m - 2, "tang") || word(m - 2, "giam"))) continue;  // another rate of the level
        if (!pct(q) && plan_word_before(m - 1, 4)) continue;  // "(KH 8.600 tấn), tăng 3,1%": not the level
        if (pct(q) && plan_word_after(end_of_quantity(m - 1))) continue;  // "vượt 4,2% kế hoạch"
        cur = q; ck = m - 1; break;
      }
      if (cur < 0) continue;
      // "Tỷ lệ … đạt 72,8%, tăng 0,4% so với năm trước (72,4%)": a rate against a rate is
      // checked too (percent-vs-points tells % from points).
      int ear = earlier_in_parens(end_of_quantity(k), cur);
      if (ear < 0 && !pct(cur) && !index) ear = earlier_in_previous_sentence(cur, ck, /*years_only=*/true);
      if (ear < 0) continue;
      Claim& c = add(ClaimKind::Growth, ck, end_of_quantity(k) - 1, n, index ? "value-index-earlier" : "value-rate-earlier");
      c.decrease = down;
      operand(c, "current", cur);
      operand(c, "earlier", ear);
      operand(c, index ? "index" : "rate", n);
      continue;
    }
    if (index) continue;
    if (!pct(n) && Q(n).dimension != "pp") {
      // "Số hộ nghèo giảm 1.250 hộ, từ 8.420 hộ xuống còn 7.170 hộ": both levels follow.
      size_t m = end_of_quantity(k);
      if (punct(m, ",") || is(m, TokKind::Open)) ++m;
      int from = word(m, "tu") ? qty(m + 1) : -1;
      if (from >= 0 && !pct(from) && compatible(from, n)) {
        size_t t = end_of_quantity(m + 1);
        if (word(t, "xuong") || word(t, "len")) {
          ++t;
          while (t < last && t < m + 12 && (word(t, "con") || word(t, "muc") || word(t, "den"))) ++t;
          int to = qty(t);
          if (to >= 0 && !pct(to) && compatible(to, n)) {
            Claim& c = add(ClaimKind::AbsChange, k, end_of_quantity(t) - 1, n, "change-from-to");
            c.decrease = down;
            operand(c, "current", to);
            operand(c, "earlier", from);
            operand(c, "change", n);
            continue;
          }
        }
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
      if (word(m - 2, "tang") || word(m - 2, "giam") || (word(m - 2, "hon") && (word(m - 3, "tang") || word(m - 3, "giam"))))
        continue;
      // "1.250 tỷ đồng, bằng 62,5% dự toán (2.000 tỷ đồng), tăng 150 tỷ đồng …": the plan is no level.
      if (!in_points && !pct(q) && is(m - 2, TokKind::Open) && plan_word_before(m - 1, 4)) continue;
      if (in_points ? pct(q) : (!pct(q) && compatible(q, n))) { cur = q; ck = m - 1; break; }
    }
    if (Q(n).dimension == "pp") {
      if (cur < 0 || !pct(cur)) continue;
      // The earlier rate: a percent later in the same sentence, in parentheses or after "so với".
      int earlier = -1;
      // "giảm từ 12,45% xuống còn 9,8% (giảm 2,65 điểm phần trăm)": the rate it moved from.
      {
        size_t b = ck;
        while (b > first && b + 4 > ck && is(b - 1, TokKind::Word) &&
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
      Claim& c = add(ClaimKind::PpDifference, ck, end_of_quantity(k) - 1, n, "rate-change-pp");
      c.decrease = down;
      operand(c, "current", cur);
      operand(c, "earlier", earlier);
      operand(c, "change", n);
      continue;
    }
    if (cur < 0 && !pct(n)) {
      // "Tai nạn giao thông xảy ra 86 vụ, làm chết 52 người; so với cùng kỳ giảm 9 vụ (cùng kỳ
      // 95 vụ)": the current value in an earlier clause of the sentence, when the earlier value
      // is stated right after the change.
      bool compared_before = false;
      for (size_t m = k >= 6 ? k - 6 : 0; m + 1 < k; ++m)
        if (phrase(m, {"so", "voi"}) || phrase(m, {"cung", "ky"})) compared_before = true;
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
      if ((word(m, "tang") || word(m, "giam")) && qty(m + 1) >= 0 && pct(qty(m + 1))) {
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
      Claim& c = add(ClaimKind::AbsChange, ck, after - 1, n, "value-change-earlier");
      c.decrease = down;
      operand(c, "current", cur);
      operand(c, "earlier", ear);
      operand(c, "change", n);
      // "…, tăng 412 tỷ đồng so với cùng kỳ (cùng kỳ 4.683 tỷ đồng), tăng 8,8%": the rate of the
      // same change, right after the earlier value, in the same direction.
      size_t close = token_of[ear];
      while (close < last && !is(close, TokKind::Close)) ++close;
      size_t r = close + 1;
      if (close < last && (punct(r, ",") || is(r, TokKind::Open))) ++r;
      if (close < last && same_sentence(r, k) && (down ? word(r, "giam") : word(r, "tang")) && qty(r + 1) >= 0 &&
          pct(qty(r + 1)) && !stated_used[qty(r + 1)]) {
        const int x = qty(r + 1);
        Claim& g = add(ClaimKind::Growth, ck, end_of_quantity(r + 1) - 1, x, "value-earlier-rate");
        g.decrease = down;
        operand(g, "current", cur);
        operand(g, "earlier", ear);
        operand(g, "rate", x);
      }
      continue;
    }
    // "(tăng X%)" right after the change (also across a comma or a line break).
    size_t m = after;
    if (is(m, TokKind::Open) || punct(m, ",")) ++m;
    if (word(m, "tang") || word(m, "giam")) {
      int x = qty(m + 1);
      if (x >= 0 && pct(x)) {
        Claim& c = add(ClaimKind::Growth, ck, end_of_quantity(m + 1) - 1, x, "value-change-rate");
        c.decrease = down;
        operand(c, "current", cur);
        operand(c, "change", n);
        operand(c, "rate", x);
        continue;
      }
    }
    if (int ear = earlier_in_previous_sentence(cur, ck); ear >= 0) {
      Claim& c = add(ClaimKind::AbsChange, ck, after - 1, n, "value-change-earlier-sentence");
      c.decrease = down;
      operand(c, "current", cur);
      operand(c, "earlier", ear);
      operand(c, "change", n);
    }
  }
}

// Cells of a table row: tab-separated or Markdown pipes. Returns token ranges per cell.
std::vector<std::pair<size_t, size_t>> Reader::cells_of(size_t bi) {
  std::vector<std::pair<size_t, size_t>> cells;
  const Block& b = doc.blocks[bi];
  if (b.kind == BlockKind::TableRow && !b.cell_spans.empty()) {
    // The text layer's cells keep the empty ones ("7⇥Tổng đàn…⇥⇥311.350"), so columns line up.
    size_t lo = nr.block_first[bi], hi = nr.block_last[bi];
    size_t m = lo;
    for (const Span& c : b.cell_spans) {
      while (m < hi && nr.tokens[m].span.begin < c.begin) ++m;
      size_t a = m;
      while (m < hi && nr.tokens[m].span.begin < c.end) ++m;
      cells.emplace_back(a, m);
    }
    return cells;
  }
  std::string_view t = doc.slice(b.span);
  char sep = t.find('\t') != std::string_view::npos ? '\t' : '|';
  if (std::count(t.begin(), t.end(), sep) < 2) return cells;
  size_t lo = nr.block_first[bi], hi = nr.block_last[bi];
  size_t m = lo;
  for (size_t i = 0; i <= t.size(); ++i) {
    if (i < t.size() && t[i] != sep) continue;
    uint32_t cell_end = b.span.begin + static_cast<uint32_t>(i);
    size_t a = m;
    while (m < hi && nr.tokens[m].span.begin < cell_end) ++m;
    if (!(sep == '|' && nr.tokens.size() > a && a < hi && nr.tokens[a].fold == "|")) cells.emplace_back(a, m);
    while (m < hi && nr.tokens[m].fold == "|") ++m;
  }
  return cells;
}

Claim& Reader::add_row_claim(ClaimKind kind, const Row& row, int stated, const char* tmpl) {
  Claim c;
  c.id = static_cast<uint32_t>(out.claims.size());
  c.kind = kind;
  c.span = doc.blocks[row.block].span;
  c.quote = std::string(doc.slice(c.span));
  c.stated = static_cast<uint32_t>(stated);
  c.template_id = tmpl;
  used[stated] = true;
  out.claims.push_back(std::move(c));
  return out.claims.back();
}

// The year a column header names ("thuc hien 2023"), "" if none.
std::string Reader::header_year(const std::string& head) {
  for (size_t i = 0; i + 4 <= head.size(); ++i)
    if (head.compare(i, 2, "20") == 0 && std::isdigit(static_cast<unsigned char>(head[i + 2])) &&
        std::isdigit(static_cast<unsigned char>(head[i + 3])) && (i == 0 || head[i - 1] == ' '))
      return head.substr(i, 4);
  return {};
}

// A figure of the text about another year than the report's or the column's ("Năm 2022, …").
bool Reader::other_year(int q, const std::string& doc_year, const std::string& head) const {
  if (token_of[q] == kNone) return false;
  std::string y = sentence_year(token_of[q]);
  if (y.empty()) return false;
  std::string hy = header_year(head);
  return y != doc_year || (!hy.empty() && y != hy);
}

bool Reader::header_is(const std::string& h, std::initializer_list<const char*> keys) {
  for (const char* k : keys)
    if (h.find(k) != std::string::npos) return true;
  return false;
}

// Relations inside an indicator table: a "% so KH" cell against the plan and actual cells of
// its row; a total row over the "- item" rows below it, column by column.
void Reader::table_claims(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    int plan = -1, actual = -1, pct_plan = -1;
    for (auto [q, h] : row.values) {
      bool percent_col = h.find('%') != std::string::npos || header_is(h, {"ty le", "so sanh"});
      if (percent_col && header_is(h, {"kh", "ke hoach", "du toan"}) && !header_is(h, {"cung ky", "nam truoc"})) pct_plan = q;
      else if (!percent_col && header_is(h, {"thuc hien", "uoc", "ket qua"})) actual = q;
      else if (!percent_col && header_is(h, {"ke hoach", "kh", "du toan", "chi tieu"})) plan = q;
    }
    // "Thực hiện 9 tháng năm 2023 | Ước thực hiện 9 tháng năm 2024 | So với cùng kỳ (%)": the
    // last-year and this-year cells of the row against the index cell.
    {
      int yoy = -1, rate = -1, earlier = -1, current = -1, earlier_year = 0, current_year = 0, level_cols = 0;
      for (auto [q, h] : row.values) {
        bool percent_col = h.find('%') != std::string::npos || header_is(h, {"ty le", "so sanh"});
        bool last_year = header_is(h, {"cung ky", "nam truoc"});
        if (percent_col) {
          // "Tăng, giảm (%)", "Tốc độ tăng (%)": a growth rate; otherwise an index.
          if (header_is(h, {"kh", "ke hoach", "du toan"})) continue;
          if (header_is(h, {"tang"})) rate = q;
          else if (last_year) yoy = q;
          continue;
        }
        if (header_is(h, {"ke hoach", "kh", "du toan", "chi tieu"}) && !header_is(h, {"thuc hien", "uoc"})) continue;
        ++level_cols;
        int y = 0;
        for (size_t i = 0; i + 4 <= h.size(); ++i)
          if ((i == 0 || h[i - 1] == ' ' || h[i - 1] == '/') && h.compare(i, 2, "20") == 0 && isdigit(static_cast<unsigned char>(h[i + 2])) &&
              isdigit(static_cast<unsigned char>(h[i + 3])) && (i + 4 == h.size() || !isdigit(static_cast<unsigned char>(h[i + 4]))))
            y = std::atoi(h.substr(i, 4).c_str());
        if (last_year) { earlier = q; earlier_year = -1; continue; }
        if (y == 0) continue;
        if (earlier < 0 || (earlier_year > 0 && y < earlier_year)) {
          if (earlier >= 0 && earlier_year > 0) { current = earlier; current_year = earlier_year; }
          earlier = q;
          earlier_year = y;
        } else if (current < 0 || y > current_year) {
          current = q;
          current_year = y;
        }
      }
      if ((yoy >= 0 || rate >= 0) && earlier >= 0 && current >= 0 && level_cols == 2 && current_year > earlier_year &&
          compatible(earlier, current) && Q(earlier).value.mantissa != 0) {
        const int stated = yoy >= 0 ? yoy : rate;
        Claim& c = add_row_claim(ClaimKind::Growth, row, stated,
                                 yoy >= 0 ? "table-index-vs-last-year-column" : "table-rate-vs-last-year-column");
        c.operands.push_back(Operand{"current", static_cast<uint32_t>(current)});
        c.operands.push_back(Operand{"earlier", static_cast<uint32_t>(earlier)});
        c.operands.push_back(Operand{yoy >= 0 ? "index" : "rate", static_cast<uint32_t>(stated)});
        // a negative rate cell is a fall
        c.decrease = false;
        used[earlier] = used[current] = true;
      }
    }
    if (plan >= 0 && actual >= 0 && pct_plan >= 0 && Q(plan).value.mantissa != 0) {
      Claim& c = add_row_claim(ClaimKind::PercentOfPlan, row, pct_plan, "table-pct-of-plan-column");
      c.operands.push_back(Operand{"actual", static_cast<uint32_t>(actual)});
      c.operands.push_back(Operand{"plan", static_cast<uint32_t>(plan)});
      used[actual] = used[plan] = true;
    }
  }
  for (size_t i = 0; i + 2 < rows.size() + 1; ++i) {
    if (rows[i].sub) continue;
    size_t j = i + 1;
    while (j < rows.size() && rows[j].sub && rows[j].block == rows[j - 1].block + 1) ++j;
    if (j - i < 3) continue;  // at least two items
    // When one column of the items adds up exactly to the total row, the items partition it,
    // and every other column of the same items must add up too.
    bool partitioned = false;
    for (auto [tq, th] : rows[i].values) {
      if (pct(tq) || th.find('%') != std::string::npos) continue;
      double sum = 0;
      size_t n = 0;
      for (size_t r = i + 1; r < j; ++r)
        for (auto [pq, ph] : rows[r].values)
          if (ph == th && compatible(pq, tq) && !pct(pq)) { sum += Q(pq).value.to_double() * Q(pq).factor; ++n; }
      double tv = Q(tq).value.to_double() * Q(tq).factor;
      if (n == j - i - 1 && std::fabs(sum - tv) <= 0.5 * std::pow(10.0, -Q(tq).precision) * Q(tq).factor + 1e-9 * tv)
        partitioned = true;
    }
    for (auto [tq, th] : rows[i].values) {
      if (pct(tq) || th.find('%') != std::string::npos) continue;
      std::vector<int> parts;
      for (size_t r = i + 1; r < j; ++r)
        for (auto [pq, ph] : rows[r].values)
          if (ph == th && compatible(pq, tq) && !pct(pq)) parts.push_back(pq);
      if (parts.size() != j - i - 1) continue;
      double sum = 0;
      for (int p : parts) sum += Q(p).value.to_double() * Q(p).factor;
      double tv = Q(tq).value.to_double() * Q(tq).factor;
      bool adds_up = std::fabs(sum - tv) <= 0.5 * std::pow(10.0, -Q(tq).precision) * Q(tq).factor + 1e-9 * tv;
      // Items that are kinds of one whole ("Khách nội địa" / "Khách quốc tế") partition it.
      bool partition = adds_up || partitioned;
      if (!partition && parts.size() == 2) {
        std::string a = " ", b = " ";
        for (auto& w : rows[i + 1].phrase) a += w + " ";
        for (auto& w : rows[i + 2].phrase) b += w + " ";
        partition = labels_complement(a, b, /*kinds_only=*/true);
      }
      Claim& c = add_row_claim(partition ? ClaimKind::Sum : ClaimKind::PartBound, rows[i], tq, "table-total-row");
      c.exhaustive = partition;
      c.operands.push_back(Operand{"total", static_cast<uint32_t>(tq)});
      for (int p : parts) {
        c.operands.push_back(Operand{"part", static_cast<uint32_t>(p)});
        used[p] = true;
      }
    }
  }
}

void Reader::add_repeat(const Row& row, int prose, int table_value, const char* tmpl) {
  if (pct(prose) != pct(table_value) || !compatible(prose, table_value)) return;  // not the same figure
  Claim& c = add_at(ClaimKind::Repeat, doc.blocks[row.block].span, table_value, tmpl);
  operand(c, "first", prose);
  operand(c, "second", table_value);
}

// When the row's words are not found as such ("Thu ngân sách nhà nước trên địa bàn" against
// "thu ngân sách đạt 201,922/260 tỷ đồng"), the catalogue indicator links them.
void Reader::repeats_by_indicator(const Row& row, const std::vector<bool>& is_table, const std::string& doc_year) {
  std::string phrase;
  for (const auto& w : row.phrase) phrase += (phrase.empty() ? "" : " ") + w;
  std::string key = match_indicator(phrase);
  if (key.empty() || !is_canonical_indicator(key)) return;
  std::vector<int> prose;
  auto found = indicator_index.find(key);
  if (found == indicator_index.end()) return;
  for (int q : found->second) {
    const Quantity& x = nr.quantities[q];
    if (x.indicator != key || x.sentence >= doc.sentences.size()) continue;
    size_t bi = doc.sentences[x.sentence].block;
    if (bi >= is_table.size() || is_table[bi] || bi == row.block) continue;
    if (about_other_year(bi)) continue;
    if (!row.dimension.empty() && x.dimension != row.dimension) continue;
    if (token_of[q] != kNone) {
      first = nr.block_first[bi];
      last = nr.block_last[bi];
      if (names_subregion_memo(token_of[q])) continue;  // one commune's figure is not the area's indicator
    }
    prose.push_back(static_cast<int>(q));
  }
  if (prose.empty()) return;
  for (auto [tq, head] : row.values) {
    if (stated_used[tq]) continue;
    const Quantity& tv = Q(tq);
    int match = -1;
    bool actual_col = header_is(head, {"thuc hien", "uoc", "ket qua"}) || head == "th";
    bool plan_col = !actual_col && header_is(head, {"ke hoach", "kh", "du toan", "chi tieu"});
    for (int q : prose) {
      if (other_year(q, doc_year, head)) continue;
      // A plan cell is restated by a plan of the text, an actual cell by anything but a plan.
      if ((plan_col && Q(q).role != "plan") || (actual_col && Q(q).role == "plan")) continue;
      if (Q(q).value == tv.value && Q(q).dimension == tv.dimension) { match = q; break; }
    }
    if (match >= 0) { add_repeat(row, match, tq, "row-restated-by-indicator"); continue; }
    if (!actual_col) continue;
    // One level figure of that indicator in the prose, close enough to be the same one.
    std::vector<int> levels;
    for (int q : prose)
      // (a discrepancy only from a plain restatement: no year named in its sentence, so never another year)
      if (Q(q).role.empty() && Q(q).dimension == tv.dimension && (token_of[q] == kNone || sentence_year(token_of[q]).empty()))
        levels.push_back(q);
    if (levels.size() > 1) {
      // Several: the one stated beside another value of the row ("201,922/260" for a row
      // "thực hiện 197,022 (chỉ tiêu giao 260)") is the restatement.
      std::vector<int> beside;
      for (int q : levels) {
        bool shares = false;
        for (int o : prose)
          if (o != q && Q(o).sentence == Q(q).sentence)
            for (auto [rq, rh] : row.values)
              shares = shares || (rq != tq && Q(rq).value == Q(o).value && Q(rq).dimension == Q(o).dimension);
        if (shares) beside.push_back(q);
      }
      levels = beside;
    }
    if (levels.size() != 1) continue;
    double a = tv.value.to_double() * tv.factor, b = Q(levels[0]).value.to_double() * Q(levels[0]).factor;
    if (a <= 0 || b <= 0 || a / b < 0.8 || a / b > 1.25) continue;
    add_repeat(row, levels[0], tq, "row-restated-by-indicator");
  }
}

void Reader::repeats() {
  const std::string doc_year = document_year();
  std::vector<Row> rows;
  std::vector<std::string> header;  // folded header text per column
  size_t header_indicator = 1;      // the header's indicator column ("Chỉ tiêu")
  bool header_has_number_column = false;  // "STT" first
  std::vector<bool> is_table(doc.blocks.size(), false);
  for (size_t bi = 0; bi < doc.blocks.size() && bi < nr.block_first.size(); ++bi) {
    first = nr.block_first[bi];
    last = nr.block_last[bi];
    auto cells = cells_of(bi);
    if (cells.size() < 3) {
      // A summary line "Thu ngân sách trên địa bàn: thực hiện đạt 197,022 tỷ đồng (chỉ tiêu giao 260 tỷ đồng)".
      size_t lead = first;
      while (lead < last && (tok(lead).kind == TokKind::Punct)) ++lead;
      size_t colon = lead;
      // "- Cơ quan hành chính nhà nước có cơ cấu công chức, viên chức phù hợp …: thực hiện đạt …"
      while (colon < last && colon < first + 24 && (tok(colon).kind == TokKind::Word || punct(colon, ","))) ++colon;
      if (colon - lead < 3 || !punct(colon, ":") || last - first > 48) continue;
      Row row;
      row.block = bi;
      for (size_t m = lead; m < colon; ++m) {
        if (tok(m).kind == TokKind::Word) row.phrase.push_back(tok(m).fold);
        if (tok(m).kind == TokKind::Number) row.numbers.push_back(label_number(tok(m).fold));
      }
      bool first_value = true;
      for (size_t m = colon + 1; m < last; ++m) {
        int q = qty(m);
        if (q < 0) continue;
        row.values.emplace_back(q, first_value ? "thuc hien" : "");
        if (row.dimension.empty()) row.dimension = Q(q).dimension;
        first_value = false;
      }
      if (!row.values.empty()) rows.push_back(std::move(row));
      continue;
    }
    is_table[bi] = true;
    Row row;
    row.block = bi;
    bool any_number = false;
    std::vector<std::string> texts;
    for (auto [a, e] : cells) {
      std::string f;
      for (size_t m = a; m < e; ++m) { if (!f.empty()) f += ' '; f += nr.tokens[m].fold; }
      texts.push_back(f);
      if (e == a + 1 && nr.tokens[a].kind == TokKind::Number) any_number = true;
    }
    if (!any_number) {
      header = texts;
      header_indicator = 1;
      header_has_number_column = !texts.empty() && (texts[0] == "stt" || texts[0] == "tt" || texts[0] == "so tt");
      for (size_t c = 0; c < texts.size(); ++c)
        if (texts[c].find("chi tieu") != std::string::npos || texts[c].find("noi dung") != std::string::npos) {
          header_indicator = c;
          break;
        }
      continue;
    }
    long offset = 0;  // header column = row column + offset (rows may drop an empty first cell)
    for (size_t c = 0; c < cells.size(); ++c) {
      auto [a, e] = cells[c];
      if (e == a) continue;
      bool has_word = false;
      for (size_t m = a; m < e; ++m) has_word = has_word || nr.tokens[m].kind == TokKind::Word;
      if (row.phrase.empty() && has_word) {
        offset = static_cast<long>(header_indicator) - static_cast<long>(c);
        // "- Khách nội địa", or a row without the STT number its parent row has ("7 | Tổng đàn …"
        // then "Đàn lợn | Con | …"): an item of the row above.
        row.sub = (nr.tokens[a].kind == TokKind::Punct && (nr.tokens[a].fold == "-" || nr.tokens[a].fold == "+")) ||
                  (header_has_number_column && (offset > 0 || (c > 0 && cells[0].first == cells[0].second)));
        for (size_t m = a; m < e; ++m) {
          if (nr.tokens[m].kind == TokKind::Open) break;  // "(Trâu, bò, ngựa)"
          if (nr.tokens[m].kind == TokKind::Word) row.phrase.push_back(nr.tokens[m].fold);
          if (nr.tokens[m].kind == TokKind::Number) row.numbers.push_back(label_number(nr.tokens[m].fold));
        }
        // The unit cell after it.
        if (c + 1 < cells.size()) {
          UnitInfo u;
          if (texts[c + 1] == "%") row.dimension = "percent";
          else if (lookup_unit(texts[c + 1], u)) row.dimension = u.dimension;
        }
        continue;
      }
      if (e == a + 1 || (e == a + 2 && nr.tokens[a].kind == TokKind::Punct)) {
        size_t m = e - 1;
        int q = nr.tokens[m].quantity;
        long hc = static_cast<long>(c) + offset;
        if (q >= 0) row.values.emplace_back(q, hc >= 0 && hc < static_cast<long>(header.size()) ? header[hc] : std::string());
      }
    }
    if (row.phrase.size() >= 2 && !row.values.empty()) rows.push_back(std::move(row));
  }
  table_rows = rows;
  if (rows.empty()) return;
  table_claims(rows);
  // Prose word index: first word -> token positions (prose blocks only).
  // Prose word pairs -> positions of the pair's first word (a row phrase has at least two words).
  // (Keyed on the two folds as views: a word's fold has no space, so the pair is the joined key.)
  using WordPair = std::pair<std::string_view, std::string_view>;
  struct WordPairHash {
    size_t operator()(const WordPair& p) const noexcept {
      uint64_t h = 1469598103934665603ull;
      for (unsigned char c : p.first) h = (h ^ c) * 1099511628211ull;
      h = (h ^ ' ') * 1099511628211ull;
      for (unsigned char c : p.second) h = (h ^ c) * 1099511628211ull;
      return static_cast<size_t>(h ^ (h >> 32));
    }
  };
  // Only the pairs that open a row are ever looked up: those are the keys, and the prose fills them.
  std::unordered_map<WordPair, std::vector<size_t>, WordPairHash> index;
  // (A first word's first byte and length, as a prefilter before hashing: most pairs open no row.)
  std::array<uint32_t, 256> opens{};
  auto length_bit = [](const std::string& w) { return uint32_t(1) << std::min<size_t>(w.size(), 31); };
  for (const Row& row : rows)
    if (row.phrase.size() >= 2) {
      index.emplace(WordPair(row.phrase[0], row.phrase[1]), std::vector<size_t>());
      if (!row.phrase[0].empty()) opens[static_cast<unsigned char>(row.phrase[0][0])] |= length_bit(row.phrase[0]);
    }
  for (size_t bi = 0; bi < doc.blocks.size() && bi < nr.block_first.size(); ++bi) {
    if (is_table[bi]) continue;
    for (size_t m = nr.block_first[bi]; m + 1 < nr.block_last[bi]; ++m)
      if (nr.tokens[m].kind == TokKind::Word && nr.tokens[m + 1].kind == TokKind::Word &&
          (nr.tokens[m].fold.empty() ||
           (opens[static_cast<unsigned char>(nr.tokens[m].fold[0])] & length_bit(nr.tokens[m].fold)) != 0)) {
        auto it = index.find(WordPair(nr.tokens[m].fold, nr.tokens[m + 1].fold));
        if (it != index.end()) it->second.push_back(m);
      }
  }
  // Figures by catalogue indicator, for rows whose words are not in the prose as such.
  indicator_index.clear();
  for (size_t q = 0; q < nr.quantities.size(); ++q)
    if (!nr.quantities[q].indicator.empty()) indicator_index[nr.quantities[q].indicator].push_back(static_cast<int>(q));
  auto block_of = [&](size_t m) {
    auto it = std::upper_bound(nr.block_first.begin(), nr.block_first.end(), static_cast<uint32_t>(m));
    return static_cast<size_t>(it - nr.block_first.begin()) - 1;
  };
  for (const Row& row : rows) {
    // Try the whole phrase, then shorter prefixes down to two words.
    // The longest prefix of the row (6 words down to 2) found in the prose, and its first
    // places (up to kMaxHits + 1), each extended over the rest of the row's words that follow.
    // Every place is matched once, for all prefix lengths at a time.
    std::vector<size_t> hits;
    size_t len = std::min<size_t>(row.phrase.size(), 6);
    constexpr size_t kMaxHits = 32;  // a phrase found more often than this is too common to link
    if (len >= 2) {
      auto it = index.find(WordPair(row.phrase[0], row.phrase[1]));
      if (it != index.end() && !it->second.empty()) {
        std::vector<size_t>& matched = matched_words;  // per place: leading row words found there
        matched.clear();
        size_t longest = 0, full = 0;
        for (size_t p : it->second) {
          size_t n = 1;
          while (n < row.phrase.size() && p + n < nr.tokens.size() && nr.tokens[p + n].kind == TokKind::Word &&
                 nr.tokens[p + n].fold == row.phrase[n])
            ++n;
          matched.push_back(n);
          longest = std::max(longest, std::min(n, len));
          // More places of the whole prefix than are ever kept: the rest changes nothing (a list
          // of many "- Xã …" lines made this rows × lines).
          if (n >= len && ++full > kMaxHits) break;
        }
        if (longest >= 2) {
          len = longest;
          for (size_t i = 0; i < matched.size(); ++i) {
            if (matched[i] < len) continue;
            if (hits.size() > kMaxHits) break;
            hits.push_back(it->second[i] + matched[i]);
          }
        }
      }
    }
    hits.erase(std::remove_if(hits.begin(), hits.end(), [&](size_t h) {
                 // Not the row itself, and not a section about another year ("Nhiệm vụ năm 2024").
                 size_t hb = block_of(h);
                 return hb == row.block || (!doc_year.empty() && !block_year(hb).empty() && block_year(hb) != doc_year);
               }),
               hits.end());
    // A sentence that names another year ("Năm 2022, sản lượng … đạt 181.300 tấn") is about
    // another period.
    hits.erase(std::remove_if(hits.begin(), hits.end(), [&](size_t h) {
                 std::string y = sentence_year(h);
                 return !y.empty() && y != doc_year;
               }),
               hits.end());
    if (hits.empty() || hits.size() > 4) {
      repeats_by_indicator(row, is_table, doc_year);
      continue;
    }
    // Figures right after the phrase, in the same sentence; the first hit's first, then the others'.
    std::vector<size_t> near;
    size_t near_first_hit = 0;
    for (size_t h = 0; h < hits.size(); ++h) {
      size_t bi = block_of(hits[h]);
      first = nr.block_first[bi];
      last = nr.block_last[bi];
      size_t e = hits[h];
      for (size_t m = e; m < last && m < e + 16 && same_sentence(m, e); ++m) {
        if (punct(m, ";")) break;
        int q = qty(m);
        if (q < 0) continue;
        if (!row.dimension.empty() && Q(q).dimension != row.dimension &&
            !(row.dimension == "percent" && pct(q))) continue;
        if (h == 0 && m > e + 6 && near.empty()) break;
        near.push_back(m);
      }
      if (h == 0) near_first_hit = near.size();
    }
    if (near.empty()) continue;
    const size_t e = hits[0];
    for (auto [tq, head] : row.values) {
      const Quantity& tv = Q(tq);
      if (stated_used[tq]) continue;
      int match = -1;
      for (size_t m : near) {
        int q = nr.tokens[m].quantity;
        if (Q(q).value == tv.value || std::fabs(Q(q).value.to_double() - tv.value.to_double()) < 1e-9) { match = q; break; }
      }
      bool actual_col = head.find("thuc hien") != std::string::npos || head.find("uoc") != std::string::npos ||
                        head == "th" || head.find("ket qua") != std::string::npos;
      if (match < 0) {
        // A discrepancy only from a single, plain restatement (no year named in it).
        if (!actual_col || hits.size() != 1 || near_first_hit == 0 || !sentence_year(hits[0]).empty()) continue;
        // The actual figure stated first after the phrase, when it is close enough to be the same one.
        int other = nr.tokens[near.front()].quantity;
        double a = tv.value.to_double() * tv.factor, b = Q(other).value.to_double() * Q(other).factor;
        if (Q(other).dimension != tv.dimension && tv.dimension != "scalar") continue;
        // A weak match never makes a discrepancy.
        if (len < 3 || 5 * len < 3 * row.phrase.size() || near.front() > e + 6) continue;
        if (a <= 0 || b <= 0 || a / b < 0.8 || a / b > 1.25) continue;
        match = other;
      }
      add_repeat(row, match, tq, "table-row-restated");
    }
  }
  // A row whose words were found only weakly ("Tổng lượt khách du lịch" against "Tổng lượt khách
  // tham quan, lưu trú ước đạt …") may still be linked by its catalogue indicator.
  std::unordered_set<uint32_t> repeated_spans;  // where repeat claims begin: a row's block when the row was read
  for (const Claim& c : out.claims)
    if (c.kind == ClaimKind::Repeat) repeated_spans.insert(c.span.begin);
  for (const Row& row : rows)
    if (!repeated_spans.count(doc.blocks[row.block].span.begin) && is_table[row.block])
      repeats_by_indicator(row, is_table, doc_year);
  repeats_by_words(rows, is_table, doc_year);
  plans_beside_restated_actuals(rows);
}

Claim& Reader::add_pair_repeat(int first_q, int second_q, const char* tmpl) {
  Claim& c = add_at(ClaimKind::Repeat, figure_span(second_q), second_q, tmpl);
  operand(c, "first", first_q);
  operand(c, "second", second_q);
  return c;
}

// "Trồng rừng | Ha | 150 | 172,86" and "trồng rừng đạt 172,86ha/160 ha, bằng 108% KH": once the
// row's actual is the numerator of an A/B in the text, the denominator is the row's plan
// stated again, and must agree with the plan cell.
void Reader::plans_beside_restated_actuals(const std::vector<Row>& rows) {
  std::unordered_map<int, int> denominator_of;  // numerator -> denominator of one ratio
  std::unordered_map<int, int> prose_of_cell;   // table cell -> the prose figure it restates
  for (const Claim& c : out.claims) {
    if (c.kind == ClaimKind::Ratio && c.operands.size() == 2 && c.operands[0].role == "numerator")
      denominator_of.emplace(int(c.operands[0].quantity), int(c.operands[1].quantity));
    if (c.kind == ClaimKind::Repeat && c.operands.size() == 2)
      prose_of_cell.emplace(int(c.operands[1].quantity), int(c.operands[0].quantity));
  }
  for (const Row& row : rows) {
    auto [plan, actual] = plan_actual_of(row);
    if (plan < 0 || actual < 0 || stated_used[plan]) continue;
    auto p = prose_of_cell.find(actual);
    if (p == prose_of_cell.end()) continue;
    auto d = denominator_of.find(p->second);
    if (d == denominator_of.end()) continue;
    const Quantity& den = Q(d->second);
    if (den.dimension != Q(plan).dimension && Q(plan).dimension != "scalar") continue;
    if (!row.dimension.empty() && row.dimension != den.dimension) continue;
    add_repeat(row, d->second, plan, "row-plan-as-denominator");
  }
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
    add_pair_repeat(fine_q, coarse_q, "allocation-restated-as-denominator");
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
    add_pair_repeat(prev, a, "ratio-restated");
  }
}

// A row restated in the text in other words ("Số hộ kinh doanh cá thể hoạt động trên địa bàn |
// Hộ | 3.990 | 4.086" against "có 4.086 hộ kinh doanh đang hoạt động"; "Tỷ lệ huy động trẻ 6
// tuổi vào lớp 1 | % | 100 | 106,94" against "tỷ lệ huy động trẻ 6 tuổi vào lớp 1 năm học … đạt
// 106,94%"): the same value, in the same unit, about the same period, in exactly one place
// whose words share most of the row's words. Plan cells only meet plan figures, actual cells
// only figures that are not plans.
void Reader::repeats_by_words(const std::vector<Row>& rows, const std::vector<bool>& is_table, const std::string& doc_year) {
  auto value_key = [&](int q) { return std::llround(Q(q).value.to_double() * 10000.0); };
  std::unordered_map<long long, std::vector<std::pair<int, size_t>>> by_value;  // value -> (quantity, token)
  for (size_t bi = 0; bi < doc.blocks.size() && bi < nr.block_first.size(); ++bi) {
    if (is_table[bi]) continue;
    if (about_other_year(bi)) continue;
    for (size_t m = nr.block_first[bi]; m < nr.block_last[bi]; ++m) {
      const Token& t = nr.tokens[m];
      if (t.kind != TokKind::Number || t.quantity < 0) continue;
      const Quantity& x = Q(t.quantity);
      if (x.dimension == "scalar" || x.dimension == "rate") continue;
      by_value[value_key(t.quantity)].push_back({t.quantity, m});
    }
  }
  auto block_of_tok = [&](size_t m) {
    auto it = std::upper_bound(nr.block_first.begin(), nr.block_first.end(), static_cast<uint32_t>(m));
    return static_cast<size_t>(it - nr.block_first.begin()) - 1;
  };
  std::unordered_map<size_t, std::set<std::string>> label_memo;  // token -> label_words in its block
  for (const Row& row : rows) {
    std::vector<std::string> content;
    for (const auto& w : row.phrase)
      if (content_word(w) && std::find(content.begin(), content.end(), w) == content.end()) content.push_back(w);
    if (content.size() < 2) continue;
    const size_t need = content.size() <= 3 ? 2 : 3;

    for (auto [tq, head] : row.values) {
      if (stated_used[tq]) continue;
      bool actual_col = header_is(head, {"thuc hien", "uoc", "ket qua"}) || head == "th";
      bool plan_col = !actual_col && header_is(head, {"ke hoach", "kh", "du toan", "chi tieu"});
      if ((!actual_col && !plan_col) || head.find('%') != std::string::npos || header_is(head, {"so sanh"})) continue;
      const Quantity& tv = Q(tq);
      const std::string head_year = header_year(head);  // "thuc hien 2023"
      auto found = by_value.find(value_key(tq));
      if (found == by_value.end()) continue;
      int best = -1;
      size_t best_score = 0, second_score = 0;
      for (auto [q, m] : found->second) {
        const Quantity& x = Q(q);
        if (!(x.value == tv.value)) continue;
        bool same_unit = x.dimension == tv.dimension || (tv.dimension == "scalar" && !pct(q) &&
                                                           (row.dimension.empty() || row.dimension == x.dimension));
        if (!same_unit) continue;
        if (!row.dimension.empty() && row.dimension != x.dimension) continue;
        // "Tỷ lệ … đạt 11,4%" of a row in percent is the rate's level, not a percent of a plan.
        std::string role = x.role == "plan_pct" && pct(q) && row.dimension == "percent" ? std::string() : x.role;
        if ((role == "plan") != plan_col) continue;
        if (!role.empty() && role != "plan") continue;  // a change, a rate of change, a share: not a level
        size_t bi = block_of_tok(m);
        if (bi == row.block) continue;
        std::string y = sentence_year(m);
        if (!y.empty() && (y != doc_year || (!head_year.empty() && y != head_year))) continue;
        first = nr.block_first[bi];
        last = nr.block_last[bi];
        // (What is read around a figure is read once: k rows of one value meet the same figures.)
        if (names_subregion_memo(m)) continue;  // one commune's figure is not the area's indicator
        auto memo = label_memo.find(m);
        if (memo == label_memo.end()) memo = label_memo.emplace(m, label_words(m)).first;
        const std::set<std::string>& ws = memo->second;
        // "trẻ em dưới 1 tuổi" is not "trẻ em 12 tháng tuổi": numbers on both sides must agree.
        bool prose_numbers = std::any_of(ws.begin(), ws.end(), [](const std::string& w) { return w[0] == '#'; });
        bool numbers_agree = true;
        if (prose_numbers)
          for (const auto& n : row.numbers) numbers_agree = numbers_agree && ws.count("#" + n);
        if (!numbers_agree) continue;
        size_t score = 0;  // overlap(ws, content): content has no word twice
        for (const auto& w : content) score += ws.count(w);
        if (score > best_score) { second_score = best_score; best_score = score; best = q; }
        else if (score > second_score) second_score = score;
      }
      if (best < 0 || best_score < need || second_score == best_score) continue;
      add_repeat(row, best, tq, "row-restated-in-other-words");
    }
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
    for (size_t k = first; k < last; ++k) {
      int q = qty(k);
      if (q < 0 || pct(q) || Q(q).dimension == "scalar" || !Q(q).role.empty() || used[q]) continue;
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
        if (not_levels.count(t.fold)) { ok = false; break; }
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
      by_indicator[Q(q).indicator + "|" + Q(q).unit].push_back(Statement{q, k, period});
    }
  }
  for (auto& [key, st] : by_indicator) {
    if (st.size() != 2) continue;
    const Statement& a = st[0];
    const Statement& b = st[1];
    if (a.period != b.period || tok_sentence[a.tok] == tok_sentence[b.tok] || stated_used[b.q]) continue;
    // Two different values are one figure only when close (a stale or revised figure) or one
    // typing slip apart: "Tổng mức bán lẻ hàng hóa … 3.200" beside "Tổng mức bán lẻ hàng hóa và
    // doanh thu dịch vụ … 4.100" are two aggregates of one catalogue key.
    double va = Q(a.q).value.to_double(), vb = Q(b.q).value.to_double();
    if (va <= 0 || vb <= 0) continue;
    if (!(Q(a.q).value == Q(b.q).value) && std::fabs(va - vb) > 0.05 * std::max(va, vb) &&
        !one_slip_apart(Q(a.q).text, Q(b.q).text))
      continue;
    add_pair_repeat(a.q, b.q, "indicator-restated");
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
    for (size_t k = first; k < last; ++k) {
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
    if (tok_sentence[token_of[a]] == tok_sentence[token_of[b]] || stated_used[b]) continue;
    add_pair_repeat(a, b, "same-phrase-restated");
  }
}

// "Cơ cấu kinh tế 9 tháng: khu vực nông, lâm nghiệp và thủy sản chiếm 22,5%; công nghiệp và xây
// dựng 31,2%; dịch vụ 40,8%; thuế sản phẩm 5,5%": the shares of a structure add up to 100 %, which
// the text never writes. The claim's total is an implicit quantity located at "cơ cấu". Read when
// two or more shares follow in the sentence, none a change, a comparison or inside an aside,
// and they add up to within 5 points of 100 (a list of some sectors only is no structure).
// The implicit 100 % of a structure, located at the words "cơ cấu" (tokens k, k + 1).
int Reader::implicit_hundred(size_t k, uint32_t sentence) {
  Quantity hundred;
  hundred.id = static_cast<uint32_t>(nr.quantities.size());
  hundred.span = Span{tok(k).span.begin, tok(k + 1).span.end};
  hundred.text = "100";
  hundred.value = Decimal{100, 0};
  hundred.exact_count = true;
  hundred.unit = "%";
  hundred.dimension = "percent";
  hundred.sentence = sentence;
  hundred.implicit = true;
  nr.quantities.push_back(std::move(hundred));
  token_of.push_back(kNone);
  used.push_back(false);
  is_item.push_back(false);
  stated_used.push_back(false);
  return static_cast<int>(nr.quantities.size() - 1);
}

// "1 | Cơ cấu kinh tế | | | Đạt" and the rows below with an empty first cell, in %: "| Thương mại
// - dịch vụ | % | 57,6", …: each column's shares add up to 100 %.
void Reader::structure_rows(size_t bi) {
  size_t k = first;
  while (k + 1 < last && !phrase(k, {"co", "cau"})) ++k;
  if (k + 1 >= last) return;
  // The structure's row has no figures of its own (a row number in the first cell aside; a row
  // whose empty cells were trimmed away keeps only the number and the label).
  const auto own_cells = cells_of(bi);
  if (own_cells.size() < 2 || k < own_cells[0].second) return;
  for (size_t m = own_cells[0].second; m < last; ++m)
    if (qty(m) >= 0) return;
  std::map<size_t, std::vector<int>> columns;  // column -> shares, row by row
  const size_t own_first = first, own_last = last;
  for (size_t bj = bi + 1; bj < doc.blocks.size() && bj < nr.block_first.size() && table_row(bj); ++bj) {
    auto cells = cells_of(bj);
    if (cells.size() < 3 || cells[0].second > cells[0].first) break;  // a numbered row: the next indicator
    first = nr.block_first[bj];
    last = nr.block_last[bj];
    bool any = false, other = false;
    for (size_t c = 1; c < cells.size(); ++c)
      for (size_t m = cells[c].first; m < cells[c].second; ++m) {
        int q = qty(m);
        if (q < 0) continue;
        if (!pct(q) || Q(q).qualifier != Qualifier::None) { other = true; continue; }
        columns[c].push_back(q);
        any = true;
      }
    if (other || !any) break;
  }
  first = own_first;
  last = own_last;
  for (auto& [col, parts] : columns) {
    double total = 0;
    for (int p : parts) total += Q(p).value.to_double();
    if (parts.size() < 2 || std::fabs(total - 100.0) > 5.0) continue;
    const int t = implicit_hundred(k, tok_sentence[k]);
    Claim& c = add(ClaimKind::Sum, k, token_of[parts.back()], t, "structure-shares-rows");
    c.exhaustive = true;
    operand(c, "total", t);
    for (int p : parts) { operand(c, "part", p); is_item[p] = true; }
  }
}

void Reader::structure_shares() {
  for (size_t bi = 0; bi < doc.blocks.size() && bi < nr.block_first.size(); ++bi) {
    if (table_row(bi)) {
      first = nr.block_first[bi];
      last = nr.block_last[bi];
      structure_rows(bi);
      continue;
    }
    if (about_other_year(bi)) continue;
    first = nr.block_first[bi];
    last = nr.block_last[bi];
    for (size_t k = first; k + 1 < last; ++k) {
      if (!phrase(k, {"co", "cau"})) continue;
      const size_t stop = sentence_stop(k);
      std::vector<int> parts;
      size_t last_tok = k;
      double total = 0;
      bool spoiled = false;
      for (size_t m = k + 2; m < stop; ++m) {
        if (is(m, TokKind::Open)) { m = matching_close(m); continue; }  // "(năm 2023: …)"
        if (phrase(m, {"co", "cau"})) break;  // the next structure
        int q = qty(m);
        if (q < 0 || !pct(q)) continue;
        bool change = false;
        for (size_t b = m; b > k + 1 && b + 4 > m; --b)
          if (word(b - 1, "tang") || word(b - 1, "giam") || word(b - 1, "bang") || word(b - 1, "vuot") ||
              phrase(b - 1, {"so", "voi"}) || word(b - 1, "tu") || word(b - 1, "len") || word(b - 1, "xuong"))
            change = true;
        size_t e = end_of_quantity(m);
        if (phrase(e, {"so", "voi"}) || phrase(e, {"ke", "hoach"}) || word(e, "kh")) change = true;
        if (change || Q(q).qualifier != Qualifier::None || is_item[q]) { spoiled = true; break; }
        parts.push_back(q);
        total += Q(q).value.to_double();
        last_tok = m;
      }
      if (spoiled || parts.size() < 2 || std::fabs(total - 100.0) > 5.0) continue;
      const int t = implicit_hundred(k, Q(parts.front()).sentence);
      Claim& c = add(ClaimKind::Sum, k, last_tok, t, "structure-shares");
      c.exhaustive = true;
      operand(c, "total", t);
      for (int p : parts) { operand(c, "part", p); is_item[p] = true; }
      k = last_tok;
    }
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
    for (size_t k = first; k < last; ++k) {
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
    add_pair_repeat(a, b, "class-count-restated-as-denominator");
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
    for (size_t k = first; k < last; ++k)
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
    add_pair_repeat(match, q, "restated-with-slip");
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
    restate_rate(ra, rb, "change-restated-with-its-level");
  }
}

// Located at the earlier statement, unless that one already states another claim.
void Reader::restate_rate(int a, int b, const char* tmpl) {
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
    for (size_t k = first; k < last; ++k) {
      int q = qty(k);
      if (q < 0 || !pct(q) || stated_used[q] || !(word(k - 1, "tang") || word(k - 1, "giam"))) continue;
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
    restate_rate(a.q, b.q, "sector-change-restated");
  }
}

void Reader::run() {
  for (size_t bi = 0; bi < doc.blocks.size() && bi < nr.block_first.size(); ++bi) {
    first = nr.block_first[bi];
    last = nr.block_last[bi];
    current_block = bi;
    if (table_row(bi)) { malformed(); continue; }  // rows are read as rows (repeats), not prose
    ratios();
    sums();
    result_lists();
    case_outcomes();
    complement_pairs();
    changes();
    percent_of_plan(bi);
    shares(bi);
    ratio_of_named_whole();
    averages();
    trade_balance();
    malformed();
  }
  footnote_breakdowns();
  outcome_summaries();
  repeats();
  allocation_restated_as_denominator();
  ratio_pairs_restated();
  footnote_repeats_by_words();
  resolve_plans_from_tables();
  prose_repeats();
  class_counts_restated();
  indicator_repeats();
  restated_slips();
  plan_side_of_breakdowns();
  structure_shares();
  rate_repeats_by_level();
  rate_repeats_by_sector();
  met_and_remaining();
  for (size_t bi = 0; bi < doc.blocks.size() && bi < nr.block_first.size(); ++bi) {
    first = nr.block_first[bi];
    last = nr.block_last[bi];
    uncovered();
  }
  for (Claim& c : out.claims)
    if (c.indicator.empty() && c.stated < nr.quantities.size()) {
      c.indicator = nr.quantities[c.stated].indicator;
      // a percent's indicator is usually on its base figure
      if (c.indicator.empty())
        for (const Operand& o : c.operands)
          if (!nr.quantities[o.quantity].indicator.empty()) { c.indicator = nr.quantities[o.quantity].indicator; break; }
    }
  // Claims in text order.
  std::stable_sort(out.claims.begin(), out.claims.end(),
                   [](const Claim& a, const Claim& b) { return a.span.begin < b.span.begin; });
  for (size_t i = 0; i < out.claims.size(); ++i) out.claims[i].id = static_cast<uint32_t>(i);
}

}  // namespace doisoat::grammar

namespace doisoat {

ClaimReading read_claims(const Document& doc, NumberReading& numbers) {
  assign_indicators(doc, numbers);
  grammar::Reader r(doc, numbers);
  r.run();
  return std::move(r.out);
}

}  // namespace doisoat
