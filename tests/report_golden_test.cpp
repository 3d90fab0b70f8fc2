// Golden outputs of every format on a hand-built report (tests/report_sample.h).
// Regenerate with DOISOAT_UPDATE_GOLDEN=1; a mismatch writes fixtures/report/<name>.received.
#include <algorithm>
#include <cctype>

#include <gtest/gtest.h>

#include "report/emit.h"
#include "report_sample.h"

using namespace doisoat;
using namespace doisoat::testing;

namespace {

struct GoldenCase {
  Format format;
  Lang lang;
  const char* file;
};

void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.file; }

class ReportGolden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(ReportGolden, MatchesFile) {
  const auto& c = GetParam();
  RunReport r = sample_report();
  std::string out = emit_findings(c.format, r, sample_options(c.lang));
  expect_golden(c.file, out);
  // Every format mentions every finding (by id or by its quote).
  for (const auto& f : r.findings) {
    if (f.suppressed && (c.format == Format::Text || c.format == Format::Github)) {
      EXPECT_EQ(out.find(f.message), std::string::npos) << c.file << ": suppressed finding printed: " << f.id;
      continue;
    }
    bool mentioned = out.find(f.id) != std::string::npos || out.find(f.quote) != std::string::npos ||
                     out.find(f.message) != std::string::npos;
    if (c.format == Format::Markdown || c.format == Format::Html || c.format == Format::Junit ||
        c.format == Format::Github || c.format == Format::Csv)
      mentioned = mentioned || out.find(f.check) != std::string::npos;
    EXPECT_TRUE(mentioned) << c.file << " lacks finding " << f.id << " (" << f.check << ")";
  }
}

INSTANTIATE_TEST_SUITE_P(
    AllFormats, ReportGolden,
    ::testing::Values(GoldenCase{Format::Text, Lang::Vi, "sample.vi.txt"},
                      GoldenCase{Format::Text, Lang::En, "sample.en.txt"},
                      GoldenCase{Format::Json, Lang::Vi, "sample.json"},
                      GoldenCase{Format::Sarif, Lang::Vi, "sample.sarif"},
                      GoldenCase{Format::Markdown, Lang::Vi, "sample.vi.md"},
                      GoldenCase{Format::Markdown, Lang::En, "sample.en.md"},
                      GoldenCase{Format::Html, Lang::Vi, "sample.vi.html"},
                      GoldenCase{Format::Csv, Lang::Vi, "sample.vi.csv"},
                      GoldenCase{Format::Junit, Lang::Vi, "sample.junit.xml"},
                      GoldenCase{Format::Github, Lang::Vi, "sample.github.txt"}),
    [](const ::testing::TestParamInfo<GoldenCase>& info) {
      std::string n = info.param.file;
      for (auto& ch : n)
        if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
      return n;
    });

TEST(ReportGolden, EmptyReportSaysSo) {
  RunReport r;
  r.summary.documents = 1;
  r.summary.claims = 4;
  EmitOptions o = sample_options(Lang::En);
  EXPECT_EQ(emit_findings(Format::Text, r, o), "1 document, 4 claims checked: 0 errors, 0 warnings, 0 infos\n");
  EXPECT_NE(emit_findings(Format::Html, r, o).find("No findings."), std::string::npos);
  EXPECT_EQ(emit_findings(Format::Github, r, o), "::notice title=doisoat::doisoat: 1 document, 4 claims checked: 0 errors, 0 warnings, 0 infos\n");
}

TEST(ReportGolden, OrderDoesNotDependOnInputOrder) {
  RunReport a = sample_report();
  RunReport b = sample_report();
  std::reverse(b.findings.begin(), b.findings.end());
  for (Format f : {Format::Text, Format::Json, Format::Sarif, Format::Markdown, Format::Html, Format::Csv,
                   Format::Junit, Format::Github})
    EXPECT_EQ(emit_findings(f, a, sample_options()), emit_findings(f, b, sample_options())) << static_cast<int>(f);
}

}  // namespace
