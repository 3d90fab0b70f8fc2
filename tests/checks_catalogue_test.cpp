// The catalogue stays in step: registry sorted, every check documented with an example that
// fires and one that does not, ids <-> file names, a fixture folder per check.
#include <fstream>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "checks/check.h"
#include "checks/common.h"

using namespace doisoat;
namespace fs = std::filesystem;

namespace {
const std::set<std::string> kNotChecks = {"check", "registry", "common", "config_schema", "cross_report"};
}

TEST(CheckCatalogue, IdsAreSortedAndUnique) {
  std::vector<std::string> ids;
  for (const auto& c : check_registry()) ids.push_back(c->meta().id);
  for (const char* id : {"abs-change", "growth-rate", "malformed-number", "part-bound", "percent-of-plan",
                         "percent-vs-points", "pp-difference", "ratio-recompute", "repeat-agreement",
                         "rounding-convention", "share", "sum-total"})
    EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size());
}

TEST(CheckCatalogue, EveryCheckIsDocumented) {
  for (const auto& c : check_registry()) {
    const auto& m = c->meta();
    SCOPED_TRACE(m.id);
    std::string doc = check_documentation(m.id);
    EXPECT_FALSE(doc.empty());
    EXPECT_EQ(doc, m.doc);
    EXPECT_NE(doc.find("## Example that fires"), std::string::npos);
    EXPECT_NE(doc.find("## Example that does not fire"), std::string::npos);
    EXPECT_NE(doc.find("## How to silence it"), std::string::npos);
    EXPECT_NE(doc.find("--disable " + m.id), std::string::npos);
    EXPECT_FALSE(m.summary_vi.empty());
    EXPECT_FALSE(m.summary_en.empty());
    EXPECT_EQ(find_check(m.id), c.get());
  }
}

TEST(CheckCatalogue, IdsMatchFileNames) {
  std::set<std::string> ids, files;
  for (const auto& c : check_registry()) ids.insert(c->meta().id);
  for (const auto& e : fs::directory_iterator(fs::path(SOURCE_DIR) / "checks")) {
    std::string stem = e.path().stem().string();
    if (kNotChecks.count(stem)) continue;
    std::string id = stem;
    std::replace(id.begin(), id.end(), '_', '-');
    files.insert(id);
    EXPECT_TRUE(ids.count(id)) << e.path();
  }
  for (const auto& id : ids) {
    std::string stem = id;
    std::replace(stem.begin(), stem.end(), '-', '_');
    for (const char* ext : {".h", ".cpp", ".md"})
      EXPECT_TRUE(fs::exists(fs::path(SOURCE_DIR) / "checks" / (stem + ext))) << stem << ext;
  }
}

// check_for and the evaluation of a claim come from the registry: every claim kind a document
// check can recompute has exactly one check that owns it; a cross-report claim has none.
TEST(CheckCatalogue, EveryClaimKindHasOneOwningCheck) {
  const ClaimKind kinds[] = {ClaimKind::Ratio, ClaimKind::PercentOfPlan, ClaimKind::Sum, ClaimKind::PartBound,
                             ClaimKind::PpDifference, ClaimKind::Share, ClaimKind::Growth, ClaimKind::AbsChange,
                             ClaimKind::Repeat, ClaimKind::CrossReport, ClaimKind::MalformedNumber};
  for (ClaimKind k : kinds) {
    SCOPED_TRACE(to_string(k));
    std::vector<std::string> owners;
    for (const auto& c : check_registry())
      if (auto owner = dynamic_cast<const ClaimKindCheck*>(c.get()); owner && owner->kind() == k)
        owners.push_back(owner->meta().id);
    if (k == ClaimKind::CrossReport) {
      EXPECT_TRUE(owners.empty());
      EXPECT_STREQ(check_for(k), "");
      EXPECT_EQ(check_owning(k), nullptr);
      continue;
    }
    ASSERT_EQ(owners.size(), 1u);
    EXPECT_EQ(check_for(k), owners[0]);
    ASSERT_NE(check_owning(k), nullptr);
    EXPECT_EQ(check_owning(k)->meta().id, owners[0]);
  }
  // The spelling of the ids is the one users script against.
  EXPECT_STREQ(check_for(ClaimKind::Ratio), "ratio-recompute");
  EXPECT_STREQ(check_for(ClaimKind::Growth), "growth-rate");
  EXPECT_STREQ(check_for(ClaimKind::MalformedNumber), "malformed-number");
}

TEST(CheckCatalogue, DefaultSeverities) {
  auto sev = [](const char* id) { return find_check(id)->meta().severity; };
  EXPECT_EQ(sev("malformed-number"), Severity::Warning);
  EXPECT_EQ(sev("percent-vs-points"), Severity::Warning);
  EXPECT_EQ(sev("rounding-convention"), Severity::Info);
  for (const char* id : {"ratio-recompute", "percent-of-plan", "sum-total", "part-bound", "pp-difference", "share",
                         "growth-rate", "abs-change", "repeat-agreement"})
    EXPECT_EQ(sev(id), Severity::Error) << id;
}

// Cross-report checks need several documents: their fixtures are sets under fixtures/cross/<set>/
// with a consistent and an inconsistent variant. Each such check must fire in some inconsistent
// set whose consistent twin exists (and is checked closed-world by the cross fixture tests).
bool cross_check_has_fixture_sets(const std::string& id) {
  fs::path root = fs::path(FIXTURES_DIR) / "cross";
  if (!fs::is_directory(root)) return false;
  for (const auto& set : fs::directory_iterator(root)) {
    fs::path bad = set.path() / "inconsistent" / "expected", good = set.path() / "consistent" / "expected";
    if (!fs::exists(bad) || !fs::exists(good)) continue;
    std::ifstream in(bad);
    std::string line;
    while (std::getline(in, line))
      if (!line.empty() && line[0] != '#' && line.find(" " + id + " ") != std::string::npos) return true;
  }
  return false;
}

TEST(CheckCatalogue, EveryCheckHasFixtures) {
  for (const auto& c : check_registry()) {
    if (c->meta().id.rfind("cross-report-", 0) == 0) {
      EXPECT_TRUE(cross_check_has_fixture_sets(c->meta().id)) << c->meta().id;
      continue;
    }
    fs::path dir = fs::path(FIXTURES_DIR) / c->meta().id;
    SCOPED_TRACE(dir.string());
    ASSERT_TRUE(fs::is_directory(dir));
    int firing = 0, quiet = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.path().extension() != ".txt") continue;
      fs::path expected = e.path();
      expected.replace_extension(".expected");
      ASSERT_TRUE(fs::exists(expected)) << expected;
      (fs::file_size(expected) > 0 ? firing : quiet)++;
    }
    EXPECT_GE(firing, 5);
    EXPECT_GE(quiet, 5);
  }
}
