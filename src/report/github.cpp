// GitHub Actions workflow commands. A step shows at most 10 annotations of each level (error,
// warning, notice) and drops the rest silently, so the most severe come first, each level is
// capped, and a summary line (itself one annotation of the worst level) counts what was left out.
#include <algorithm>
#include <map>
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
  // Most severe first: by level, then the material ones (a share above 100 %, a wrong total).
  std::stable_sort(active.begin(), active.end(), [](const Finding* a, const Finding* b) {
    if (a->severity != b->severity) return static_cast<int>(a->severity) > static_cast<int>(b->severity);
    return a->material && !b->material;
  });
  Tally t = tally(r);
  const Severity summary_level = t.error ? Severity::Error : t.warning ? Severity::Warning : Severity::Info;
  std::ostringstream out;
  size_t shown_total = 0;
  std::map<Severity, size_t> shown, left_out;
  for (const Finding* fp : active) {
    const Finding& f = *fp;
    // The summary line takes one of the slots of its level.
    size_t cap = o.github_cap_per_level - (f.severity == summary_level ? 1 : 0);
    if (shown[f.severity] >= cap || shown_total >= o.github_cap) {
      ++left_out[f.severity];
      continue;
    }
    ++shown[f.severity];
    ++shown_total;
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
  size_t rest = left_out[Severity::Error] + left_out[Severity::Warning] + left_out[Severity::Info];
  if (rest) {
    summary += std::string("; ") + std::to_string(rest) +
               tr(o.lang, " phát hiện không được chú thích (xem báo cáo đầy đủ)",
                  " more findings not annotated (see the full report)");
    std::string parts;
    for (Severity s : {Severity::Error, Severity::Warning, Severity::Info})
      if (left_out[s])
        parts += (parts.empty() ? "" : ", ") + std::to_string(left_out[s]) + " " + severity_word(s, o.lang) +
                 (o.lang == Lang::En && left_out[s] != 1 ? "s" : "");
    summary += ": " + parts;
  }
  out << "::" << command(summary_level) << " title=doisoat::" << escape_data(summary) << "\n";
  return out.str();
}

}  // namespace doisoat::report
