// Breakdowns, the body: given a total and where its parts start (after "trong đó", "gồm", a
// colon or a parenthesis), bind the parts and make a sum or part-bound claim.
#include "claims/reader.h"

namespace doisoat::grammar {

// The labels before two parts partition a whole ("nội địa / quốc tế", "đạt / không đạt", …).
bool Reader::complements(size_t a, size_t b) const {
  auto label = [&](size_t k) {
    std::string l;
    size_t m = k;
    for (size_t n = 0; n < 5 && m > first; ++n) {
      --m;
      if (tok(m).kind != TokKind::Word) break;
      l = tok(m).fold + (l.empty() ? "" : " ") + l;
    }
    return " " + l + " ";
  };
  return labels_complement(label(a), label(b), /*kinds_only=*/false);
}

// "lần lượt (là)" right before the numerator at k.
bool Reader::respectively_before(size_t k) const {
  for (size_t m = k; m > first && m + kNearWords > k; --m)
    if (phrase(m - 1, {"lan", "luot"})) return true;
  return false;
}

// Both labels of a complementary pair in the words before k ("nội địa/quốc tế lần lượt là …").
bool Reader::complements_in(size_t k) const {
  std::string l = " ";
  for (size_t m = k > first + 10 ? k - 10 : first; m < k; ++m)
    if (tok(m).kind == TokKind::Word) l += tok(m).fold + " ";
  for (const auto& p : lexicon::kComplementPairs)
    if (p.kinds && has(l, p.a) && has(l, p.b)) return true;
  return false;
}

// Parse the parts of a breakdown in [body, stop): parts at this level; a part followed by its
// own trigger takes the parts after it (nested breakdowns), which its parent then skips.
void Reader::breakdown(int total, size_t total_tok, Trigger trig, size_t body, size_t stop, int depth) {
  const size_t before = out.claims.size();
  const bool fresh = !broken_down.count(total);
  breakdown_once(total, total_tok, trig, body, stop, depth);
  // A trigger that yields no breakdown of this total ("trong đó, kim ngạch xuất khẩu có tỷ lệ
  // tăng cao …") leaves the total free for a later one (a footnote, a following sentence).
  if (fresh && std::none_of(out.claims.begin() + static_cast<std::ptrdiff_t>(before), out.claims.end(),
                            [&](const Claim& c) { return c.stated == static_cast<uint32_t>(total); }))
    broken_down.erase(total);
}

// "… và 6 trường trung học phổ thông; tỷ lệ … đạt 78,5% (95/121 trường)": a parenthesis after
// another figure, or past a ';', is that figure's aside, not the part's before it.
bool Reader::aside_of_part(size_t part_tok, size_t open) const {
  for (size_t w = end_of_quantity(part_tok); w < open; ++w)
    if (qty(w) >= 0 || punct(w, ";")) return false;
  return true;
}

// A figure with no known unit but a noun after it counts that noun ("96 vị trí cột", "41 khoảng
// néo"): never a part of a total of a measured unit ("dài 42,5 km, gồm …"), only a bare figure is
// ("trong đó thu nội địa 9.050, …"), whose unit is the total's.
bool Reader::counts_other_noun(size_t part_tok, int total) const {
  const Quantity& p = Q(qty(part_tok));
  const std::string& td = Q(total).dimension;
  if (p.dimension != "scalar" || td == "scalar" || td.rfind("count:", 0) == 0) return false;
  const size_t n = end_of_quantity(part_tok);
  return is(n, TokKind::Word) && !tok(n).upper && !lexicon::is_function_word(tok(n).fold);
}

// The word w is among the content words of the eight before the figure at k (its head noun).
bool Reader::names_head_of(size_t k, const std::string& w) const {
  if (lexicon::is_function_word(w)) return false;
  for (size_t m = k; m > first && m + 8 > k; --m)
    if (is(m - 1, TokKind::Word) && tok(m - 1).fold == w) return true;
  return false;
}

// The words before a list's first part say it names only some items: "hầu hết", "một số",
// "chủ yếu", "đa số", "phần lớn", or the top of a ranking ("cao nhất", "lớn nhất", "nhiều nhất").
bool Reader::partial_list(size_t body, size_t first_part) const {
  for (size_t m = body > 12 ? body - 12 : first; m < first_part && m < last; ++m)
    // ("đóng góp tăng cao nhất 5,1 điểm phần trăm": the leaders of a ranking, not all)
    if (phrase(m, {"hau", "het"}) || phrase(m, {"mot", "so"}) || phrase(m, {"chu", "yeu"}) || phrase(m, {"da", "so"}) ||
        phrase(m, {"phan", "lon"}) || phrase(m, {"cao", "nhat"}) || phrase(m, {"lon", "nhat"}) || phrase(m, {"nhieu", "nhat"}))
      return true;
  return false;
}

// The list trails off after its last part: "..." or "…" right after the figure and its unit.
bool Reader::trails_off(size_t part_tok) const {
  size_t m = end_of_quantity(part_tok);
  while (m < last && m < part_tok + 12 && is(m, TokKind::Word)) ++m;  // "điểm phần trăm"
  if (!is(m, TokKind::Punct)) return false;
  std::string_view p = doc.slice(tok(m).span);
  return p == "..." || p == "…" || (p == "." && punct(m + 1, "."));
}

// The item a part ends names a place: "khu vực" and a name or "phía …", or a level word before a capitalised name
// ("huyện Ba Bể", "thành phố Lạng Sơn"), among the words back to the item's start.
bool Reader::names_place_item(size_t part_tok) const {
  for (size_t m = part_tok; m > first && m + 10 > part_tok; --m) {
    const size_t t = m - 1;
    if (punct(t, ";") || punct(t, ",") || punct(t, ":") || is(t, TokKind::Open) || qty(t) >= 0) break;
    // ("khu vực Đông Hải Phòng", "khu vực phía Bắc"; "khu vực dịch vụ" is a sector)
    // ("khu vực FDI" is a sector: an acronym names no place)
    if (phrase(t, {"khu", "vuc"}) && is(t + 2, TokKind::Word) &&
        ((tok(t + 2).upper && !acronym(t + 2)) || tok(t + 2).fold == "phia"))
      return true;
    if (!is(t, TokKind::Word) || !is(t + 1, TokKind::Word) || !tok(t + 1).upper) continue;
    const std::string_view w = doc.slice(tok(t).span);
    if (w == "huyện" || w == "quận" || w == "tỉnh" || w == "xã" || w == "phường" || (w == "phố" && word(t - 1, "thanh")))
      return true;
  }
  return false;
}

// The words at k open an item the way the item holding the total at tk was opened: two words,
// the first capitalised, that also stand right after a ':' or ';' before tk in its sentence.
bool Reader::opens_sibling_item(size_t tk, size_t k) const {
  if (!is(k, TokKind::Word) || !tok(k).upper || !is(k + 1, TokKind::Word)) return false;
  for (size_t m = tk; m > first && m + kReach > tk && same_sentence(m - 1, tk); --m) {
    const size_t o = m - 1;
    if ((punct(o, ":") || punct(o, ";")) && word(o + 1, tok(k).fold) && word(o + 2, tok(k + 1).fold) && tok(o + 1).upper)
      return true;
  }
  return false;
}

// The period kind named in the words [from, to): 1 months to date ("lũy kế", "tính chung", "2
// tháng", "từ đầu năm"), 2 one month ("tháng 2"), 0 none.
int Reader::period_kind_in(size_t from, size_t to) const {
  for (size_t n = from; n < to && n < last; ++n) {
    if (word(n, "luy") || phrase(n, {"tinh", "chung"}) || phrase(n, {"tu", "dau", "nam"})) return 1;
    if (is(n, TokKind::Number) && tok(n).non_quantity >= 0 && word(n + 1, "thang")) return 1;
    if (word(n, "thang") && is(n + 1, TokKind::Number) && tok(n + 1).non_quantity >= 0) return 2;
  }
  return 0;
}

// The clause of the part at m names months to date where the part before it (its clause
// [from, prev]) named one month, or the other way round.
bool Reader::period_switch(size_t from, size_t prev, size_t m) const {
  const int a = period_kind_in(from, prev), b = period_kind_in(end_of_quantity(prev), m);
  return b != 0 && a != b && (a != 0 || b == 1);
}

// The word at k is written in capitals only ("FDI", "KCN", "UBND").
bool Reader::acronym(size_t k) const {
  const std::string_view w = doc.slice(tok(k).span);
  return w.size() >= 2 && std::all_of(w.begin(), w.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '&'; });
}

