// The SARIF output validates against the official SARIF 2.1.0 schema (python3 + jsonschema).
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "report/emit.h"
#include "report_sample.h"

using namespace doisoat;
using namespace doisoat::testing;
namespace fs = std::filesystem;

namespace {

/// Exit status of the validator: 0 valid, 1 invalid, other = could not run.
int validate(const std::string& sarif_text, const std::string& name, std::string& output) {
  fs::path dir = fs::path(DOISOAT_BIN).parent_path() / "report-test";
  fs::create_directories(dir);
  fs::path file = dir / name, log = dir / (name + ".log");
  std::ofstream(file, std::ios::binary) << sarif_text;
  std::string cmd = "python3 '" SOURCE_DIR "/fixtures/report/validate_sarif.py' '" FIXTURES_DIR
                    "/report/sarif-schema-2.1.0.json' '" + file.string() + "' > '" + log.string() + "' 2>&1";
  int status = std::system(cmd.c_str());
  output = read_text(log.string());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(ReportSarifSchema, SampleReportIsValidSarif) {
  std::string out;
  int rc = validate(emit_findings(Format::Sarif, sample_report(), sample_options()), "sample.sarif", out);
  ASSERT_NE(rc, 2) << "cannot run the SARIF validator (python3 with jsonschema): " << out;
  EXPECT_EQ(rc, 0) << out;
}

TEST(ReportSarifSchema, EmptyReportAndRealRegistryAreValidSarif) {
  std::string out;
  EmitOptions o;  // the real check registry as rules
  o.version = "9.9.9-test";
  EXPECT_EQ(validate(emit_findings(Format::Sarif, RunReport{}, o), "empty.sarif", out), 0) << out;
}

TEST(ReportSarifSchema, RealReportsGiveValidSarif) {
  fs::path file = fs::path(DOISOAT_BIN).parent_path() / "report-test" / "reports.sarif";
  fs::create_directories(file.parent_path());
  std::string cmd = "'" DOISOAT_BIN "' check '" REPORTS_DIR "' --format sarif --fail-on never -o '" + file.string() + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::string out;
  EXPECT_EQ(validate(read_text(file.string()), "reports.sarif", out), 0) << out;
}

TEST(ReportSarifSchema, ValidatorRejectsBrokenSarif) {
  // The validation would be worthless if anything passed.
  std::string text = emit_findings(Format::Sarif, sample_report(), sample_options());
  auto j = nlohmann::json::parse(text);
  j["runs"][0]["results"][0]["level"] = "fatal";
  j["runs"][0]["columnKind"] = "bytes";
  std::string out;
  EXPECT_EQ(validate(j.dump(2), "broken.sarif", out), 1) << out;
  EXPECT_NE(out.find("fatal"), std::string::npos) << out;
}

}  // namespace
