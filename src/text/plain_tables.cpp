#include "text/plain_tables.h"

#include <algorithm>
#include <array>
#include <climits>

#include "text/fold.h"
#include "text/utf8.h"

namespace doisoat {

namespace {

enum class SegKind { Figure, Placeholder, Year, Text };

// One cell of a line: a run of text between gaps of two spaces or more (or a tab).
struct Seg {
  uint32_t b = 0, e = 0;    // bytes of the input
  uint32_t cb = 0, ce = 0;  // character columns (a tab advances to the next multiple of 8)
  SegKind kind = SegKind::Text;
};

struct PLine {
  uint32_t b = 0, e = 0;  // content, without the line break
  uint32_t nl = 0;        // the line break (or the end of the input)
  std::vector<Seg> segs;
  bool blank = true;
  bool tab_row = false;   // two tabs or more: already a table row for the text layer
  bool form_feed = false;
};

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "1.234,5", "-3.06", "(12,5)", "102,5 %", "+7.1%": a figure and nothing else.
SegKind kind_of(std::string_view s) {
  if (s == "-" || s == "x" || s == "X" || s == "\xE2\x80\x93" || s == "\xE2\x80\x94" || s == "..." ||
      s == "\xE2\x80\xA6" || s == "*")
    return SegKind::Placeholder;
  size_t i = 0, e = s.size();
  if (s.substr(0, 3) == "\xE2\x88\x92" || s.substr(0, 3) == "\xE2\x80\x93") i = 3;  // minus sign, or an en dash for it
  else if (i < e && (s[i] == '-' || s[i] == '+' || s[i] == '(')) ++i;
  if (e > i && s[e - 1] == '%') --e;
  while (e > i && s[e - 1] == ' ') --e;
  if (e > i && s[e - 1] == ')') --e;
  if (i >= e || s[i] < '0' || s[i] > '9' || s[e - 1] < '0' || s[e - 1] > '9') return SegKind::Text;
  for (size_t k = i; k < e; ++k)
    if (!((s[k] >= '0' && s[k] <= '9') || s[k] == '.' || s[k] == ',')) return SegKind::Text;
  std::string_view core = s.substr(i, e - i);
  if (core.size() == 4 && all_digits(core) && i == 0 && e == s.size() && (core[0] == '1' || core[0] == '2') &&
      (core.substr(0, 2) == "19" || core.substr(0, 2) == "20"))
    return SegKind::Year;
  return SegKind::Figure;
}

void segment(std::string_view t, PLine& l) {
  uint32_t col = 0, tabs = 0;
  size_t i = l.b;
  bool open = false;
  Seg cur;
  uint32_t last_e = 0, last_ce = 0;  // end of the last non-space character of the open segment
  while (i < l.e) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (c == '\f') l.form_feed = true;
    if (c == '\t' || (c == ' ' && i + 1 < l.e && (t[i + 1] == ' ' || t[i + 1] == '\t')) || c == '\f' || c == '\r') {
      // a gap: a tab, or two spaces or more
      if (open) {
        cur.e = last_e;
        cur.ce = last_ce;
        l.segs.push_back(cur);
        open = false;
      }
      while (i < l.e && (t[i] == ' ' || t[i] == '\t' || t[i] == '\f' || t[i] == '\r')) {
        if (t[i] == '\t') { col = (col / 8 + 1) * 8; ++tabs; }
        else ++col;
        ++i;
      }
      continue;
    }
    int len = 1;
    if (c >= 0x80) utf8::decode(t, i, len);
    if (c == ' ') {
      ++i;
      ++col;
      continue;  // one space inside a cell
    }
    if (!open) {
      open = true;
      cur = Seg{};
      cur.b = static_cast<uint32_t>(i);
      cur.cb = col;
    }
    i += static_cast<size_t>(len);
    ++col;
    last_e = static_cast<uint32_t>(i);
    last_ce = col;
  }
  if (open) {
    cur.e = last_e;
    cur.ce = last_ce;
    l.segs.push_back(cur);
  }
  l.blank = l.segs.empty();
  l.tab_row = tabs >= 2;
  for (Seg& s : l.segs) s.kind = kind_of(t.substr(s.b, s.e - s.b));
  // Two figures one space apart are two cells: a converter puts a left-aligned figure ("+2,18")
  // one space after the right-aligned one of the column before ("66,30 +2,18"). Not "12 345"
  // (digits, then a group of three: one number grouped with a space).
  for (size_t k = 0; k < l.segs.size(); ++k) {
    Seg& s = l.segs[k];
    if (s.kind != SegKind::Text) continue;
    std::string_view v = t.substr(s.b, s.e - s.b);
    size_t sp = v.find(' ');
    if (sp == std::string_view::npos || v.find(' ', sp + 1) != std::string_view::npos) continue;
    std::string_view a = v.substr(0, sp), b = v.substr(sp + 1);
    if (kind_of(a) != SegKind::Figure || kind_of(b) != SegKind::Figure) continue;
    if (all_digits(a) && all_digits(b) && b.size() == 3) continue;
    Seg second = s;
    second.b = s.b + static_cast<uint32_t>(sp + 1);
    second.cb = s.cb + static_cast<uint32_t>(utf8::count_cps(v.substr(0, sp + 1)));
    second.kind = SegKind::Figure;
    s.e = s.b + static_cast<uint32_t>(sp);
    s.ce = s.cb + static_cast<uint32_t>(utf8::count_cps(a));
    s.kind = SegKind::Figure;
    l.segs.insert(l.segs.begin() + static_cast<long>(k) + 1, second);
  }
}

std::string_view seg_text(std::string_view t, const Seg& s) { return t.substr(s.b, s.e - s.b); }

// Words that name a column's role in a header (folded).
bool names_a_column(const std::string& f) {
  static constexpr std::array<std::string_view, 31> kWords{
      "chi tieu", "dvt", "don vi", "ke hoach", "thuc hien", "uoc", "so sanh", "ty le", "cung ky", "noi dung",
      "stt", "tang", "giam", "xep hang", "thu hang", "diem", "nam 20", "kh ", "th ", "so voi", "muc tieu",
      "du toan", "ket qua", "chenh lech", "toc do", "quy ", "thang", "luy ke", "tt", "thay doi", "%"};
  std::string padded = " " + f + " ";
  // "+/-", "+ / -", "±": a change column
  if (f.find("+/-") != std::string::npos || f.find("+ / -") != std::string::npos || f.find("\xC2\xB1") != std::string::npos)
    return true;
  for (std::string_view w : kWords) {
    if (w == "%") {
      if (f.find('%') != std::string::npos) return true;
      continue;
    }
    std::string key(1, ' ');
    key.append(w);
    size_t at = padded.find(key);
    if (at == std::string::npos) continue;
    size_t after = at + key.size();
    if (w.back() == ' ' || after >= padded.size() || padded[after] == ' ' || padded[after] == '/' ||
        padded[after] == '(' || padded[after] == ')' || padded[after] == ',' || (w == "nam 20"))
      return true;
  }
  return false;
}

// A cell of prose justified with double spaces: it ends a clause ("tăng 5,1%;", "năm,").
bool ends_clause(std::string_view t, const Seg& s) {
  char c = s.e > s.b ? t[s.e - 1] : ' ';
  return c == ',' || c == ';' || c == ':' || (c == '.' && s.e - s.b > 4);
}

bool header_line(std::string_view t, const PLine& l) {
  if (l.tab_row || l.segs.size() < 3) return false;
  for (const Seg& s : l.segs)
    if (ends_clause(t, s)) return false;
  for (const Seg& s : l.segs)
    if (s.kind == SegKind::Figure) {
      std::string_view v = seg_text(t, s);
      // "(1)", "(2)": column numbers under a header are no figures either
      if (!(v.size() >= 3 && v.front() == '(' && v.back() == ')')) return false;
    }
  for (const Seg& s : l.segs)
    if (s.kind == SegKind::Text && names_a_column(fold(seg_text(t, s)))) return true;
  return false;
}

// A row of column numbers under the header: "1  2  3  4", "(1)  (2)  (3)", "A  B  1  2".
bool numbering_line(std::string_view t, const PLine& l) {
  if (l.segs.size() < 3) return false;
  for (const Seg& s : l.segs) {
    std::string_view v = seg_text(t, s);
    if (v.size() >= 3 && v.front() == '(' && v.back() == ')') v = v.substr(1, v.size() - 2);
    bool small = (all_digits(v) && v.size() <= 2) || (v.size() == 1 && v[0] >= 'A' && v[0] <= 'Z');
    if (!small) return false;
  }
  return true;
}

// A row: figures after its first cell, and its cells from the first figure on mostly figures
// (a status word, "Đạt", may stand among them; a justified prose line has words between them).
bool data_line(std::string_view t, const PLine& l) {
  if (l.tab_row || l.segs.size() < 2) return false;
  size_t k = 1;
  while (k < l.segs.size() && l.segs[k].kind == SegKind::Text) ++k;
  if (k == l.segs.size()) return false;
  size_t figures = 0, words = 0;
  for (; k < l.segs.size(); ++k) (l.segs[k].kind == SegKind::Text ? words : figures)++;
  for (const Seg& s : l.segs)
    if (s.kind == SegKind::Text && ends_clause(t, s)) return false;
  return words * 2 <= figures;
}

// "1", "12.", "2.3", "II", "a)", "A": a row number.
bool row_number(std::string_view v) {
  if (v.empty() || v.size() > 6) return false;
  if (v.back() == '.' || v.back() == ')') v.remove_suffix(1);
  if (v.empty()) return false;
  if (std::all_of(v.begin(), v.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; })) return v.front() != '.';
  if (v.find_first_not_of("IVXL") == std::string_view::npos) return true;
  return v.size() == 1 && ((v[0] >= 'a' && v[0] <= 'z') || (v[0] >= 'A' && v[0] <= 'Z'));
}

