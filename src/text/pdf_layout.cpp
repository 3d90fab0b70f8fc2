#include "text/pdf_layout.h"

#include <algorithm>
#include <cmath>

#include "text/utf8.h"

namespace doisoat {

namespace {

struct Line {
  std::vector<PdfBox> boxes;  // by x
  std::vector<bool> sup;      // per box: a superscript figure
  double ref0 = 0, ref1 = 0;  // vertical extent of the line's tallest word
  double top = 0, bottom = 0;
  double size = 0;            // the line's (largest) font size
  double x0() const { return boxes.front().x0; }
  double x1() const {
    double m = boxes.front().x1;
    for (const auto& b : boxes) m = std::max(m, b.x1);
    return m;
  }
};

// "5", "12", "1,2": what a footnote mark is made of.
bool mark_text(const std::string& t) {
  if (t.empty() || t.size() > 7 || !utf8::is_digit(static_cast<unsigned char>(t[0]))) return false;
  for (char c : t)
    if (!utf8::is_digit(static_cast<unsigned char>(c)) && c != ',') return false;
  return utf8::is_digit(static_cast<unsigned char>(t.back()));
}

std::string superscript(const std::string& digits) {
  static const char* const kSup[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string out;
  for (char c : digits) out += c == ',' ? std::string(",") : std::string(kSup[c - '0']);
  return out;
}

// Words into lines: a word joins the line before it when their vertical extents overlap by half
// of the smaller one (a raised superscript still overlaps its line; the next line does not).
std::vector<Line> group_lines(std::vector<PdfBox>& boxes) {
  std::stable_sort(boxes.begin(), boxes.end(), [](const PdfBox& a, const PdfBox& b) {
    double ca = (a.y0 + a.y1) / 2, cb = (b.y0 + b.y1) / 2;
    if (ca != cb) return ca < cb;
    return a.x0 < b.x0;
  });
  std::vector<Line> lines;
  for (auto& b : boxes) {
    double h = b.y1 - b.y0;
    if (!lines.empty()) {
      Line& l = lines.back();
      double lh = l.ref1 - l.ref0;
      double overlap = std::min(b.y1, l.ref1) - std::max(b.y0, l.ref0);
      if (overlap >= 0.5 * std::min(h, lh)) {
        if (h > lh) { l.ref0 = b.y0; l.ref1 = b.y1; }
        l.boxes.push_back(std::move(b));
        continue;
      }
    }
    Line l;
    l.ref0 = b.y0;
    l.ref1 = b.y1;
    l.boxes.push_back(std::move(b));
    lines.push_back(std::move(l));
  }
  for (auto& l : lines) {
    std::stable_sort(l.boxes.begin(), l.boxes.end(), [](const PdfBox& a, const PdfBox& b) { return a.x0 < b.x0; });
    l.size = 0;
    for (const auto& b : l.boxes) l.size = std::max(l.size, b.size);
    double bottom = -1e9;
    l.top = 1e9;
    l.bottom = -1e9;
    for (const auto& b : l.boxes) {
      if (b.size >= 0.9 * l.size) bottom = std::max(bottom, b.y1);
      l.top = std::min(l.top, b.y0);
      l.bottom = std::max(l.bottom, b.y1);
    }
    l.sup.assign(l.boxes.size(), false);
    for (size_t i = 0; i < l.boxes.size(); ++i) {
      const PdfBox& b = l.boxes[i];
      if (!mark_text(b.text) || b.size > 0.8 * l.size || b.y1 > bottom - 0.12 * l.size) continue;
      bool glued = i == 0 || b.x0 - l.boxes[i - 1].x1 < 0.3 * l.size;
      l.sup[i] = glued;
    }
    if (l.size <= 0) l.size = 10;
  }
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.ref0 < b.ref0; });
  return lines;
}

bool numeric_text(const std::string& t);

// The bytes of the sign a figure opens with: "+", "-", the minus sign "−" (U+2212) or an en dash
// "–" written for it; 0 when none.
size_t sign_bytes(std::string_view t, size_t at = 0) {
  if (at < t.size() && (t[at] == '+' || t[at] == '-')) return 1;
  if (t.substr(at, 3) == "\xE2\x88\x92" || t.substr(at, 3) == "\xE2\x80\x93") return 3;
  return 0;
}

// "66,30" then "+2,18" (or "−3,2"): a signed figure right after a figure starts a cell of its own,
// however close a tight layout sets it (a left-aligned change column after right-aligned figures).
bool signed_after_figure(const Line& l, size_t i) {
  if (i == 0 || l.sup[i] || l.sup[i - 1]) return false;
  const std::string& t = l.boxes[i].text;
  return sign_bytes(t) > 0 && numeric_text(t) && numeric_text(l.boxes[i - 1].text);
}

// A line cut at the gaps much wider than a word space: [first, last) box ranges; in a table
// (`cells`), also before a signed figure right after a figure.
std::vector<std::pair<size_t, size_t>> segments(const Line& l, double factor = 1.2, bool cells = false) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t b = 0;
  double right = l.boxes[0].x1;
  for (size_t i = 1; i < l.boxes.size(); ++i) {
    if (!l.sup[i] && (l.boxes[i].x0 - right >= factor * l.size || (cells && signed_after_figure(l, i)))) {
      out.emplace_back(b, i);
      b = i;
    }
    right = std::max(right, l.boxes[i].x1);
  }
  out.emplace_back(b, l.boxes.size());
  return out;
}

