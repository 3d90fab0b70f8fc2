// Emitters: findings -> text | json | sarif | markdown | html | csv | junit | github.
// An emitter never recomputes anything; it formats what the checks found.
#pragma once

#include <string>

#include "engine/engine.h"

namespace doisoat {

enum class Format { Text, Json, Sarif, Markdown, Html, Csv, Junit, Github };

bool parse_format(const std::string& name, Format& out);

struct EmitOptions {
  Lang lang = Lang::Vi;
  bool color = false;        // ANSI colours (text format on a terminal only)
  std::string version = DOISOAT_VERSION;
  size_t github_cap = 50;    // annotations before the summary line
};

/// Findings of a `check` run in the given format.
std::string emit_findings(Format format, const RunReport& report, const EmitOptions& options);

/// `extract` output in text form (JSON is extract_json()).
std::string emit_extract_text(const RunReport& report, bool uncovered_only);

/// Write `content` to `path` atomically: a temp file beside it, then rename.
Result<bool> write_atomically(const std::string& path, const std::string& content);

}  // namespace doisoat
