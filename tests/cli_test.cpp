// The binary as a CI job runs it: exit codes, -o, baseline, suppressions, config.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "report_sample.h"

using doisoat::testing::read_text;
namespace fs = std::filesystem;

namespace {

struct Outcome {
  int code = -1;
  std::string out, err;
};

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("doisoat-cli-" + std::to_string(::getpid()) + "-" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    // A ratio that is wrong (22.214/23.707 is 93,7%, not 50%) and one sentence without figures.
    write("bad.txt", "Diện tích gieo trồng vụ Đông Xuân đạt 22.214/23.707 ha, đạt 50% KH.\n");
    write("ok.txt", "Tình hình kinh tế - xã hội ổn định.\n");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name, std::ios::binary) << text; }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  /// Outcome doisoat in the temp folder (so paths in output are relative); stdout/stderr to files,
  /// which also means neither is a terminal.
  Outcome doisoat(const std::string& args, const std::string& stdin_file = "") {
    std::string cmd = "cd '" + dir_.string() + "' && '" DOISOAT_BIN "' " + args + " > .stdout 2> .stderr";
    if (!stdin_file.empty()) cmd += " < '" + stdin_file + "'";
    int status = std::system(cmd.c_str());
    Outcome r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_text(path(".stdout"));
    r.err = read_text(path(".stderr"));
    return r;
  }

  fs::path dir_;
};

TEST_F(Cli, ExitCodeZeroWhenNothingFails) {
  Outcome r = doisoat("check ok.txt");
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_EQ(r.err, "");  // stderr is not a terminal: no progress bar, no notes
  EXPECT_NE(r.out.find("1 tài liệu"), std::string::npos) << r.out;
}

TEST_F(Cli, ExitCodeOneOnAFindingAtOrAboveFailOn) {
  Outcome r = doisoat("check bad.txt");
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("^bad\\.txt:1:\\d+: error: \\[ratio-recompute\\] "))) << r.out;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(doisoat("check bad.txt --fail-on never").code, 0);
}

TEST_F(Cli, ExitCodeTwoNamesTheBadPath) {
  Outcome r = doisoat("check no-such-report.txt");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("no-such-report.txt"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(doisoat("check ok.txt --format yaml").code, 2);
  EXPECT_EQ(doisoat("check ok.txt --fail-on sometimes").code, 2);
}

TEST_F(Cli, StandardInput) {
  Outcome r = doisoat("check -", path("bad.txt"));
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.out.find("-:1:"), std::string::npos) << r.out;
}

TEST_F(Cli, OutputFileIsWrittenAtomically) {
  Outcome r = doisoat("check bad.txt --format json -o report.json");
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.out, "");
  auto j = nlohmann::json::parse(read_text(path("report.json")));
  EXPECT_EQ(j["schema"], "doisoat/findings/v1");
  EXPECT_GE(j["findings"].size(), 1u);
  // A failed run leaves the previous report whole, and no temp file behind.
  std::string before = read_text(path("report.json"));
  EXPECT_EQ(doisoat("check missing.txt --format json -o report.json").code, 2);
  EXPECT_EQ(read_text(path("report.json")), before);
  Outcome bad_target = doisoat("check ok.txt -o no/such/folder/report.txt");
  EXPECT_EQ(bad_target.code, 2);
  EXPECT_NE(bad_target.err.find("no/such/folder/report.txt"), std::string::npos) << bad_target.err;
  for (const auto& e : fs::directory_iterator(dir_))
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
}

TEST_F(Cli, BaselineRoundTrip) {
  Outcome first = doisoat("check bad.txt --write-baseline baseline.json");
  EXPECT_EQ(first.code, 0) << first.out << first.err;  // every current finding is now known
  auto b = nlohmann::json::parse(read_text(path("baseline.json")));
  EXPECT_EQ(b["schema"], "doisoat/baseline/v1");
  ASSERT_GE(b["findings"].size(), 1u);

  Outcome known = doisoat("check bad.txt --baseline baseline.json --format json");
  EXPECT_EQ(known.code, 0) << known.out << known.err;
  auto j = nlohmann::json::parse(known.out);
  EXPECT_EQ(j["summary"]["suppressed"], b["findings"].size());
  EXPECT_EQ(j["summary"]["baselined"], b["findings"].size());
  EXPECT_EQ(j["summary"]["findings"]["error"], 0);

  // A new discrepancy still fails the gate.
  write("bad.txt", "Diện tích gieo trồng vụ Đông Xuân đạt 22.214/23.707 ha, đạt 50% KH.\n"
                   "Sản lượng lúa đạt 1.000/2.000 tấn, đạt 80% KH.\n");
  Outcome fresh = doisoat("check bad.txt --baseline baseline.json");
  EXPECT_EQ(fresh.code, 1) << fresh.out;
  EXPECT_EQ(fresh.out.find(":1:"), std::string::npos) << "the known finding was shown:\n" << fresh.out;
  EXPECT_NE(fresh.out.find("bad.txt:2:"), std::string::npos) << fresh.out;

  write("broken.json", "{\"findings\": 3}");
  Outcome broken = doisoat("check bad.txt --baseline broken.json");
  EXPECT_EQ(broken.code, 2);
  EXPECT_NE(broken.err.find("broken.json"), std::string::npos) << broken.err;
}

