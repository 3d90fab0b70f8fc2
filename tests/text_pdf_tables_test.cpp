// One report, two files (issue 13): the tests write a .docx with real Word tables and footnotes,
// and the PDF of the same report as an office suite exports it (cairo's PDF surface, the DejaVu
// font embedded with its Unicode map; justified paragraphs, bordered tables with padded cells,
// right-aligned figures, a label that wraps in its cell, superscript footnote marks with the notes
// at the page bottom, a running header and a page number on every page, a two-column page).
// Everything the .docx gives (claims, verdicts, findings) the PDF must give too.
#include <gtest/gtest.h>
#include <zip.h>

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "engine/engine.h"
#include "text/load.h"
#include "text/pdf_layout.h"
#include "text/utf8.h"

using namespace doisoat;
namespace fs = std::filesystem;

namespace {

// ---- the report ---------------------------------------------------------------------------

struct Item {
  enum Kind { Title, Heading, Para, Table, Columns, PageBreak } kind = Para;
  std::string text;  // "{N}" marks cite footnote N
  std::vector<std::vector<std::string>> rows;
  std::vector<double> widths;  // table column widths (points)
  // A table's signed figures ("+2,18", "-4"): right-aligned with the others of their column when
  // negative; else left-aligned, this far after the right end of the figure before them (a
  // converter's tight layout: less than a space).
  double signed_gap = -1;
  std::vector<std::string> left, right;  // Columns: the paragraphs of each column
};

struct Report {
  std::vector<Item> items;
  std::map<std::string, std::string> notes;
};

// Text and footnote marks: pieces of text, each followed by the id it cites ("" for none).
std::vector<std::pair<std::string, std::string>> pieces(const std::string& t) {
  std::vector<std::pair<std::string, std::string>> out;
  std::string cur;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '{') {
      size_t e = t.find('}', i);
      out.emplace_back(cur, t.substr(i + 1, e - i - 1));
      cur.clear();
      i = e;
    } else {
      cur += t[i];
    }
  }
  out.emplace_back(cur, "");
  return out;
}

const char* kHeaderLine = "UBND HUYỆN SƠN HÀ - Báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm 2024";

void add_item(Report& r, Item::Kind k, std::string text) {
  Item it;
  it.kind = k;
  it.text = std::move(text);
  r.items.push_back(std::move(it));
}

Report district_report() {
  Report r;
  auto add = [&](Item::Kind k, std::string text) { add_item(r, k, std::move(text)); };
  add(Item::Title, "BÁO CÁO");
  add(Item::Title, "Tình hình kinh tế - xã hội 6 tháng đầu năm 2024 huyện Sơn Hà");
  add(Item::Heading, "1. Sản xuất nông nghiệp");
  add(Item::Para,
      "Trong 6 tháng đầu năm, thời tiết tương đối thuận lợi cho sản xuất. Tổng diện tích gieo trồng vụ Xuân "
      "đạt 5.420 ha, tiếp{1} tục tăng so với cùng kỳ; trong đó lúa 3.150 ha, ngô 1.870 ha, rau đậu các loại "
      "400 ha. Diện tích trồng ngô vụ Xuân đạt 1.870/2.000 ha, đạt 93,5% KH.");
  add(Item::Para,
      "Giá trị sản xuất ngành nông nghiệp năm 2023{2} đạt 1.245 tỷ đồng; các mô hình sản xuất hàng hóa tiếp "
      "tục được nhân rộng trên địa bàn các xã vùng thấp của huyện.");
  Item t;
  t.kind = Item::Table;
  t.widths = {30, 150, 55, 65, 75, 60};
  t.rows = {{"STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2024", "Thực hiện 6 tháng", "% so KH"},
            {"1", "Diện tích lúa cả năm", "ha", "6.200", "3.150", "50,8"},
            {"2", "Sản lượng lương thực có hạt", "tấn", "32.000", "17.640", "55,1"},
            {"3", "Tổng đàn trâu", "con", "9.500", "9.120", "96,0"},
            {"4", "Trồng rừng tập trung", "ha", "1.100", "655", "65,5"},
            {"5", "Thu ngân sách nhà nước trên địa bàn huyện", "triệu đồng", "48.000", "26.350", "54,9"},
            {"6", "Giá trị sản xuất công nghiệp", "tỷ đồng", "820", "395", "52,2"}};
  r.items.push_back(t);
  add(Item::Para, "Các chỉ tiêu chủ yếu khác đều đạt tiến độ đề ra.");
  add(Item::PageBreak, "");
  add(Item::Heading, "2. Văn hóa - xã hội");
  Item cols;
  cols.kind = Item::Columns;
  cols.left = {"Hoạt động du lịch tiếp tục phục hồi; tổng số khách du lịch đến huyện đạt 12.400 lượt, trong đó "
               "khách nội địa 11.900 lượt, khách quốc tế 500 lượt; doanh thu từ du lịch ước đạt 18,6 tỷ đồng, "
               "các điểm du lịch cộng đồng được đầu tư nâng cấp."};
  cols.right = {"Công tác giáo dục được duy trì ổn định; tổng số học sinh đầu năm học là 8.240 em, trong đó "
                "tiểu học 4.310 em, trung học cơ sở 2.730 em, trung học phổ thông 1.200 em; tỷ lệ huy động trẻ "
                "trong độ tuổi đến trường đạt kế hoạch."};
  r.items.push_back(cols);
  add(Item::Para, "Trên đây là báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm 2024 của huyện Sơn Hà.");
  r.notes = {{"1", "Số liệu ước tính đến ngày 15/6/2024 của Phòng Nông nghiệp và Phát triển nông thôn."},
             {"2", "Theo giá so sánh năm 2010, số liệu chính thức của Chi cục Thống kê."}};
  return r;
}

