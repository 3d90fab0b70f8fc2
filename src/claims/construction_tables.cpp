// Tables: claims read from the rows of a table (totals of rows, shares and changes in columns).
#include "claims/reader.h"

namespace doisoat::grammar {

namespace {

// "Xếp hạng", "Thứ hạng", "Hạng", "PCI (hạng)" as written: folded, "hạng" is also "hàng" (goods).
bool names_rank(std::string_view written) {
  for (std::string_view w : {"hạng", "Hạng", "HẠNG"})
    if (written.find(w) != std::string_view::npos) return true;
  return false;
}

// The columns of a header of years ("Chỉ tiêu | 2021 | 2022 | Tăng/giảm", "| 2022 | 2023 | +/-",
// "Xếp hạng 2021 | Xếp hạng 2022 | Tăng (+), giảm (-) bậc", "Năm 2022 | Năm 2023 | Tỷ lệ tăng (%)",
// "Chỉ tiêu | 2021 | 2022 | 2023 | Tăng/giảm 2023 so 2021").
struct YearHeader {
  // A change, rate or index column and the two year columns it compares: "Tăng/giảm 2023 so
  // 2022" and "Tăng/giảm 2024 so 2023" under one header are two comparisons.
  struct Comparison {
    enum Kind { Change, Rate, Index } kind = Change;
    int column = -1;                 // the change, rate or index column
    int earlier = -1, current = -1;  // the two year columns it compares
    bool points = false;             // a change in points ("Tăng/giảm (điểm %)", "+/- điểm")
  };
  int first = -1;                    // the first year column (the label and unit stand before it)
  std::vector<Comparison> comparisons;
  bool percent_levels = false;       // the year cells say their levels are percentages ("2022 (%)")
  bool rank = false;                 // the year cells name a rank ("Xếp hạng 2021")
  size_t cells = 0;                  // how many cells the header has
};

}  // namespace

// The header of years at block bi, or nullopt: two cells or more that each hold one year (and
// words, the same in all, none a plan's), a change, rate or index column, and no figure anywhere.
// Of three years or more, each change, rate or index column compares the two its header names
// ("Tăng/giảm 2023 so 2021", "2023/2021 (%)"; "Tăng/giảm 2023 so 2022 | Tăng/giảm 2024 so 2023"
// are two comparisons), else the last two; a rate or index column naming no years ("Tăng bình
// quân (%)" over three years is no year-on-year rate) then gives nothing.
static std::optional<YearHeader> year_header(Reader& r, size_t bi) {
  auto cells = r.cells_of(bi);
  if (cells.size() < 3) return std::nullopt;
  YearHeader h;
  struct YearColumn { int column, year; std::string words; bool percent; };
  std::vector<YearColumn> years;
  // The change, rate and index columns, each with the years its header names.
  struct Compared { YearHeader::Comparison::Kind kind; int column; bool points; std::vector<int> named; };
  std::vector<Compared> compared;
  for (size_t c = 0; c < cells.size(); ++c) {
    auto [a, e] = cells[c];
    int year = 0, numbers = 0;
    bool percent = false, slash = false;
    std::vector<int> cell_years;
    std::string words, compact;
    for (size_t m = a; m < e; ++m) {
      const Token& t = r.nr.tokens[m];
      compact += t.fold;
      if (t.kind == TokKind::Number) {
        if (t.quantity >= 0) return std::nullopt;  // a figure: a data row
        ++numbers;
        std::string_view w = r.doc.slice(t.span);
        if (w.size() == 4 && (w.substr(0, 2) == "19" || w.substr(0, 2) == "20") &&
            std::all_of(w.begin(), w.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
          year = std::atoi(std::string(w).c_str());
          cell_years.push_back(year);
        }
      } else if (t.kind == TokKind::Percent) {
        percent = true;
      } else if (t.kind == TokKind::Slash) {
        slash = true;
      } else if (t.kind == TokKind::Word) {
        // "Thực hiện năm 2022" against "Ước thực hiện năm 2023": the same level, one estimated
        if (t.fold == "uoc" || t.fold == "nam" || t.fold == "th") continue;
        words += (words.empty() ? "" : " ") + t.fold;
      }
    }
    std::string padded = " " + words + " ";
    const bool change_word = Reader::header_is(padded, {" tang ", " giam ", " chenh lech ", " thay doi "}) ||
                             compact.find("+/-") != std::string::npos || compact.find("+-") != std::string::npos ||
                             compact.find("\xC2\xB1") != std::string::npos;
    const bool rate_word = Reader::header_is(padded, {" ty le ", " toc do "});
    if (numbers == 1 && year > 0 && !slash && !change_word && !rate_word && !Reader::header_is(padded, {" so sanh ", " so voi "})) {
      if (Reader::header_is(padded, lexicon::kPlanWords) && !Reader::header_is(padded, {"thuc hien", "uoc"})) return std::nullopt;
      years.push_back({static_cast<int>(c), year, words, percent});
      h.rank = h.rank || names_rank(r.doc.slice(Span{r.nr.tokens[a].span.begin, r.nr.tokens[e - 1].span.end}));
      continue;
    }
    if (years.empty()) {  // the label, unit and number columns ("Chỉ tiêu (%)": percentages)
      h.percent_levels = h.percent_levels || percent;
      continue;
    }
    const bool points = Reader::header_is(padded, {" diem "});
    using Kind = YearHeader::Comparison::Kind;
    if (change_word && (points || !percent))
      compared.push_back({Kind::Change, static_cast<int>(c), points, cell_years});
    else if (percent || rate_word)
      compared.push_back({Reader::header_is(padded, {" toc do ", " tang ", " giam "}) ? Kind::Rate : Kind::Index,
                          static_cast<int>(c), false, cell_years});
  }
  // "2022 | 2023 | Tỷ trọng 2023 (%)": a year cell in % among year cells without is no level column.
  const size_t in_percent = static_cast<size_t>(std::count_if(years.begin(), years.end(), [](const YearColumn& y) { return y.percent; }));
  if (in_percent == years.size()) h.percent_levels = h.percent_levels || !years.empty();
  else std::erase_if(years, [](const YearColumn& y) { return y.percent; });
  if (years.size() < 2) return std::nullopt;
  for (size_t i = 1; i < years.size(); ++i)
    if (years[i].year <= years[i - 1].year || years[i].words != years[0].words) return std::nullopt;
  // The two years compared: the last two, or the two a column's header names (in either order).
  auto pair_of = [&](const std::vector<int>& ys) -> std::optional<std::pair<int, int>> {
    const int last = static_cast<int>(years.size()) - 1;
    if (ys.empty()) return std::pair{last - 1, last};
    if (ys.size() > 2) return std::nullopt;
    // One year named ("Tăng/giảm so với năm 2021"): the earlier, against the last.
    int lo = -1, hi = ys.size() == 1 ? last : -1;
    for (size_t i = 0; i < years.size(); ++i) {
      if (years[i].year == *std::min_element(ys.begin(), ys.end())) lo = static_cast<int>(i);
      if (ys.size() == 2 && years[i].year == std::max(ys[0], ys[1])) hi = static_cast<int>(i);
    }
    if (lo < 0 || hi <= lo) return std::nullopt;
    return std::pair{lo, hi};
  };
  // Each column against the pair of years its header names; of two columns of one kind comparing
  // the same pair ("Tăng/giảm | Tăng/giảm" naming none), the first only: which is which, the
  // header does not say.
  for (const Compared& k : compared) {
    std::optional<std::pair<int, int>> p = pair_of(k.named);
    // Over three years, a rate or index that names none may be an average or a base year's.
    if (k.kind != YearHeader::Comparison::Change && years.size() > 2 && k.named.empty()) p.reset();
    if (!p) continue;
    const int earlier = years[static_cast<size_t>(p->first)].column, current = years[static_cast<size_t>(p->second)].column;
    if (std::any_of(h.comparisons.begin(), h.comparisons.end(), [&](const YearHeader::Comparison& o) {
          return o.kind == k.kind && o.earlier == earlier && o.current == current;
        }))
      continue;
    h.comparisons.push_back({k.kind, k.column, earlier, current, k.points});
  }
  if (h.comparisons.empty()) return std::nullopt;
  // A row's claims in the order change, rate, index, whatever the columns' order.
  std::stable_sort(h.comparisons.begin(), h.comparisons.end(),
                   [](const YearHeader::Comparison& a, const YearHeader::Comparison& b) { return a.kind < b.kind; });
  h.first = years.front().column;
  h.cells = cells.size();
  return h;
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

// A figure as an integer count of 10^-scale (its sign kept); current − earlier likewise.
static int64_t signed_at(const Quantity& q, int scale) {
  const int64_t m = q.value.mantissa_at(scale);
  return q.negative ? -m : m;
}
static int64_t difference_of(const Quantity& current, const Quantity& earlier, int scale) {
  return signed_at(current, scale) - signed_at(earlier, scale);
}

// The figure a cell holds and nothing else ("35", "-7", "+2,15", "5,2%"), or -1.
static int cell_figure(const Reader& r, std::pair<size_t, size_t> cell) {
  int q = -1;
  for (size_t m = cell.first; m < cell.second; ++m) {
    const Token& t = r.nr.tokens[m];
    if (t.kind == TokKind::Word) return -1;
    if (t.kind != TokKind::Number) continue;
    if (q >= 0 || t.quantity < 0) return -1;
    q = t.quantity;
  }
  return q;
}

// Rows under a header of years, with a change column: "Chỉ số | 2021 | 2022 | Tăng/giảm". A
// change is current − earlier. A rank's change is read as places gained ("tăng 7 bậc": 35 → 28),
// earlier − current, unless the table's own rank rows all write it the other way. A column that
// writes no sign at all gives magnitudes, the direction being the values'. A rate or index column
// under such a header is the growth of the row, as under a header of words. A rank is no operand
// of a rate or index.
// The blocks of the rows under each header of years, in order, with the header's columns.
static std::vector<std::pair<YearHeader, std::vector<size_t>>> year_header_tables(Reader& r) {
  std::vector<std::pair<YearHeader, std::vector<size_t>>> out;
  for (size_t bi = 0; bi < r.doc.blocks.size() && bi < r.nr.block_first.size(); ++bi) {
    if (!r.table_row(bi)) continue;
    std::optional<YearHeader> h = year_header(r, bi);
    if (!h) continue;
    // The rows under it, to the end of the table (a short line between rows is a group's name).
    std::vector<size_t> blocks;
    size_t k = bi + 1;
    for (size_t gap = 0; k < r.doc.blocks.size() && k < r.nr.block_first.size(); ++k) {
      if (!r.table_row(k)) {
        if (++gap > 1 || r.nr.block_last[k] - r.nr.block_first[k] > 12) break;
        continue;
      }
      gap = 0;
      if (year_header(r, k)) break;
      blocks.push_back(k);
    }
    out.emplace_back(*h, std::move(blocks));
    bi = k - 1;
  }
  return out;
}

void year_header_claims(Reader& r) {
  // A row against one comparison of its header: its earlier and current figures and the cell that
  // states their change, rate or index.
  struct Line {
    size_t block;
    size_t comparison;
    int earlier, current, stated;
    bool rank;
    bool percent;  // the levels are percentages: their change is in points
  };
  using Kind = YearHeader::Comparison::Kind;
  auto written = [&](std::pair<size_t, size_t> cell) {
    if (cell.first >= cell.second) return std::string_view();
    return r.doc.slice(Span{r.nr.tokens[cell.first].span.begin, r.nr.tokens[cell.second - 1].span.end});
  };
  auto signed_cell = [&](int q) {
    const uint32_t at = r.nr.quantities[q].span.begin;
    std::string_view before = r.doc.slice(Span{at >= 3 ? at - 3 : 0, at});
    return !before.empty() && (before.back() == '-' || before.back() == '+' ||
                               (before.size() >= 3 && (before.substr(before.size() - 3) == "\xE2\x88\x92" ||
                                                       before.substr(before.size() - 3) == "\xE2\x80\x93")));
  };
  for (auto& [header, blocks] : year_header_tables(r)) {
    const YearHeader* h = &header;
    std::vector<Line> lines;
    for (size_t k : blocks) {
      auto cells = r.cells_of(k);
      // A header without its empty first cell ("⇥2022⇥2023⇥+/-" read as three cells) heads the
      // rows' last cells.
      const int shift = cells.size() > h->cells ? static_cast<int>(cells.size() - h->cells) : 0;
      auto at = [&](int c) {
        return c >= 0 && static_cast<size_t>(c + shift) < cells.size() ? cell_figure(r, cells[static_cast<size_t>(c + shift)]) : -1;
      };
      bool label = false, rank = h->rank, percent = h->percent_levels;
      for (int c = 0; c < h->first + shift && static_cast<size_t>(c) < cells.size(); ++c) {
        for (size_t m = cells[c].first; m < cells[c].second; ++m) label = label || r.nr.tokens[m].kind == TokKind::Word;
        rank = rank || names_rank(written(cells[c]));
        // "Tỷ lệ hộ nghèo (%)", or a unit cell "%"
        percent = percent || written(cells[c]).find('%') != std::string_view::npos;
      }
      if (!label) continue;
      for (size_t ci = 0; ci < h->comparisons.size(); ++ci) {
        const YearHeader::Comparison& cmp = h->comparisons[ci];
        Line l{k, ci, at(cmp.earlier), at(cmp.current), at(cmp.column), rank, percent};
        if (l.earlier < 0 || l.current < 0 || l.stated < 0) continue;
        if (r.pct(l.earlier) && r.pct(l.current)) l.percent = true;
        else if (r.pct(l.earlier) || r.pct(l.current) || !r.compatible(l.earlier, l.current)) continue;
        if (l.percent && l.rank) continue;
        lines.push_back(l);
      }
    }
    // Each change column's convention: signed or not; for ranks (all change columns of the
    // table), places gained or the difference.
    std::vector<bool> signs(h->comparisons.size(), false);
    size_t gained = 0, difference = 0;
    for (const Line& l : lines) {
      if (h->comparisons[l.comparison].kind != Kind::Change) continue;
      if (signed_cell(l.stated)) signs[l.comparison] = true;
      if (!l.rank) continue;
      const int scale = std::max({r.Q(l.current).value.scale, r.Q(l.earlier).value.scale, r.Q(l.stated).value.scale});
      const int64_t d = difference_of(r.Q(l.current), r.Q(l.earlier), scale);
      const int64_t stated = signed_at(r.Q(l.stated), scale);
      if (d == 0) continue;
      if (stated == d) ++difference;
      if (stated == -d) ++gained;
    }
    const bool rank_as_difference = difference > 0 && gained == 0;
    std::unordered_set<uint32_t> stated;  // figures another table claim states already
    for (const Claim& c : r.out.claims) stated.insert(c.stated);
    for (const Line& l : lines) {
      const Kind kind = h->comparisons[l.comparison].kind;
      if (r.stated_used[l.stated] || stated.count(static_cast<uint32_t>(l.stated))) continue;
      Reader::Row row;
      row.block = l.block;
      if (kind == Kind::Change) {
        // A change of percentages in points ("Tỷ lệ hộ nghèo (%) | 3,12 | 2,45 | -0,67"): X − Z = Y points.
        if (l.percent) {
          if (!r.Q(l.stated).unit.empty() && !r.pct(l.stated)) continue;
          Claim& c = r.add_row_claim(ClaimKind::PpDifference, row, l.stated, Template::TablePointsChangeColumn);
          r.stated_used[l.stated] = true;
          c.operands.push_back(Operand{"current", static_cast<uint32_t>(l.current)});
          c.operands.push_back(Operand{"earlier", static_cast<uint32_t>(l.earlier)});
          c.operands.push_back(Operand{"change", static_cast<uint32_t>(l.stated)});
          r.used[l.current] = r.used[l.earlier] = true;
          if (!signs[l.comparison]) c.decrease = difference_of(r.Q(l.current), r.Q(l.earlier), 6) < 0;
          continue;
        }
        if (r.pct(l.stated) || (!r.Q(l.stated).unit.empty() && !r.compatible(l.stated, l.current))) continue;
        const bool places = l.rank && !rank_as_difference;
        // A rank is an exact place, not a rounded measure: 9 → 7 is two places, never one.
        if (l.rank)
          for (int q : {l.earlier, l.current, l.stated})
            if (r.Q(q).value.scale == 0 && r.Q(q).precision == 0) r.Q(q).exact_count = true;
        Claim& c = r.add_row_claim(ClaimKind::AbsChange, row, l.stated, places ? Template::TableRankChangeColumn : Template::TableChangeColumn);
        r.stated_used[l.stated] = true;
        c.operands.push_back(Operand{"current", static_cast<uint32_t>(l.current)});
        c.operands.push_back(Operand{"earlier", static_cast<uint32_t>(l.earlier)});
        c.operands.push_back(Operand{"change", static_cast<uint32_t>(l.stated)});
        r.used[l.current] = r.used[l.earlier] = true;
        // With no sign in the column, the values tell the direction and the cell the size.
        if (!signs[l.comparison]) {
          const int64_t d = difference_of(r.Q(l.current), r.Q(l.earlier), 6);
          c.decrease = places ? d > 0 : d < 0;
        }
        continue;
      }
      // A rate or index of a percentage: relative or in points, the header does not say. A rank
      // is no operand of a rate.
      if (l.percent || l.rank || r.Q(l.earlier).value.mantissa == 0) continue;
      const bool index = kind == Kind::Index;
      Claim& c = r.add_row_claim(ClaimKind::Growth, row, l.stated,
                                 index ? Template::TableIndexVsLastYearColumn : Template::TableRateVsLastYearColumn);
      r.stated_used[l.stated] = true;
      c.operands.push_back(Operand{"current", static_cast<uint32_t>(l.current)});
      c.operands.push_back(Operand{"earlier", static_cast<uint32_t>(l.earlier)});
      c.operands.push_back(Operand{index ? "index" : "rate", static_cast<uint32_t>(l.stated)});
      r.used[l.earlier] = r.used[l.current] = true;
    }
  }
}

// Relations inside an indicator table: a "% so KH" cell against the plan and actual cells of
// its row; a total row over the "- item" rows below it, column by column.
void Reader::table_claims(const std::vector<Row>& rows) {
  // A rank ("Xếp hạng", "Thứ hạng", "Hạng" in its label or its column's header) is no operand of a
  // percent of plan, a rate or a total.
  auto rank_row = [&](const Row& row) { return names_rank(doc.slice(doc.blocks[row.block].span)); };
  auto rank_column = [](const std::string& h) {
    return header_is(h, {"xep hang", "thu hang"}) || h == "hang" || h.rfind("hang ", 0) == 0;
  };
  // (nor the plan or actual of a percent of plan stated in the prose: plan-from-table)
  std::erase_if(table_rows, rank_row);
  // Rows under a header of years are read by year_header_claims: their cells' headers here are
  // another table's (a header with figures is no header for the rows' reading).
  std::unordered_set<size_t> under_years;
  for (const auto& [header, blocks] : year_header_tables(*this)) under_years.insert(blocks.begin(), blocks.end());
  for (const Row& row : rows) {
    if (rank_row(row) || under_years.count(row.block)) continue;
    int plan = -1, actual = -1, pct_plan = -1;
    for (auto [q, h] : row.values) {
      if (rank_column(h)) continue;
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
        if (rank_column(h)) continue;
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
  // A total row over its items, column by column. `closing`: a "Tổng cộng" row, read as the sum of
  // the rows it closes only when one of its columns adds up exactly (the rows are then its items).
  auto total_over = [&](size_t i, const std::vector<size_t>& items, bool closing) {
    if (items.size() < 2 || rank_row(rows[i])) return;  // at least two items
    for (size_t r : items)
      if (rank_row(rows[r])) return;
    // When one column of the items adds up exactly to the total row, the items partition it,
    // and every other column of the same items must add up too.
    // (a percent column adds up only as shares of the total: "Tỷ trọng (%)", "Cơ cấu (%)")
    auto additive = [&](int tq, const std::string& th) {
      const bool shares = th.find("ty trong") != std::string::npos || th.find("co cau") != std::string::npos;
      return !rank_column(th) && (shares || (!pct(tq) && th.find('%') == std::string::npos));
    };
    bool partitioned = false;
    for (auto [tq, th] : rows[i].values) {
      if (!additive(tq, th)) continue;
      double sum = 0;
      size_t n = 0;
      for (size_t r : items)
        for (auto [pq, ph] : rows[r].values)
          if (ph == th && compatible(pq, tq) && pct(pq) == pct(tq)) { sum += Q(pq).value.to_double() * Q(pq).factor; ++n; }
      double tv = Q(tq).value.to_double() * Q(tq).factor;
      if (n == items.size() && std::fabs(sum - tv) <= 0.5 * std::pow(10.0, -Q(tq).precision) * Q(tq).factor + 1e-9 * tv)
        partitioned = true;
    }
    if (closing && !partitioned) return;
    for (auto [tq, th] : rows[i].values) {
      if (!additive(tq, th)) continue;
      std::vector<int> parts;
      for (size_t r : items)
        for (auto [pq, ph] : rows[r].values)
          if (ph == th && compatible(pq, tq) && pct(pq) == pct(tq)) parts.push_back(pq);
      if (parts.size() != items.size()) continue;
      double sum = 0;
      for (int p : parts) sum += Q(p).value.to_double() * Q(p).factor;
      double tv = Q(tq).value.to_double() * Q(tq).factor;
      bool adds_up = std::fabs(sum - tv) <= 0.5 * std::pow(10.0, -Q(tq).precision) * Q(tq).factor + 1e-9 * tv;
      // Items that are kinds of one whole ("Khách nội địa" / "Khách quốc tế") partition it.
      bool partition = adds_up || partitioned;
      if (!partition && parts.size() == 2) {
        std::string a = " ", b = " ";
        for (auto& w : rows[items[0]].phrase) a += w + " ";
        for (auto& w : rows[items[1]].phrase) b += w + " ";
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
  };
  // "Tổng cộng", "Tổng số", "Cộng", "Tổng" as a row's whole label: the total of the rows above it
  // (back to the last such row), or, first of its table, of the rows below it; never an item of
  // the row above.
  auto closing_row = [](const Row& row) {
    return (row.phrase.size() == 2 && row.phrase[0] == "tong" && (row.phrase[1] == "cong" || row.phrase[1] == "so")) ||
           (row.phrase.size() == 1 && (row.phrase[0] == "cong" || row.phrase[0] == "tong"));
  };
  auto next_to = [&](size_t a, size_t b) { return rows[b].block == rows[a].block + 1; };
  for (size_t i = 0; i + 2 < rows.size() + 1; ++i) {
    if (rows[i].sub) continue;
    size_t j = i + 1;
    while (j < rows.size() && rows[j].sub && !closing_row(rows[j]) && next_to(j - 1, j)) ++j;
    std::vector<size_t> items;
    for (size_t r = i + 1; r < j; ++r) items.push_back(r);
    total_over(i, items, false);
  }
  for (size_t k = 0; k < rows.size(); ++k) {
    if (!closing_row(rows[k])) continue;
    if (!rows[k].sub && k + 1 < rows.size() && rows[k + 1].sub && next_to(k, k + 1)) continue;  // it heads its items
    // The rows it closes (or, first of its table, opens), and of them the rows of their own when
    // some have items ("- Vốn doanh nghiệp" is in "Vốn ngoài ngân sách" already).
    std::vector<size_t> span;
    for (size_t m = k; m > 0 && next_to(m - 1, m) && !closing_row(rows[m - 1]); --m) span.insert(span.begin(), m - 1);
    if (span.empty())
      for (size_t m = k + 1; m < rows.size() && next_to(m - 1, m) && !closing_row(rows[m]); ++m) span.push_back(m);
    std::vector<size_t> items;
    for (size_t r : span)
      if (!rows[r].sub) items.push_back(r);
    if (items.empty()) items = span;
    total_over(k, items, true);
  }
}

}  // namespace doisoat::grammar
