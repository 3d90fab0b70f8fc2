// An Excel workbook for reviewers (libxlsxwriter): a sheet of findings and a sheet of the claims
// read, each with a filter on its header row and the header frozen. Figures are number cells;
// texts from a report that start like a formula get the same "'" guard as the CSV.
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

#include <xlsxwriter.h>

#include "report/emitters.h"

namespace doisoat::report {
namespace {

std::string guarded(const std::string& s) { return starts_like_formula(s) ? "'" + s : s; }

class Sheet {
 public:
  Sheet(lxw_workbook* book, const char* name, lxw_format* header, const std::vector<std::string>& columns,
        const std::vector<double>& widths)
      : sheet_(workbook_add_worksheet(book, name)), columns_(columns.size()) {
    if (!sheet_) throw std::runtime_error("libxlsxwriter: cannot add a worksheet");
    for (size_t c = 0; c < columns.size(); ++c) {
      worksheet_write_string(sheet_, 0, lxw_col_t(c), columns[c].c_str(), header);
      worksheet_set_column(sheet_, lxw_col_t(c), lxw_col_t(c), c < widths.size() ? widths[c] : 12, nullptr);
    }
    worksheet_freeze_panes(sheet_, 1, 0);
  }
  void text(size_t col, const std::string& s) {
    if (!s.empty()) worksheet_write_string(sheet_, row_, lxw_col_t(col), guarded(s).c_str(), nullptr);
  }
  void number(size_t col, double v) {
    if (std::isfinite(v)) worksheet_write_number(sheet_, row_, lxw_col_t(col), v, nullptr);
  }
  void boolean(size_t col, bool b) { worksheet_write_boolean(sheet_, row_, lxw_col_t(col), b, nullptr); }
  void next_row() { ++row_; }
  void finish() { worksheet_autofilter(sheet_, 0, 0, row_ - 1, lxw_col_t(columns_ - 1)); }

 private:
  lxw_worksheet* sheet_;
  size_t columns_;
  lxw_row_t row_ = 1;
};

}  // namespace

std::string emit_xlsx(const RunReport& r, const EmitOptions& o) {
  const Lang L = o.lang;
  // libxlsxwriter writes to a file: a private temp file, read back, removed.
  std::string tmpl = (std::filesystem::temp_directory_path() / "doisoat-xlsx-XXXXXX").string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) throw std::runtime_error(std::string("cannot create a temporary file: ") + std::strerror(errno));
  ::close(fd);
  std::string path(name.data());
  struct Remove {
    std::string p;
    ~Remove() { std::remove(p.c_str()); }
  } remove_tmp{path};

  lxw_workbook* book = workbook_new(path.c_str());
  if (!book) throw std::runtime_error("libxlsxwriter: cannot create the workbook");
  lxw_format* header = workbook_add_format(book);
  format_set_bold(header);

  Sheet findings(book, tr(L, "phát hiện", "findings"), header,
                 {"id", tr(L, "tệp", "path"), tr(L, "dòng", "line"), tr(L, "cột", "column"), tr(L, "dòng cuối", "end_line"),
                  tr(L, "cột cuối", "end_column"), tr(L, "mức", "severity"), tr(L, "kiểm tra", "check"), tr(L, "loại", "kind"),
                  tr(L, "trích dẫn", "quote"), tr(L, "báo cáo ghi", "stated"), tr(L, "tính lại", "expected"),
                  tr(L, "đơn vị", "unit"), tr(L, "nhận xét", "message"), tr(L, "phép tính", "computation"),
                  tr(L, "gợi ý", "suggestion"), tr(L, "đã bỏ qua", "suppressed"), tr(L, "lý do bỏ qua", "justification")},
                 {18, 36, 7, 7, 7, 7, 9, 22, 16, 50, 12, 12, 8, 60, 40, 40, 9, 40});
  for (const Finding* fp : ordered_findings(r)) {
    const Finding& f = *fp;
    findings.text(0, f.id);
    findings.text(1, f.path);
    findings.number(2, f.begin.line);
    findings.number(3, f.begin.column);
    findings.number(4, f.end.line);
    findings.number(5, f.end.column);
    findings.text(6, to_string(f.severity));
    findings.text(7, f.check);
    findings.text(8, f.kind);
    findings.text(9, f.quote);
    findings.number(10, f.stated);
    if (f.expected) findings.number(11, *f.expected);
    findings.text(12, f.unit);
    findings.text(13, f.message);
    findings.text(14, f.computation);
    findings.text(15, f.suggestion);
    findings.boolean(16, f.suppressed);
    if (f.suppressed) findings.text(17, suppression_note(f, L));
    findings.next_row();
  }
  findings.finish();

  Sheet claims(book, tr(L, "quan hệ", "claims"), header,
               {tr(L, "tệp", "path"), "id", tr(L, "dòng", "line"), tr(L, "cột", "column"), tr(L, "loại", "kind"),
                tr(L, "kết luận", "verdict"), tr(L, "trích dẫn", "quote"), tr(L, "báo cáo ghi", "stated"),
                tr(L, "tính lại", "computed"), tr(L, "đơn vị", "unit"), tr(L, "chỉ tiêu", "indicator"),
                tr(L, "lý do", "reason")},
               {36, 7, 7, 7, 16, 20, 60, 12, 12, 8, 30, 40});
  for (const auto& d : r.documents) {
    for (const auto& c : d.claims) {
      auto at = d.doc.map.at(c.span.begin);
      claims.text(0, d.doc.path);
      claims.text(1, "c" + std::to_string(c.id));
      if (c.stated < d.quantities.size()) at.line = d.doc.map.at(d.quantities[c.stated].span.begin).line;
      claims.number(2, at.line);
      claims.number(3, at.column);
      claims.text(4, to_string(c.kind));
      claims.text(5, to_string(c.verdict));
      claims.text(6, c.quote);
      if (c.stated < d.quantities.size()) {
        const auto& q = d.quantities[c.stated];
        claims.number(7, q.value.to_double() * (q.negative ? -1 : 1));
      }
      if (c.computed) claims.number(8, *c.computed);
      claims.text(9, c.unit);
      claims.text(10, c.indicator);
      claims.text(11, c.reason);
      claims.next_row();
    }
  }
  claims.finish();

  if (lxw_error e = workbook_close(book); e != LXW_NO_ERROR)
    throw std::runtime_error(std::string("libxlsxwriter: ") + lxw_strerror(e));
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace doisoat::report
