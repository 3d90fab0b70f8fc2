// --format xlsx (issue 16): a sheet of findings and one of claims, each with a filter on its
// header and the header frozen; figures are number cells; formula-like texts are guarded.
#include <string>

#include <gtest/gtest.h>
#include <zip.h>

#include "report/emit.h"
#include "report_sample.h"

using namespace doisoat;
using namespace doisoat::testing;

namespace {

std::string member(const std::string& archive, const char* name) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(archive.data(), archive.size(), 0, &err);
  zip_t* za = src ? zip_open_from_source(src, ZIP_RDONLY, &err) : nullptr;
  if (!za) {
    if (src) zip_source_free(src);
    ADD_FAILURE() << "not a zip archive";
    return {};
  }
  std::string out;
  if (zip_file_t* f = zip_fopen(za, name, 0)) {
    char buf[4096];
    for (zip_int64_t n; (n = zip_fread(f, buf, sizeof buf)) > 0;) out.append(buf, size_t(n));
    zip_fclose(f);
  } else {
    ADD_FAILURE() << "no member " << name;
  }
  zip_close(za);
  return out;
}

}  // namespace

TEST(ReportXlsx, FindingsAndClaimsSheetsWithFilterFrozenHeaderAndGuard) {
  RunReport r = sample_report();
  r.findings[0].message = "=HYPERLINK(\"http://x\")";
  r.findings[1].suggestion = "@cmd";
  std::string book = emit_findings(Format::Xlsx, r, sample_options(Lang::En));
  ASSERT_EQ(book.rfind("PK", 0), 0u);
  std::string workbook = member(book, "xl/workbook.xml");
  EXPECT_NE(workbook.find("<sheet name=\"findings\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("<sheet name=\"claims\""), std::string::npos) << workbook;
  std::string findings = member(book, "xl/worksheets/sheet1.xml");
  std::string claims = member(book, "xl/worksheets/sheet2.xml");
  for (const std::string* sheet : {&findings, &claims}) {
    EXPECT_NE(sheet->find("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"),
              std::string::npos);
    EXPECT_NE(sheet->find("<autoFilter ref=\"A1:"), std::string::npos);
  }
  // Header + one row per finding (7) and per claim (10).
  EXPECT_NE(findings.find("<autoFilter ref=\"A1:R8\"/>"), std::string::npos) << findings;
  EXPECT_NE(claims.find("<autoFilter ref=\"A1:L11\"/>"), std::string::npos) << claims;
  // The ratio's expected value is a number cell, not text.
  EXPECT_NE(findings.find("<v>56666.45</v>"), std::string::npos);
  std::string strings = member(book, "xl/sharedStrings.xml");
  EXPECT_NE(strings.find("<t>'=HYPERLINK(\"http://x\")</t>"), std::string::npos) << strings;
  EXPECT_NE(strings.find("'@cmd"), std::string::npos);
  EXPECT_NE(strings.find("175.666/310.00 m3 gỗ các loại, đạt 57% KH"), std::string::npos);
}