// Words [b, e) of a line as text: a space where the extractor saw one or the gap is wider than
// a tight kerning; a superscript glued to what it follows.
std::string words_text(const Line& l, size_t b, size_t e) {
  std::string t;
  for (size_t i = b; i < e; ++i) {
    const PdfBox& x = l.boxes[i];
    if (i > b) {
      const PdfBox& p = l.boxes[i - 1];
      double gap = x.x0 - p.x1;
      bool space = l.sup[i] ? gap >= 0.3 * l.size : (gap > 0.15 * l.size || (p.space_after && !l.sup[i - 1]) ||
                                                      (l.sup[i - 1] && gap > 0.1 * l.size));
      if (space) t += ' ';
    }
    if (l.sup[i]) t += superscript(x.text);
    else t += x.text;
  }
  return t;
}

// A figure in a table cell: "12.345", "95,0", "-3,2", "−3,2", "(5)", "104%"; a year is a header word.
bool numeric_text(const std::string& t) {
  size_t b = 0, e = t.size();
  for (size_t n; b < e && ((n = sign_bytes(t, b)) > 0 || t[b] == '(');) b += n > 0 ? n : 1;
  while (e > b && (t[e - 1] == '%' || t[e - 1] == ')')) --e;
  if (b >= e) return false;
  size_t digits = 0;
  for (size_t i = b; i < e; ++i) {
    if (utf8::is_digit(static_cast<unsigned char>(t[i]))) ++digits;
    else if (t[i] != '.' && t[i] != ',') return false;
  }
  if (digits == 0 || !utf8::is_digit(static_cast<unsigned char>(t[b]))) return false;
  bool year = e - b == 4 && digits == 4 && (t.compare(b, 2, "19") == 0 || t.compare(b, 2, "20") == 0) && e == t.size() && b == 0;
  return !year;
}

bool starts_lower(const std::string& t) {
  for (size_t i = 0; i < t.size();) {
    int len = 0;
    char32_t c = utf8::decode(t, i, len);
    if (utf8::is_letter(c)) return utf8::is_lower(c);
    if (utf8::is_digit(c)) return false;
    i += static_cast<size_t>(len);
  }
  return false;
}

struct Flow {
  std::vector<const Line*> lines;
  std::vector<std::pair<size_t, size_t>> range;  // per line: its boxes in this flow
  double left = 0;                               // left margin of the flow
};

class PageWriter {
 public:
  explicit PageWriter(std::string& out) : out_(out) {}

