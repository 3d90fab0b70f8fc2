// SARIF 2.1.0: one run, the checks as rules (from CheckMeta), code-point columns, snippets,
// related locations, fixes when a check knows the literal edit, fingerprints from stable ids,
// suppressions with their justification.
#include <map>

#include "report/emitters.h"

namespace doisoat::report {
namespace {

using json = nlohmann::ordered_json;

const char* level(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "note";
  }
  return "none";
}

/// A path as a relative URI reference: unreserved bytes kept, '/' kept, the rest %XX.
std::string uri_of(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : path) {
    bool keep = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
                ch == '.' || ch == '_' || ch == '~' || ch == '/';
    if (keep) {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += hex[ch >> 4];
      out += hex[ch & 0xF];
    }
  }
  return out;
}

json region(SourcePos b, SourcePos e, const std::string& snippet) {
  json r = {{"startLine", std::max<uint32_t>(1, b.line)}, {"startColumn", std::max<uint32_t>(1, b.column)}};
  if (e.line >= b.line && e.line > 0) {
    r["endLine"] = e.line;
    if (e.column > 0 && (e.line > b.line || e.column >= b.column)) r["endColumn"] = e.column;
  }
  if (!snippet.empty()) r["snippet"] = {{"text", snippet}};
  return r;
}

json physical(const std::string& path, SourcePos b, SourcePos e, const std::string& snippet) {
  return {{"artifactLocation", {{"uri", uri_of(path)}, {"uriBaseId", "%SRCROOT%"}}}, {"region", region(b, e, snippet)}};
}

std::string rule_name(const std::string& id) {
  // SARIF rule names are PascalCase identifiers: ratio-recompute -> RatioRecompute.
  std::string out;
  bool up = true;
  for (char ch : id) {
    if (ch == '-' || ch == '_') { up = true; continue; }
    out += up && ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 'a' + 'A') : ch;
    up = false;
  }
  return out;
}

}  // namespace

