#include "engine/engine.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "checks/blame.h"
#include "claims/claims.h"
#include "claims/indicators.h"
#include "num/numbers.h"
#include "store/cross.h"

namespace doisoat {

const char* to_string(ClaimKind k) {
  switch (k) {
    case ClaimKind::Ratio: return "ratio";
    case ClaimKind::PercentOfPlan: return "percent_of_plan";
    case ClaimKind::Sum: return "sum";
    case ClaimKind::PartBound: return "part_bound";
    case ClaimKind::PpDifference: return "pp_difference";
    case ClaimKind::Share: return "share";
    case ClaimKind::Growth: return "growth";
    case ClaimKind::AbsChange: return "abs_change";
    case ClaimKind::Repeat: return "repeat";
    case ClaimKind::CrossReport: return "cross_report";
    case ClaimKind::MalformedNumber: return "malformed_number";
  }
  return "?";
}

const char* to_string(Verdict v) {
  switch (v) {
    case Verdict::Consistent: return "consistent";
    case Verdict::ConsistentTruncated: return "consistent_truncated";
    case Verdict::Discrepancy: return "discrepancy";
    case Verdict::Unchecked: return "unchecked";
  }
  return "?";
}

const char* to_string(Severity s) {
  switch (s) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "?";
}

std::string stable_id(const std::string& check, const std::string& path, const std::string& quote) {
  // FNV-1a 64 over the three fields, separated so that ("ab","c") != ("a","bc").
  uint64_t h = 1469598103934665603ULL;
  auto mix = [&](const std::string& s) {
    for (unsigned char c : s) { h ^= c; h *= 1099511628211ULL; }
    h ^= 0xff; h *= 1099511628211ULL;
  };
  mix(check); mix(path); mix(quote);
  static const char* hex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) { out[i] = hex[h & 0xf]; h >>= 4; }
  return out;
}

Result<std::vector<std::string>> collect_inputs(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  std::vector<std::string> roots = paths.empty() ? std::vector<std::string>{"reports"} : paths;
  for (const auto& p : roots) {
    auto files = find_report_files(p);
    if (!files) return files.error();
    out.insert(out.end(), files->begin(), files->end());
  }
  return out;
}

static bool check_enabled(const RunOptions& o, const std::string& id) {
  if (o.disabled.count(id)) return false;
  if (!o.enabled.empty() && !o.enabled.count(id)) return false;
  return true;
}

namespace {

bool figure_cell(std::string_view c) {
  bool digit = false;
  for (char ch : c) {
    if (ch >= '0' && ch <= '9') digit = true;
    else if (std::string_view(".,%-+() ").find(ch) == std::string_view::npos) return false;
  }
  return digit;
}

// Where each finding stands besides its line (issue 13): its PDF page, and for a figure in a
// table row (the figure the claim states) the table, row, row label and column header.
void locate_findings(DocumentResult& r) {
  const Document& d = r.doc;
  // Per TableRow block: its table (consecutive rows are one table) and row numbers.
  std::vector<int> table_of(d.blocks.size(), 0), row_of(d.blocks.size(), 0);
  std::vector<size_t> header_of(d.blocks.size(), 0);
  int tables = 0;
  for (size_t b = 0; b < d.blocks.size(); ++b) {
    if (d.blocks[b].kind != BlockKind::TableRow) continue;
    bool first = b == 0 || d.blocks[b - 1].kind != BlockKind::TableRow;
    if (first) ++tables;
    table_of[b] = tables;
    row_of[b] = first ? 1 : row_of[b - 1] + 1;
    header_of[b] = first ? b : header_of[b - 1];
  }
  for (Finding& f : r.findings) {
    if (!d.page_lines.empty())
      f.page = static_cast<int>(std::upper_bound(d.page_lines.begin(), d.page_lines.end(), f.begin.line) - d.page_lines.begin());
    if (f.claim < 0 || static_cast<size_t>(f.claim) >= r.claims.size() || tables == 0) continue;
    const Claim& c = r.claims[static_cast<size_t>(f.claim)];
    if (c.stated >= r.quantities.size()) continue;
    const uint32_t at = r.quantities[c.stated].span.begin;
    auto it = std::upper_bound(d.blocks.begin(), d.blocks.end(), at, [](uint32_t x, const Block& b) { return x < b.span.end; });
    if (it == d.blocks.end() || it->kind != BlockKind::TableRow || at < it->span.begin) continue;
    const size_t b = static_cast<size_t>(it - d.blocks.begin());
    size_t cell = 0;
    while (cell < it->cell_spans.size() && it->cell_spans[cell].end < at) ++cell;
    if (cell >= it->cell_spans.size()) continue;
    f.table = table_of[b];
    f.table_row = row_of[b];
    for (const auto& label : it->cells)
      if (!label.empty() && !figure_cell(label)) { f.table_row_label = label; break; }
    const Block& head = d.blocks[header_of[b]];
    if (header_of[b] != b && cell < head.cells.size()) f.table_column = head.cells[cell];
  }
}

}  // namespace

