// Compiler-style text: `path:line:col: severity: [check] message`, the original line with a
// caret under the span, the recomputation, the suggestion; notes for related figures.
#include <sstream>

#include "report/emitters.h"

namespace doisoat::report {
namespace {

struct Palette {
  bool on = false;
  std::string bold() const { return on ? "\x1b[1m" : ""; }
  std::string reset() const { return on ? "\x1b[0m" : ""; }
  std::string severity(Severity s) const {
    if (!on) return "";
    switch (s) {
      case Severity::Error: return "\x1b[1;31m";
      case Severity::Warning: return "\x1b[1;35m";
      case Severity::Info: return "\x1b[1;36m";
    }
    return "";
  }
  std::string caret() const { return on ? "\x1b[1;32m" : ""; }
  std::string note() const { return on ? "\x1b[1;30m" : ""; }
};

/// The original line (cut around the span when it is long) and the caret line under it.
std::pair<std::string, std::string> caret_lines(const Finding& f, size_t width) {
  std::vector<char32_t> cps = decode_utf8(f.line_text);
  for (auto& c : cps)
    if (c == '\t') c = ' ';  // one cell, so the caret stays aligned whatever the tab stops
  size_t n = cps.size();
  const size_t base = f.line_text_column > 0 ? f.line_text_column : 1;  // line_text may be a window
  size_t b = f.begin.column >= base ? std::min<size_t>(f.begin.column - base, n) : 0;
  size_t e = (f.end.line == f.begin.line && f.end.column > f.begin.column) ? std::min<size_t>(f.end.column - base, n) : n;
  if (e <= b) e = std::min(n, b + 1);
  size_t from = 0, to = n;
  if (n > width) {
    size_t span = e - b;
    size_t context = span >= width ? 10 : (width - span) / 2;
    from = b > context ? b - context : 0;
    to = std::min(n, e + context);
  }
  std::string text, caret;
  if (from > 0) {
    text += "…";
    caret += ' ';
  }
  text += encode_utf8(cps, from, to);
  if (to < n) text += "…";
  for (size_t i = from; i < b; ++i) caret.append(static_cast<size_t>(display_width(cps[i])), ' ');
  bool first = true;
  for (size_t i = b; i < std::max(e, b + 1); ++i) {
    int w = i < n ? display_width(cps[i]) : 1;
    for (int k = 0; k < w; ++k) {
      caret += first ? '^' : '~';
      first = false;
    }
  }
  return {text, caret};
}

/// A message stays on the diagnostic's line; further lines are indented under it.
std::string indent_continuation(const std::string& message) {
  std::string out;
  for (char ch : message) {
    if (ch == '\r') continue;
    out += ch;
    if (ch == '\n') out += "  ";
  }
  return out;
}

}  // namespace

std::string emit_text(const RunReport& r, const EmitOptions& o) {
  Palette c{o.color};
  std::ostringstream out;
  for (const Finding* fp : ordered_findings(r)) {
    const Finding& f = *fp;
    if (f.suppressed) continue;
    out << c.bold() << f.path << ":" << f.begin.line << ":" << f.begin.column << ": " << c.reset()
        << c.severity(f.severity) << to_string(f.severity) << ": " << c.reset() << c.bold() << "[" << f.check << "] "
        << indent_continuation(f.message) << c.reset() << "\n";
    if (!f.line_text.empty()) {
      auto [line, caret] = caret_lines(f, o.text_line_width);
      out << "  " << line << "\n  " << c.caret() << caret << c.reset() << "\n";
    } else if (!f.quote.empty()) {
      out << "  «" << f.quote << "»\n";
    }
    if (!f.computation.empty()) out << "  " << tr(o.lang, "tính lại: ", "recomputed: ") << f.computation << "\n";
    if (!f.suggestion.empty()) out << "  " << tr(o.lang, "gợi ý: ", "suggestion: ") << f.suggestion << "\n";
    for (const auto& x : f.related) {
      out << c.bold() << x.path << ":" << x.begin.line << ":" << x.begin.column << ": " << c.reset() << c.note()
          << "note: " << c.reset();
      out << (x.message.empty() ? std::string(tr(o.lang, "số liệu liên quan", "related figure")) : x.message);
      if (!x.quote.empty()) out << ": «" << x.quote << "»";
      out << "\n";
    }
  }
  out << summary_sentence(r, o.lang) << "\n";
  return out.str();
}

}  // namespace doisoat::report
