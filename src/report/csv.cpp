// One row per finding for spreadsheet users: UTF-8 with a BOM (so spreadsheet programs read
// Vietnamese correctly), RFC 4180 quoting and CRLF line ends. `--csv-locale vi`: ';' between
// fields and figures as the reports write them, which is what a Vietnamese-locale spreadsheet
// reads as numbers (its decimal mark is ',', so ',' cannot separate fields).
#include <sstream>

#include "report/emitters.h"

namespace doisoat::report {

std::string emit_csv(const RunReport& r, const EmitOptions& o) {
  const Lang L = o.lang;
  std::ostringstream out;
  out << "\xEF\xBB\xBF";
  const char* header[] = {"id", tr(L, "tệp", "path"), tr(L, "dòng", "line"), tr(L, "cột", "column"),
                          tr(L, "dòng cuối", "end_line"), tr(L, "cột cuối", "end_column"), tr(L, "mức", "severity"),
                          tr(L, "kiểm tra", "check"), tr(L, "loại", "kind"), tr(L, "trích dẫn", "quote"),
                          tr(L, "báo cáo ghi", "stated"), tr(L, "tính lại", "expected"), tr(L, "đơn vị", "unit"),
                          tr(L, "nhận xét", "message"), tr(L, "phép tính", "computation"), tr(L, "gợi ý", "suggestion"),
                          tr(L, "đã bỏ qua", "suppressed"), tr(L, "lý do bỏ qua", "justification")};
  const bool vi = o.csv_vietnamese;
  const char sep = vi ? ';' : ',';
  bool first = true;
  for (const char* h : header) {
    out << (first ? "" : std::string(1, sep)) << csv_field(h, sep);
    first = false;
  }
  out << "\r\n";
  for (const Finding* fp : ordered_findings(r)) {
    const Finding& f = *fp;
    // Numbers (counted and computed by us) are written as numbers; the rest is text and guarded.
    struct Cell {
      std::string value;
      bool number = false;
    };
    std::vector<Cell> row = {{f.id}, {f.path}, {std::to_string(f.begin.line), true}, {std::to_string(f.begin.column), true},
                             {std::to_string(f.end.line), true}, {std::to_string(f.end.column), true},
                             {to_string(f.severity)}, {f.check}, {f.kind}, {f.quote},
                             {spreadsheet_number(f.stated, vi), true},
                             {f.expected ? spreadsheet_number(*f.expected, vi) : "", true}, {f.unit}, {f.message},
                             {f.computation}, {f.suggestion}, {f.suppressed ? "true" : "false"},
                             {f.suppressed ? suppression_note(f, L) : ""}};
    for (size_t i = 0; i < row.size(); ++i)
      out << (i ? std::string(1, sep) : "") << (row[i].number ? row[i].value : csv_field(row[i].value, sep));
    out << "\r\n";
  }
  return out.str();
}

}  // namespace doisoat::report
