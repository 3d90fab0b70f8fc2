// Repeats: a table row restated in the prose, matched by indicator or by the words of its label.
#include "claims/reader.h"

namespace doisoat::grammar {

void Reader::add_repeat(const Row& row, int prose, int table_value, Template tmpl) {
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
    bool plan_col = !actual_col && header_is(head, lexicon::kPlanWords);
    for (int q : prose) {
      if (other_year(q, doc_year, head)) continue;
      // A plan cell is restated by a plan of the text, an actual cell by anything but a plan.
      if ((plan_col && Q(q).role != "plan") || (actual_col && Q(q).role == "plan")) continue;
      if (Q(q).value == tv.value && Q(q).dimension == tv.dimension) { match = q; break; }
    }
    if (match >= 0) { add_repeat(row, match, tq, Template::RowRestatedByIndicator); continue; }
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
    add_repeat(row, levels[0], tq, Template::RowRestatedByIndicator);
  }
}

void Reader::repeats() {
  const std::string doc_year = document_year();
  std::vector<Row> rows;
  std::vector<std::string> header;  // folded header text per column
  size_t header_indicator = 1;      // the header's indicator column ("Chỉ tiêu")
  bool header_has_number_column = false;  // "STT" first
  std::string top_stt;                    // the STT number of the last row numbered "1", "2", …
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
      header_has_number_column = !texts.empty() && (texts[0] == "stt" || texts[0] == "tt" || texts[0] == "so tt");
      // The label column: "Chỉ tiêu"/"Nội dung", else the one after the STT column, else the first
      // ("Nguồn vốn | ĐVT | Kế hoạch | Thực hiện").
      header_indicator = header_has_number_column || texts.empty() || texts[0].empty() ? 1 : 0;
      top_stt.clear();
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
        // "1 | Tổng thu …" then "1.1 | Thu nội địa …", "1.2 | …": a number under the number of the
        // row it is an item of.
        if (header_has_number_column && c > 0 && cells[0].second == cells[0].first + 1 &&
            nr.tokens[cells[0].first].kind == TokKind::Number) {
          const std::string& stt = nr.tokens[cells[0].first].fold;
          const size_t dot = stt.rfind('.');
          if (dot == std::string::npos) top_stt = stt;
          else if (!top_stt.empty() && stt.compare(0, dot, top_stt) == 0 && dot + 1 < stt.size()) row.sub = true;
        }
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
    // (a one-word label only as a total row's: "Cộng", "Tổng")
    const bool total_word = row.phrase.size() == 1 && (row.phrase[0] == "cong" || row.phrase[0] == "tong");
    if ((row.phrase.size() >= 2 || total_word) && !row.values.empty()) rows.push_back(std::move(row));
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
      for (size_t m = e; m < last && m < e + kClauseWords && same_sentence(m, e); ++m) {
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
      add_repeat(row, match, tq, Template::TableRowRestated);
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
    add_repeat(row, d->second, plan, Template::RowPlanAsDenominator);
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
      bool plan_col = !actual_col && header_is(head, lexicon::kPlanWords);
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
      add_repeat(row, best, tq, Template::RowRestatedInOtherWords);
    }
  }
}

}  // namespace doisoat::grammar