bool starts_lower(std::string_view t, const Seg& s) {
  if (s.e <= s.b) return false;
  if (t[s.b] == '(') return true;
  int len = 0;
  return utf8::is_lower(utf8::decode(t, s.b, len));
}

// The index of a row's first value (its lead cells, STT, label and unit, come before it).
size_t first_value(const PLine& l) {
  for (size_t k = 1; k < l.segs.size(); ++k)
    if (l.segs[k].kind != SegKind::Text) {
      // a unit cell just before the first figure ("%", "tỷ đồng") is a lead cell: it is text
      return k;
    }
  return l.segs.size();
}

struct Column {
  uint32_t cb = 0, ce = 0;
};

bool overlaps(const Column& c, const Seg& s) { return s.cb < c.ce && c.cb < s.ce; }

std::vector<Column> union_of(std::vector<Column> spans) {
  std::sort(spans.begin(), spans.end(), [](const Column& a, const Column& b) { return a.cb < b.cb; });
  std::vector<Column> out;
  for (const Column& s : spans) {
    if (!out.empty() && s.cb < out.back().ce) out.back().ce = std::max(out.back().ce, s.ce);
    else out.push_back(s);
  }
  return out;
}

// A piece of a cell: bytes [b, e) of the input.
struct Piece {
  uint32_t b = 0, e = 0;
  uint32_t join_origin = 0;  // where the space before it comes from (a line break)
};