std::string emit_sarif(const RunReport& r, const EmitOptions& o) {
  std::vector<CheckMeta> catalogue;
  if (o.catalogue) {
    catalogue = *o.catalogue;
  } else {
    for (const auto& c : check_registry()) catalogue.push_back(c->meta());
  }
  // Checks that found something but are not in the catalogue (internal-error) still need a rule.
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < catalogue.size(); ++i) index[catalogue[i].id] = i;
  for (const Finding* f : ordered_findings(r)) {
    if (index.count(f->check)) continue;
    CheckMeta m{f->check, f->severity, f->check, f->check, ""};
    if (f->check == "internal-error") {
      m.summary_vi = "Một kiểm tra bị lỗi nội bộ khi chạy trên tài liệu này";
      m.summary_en = "A check failed internally on this document";
    }
    index[f->check] = catalogue.size();
    catalogue.push_back(m);
  }

  json rules = json::array();
  for (const auto& m : catalogue) {
    std::string summary = o.lang == Lang::Vi ? m.summary_vi : m.summary_en;
    std::string other = o.lang == Lang::Vi ? m.summary_en : m.summary_vi;
    std::string doc = m.doc.empty() ? check_documentation(m.id) : m.doc;
    json rule = {{"id", m.id}, {"name", rule_name(m.id)}, {"shortDescription", {{"text", summary}}},
                 {"fullDescription", {{"text", summary + (other.empty() || other == summary ? "" : " / " + other)}}}};
    rule["help"] = {{"text", doc.empty() ? summary : doc}, {"markdown", doc.empty() ? summary : doc}};
    rule["defaultConfiguration"] = {{"level", level(m.severity)}};
    rule["properties"] = {{"tags", json::array({"doisoat", "consistency"})}};
    rules.push_back(rule);
  }

  bool baseline_used = false;
  for (const auto& f : r.findings) baseline_used |= f.baselined;

  json results = json::array();
  for (const Finding* fp : ordered_findings(r)) {
    const Finding& f = *fp;
    std::string text = f.message;
    if (!f.computation.empty()) text += "\n" + std::string(tr(o.lang, "Tính lại: ", "Recomputed: ")) + f.computation;
    if (!f.suggestion.empty()) text += "\n" + std::string(tr(o.lang, "Gợi ý: ", "Suggestion: ")) + f.suggestion;
    json res = {{"ruleId", f.check}, {"ruleIndex", index[f.check]}, {"level", level(f.severity)},
                {"message", {{"text", text}}}};
    json loc = {{"physicalLocation", physical(f.path, f.begin, f.end, f.quote)}};
    // The page of a PDF and the cell of a table, for readers of the document rather than its text.
    if (f.page > 0 || f.table > 0) {
      json rp;
      if (f.page > 0) rp["page"] = f.page;
      if (f.table > 0) {
        rp["table"] = f.table;
        rp["tableRow"] = f.table_row;
        if (!f.table_row_label.empty()) rp["tableRowLabel"] = f.table_row_label;
        if (!f.table_column.empty()) rp["tableColumn"] = f.table_column;
      }
      loc["physicalLocation"]["region"]["properties"] = rp;
    }
    if (!f.line_text.empty())
      loc["physicalLocation"]["contextRegion"] = {{"startLine", std::max<uint32_t>(1, f.begin.line)},
                                                  {"startColumn", std::max<uint32_t>(1, f.line_text_column)},
                                                  {"snippet", {{"text", f.line_text}}}};
    res["locations"] = json::array({loc});
    if (!f.related.empty()) {
      json rel = json::array();
      int id = 1;
      for (const auto& x : f.related) {
        json jr = {{"id", id++}, {"physicalLocation", physical(x.path, x.begin, x.end, x.quote)}};
        std::string m = x.message.empty() ? x.quote : x.message;
        if (!m.empty()) jr["message"] = {{"text", m}};
        rel.push_back(jr);
      }
      res["relatedLocations"] = rel;
    }
    res["partialFingerprints"] = {{"doisoatFindingId/v1", f.id}};
    if (!f.replacement.empty()) {
      json change = {{"artifactLocation", {{"uri", uri_of(f.path)}, {"uriBaseId", "%SRCROOT%"}}},
                     {"replacements", json::array({{{"deletedRegion", region(f.begin, f.end, "")},
                                                    {"insertedContent", {{"text", f.replacement}}}}})}};
      res["fixes"] = json::array({{{"description", {{"text", f.suggestion.empty() ? f.replacement : f.suggestion}}},
                                   {"artifactChanges", json::array({change})}}});
    }
    if (f.suppressed) {
      json s = {{"kind", "external"}, {"status", "accepted"}, {"justification", suppression_note(f, o.lang)}};
      if (!f.suppression_accepted_by.empty()) s["properties"] = {{"acceptedBy", f.suppression_accepted_by}};
      res["suppressions"] = json::array({s});
    }
    if (baseline_used) res["baselineState"] = f.baselined ? "unchanged" : "new";
    json props = {{"id", f.id}, {"kind", f.kind}, {"stated", f.stated}, {"unit", f.unit}};
    props["expected"] = f.expected ? json(*f.expected) : json(nullptr);
    if (!f.suggestion.empty()) props["suggestion"] = f.suggestion;
    if (!f.computation.empty()) props["computation"] = f.computation;
    if (!f.same_error_as.empty()) props["sameErrorAs"] = f.same_error_as;
    res["properties"] = props;
    results.push_back(res);
  }

  json driver = {{"name", "doisoat"}, {"version", o.version}, {"semanticVersion", o.version},
                 {"language", o.lang == Lang::Vi ? "vi" : "en"},
                 {"rules", rules}};
  json run = {{"tool", {{"driver", driver}}},
              {"originalUriBaseIds", {{"%SRCROOT%", {{"description", {{"text", "The folder doisoat was run from"}}}}}}},
              {"columnKind", "unicodeCodePoints"},
              {"results", results}};
  json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"}, {"version", "2.1.0"},
              {"runs", json::array({run})}};
  return doc.dump(2) + "\n";
}

}  // namespace doisoat::report
