// Every input that once crashed a fuzz target (fuzz/regressions/<target>/) goes through that
// target's code again (issue 14). In the asan preset a sanitizer report fails the test; in any
// build a crash, a trap or an exception does.
#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "fuzz/targets.h"

namespace fs = std::filesystem;

namespace {

TEST(FuzzRegressions, EveryCrashFoundRunsCleanly) {
  size_t inputs = 0;
  for (const auto& dir : fs::directory_iterator(FUZZ_DIR "/regressions")) {
    if (!dir.is_directory()) continue;
    auto target = doisoat::fuzz::target(dir.path().filename().string());
    ASSERT_NE(target, nullptr) << "no fuzz target named " << dir.path().filename();
    for (const auto& f : fs::directory_iterator(dir.path())) {
      if (!f.is_regular_file() || f.path().filename().string()[0] == '.') continue;
      SCOPED_TRACE(f.path().string());
      std::ifstream in(f.path(), std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      EXPECT_EQ(target(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()), 0);
      ++inputs;
    }
  }
  EXPECT_GT(inputs, 0u) << "fuzz/regressions/ holds no input";
}

}  // namespace
