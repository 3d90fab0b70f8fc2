// doisoat: audit the figures of Vietnamese socio-economic reports.
// Exit codes (CONTRACT): 0 no finding at or above --fail-on, 1 some, 2 could not run as asked.
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <optional>
#include <set>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include "cli/facts.h"
#include "engine/engine.h"
#include "report/emit.h"
#include "report/gate.h"

using namespace doisoat;

namespace {

enum Exit { kOk = 0, kFindings = 1, kUsage = 2 };

struct CommonOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
  std::string fail_on = "error";
  std::string lang = "vi";
  std::vector<std::string> enable, disable;
  std::string config;
  std::string baseline, write_baseline;
  std::string suppressions;
  bool no_suppressions = false;
  int jobs = 0;
  bool quiet = false;
  std::string region, period;
  std::string db, regions;  // facts store and declared region hierarchy (issue 7)
  bool uncovered = false;
  std::string csv_locale = "en";  // issue 16: "vi" for a Vietnamese-locale spreadsheet
};

int fail(const std::string& message) {
  std::cerr << "doisoat: " << message << "\n";
  return kUsage;
}

// Standard output that cannot take the report (a full disk, a closed pipe) fails the run
// (issue 14: the report was lost with exit 1 and no word).
int check_stdout() {
  std::cout.flush();
  if (std::cout && std::fflush(stdout) == 0 && !std::ferror(stdout)) return kOk;
  int err = errno;
  return fail(std::string("cannot write to standard output: ") + (err ? std::strerror(err) : "write error"));
}

int emit(const CommonOptions& o, const std::string& content) {
  if (o.output.empty()) {
    errno = 0;
    std::cout << content;
    return check_stdout();
  }
  auto w = write_atomically(o.output, content);
  if (!w) return fail(w.error().message());
  return kOk;
}

// Found in the current folder when --suppressions is not given (the CI checkout root).
constexpr const char* kDefaultSuppressions = ".doisoat-suppressions.json";

/// A one-line progress bar on stderr, drawn only on a terminal and only for long batches.
class ProgressBar {
 public:
  explicit ProgressBar(bool enabled) : enabled_(enabled), start_(std::chrono::steady_clock::now()) {}
  ~ProgressBar() { finish(); }
  void update(size_t done, size_t total) {
    if (!enabled_) return;
    std::lock_guard<std::mutex> lock(mutex_);
    auto now = std::chrono::steady_clock::now();
    bool long_batch = total >= 10 || now - start_ > std::chrono::seconds(1);
    if (!long_batch || (done < total && now - last_ < std::chrono::milliseconds(100))) return;
    last_ = now;
    const int width = 30;
    int filled = total ? static_cast<int>(width * done / total) : width;
    std::string bar(static_cast<size_t>(filled), '#');
    bar.append(static_cast<size_t>(width - filled), '.');
    std::fprintf(stderr, "\r[%s] %zu/%zu", bar.c_str(), done, total);
    std::fflush(stderr);
    drawn_ = true;
  }
  void finish() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (drawn_) std::fputs("\r\x1b[K", stderr);
    drawn_ = false;
  }

 private:
  bool enabled_;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_, last_{};
  bool drawn_ = false;
};

std::set<std::string> known_check_ids() {
  std::set<std::string> ids;
  for (const auto& c : check_registry()) ids.insert(c->meta().id);
  return ids;
}

Result<RunOptions> make_run_options(const CommonOptions& o) {
  RunOptions r;
  r.paths = o.paths;
  r.jobs = o.jobs;
  r.load.region = o.region;
  r.load.period = o.period;
  r.db = o.db;
  r.regions = o.regions;
  r.checks.lang = o.lang == "en" ? Lang::En : Lang::Vi;
  for (const auto& id : o.enable) {
    if (!find_check(id)) return Error{"", "unknown check '" + id + "' (see 'doisoat checks')"};
    r.enabled.insert(id);
  }
  for (const auto& id : o.disable) {
    if (!find_check(id)) return Error{"", "unknown check '" + id + "' (see 'doisoat checks')"};
    r.disabled.insert(id);
  }
  if (!o.config.empty()) {
    auto config = load_config(o.config, known_check_ids());
    if (!config) return config.error();
    apply_config(*config, r);
  }
  return r;
}

