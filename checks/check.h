// A check takes the claims of one document, recomputes them and reports discrepancies.
// A check never reads files or formats output (STYLE.md: one-way layers).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/model.h"

namespace doisoat {

enum class Lang { Vi, En };

/// Per-run settings that checks read (from --config and the command line).
struct CheckConfig {
  Lang lang = Lang::Vi;
  /// Extra relative tolerance a user may allow on top of displayed precision (default none).
  double extra_relative_tolerance = 0.0;
};

/// What `doisoat checks`, `explain`, SARIF rules and the docs index are generated from.
struct CheckMeta {
  std::string id;          // "ratio-recompute"
  Severity severity;       // default severity
  std::string summary_vi;  // one line
  std::string summary_en;
  std::string doc;         // the check's Markdown documentation (checks/<id>.md)
};

struct CheckContext {
  const Document& doc;
  const std::vector<Quantity>& quantities;
  std::vector<Claim>& claims;
  const CheckConfig& config;
  std::vector<Finding>& findings;  // a check appends; severity is re-graded by the engine
};

class Check {
 public:
  virtual ~Check() = default;
  virtual const CheckMeta& meta() const = 0;
  virtual void run(CheckContext& ctx) const = 0;
};

/// The sorted, explicit registry (checks/registry.cpp).
const std::vector<std::unique_ptr<Check>>& check_registry();
const Check* find_check(const std::string& id);

/// Documentation of a check, embedded at build time from checks/<file>.md. The line
/// `<!-- config-example -->` becomes the config-file examples generated from the config schema
/// (checks/config_schema.h), for a check of this default severity.
std::string check_documentation(const std::string& id, Severity default_severity);
/// The same for a registered check (its default severity from the registry).
std::string check_documentation(const std::string& id);

}  // namespace doisoat
