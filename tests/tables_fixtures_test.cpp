// Table fixtures, closed world (issue 13): fixtures/tables/<shape>/<case>.txt runs through the real
// pipeline (load_document + analyze) and <case>.expected, written by hand, lists everything read:
//
//   rows N                         the table rows the text layer made (0: no table)
//   claim KIND STATED VERDICT      every claim ("claim percent_of_plan 50.2 consistent")
//   finding LINE CHECK STATED      every finding ("finding 10 percent-of-plan 52.2")
//
// in any order; '#' lines are comments. A claim or finding that appears and is not listed fails
// the test as much as a missing one. On a mismatch <case>.received is written beside it.
#include <gtest/gtest.h>

#include <algorithm>
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

std::vector<fs::path> table_cases() {
  std::vector<fs::path> cases;
  fs::path root = fs::path(FIXTURES_DIR) / "tables";
  if (!fs::is_directory(root)) return cases;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file() && e.path().extension() == ".txt") cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  return cases;
}

std::vector<std::string> read_everything(const fs::path& txt) {
  std::ifstream in(txt, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  auto doc = load_document(txt.string(), bytes.str());
  if (!doc) throw std::runtime_error("cannot load " + txt.string());
  DocumentResult r = analyze(std::move(*doc), RunOptions{});
  std::vector<std::string> got;
  size_t rows = 0;
  for (const Block& b : r.doc.blocks) rows += b.kind == BlockKind::TableRow;
  got.push_back("rows " + std::to_string(rows));
  for (const Claim& c : r.claims) {
    std::string stated = "?";
    if (c.stated < r.quantities.size()) {
      const Quantity& q = r.quantities[c.stated];
      stated = stated_text(q.value.to_double() * (q.negative ? -1 : 1));
    }
    got.push_back(std::string("claim ") + to_string(c.kind) + " " + stated + " " + to_string(c.verdict));
  }
  for (const Finding& f : r.findings)
    got.push_back("finding " + std::to_string(f.begin.line) + " " + f.check + " " + stated_text(f.stated));
  std::sort(got.begin(), got.end());
  return got;
}

class TableFixtures : public ::testing::TestWithParam<fs::path> {};

TEST_P(TableFixtures, ReadsExactlyWhatIsExpected) {
  const fs::path& txt = GetParam();
  fs::path expected_path = txt, received_path = txt;
  expected_path.replace_extension(".expected");
  received_path.replace_extension(".received");
  std::vector<std::string> got;
  ASSERT_NO_THROW(got = read_everything(txt)) << txt;
  std::vector<std::string> want = read_lines(expected_path);
  std::sort(want.begin(), want.end());
  if (got == want) {
    std::error_code ec;
    fs::remove(received_path, ec);
    return;
  }
  std::ofstream out(received_path);
  std::string g_all, w_all;
  for (const auto& g : got) {
    out << g << "\n";
    g_all += "  " + g + "\n";
  }
  for (const auto& w : want) w_all += "  " + w + "\n";
  FAIL() << txt.string() << "\n expected:\n" << w_all << " received:\n" << g_all;
}

INSTANTIATE_TEST_SUITE_P(Tables, TableFixtures, ::testing::ValuesIn(table_cases()),
                         [](const ::testing::TestParamInfo<fs::path>& info) {
                           fs::path rel = fs::relative(info.param, fs::path(FIXTURES_DIR) / "tables");
                           rel.replace_extension();
                           std::string n = rel.generic_string();
                           for (auto& ch : n)
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return n;
                         });

// The suite must not silently shrink (a moved folder, a bad FIXTURES_DIR).
TEST(TableFixturesSuite, HasCases) { EXPECT_GE(table_cases().size(), 10u) << FIXTURES_DIR "/tables"; }

}  // namespace

GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(TableFixtures);
