// Footnotes: a figure of the text broken down in its footnote, and a footnote that restates a
// figure of the text.
#include "claims/reader.h"

namespace doisoat::grammar {

const std::unordered_map<std::string, size_t>& Reader::footnote_blocks() {
  if (!footnote_block_index) {
    footnote_block_index.emplace();
    for (size_t bi = 0; bi < doc.blocks.size() && bi < nr.block_first.size(); ++bi)
      if (doc.blocks[bi].kind == BlockKind::Footnote && !doc.blocks[bi].number.empty())
        footnote_block_index->emplace(doc.blocks[bi].number, bi);
  }
  return *footnote_block_index;
}

// "… 19 nhà, với số tiền là 906 triệu đồng¹⁸" with footnote 18 listing the items: the
// figures of the clause that cites a footnote break down into the footnote's figures.
void Reader::footnote_breakdowns() {
  const auto& footnote_block = footnote_blocks();
  for (const FootnoteRef& ref : doc.footnote_refs) {
    auto fb = footnote_block.find(ref.id);
    if (fb == footnote_block.end()) continue;
    // The citing block and the tokens before the mark, in its clause.
    // The last token that starts before the mark ("tiếp⁵;": "tiếp", not the ';' that starts where the mark was).
    auto it = std::upper_bound(nr.tokens.begin(), nr.tokens.end(), ref.offset,
                               [](uint32_t off, const Token& t) { return off <= t.span.begin; });
    if (it == nr.tokens.begin()) continue;
    size_t before = static_cast<size_t>(it - nr.tokens.begin()) - 1;  // last token before the mark
    auto bb = std::upper_bound(nr.block_first.begin(), nr.block_first.end(), static_cast<uint32_t>(before));
    size_t bi = static_cast<size_t>(bb - nr.block_first.begin()) - 1;
    if (bi == fb->second || doc.blocks[bi].kind == BlockKind::Footnote) continue;
    first = nr.block_first[bi];
    last = nr.block_last[bi];
    std::vector<std::pair<int, size_t>> totals;
    bool compared_figure = false;  // a figure between the mark and the words before it
    std::set<int> plain_totals;    // totals that are no side of an A/B figure
    for (size_t m = before + 1; m > first && totals.size() < 2; --m) {
      if (punct(m - 1, ";") || (punct(m - 1, ".") && m - 1 != before)) break;
      // "… tăng 2,1 điểm phần trăm so với năm học 2022-2023 (71,7%)²": the mark annotates the
      // period compared with (it states a figure of its own), not the figures before the comparison.
      if (totals.empty() && compared_figure && comparison_at(m - 1)) break;
      if (is(m - 1, TokKind::Close)) {  // figures inside parentheses are parts, not the cited total
        int depth = 0;
        while (m > first) {
          if (is(m - 1, TokKind::Close)) ++depth;
          if (is(m - 1, TokKind::Open) && --depth == 0) break;
          if (qty(m - 1) >= 0) compared_figure = true;
          --m;
        }
        if (m == first) break;  // unbalanced: --m would wrap below a first block at 0 (issue 14, a hang)
        continue;
      }
      int q = qty(m - 1);
      if (q >= 0) compared_figure = true;
      if (q < 0 || pct(q) || Q(q).dimension == "scalar" || Q(q).dimension == "rate") continue;
      // "đạt 130/38 huy chương đạt 342% KH²⁶" with plain counts in the footnote: they detail the
      // actual, not the plan; a plan breaks down only into the plan side of A/B items.
      if (ab_side(m - 1) == 2) {
        bool ab_items = false;
        for (size_t f = nr.block_first[fb->second]; f < nr.block_last[fb->second] && !ab_items; ++f)
          ab_items = nr.tokens[f].kind == TokKind::Slash;
        if (!ab_items) continue;
      }
      totals.emplace_back(q, m - 1);
      if (ab_side(m - 1) == 0) plain_totals.insert(q);
    }
    if (totals.empty()) {
      // "tổng thu … 820,980 tỷ đồng; so với dự toán … đạt 29%; so với cùng kỳ … bằng 39%²¹": the
      // mark closes assessments of the sentence's one figure.
      std::vector<std::pair<int, size_t>> figures;
      for (size_t m = before + 1; m > first && m + kReach > before && same_sentence(m - 1, before); --m) {
        int q = qty(m - 1);
        if (q >= 0 && !pct(q) && Q(q).dimension != "scalar" && Q(q).dimension != "rate") figures.emplace_back(q, m - 1);
      }
      if (figures.size() == 1) totals = figures;
    }
    std::set<std::string> detailed;  // dimensions a footnote breakdown was read for
    for (auto [q, tk] : totals) {
      if (detailed.count(Q(q).dimension)) continue;
      size_t save = out.claims.size();
      first = nr.block_first[fb->second];
      last = nr.block_last[fb->second];
      // "⁶ 07 nhiệm vụ cấp tỉnh: giảm 02 …": a footnote that restates the figure comments on it.
      bool restated = false;
      int like = -1, n_like = 0;
      for (size_t m = first; m < last; ++m) {
        int p = qty(m);
        if (p < 0 || Q(p).dimension != Q(q).dimension) continue;
        if (n_like++ == 0) { like = p; restated = Q(p).value == Q(q).value; }
      }
      if (n_like == 1 && like >= 0 && !restated && same_words_around(q, like)) {
        // "1.245 hộ thoát nghèo¹" … "¹ … số hộ thoát nghèo trong năm là 1.254 hộ": the same figure twice.
        Claim c;
        c.id = static_cast<uint32_t>(out.claims.size());
        c.kind = ClaimKind::Repeat;
        c.span = figure_span(like);
        c.quote = std::string(doc.slice(c.span));
        c.stated = static_cast<uint32_t>(like);
        c.template_id = Template::TextAndFootnote;
        c.operands.push_back(Operand{"first", static_cast<uint32_t>(q)});
        c.operands.push_back(Operand{"second", static_cast<uint32_t>(like)});
        used[q] = used[like] = true;
        out.claims.push_back(std::move(c));
        continue;
      }
      if (restated || n_like < 2) continue;  // a breakdown lists at least two items
      Trigger ftrig = Trigger::TrongDo;
      size_t fbody = first;
      while (fbody < last && tok(fbody).kind == TokKind::Punct) ++fbody;
      if (phrase(fbody, {"bao", "gom"}) || word(fbody, "gom")) ftrig = Trigger::Gom;
      breakdown(q, tk, ftrig, first, last, 0);
      if (out.claims.size() > save) {
        Claim& c = out.claims.back();
        c.span = figure_span(q);
        c.quote = std::string(doc.slice(c.span));
        c.template_id = Template::TotalFootnoteParts;
        // "… 135 trường trung học cơ sở, 70 trường …¹": the footnote details the figure it is cited
        // after; one before it of the same unit only as the other side of the same A/B figure
        // ("19 nhà, với số tiền là 906 triệu đồng¹⁸": both, one in houses, one in money).
        if (plain_totals.count(q)) detailed.insert(Q(q).dimension);
      }
    }
  }
}

// A footnote restating a figure of the body in the same words: "19 nhóm trẻ độc lập tư thục"
// in the text and in footnote 15. Same value and unit, at least three content words in common,
// one such place only.
void Reader::footnote_repeats_by_words() {
  const std::string doc_year = document_year();
  std::vector<bool> is_table(doc.blocks.size(), false);
  for (size_t bi = 0; bi < doc.blocks.size() && bi < nr.block_first.size(); ++bi) is_table[bi] = table_row(bi);
  auto value_key = [&](int q) { return std::llround(Q(q).value.to_double() * 10000.0); };
  std::unordered_map<long long, std::vector<std::pair<int, size_t>>> body;
  std::vector<std::pair<int, size_t>> notes;
  for (size_t bi = 0; bi < doc.blocks.size() && bi < nr.block_first.size(); ++bi) {
    if (is_table[bi]) continue;
    if (about_other_year(bi)) continue;
    bool note = doc.blocks[bi].kind == BlockKind::Footnote;
    for (size_t m = nr.block_first[bi]; m < nr.block_last[bi]; ++m) {
      const Token& t = nr.tokens[m];
      if (t.kind != TokKind::Number || t.quantity < 0) continue;
      const Quantity& x = Q(t.quantity);
      if (x.dimension == "scalar" || x.dimension == "rate" || pct(t.quantity) || !x.role.empty()) continue;
      if (m > 0 && nr.tokens[m - 1].unit_part) continue;  // "16 sản phẩm 4 sao": a grade, not a count
      if (note) notes.push_back({t.quantity, m});
      else body[value_key(t.quantity)].push_back({t.quantity, m});
    }
  }
  auto block_of_tok = [&](size_t m) {
    auto it = std::upper_bound(nr.block_first.begin(), nr.block_first.end(), static_cast<uint32_t>(m));
    return static_cast<size_t>(it - nr.block_first.begin()) - 1;
  };
  auto words_at = [&](size_t m) {
    size_t bi = block_of_tok(m);
    first = nr.block_first[bi];
    last = nr.block_last[bi];
    std::set<std::string> ws = label_words(m, 9);  // the words right around the figure only
    for (auto it = ws.begin(); it != ws.end();) it = (*it)[0] == '#' ? ws.erase(it) : std::next(it);
    return ws;
  };
  // "07 nhiệm vụ thực hiện từ năm 2023⁶" … "⁶ 07 nhiệm vụ cấp tỉnh: …": the footnote cited right
  // after a figure opens with that figure.
  const auto& footnote_block = footnote_blocks();
  for (const FootnoteRef& ref : doc.footnote_refs) {
    auto fb = footnote_block.find(ref.id);
    if (fb == footnote_block.end()) continue;
    // The last token that starts before the mark (a ")" right after it starts where it stood).
    auto it = std::lower_bound(nr.tokens.begin(), nr.tokens.end(), ref.offset,
                               [](const Token& t, uint32_t off) { return t.span.begin < off; });
    if (it == nr.tokens.begin()) continue;
    size_t before = static_cast<size_t>(it - nr.tokens.begin()) - 1;
    size_t bi = block_of_tok(before);
    if (bi == fb->second || doc.blocks[bi].kind == BlockKind::Footnote || is_table[bi]) continue;
    int cited = -1;
    for (size_t m = before + 1; m > nr.block_first[bi] && before + 1 - m < 12; --m) {
      const Token& t = nr.tokens[m - 1];
      if (t.kind == TokKind::Number && t.quantity >= 0) { cited = t.quantity; break; }
      if (t.kind != TokKind::Word && !(t.kind == TokKind::Number && t.non_quantity >= 0)) break;
    }
    if (cited < 0 || pct(cited) || Q(cited).dimension == "scalar") continue;
    int opening = -1;
    for (size_t m = nr.block_first[fb->second]; m < nr.block_last[fb->second] && opening < 0; ++m)
      if (nr.tokens[m].kind == TokKind::Number && nr.tokens[m].quantity >= 0) opening = nr.tokens[m].quantity;
    if (opening < 0 || stated_used[opening] || !(Q(opening).value == Q(cited).value) ||
        Q(opening).dimension != Q(cited).dimension)
      continue;
    first = nr.block_first[fb->second];
    last = nr.block_last[fb->second];
    bool sub_note = names_subregion(token_of[opening]);
    first = nr.block_first[bi];
    last = nr.block_last[bi];
    if (sub_note != names_subregion(token_of[cited])) continue;  // one commune's figure, not the whole
    // Located at the body's statement, unless that one already states another claim.
    if (!stated_used[cited]) add_pair_repeat(opening, cited, Template::TextRestatedInCitedFootnote);
    else add_pair_repeat(cited, opening, Template::TextRestatedInCitedFootnote);
  }
  std::unordered_map<size_t, std::set<std::string>> body_words;
  for (auto [fq, fm] : notes) {
    if (stated_used[fq]) continue;
    auto found = body.find(value_key(fq));
    if (found == body.end()) continue;
    std::set<std::string> fw = words_at(fm);
    if (fw.size() < 3) continue;
    const bool f_sub = names_subregion(fm);
    // The report's own year named or not is the same period ("ước 6 tháng đầu năm 2023, …").
    auto period_of = [&](size_t m) {
      std::string y = sentence_year(m);
      return y == doc_year ? std::string() : y;
    };
    std::string fy = period_of(fm);
    int best = -1;
    size_t best_score = 0, second_score = 0;
    for (auto [bq, bm] : found->second) {
      if (!(Q(bq).value == Q(fq).value) || Q(bq).dimension != Q(fq).dimension) continue;
      if (period_of(bm) != fy) continue;
      auto memo = body_words.find(bm);  // (each body figure's words once: many notes meet it)
      if (memo == body_words.end()) {
        memo = body_words.emplace(bm, words_at(bm)).first;
      } else {  // (what words_at leaves: the block of bm, for names_subregion)
        const size_t bb = block_of_tok(bm);
        first = nr.block_first[bb];
        last = nr.block_last[bb];
      }
      const std::set<std::string>& bw = memo->second;
      if (names_subregion(bm) != f_sub) continue;
      size_t score = 0;
      for (const auto& w : bw) score += fw.count(w);
      if (2 * score < std::min(fw.size(), bw.size())) continue;  // a few common words: another thing
      if (score > best_score) { second_score = best_score; best_score = score; best = bq; }
      else if (score > second_score) second_score = score;
    }
    if (best < 0 || best_score < 3 || second_score == best_score) continue;
    // Located at the body's statement, unless that one already states another claim.
    if (!stated_used[best]) add_pair_repeat(fq, best, Template::TextRestatedInFootnote);
    else add_pair_repeat(best, fq, Template::TextRestatedInFootnote);
  }
}

}  // namespace doisoat::grammar