TEST_F(Cli, SuppressionsFileSilencesByIdWithJustification) {
  Outcome as_json = doisoat("check bad.txt --format json");
  auto j = nlohmann::json::parse(as_json.out);
  nlohmann::json list = nlohmann::json::array();
  for (const auto& f : j["findings"])
    list.push_back({{"id", f["id"]}, {"justification", "số liệu sơ bộ, đã đính chính"}, {"accepted_by", "Lê Văn C"}});
  write("sup.json", nlohmann::json{{"suppressions", list}}.dump());
  Outcome r = doisoat("check bad.txt --suppressions sup.json --format sarif");
  EXPECT_EQ(r.code, 0) << r.err;
  auto sarif = nlohmann::json::parse(r.out);
  for (const auto& res : sarif["runs"][0]["results"])
    EXPECT_EQ(res["suppressions"][0]["justification"], "số liệu sơ bộ, đã đính chính (chấp nhận bởi Lê Văn C)");

  // Found without the option in the folder doisoat runs from; --no-suppressions ignores it.
  fs::rename(path("sup.json"), path(".doisoat-suppressions.json"));
  EXPECT_EQ(doisoat("check bad.txt").code, 0);
  EXPECT_EQ(doisoat("check bad.txt --no-suppressions").code, 1);

  write("sup.json", R"({"suppressions": [{"id": "abc", "justification": "vì"}]})");
  Outcome bad = doisoat("check bad.txt --suppressions sup.json");
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("sup.json"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("accepted_by"), std::string::npos) << bad.err;
}

TEST_F(Cli, ConfigOverridesSeverityAndDisablesChecks) {
  write("warn.json", R"({"checks": {"ratio-recompute": {"severity": "warning"}}})");
  EXPECT_EQ(doisoat("check bad.txt --config warn.json").code, 0);
  EXPECT_EQ(doisoat("check bad.txt --config warn.json --fail-on warning").code, 1);
  write("off.json", R"({"checks": {"ratio-recompute": {"enabled": false}}})");
  Outcome off = doisoat("check bad.txt --config off.json");
  EXPECT_EQ(off.out.find("ratio-recompute"), std::string::npos) << off.out;

  for (const char* text : {"{not json", R"({"checks": {"no-such-check": {}}})", R"({"checks": {"share": {"severity": "fatal"}}})"}) {
    write("bad-config.json", text);
    Outcome r = doisoat("check bad.txt --config bad-config.json");
    EXPECT_EQ(r.code, 2) << text;
    EXPECT_NE(r.err.find("bad-config.json"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
  }
  Outcome missing = doisoat("check bad.txt --config nowhere.json");
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("nowhere.json"), std::string::npos) << missing.err;
}

TEST_F(Cli, EveryFormatRuns) {
  for (const char* f : {"text", "json", "sarif", "markdown", "html", "csv", "junit", "github", "xlsx"}) {
    Outcome r = doisoat(std::string("check bad.txt ok.txt --jobs 2 --format ") + f);
    EXPECT_EQ(r.code, 1) << f << ": " << r.err;
    EXPECT_FALSE(r.out.empty()) << f;
    EXPECT_EQ(r.err, "") << f;
  }
}

// Issue 16, the kit.
TEST_F(Cli, XlsxToAFileAndVietnameseCsv) {
  Outcome x = doisoat("check bad.txt --format xlsx -o out.xlsx");
  EXPECT_EQ(x.code, 1) << x.err;
  EXPECT_EQ(read_text(path("out.xlsx")).rfind("PK\x03\x04", 0), 0u);
  Outcome c = doisoat("check bad.txt --format csv --csv-locale vi");
  EXPECT_EQ(c.code, 1) << c.err;
  // 22.214/23.707 = 93,70…%: the expected figure with a decimal comma, fields apart by ';'.
  EXPECT_NE(c.out.find(";50;93,7"), std::string::npos) << c.out;
  EXPECT_EQ(doisoat("check bad.txt --format csv --csv-locale fr").code, 2);
}

TEST_F(Cli, EveryExplainPageConfigExampleIsAcceptedByCheck) {
  Outcome list = doisoat("checks");
  ASSERT_EQ(list.code, 0);
  std::istringstream lines(list.out);
  size_t examples = 0;
  for (std::string line; std::getline(lines, line);) {
    std::string id = line.substr(0, line.find(' '));
    Outcome page = doisoat("explain " + id);
    ASSERT_EQ(page.code, 0) << id;
    std::regex code(R"re(`(\{"checks"[^`]*)`)re");
    for (auto it = std::sregex_iterator(page.out.begin(), page.out.end(), code); it != std::sregex_iterator(); ++it) {
      write("example.json", (*it)[1].str());
      Outcome r = doisoat("check ok.txt --config example.json");
      EXPECT_EQ(r.code, 0) << id << ": " << (*it)[1].str() << ": " << r.err;
      ++examples;
    }
  }
  EXPECT_GE(examples, 32u);
}

TEST_F(Cli, VersionComesFromCMakeProject) {
  Outcome r = doisoat("--version");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "doisoat " DOISOAT_VERSION "\n");
}

}  // namespace
