// One run: load every input, read quantities and claims, run the checks, collect findings.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "checks/check.h"
#include "core/model.h"
#include "core/result.h"
#include "text/load.h"

namespace doisoat {

struct RunOptions {
  std::vector<std::string> paths;  // files, folders or "-"; empty = "reports"
  LoadOptions load;
  CheckConfig checks;
  std::set<std::string> enabled;   // when not empty, only these
  std::set<std::string> disabled;
  std::map<std::string, Severity> severity_override;
  int jobs = 0;                    // 0 = hardware concurrency
  bool run_checks = true;          // extract also runs checks so claims carry verdicts
  /// Called from the worker threads after each input is done (done, total); may be empty.
  /// Must be thread-safe. The CLI uses it for the progress bar on a terminal.
  std::function<void(size_t done, size_t total)> progress;
  /// Across reports (issue 7): the SQLite facts store (`--db FILE`, "" for none) and a declared
  /// region hierarchy (`--regions FILE`: {"tỉnh X": ["huyện A", ...]}, "" for none).
  std::string db;
  std::string regions;
};

struct Summary {
  size_t documents = 0;
  size_t claims = 0;
  size_t quantities = 0;
  size_t uncovered = 0;
  size_t findings_error = 0, findings_warning = 0, findings_info = 0;
  size_t suppressed = 0;
};

struct RunReport {
  std::vector<DocumentResult> documents;  // in input order
  std::vector<Finding> findings;          // all documents, sorted (path, line, column, check)
  Summary summary;
};

/// Expand the paths into report files (errors name the path).
Result<std::vector<std::string>> collect_inputs(const std::vector<std::string>& paths);

/// Read and check every input. Any unreadable input fails the run (exit code 2, nothing written).
Result<RunReport> run(const RunOptions& options);

/// Whether a check's findings are reported in this run (--enable, --disable).
bool check_enabled(const RunOptions& options, const std::string& id);

/// Analyse one loaded document (quantities, claims, checks, findings).
DocumentResult analyze(Document doc, const RunOptions& options);

/// Recount the summary from the findings (after baseline/suppressions change them).
void recount(RunReport& report);

}  // namespace doisoat
