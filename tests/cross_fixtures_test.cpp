// Cross-report fixture sets, closed world: fixtures/cross/<set>/<variant>/ holds crafted reports
// (and regions.json when the set declares a hierarchy); every cross-report finding of a run over
// the folder must be listed in its `expected` file as "FILE LINE CHECK-ID SEVERITY STATED", and
// nothing else may fire. On a mismatch `received` is written beside it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "engine/engine.h"
#include "fixture_io.h"

using namespace doisoat;
namespace fs = std::filesystem;
using fixture_io::read_lines;
using fixture_io::stated_text;

namespace {

RunReport run_set(const fs::path& dir, const std::string& db = {}) {
  RunOptions o;
  o.paths = {dir.string()};
  o.jobs = 2;
  o.db = db;
  if (fs::exists(dir / "regions.json")) o.regions = (dir / "regions.json").string();
  auto r = run(o);
  EXPECT_TRUE(static_cast<bool>(r)) << (r ? "" : r.error().message());
  return r ? std::move(*r) : RunReport{};
}

std::vector<const Finding*> cross_findings(const RunReport& r) {
  std::vector<const Finding*> out;
  for (const auto& f : r.findings)
    if (f.check.rfind("cross-report-", 0) == 0) out.push_back(&f);
  return out;
}

void check_set(const std::string& set, const std::string& variant) {
  fs::path dir = fs::path(FIXTURES_DIR) / "cross" / set / variant;
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  RunReport r = run_set(dir);
  std::vector<std::string> got;
  for (const Finding* f : cross_findings(r)) {
    got.push_back(fs::path(f->path).filename().string() + " " + std::to_string(f->begin.line) + " " + f->check +
                  " " + to_string(f->severity) + " " + stated_text(f->stated));
    // Findings cite the other document.
    ASSERT_FALSE(f->related.empty()) << f->message;
    EXPECT_NE(f->related[0].path, f->path);
    EXPECT_GT(f->related[0].begin.line, 0u);
    EXPECT_FALSE(f->message.empty());
    EXPECT_FALSE(f->line_text.empty());
  }
  std::sort(got.begin(), got.end());
  std::vector<std::string> want = read_lines(dir / "expected");
  std::sort(want.begin(), want.end());
  if (got != want) {
    std::ofstream out(dir / "received");
    for (const auto& g : got) out << g << "\n";
  }
  EXPECT_EQ(got, want) << "see " << (dir / "received");
}

}  // namespace

TEST(CrossFixtures, TwoYearsConsistent) { check_set("two-years", "consistent"); }
TEST(CrossFixtures, TwoYearsInconsistent) { check_set("two-years", "inconsistent"); }
TEST(CrossFixtures, HierarchyConsistent) { check_set("hierarchy", "consistent"); }
TEST(CrossFixtures, HierarchyInconsistent) { check_set("hierarchy", "inconsistent"); }
TEST(CrossFixtures, HierarchyNeighbourIsNoParent) { check_set("hierarchy", "neighbour"); }
TEST(CrossFixtures, AgreementArticlesAreNotCompared) { check_set("agreement", "articles"); }
TEST(CrossFixtures, AgreementConsistent) { check_set("agreement", "consistent"); }
TEST(CrossFixtures, AgreementInconsistent) { check_set("agreement", "inconsistent"); }
TEST(CrossFixtures, PlanConsistent) { check_set("plan", "consistent"); }
TEST(CrossFixtures, PlanInconsistent) { check_set("plan", "inconsistent"); }

TEST(CrossReconcile, NamesTheFigureThatResolvesMostDisagreements) {
  // The summary and the annex agree; the full report holds two mistyped figures.
  RunReport r = run_set(fs::path(FIXTURES_DIR) / "cross" / "agreement" / "inconsistent");
  int named = 0;
  for (const Finding* f : cross_findings(r)) {
    if (f->severity == Severity::Info) {
      EXPECT_TRUE(f->suggestion.empty());
      continue;
    }
    EXPECT_NE(f->suggestion.find("day-du.txt"), std::string::npos) << f->suggestion;
    ++named;
  }
  EXPECT_EQ(named, 4);
}

TEST(CrossRevision, AnEstimateRevisedLaterIsANote) {
  RunReport r = run_set(fs::path(FIXTURES_DIR) / "cross" / "two-years" / "inconsistent");
  bool seen = false;
  for (const Finding* f : cross_findings(r))
    if (f->begin.line == 20) {
      seen = true;
      EXPECT_EQ(f->severity, Severity::Info);
      EXPECT_NE(f->message.find("ước tính"), std::string::npos);
    }
  EXPECT_TRUE(seen);
}

TEST(CrossDisabled, DisabledChecksDoNotRun) {
  RunOptions o;
  o.paths = {(fs::path(FIXTURES_DIR) / "cross" / "two-years" / "inconsistent").string()};
  o.disabled = {"cross-report-growth"};
  auto r = run(o);
  ASSERT_TRUE(static_cast<bool>(r));
  EXPECT_TRUE(cross_findings(*r).empty());
}

TEST(CrossStableIds, IdsSurviveReruns) {
  fs::path dir = fs::path(FIXTURES_DIR) / "cross" / "agreement" / "inconsistent";
  RunReport a = run_set(dir), b = run_set(dir);
  auto fa = cross_findings(a), fb = cross_findings(b);
  ASSERT_EQ(fa.size(), fb.size());
  for (size_t i = 0; i < fa.size(); ++i) EXPECT_EQ(fa[i]->id, fb[i]->id);
}