  void write(const Flow& f) {
    // Lines of the flow as parts (a column's share of a page line).
    parts_.clear();
    for (size_t k = 0; k < f.lines.size(); ++k) {
      Line part;
      const Line& l = *f.lines[k];
      for (size_t i = f.range[k].first; i < f.range[k].second; ++i) {
        part.boxes.push_back(l.boxes[i]);
        part.sup.push_back(l.sup[i]);
      }
      part.size = l.size;
      part.top = l.top;
      part.bottom = l.bottom;
      parts_.push_back(std::move(part));
    }
    left_ = f.left;
    // The right margin: the wide end of the flow's prose lines.
    std::vector<double> widths;
    for (const auto& p : parts_) widths.push_back(p.x1() - left_);
    std::vector<double> sorted = widths;
    std::sort(sorted.begin(), sorted.end());
    margin_ = sorted.empty() ? 0 : sorted[std::min(sorted.size() - 1, sorted.size() * 9 / 10)];
    std::vector<size_t> table_end(parts_.size(), 0);  // at a table's first line: one past its last
    std::vector<bool> in_table(parts_.size(), false);
    find_tables(table_end, in_table);
    for (size_t k = 0; k < parts_.size();) {
      if (table_end[k] > k) {
        write_table(k, table_end[k]);
        k = table_end[k];
        continue;
      }
      bool next_prose = k + 1 < parts_.size() && !in_table[k + 1];
      write_prose(parts_[k], next_prose && sorted.size() >= 3 && widths[k] >= 0.9 * margin_);
      ++k;
    }
  }

 private:
  void newline() {
    if (started_) out_ += '\n';
    started_ = true;
  }

  void write_prose(const Line& l, bool wrapped) {
    newline();
    int lead = static_cast<int>(std::lround((l.x0() - left_) / (0.5 * l.size)));
    if (lead > 0) out_.append(static_cast<size_t>(std::min(lead, 120)), ' ');
    auto segs = segments(l);
    for (size_t s = 0; s < segs.size(); ++s) {
      if (s > 0) {
        // A wide gap inside a line (a signature block, a centred number): spaces as wide.
        double gap = l.boxes[segs[s].first].x0 - l.boxes[segs[s].first - 1].x1;
        int n = std::max(2, static_cast<int>(std::lround(gap / (0.5 * l.size))));
        out_.append(static_cast<size_t>(std::min(n, 120)), ' ');
      }
      out_ += words_text(l, segs[s].first, segs[s].second);
    }
    if (wrapped) out_ += ' ';
  }

  // Table regions: runs of lines of three cells or more, with the lines between and just above
  // them that are close and narrow (wrapped cells, header lines); a region needs figures.
  void find_tables(std::vector<size_t>& table_end, std::vector<bool>& in_table) {
    const size_t n = parts_.size();
    std::vector<size_t> nseg(n);
    std::vector<size_t> nnum(n, 0);
    for (size_t k = 0; k < n; ++k) {
      auto segs = segments(parts_[k], 1.2, true);
      nseg[k] = segs.size();
      for (auto [b, e] : segs)
        if (numeric_text(words_text(parts_[k], b, e))) ++nnum[k];
    }
    for (size_t k = 0; k < n;) {
      if (nseg[k] < 3) { ++k; continue; }
      size_t b = k, e = k + 1;
      double x0 = parts_[k].x0(), x1 = parts_[k].x1();
      auto close = [&](size_t upper, size_t lower) {
        return parts_[lower].top - parts_[upper].bottom < 1.5 * parts_[upper].size;
      };
      auto narrow = [&](size_t j) { return parts_[j].x1() - parts_[j].x0() < 0.6 * (x1 - x0); };
      while (e < n && close(e - 1, e) && (nseg[e] >= 2 || narrow(e))) {
        x0 = std::min(x0, parts_[e].x0());
        x1 = std::max(x1, parts_[e].x1());
        ++e;
      }
      // Header lines above the first line of three cells ("Chỉ tiêu … Kế hoạch" over "2023").
      for (int up = 0; up < 3 && b > 0 && !in_table[b - 1] && close(b - 1, b) && (nseg[b - 1] >= 2 || narrow(b - 1)) &&
                       parts_[b - 1].x0() >= x0 - 1 && nnum[b - 1] == 0;
           ++up)
        --b;
      size_t wide_rows = 0, data_rows = 0;
      for (size_t j = b; j < e; ++j) {
        if (nseg[j] >= 3) ++wide_rows;
        if (nnum[j] >= 2) ++data_rows;
      }
      if (wide_rows >= 2 && data_rows >= 1) {
        table_end[b] = e;
        for (size_t j = b; j < e; ++j) in_table[j] = true;
      }
      k = e;
    }
  }

