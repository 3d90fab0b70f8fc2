// The whole output on the real reports of reports/, golden: `check` and `extract` as JSON, byte for
// byte. A change to reading or checking that moves any claim or finding on these reports shows up
// here as a diff to review (<name>.received beside the golden file); DOISOAT_UPDATE_GOLDEN=1
// rewrites the golden files once the change is meant.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "report_sample.h"

using doisoat::testing::read_text;
namespace fs = std::filesystem;

namespace {

class ReportsGolden : public ::testing::TestWithParam<const char*> {};

TEST_P(ReportsGolden, MatchesFile) {
  const std::string command = GetParam();
  const fs::path golden = (fs::path(SOURCE_DIR) / "tests" / "golden") / ("reports." + command + ".json");
  const fs::path out = fs::temp_directory_path() / ("doisoat-reports-golden-" + std::to_string(::getpid()) + "-" + command);
  // From the project's root with a relative path, as a user runs it, so paths in the output are relative.
  const std::string cmd = "cd '" SOURCE_DIR "' && '" DOISOAT_BIN "' " + command +
                          " reports/ --format json --fail-on never -o '" + out.string() + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  const std::string received = read_text(out.string());
  fs::remove(out);
  ASSERT_FALSE(received.empty());
  if (std::getenv("DOISOAT_UPDATE_GOLDEN")) {
    std::ofstream(golden, std::ios::binary) << received;
    return;
  }
  const std::string expected = read_text(golden.string());
  if (received != expected) {
    const fs::path r = fs::path(golden).replace_extension(".received");
    std::ofstream(r, std::ios::binary) << received;
    FAIL() << "doisoat " << command << " on reports/ differs from " << golden << "; see " << r
           << " (DOISOAT_UPDATE_GOLDEN=1 to accept)";
  }
}

INSTANTIATE_TEST_SUITE_P(Reports, ReportsGolden, ::testing::Values("check", "extract"));

}  // namespace
