// A discrepancy list a reviewer pastes into an email or a ticket: per document, one table.
#include <sstream>

#include "report/emitters.h"

namespace doisoat::report {

static std::string stated_vs_expected(const Finding& f, Lang lang) {
  std::string s = with_unit(format_number(f.stated, lang), f.unit);
  if (f.expected) s += " → " + with_unit(format_number(*f.expected, lang), f.unit);
  return s;
}

std::string emit_markdown(const RunReport& r, const EmitOptions& o) {
  const Lang L = o.lang;
  std::ostringstream out;
  out << "# " << tr(L, "Kết quả đối soát số liệu", "Figure reconciliation findings") << "\n\n";
  out << summary_sentence(r, L) << ".\n";
  auto findings = ordered_findings(r);
  std::string current;
  std::vector<const Finding*> suppressed;
  auto flush_suppressed = [&]() {
    if (suppressed.empty()) return;
    out << "\n" << tr(L, "Đã bỏ qua (không tính vào kết quả):", "Suppressed (not counted):") << "\n\n";
    for (const Finding* f : suppressed)
      out << "- " << tr(L, "dòng ", "line ") << f->begin.line << ", `" << f->check << "`: "
          << markdown_cell(f->quote) << " — " << markdown_cell(suppression_note(*f, L)) << "\n";
    suppressed.clear();
  };
  for (const Finding* fp : findings) {
    const Finding& f = *fp;
    if (f.path != current) {
      flush_suppressed();
      current = f.path;
      out << "\n## " << markdown_cell(f.path) << "\n\n";
      out << "| " << tr(L, "Dòng", "Line") << " | " << tr(L, "Mức", "Severity") << " | "
          << tr(L, "Kiểm tra", "Check") << " | " << tr(L, "Trích dẫn", "Quote") << " | "
          << tr(L, "Ghi → tính lại", "Stated → expected") << " | " << tr(L, "Nhận xét", "Message") << " | "
          << tr(L, "Gợi ý", "Suggestion") << " |\n";
      out << "|---:|---|---|---|---|---|---|\n";
    }
    if (f.suppressed) {
      suppressed.push_back(fp);
      continue;
    }
    out << "| " << f.begin.line << " | " << severity_word(f.severity, L) << " | `" << f.check << "` | "
        << (f.quote.empty() ? "" : "«" + markdown_cell(f.quote) + "»") << " | "
        << markdown_cell(stated_vs_expected(f, L)) << " | " << markdown_cell(f.message);
    if (!f.computation.empty()) out << "<br>" << markdown_cell(f.computation);
    out << " | " << markdown_cell(f.suggestion) << " |\n";
  }
  flush_suppressed();
  if (findings.empty()) out << "\n" << tr(L, "Không có phát hiện nào.", "No findings.") << "\n";
  return out.str();
}

}  // namespace doisoat::report