void Reader::breakdown_once(int total, size_t total_tok, Trigger trig, size_t body, size_t stop, int depth) {
  // "gấp 1,5 lần so với cùng kỳ; trong đó, khách quốc tế … gấp 6 lần": multiples of an earlier
  // value do not add up; a multiple is no whole.
  if (Q(total).unit == "lần") return;
  // "30 mặt hàng đạt kim ngạch trên 1 tỷ USD (trong đó 5 mặt hàng trên 10 tỷ USD)": a threshold
  // that items pass is no level.
  if (threshold_of_items(total_tok)) return;
  std::vector<int> parts;
  std::vector<size_t> part_toks;
  const int side = ab_side(total_tok);
  if (!broken_down.insert(total).second) return;  // one breakdown per total (breakdown() frees it if none)
  // "(gồm …)", "(trong đó: …)": the parenthesis says it lists parts.
  const bool explicit_list = trig != Trigger::Paren || (body > first && !is(body - 1, TokKind::Open));
  bool incompatible_seen = false;
  bool any_quantity = false;
  // Counts of different kinds that may all be kinds of the total's unit ("67 chủ thể, trong đó:
  // 22 HTX, 1 tổ hợp tác, 14 doanh nghiệp, 30 hộ"): used only when they add up exactly.
  std::vector<int> umbrella;
  std::vector<size_t> umbrella_toks;
  bool kinds_of_whole = false;
  bool respectively_pair = false;
  bool nested_cut = false;  // the list stopped at a part's own breakdown
  bool kinds_only = false;  // an aside of other counts: read only as kinds that add up
  char separator = 0;       // the separator between the first two parts: ',' or ';'
  char last_separator = 0;
  for (size_t m = body; m < stop; ++m) {
    // The item separator: a comma that goes on with "đạt/bằng/tăng …" continues the item.
    if (parts.size() == 1 && last_separator == 0 && (punct(m, ",") || punct(m, ";")) &&
        !(word(m + 1, "dat") || word(m + 1, "bang") || change_verb(m + 1) ||
          word(m + 1, "chiem") || word(m + 1, "so") || word(m + 1, "trong") || word(m + 1, "uoc") || word(m + 1, "vuot")))
      last_separator = tok(m).fold[0];
    if (punct(m, ";") && separator == ',' && trig != Trigger::TrongDo) break;  // "gồm A, B và C; …" ends at ';'
    // "…, trong đó thu nội địa 9.050 tỷ đồng; tổng chi … 17.900 tỷ đồng": a clause that opens
    // with a new total ("tổng …") is a sibling of the total, not one of its parts.
    if ((punct(m, ";") || punct(m, ".")) && (word(m + 1, "tong") || phrase(m + 1, {"con", "tong"}))) break;
    // "khu vực công nghiệp … đạt 34.433,4 tỷ đồng, trong đó công nghiệp …; Khu vực dịch vụ …": a
    // capitalised clause that names the total's head noun again is its sibling.
    // ("gồm: Đàn trâu …; Đàn bò …" repeats the head in every item: a list, not a sibling)
    if (punct(m, ";") && is(m + 1, TokKind::Word) && tok(m + 1).upper && !word(body, tok(m + 1).fold) &&
        names_head_of(total_tok, tok(m + 1).fold))
      break;
    // "… là: Dự án A, dài 56,4 km, gồm …; Dự án B, dài 74,6 km, …": the next item of the enumeration
    // that holds the total, opened by the same capitalised words as the total's item.
    if (punct(m, ";") && opens_sibling_item(total_tok, m + 1)) break;
    // "giảm 12,89% so với cùng kỳ năm 2022 (72,56 triệu USD)": the earlier value of the part.
    if (is(m, TokKind::Open) && earlier_value_paren(m)) {
      m = matching_close(m);
      continue;
    }
    // "…; trong đó, vốn chương trình … 2.052 tỷ đồng; vốn nước ngoài 960 tỷ đồng": a "trong đó"
    // inside the list details the part before it, up to the next ';' — sub-parts, no parts.
    if ((punct(m, ";") || punct(m, ",")) && phrase(m + 1, {"trong", "do"}) && !part_toks.empty() && depth < 3) {
      size_t b2 = m + 3;
      if (punct(b2, ",") || punct(b2, ":")) ++b2;
      size_t e2 = b2;
      while (e2 < stop && !punct(e2, ";")) e2 = is(e2, TokKind::Open) ? matching_close(e2) + 1 : e2 + 1;
      breakdown(parts.back(), part_toks.back(), Trigger::TrongDo, b2, std::min(e2, stop), depth + 1);
      m = e2 - 1;
      continue;
    }
    if (is(m, TokKind::Open) && is(m + 1, TokKind::Number) && tok(m + 1).quantity >= 0 &&
        matching_close(m) == end_of_quantity(m + 1)) {
      continue;  // "tại xã A (5 ha), tại xã B (6 ha)": the figure in parentheses is the part
    }
    if (is(m, TokKind::Open)) {  // a parenthesised aside belongs to the part before it
      size_t close = matching_close(m);
      if (!part_toks.empty() && depth < 3 && aside_of_part(part_toks.back(), m)) {
        size_t b2;
        Trigger t2 = trigger_at(m, b2);
        if (t2 == Trigger::Paren) breakdown(parts.back(), part_toks.back(), t2, b2, std::min(close, stop), depth + 1);
      }
      m = close;
      continue;
    }
    int q = qty(m);
    if (q < 0 || Q(q).dimension == "rate") continue;
    if (pct(total)) {  // contributions in points to a rate
      if (Q(q).dimension != "pp") continue;
      parts.push_back(q);
      part_toks.push_back(m);
      continue;
    }
    if (pct(q)) continue;
    // "58,73 tỷ USD …, trong đó xuất khẩu 29,93 tỷ USD, giảm 14,3% (tương ứng giảm 4,98 tỷ USD)":
    // the changes of the parts are no parts of a level. (A change breaks down into what made it:
    // "diện tích rừng giảm 41,5 ha (trong đó: do cháy rừng 22,3 ha; …)".)
    if (is_change(m) && !is_change(total_tok)) continue;
    int qs = ab_side(m);
    // "khách nội địa/quốc tế lần lượt là 118.950/6.480 lượt": both sides are parts.
    bool respectively = side == 0 && qs == 2 && !part_toks.empty() && part_toks.back() + 2 >= m &&
                        respectively_before(part_toks.back());
    if ((side == 2) != (qs == 2) && !respectively) continue;  // denominators sum to denominators
    if (respectively) respectively_pair = true;
    const bool first_quantity = !any_quantity;
    any_quantity = true;
    if (!compatible(q, total) || counts_other_noun(m, total)) {
      // "04 đợt (446 cơ sở: …)": the parenthesis details something else, unless its counts add
      // up to the total exactly ("07 vận động viên (04 kiện tướng, 02 cấp I, 01 cấp II)").
      if (first_quantity && trig == Trigger::Paren && !explicit_list) {
        if (Q(q).dimension.rfind("count:", 0) != 0 || Q(total).dimension.rfind("count:", 0) != 0) return;
        kinds_only = true;
      }
      incompatible_seen = true;
      if (Q(q).dimension.rfind("count:", 0) == 0 && Q(total).dimension.rfind("count:", 0) == 0) {
        umbrella.push_back(q);
        umbrella_toks.push_back(m);
      }
      continue;
    }
    if (Q(q).dimension != Q(total).dimension && incompatible_seen) continue;  // a bare number after another unit
    if (threshold_of_items(m)) continue;
    // "chính quyền 2 cấp …. Cụ thể, … công trình cấp 3, cấp 4": a number after the total's noun
    // names a grade ("cấp 3", "lớp 1"); a count stands before its noun.
    if (Q(q).dimension == "scalar" && Q(total).dimension.rfind("count:", 0) == 0 && is(m - 1, TokKind::Word) &&
        "count:" + tok(m - 1).fold == Q(total).dimension)
      continue;
    // "Trong đó thu … tháng 2 ước đạt 5.216 tỷ đồng, luỹ kế 2 tháng là 10.528 tỷ đồng": the same
    // item over another period ends the list (a month and the months to date are no siblings).
    if (!part_toks.empty() && period_switch(part_toks.size() == 1 ? body : part_toks[part_toks.size() - 2] + 1,
                                            part_toks.back(), m))
      break;
    if (parts.size() == 1) separator = last_separator;
    parts.push_back(q);
    part_toks.push_back(m);
    // Nested: "…, trong đó X là 802 đơn, gồm: 19 …; 27 … và 756 …", "446 cơ sở: đạt 425, …"
    size_t after = end_of_quantity(m);
    size_t b2;
    Trigger t2 = trigger_at(after, b2);
    if (t2 == Trigger::None && punct(after, ":") && depth < 3) { t2 = Trigger::Colon; b2 = after + 1; }
    // "406 tỷ đồng đạt 19,5%, trong đó …": a percent of plan may stand between.
    for (size_t g = after; t2 == Trigger::None && g < stop && g < after + 8; ++g) {
      if (qty(g) >= 0 && !pct(qty(g))) break;
      if (punct(g, ";") || is(g, TokKind::Open)) break;
      if (phrase(g, {"trong", "do"}) || word(g, "gom")) t2 = trigger_at(g, b2);
    }
    if (t2 != Trigger::None && t2 != Trigger::Paren && depth < 3 && side == 0) {
      breakdown(q, m, t2, b2, stop, depth + 1);
      nested_cut = true;
      break;
    }
  }
  // A bare figure in a list of a unit is in that unit ("chè búp 407,03 (… 328,0 ha, … 79,03 ha)").
  double unit_factor = Q(total).dimension == "scalar" ? 0 : Q(total).factor;
  for (int p : parts)
    if (unit_factor == 0 && Q(p).dimension != "scalar") unit_factor = Q(p).factor;
  if (unit_factor == 0) unit_factor = 1;
  auto base = [&](int q) { return Q(q).value.to_double() * (Q(q).dimension == "scalar" ? unit_factor : Q(q).factor); };
  if (!umbrella.empty() && umbrella.size() + parts.size() >= 2) {
    double all = 0;
    for (int p : parts) all += base(p);
    for (int p : umbrella) all += base(p);
    if (std::fabs(all - base(total)) <= 1e-9 * std::max(1.0, all)) {
      // Merge in text order.
      std::vector<std::pair<size_t, int>> merged;
      for (size_t i = 0; i < parts.size(); ++i) merged.emplace_back(part_toks[i], parts[i]);
      for (size_t i = 0; i < umbrella.size(); ++i) merged.emplace_back(umbrella_toks[i], umbrella[i]);
      std::sort(merged.begin(), merged.end());
      parts.clear();
      part_toks.clear();
      for (auto [t, q] : merged) { part_toks.push_back(t); parts.push_back(q); }
      kinds_of_whole = true;
    }
  }
  // "rừng phòng hộ 5.0005 ha": a malformed figure is reported as such; a sum over it would
  // check a value nobody wrote.
  if (Q(total).malformed || std::any_of(parts.begin(), parts.end(), [&](int p) { return Q(p).malformed; })) return;
  if (parts.empty() && !kinds_only && subkind_bound(total, total_tok, body, umbrella, umbrella_toks)) return;
  if (parts.empty() || (kinds_only && !kinds_of_whole)) return;
  // "2 (197,16 ha)", "97.000 ĐWT (218.000 m3)": a figure of no known unit before parts of a
  // measured one counts things the parts measure; no breakdown.
  // (Only when a measured part is larger than the count: "2.100,15 ((… 1.850,05 ha, … 250,10 ha))"
  // is a bare figure in the parts' unit.)
  if (Q(total).dimension == "scalar" && std::any_of(parts.begin(), parts.end(), [&](int p) {
        return Q(p).dimension != "scalar" && Q(p).value.to_double() > Q(total).value.to_double();
      }))
    return;
  // "xuất siêu 764 triệu USD …; trong đó khu vực trong nước nhập siêu …": a balance's parts are
  // signed.
  if (word(total_tok - 1, "sieu") || word(total_tok - 2, "sieu")) return;
  // A restatement ("5 tỷ đồng (5 tỷ đồng)"), unless a labelled list names its only component
  // ("Tổng vốn: 6.995 triệu đồng, trong đó: Vốn sự nghiệp: 6.995 triệu đồng").
  const bool sole_component = parts.size() == 1 && trig != Trigger::Paren && punct(part_toks[0] - 1, ":") &&
                              is(part_toks[0] - 2, TokKind::Word) && Q(parts[0]).dimension == Q(total).dimension;
  if (parts.size() == 1 && Q(parts[0]).value == Q(total).value && !sole_component) return;
  const double tv = base(total);
  const double tol = 1e-9 * std::max(1.0, tv) + 0.5 * std::pow(10.0, -Q(total).precision) * (Q(total).dimension == "scalar" ? unit_factor : Q(total).factor);
  double sum = 0;
  for (int p : parts) sum += base(p);
  bool sums = std::fabs(sum - tv) <= tol;
  // "1.401 hợp đồng (trung ương: 123 hợp đồng, địa phương: 1.278 hợp đồng; trong đó: 586 …, 312 …)":
  // parts of a part that add up to the whole it is a part of break down that whole, not the part.
  // (A part: an item of an earlier breakdown, or the part a nested list details.)
  if (!sums && sum > tv && (is_item[total] || depth > 0)) {
    for (size_t m = total_tok; m > first && m + kReach > total_tok && same_sentence(m - 1, total_tok); --m) {
      const int g = qty(m - 1);
      if (g < 0 || g == total || pct(g) || !compatible(g, total) || base(g) <= tv) continue;
      const double gtol = 1e-9 * std::max(1.0, base(g)) + 0.5 * std::pow(10.0, -Q(g).precision) * Q(g).factor;
      if (std::fabs(sum - base(g)) <= gtol) return;
    }
  }
  if (!sums && sum > tv + tol && parts.size() > 2) {
    // Parts followed by their own breakdown with no trigger word ("cấp xã: 180 đơn, tiếp nhận
    // trong kỳ 179 đơn, kỳ trước chuyển sang 01 đơn"): the list is a hierarchy the text does
    // not mark; no claim rather than a wrong one.
    // Only when the part is a labelled sub-list head ("cấp xã: 180 đơn"); "325 ha, 194 ha, 131 ha"
    // adding up by chance is no hierarchy.
    for (size_t i = 0; i + 2 < parts.size(); ++i) {
      if (!punct(part_toks[i] - 1, ":")) continue;
      double run = 0;
      for (size_t j = i + 1; j < parts.size(); ++j) {
        run += base(parts[j]);
        if (j > i + 1 && std::fabs(run - base(parts[i])) <= 1e-9 * std::max(1.0, run)) return;
      }
    }
    // A list that runs on past the breakdown ("gia súc gồm trâu, bò, ngựa; dê …; lợn …"):
    // keep the prefix that adds up exactly, when there is one.
    double run = 0;
    for (size_t n = 0; n + 1 < parts.size(); ++n) {
      run += base(parts[n]);
      if (n >= 1 && std::fabs(run - tv) <= tol) { parts.resize(n + 1); part_toks.resize(n + 1); sums = true; break; }
    }
  }
  // Contributions in points to a rate are exhaustive ("tăng 7,12%, trong đó … đóng góp 3,41 điểm …"),
  // two or more of them: one sector's contribution alone only bounds the rate.
  // "12.450 con, gồm trâu 3.120 con, bò" (the list cut by a page break, or items named without
  // figures): one figure short of the total is no full list.
  const bool one_short = parts.size() == 1 && !sums;
  // Contributions in points may be negative (another sector pulls the rate down): one or a few
  // of them bound nothing.
  if (pct(total) && parts.size() < 2) return;
  // Contributions in points listed for "most groups" ("hầu hết các nhóm …", "một số ngành …") or
  // trailing off ("…; nhóm may mặc … 1,7 điểm phần trăm..."): some are left out, and a left-out
  // one may be negative; they neither add up to the rate nor bound it.
  if (pct(total) && Q(parts[0]).dimension == "pp" && (partial_list(body, part_toks[0]) || trails_off(part_toks.back())))
    return;
  // (So are the contributions of the parts to a whole's contribution: "đóng góp 3,2 điểm phần
  // trăm. Trong đó, … đóng góp 2,5 điểm …; … 0,9 điểm …".)
  const bool contribution_total = Q(total).dimension == "pp" && (word(total_tok - 1, "gop") || word(total_tok - 2, "gop")) &&
                                  std::all_of(part_toks.begin(), part_toks.end(), [&](size_t m) {
                                    return Q(qty(m)).dimension == "pp" && (word(m - 1, "gop") || word(m - 2, "gop"));
                                  });
  // "Trong đó ở cụm phía đông, khách quốc tế …, khách nội địa …": a list under a scope of its
  // own ("ở …", "tại …") details a part of the total; it adds up to it only by the figures.
  const bool scoped = word(body, "o") || word(body, "tai");
  bool exhaustive = scoped ? (parts.size() >= 2 && sums) : ((pct(total) || contribution_total) && parts.size() >= 2) || ((trig == Trigger::Gom || trig == Trigger::Colon) && !one_short) || (parts.size() >= 2 && sums) ||
                    (sole_component && sums) ||
                    (parts.size() == 2 && (complements(part_toks[0], part_toks[1]) ||
                                           (respectively_pair && complements_in(part_toks[0]))));
  // "gồm thu nội địa 55.000 tỷ đồng, thu xuất nhập khẩu 70.140 tỷ đồng (ngoài ra còn các khoản
  // … hơn 4.379 tỷ đồng)": the text says the list leaves something out; it bounds the total only.
  if (exhaustive && !sole_component) {
    const size_t from = end_of_quantity(part_toks.back());
    for (size_t m = from; m + 1 < last && m < from + 30 && same_sentence(m, part_toks.back()); ++m)
      if (phrase(m, {"ngoai", "ra"})) { exhaustive = false; break; }
  }
  if (trig == Trigger::KetQua) {
    // "kết quả có 03 HTX tốt, 07 HTX khá, …": a result list is read only when it partitions
    // (two grades of a classification, a complementary pair, or parts adding up exactly).
    if (parts.size() < 2) return;
    std::string words = " ";
    for (size_t m = body; m < stop && m <= part_toks.back() + 8; ++m)
      if (is(m, TokKind::Word)) words += tok(m).fold + " ";
    int grades = 0;
    for (const char* g : lexicon::kGrades) grades += has(words, g) ? 1 : 0;
    // A list cut at a part's own breakdown may go on after it: only a list that adds up.
    if (grades >= 2 && !nested_cut) exhaustive = true;
    if (!exhaustive || (nested_cut && !sums)) return;
  }
  // Contributions in points may be negative: unless they are the whole list, they bound nothing
  // ("đóng góp 0,52 điểm …, trong đó công nghiệp 0,78 điểm" is consistent when another pulls down).
  if (!exhaustive && Q(total).dimension == "pp" &&
      std::all_of(parts.begin(), parts.end(), [&](int p) { return Q(p).dimension == "pp"; }))
    return;
  // "Trong đó, khu vực Đông Hải Phòng thu 81.100 tỷ đồng; thu xuất nhập khẩu 41.000 tỷ đồng; thu
  // nội địa 58.300 tỷ đồng": items by place beside items by kind are two classifications of the
  // total, no one partition.
  if (parts.size() >= 2) {
    size_t by_place = 0;
    for (size_t pk : part_toks) by_place += names_place_item(pk) ? 1 : 0;
    if (by_place > 0 && by_place < part_toks.size()) return;
  }
  const bool cross = !exhaustive && parts.size() >= 2 && cross_cutting(total, part_toks);
  Claim& c = add(exhaustive ? ClaimKind::Sum : ClaimKind::PartBound, total_tok, part_toks.back(), total,
                 cross                        ? Template::TotalCrossCuttingParts
                 : trig == Trigger::Gom       ? Template::TotalGomParts
                 : trig == Trigger::Paren     ? Template::TotalParenParts
                                              : Template::TotalTrongDoParts);
  stated_used[total] = false;  // a total may also be the stated figure of a ratio or share
  c.exhaustive = exhaustive;
  if (kinds_of_whole) c.template_id = Template::TotalPartsOfKinds;
  operand(c, "total", total);
  for (int p : parts) operand(c, "part", p);
  last_breakdown_parts = parts.size();
  breakdown_claims_of_total[total].push_back(out.claims.size() - 1);
  for (int p : parts) is_item[p] = true;
}

