// One self-contained HTML file for reviewers: no network, no CDN; inline CSS (print-friendly)
// and a few lines of inline JS to filter by severity and check.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "report/emitters.h"

namespace doisoat::report {
namespace {

const char* kStyle = R"CSS(
:root{--err:#b3261e;--warn:#8a5a00;--info:#0b57d0;--muted:#5f6368;--line:#dadce0;--bg:#f8f9fa}
*{box-sizing:border-box}
body{font-family:"Noto Sans","Segoe UI","DejaVu Sans",Roboto,Arial,sans-serif;margin:0;color:#202124;background:#fff;line-height:1.45}
header.top{padding:16px 24px;border-bottom:1px solid var(--line);background:var(--bg)}
header.top h1{margin:0 0 4px;font-size:1.4rem}
.meta{color:var(--muted);margin:0}
main{padding:8px 24px 24px;max-width:1100px}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:110px}
.card b{display:block;font-size:1.5rem}
.card.sev-error b{color:var(--err)}.card.sev-warning b{color:var(--warn)}.card.sev-info b{color:var(--info)}
table{border-collapse:collapse;margin:8px 0 16px}
th,td{border:1px solid var(--line);padding:4px 10px;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}
#filters{position:sticky;top:0;background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 12px;margin:8px 0 16px;display:flex;flex-wrap:wrap;gap:6px 18px;align-items:center;z-index:1}
#filters fieldset{border:0;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:4px 10px;align-items:center}
#filters legend{float:left;font-weight:600;margin-right:6px}
section.doc h2{font-size:1.1rem;border-bottom:2px solid var(--line);padding-bottom:4px;margin-top:28px;word-break:break-all}
article.finding{border:1px solid var(--line);border-left:6px solid var(--muted);border-radius:6px;padding:10px 14px;margin:12px 0;break-inside:avoid}
article.sev-error{border-left-color:var(--err)}article.sev-warning{border-left-color:var(--warn)}article.sev-info{border-left-color:var(--info)}
article.suppressed{opacity:.65;border-left-style:dashed}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:.8rem;font-weight:600;color:#fff;background:var(--muted)}
.badge.sev-error{background:var(--err)}.badge.sev-warning{background:var(--warn)}.badge.sev-info{background:var(--info)}
.badge.sup{background:#777}
code.check{font-size:.9rem}
a.loc{color:var(--muted);font-family:monospace;text-decoration:none;margin-left:6px}
p.message{margin:6px 0;font-weight:600}
blockquote.quote{margin:6px 0;padding:6px 10px;background:var(--bg);border-left:3px solid var(--line)}
mark{background:#ffe08a;padding:0 2px;border-radius:2px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
dl.figures{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0}
dl.figures dt{color:var(--muted)}dl.figures dd{margin:0}
.computation{font-family:"DejaVu Sans Mono",monospace;font-size:.92rem}
ul.related{margin:4px 0;padding-left:20px;color:var(--muted)}
p.suppression{margin:6px 0;font-style:italic}
p.none{color:var(--muted)}
footer{color:var(--muted);padding:12px 24px;border-top:1px solid var(--line);font-size:.85rem}
@media print{#filters{display:none}body{font-size:11pt}main{max-width:none}a.loc{color:#000}article.finding{page-break-inside:avoid}}
)CSS";

const char* kScript = R"JS(
(function () {
  var form = document.getElementById('filters');
  if (!form) return;
  function checked(name) {
    var on = {};
    form.querySelectorAll('input[name="' + name + '"]').forEach(function (i) { on[i.value] = i.checked; });
    return on;
  }
  function apply() {
    var sev = checked('severity'), chk = checked('check');
    var showSuppressed = document.getElementById('show-suppressed').checked;
    var shown = 0;
    document.querySelectorAll('article.finding').forEach(function (a) {
      var ok = sev[a.dataset.severity] && chk[a.dataset.check] && (showSuppressed || a.dataset.suppressed !== 'true');
      a.hidden = !ok;
      if (ok) shown++;
    });
    document.querySelectorAll('section.doc').forEach(function (s) {
      s.hidden = !s.querySelector('article.finding:not([hidden])');
    });
    document.getElementById('shown').textContent = shown;
    document.body.dataset.filters = 'ready';
  }
  form.addEventListener('change', apply);
  apply();
})();
)JS";

std::string esc(std::string_view s) { return xml_escape(s); }

bool utf8_boundary(const std::string& s, size_t i) {
  return i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

/// The quote with the figures (byte spans relative to it) wrapped in <mark>.
std::string highlighted_quote(const Finding& f) {
  std::vector<Span> spans;
  for (Span s : f.highlight) {
    if (s.empty() || s.end > f.quote.size()) continue;
    if (!utf8_boundary(f.quote, s.begin) || !utf8_boundary(f.quote, s.end)) continue;
    spans.push_back(s);
  }
  std::sort(spans.begin(), spans.end(), [](Span a, Span b) { return a.begin < b.begin; });
  std::string out;
  size_t at = 0;
  for (Span s : spans) {
    if (s.begin < at) continue;  // overlapping: keep the first
    out += esc(std::string_view(f.quote).substr(at, s.begin - at));
    out += "<mark>" + esc(std::string_view(f.quote).substr(s.begin, s.size())) + "</mark>";
    at = s.end;
  }
  out += esc(std::string_view(f.quote).substr(at));
  return out;
}

std::string severity_class(Severity s) { return std::string("sev-") + to_string(s); }

}  // namespace

std::string emit_html(const RunReport& r, const EmitOptions& o) {
  const Lang L = o.lang;
  auto findings = ordered_findings(r);
  Tally t = tally(r);
  // check -> counts by severity (active) and suppressed
  struct Row { size_t e = 0, w = 0, i = 0, s = 0; };
  std::map<std::string, Row> by_check;
  for (const Finding* f : findings) {
    Row& row = by_check[f->check];
    if (f->suppressed) ++row.s;
    else if (f->severity == Severity::Error) ++row.e;
    else if (f->severity == Severity::Warning) ++row.w;
    else ++row.i;
  }

  std::ostringstream h;
  h << "<!DOCTYPE html>\n<html lang=\"" << (L == Lang::Vi ? "vi" : "en") << "\">\n<head>\n<meta charset=\"utf-8\">\n"
    << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    << "<meta name=\"generator\" content=\"doisoat " << esc(o.version) << "\">\n"
    << "<title>" << tr(L, "doisoat: kết quả đối soát số liệu", "doisoat: figure reconciliation report") << "</title>\n"
    << "<style>" << kStyle << "</style>\n</head>\n<body>\n";
  h << "<header class=\"top\"><h1>" << tr(L, "Kết quả đối soát số liệu", "Figure reconciliation report") << "</h1>\n"
    << "<p class=\"meta\">doisoat " << esc(o.version) << " · " << esc(summary_sentence(r, L)) << "</p></header>\n<main>\n";

  // Summary: documents, claims, findings by severity and by check.
  h << "<section id=\"summary\">\n<div class=\"cards\">\n"
    << "<div class=\"card\"><b>" << r.summary.documents << "</b>" << tr(L, "tài liệu", "documents") << "</div>\n"
    << "<div class=\"card\"><b>" << r.summary.claims << "</b>" << tr(L, "quan hệ đã kiểm tra", "claims checked") << "</div>\n"
    << "<div class=\"card sev-error\" id=\"count-error\"><b>" << t.error << "</b>" << severity_word(Severity::Error, L) << "</div>\n"
    << "<div class=\"card sev-warning\" id=\"count-warning\"><b>" << t.warning << "</b>" << severity_word(Severity::Warning, L) << "</div>\n"
    << "<div class=\"card sev-info\" id=\"count-info\"><b>" << t.info << "</b>" << severity_word(Severity::Info, L) << "</div>\n"
    << "<div class=\"card\" id=\"count-suppressed\"><b>" << t.suppressed << "</b>" << tr(L, "đã bỏ qua", "suppressed") << "</div>\n"
    << "</div>\n";
  if (!by_check.empty()) {
    h << "<table class=\"by-check\"><thead><tr><th>" << tr(L, "Kiểm tra", "Check") << "</th><th>"
      << severity_word(Severity::Error, L) << "</th><th>" << severity_word(Severity::Warning, L) << "</th><th>"
      << severity_word(Severity::Info, L) << "</th><th>" << tr(L, "đã bỏ qua", "suppressed") << "</th></tr></thead><tbody>\n";
    for (const auto& [check, row] : by_check)
      h << "<tr><td><code>" << esc(check) << "</code></td><td class=\"n\">" << row.e << "</td><td class=\"n\">" << row.w
        << "</td><td class=\"n\">" << row.i << "</td><td class=\"n\">" << row.s << "</td></tr>\n";
    h << "</tbody></table>\n";
  }
  h << "</section>\n";

  // Filters (hidden when printed).
  if (!findings.empty()) {
    h << "<form id=\"filters\" onsubmit=\"return false\">\n<fieldset><legend>" << tr(L, "Mức", "Severity") << "</legend>";
    for (Severity s : {Severity::Error, Severity::Warning, Severity::Info})
      h << "<label><input type=\"checkbox\" name=\"severity\" value=\"" << to_string(s) << "\" checked> "
        << severity_word(s, L) << "</label>";
    h << "</fieldset>\n<fieldset><legend>" << tr(L, "Kiểm tra", "Check") << "</legend>";
    for (const auto& [check, row] : by_check)
      h << "<label><input type=\"checkbox\" name=\"check\" value=\"" << esc(check) << "\" checked> <code>" << esc(check)
        << "</code></label>";
    h << "</fieldset>\n<label><input type=\"checkbox\" id=\"show-suppressed\" checked> "
      << tr(L, "hiện cả phát hiện đã bỏ qua", "show suppressed findings") << "</label>\n"
      << "<span>" << tr(L, "Đang hiện: ", "Shown: ") << "<b id=\"shown\">" << findings.size() << "</b></span>\n</form>\n";
  }

  // Each document's findings.
  std::string current;
  bool open = false;
  std::set<std::string> with_findings;
  for (const Finding* fp : findings) {
    const Finding& f = *fp;
    if (!open || f.path != current) {
      if (open) h << "</section>\n";
      current = f.path;
      open = true;
      with_findings.insert(f.path);
      h << "<section class=\"doc\" data-path=\"" << esc(f.path) << "\">\n<h2>" << esc(f.path) << "</h2>\n";
    }
    std::string loc = f.path + ":" + std::to_string(f.begin.line) + ":" + std::to_string(f.begin.column);
    h << "<article class=\"finding " << severity_class(f.severity) << (f.suppressed ? " suppressed" : "") << "\" id=\"f-"
      << esc(f.id) << "\" data-id=\"" << esc(f.id) << "\" data-severity=\"" << to_string(f.severity) << "\" data-check=\""
      << esc(f.check) << "\" data-suppressed=\"" << (f.suppressed ? "true" : "false") << "\">\n";
    h << "<div class=\"head\"><span class=\"badge " << severity_class(f.severity) << "\">" << severity_word(f.severity, L)
      << "</span> ";
    if (f.suppressed) h << "<span class=\"badge sup\">" << tr(L, "đã bỏ qua", "suppressed") << "</span> ";
    h << "<code class=\"check\">" << esc(f.check) << "</code><a class=\"loc\" href=\"#f-" << esc(f.id) << "\">" << esc(loc)
      << "</a></div>\n";
    if (f.page > 0 || f.table > 0) {
      h << "<p class=\"where\">";
      if (f.page > 0) h << tr(L, "trang ", "page ") << f.page;
      if (f.table > 0) {
        if (f.page > 0) h << ", ";
        h << tr(L, "bảng ", "table ") << f.table << tr(L, ", dòng ", ", row ") << f.table_row;
        if (!f.table_row_label.empty()) h << " «" << esc(f.table_row_label) << "»";
        if (!f.table_column.empty()) h << tr(L, ", cột «", ", column «") << esc(f.table_column) << "»";
      }
      h << "</p>\n";
    }
    h << "<p class=\"message\">" << esc(f.message) << "</p>\n";
    if (!f.quote.empty()) h << "<blockquote class=\"quote\">" << highlighted_quote(f) << "</blockquote>\n";
    h << "<dl class=\"figures\"><dt>" << tr(L, "Báo cáo ghi", "Stated") << "</dt><dd class=\"stated\">"
      << esc(with_unit(format_number(f.stated, L), f.unit)) << "</dd>";
    if (f.expected)
      h << "<dt>" << tr(L, "Tính lại", "Expected") << "</dt><dd class=\"expected\">"
        << esc(with_unit(format_number(*f.expected, L), f.unit)) << "</dd>";
    if (!f.computation.empty())
      h << "<dt>" << tr(L, "Phép tính", "Computation") << "</dt><dd class=\"computation\">" << esc(f.computation) << "</dd>";
    if (!f.suggestion.empty())
      h << "<dt>" << tr(L, "Gợi ý", "Suggestion") << "</dt><dd class=\"suggestion\">" << esc(f.suggestion) << "</dd>";
    h << "</dl>\n";
    if (!f.related.empty()) {
      h << "<div class=\"related\">" << tr(L, "Số liệu liên quan:", "Related figures:") << "<ul class=\"related\">";
      for (const auto& x : f.related) {
        h << "<li><span class=\"loc\">" << esc(x.path) << ":" << x.begin.line << ":" << x.begin.column << "</span>";
        if (!x.quote.empty()) h << " «" << esc(x.quote) << "»";
        if (!x.message.empty()) h << " — " << esc(x.message);
        h << "</li>";
      }
      h << "</ul></div>\n";
    }
    if (f.suppressed)
      h << "<p class=\"suppression\">" << tr(L, "Đã bỏ qua: ", "Suppressed: ") << esc(suppression_note(f, L)) << "</p>\n";
    h << "</article>\n";
  }
  if (open) h << "</section>\n";

  std::vector<std::string> clean;
  for (const auto& d : r.documents)
    if (!with_findings.count(d.doc.path)) clean.push_back(d.doc.path);
  if (!clean.empty()) {
    h << "<section class=\"clean\"><h2>" << tr(L, "Tài liệu không có phát hiện", "Documents without findings")
      << "</h2><ul>";
    for (const auto& p : clean) h << "<li>" << esc(p) << "</li>";
    h << "</ul></section>\n";
  }
  if (findings.empty()) h << "<p class=\"none\">" << tr(L, "Không có phát hiện nào.", "No findings.") << "</p>\n";
  h << "</main>\n<footer>" << tr(L, "Tạo bởi", "Generated by") << " doisoat " << esc(o.version) << "</footer>\n";
  h << "<script>" << kScript << "</script>\n</body>\n</html>\n";
  return h.str();
}

}  // namespace doisoat::report