// A run's documents are many small allocations (strings per quantity, claim and finding), and
// freeing them one by one just before the process ends is work nobody reads (issue 15). The CLI
// hands each report to the exit instead: moved to the heap and reachable from a static, so
// LeakSanitizer counts it as in use, never destroyed.
void keep_until_exit(RunReport&& report) {
  static auto* kept = new std::vector<RunReport>;
  kept->push_back(std::move(report));
}

int cmd_check(const CommonOptions& o) {
  Format format;
  if (!parse_format(o.format, format)) return fail("unknown format '" + o.format + "'");
  if (format == Format::Xlsx && o.output.empty() && ::isatty(1))
    return fail("--format xlsx writes a binary workbook: give -o FILE.xlsx");
  auto ro = make_run_options(o);
  if (!ro) return fail(ro.error().message());
  // Read every side file before the (long) run, so a typo fails fast.
  std::vector<Suppression> suppressions;
  std::string suppressions_path = o.suppressions;
  if (suppressions_path.empty() && !o.no_suppressions && std::filesystem::exists(kDefaultSuppressions))
    suppressions_path = kDefaultSuppressions;
  if (!suppressions_path.empty()) {
    auto s = load_suppressions(suppressions_path);
    if (!s) return fail(s.error().message());
    suppressions = std::move(*s);
  }
  std::optional<std::set<std::string>> baseline;
  if (!o.baseline.empty()) {
    auto b = load_baseline(o.baseline);
    if (!b) return fail(b.error().message());
    baseline = std::move(*b);
  }
  ProgressBar progress(!o.quiet && ::isatty(2));
  ro->progress = [&progress](size_t done, size_t total) { progress.update(done, total); };
  auto report = run(*ro);
  progress.finish();
  if (!report) return fail(report.error().message());
  apply_suppressions(*report, suppressions);
  if (baseline) apply_baseline(*report, *baseline);
  if (!o.write_baseline.empty()) {
    // The written baseline knows every current finding; this run already counts them as known.
    if (auto w = write_atomically(o.write_baseline, baseline_json(*report, DOISOAT_VERSION)); !w)
      return fail(w.error().message());
    std::set<std::string> all;
    for (const auto& f : report->findings) all.insert(f.id);
    apply_baseline(*report, all);
  }
  EmitOptions eo;
  eo.lang = ro->checks.lang;
  eo.fail_on = fail_threshold(o.fail_on);
  eo.color = format == Format::Text && o.output.empty() && ::isatty(1) && !std::getenv("NO_COLOR");
  eo.csv_vietnamese = o.csv_locale == "vi";
  int rc = emit(o, emit_findings(format, *report, eo));
  if (rc == kOk) rc = gate_fails(*report, eo.fail_on) ? kFindings : kOk;
  keep_until_exit(std::move(*report));
  return rc;
}

int cmd_extract(const CommonOptions& o) {
  if (o.format != "text" && o.format != "json") return fail("extract writes text or json, not '" + o.format + "'");
  auto ro = make_run_options(o);
  if (!ro) return fail(ro.error().message());
  auto report = run(*ro);
  if (!report) return fail(report.error().message());
  std::string out = o.format == "json" ? extract_json(*report, o.uncovered).dump(2) + "\n"
                                       : emit_extract_text(*report, o.uncovered);
  return emit(o, out);
}

int cmd_checks(const CommonOptions& o) {
  std::string out;
  for (const auto& c : check_registry()) {
    const auto& m = c->meta();
    char line[512];
    std::snprintf(line, sizeof line, "%-24s %-8s %s\n", m.id.c_str(), to_string(m.severity),
                  (o.lang == "en" ? m.summary_en : m.summary_vi).c_str());
    out += line;
  }
  return emit(o, out);
}

int cmd_explain(const CommonOptions& o, const std::string& id) {
  if (!find_check(id)) return fail("unknown check '" + id + "' (see 'doisoat checks')");
  return emit(o, check_documentation(id));
}

