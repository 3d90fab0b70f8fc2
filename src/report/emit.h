// Emitters: findings -> text | json | sarif | markdown | html | csv | junit | github.
// An emitter never recomputes anything; it formats what the checks found.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/engine.h"

namespace doisoat {

enum class Format { Text, Json, Sarif, Markdown, Html, Csv, Junit, Github, Xlsx };

bool parse_format(const std::string& name, Format& out);

struct EmitOptions {
  Lang lang = Lang::Vi;
  bool color = false;        // ANSI colours (text format on a terminal only)
  std::string version = DOISOAT_VERSION;
  size_t github_cap = 50;    // annotations in all before the summary line
  size_t github_cap_per_level = 10;  // GitHub shows at most 10 of each level per step
  /// Findings at or above this severity fail the gate (JUnit failures); nullopt = never.
  std::optional<Severity> fail_on = Severity::Error;
  /// The rules SARIF lists; nullopt = the check registry (tests inject a fixed catalogue).
  std::optional<std::vector<CheckMeta>> catalogue;
  /// CSV for a spreadsheet in a Vietnamese locale (`--csv-locale vi`): ';' between fields and
  /// figures written as the reports write them (22.214; 93,7). Default: RFC 4180 commas, 93.7.
  bool csv_vietnamese = false;
  /// Text format: widest original line shown before it is cut around the span.
  size_t text_line_width = 100;
};

/// Findings of a `check` run in the given format.
std::string emit_findings(Format format, const RunReport& report, const EmitOptions& options);

/// CONTRACT `doisoat/findings/v1`.
nlohmann::ordered_json findings_json(const RunReport& report, const EmitOptions& options);

/// `doisoat extract --format json` (CONTRACT: doisoat/extract/v1).
nlohmann::ordered_json extract_json(const RunReport& report, bool uncovered_only = false);

/// `extract` output in text form (JSON is extract_json()).
std::string emit_extract_text(const RunReport& report, bool uncovered_only);

/// Write `content` to `path` atomically: a temp file beside it, then rename.
Result<bool> write_atomically(const std::string& path, const std::string& content);

}  // namespace doisoat