struct Row {
  size_t line = 0;                        // last input line of the row
  std::vector<Seg> lead, values;          // its cells left of and in the value columns
  std::vector<Piece> label_before;        // a label line above it ("Giá trị sản xuất nông")
  std::vector<Piece> label_after;         // label continuations below it ("nghiệp")
  std::vector<Seg> after_segs;            // where each of them stands (its column)
  uint32_t label_join = 0;                // the line break between label_before and the row
};

enum class ItemKind { Header, Row, Verbatim, Blank };
struct Item {
  ItemKind kind = ItemKind::Verbatim;
  size_t line = 0;  // Verbatim/Blank: the line; Row: index into rows
};

class Writer {
 public:
  explicit Writer(std::string_view t) : t_(t) {}
  void copy(uint32_t b, uint32_t e) {
    out_.text.append(t_.substr(b, e - b));
    for (uint32_t k = b; k < e; ++k) out_.origin.push_back(k);
  }
  void put(char c, uint32_t origin) {
    out_.text.push_back(c);
    out_.origin.push_back(t_.empty() ? 0 : std::min<uint32_t>(origin, static_cast<uint32_t>(t_.size() - 1)));
  }
  void cell(const std::vector<Piece>& pieces, uint32_t tab_origin, bool first) {
    if (!first) put('\t', tab_origin);
    for (size_t k = 0; k < pieces.size(); ++k) {
      if (k > 0) put(' ', pieces[k].join_origin);
      copy(pieces[k].b, pieces[k].e);
    }
  }
  TabulatedText& out() { return out_; }

