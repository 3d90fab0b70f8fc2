// GitHub Actions workflow commands. Runners show only the first few annotations of a step,
// so errors come first, the list is capped, and a summary line always closes it.
#include <algorithm>
#include <sstream>

#include "report/emitters.h"

namespace doisoat::report {
namespace {

// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

const char* command(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "notice";
  }
  return "notice";
}

}  // namespace

std::string emit_github(const RunReport& r, const EmitOptions& o) {
  std::vector<const Finding*> active;
  for (const Finding* f : ordered_findings(r))
    if (!f->suppressed) active.push_back(f);
  std::stable_sort(active.begin(), active.end(), [](const Finding* a, const Finding* b) {
    return static_cast<int>(a->severity) > static_cast<int>(b->severity);
  });
  std::ostringstream out;
  size_t shown = std::min(active.size(), o.github_cap);
  for (size_t i = 0; i < shown; ++i) {
    const Finding& f = *active[i];
    out << "::" << command(f.severity) << " file=" << escape_property(f.path) << ",line=" << std::max<uint32_t>(1, f.begin.line);
    if (f.begin.column) out << ",col=" << f.begin.column;
    if (f.end.line >= f.begin.line && f.end.line > 0) {
      out << ",endLine=" << f.end.line;
      if (f.end.line == f.begin.line && f.end.column > f.begin.column) out << ",endColumn=" << f.end.column;
    }
    out << ",title=" << escape_property("[" + f.check + "] " + f.quote) << "::";
    std::string msg = f.message;
    if (!f.computation.empty()) msg += "\n" + std::string(tr(o.lang, "tính lại: ", "recomputed: ")) + f.computation;
    if (!f.suggestion.empty()) msg += "\n" + std::string(tr(o.lang, "gợi ý: ", "suggestion: ")) + f.suggestion;
    out << escape_data(msg) << "\n";
  }
  std::string summary = "doisoat: " + summary_sentence(r, o.lang);
  if (shown < active.size())
    summary += std::string("; ") + std::to_string(active.size() - shown) +
               tr(o.lang, " phát hiện không được chú thích (xem báo cáo đầy đủ)",
                  " more findings not annotated (see the full report)");
  Tally t = tally(r);
  out << "::" << (t.error ? "error" : t.warning ? "warning" : "notice") << " title=doisoat::" << escape_data(summary) << "\n";
  return out.str();
}

}  // namespace doisoat::report