  void write_table(size_t b, size_t e) {
    // Column boundaries: the gaps that no word of any data row covers (a word space moves from
    // row to row, the space between two cells does not), at least half a letter wide.
    struct Extent { double x0, x1; bool own; };  // own: a signed figure right after a figure
    std::vector<Extent> spans;
    auto data_row = [&](size_t k) {
      size_t n = 0;
      for (auto [sb, se] : segments(parts_[k], 1.2, true)) n += numeric_text(words_text(parts_[k], sb, se));
      return n >= 2;
    };
    double size = 0;
    size_t first_data = e, last_data = b;
    for (size_t k = b; k < e; ++k) {
      if (!data_row(k)) continue;
      first_data = std::min(first_data, k);
      last_data = k;
      size = std::max(size, parts_[k].size);
      for (size_t i = 0; i < parts_[k].boxes.size(); ++i)
        if (!parts_[k].sup[i])
          spans.push_back({parts_[k].boxes[i].x0, parts_[k].boxes[i].x1, signed_after_figure(parts_[k], i)});
    }
    std::sort(spans.begin(), spans.end(), [](const Extent& a, const Extent& b) { return a.x0 != b.x0 ? a.x0 < b.x0 : a.x1 < b.x1; });
    std::vector<std::pair<double, double>> cols;  // covered extents = columns
    for (const Extent& c : spans) {
      // (a signed figure right after a figure joins a column it overlaps, not one it nearly touches)
      if (!cols.empty() && c.x0 < cols.back().second + (c.own ? 0 : 0.45 * size)) cols.back().second = std::max(cols.back().second, c.x1);
      else cols.emplace_back(c.x0, c.x1);
    }
    // Lines after the last data row that run across a boundary are the text after the table.
    // (A run of words closer than half a letter is one piece of text: it may not cross one.)
    auto crosses = [&](const Line& l) {
      for (auto [rb, re] : segments(l, 0.45, true)) {
        double x0 = l.boxes[rb].x0, x1 = x0;
        for (size_t i = rb; i < re; ++i) x1 = std::max(x1, l.boxes[i].x1);
        for (size_t c = 0; c + 1 < cols.size(); ++c)
          if (x0 < cols[c].second && x1 > cols[c + 1].first) return true;
      }
      return false;
    };
    size_t end = e;
    if (first_data < e)
      for (size_t k = last_data + 1; k < e; ++k)
        if (crosses(parts_[k])) { end = k; break; }
    if (cols.size() < 3 || first_data >= e) {
      for (size_t k = b; k < e; ++k) write_prose(parts_[k], false);
      return;
    }
    const std::vector<std::pair<double, double>>& merged = cols;
    auto column_of = [&](double x0, double x1) {
      size_t best = 0;
      double best_overlap = -1e18;
      for (size_t c = 0; c < merged.size(); ++c) {
        double ov = std::min(x1, merged[c].second) - std::max(x0, merged[c].first);
        if (ov <= 0) ov = -std::min(std::fabs(x0 - merged[c].second), std::fabs(merged[c].first - x1));
        if (ov > best_overlap) { best_overlap = ov; best = c; }
      }
      return best;
    };
    struct Row {
      std::vector<std::string> cells;
      bool numeric = false;
      bool header = false;
      double bottom = 0;
    };
    std::vector<Row> rows;
    bool seen_numeric = false;
    for (size_t k = b; k < end; ++k) {
      const Line& l = parts_[k];
      std::vector<std::string> cells(merged.size());
      std::vector<bool> num(merged.size(), false);
      bool line_numeric = false;
      // Runs of words closer than half a letter make a cell's text of this line, placed by their
      // extent (a centred header over right-aligned figures); a run across a boundary word by word.
      for (auto [rb, re] : segments(l, 0.45, true)) {
        double x0 = l.boxes[rb].x0, x1 = x0;
        for (size_t i = rb; i < re; ++i) x1 = std::max(x1, l.boxes[i].x1);
        bool across = false;
        for (size_t c = 0; c + 1 < merged.size(); ++c)
          if (x0 < merged[c].second && x1 > merged[c + 1].first) across = true;
        for (size_t i = rb; i < re;) {
          size_t c = column_of(x0, x1), j = re;
          if (across) {
            c = column_of(l.boxes[i].x0, l.boxes[i].x1);
            j = i + 1;
            while (j < re && (l.sup[j] || column_of(l.boxes[j].x0, l.boxes[j].x1) == c)) ++j;
          }
          std::string t = words_text(l, i, j);
          if (numeric_text(t)) { num[c] = true; line_numeric = true; }
          if (!cells[c].empty()) cells[c] += ' ';
          cells[c] += t;
          i = j;
        }
      }
      std::string first;
      size_t first_col = 0;
      for (size_t c = 0; c < cells.size(); ++c)
        if (!cells[c].empty()) { first = cells[c]; first_col = c; break; }
      bool merge = false;
      if (!rows.empty()) {
        Row& r = rows.back();
        double gap = l.top - r.bottom;
        bool lower = starts_lower(first);
        bool clash = false;  // a figure where the row has one already
        for (size_t c = 0; c < cells.size(); ++c)
          if (num[c] && !r.cells[c].empty()) clash = true;
        if (!clash) {
          if (!line_numeric) merge = lower || (r.header && gap < 0.3 * l.size);
          else if (!r.numeric && !r.header && (cells[0].empty() || (first_col == 0 && lower))) merge = true;
        }
      }
      if (merge) {
        Row& r = rows.back();
        for (size_t c = 0; c < cells.size(); ++c) {
          if (cells[c].empty()) continue;
          if (!r.cells[c].empty()) r.cells[c] += ' ';
          r.cells[c] += cells[c];
        }
        r.numeric = r.numeric || line_numeric;
        r.bottom = l.bottom;
        continue;
      }
      Row r;
      r.cells = std::move(cells);
      r.numeric = line_numeric;
      r.header = !line_numeric && !seen_numeric;
      r.bottom = l.bottom;
      seen_numeric = seen_numeric || line_numeric;
      rows.push_back(std::move(r));
    }
    for (const Row& r : rows) {
      newline();
      for (size_t c = 0; c < r.cells.size(); ++c) {
        if (c > 0) out_ += '\t';
        out_ += r.cells[c];
      }
    }
    for (size_t k = end; k < e; ++k) write_prose(parts_[k], false);
  }