DocumentResult analyze(Document doc, const RunOptions& options) {
  DocumentResult r;
  r.doc = std::move(doc);
  NumberReading numbers = read_numbers(r.doc);
  // (read_claims assigns each figure its indicator, role and status first.)
  ClaimReading claims = read_claims(r.doc, numbers);
  r.quantities = std::move(numbers.quantities);
  r.non_quantities = std::move(numbers.non_quantities);
  r.claims = std::move(claims.claims);
  r.uncovered = std::move(claims.uncovered);
  r.uncovered_reasons = std::move(claims.uncovered_reasons);
  if (!options.run_checks) return r;
  for (const auto& check : check_registry()) {
    const auto& meta = check->meta();
    bool enabled = check_enabled(options, meta.id);
    std::vector<Finding> found;
    CheckContext ctx{r.doc, r.quantities, r.claims, options.checks, found};
    try {
      check->run(ctx);
    } catch (const std::exception& e) {
      Finding f;
      f.check = "internal-error";
      f.severity = Severity::Warning;
      f.path = r.doc.path;
      f.begin = f.end = SourcePos{1, 1};
      f.message = meta.id + ": " + e.what();
      f.id = stable_id(f.check, f.path, meta.id);
      found = {f};
    }
    if (!enabled) continue;  // claims still get their verdicts for extract
    auto ov = options.severity_override.find(meta.id);
    for (auto& f : found) {
      if (ov != options.severity_override.end()) f.severity = ov->second;
      if (f.path.empty()) f.path = r.doc.path;
      if (f.id.empty()) f.id = stable_id(f.check, f.path, f.quote);
      r.findings.push_back(std::move(f));
    }
  }
  // Last pass: one finding per real error, with the most likely correction (checks/blame.h).
  apply_blame(r, options.checks);
  locate_findings(r);
  return r;
}

void recount(RunReport& report) {
  auto& s = report.summary;
  s.findings_error = s.findings_warning = s.findings_info = s.suppressed = 0;
  for (const auto& f : report.findings) {
    if (f.suppressed) { ++s.suppressed; continue; }
    if (f.severity == Severity::Error) ++s.findings_error;
    else if (f.severity == Severity::Warning) ++s.findings_warning;
    else ++s.findings_info;
  }
}