// ---- the .docx ----------------------------------------------------------------------------

std::string xml_escape(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '&') o += "&amp;";
    else if (c == '<') o += "&lt;";
    else if (c == '>') o += "&gt;";
    else o += c;
  }
  return o;
}

std::string runs(const std::string& text) {
  std::string o;
  for (auto& [t, id] : pieces(text)) {
    if (!t.empty()) o += "<w:r><w:t xml:space=\"preserve\">" + xml_escape(t) + "</w:t></w:r>";
    if (!id.empty())
      o += "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:footnoteReference w:id=\"" + id + "\"/></w:r>";
  }
  return o;
}

std::string para(const std::string& text) { return "<w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr>" + runs(text) + "</w:p>"; }

const char* kW = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::string docx_bytes(const Report& r, const fs::path& file) {
  std::string body;
  for (const Item& it : r.items) {
    switch (it.kind) {
      case Item::Title: case Item::Heading: case Item::Para: body += para(it.text); break;
      case Item::PageBreak: body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"; break;
      case Item::Columns:
        for (const auto& p : it.left) body += para(p);
        for (const auto& p : it.right) body += para(p);
        break;
      case Item::Table:
        body += "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>";
        for (const auto& row : it.rows) {
          body += "<w:tr>";
          for (size_t c = 0; c < row.size(); ++c)
            body += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(static_cast<int>(it.widths[c] * 20)) +
                    "\" w:type=\"dxa\"/></w:tcPr>" + para(row[c]) + "</w:tc>";
          body += "</w:tr>";
        }
        body += "</w:tbl>";
        break;
    }
  }
  std::string doc = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document ") + kW +
                    "><w:body>" + body + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>";
  std::string notes = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:footnotes ") + kW + ">" +
                      "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>";
  for (const auto& [id, text] : r.notes)
    notes += "<w:footnote w:id=\"" + id + "\"><w:p><w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:footnoteRef/></w:r>" +
             "<w:r><w:t xml:space=\"preserve\"> " + xml_escape(text) + "</w:t></w:r></w:p></w:footnote>";
  notes += "</w:footnotes>";
  std::string types =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
      "<Override PartName=\"/word/footnotes.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml\"/>"
      "</Types>";
  int err = 0;
  zip_t* za = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  EXPECT_NE(za, nullptr);
  if (!za) return {};
  std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml", types}, {"word/document.xml", doc}, {"word/footnotes.xml", notes}};
  for (const auto& [name, data] : parts) {
    zip_source_t* src = zip_source_buffer(za, data.data(), data.size(), 0);
    EXPECT_GE(zip_file_add(za, name.c_str(), src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8), 0);
  }
  EXPECT_EQ(zip_close(za), 0);
  std::ifstream in(file, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// ---- the PDF ------------------------------------------------------------------------------

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

class PdfReport {
 public:
  static constexpr double kLeft = 56, kRight = 539, kTop = 80, kBottom = 770, kBody = 10, kPitch = 14;

  std::string render(const Report& r) {
    std::string out;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append_bytes, &out, 595, 842);
    cr_ = cairo_create(surface);
    cairo_select_font_face(cr_, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_line_width(cr_, 0.5);
    notes_ = &r.notes;
    start_page();
    for (const Item& it : r.items) {
      switch (it.kind) {
        case Item::Title: {
          need(kPitch + 4);
          double w = width(it.text, 12);
          show((kLeft + kRight - w) / 2, y_ + 12, it.text, 12);
          y_ += kPitch + 6;
          break;
        }
        case Item::Heading: need(kPitch * 2); y_ += 4; paragraph(it.text, kLeft, kRight, 0, false); break;
        case Item::Para: paragraph(it.text, kLeft, kRight, 28, true); break;
        case Item::PageBreak: end_page(); start_page(); break;
        case Item::Table: table(it); break;
        case Item::Columns: {
          const double gutter = 20, mid = (kLeft + kRight) / 2;
          double top = y_;
          for (const auto& p : it.left) paragraph(p, kLeft, mid - gutter / 2, 28, true);
          double left_end = y_;
          y_ = top;
          for (const auto& p : it.right) paragraph(p, mid + gutter / 2, kRight, 28, true);
          y_ = std::max(y_, left_end) + 4;
          break;
        }
      }
    }
    end_page();
    cairo_destroy(cr_);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    return out;
  }

 private:
  double width(const std::string& t, double size) {
    cairo_set_font_size(cr_, size);
    cairo_text_extents_t e;
    cairo_text_extents(cr_, t.c_str(), &e);
    return e.x_advance;
  }
  void show(double x, double baseline, const std::string& t, double size) {
    cairo_set_font_size(cr_, size);
    cairo_move_to(cr_, x, baseline);
    cairo_show_text(cr_, t.c_str());
  }
  void start_page() {
    show(kLeft, 45, kHeaderLine, 9);
    y_ = kTop;
    page_notes_.clear();
  }
  void end_page() {
    double y = kBottom - 11.0 * static_cast<double>(page_notes_.size());
    if (!page_notes_.empty()) {
      cairo_move_to(cr_, kLeft, y - 6);
      cairo_line_to(cr_, kLeft + 140, y - 6);
      cairo_stroke(cr_);
    }
    for (const auto& id : page_notes_) {
      show(kLeft, y + 5, id, 5.5);  // raised mark, smaller than the note's text
      show(kLeft + width(id, 5.5) + 2, y + 8, notes_->at(id), 8);
      y += 11;
    }
    std::string num = "Trang " + std::to_string(page_);
    show((595 - width(num, 9)) / 2, 815, num, 9);
    cairo_show_page(cr_);
    ++page_;
  }
  void need(double h) {
    if (y_ + h > kBottom - 11.0 * static_cast<double>(page_notes_.size()) - 12) {
      end_page();
      start_page();
    }
  }

  struct Word {
    std::string text, mark;
    double w = 0;
  };
  std::vector<Word> words(const std::string& text) {
    std::vector<Word> out;
    for (auto& [t, id] : pieces(text)) {
      std::istringstream in(t);
      bool glued = !t.empty() && t[0] != ' ';
      for (std::string w; in >> w;) {
        if (glued && !out.empty() && out.back().mark.empty()) out.back().text += w;  // text right after a mark
        else out.push_back(Word{w, "", 0});
        glued = false;
      }
      if (!id.empty() && !out.empty()) out.back().mark = id;
    }
    for (auto& w : out) w.w = width(w.text, kBody) + (w.mark.empty() ? 0 : 0.6 + width(w.mark, 6.5));
    return out;
  }
  // Words wrapped at the column's width; justified but for the last line.
  void paragraph(const std::string& text, double x0, double x1, double indent, bool justify) {
    std::vector<Word> ws = words(text);
    const double space = width(" ", kBody);
    size_t i = 0;
    bool first = true;
    while (i < ws.size()) {
      double start = x0 + (first ? indent : 0);
      size_t j = i;
      double used = 0;
      while (j < ws.size() && (j == i || start + used + space + ws[j].w <= x1)) {
        used += (j > i ? space : 0) + ws[j].w;
        ++j;
      }
      size_t marks = 0;
      for (size_t k = i; k < j; ++k) marks += !ws[k].mark.empty();
      need(kPitch + 11.0 * static_cast<double>(marks));
      double gap = space;
      if (justify && j < ws.size() && j - i > 1) gap = space + (x1 - start - used) / static_cast<double>(j - i - 1);
      double x = start;
      double baseline = y_ + kBody;
      for (size_t k = i; k < j; ++k) {
        show(x, baseline, ws[k].text, kBody);
        double wx = x + width(ws[k].text, kBody);
        if (!ws[k].mark.empty()) {
          show(wx + 0.6, baseline - 3.5, ws[k].mark, 6.5);
          page_notes_.push_back(ws[k].mark);
        }
        x += ws[k].w + gap;
      }
      y_ += kPitch;
      i = j;
      first = false;
    }
    y_ += 4;
  }
  // Lines of a cell's text within `w`.
  std::vector<std::string> cell_lines(const std::string& t, double w) {
    std::vector<std::string> out;
    std::istringstream in(t);
    std::string line;
    for (std::string word; in >> word;) {
      std::string cand = line.empty() ? word : line + " " + word;
      if (!line.empty() && width(cand, kBody) > w) {
        out.push_back(line);
        line = word;
      } else {
        line = cand;
      }
    }
    if (!line.empty()) out.push_back(line);
    return out;
  }
  void table(const Item& t) {
    const double pad = 2.85, line_h = 12;  // 0,1 cm of padding, as the office suite's default
    for (size_t r = 0; r < t.rows.size(); ++r) {
      std::vector<std::vector<std::string>> cells;
      size_t most = 1;
      for (size_t c = 0; c < t.rows[r].size(); ++c) {
        cells.push_back(cell_lines(t.rows[r][c], t.widths[c] - 2 * pad));
        most = std::max(most, cells.back().size());
      }
      double h = static_cast<double>(most) * line_h + 2 * pad + 2;
      need(h);
      double x = kLeft;
      for (size_t c = 0; c < cells.size(); ++c) {
        cairo_rectangle(cr_, x, y_, t.widths[c], h);
        cairo_stroke(cr_);
        for (size_t k = 0; k < cells[c].size(); ++k) {
          const std::string& s = cells[c][k];
          // (a signed figure, "+2,18", "-4", "−3,20", is right-aligned with the others of its column)
          const size_t lead = !s.empty() && (s[0] == '+' || s[0] == '-')                         ? 1
                              : s.rfind("\xE2\x88\x92", 0) == 0 || s.rfind("\xE2\x80\x93", 0) == 0 ? 3
                                                                                                 : 0;
          bool figure = r > 0 && s.size() > lead && utf8::is_digit(static_cast<unsigned char>(s[lead])) && c > 0;
          double w = width(s, kBody);
          double tx = figure ? x + t.widths[c] - pad - w : r == 0 ? x + (t.widths[c] - w) / 2 : x + pad;
          if (figure && lead > 0 && t.signed_gap >= 0) tx = x - pad + t.signed_gap;
          show(tx, y_ + pad + 1 + kBody + static_cast<double>(k) * line_h, s, kBody);
        }
        x += t.widths[c];
      }
      y_ += h;
    }
    y_ += 8;
  }

  cairo_t* cr_ = nullptr;
  const std::map<std::string, std::string>* notes_ = nullptr;
  std::vector<std::string> page_notes_;
  double y_ = kTop;
  int page_ = 1;
};

// ---- comparing what was read ----------------------------------------------------------------

std::string fmt(double v) {
  std::ostringstream ss;
  ss.precision(10);
  ss << v;
  return ss.str();
}

// A claim as the reader sees it: kind, stated figure, operands, verdict; not where it stands.
std::string claim_key(const Claim& c, const DocumentResult& d) {
  std::string k = std::string(to_string(c.kind)) + " " + d.quantities[c.stated].text + " =";
  std::vector<std::string> ops;
  for (const Operand& o : c.operands) ops.push_back(o.role + ":" + d.quantities[o.quantity].text);
  std::sort(ops.begin(), ops.end());
  for (auto& o : ops) k += " " + o;
  return k + " -> " + to_string(c.verdict);
}

std::multiset<std::string> claim_keys(const DocumentResult& d) {
  std::multiset<std::string> out;
  for (const Claim& c : d.claims) out.insert(claim_key(c, d));
  return out;
}

std::multiset<std::string> finding_keys(const DocumentResult& d) {
  std::multiset<std::string> out;
  for (const Finding& f : d.findings)
    out.insert(f.check + " stated " + fmt(f.stated) + " expected " + (f.expected ? fmt(*f.expected) : "-"));
  return out;
}

std::string dump(const std::multiset<std::string>& s) {
  std::string o;
  for (const auto& x : s) o += "  " + x + "\n";
  return o;
}

fs::path temp_dir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  fs::path d = fs::temp_directory_path() / ("doisoat-pdf-tables-" + std::to_string(::getpid()) + "-" + info->name());
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

}  // namespace

TEST(PdfTables, TheDocxAndItsPdfGiveTheSameClaimsAndFindings) {
  fs::path dir = temp_dir();
  Report report = district_report();
  std::string docx = docx_bytes(report, dir / "son-ha.docx");
  std::string pdf = PdfReport().render(report);
  ASSERT_GT(pdf.size(), 1000u);
  auto from_docx = load_document("son-ha.docx", docx);
  ASSERT_TRUE(from_docx.ok()) << from_docx.error().message();
  auto from_pdf = load_document("son-ha.pdf", pdf);
  ASSERT_TRUE(from_pdf.ok()) << from_pdf.error().message();
  EXPECT_EQ(from_pdf->encoding, "pdf");
  EXPECT_EQ(from_pdf->page_lines.size(), 2u) << from_pdf->original;
  const std::string pdf_text = from_pdf->original;
  DocumentResult d = analyze(std::move(*from_docx), RunOptions{});
  DocumentResult p = analyze(std::move(*from_pdf), RunOptions{});
  // The table's relations are read from the .docx at all (six rows: % of plan against plan and actual).
  size_t table_claims = 0;
  for (const Claim& c : d.claims)
    if (c.kind == ClaimKind::PercentOfPlan || c.kind == ClaimKind::Ratio) ++table_claims;
  EXPECT_GE(table_claims, 7u) << dump(claim_keys(d));
  EXPECT_EQ(claim_keys(p), claim_keys(d)) << "docx:\n" << dump(claim_keys(d)) << "pdf:\n" << dump(claim_keys(p)) << "\n" << pdf_text;
  EXPECT_EQ(finding_keys(p), finding_keys(d)) << "docx:\n" << dump(finding_keys(d)) << "pdf:\n" << dump(finding_keys(p));
  // Both planted errors, and nothing else: no footnote mark read as a digit, no figure of the
  // running header or page number, no column interleaved with the other.
  const std::multiset<std::string> planted = {"percent-of-plan stated 52.2 expected 48.17073171",
                                              "percent-of-plan stated 65.5 expected 59.54545455"};
  EXPECT_EQ(finding_keys(d), planted) << dump(finding_keys(d));
  EXPECT_EQ(finding_keys(p), planted) << dump(finding_keys(p));
  // Page locations: the PDF's findings are on page 1.
  for (const Finding& f : p.findings) EXPECT_EQ(f.page, 1) << f.message;
  // Table locations, the same from both: table 1, the row of its label, the column's header.
  for (const DocumentResult* r : {&d, &p}) {
    std::set<std::string> where;
    for (const Finding& f : r->findings)
      where.insert(std::to_string(f.table) + "/" + std::to_string(f.table_row) + "/" + f.table_row_label + "/" + f.table_column);
    EXPECT_EQ(where, (std::set<std::string>{"1/5/Trồng rừng tập trung/% so KH", "1/7/Giá trị sản xuất công nghiệp/% so KH"}))
        << r->doc.path;
  }
  for (const Finding& f : d.findings) EXPECT_EQ(f.page, 0) << "a .docx has no pages: " << f.message;
  fs::remove_all(dir);
}

TEST(PdfTables, SuperscriptMarksColumnsAndTableRowsInThePageText) {
  Report report = district_report();
  std::string pdf = PdfReport().render(report);
  auto doc = load_document("son-ha.pdf", pdf);
  ASSERT_TRUE(doc.ok()) << doc.error().message();
  const std::string& t = doc->original;
  // Footnote marks as superscripts glued to their word, the notes opening with theirs.
  EXPECT_NE(t.find("tiếp¹ tục"), std::string::npos) << t;
  EXPECT_NE(t.find("năm 2023² đạt"), std::string::npos) << t;
  EXPECT_NE(t.find("¹ Số liệu ước tính"), std::string::npos) << t;
  // Table rows as tab-separated cells, the wrapped label in one cell.
  EXPECT_NE(t.find("5\tThu ngân sách nhà nước trên địa bàn huyện\ttriệu đồng\t48.000\t26.350\t54,9"), std::string::npos) << t;
  EXPECT_NE(t.find("STT\tChỉ tiêu\tĐVT\tKế hoạch năm 2024\tThực hiện 6 tháng\t% so KH"), std::string::npos) << t;
  // The two columns one after the other: the left column's sentence is whole before the right's.
  size_t tourism = t.find("khách quốc tế 500");
  size_t pupils = t.find("tổng số học sinh");
  ASSERT_NE(tourism, std::string::npos) << t;
  ASSERT_NE(pupils, std::string::npos) << t;
  EXPECT_LT(tourism, pupils) << t;
  EXPECT_LT(t.find("doanh thu từ du lịch"), pupils) << t;
}

// ---- the same PDF through a converter (issue 13) ------------------------------------------------
// `pdftotext -layout` (poppler-utils) makes plain text of the PDF, its tables as runs of cells apart
// by spaces; the plain-text table reader must give the table claims the PDF gives when read
// directly (src/text/pdf_layout.cpp), with the same verdicts.

namespace {

// A report of one table: "BÁO CÁO", `title`, `intro`, the table, `closing`.
Report one_table_report(const std::string& title, const std::string& intro, decltype(Item::widths) widths,
                        decltype(Item::rows) rows, const std::string& closing) {
  Report r;
  add_item(r, Item::Title, "BÁO CÁO");
  add_item(r, Item::Title, title);
  add_item(r, Item::Para, intro);
  Item t;
  t.kind = Item::Table;
  t.widths = std::move(widths);
  t.rows = std::move(rows);
  r.items.push_back(t);
  add_item(r, Item::Para, closing);
  return r;
}

// A one-table report of the indices of "tỉnh Sơn Hà".
Report index_report(const std::string& intro, decltype(Item::widths) widths, decltype(Item::rows) rows) {
  return one_table_report("Kết quả các chỉ số đánh giá năm 2023 tỉnh Sơn Hà", intro, std::move(widths), std::move(rows),
                          "Trên đây là kết quả các chỉ số đánh giá năm 2023 của tỉnh Sơn Hà.");
}

Report rank_report() {
  return index_report("Năm 2023, các chỉ số đánh giá của tỉnh tiếp tục được cải thiện so với năm 2022 như bảng sau.",
                      {170, 70, 70, 80},
                      {{"Chỉ số", "2022", "2023", "Tăng/giảm"},
                       {"Chỉ số năng lực cạnh tranh cấp tỉnh (điểm)", "64,12", "66,30", "+2,18"},
                       {"Chỉ số năng lực cạnh tranh cấp tỉnh (xếp hạng)", "41", "33", "+8"},
                       {"Chỉ số hài lòng của người dân (xếp hạng)", "25", "29", "-4"},
                       {"Chỉ số chuyển đổi số (xếp hạng)", "38", "30", "+6"}});
}

// Scores with their changes, the falls written with the minus sign U+2212 ("−3,20") or an en dash
// for it ("–2,30"), as office suites and typesetters do; one change planted wrong (78,60 − 80,20 =
// −1,60, written −1,20).
Report minus_sign_report() {
  return index_report(
      "Năm 2023, điểm số các chỉ số đánh giá của tỉnh có chỉ số tăng, có chỉ số giảm so với năm 2022 như bảng sau.",
      {190, 60, 60, 80},
      {{"Chỉ số (điểm)", "2022", "2023", "Tăng/giảm"},
       {"Chỉ số năng lực cạnh tranh cấp tỉnh", "64,12", "66,30", "+2,18"},
       {"Chỉ số hiệu quả quản trị hành chính công", "43,85", "40,65", "\xE2\x88\x92" "3,20"},
       {"Chỉ số cải cách hành chính", "85,40", "83,10", "\xE2\x80\x93" "2,30"},
       {"Chỉ số hài lòng của người dân", "80,20", "78,60", "\xE2\x88\x92" "1,20"}});
}

bool table_template(Template t) {
  std::string_view s = to_string(t);
  return s.substr(0, 6) == "table-";
}

// The table claims only (prose claims may differ with the line breaks a converter adds).
std::multiset<std::string> table_claim_keys(const DocumentResult& d) {
  std::multiset<std::string> out;
  for (const Claim& c : d.claims)
    if (table_template(c.template_id)) out.insert(std::string(to_string(c.template_id)) + " " + claim_key(c, d));
  return out;
}

std::multiset<std::string> table_finding_keys(const DocumentResult& d) {
  std::multiset<std::string> out;
  for (const Finding& f : d.findings)
    if (f.table > 0) out.insert(f.check + " stated " + fmt(f.stated) + " expected " + (f.expected ? fmt(*f.expected) : "-"));
  return out;
}

// Runs pdftotext -layout on the PDF; the plain text, or "" with the reason in `error`.
std::string pdftotext_layout(const std::string& pdf, const fs::path& dir, std::string& error) {
  const std::string bin = PDFTOTEXT_BIN;
  if (bin.empty() || bin.find("NOTFOUND") != std::string::npos || !fs::exists(bin)) {
    error = "pdftotext not found (poppler-utils: scripts/setup.sh --test)";
    return {};
  }
  fs::path in = dir / "report.pdf", out = dir / "report.txt";
  std::ofstream(in, std::ios::binary) << pdf;
  std::string cmd = "'" + bin + "' -layout -enc UTF-8 '" + in.string() + "' '" + out.string() + "'";
  if (std::system(cmd.c_str()) != 0) {
    error = "failed: " + cmd;
    return {};
  }
  std::ifstream f(out, std::ios::binary);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

void expect_converter_text_reads_like_pdf(const Report& report, size_t min_table_claims,
                                          const std::multiset<std::string>& planted) {
  fs::path dir = temp_dir();
  std::string pdf = PdfReport().render(report);
  std::string error;
  std::string text = pdftotext_layout(pdf, dir, error);
  ASSERT_FALSE(text.empty()) << error;
  auto from_pdf = load_document("report.pdf", pdf);
  ASSERT_TRUE(from_pdf.ok()) << from_pdf.error().message();
  auto from_text = load_document("report.txt", text);
  ASSERT_TRUE(from_text.ok()) << from_text.error().message();
  DocumentResult p = analyze(std::move(*from_pdf), RunOptions{});
  DocumentResult t = analyze(std::move(*from_text), RunOptions{});
  // The .docx of the same report, its Word tables read by the .docx reader, gives them too.
  auto from_docx = load_document("report.docx", docx_bytes(report, dir / "report.docx"));
  ASSERT_TRUE(from_docx.ok()) << from_docx.error().message();
  DocumentResult d = analyze(std::move(*from_docx), RunOptions{});
  EXPECT_EQ(table_claim_keys(d), table_claim_keys(p)) << "docx:\n" << dump(table_claim_keys(d)) << "pdf:\n" << dump(table_claim_keys(p));
  // Not vacuous: the PDF gives the table's claims at all.
  EXPECT_GE(table_claim_keys(p).size(), min_table_claims) << dump(table_claim_keys(p));
  EXPECT_EQ(table_claim_keys(t), table_claim_keys(p)) << "pdf:\n"
                                                      << dump(table_claim_keys(p)) << "pdftotext -layout:\n"
                                                      << dump(table_claim_keys(t)) << "\n"
                                                      << text;
  EXPECT_EQ(table_finding_keys(p), planted) << dump(table_finding_keys(p));
  EXPECT_EQ(table_finding_keys(t), planted) << dump(table_finding_keys(t)) << "\n" << text;
  // No malformed number, nor any other finding outside the table, in the converter's text.
  for (const Finding& f : t.findings) EXPECT_GT(f.table, 0) << f.check << ": " << f.message << "\n" << text;
  // On a failure the PDF and its text stay, to be looked at.
  if (::testing::Test::HasFailure()) ADD_FAILURE() << "kept: " << dir.string();
  else fs::remove_all(dir);
}

}  // namespace

TEST(PdfTables, PdftotextLayoutTextGivesThePdfsTableClaims) {
  expect_converter_text_reads_like_pdf(district_report(), 6,
                                       {"percent-of-plan stated 52.2 expected 48.17073171",
                                        "percent-of-plan stated 65.5 expected 59.54545455"});
}

TEST(PdfTables, PdftotextLayoutTextGivesThePdfsRankChangeClaims) {
  expect_converter_text_reads_like_pdf(rank_report(), 4, {"abs-change stated 6 expected 8"});
}

namespace {

// A report whose table figures are set tight (signed figures closer than a space after the
// figure before them), rendered to PDF: its text holds `cells` (tab-separated there), its table
// claims are the .docx's (`claims` of them), its findings `findings`, and no finding is of the prose.
// The report with its tables' signed figures set closer than a space after the figure before them.
Report tight(Report report) {
  for (Item& it : report.items)
    if (it.kind == Item::Table) it.signed_gap = 1.5;
  return report;
}

void expect_tight_pdf_reads_like_docx(Report report, const std::vector<std::string>& cells, size_t claims,
                                      const std::multiset<std::string>& findings) {
  report = tight(std::move(report));
  std::string pdf = PdfReport().render(report);
  auto from_pdf = load_document("report.pdf", pdf);
  ASSERT_TRUE(from_pdf.ok()) << from_pdf.error().message();
  const std::string text = from_pdf->original;
  for (const std::string& cell : cells) EXPECT_NE(text.find(cell), std::string::npos) << cell << "\n" << text;
  DocumentResult p = analyze(std::move(*from_pdf), RunOptions{});
  fs::path dir = temp_dir();
  auto from_docx = load_document("report.docx", docx_bytes(report, dir / "report.docx"));
  ASSERT_TRUE(from_docx.ok()) << from_docx.error().message();
  DocumentResult d = analyze(std::move(*from_docx), RunOptions{});
  EXPECT_EQ(table_claim_keys(p), table_claim_keys(d)) << "docx:\n" << dump(table_claim_keys(d)) << "pdf:\n"
                                                      << dump(table_claim_keys(p)) << "\n" << text;
  EXPECT_EQ(table_claim_keys(p).size(), claims) << dump(table_claim_keys(p));
  EXPECT_EQ(table_finding_keys(p), findings) << dump(table_finding_keys(p));
  for (const Finding& f : p.findings) EXPECT_GT(f.table, 0) << f.check << ": " << f.message << "\n" << text;
  fs::remove_all(dir);
}

}  // namespace

// A signed figure set closer than a space after the right-aligned figure before it ("66,30+2,18"
// but for a hair): two cells all the same, the table found and read as the .docx's (issue 13).
// Quiet: the prose around the table, its figures one space apart, stays prose.
TEST(PdfTables, SignedFiguresTightAfterTheFigureBeforeThemAreTheirOwnCells) {
  expect_tight_pdf_reads_like_docx(rank_report(), {"64,12\t66,30\t+2,18"}, 4, {"abs-change stated 6 expected 8"});
}

// The same tight PDF through `pdftotext -layout`: "66,30 +2,18" one space apart, two cells there too.
TEST(PdfTables, PdftotextLayoutTextOfTightSignedFiguresGivesThePdfsClaims) {
  expect_converter_text_reads_like_pdf(tight(rank_report()), 4, {"abs-change stated 6 expected 8"});
}

// The minus sign U+2212 and an en dash written for it, set tight after the figure before them
// ("40,65−3,20" but for a hair): their own cells, read as negative, as the .docx's and the plain
// text's of `pdftotext -layout` (issue 13). Firing: the one planted change; quiet: the three right
// ones, their falls read as falls.
TEST(PdfTables, MinusSignFiguresTightAfterTheFigureBeforeThemAreTheirOwnCells) {
  expect_tight_pdf_reads_like_docx(minus_sign_report(), {"43,85\t40,65\t\xE2\x88\x92" "3,20", "85,40\t83,10\t\xE2\x80\x93" "2,30"},
                                   4, {"abs-change stated -1.2 expected -1.6"});
}

TEST(PdfTables, PdftotextLayoutTextOfTightMinusSignFiguresGivesThePdfsClaims) {
  expect_converter_text_reads_like_pdf(tight(minus_sign_report()), 4, {"abs-change stated -1.2 expected -1.6"});
}

// Quiet: an en dash inside a word ("2021–2025") is a range, and one alone ("–") a cell with no
// figure: neither is a signed figure, nor cut from what it stands by.
TEST(PdfTables, EnDashRangesAndPlaceholdersInATightTableAreNoSignedFigures) {
  Report r;
  add_item(r, Item::Title, "BÁO CÁO");
  add_item(r, Item::Para, "Năm 2023, điểm số các chỉ số đánh giá của tỉnh được cải thiện so với năm 2022 như bảng sau.");
  Item t;
  t.kind = Item::Table;
  t.widths = {240, 60, 60, 80};
  t.signed_gap = 1.5;
  t.rows = {{"Chỉ số (điểm)", "2022", "2023", "Tăng/giảm"},
            {"Điểm bình quân giai đoạn 2021\xE2\x80\x93" "2025", "70,15", "72,40", "+2,25"},
            {"Chỉ số chuyển đổi số", "\xE2\x80\x93", "55,10", "\xE2\x80\x93"}};
  r.items.push_back(t);
  std::string pdf = PdfReport().render(r);
  auto from_pdf = load_document("report.pdf", pdf);
  ASSERT_TRUE(from_pdf.ok()) << from_pdf.error().message();
  const std::string text = from_pdf->original;
  EXPECT_NE(text.find("giai đoạn 2021\xE2\x80\x93" "2025\t70,15\t72,40\t+2,25"), std::string::npos) << text;
  EXPECT_NE(text.find("Chỉ số chuyển đổi số\t\xE2\x80\x93\t55,10\t\xE2\x80\x93"), std::string::npos) << text;
  DocumentResult p = analyze(std::move(*from_pdf), RunOptions{});
  EXPECT_EQ(table_claim_keys(p).size(), 1u) << dump(table_claim_keys(p));
  EXPECT_TRUE(p.findings.empty()) << p.findings.front().check << ": " << p.findings.front().message << "\n" << text;
}

// A table of dot decimals ('.' the decimal point, as a report typed in another locale writes them)
// with an STT column: the rows without an STT number under "1" are its items. The plan column's
// total (12.750 + 19.750 = 32.5, only with '.' the decimal point) decides the table, and the wrong
// actual total (6.125 + 9.375 = 15.5, written 15.6) is a wrong sum, not a malformed number: in the
// PDF, its .docx and the plain text `pdftotext -layout` makes of it (issue 13).
TEST(PdfTables, WrongTotalInADotDecimalTableWithAnSttColumnIsAWrongSum) {
  const Report r = one_table_report(
      "Tình hình đầu tư phát triển 6 tháng đầu năm 2024 huyện Sơn Hà",
      "Công tác thu hút đầu tư được đẩy mạnh; tổng thu ngân sách đạt 2.145,8 tỷ đồng, tăng 4,2% so với cùng kỳ.",
      {36, 214, 80, 80},
      {{"STT", "Chỉ tiêu (nghìn tỷ đồng)", "Kế hoạch", "Thực hiện"},
       {"1", "Tổng vốn đầu tư phát triển", "32.5", "15.6"},
       {"", "Vốn ngân sách nhà nước", "12.750", "6.125"},
       {"", "Vốn ngoài ngân sách", "19.750", "9.375"}},
      "Trên đây là tình hình đầu tư phát triển 6 tháng đầu năm 2024 của huyện Sơn Hà.");
  expect_converter_text_reads_like_pdf(r, 2, {"sum-total stated 15.6 expected 15.5"});
}

// Three years and two change columns naming two pairs ("Tăng/giảm 2023 so 2022", "Tăng/giảm 2024 so
// 2023", their headers wrapped in their cells): each read against its own pair, in the PDF, its
// .docx and pdftotext -layout's text; one change planted (123 − 121 = 2, written 3) (issue 13).
TEST(PdfTables, TwoChangeColumnsOfThreeYearsAreEachReadAgainstTheirOwnPair) {
  const Report r = one_table_report(
      "Tình hình phát triển giao thông nông thôn giai đoạn 2022 - 2024 huyện Sơn Hà",
      "Hạ tầng giao thông nông thôn được đầu tư đồng bộ; tổng vốn bố trí cho các công trình đạt 912,6 tỷ đồng.",
      {150, 40, 50, 50, 50, 70, 70},
      {{"Chỉ tiêu", "ĐVT", "2022", "2023", "2024", "Tăng/giảm 2023 so 2022", "Tăng/giảm 2024 so 2023"},
       {"Đường giao thông nông thôn", "km", "1.318", "1.402", "1.467", "+84", "+65"},
       {"Xã có đường ô tô đến trung tâm", "xã", "118", "121", "123", "+3", "+3"},
       {"Cầu được xây dựng mới", "cầu", "19", "17", "22", "-2", "+5"}},
      "Trên đây là tình hình phát triển giao thông nông thôn của huyện Sơn Hà.");
  expect_converter_text_reads_like_pdf(r, 6, {"abs-change stated 3 expected 2"});
}
