#include "report/emit.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace doisoat {

bool parse_format(const std::string& name, Format& out) {
  static const std::pair<const char*, Format> names[] = {
      {"text", Format::Text}, {"json", Format::Json}, {"sarif", Format::Sarif},
      {"markdown", Format::Markdown}, {"html", Format::Html}, {"csv", Format::Csv},
      {"junit", Format::Junit}, {"github", Format::Github}};
  for (auto& [n, f] : names)
    if (name == n) { out = f; return true; }
  return false;
}

static std::string fmt_num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

static std::string emit_text(const RunReport& r, const EmitOptions& o) {
  std::ostringstream out;
  for (const auto& f : r.findings) {
    if (f.suppressed) continue;
    out << f.path << ":" << f.begin.line << ":" << f.begin.column << ": " << to_string(f.severity) << ": ["
        << f.check << "] " << f.message << "\n";
    if (!f.line_text.empty()) out << "  " << f.line_text << "\n";
    if (!f.computation.empty()) out << "  " << f.computation << "\n";
    if (!f.suggestion.empty()) out << "  " << (o.lang == Lang::Vi ? "gợi ý: " : "suggestion: ") << f.suggestion << "\n";
  }
  const auto& s = r.summary;
  out << s.documents << (o.lang == Lang::Vi ? " tài liệu, " : " documents, ") << s.claims
      << (o.lang == Lang::Vi ? " quan hệ đã kiểm tra: " : " claims checked: ") << s.findings_error
      << (o.lang == Lang::Vi ? " lỗi, " : " errors, ") << s.findings_warning
      << (o.lang == Lang::Vi ? " cảnh báo, " : " warnings, ") << s.findings_info
      << (o.lang == Lang::Vi ? " ghi chú" : " notes") << "\n";
  return out.str();
}

static nlohmann::ordered_json findings_json(const RunReport& r, const EmitOptions& o) {
  using nlohmann::ordered_json;
  json fs = json::array();
  for (const auto& f : r.findings) {
    json j = {{"id", f.id}, {"check", f.check}, {"kind", f.kind}, {"severity", to_string(f.severity)},
              {"path", f.path}, {"line", f.begin.line}, {"column", f.begin.column},
              {"end_line", f.end.line}, {"end_column", f.end.column}, {"quote", f.quote},
              {"stated", f.stated}, {"unit", f.unit}, {"message", f.message}, {"material", f.material}};
    j["expected"] = f.expected ? json(*f.expected) : json(nullptr);
    json rel = json::array();
    for (const auto& x : f.related)
      rel.push_back({{"path", x.path}, {"line", x.begin.line}, {"column", x.begin.column}, {"quote", x.quote}});
    j["related"] = rel;
    if (!f.suggestion.empty()) j["suggestion"] = f.suggestion;
    if (!f.computation.empty()) j["computation"] = f.computation;
    if (f.suppressed) j["suppressed"] = {{"justification", f.suppression_justification}};
    fs.push_back(j);
  }
  const auto& s = r.summary;
  return json{{"schema", "doisoat/findings/v1"},
              {"tool", {{"name", "doisoat"}, {"version", o.version}}},
              {"summary", {{"documents", s.documents}, {"claims", s.claims},
                           {"findings", {{"error", s.findings_error}, {"warning", s.findings_warning}, {"info", s.findings_info}}},
                           {"suppressed", s.suppressed}}},
              {"findings", fs}};
}

std::string emit_findings(Format format, const RunReport& report, const EmitOptions& options) {
  switch (format) {
    case Format::Json: return findings_json(report, options).dump(2) + "\n";
    default: return emit_text(report, options);
  }
}

std::string emit_extract_text(const RunReport& report, bool uncovered_only) {
  std::ostringstream out;
  for (const auto& d : report.documents) {
    out << d.doc.path << ": " << (d.doc.region.empty() ? "?" : d.doc.region) << ", "
        << (d.doc.period.empty() ? "?" : d.doc.period) << "\n";
    if (!uncovered_only) {
      for (const auto& s : d.doc.sections)
        out << "  " << std::string(2 * std::max(0, s.level - 1), ' ') << "§ " << s.number << " " << s.title << "\n";
      for (const auto& c : d.claims) {
        auto p = d.doc.map.at(c.span.begin);
        out << "  " << p.line << ":" << p.column << " " << to_string(c.kind) << " " << to_string(c.verdict);
        if (c.stated < d.quantities.size()) out << " stated=" << d.quantities[c.stated].text;
        if (c.computed) out << " computed=" << fmt_num(*c.computed);
        out << "  «" << c.quote << "»\n";
      }
    }
    for (auto id : d.uncovered) {
      const auto& q = d.quantities[id];
      auto p = d.doc.map.at(q.span.begin);
      out << "  uncovered " << p.line << ":" << p.column << " " << q.text << " " << q.unit << "\n";
    }
    out << "  " << d.quantities.size() << " quantities, " << d.claims.size() << " claims, " << d.uncovered.size()
        << " uncovered\n";
  }
  return out.str();
}

Result<bool> write_atomically(const std::string& path, const std::string& content) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmp = (dir / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()))).string();
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Error{path, "cannot write output"};
    out << content;
    out.flush();
    if (!out) {
      std::error_code ec;
      fs::remove(tmp, ec);
      return Error{path, "cannot write output"};
    }
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return Error{path, "cannot write output: " + ec.message()};
  }
  return true;
}

}  // namespace doisoat