Result<RunReport> run(const RunOptions& options) {
  auto inputs = collect_inputs(options.paths);
  if (!inputs) return inputs.error();
  const auto& files = *inputs;
  RunReport report;
  report.documents.resize(files.size());
  std::vector<std::optional<Error>> errors(files.size());
  // The facts of each document for the cross-report stage, taken by the worker that read it
  // (the stage itself runs on one thread); the time they are read at is the run's start.
  const std::string read_at = now_iso8601();
  std::vector<DocumentFacts> facts(files.size());
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  auto worker = [&]() {
    for (size_t i; (i = next.fetch_add(1)) < files.size();) {
      auto bytes = read_input(files[i]);
      if (!bytes) { errors[i] = bytes.error(); continue; }
      auto doc = load_document(files[i], *bytes, options.load);
      if (!doc) { errors[i] = doc.error(); continue; }
      report.documents[i] = analyze(std::move(*doc), options);
      facts[i] = document_facts(report.documents[i], read_at);
      if (options.progress) options.progress(done.fetch_add(1) + 1, files.size());
    }
  };
  unsigned jobs = options.jobs > 0 ? unsigned(options.jobs) : std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, std::max<size_t>(1, files.size()));
  std::vector<std::thread> pool;
  for (unsigned j = 1; j < jobs; ++j) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  for (auto& e : errors) if (e) return *e;
  // Across reports: the facts of every document and of the store (store/cross.h).
  if (auto cross = cross_report_stage(report, options, std::move(facts)); !cross) return cross.error();
  size_t findings = 0;
  for (const auto& d : report.documents) findings += d.findings.size();
  report.findings.reserve(findings);
  for (auto& d : report.documents) {
    report.summary.claims += d.claims.size();
    report.summary.quantities += d.quantities.size();
    report.summary.uncovered += d.uncovered.size();
    for (auto& f : d.findings) report.findings.push_back(f);
  }
  report.summary.documents = report.documents.size();
  std::stable_sort(report.findings.begin(), report.findings.end(), [](const Finding& a, const Finding& b) {
    if (a.path != b.path) return a.path < b.path;
    if (a.begin.line != b.begin.line) return a.begin.line < b.begin.line;
    if (a.begin.column != b.begin.column) return a.begin.column < b.begin.column;
    return a.check < b.check;
  });
  recount(report);
  return report;
}

static const char* qualifier_name(Qualifier q) {
  switch (q) {
    case Qualifier::None: return nullptr;
    case Qualifier::Approx: return "approximate";
    case Qualifier::AtLeast: return "at_least";
    case Qualifier::AtMost: return "at_most";
    case Qualifier::Estimate: return "estimate";
  }
  return nullptr;
}