  std::string& out_;
  bool started_ = false;
  std::vector<Line> parts_;
  double left_ = 0, margin_ = 0;
};

// The x of a gutter between two columns of prose, or a negative number: the middle of the gaps
// that most lines with prose on both sides leave at the same place.
double find_gutter(const std::vector<Line>& lines) {
  if (lines.size() < 6) return -1;
  double left = 1e18, right = -1e18;
  for (const auto& l : lines) {
    left = std::min(left, l.x0());
    right = std::max(right, l.x1());
  }
  const double width = right - left;
  if (width <= 0) return -1;
  const size_t bins = static_cast<size_t>(width / 2) + 1;
  std::vector<int> votes(bins, 0);
  int voters = 0;
  for (const auto& l : lines) {
    auto segs = segments(l, 1.5);
    if (segs.size() != 2) continue;
    double lx1 = l.boxes[segs[0].first].x1;
    for (size_t i = segs[0].first; i < segs[0].second; ++i) lx1 = std::max(lx1, l.boxes[i].x1);
    double rx0 = l.boxes[segs[1].first].x0;
    if (lx1 - l.x0() < 0.25 * width || l.x1() - rx0 < 0.25 * width) continue;
    // Both sides prose: no gap wider than a word space on either side.
    if (segments(l, 1.0).size() != 2) continue;
    ++voters;
    for (size_t k = static_cast<size_t>((lx1 - left) / 2); k <= static_cast<size_t>((rx0 - left) / 2) && k < bins; ++k) ++votes[k];
  }
  if (voters < 4) return -1;
  size_t best = 0;
  for (size_t k = 1; k < bins; ++k)
    if (votes[k] > votes[best]) best = k;
  if (votes[best] < 4 || votes[best] * 5 < static_cast<int>(lines.size())) return -1;
  size_t lo = best, hi = best;
  while (lo > 0 && votes[lo - 1] == votes[best]) --lo;
  while (hi + 1 < bins && votes[hi + 1] == votes[best]) ++hi;
  return left + static_cast<double>(lo + hi + 1);  // the middle of bins lo..hi (2 units each)
}

}  // namespace

