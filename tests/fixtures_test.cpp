// Golden fixtures, closed world: fixtures/<check-id>/<case>.txt runs through the real pipeline
// (load_document + analyze) and EVERY finding must be listed in <case>.expected as
// "LINE CHECK-ID STATED" (empty file: nothing may fire). On a mismatch <case>.received is
// written beside it. These tests are named Fixtures.* so the claim reader's progress shows.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/engine.h"
#include "fixture_io.h"
#include "text/load.h"

using namespace doisoat;
namespace fs = std::filesystem;
using fixture_io::read_lines;
using fixture_io::stated_text;

namespace {

void run_fixtures(const std::string& check_id) {
  fs::path dir = fs::path(FIXTURES_DIR) / check_id;
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".txt") cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  ASSERT_FALSE(cases.empty());
  for (const auto& txt : cases) {
    fs::path expected_path = txt, received_path = txt;
    expected_path.replace_extension(".expected");
    received_path.replace_extension(".received");
    std::ifstream in(txt, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    auto doc = load_document(txt.string(), bytes.str());
    ASSERT_TRUE(static_cast<bool>(doc)) << txt;
    RunOptions options;
    DocumentResult r = analyze(std::move(*doc), options);
    std::vector<std::string> got;
    for (const auto& f : r.findings)
      got.push_back(std::to_string(f.begin.line) + " " + f.check + " " + stated_text(f.stated));
    std::sort(got.begin(), got.end());
    std::vector<std::string> want = read_lines(expected_path);
    std::sort(want.begin(), want.end());
    if (got != want) {
      std::ofstream out(received_path);
      for (const auto& g : got) out << g << "\n";
      std::string g_all, w_all;
      for (const auto& g : got) g_all += "  " + g + "\n";
      for (const auto& w : want) w_all += "  " + w + "\n";
      ADD_FAILURE() << txt.filename().string() << "\n expected:\n" << w_all << " received:\n" << g_all;
    } else {
      std::error_code ec;
      fs::remove(received_path, ec);
    }
  }
}

}  // namespace

TEST(Fixtures, AbsChange) { run_fixtures("abs-change"); }
TEST(Fixtures, GrowthRate) { run_fixtures("growth-rate"); }
TEST(Fixtures, MalformedNumber) { run_fixtures("malformed-number"); }
TEST(Fixtures, PartBound) { run_fixtures("part-bound"); }
TEST(Fixtures, PercentOfPlan) { run_fixtures("percent-of-plan"); }
TEST(Fixtures, PercentVsPoints) { run_fixtures("percent-vs-points"); }
TEST(Fixtures, PpDifference) { run_fixtures("pp-difference"); }
TEST(Fixtures, RatioRecompute) { run_fixtures("ratio-recompute"); }
TEST(Fixtures, RepeatAgreement) { run_fixtures("repeat-agreement"); }
TEST(Fixtures, RoundingConvention) { run_fixtures("rounding-convention"); }
TEST(Fixtures, Share) { run_fixtures("share"); }
TEST(Fixtures, SumTotal) { run_fixtures("sum-total"); }