void add_common(CLI::App* app, CommonOptions& o, bool with_paths) {
  if (with_paths) app->add_option("paths", o.paths, "Report files or folders ('-' = standard input); default reports/");
  app->add_option("--format", o.format, "text|json|sarif|markdown|html|csv|junit|github|xlsx")->capture_default_str();
  app->add_option("--csv-locale", o.csv_locale,
                  "csv: en (',' between fields, 93.7) or vi (';' between fields, figures as written: 22.214; 93,7)")
      ->check(CLI::IsMember({"en", "vi"}))->capture_default_str();
  app->add_option("-o,--output", o.output, "Write to FILE (atomically) instead of standard output");
  app->add_option("--fail-on", o.fail_on, "error|warning|info|never")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))->capture_default_str();
  app->add_option("--lang", o.lang, "Message language: vi|en")->check(CLI::IsMember({"vi", "en"}))->capture_default_str();
  app->add_option("--enable", o.enable, "Run only these checks (repeatable)");
  app->add_option("--disable", o.disable, "Do not run these checks (repeatable)");
  app->add_option("--config", o.config,
                  "JSON config: {\"checks\": {\"CHECK-ID\": {\"enabled\": false, \"severity\": \"warning\"}}}");
  app->add_option("--baseline", o.baseline, "Report only findings not in this baseline file");
  app->add_option("--write-baseline", o.write_baseline,
                  "Record the current findings (by stable id) as a baseline; they count as known in this run");
  app->add_option("--suppressions", o.suppressions,
                  "JSON file of accepted findings: {\"suppressions\": [{\"id\", \"justification\", \"accepted_by\"}]}; "
                  "default: ./.doisoat-suppressions.json when it exists");
  app->add_flag("--no-suppressions", o.no_suppressions, "Do not read ./.doisoat-suppressions.json");
  app->add_option("--jobs", o.jobs, "Threads (default: one per core)")->check(CLI::Range(0, 1024));
  app->add_flag("-q,--quiet", o.quiet, "No progress or notes on stderr");
  app->add_option("--region", o.region, "Region of the reports (overrides what is read)");
  app->add_option("--period", o.period, "Period of the reports (overrides what is read)");
  app->add_option("--db", o.db, "Facts store, a file (SQLite) or postgresql://user@host/dbname: created on first use; "
                               "checks against every report it holds");
  app->add_option("--regions", o.regions, "JSON region hierarchy: {\"tỉnh X\": [\"huyện A\", ...]}");
}

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe is a write error reported like any other (exit 2 with a message), not a
  // silent death by SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  CLI::App app{"doisoat: đối soát số liệu báo cáo kinh tế - xã hội"};
  app.set_version_flag("--version", std::string("doisoat ") + DOISOAT_VERSION);
  app.require_subcommand(1);
  CommonOptions o;
  auto* check = app.add_subcommand("check", "Run every enabled check, print findings");
  add_common(check, o, true);
  auto* extract = app.add_subcommand("extract", "Print what was read: quantities and claims with verdicts");
  add_common(extract, o, true);
  extract->add_flag("--uncovered", o.uncovered, "List numbers in assertive sentences that no claim uses");
  auto* checks = app.add_subcommand("checks", "List the checks");
  add_common(checks, o, false);
  FactsCommand facts_cmd;
  auto* facts = app.add_subcommand("facts", "List the facts store (--db FILE|postgresql://...) as JSON Lines or CSV");
  facts->add_option("--db", facts_cmd.db, "Facts store: a file (SQLite) or postgresql://...")->required();
  facts->add_option("--indicator", facts_cmd.indicator, "Indicator key or phrase");
  facts->add_option("--region", facts_cmd.region, "Region (substring, diacritics optional)");
  facts->add_option("--period", facts_cmd.period, "Period key (2023-H1) or period text");
  facts->add_option("--format", facts_cmd.format, "jsonl|csv")->check(CLI::IsMember({"jsonl", "csv"}))->capture_default_str();
  auto* explain = app.add_subcommand("explain", "Print the documentation of one check");
  std::string explain_id;
  explain->add_option("check", explain_id, "Check id")->required();
  add_common(explain, o, false);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    int rc = app.exit(e);
    return check_stdout() != kOk ? kUsage : rc;
  } catch (const CLI::CallForAllHelp& e) {
    int rc = app.exit(e);
    return check_stdout() != kOk ? kUsage : rc;
  } catch (const CLI::CallForVersion& e) {
    int rc = app.exit(e);
    return check_stdout() != kOk ? kUsage : rc;
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kUsage;
  }
  try {
    if (*check) return cmd_check(o);
    if (*extract) return cmd_extract(o);
    if (*checks) return cmd_checks(o);
    if (*explain) return cmd_explain(o, explain_id);
    if (*facts) {
      errno = 0;
      int rc = run_facts_command(facts_cmd, std::cout, std::cerr);
      if (int out = check_stdout(); out != kOk) return out;
      return rc;
    }
  } catch (const std::exception& e) {
    return fail(std::string("internal error: ") + e.what());
  }
  return kUsage;
}