nlohmann::ordered_json extract_json(const RunReport& report, bool uncovered_only) {
  using nlohmann::ordered_json;
  using json = nlohmann::ordered_json;
  json docs = json::array();
  for (const auto& d : report.documents) {
    const auto& map = d.doc.map;
    json jd;
    jd["path"] = d.doc.path;
    jd["region"] = d.doc.region;
    jd["period"] = d.doc.period;
    if (!d.doc.period_key.empty()) jd["period_key"] = d.doc.period_key;
    jd["encoding"] = d.doc.encoding;
    if (!d.doc.warnings.empty()) jd["warnings"] = d.doc.warnings;
    json sections = json::array();
    for (const auto& s : d.doc.sections) {
      auto p = map.at(s.span.begin);
      sections.push_back({{"title", s.title}, {"number", s.number}, {"level", s.level}, {"parent", s.parent},
                          {"line", p.line}});
    }
    jd["sections"] = sections;
    std::vector<bool> is_uncovered(d.quantities.size() + 1, false);
    for (auto id : d.uncovered) if (id < is_uncovered.size()) is_uncovered[id] = true;
    json qs = json::array();
    for (const auto& q : d.quantities) {
      if (uncovered_only && !is_uncovered[q.id]) continue;
      auto b = map.at(q.span.begin), e = map.end_at(q.span.end);
      json jq = {{"id", "q" + std::to_string(q.id)}, {"line", b.line}, {"column", b.column},
                 {"end_line", e.line}, {"end_column", e.column}, {"text", q.text},
                 {"value", q.value.to_double()}, {"unit", q.unit}, {"dimension", q.dimension},
                 {"scale", q.factor}, {"precision", q.precision}};
      if (!q.indicator.empty()) jq["indicator"] = q.indicator;
      // Issue 7: how the figure relates to others (claims/indicators.h).
      if (!q.role.empty()) jq["role"] = q.role;
      if (q.base >= 0) jq["base"] = "q" + std::to_string(q.base);
      if (!q.status.empty()) jq["status"] = q.status;
      if (!q.period_key.empty()) jq["period_key"] = q.period_key;
      if (auto qn = qualifier_name(q.qualifier)) jq["qualifiers"] = json::array({qn});
      if (q.negative) jq["negative"] = true;
      if (q.implicit) jq["implicit"] = true;
      if (q.malformed) {
        jq["malformed"] = q.malformed_reason;
        if (q.hint) jq["hint"] = q.hint->to_double();
      }
      if (uncovered_only) jq["sentence"] = std::string(d.doc.slice(d.doc.sentences[q.sentence].span));
      if (is_uncovered[q.id])
        if (auto why = d.uncovered_reasons.find(q.id); why != d.uncovered_reasons.end()) jq["uncovered_reason"] = why->second;
      qs.push_back(jq);
    }
    jd["quantities"] = qs;
    if (!uncovered_only) {
      json nqs = json::array();
      for (const auto& nq : d.non_quantities) {
        auto b = map.at(nq.span.begin);
        nqs.push_back({{"text", nq.text}, {"kind", nq.kind}, {"line", b.line}, {"column", b.column}});
      }
      jd["non_quantities"] = nqs;
    }
    json cs = json::array();
    if (!uncovered_only) {
      for (const auto& c : d.claims) {
        auto b = map.at(c.span.begin), e = map.end_at(c.span.end);
        json jc = {{"id", "c" + std::to_string(c.id)}, {"kind", to_string(c.kind)}, {"line", b.line},
                   {"column", b.column}, {"end_line", e.line}, {"end_column", e.column}, {"quote", c.quote},
                   {"unit", c.unit}, {"verdict", to_string(c.verdict)}, {"template", to_string(c.template_id)}};
        if (c.inferred) jc["inferred"] = true;
        // CONTRACT: a claim is located where its stated value appears.
        if (c.stated < d.quantities.size()) {
          const auto& q = d.quantities[c.stated];
          jc["line"] = map.at(q.span.begin).line;
          jc["stated"] = q.value.to_double() * (q.negative ? -1 : 1);
          // A figure restated with a slip is checked by its intended reading ("154.837 triệu kWh"
          // read as 154,837): that is the statement the claim is about.
          if (c.template_id == Template::RestatedWithSlip && q.malformed && q.hint) {
            jc["stated"] = q.hint->to_double() * (q.negative ? -1 : 1);
            jc["stated_as_written"] = q.text;
          }
        }
        if (c.computed) jc["computed"] = *c.computed;
        if (!c.reason.empty()) jc["reason"] = c.reason;
        if (!c.indicator.empty()) jc["indicator"] = c.indicator;
        json ops = json::array(), roles = json::array();
        for (const auto& o : c.operands) {
          ops.push_back("q" + std::to_string(o.quantity));
          roles.push_back(o.role);
        }
        jc["operands"] = ops;
        jc["roles"] = roles;
        cs.push_back(jc);
      }
    }
    jd["claims"] = cs;
    jd["summary"] = {{"quantities", d.quantities.size()}, {"non_quantities", d.non_quantities.size()},
                     {"claims", d.claims.size()}, {"uncovered", d.uncovered.size()}};
    docs.push_back(jd);
  }
  return json{{"schema", "doisoat/extract/v1"}, {"documents", docs},
              {"summary", {{"documents", report.summary.documents}, {"claims", report.summary.claims},
                           {"quantities", report.summary.quantities}, {"uncovered", report.summary.uncovered}}}};
}

}  // namespace doisoat
