// Figures derived from two others in the same passage: the trade balance (exports − imports)
// and an average per unit (total / count).
#include "claims/reader.h"

namespace doisoat::grammar {

// The words before the figure at k in its clause, back to the previous figure: has it the
// two-word phrase a b ("xuat khau")?
bool Reader::named_before(size_t k, const char* a, const char* b) const {
  for (size_t m = k, n = 0; m > first + 1 && n < kLabelWords && same_sentence(m - 1, k); --m, ++n) {
    if (qty(m - 1) >= 0 || punct(m - 1, ";")) return false;
    if (phrase(m - 2, {a, b})) return true;
  }
  return false;
}

// "Kim ngạch xuất khẩu … 2.104,8 triệu USD. Kim ngạch nhập khẩu … 1.650,3 triệu USD; cán cân
// thương mại xuất siêu 454,5 triệu USD": exports = imports + the surplus (for "nhập siêu":
// imports = exports + the deficit). The export and import levels are the nearest ones before the
// balance, in its sentence or the one before, in its unit, neither a change nor a plan.
void Reader::trade_balance() {
  for (size_t k = next_figure(first + 2); k < last; k = next_figure(k + 1)) {
    int b = qty(k);
    if (b < 0 || pct(b) || stated_used[b]) continue;
    bool surplus = phrase(k - 2, {"xuat", "sieu"}), deficit = phrase(k - 2, {"nhap", "sieu"});
    if (!surplus && !deficit) continue;
    if (Q(b).dimension.rfind("money", 0) != 0) continue;
    const uint32_t s = tok_sentence[k];
    // (The sentence before may close the paragraph before: "… xuất khẩu … 2.104,8 triệu USD.⏎
    // Kim ngạch nhập khẩu …".)
    const size_t own_first = first;
    if (current_block > 0 && doc.blocks[current_block - 1].kind == BlockKind::Paragraph &&
        current_block - 1 < nr.block_first.size())
      first = nr.block_first[current_block - 1];
    // Export and import levels before the balance, nearest first, with their sub-periods.
    std::vector<std::pair<int, std::string>> exports, imports;
    for (size_t m = k; m > first && m + kReach > k && tok_sentence[m - 1] + 1 >= s; --m) {
      int q = qty(m - 1);
      if (q < 0 || pct(q) || !Q(q).role.empty() || Q(q).dimension != Q(b).dimension) continue;
      if (change_verb(m - 2)) continue;
      if (named_before(m - 1, "xuat", "khau")) exports.emplace_back(q, period_before(m - 1));
      else if (named_before(m - 1, "nhap", "khau")) imports.emplace_back(q, period_before(m - 1));
    }
    first = own_first;
    const std::string own = period_before(k);
    int ex = -1, im = -1;
    for (const auto& [e, pe] : exports) {
      for (const auto& [i, pi] : imports)
        // (A sentence that names no sub-period goes on with the one before.)
        if ((pe == pi || pe.empty() || pi.empty()) && (own.empty() || own == pe || own == pi)) { ex = e; im = i; break; }
      if (ex >= 0) break;
    }
    if (ex < 0 || im < 0) continue;
    const int total = surplus ? ex : im, other = surplus ? im : ex;
    // Quoted from the nearer level in this paragraph to the balance.
    size_t from = k;
    for (int q : {ex, im})
      if (token_of[q] >= first && token_of[q] < from) from = token_of[q];
    Claim& c = add(ClaimKind::Sum, from, k, total, surplus ? Template::TradeSurplus : Template::TradeDeficit);
    c.exhaustive = true;
    operand(c, "total", total);
    operand(c, "part", other);
    operand(c, "part", b);
  }
}

// "thành lập mới 51 doanh nghiệp … tổng số vốn đăng ký là 546 tỷ đồng, số vốn đăng ký bình
// quân trên một doanh nghiệp là 10,8 tỷ đồng" (or "bình quân 10,8 tỷ đồng/doanh nghiệp"): an
// average of money per counted thing, with the total and the count stated earlier in the
// sentence. Only one money figure may precede the average, the count must be of the same noun,
// and the average must be within a tenth of total/count (anything further is a misreading,
// not a typo: averages of criteria per commune and the like stay unread).
void Reader::averages() {
  for (size_t k = next_figure(first); k < last; k = next_figure(k + 1)) {
    int a = qty(k);
    if (a < 0 || (Q(a).dimension.rfind("money", 0) != 0 && Q(a).dimension != "rate")) continue;
    if (stated_used[a] || Q(a).negative) continue;
    // The noun counted: the rate's denominator, or the words after "bình quân [trên] [một|mỗi]".
    std::string noun;
    size_t bq = kNone;
    for (size_t m = k; m > first && m + kLabelWords > k && same_sentence(m - 1, k); --m)
      if (phrase(m - 1, {"binh", "quan"})) { bq = m - 1; break; }
    if (bq == kNone) continue;
    std::string money_unit = Q(a).unit;
    if (Q(a).dimension == "rate") {
      size_t slash = money_unit.find('/');
      if (slash == std::string::npos || money_unit.find('/', slash + 1) != std::string::npos) continue;
      noun = vfold(money_unit.substr(slash + 1));
      money_unit = money_unit.substr(0, slash);
      if (money_unit != "tỷ đồng" && money_unit != "triệu đồng" && money_unit != "nghìn đồng" && money_unit != "đồng") continue;
    } else {
      size_t m = bq + 2;
      if (word(m, "tren")) ++m;
      if (word(m, "mot") || word(m, "moi")) ++m;
      for (; m < k && is(m, TokKind::Word) && !word(m, "la") && !word(m, "dat"); ++m)
        noun += (noun.empty() ? "" : " ") + tok(m).fold;
      if (noun.empty() || (!word(m, "la") && !word(m, "dat") && m != k)) continue;
    }
    // The count and the total before "bình quân", in the same sentence.
    int count = -1, total = -1, totals = 0;
    for (size_t m = bq; m > first && m + kReach > bq && same_sentence(m - 1, k); --m) {
      int q = qty(m - 1);
      if (q < 0 || Q(q).negative) continue;
      const std::string& d = Q(q).dimension;
      // "51 doanh nghiệp" for "doanh nghiệp" (or "doanh" of "tỷ đồng/doanh nghiệp" cut after a word).
      if (count < 0 && d.rfind("count:", 0) == 0 &&
          (d == "count:" + noun || d.rfind("count:" + noun + " ", 0) == 0 || vfold(Q(q).unit) == noun))
        count = q;
      std::string qu = Q(q).unit;
      if (d.rfind("money", 0) == 0 && (qu == "tỷ đồng" || qu == "triệu đồng" || qu == "nghìn đồng" || qu == "đồng")) {
        ++totals;
        total = q;
      }
    }
    if (count < 0 || totals != 1 || Q(count).value.mantissa == 0) continue;
    double per = Q(total).value.to_double() * Q(total).factor / Q(count).value.to_double();
    double stated = Q(a).value.to_double();
    double stated_base = stated * Q(a).factor;  // "tỷ đồng/doanh nghiệp" keeps the factor of tỷ đồng
    if (stated_base <= 0 || std::fabs(per - stated_base) > 0.1 * stated_base) continue;
    Claim& c = add(ClaimKind::Ratio, bq, end_of_quantity(k) - 1, a, Template::AveragePerUnit);
    operand(c, "numerator", total);
    operand(c, "denominator", count);
  }
}

// "46,56 tỷ USD, giảm 17,3% (tương ứng giảm 9,77 tỷ USD). Trong đó, xuất khẩu 25,08 tỷ USD,
// giảm 13,6% (tương ứng giảm 3,95 tỷ USD) và nhập khẩu 21,48 tỷ USD, giảm 21,3% (tương ứng giảm
// 5,82 tỷ USD)": when the parts add up to the total and each states the change it amounts to, the
// parts' changes add up to the total's. Only a full breakdown (a sum claim), only changes in one
// direction, and only the stated changes of a growth claim ("tương ứng …").
void Reader::changes_of_parts() {
  std::unordered_map<uint32_t, std::pair<uint32_t, bool>> change_of;  // level -> (its change, decrease)
  for (const Claim& c : out.claims) {
    if (c.kind != ClaimKind::Growth || c.template_id != Template::ValueChangeRate) continue;
    uint32_t cur = UINT32_MAX, chg = UINT32_MAX;
    for (const Operand& o : c.operands) {
      if (o.role == "current") cur = o.quantity;
      if (o.role == "change") chg = o.quantity;
    }
    if (cur != UINT32_MAX && chg != UINT32_MAX) change_of.emplace(cur, std::make_pair(chg, c.decrease));
  }
  if (change_of.empty()) return;
  const size_t n = out.claims.size();
  for (size_t i = 0; i < n; ++i) {
    const Claim& c = out.claims[i];
    if (c.kind != ClaimKind::Sum || c.operands.size() < 3) continue;
    auto t = change_of.find(c.operands[0].quantity);
    if (c.operands[0].role != "total" || t == change_of.end()) continue;
    std::vector<uint32_t> parts;
    for (size_t j = 1; j < c.operands.size(); ++j) {
      auto p = change_of.find(c.operands[j].quantity);
      if (p == change_of.end() || p->second.second != t->second.second) break;
      parts.push_back(p->second.first);
    }
    if (parts.size() + 1 != c.operands.size()) continue;
    const int total = static_cast<int>(t->second.first);
    if (stated_used[total] || !std::all_of(parts.begin(), parts.end(), [&](uint32_t q) { return compatible(int(q), total); }))
      continue;
    const size_t bi = doc.sentences[Q(total).sentence].block;
    first = nr.block_first[bi];
    last = nr.block_last[bi];
    Span span = figure_span(total);
    span.end = std::max(span.end, figure_span(int(parts.back())).end);
    Claim& s = add_at(ClaimKind::Sum, span, total, Template::ChangesOfParts);
    s.exhaustive = true;
    operand(s, "total", total);
    for (uint32_t q : parts) operand(s, "part", int(q));
  }
}

}  // namespace doisoat::grammar