 private:
  std::string_view t_;
  TabulatedText out_;
};

class TableReader {
 public:
  TableReader(std::string_view t, std::vector<PLine>& lines) : t_(t), lines_(lines) {}

  // Reads a table whose header starts at line h; returns the line after it, or h when none.
  size_t read(size_t h, Writer& w) {
    if (!header_line(t_, lines_[h])) return h;
    // Header lines, up to the first data row.
    std::vector<size_t> head{h};
    size_t i = h + 1;
    for (; i < lines_.size() && head.size() <= 4; ++i) {
      const PLine& l = lines_[i];
      if (l.tab_row || l.form_feed) return h;
      if (l.blank) continue;
      // (a line of years only, "2022  2023" under "Tăng/giảm" / "2023 so", ends header cells)
      const bool years_only = std::none_of(l.segs.begin(), l.segs.end(), [](const Seg& s) {
        return s.kind == SegKind::Figure || s.kind == SegKind::Placeholder;
      });
      if (data_line(t_, l) && !numbering_line(t_, l) && !years_only) break;
      head.push_back(i);
    }
    if (i >= lines_.size() || !data_line(t_, lines_[i]) || head.size() > 4) return h;
    // Rows until a line that belongs to no table.
    std::vector<Row> rows;
    std::vector<Item> items;
    int blanks = 0;
    size_t end = i;
    size_t pending = SIZE_MAX;  // a label-only line that may open the next row's label
    uint32_t value_start = UINT32_MAX;
    for (size_t k = i; k < lines_.size(); ++k) {
      const PLine& l = lines_[k];
      if (l.tab_row || l.form_feed) break;
      if (l.blank) {
        if (++blanks > 2) break;
        items.push_back(Item{ItemKind::Blank, k});
        continue;
      }
      // Another table's header ("Chỉ số  2022  2023  Tăng/giảm": its years are no figures).
      if (header_line(t_, l) && std::none_of(l.segs.begin(), l.segs.end(), [](const Seg& s) { return s.kind == SegKind::Figure; }))
        break;
      if (data_line(t_, l) && !numbering_line(t_, l)) {
        Row r;
        r.line = k;
        size_t f = first_value(l);
        r.lead.assign(l.segs.begin(), l.segs.begin() + static_cast<long>(f));
        r.values.assign(l.segs.begin() + static_cast<long>(f), l.segs.end());
        value_start = std::min(value_start, r.values.front().cb);
        if (pending != SIZE_MAX && blanks == 0 && !r.lead.empty() && starts_lower(t_, r.lead.back())) {
          for (const Seg& s : lines_[pending].segs) r.label_before.push_back(Piece{s.b, s.e, lines_[pending].nl});
          r.label_join = lines_[pending].nl;
          items.pop_back();  // the pending line is the start of this row's label
        }
        pending = SIZE_MAX;
        rows.push_back(std::move(r));
        items.push_back(Item{ItemKind::Row, rows.size() - 1});
        blanks = 0;
        end = k + 1;
        continue;
      }
      // A line without figures.
      if (l.segs.back().ce > value_start + 2 && !numbering_line(t_, l)) break;  // reaches into the figures: prose
      if (numbering_line(t_, l)) break;
      const bool continuation = blanks == 0 && !rows.empty() && items.back().kind == ItemKind::Row &&
                                starts_lower(t_, l.segs.front());
      if (continuation) {
        Row& r = rows.back();
        for (const Seg& s : l.segs) {
          r.label_after.push_back(Piece{s.b, s.e, lines_[k - 1].nl});
          r.after_segs.push_back(s);
        }
        r.line = k;
        end = k + 1;
        continue;
      }
      if (utf8::count_cps(t_.substr(l.b, l.e - l.b)) > 100) break;
      pending = k;
      items.push_back(Item{ItemKind::Verbatim, k});
      blanks = 0;
    }
    if (rows.size() < 2) return h;
    // Drop what follows the last row (blank lines, a trailing label line): it is not the table's.
    while (!items.empty() && items.back().kind != ItemKind::Row) items.pop_back();

    // Value columns from the data rows.
    std::vector<Column> spans;
    for (const Row& r : rows)
      for (const Seg& s : r.values) spans.push_back(Column{s.cb, s.ce});
    std::vector<Column> cols = union_of(spans);
    if (cols.empty()) return h;
    // A converter puts each word at the nearest character column, so right-aligned figures of one
    // column may stand a character or two apart from row to row ("3.150" over "  655"), and the
    // ranges of two columns may touch. When the rows that fill every column (two at least) have
    // a different count of columns than those ranges, the columns are the rows' cells in order.
    size_t most = 0, full = 0;
    for (const Row& r : rows) most = std::max(most, r.values.size());
    for (const Row& r : rows) full += r.values.size() == most;
    // (or when a full row has two cells in one of those ranges: "30" and "+7" both under "+1,85")
    bool collide = false;
    for (const Row& r : rows) {
      if (r.values.size() != most || cols.size() != most) continue;
      for (size_t c = 0; c < most; ++c) collide = collide || !overlaps(cols[c], r.values[c]);
    }
    const bool ordinal = (cols.size() != most || collide) && full >= 2;
    if (ordinal) {
      cols.assign(most, Column{UINT32_MAX, 0});
      for (const Row& r : rows)
        if (r.values.size() == most)
          for (size_t c = 0; c < most; ++c) {
            cols[c].cb = std::min(cols[c].cb, r.values[c].cb);
            cols[c].ce = std::max(cols[c].ce, r.values[c].ce);
          }
    }
    // What the rows' lead cells (number, label, unit) cover.
    std::vector<Column> lead_cover_spans;
    for (const Row& r : rows)
      for (const Seg& s : r.lead) lead_cover_spans.push_back(Column{s.cb, s.ce});
    const std::vector<Column> lead_cover = union_of(lead_cover_spans);
    // A header cell heads a value column when it overlaps the value columns more than the lead
    // cells, or, overlapping neither, stands nearer to them: a header centred over right-aligned
    // figures may start left of them ("Kế hoạch" over "6.200").
    auto heads_values = [&](const Seg& s) {
      auto reach = [&](const std::vector<Column>& spans, long& overlap, long& distance) {
        overlap = 0;
        distance = LONG_MAX;
        for (const Column& c : spans) {
          long ov = static_cast<long>(std::min(c.ce, s.ce)) - static_cast<long>(std::max(c.cb, s.cb));
          overlap = std::max(overlap, ov);
          distance = std::min(distance, ov >= 0 ? 0 : -ov);
        }
      };
      long ov_v, d_v, ov_l, d_l;
      reach(cols, ov_v, d_v);
      reach(lead_cover, ov_l, d_l);
      if (ov_v > 0 || ov_l > 0) return ov_v > ov_l;
      return d_v < d_l;
    };
    // Lead columns from the header cells left of the values.
    std::vector<Column> lead_spans;
    for (size_t hl : head)
      for (const Seg& s : lines_[hl].segs)
        if (!heads_values(s)) lead_spans.push_back(Column{s.cb, s.ce});
    std::vector<Column> lead = union_of(lead_spans);
    if (lead.empty()) lead.push_back(Column{0, cols.front().cb});
    if (lead.size() + cols.size() < 3) return h;

    // The header row: each header cell in the column(s) under it, lines joined top to bottom.
    std::vector<std::vector<Piece>> head_cells(lead.size() + cols.size());
    for (size_t hl : head) {
      if (numbering_line(t_, lines_[hl])) continue;
      for (const Seg& s : lines_[hl].segs) {
        uint32_t join = hl > 0 ? lines_[hl - 1].nl : 0;
        if (!heads_values(s)) {
          head_cells[nearest(lead, s)].push_back(Piece{s.b, s.e, join});
          continue;
        }
        // Spanning a group of columns ("So sánh (%)" over "KH" and "CK"): each of them.
        std::vector<size_t> under;
        for (size_t c = 0; c < cols.size(); ++c) {
          uint32_t ov = std::min(cols[c].ce, s.ce) > std::max(cols[c].cb, s.cb) ? std::min(cols[c].ce, s.ce) - std::max(cols[c].cb, s.cb) : 0;
          if (ov * 2 >= cols[c].ce - cols[c].cb && ov > 0) under.push_back(c);
        }
        if (under.empty()) under.push_back(nearest(cols, s));
        for (size_t c : under) head_cells[lead.size() + c].push_back(Piece{s.b, s.e, join});
      }
    }

    // Write: the header row, then the rows and the lines between them.
    const size_t ncols = lead.size() + cols.size();
    auto write_row = [&](const std::vector<std::vector<Piece>>& cells, uint32_t nl) {
      size_t last = cells.size();
      while (last > 0 && cells[last - 1].empty()) --last;
      uint32_t tab_origin = nl;
      for (size_t c = 0; c < last; ++c) {
        if (c > 0 && !cells[c - 1].empty()) tab_origin = cells[c - 1].back().e;
        w.cell(cells[c], tab_origin, c == 0);
      }
      // Two tabs at least, so the text layer reads it as a row even with empty trailing cells.
      for (size_t c = last; c < 3; ++c) w.put('\t', nl);
      w.put('\n', nl);
    };
    write_row(head_cells, lines_[head.back()].nl);
    size_t label_col = label_column(lead, head_cells);
    size_t unit_col = SIZE_MAX;  // the "ĐVT" / "Đơn vị tính" column
    for (size_t c = 0; c < lead.size() && unit_col == SIZE_MAX; ++c)
      for (const Piece& p : head_cells[c]) {
        std::string f = fold(t_.substr(p.b, p.e - p.b));
        if (f == "dvt" || f.rfind("don vi", 0) == 0) unit_col = c;
      }
    for (const Item& it : items) {
      if (it.kind == ItemKind::Blank) continue;
      if (it.kind == ItemKind::Verbatim) {
        const PLine& l = lines_[it.line];
        w.copy(l.segs.front().b, l.segs.back().e);
        w.put('\n', l.nl);
        continue;
      }
      const Row& r = rows[it.line];
      std::vector<std::vector<Piece>> cells(ncols);
      std::vector<size_t> lead_at = place_lead(r.lead, lead.size(), label_col);
      for (size_t k = 0; k < r.lead.size(); ++k) cells[lead_at[k]].push_back(Piece{r.lead[k].b, r.lead[k].e, r.lead[k].b});
      if (!r.label_before.empty()) {
        auto& cell = cells[label_col];
        std::vector<Piece> joined = r.label_before;
        for (size_t k = 0; k < cell.size(); ++k) {
          Piece p = cell[k];
          if (k == 0) p.join_origin = r.label_join;
          joined.push_back(p);
        }
        cell = std::move(joined);
      }
      // A label without its unit where the table has a unit column: the converter may have put
      // the unit one space after the label ("Sản lượng lương thực có hạt tấn").
      if (unit_col < lead.size() && unit_col != label_col && cells[unit_col].empty() && cells[label_col].size() == 1) {
        Piece& label = cells[label_col][0];
        if (uint32_t at = trailing_unit(label); at > 0) {
          cells[unit_col].push_back(Piece{at, label.e, at});
          label.e = label.b + static_cast<uint32_t>(t_.substr(label.b, at - label.b).find_last_not_of(' ') + 1);
        }
      }
      // A continuation line's cells go under the row's cells they stand under ("trên địa bàn
      // huyện" under the label, "đồng" under "triệu").
      for (size_t k = 0; k < r.label_after.size(); ++k) {
        size_t col = label_col;
        if (!r.lead.empty()) {
          size_t best = nearest_seg(r.lead, r.after_segs[k]);
          if (!(best == 0 && r.lead.size() > 1 && row_number(seg_text(t_, r.lead[0])))) col = lead_at[best];
        }
        cells[col].push_back(r.label_after[k]);
      }
      for (size_t v = 0; v < r.values.size(); ++v) {
        const Seg& s = r.values[v];
        size_t c = 0;
        if (ordinal && r.values.size() == cols.size()) c = v;
        else {
          while (c < cols.size() && !overlaps(cols[c], s)) ++c;
          if (c == cols.size()) c = nearest(cols, s);
        }
        cells[lead.size() + c].push_back(Piece{s.b, s.e, s.b});
      }
      write_row(cells, lines_[r.line].nl);
    }
    return end;
  }