// "được 12 người, trong đó có 01 đối tượng rút hồ sơ", "06 nhiệm vụ (trong đó 04 dự án …)": an
// explicit "trong đó" whose only figures count a kind of the total's thing in their own noun
// (people of a role, projects among tasks) bounds them by the total. Only the nouns listed here:
// "15 xã (trong đó 40 thôn)" counts what a commune holds, not communes.
bool Reader::subkind_of(const std::string& part, const std::string& whole) {
  static const std::map<std::string, std::set<std::string>> kinds = {
      {"count:nguoi", {"count:doi tuong", "count:hoc vien", "count:hoc sinh", "count:sinh vien", "count:can bo",
                       "count:cong chuc", "count:vien chuc", "count:benh nhan", "count:nan nhan", "count:dai bieu",
                       "count:thanh vien", "count:ca nhan", "count:van dong vien"}},
      {"count:nhiem vu", {"count:du an"}},
  };
  auto it = kinds.find(whole);
  return it != kinds.end() && it->second.count(part) > 0;
}

bool Reader::subkind_bound(int total, size_t total_tok, size_t body, const std::vector<int>& kinds,
                   const std::vector<size_t>& kind_toks) {
  if (kinds.empty() || pct(total) || ab_side(total_tok) != 0) return false;
  bool trong_do = false;
  for (size_t m = body; m > first && m + kNearWords > body && !trong_do; --m) trong_do = phrase(m - 1, {"trong", "do"});
  if (!trong_do) return false;
  for (size_t i = 0; i < kinds.size(); ++i)
    if (!subkind_of(Q(kinds[i]).dimension, Q(total).dimension) || ab_side(kind_toks[i]) != 0) return false;
  Claim& c = add(ClaimKind::PartBound, total_tok, kind_toks.back(), total, Template::TotalTrongDoSubkind);
  stated_used[total] = false;  // a total may also be the stated figure of a ratio or share
  c.exhaustive = false;
  operand(c, "total", total);
  for (int p : kinds) operand(c, "part", p);
  breakdown_claims_of_total[total].push_back(out.claims.size() - 1);
  for (int p : kinds) is_item[p] = true;
  return true;
}

