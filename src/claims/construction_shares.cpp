// Shares: "chiếm X% (tổng số …)", the base of a share (the item's own whole, never a sibling),
// rates of change after a share, and structure shares that sum to 100%.
#include "claims/reader.h"
#include "core/vfold.h"

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
  for (size_t n = m + 1; n < last && n < m + kClauseWords && same_sentence(n, m); ++n) {
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
  for (size_t n = te; n < nr.tokens.size() && n < te + kClauseWords && tok_sentence[n] == tok_sentence[tk]; ++n) {
    const Token& t = nr.tokens[n];
    if (t.kind == TokKind::Word && (t.fold == "giam" || t.fold == "tang")) total_down = t.fold == "giam";
    if (t.kind != TokKind::Number || t.quantity < 0) continue;
    if (Q(t.quantity).dimension == Q(total).dimension && change_before(n)) total_change = t.quantity;
    break;
  }
  Claim& c = add(ClaimKind::PpDifference, nk, end_of_quantity(open + 1), stated, Template::CountChangeRatePoints);
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
  for (size_t k = next_figure(first); k < last; k = next_figure(k + 1)) {
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
    std::string noun_next;     // the word after the noun ("nhập" in "tổng kim ngạch nhập khẩu")
    for (size_t m = after; m < after + 3; ++m) {
      if (!word(m, "tong")) continue;
      size_t w = m + 1;
      for (; w < m + 3 && is(w, TokKind::Word); ++w) noun.push_back(tok(w).fold);
      noun_is_all = !is(w, TokKind::Word);
      if (is(w, TokKind::Word) && !lexicon::is_function_word(tok(w).fold) && content_word(tok(w).fold)) noun_next = tok(w).fold;
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
          if (m - d > 0 && nr.tokens[m - d - 1].kind == TokKind::Percent) break;
          // "Diện tích dừa thu hoạch trên tổng diện tích trồng dừa …, có gần 68.500 ha": "trên tổng"
          // names the denominator of a ratio; the figure is the numerator's.
          // (tokens of earlier blocks: nr.tokens, not the block-bounded helpers)
          if (m - d > 0 && nr.tokens[m - d - 1].kind == TokKind::Word && nr.tokens[m - d - 1].fold == "tren") break;
          bool same = true;
          for (size_t i = 0; i < noun.size() && same; ++i) {
            size_t at = m - d + 1 + i;
            same = at < m - 1 && nr.tokens[at].kind == TokKind::Word && nr.tokens[at].fold == noun[i];
          }
          // "chiếm 34% tổng kim ngạch nhập khẩu" is not of "tổng kim ngạch xuất nhập khẩu": the
          // word after the common noun differs.
          const size_t next_at = m - d + 1 + noun.size();
          if (same && !noun_next.empty() && next_at < m - 1 && nr.tokens[next_at].kind == TokKind::Word &&
              !lexicon::is_function_word(nr.tokens[next_at].fold) && nr.tokens[next_at].fold != noun_next)
            same = false;
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
                   population_total ? Template::PartOfPopulationTotal : linked_total ? Template::PartOfLinkedTotal : Template::PartChiemPct);
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
  for (size_t m = after; m < last && m < after + kPhraseWords && is(m, TokKind::Word); ++m) {
    if (phrase(m, {"ca", "nuoc"})) return {"ca", "nuoc"};
    if (phrase(m, {"toan", "quoc"})) return {"toan", "quoc"};
    if (phrase(m, {"toan", "tinh"})) return {"toan", "tinh"};  // "… toàn tỉnh": the province's whole, as the text names it
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
  // ("2.708 doanh nghiệp đăng ký từ 10 lao động trở xuống, chiếm 95,1%": a figure of another
  // unit inside the label is no figure of the clause's own)
  const int own = qty(k);
  for (size_t m = end_of_quantity(k); m < last && m < k + 2 * kClauseWords; ++m) {
    if (punct(m, ";") || punct(m, ".") || is(m, TokKind::Open)) return false;
    const int q = qty(m);
    if (q < 0) continue;
    if (!pct(q) && own >= 0 && Q(q).dimension != Q(own).dimension && m < k + kClauseWords) continue;
    return pct(q) && (word(m - 1, "chiem") || phrase(m - 2, {"tuong", "duong"}) || phrase(m - 2, {"ty", "trong"}));
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
    if (comparison_at(w) ||
        ((word(w, "nam") || word(w, "ky") || word(w, "thang") || word(w, "quy")) && word(w + 1, "truoc")))
      return true;
    if (is(w, TokKind::Open)) return false;
  }
  return false;
}

// "Cơ cấu kinh tế 9 tháng: khu vực nông, lâm nghiệp và thủy sản chiếm 22,5%; công nghiệp và xây
// dựng 31,2%; dịch vụ 40,8%; thuế sản phẩm 5,5%": the shares of a structure add up to 100 %, which
// the text never writes. The claim's total is an implicit quantity located at "cơ cấu". Read when
// two or more shares follow in the sentence, none a change, a comparison or inside an aside,
// and they add up to within 5 points of 100 (a list of some sectors only is no structure).
// The implicit 100 % of a structure, located at the words "cơ cấu" (tokens k, k + 1).
int Reader::implicit_hundred(size_t k, uint32_t sentence) {
  Quantity hundred;
  hundred.span = Span{tok(k).span.begin, tok(k + 1).span.end};
  hundred.text = "100";
  hundred.value = Decimal{100, 0};
  hundred.exact_count = true;
  hundred.unit = "%";
  hundred.dimension = "percent";
  hundred.sentence = sentence;
  hundred.implicit = true;
  return add_implicit(std::move(hundred));
}

// A quantity the text implies but never writes (the 100 % of a structure, the sum of a split's
// items), added after the written ones with the reader's per-quantity state; its index.
int Reader::add_implicit(Quantity q) {
  q.id = static_cast<uint32_t>(nr.quantities.size());
  q.implicit = true;
  nr.quantities.push_back(std::move(q));
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
    Claim& c = add(ClaimKind::Sum, k, token_of[parts.back()], t, Template::StructureSharesRows);
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
        for (size_t b = m; b > k + 1 && b + kNearWords > m; --b)
          if (change_verb(b - 1) || word(b - 1, "bang") || word(b - 1, "vuot") ||
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
      Claim& c = add(ClaimKind::Sum, k, last_tok, t, Template::StructureShares);
      c.exhaustive = true;
      operand(c, "total", t);
      for (int p : parts) { operand(c, "part", p); is_item[p] = true; }
      k = last_tok;
    }
  }
}

// "Trong số 138 doanh nghiệp …" stated elsewhere or not at all: "quy mô dưới 10 tỷ đồng có 133
// doanh nghiệp, chiếm 96,4%; từ 10 đến 50 tỷ đồng có 3 doanh nghiệp, chiếm 2,2%; trên 50 tỷ đồng có
// 2 doanh nghiệp, chiếm 1,4%": a sentence that splits a whole into items, each "N unit, chiếm X%",
// with shares adding up to 100 % (within their rounding), gives each item's share of the sum of
// the items. Only shares no other construction gave a whole; every share of the sentence must be
// such an item (a list with one share of another base is no split), the parts of one unit.
// The whole a split names in its opening words ("Trong tổng số <words>, …", "Trong số <words>,
// …"): the nearest figure before it, in this paragraph or the three before, in the items' unit,
// at least as large as each item, labelled by every content word of those words (the unit's own
// words aside). -1 when the split names none or none fits.
int Reader::named_whole_of_split(size_t k, size_t stop, const std::vector<std::pair<int, int>>& items) {
  size_t w = k;
  if (phrase(k, {"trong", "tong", "so"})) w = k + 3;
  else if (phrase(k, {"trong", "so"})) w = k + 2;
  else return -1;
  const Quantity& p0 = Q(items.front().first);
  const std::string unit = vfold(p0.unit);
  std::vector<std::string> named;
  for (; w < stop && is(w, TokKind::Word); ++w)
    if (content_word(tok(w).fold) && unit.find(tok(w).fold) == std::string::npos) named.push_back(tok(w).fold);
  if (named.empty() || !punct(w, ",")) return -1;
  double largest = 0;
  for (const auto& [part, x] : items) largest = std::max(largest, Q(part).value.to_double());
  const WindowGuard keep(*this);
  const size_t block = current_block;
  for (size_t b = block + 1; b-- > 0 && b + 4 > block;) {
    if (table_row(b)) continue;
    first = nr.block_first[b];
    last = nr.block_last[b];
    for (size_t m = b == block ? k : last; m-- > first;) {
      const int q = qty(m);
      if (q < 0 || pct(q) || is_change(m) || Q(q).unit != p0.unit || Q(q).factor != p0.factor || Q(q).malformed) continue;
      if (Q(q).value.to_double() < largest || ab_side(m) != 0) continue;
      const std::set<std::string> label = label_words(m);
      bool all = true;
      for (const std::string& n : named) all = all && label.count(n);
      if (all) return q;
    }
  }
  return -1;
}

void Reader::split_shares() {
  for (size_t bi = 0; bi < doc.blocks.size() && bi < nr.block_first.size(); ++bi) {
    if (table_row(bi)) continue;
    first = nr.block_first[bi];
    last = nr.block_last[bi];
    current_block = bi;
    for (size_t k = first; k < last;) {
      const size_t stop = sentence_stop(k);
      std::vector<std::pair<int, int>> items;  // (part, share)
      bool spoiled = false;
      for (size_t m = next_figure(k); m < stop && !spoiled; m = next_figure(m + 1)) {
        const int x = qty(m);
        if (x < 0 || !pct(x)) continue;
        if (!word(m - 1, "chiem")) {
          // another percent of the sentence: a rate after a share ("chiếm 20%, tăng 5%") is fine,
          // any other one is a figure the split does not explain
          if (!(change_verb(m - 1) || word(m - 1, "bang"))) spoiled = true;
          continue;
        }
        if (stated_used[x] || Q(x).qualifier != Qualifier::None || is_item[x]) { spoiled = true; break; }
        int part = -1;
        for (size_t b = m - 1; b > k && b + 12 > m; --b) {
          if (punct(b - 1, ";") || pct(qty(b - 1))) break;
          const int q = qty(b - 1);
          if (q < 0) continue;
          if (is_change(b - 1) || word(b - 2, "tren") || word(b - 2, "duoi")) break;
          part = q;
          break;
        }
        if (part < 0 || Q(part).qualifier != Qualifier::None || Q(part).malformed) { spoiled = true; break; }
        if (!items.empty() && (Q(part).unit != Q(items.front().first).unit || Q(part).factor != Q(items.front().first).factor)) {
          spoiled = true;
          break;
        }
        items.emplace_back(part, x);
      }
      const size_t next = stop > k ? stop : k + 1;
      if (spoiled || items.size() < 2) { k = next; continue; }
      // The shares add up to 100 within the rounding of each: a split, not some items only.
      double total_pct = 0, slack = 0.001;
      for (const auto& [part, x] : items) {
        total_pct += Q(x).value.to_double();
        slack += Q(x).value.half_ulp();
      }
      if (std::fabs(total_pct - 100.0) > slack) { k = next; continue; }
      // "Trong tổng số doanh nghiệp thành lập mới, …": the whole is named, and stated before.
      const int named = named_whole_of_split(k, stop, items);
      if (named >= 0) {
        for (const auto& [part, x] : items) {
          Claim& c = add(ClaimKind::Share, token_of[part], end_of_quantity(token_of[x]) - 1, x, Template::SharesOfNamedWhole);
          operand(c, "part", part);
          operand(c, "total", named);
        }
        Claim& c = add(ClaimKind::Sum, token_of[items.front().first], end_of_quantity(token_of[items.back().first]) - 1, named,
                       Template::PartsOfNamedWhole);
        c.exhaustive = true;  // (the shares add up to 100 %)
        operand(c, "total", named);
        for (const auto& [part, x] : items) operand(c, "part", part);
        k = next;
        continue;
      }
      int scale = 0;
      for (const auto& [part, x] : items) scale = std::max(scale, Q(part).value.scale);
      int64_t sum = 0;
      for (const auto& [part, x] : items) sum += Q(part).value.mantissa_at(scale);
      const Quantity& p0 = Q(items.front().first);
      Quantity whole;
      whole.span = p0.span;
      whole.value = Decimal{sum, scale};
      // (written as the sum it stands for: "412/(412 + 150 + 38) = 68,667%")
      whole.text = "(";
      for (size_t i = 0; i < items.size(); ++i) whole.text += (i ? " + " : "") + Q(items[i].first).text;
      whole.text += ")";
      whole.precision = scale;
      whole.exact_count = true;
      for (const auto& [part, x] : items) whole.exact_count = whole.exact_count && Q(part).exact_count;
      whole.unit = p0.unit;
      whole.unit_span = p0.unit_span;
      whole.dimension = p0.dimension;
      whole.factor = p0.factor;
      whole.sentence = p0.sentence;
      const int t = add_implicit(std::move(whole));
      for (const auto& [part, x] : items) {
        Claim& c = add(ClaimKind::Share, token_of[part], end_of_quantity(token_of[x]) - 1, x, Template::SplitShares);
        operand(c, "part", part);
        operand(c, "total", t);
      }
      k = next;
    }
  }
}

}  // namespace doisoat::grammar