 private:
  // The column a cell overlaps most, or else the closest to it.
  static size_t nearest(const std::vector<Column>& cols, const Seg& s) {
    size_t best = 0;
    long best_d = LONG_MAX;
    for (size_t c = 0; c < cols.size(); ++c) {
      long ov = static_cast<long>(std::min(cols[c].ce, s.ce)) - static_cast<long>(std::max(cols[c].cb, s.cb));
      long d = ov > 0 ? -ov : -ov + 1;  // overlapping: minus the overlap; apart (or touching): the gap + 1
      if (d < best_d) {
        best_d = d;
        best = c;
      }
    }
    return best;
  }
  static size_t nearest_seg(const std::vector<Seg>& segs, const Seg& s) {
    std::vector<Column> spans;
    for (const Seg& x : segs) spans.push_back(Column{x.cb, x.ce});
    return nearest(spans, s);
  }
  // Where a unit at the end of a label starts ("… có hạt tấn": the "t"), 0 if none: units of
  // measure that end no indicator's name, with two words of label at least before them.
  uint32_t trailing_unit(const Piece& label) const {
    static constexpr std::array<std::string_view, 24> kUnits{
        "tấn", "nghìn tấn", "tạ", "ha", "con", "nghìn con", "tỷ đồng", "triệu đồng", "nghìn đồng", "USD",
        "triệu USD", "tỷ USD", "km", "m2", "m3", "m²", "m³", "kWh", "triệu kWh", "lượt", "nghìn lượt",
        "lượt người", "nghìn người", "%"};
    std::string_view text = t_.substr(label.b, label.e - label.b);
    for (std::string_view u : kUnits) {
      if (text.size() <= u.size() + 1 || text.substr(text.size() - u.size()) != u) continue;
      size_t at = text.size() - u.size();
      if (text[at - 1] != ' ') continue;
      std::string_view rest = text.substr(0, at - 1);
      if (rest.find(' ') == std::string_view::npos) continue;  // one word: "Lượt"…
      // (the longest unit that fits: "triệu đồng" before "đồng")
      size_t best = at;
      for (std::string_view v : kUnits)
        if (v.size() > u.size() && text.size() > v.size() + 1 && text.substr(text.size() - v.size()) == v &&
            text[text.size() - v.size() - 1] == ' ')
          best = std::min(best, text.size() - v.size());
      return label.b + static_cast<uint32_t>(best);
    }
    return 0;
  }
  // The lead column that holds the row labels: the "Chỉ tiêu"/"Nội dung" one, else the widest.
  size_t label_column(const std::vector<Column>& lead, const std::vector<std::vector<Piece>>& head_cells) const {
    for (size_t c = 0; c < lead.size(); ++c)
      for (const Piece& p : head_cells[c]) {
        std::string f = fold(t_.substr(p.b, p.e - p.b));
        if (f.find("chi tieu") != std::string::npos || f.find("noi dung") != std::string::npos ||
            f.find("ten ") != std::string::npos || f.find("linh vuc") != std::string::npos)
          return c;
      }
    size_t best = 0;
    for (size_t c = 1; c < lead.size(); ++c)
      if (lead[c].ce - lead[c].cb > lead[best].ce - lead[best].cb) best = c;
    return best;
  }
  // Which lead column each lead cell of a row goes to, in order: a row number ("1", "II", "a")
  // before the label column goes there, the first other cell is the label, the rest follow it
  // (the unit).
  std::vector<size_t> place_lead(const std::vector<Seg>& segs, size_t n_lead, size_t label_col) const {
    std::vector<size_t> at(segs.size(), label_col);
    if (segs.size() == n_lead) {
      for (size_t k = 0; k < segs.size(); ++k) at[k] = k;
      return at;
    }
    size_t k = 0;
    // (no column for it: the number stays with the label, "1 Dân số")
    if (!segs.empty() && row_number(seg_text(t_, segs[0]))) at[k++] = label_col > 0 ? label_col - 1 : label_col;
    for (size_t c = label_col; k < segs.size(); ++k) {
      at[k] = std::min(c, n_lead - 1);
      ++c;
    }
    return at;
  }

