// Tables: claims read from the rows of a table (totals of rows, shares and changes in columns).
#include "claims/reader.h"

namespace doisoat::grammar {

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

Claim& Reader::add_row_claim(ClaimKind kind, const Row& row, int stated, Template tmpl) {
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

bool Reader::header_is(const std::string& h, lexicon::PhraseSet keys) {
  for (std::string_view k : keys)
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
      else if (!percent_col && header_is(h, lexicon::kPlanWords)) plan = q;
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
        if (header_is(h, lexicon::kPlanWords) && !header_is(h, {"thuc hien", "uoc"})) continue;
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
                                 yoy >= 0 ? Template::TableIndexVsLastYearColumn : Template::TableRateVsLastYearColumn);
        c.operands.push_back(Operand{"current", static_cast<uint32_t>(current)});
        c.operands.push_back(Operand{"earlier", static_cast<uint32_t>(earlier)});
        c.operands.push_back(Operand{yoy >= 0 ? "index" : "rate", static_cast<uint32_t>(stated)});
        // a negative rate cell is a fall
        c.decrease = false;
        used[earlier] = used[current] = true;
      }
    }
    if (plan >= 0 && actual >= 0 && pct_plan >= 0 && Q(plan).value.mantissa != 0) {
      Claim& c = add_row_claim(ClaimKind::PercentOfPlan, row, pct_plan, Template::TablePctOfPlanColumn);
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
      Claim& c = add_row_claim(partition ? ClaimKind::Sum : ClaimKind::PartBound, rows[i], tq, Template::TableTotalRow);
      c.exhaustive = partition;
      c.operands.push_back(Operand{"total", static_cast<uint32_t>(tq)});
      for (int p : parts) {
        c.operands.push_back(Operand{"part", static_cast<uint32_t>(p)});
        used[p] = true;
      }
    }
  }
}

}  // namespace doisoat::grammar
