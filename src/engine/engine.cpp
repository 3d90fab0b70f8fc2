#include "engine/engine.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "claims/claims.h"
#include "claims/indicators.h"
#include "engine/blame.h"
#include "engine/cross_stage.h"
#include "num/numbers.h"

namespace doisoat {

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

bool check_enabled(const RunOptions& o, const std::string& id) {
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
      // Nothing after loading reads `original` (positions go through the map, which keeps its
      // own copy): a second copy of every document, held to the end of the run, is let go.
      std::string().swap(doc->original);
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
  // Across reports: the facts of every document and of the store (engine/cross_stage.h).
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

}  // namespace doisoat