  std::string_view t_;
  std::vector<PLine>& lines_;
};

}  // namespace

std::optional<TabulatedText> tabulate_plain_tables(std::string_view t) {
  // Cheap test first: most texts have no line with three cells laid out by spaces.
  if (t.find("  ") == std::string_view::npos || t.size() >= 0xFFFFFFF0u) return std::nullopt;
  std::vector<PLine> lines;
  for (size_t b = 0; b <= t.size();) {
    size_t nl = t.find('\n', b);
    if (nl == std::string_view::npos) nl = t.size();
    PLine l;
    l.b = static_cast<uint32_t>(b);
    l.e = static_cast<uint32_t>(nl > b && t[nl - 1] == '\r' ? nl - 1 : nl);
    l.nl = static_cast<uint32_t>(nl);
    segment(t, l);
    lines.push_back(std::move(l));
    if (nl >= t.size()) break;
    b = nl + 1;
  }
  Writer w(t);
  TableReader reader(t, lines);
  size_t copied = 0;  // input bytes written so far
  size_t tables = 0;
  for (size_t li = 0; li < lines.size();) {
    if (lines[li].segs.size() < 3 || lines[li].tab_row) {
      ++li;
      continue;
    }
    const uint32_t start = lines[li].b;
    // Tentatively: write the table into a scratch writer, then splice it in.
    Writer scratch(t);
    size_t next = reader.read(li, scratch);
    if (next == li) {
      ++li;
      continue;
    }
    w.copy(static_cast<uint32_t>(copied), start);
    TabulatedText& part = scratch.out();
    w.out().text += part.text;
    w.out().origin.insert(w.out().origin.end(), part.origin.begin(), part.origin.end());
    // The table's last line break was written with the last row.
    copied = next < lines.size() ? lines[next].b : t.size();
    ++tables;
    li = next;
  }
  if (tables == 0) return std::nullopt;
  w.copy(static_cast<uint32_t>(copied), static_cast<uint32_t>(t.size()));
  TabulatedText out = std::move(w.out());
  out.origin.push_back(static_cast<uint32_t>(t.size() - 1));  // the end (t is not empty here)
  out.tables = tables;
  return out;
}

}  // namespace doisoat