// Parts of a plain "trong đó" list drawn from two classifications of the whole: "trong đó lao
// động nữ 25.100 người, chiếm 48%; lao động trong khu vực nông nghiệp 31.200 người, chiếm 59,7%".
// Signs: a part named by a personal attribute (nữ, dân tộc thiểu số, hộ nghèo, trẻ em, …) beside
// one that is not, or shares ("chiếm X%") of the parts adding up to more than 100 %.
bool Reader::cross_cutting(int total, const std::vector<size_t>& part_toks) const {
  // Personal attributes, by classification: parts of one classification may partition the
  // whole ("hộ nghèo …, hộ cận nghèo …"); parts of two overlap.
  struct Attribute { const char* words; int classification; };
  static const Attribute attributes[] = {
      {" nu ", 1},         {" phu nu ", 1},    {" dan toc ", 2},   {" thieu so ", 2},  {" ngheo ", 3},
      {" can ngheo ", 3},  {" tre em ", 4},    {" cao tuoi ", 4},  {" thanh nien ", 4}, {" dang vien ", 5},
      {" doan vien ", 5},  {" hoi vien ", 5},  {" khuyet tat ", 6},
      // Guests, firms and workers are classified the same way: by origin or ownership (khách
      // quốc tế / nội địa, doanh nghiệp có vốn đầu tư nước ngoài), by stay (khách lưu trú), by
      // size (nhỏ và vừa), by training (lao động qua đào tạo).
      {" quoc te ", 7},    {" noi dia ", 7},   {" nuoc ngoai ", 7}, {" trong nuoc ", 7}, {" luu tru ", 8},  {" trong ngay ", 8},
      {" nho va vua ", 9}, {" sieu nho ", 9},  {" qua dao tao ", 10}};
  std::set<int> classes;
  double shares = 0;
  for (size_t i = 0; i < part_toks.size(); ++i) {
    std::string label = " ";
    size_t lo = i > 0 ? part_toks[i - 1] + 1 : (part_toks[i] > first + 10 ? part_toks[i] - 10 : first);
    for (size_t m = part_toks[i]; m > lo && m + 10 > part_toks[i] && is(m - 1, TokKind::Word); --m)
      label.insert(0, " " + tok(m - 1).fold);
    // and the words after its unit: "320 doanh nghiệp có vốn đầu tư nước ngoài", "1.100 doanh nghiệp nhỏ và vừa"
    for (size_t m = end_of_quantity(part_toks[i]); m < last && m < part_toks[i] + 10 && is(m, TokKind::Word); ++m)
      label += tok(m).fold + " ";
    int cls = 0;
    for (const Attribute& a : attributes)
      if (has(label, a.words)) { cls = a.classification; break; }
    classes.insert(cls);
    size_t e = end_of_quantity(part_toks[i]);
    if (punct(e, ",")) ++e;
    if (word(e, "chiem") && qty(e + 1) >= 0 && pct(qty(e + 1))) shares += Q(qty(e + 1)).value.to_double();
  }
  // (no attribute at all: one classification as far as the words tell). Attributes classify
  // people and households; money is split by programme ("cho vay hộ nghèo …, cho vay …").
  const bool people = Q(total).dimension.rfind("count:", 0) == 0;
  // A personal attribute beside a part without one overlaps; the other classifications only
  // beside another classification ("khách quốc tế …, khách trong nước …" partition the guests).
  const bool personal = std::any_of(classes.begin(), classes.end(), [](int c) { return c >= 1 && c <= 6; });
  const size_t named_classes = classes.size() - classes.count(0);
  return (people && (personal ? classes.size() > 1 : named_classes > 1)) || shares > 100.5;
}

}  // namespace doisoat::grammar
