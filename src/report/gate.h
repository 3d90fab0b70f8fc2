// What a CI gate needs around a run: the config file, the baseline, the suppressions sidecar
// and the --fail-on decision. Bad files are values (Error names the file), never exceptions.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/result.h"
#include "engine/engine.h"

namespace doisoat {

/// `--config FILE`:
///   {"checks": {"ratio-recompute": {"severity": "warning"}, "share": {"enabled": false}}}
struct CheckSettings {
  std::optional<bool> enabled;
  std::optional<Severity> severity;
};
struct Config {
  std::map<std::string, CheckSettings> checks;
};

/// Parse a config; `known_checks` are the ids a config may name (unknown ids are errors, so a
/// typo never silently leaves a check on). Errors carry `path`.
Result<Config> parse_config(const std::string& text, const std::string& path, const std::set<std::string>& known_checks);
Result<Config> load_config(const std::string& path, const std::set<std::string>& known_checks);
/// Fill the run options from a config. Command-line --enable/--disable win over the file.
void apply_config(const Config& config, RunOptions& options);

/// `--suppressions FILE`: {"suppressions": [{"id": "…", "justification": "…", "accepted_by": "…"}]}
/// (a bare array is accepted too). id, justification and accepted_by are required.
struct Suppression {
  std::string id, justification, accepted_by;
};
Result<std::vector<Suppression>> parse_suppressions(const std::string& text, const std::string& path);
Result<std::vector<Suppression>> load_suppressions(const std::string& path);
/// Mark the findings with these ids as suppressed; returns how many were. Recounts the summary.
size_t apply_suppressions(RunReport& report, const std::vector<Suppression>& suppressions);

/// Baseline file (`--write-baseline`): {"schema": "doisoat/baseline/v1", "findings": [{"id", …}]}.
/// A `doisoat/findings/v1` JSON report is accepted as a baseline too.
std::string baseline_json(const RunReport& report, const std::string& version);
Result<std::set<std::string>> parse_baseline(const std::string& text, const std::string& path);
Result<std::set<std::string>> load_baseline(const std::string& path);
/// Suppress the findings the baseline knows (baselined = true); returns how many. Recounts.
size_t apply_baseline(RunReport& report, const std::set<std::string>& known_ids);

/// `--fail-on error|warning|info|never` -> threshold (nullopt = never fails).
std::optional<Severity> fail_threshold(const std::string& fail_on);
/// True when an unsuppressed finding is at or above the threshold (exit code 1).
bool gate_fails(const RunReport& report, std::optional<Severity> threshold);

}  // namespace doisoat