std::string layout_pdf_page(std::vector<PdfBox> boxes) {
  std::string out;
  boxes.erase(std::remove_if(boxes.begin(), boxes.end(),
                             [](const PdfBox& b) { return b.text.find_first_not_of(" \t\r\n") == std::string::npos; }),
              boxes.end());
  if (boxes.empty()) return out;
  for (auto& b : boxes)
    for (auto& c : b.text)
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  std::vector<Line> lines = group_lines(boxes);
  double page_left = 1e18;
  double page_right = -1e18;
  for (const auto& l : lines) {
    page_left = std::min(page_left, l.x0());
    page_right = std::max(page_right, l.x1());
  }
  const double gutter = find_gutter(lines);
  PageWriter w(out);
  // Without a gutter the page is one flow; with one, the lines on either side of it (and not
  // across it, nor tabular) go to the left and right flows, written one after the other at each
  // line that crosses the gutter.
  // Each line: across the gutter (or no gutter), or cut at `split` into its two column parts.
  std::vector<size_t> split_at(lines.size(), 0);
  std::vector<bool> whole(lines.size(), true);
  double right_left = 1e18;
  for (size_t li = 0; li < lines.size() && gutter > 0; ++li) {
    const Line& l = lines[li];
    size_t split = l.boxes.size();
    bool crosses = false;
    for (size_t i = 0; i < l.boxes.size(); ++i) {
      if (l.boxes[i].x0 < gutter && l.boxes[i].x1 > gutter) crosses = true;
      if (l.boxes[i].x0 >= gutter && split == l.boxes.size()) split = i;
    }
    if (!crosses) {
      // A side that is tabular belongs to a table across the page, not to a column.
      Line a, c;
      for (size_t i = 0; i < l.boxes.size(); ++i) {
        Line& side = i < split ? a : c;
        side.boxes.push_back(l.boxes[i]);
        side.sup.push_back(l.sup[i]);
        side.size = l.size;
      }
      if ((!a.boxes.empty() && segments(a).size() > 1) || (!c.boxes.empty() && segments(c).size() > 1)) crosses = true;
      // A short line centred on the gutter (a page number) belongs to the page, not a column.
      const double reach = 0.1 * (page_right - page_left);
      if (l.x0() > gutter - reach && l.x1() < gutter + reach) crosses = true;
    }
    whole[li] = crosses;
    split_at[li] = split;
    if (!crosses && split < l.boxes.size()) right_left = std::min(right_left, l.boxes[split].x0);
  }
  Flow full, lcol, rcol;
  full.left = page_left;
  lcol.left = page_left;
  rcol.left = right_left;
  auto flush_columns = [&] {
    if (!lcol.lines.empty()) w.write(lcol);
    if (!rcol.lines.empty()) w.write(rcol);
    lcol.lines.clear();
    lcol.range.clear();
    rcol.lines.clear();
    rcol.range.clear();
  };
  auto flush_full = [&] {
    if (!full.lines.empty()) w.write(full);
    full.lines.clear();
    full.range.clear();
  };
  for (size_t li = 0; li < lines.size(); ++li) {
    const Line& l = lines[li];
    if (whole[li]) {
      flush_columns();
      full.lines.push_back(&l);
      full.range.emplace_back(0, l.boxes.size());
      continue;
    }
    flush_full();
    const size_t split = split_at[li];
    if (split > 0) {
      lcol.lines.push_back(&l);
      lcol.range.emplace_back(0, split);
    }
    if (split < l.boxes.size()) {
      rcol.lines.push_back(&l);
      rcol.range.emplace_back(split, l.boxes.size());
    }
  }
  flush_full();
  flush_columns();
  return out;
}

}  // namespace doisoat
