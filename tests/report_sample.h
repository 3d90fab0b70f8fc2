// A RunReport built by hand for the emitter tests: several checks and severities, Vietnamese
// text, related locations (one in another document), a sidecar-suppressed and a baselined
// finding, characters every format must escape, and a document without findings.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "engine/engine.h"
#include "report/emit.h"

namespace doisoat::testing {

/// 1-based code-point column of `needle` in `line`.
inline uint32_t column_of(const std::string& line, const std::string& needle) {
  size_t at = line.find(needle);
  if (at == std::string::npos) {
    ADD_FAILURE() << "'" << needle << "' not in '" << line << "'";
    return 1;
  }
  uint32_t col = 1;
  for (size_t i = 0; i < at; ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++col;
  return col;
}

inline uint32_t codepoints(const std::string& s) {
  uint32_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

/// Span of `needle` inside `quote`, in bytes.
inline Span bytes_of(const std::string& quote, const std::string& needle) {
  size_t at = quote.find(needle);
  if (at == std::string::npos) ADD_FAILURE() << "'" << needle << "' not in '" << quote << "'";
  return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

inline Finding make_finding(const std::string& check, const std::string& kind, Severity sev, const std::string& path,
                            uint32_t line, const std::string& line_text, const std::string& quote) {
  Finding f;
  f.check = check;
  f.kind = kind;
  f.severity = sev;
  f.path = path;
  f.line_text = line_text;
  f.quote = quote;
  uint32_t col = column_of(line_text, quote);
  f.begin = SourcePos{line, col};
  f.end = SourcePos{line, col + codepoints(quote)};
  f.id = stable_id(check, path, quote);
  return f;
}

inline RelatedLocation related(const std::string& path, uint32_t line, uint32_t col, const std::string& quote,
                               const std::string& message) {
  RelatedLocation r;
  r.path = path;
  r.begin = SourcePos{line, col};
  r.end = SourcePos{line, col + codepoints(quote)};
  r.quote = quote;
  r.message = message;
  return r;
}

inline Claim make_claim(uint32_t id, ClaimKind kind, const std::string& quote, Verdict verdict,
                        const std::string& reason = "") {
  Claim c;
  c.id = id;
  c.kind = kind;
  c.quote = quote;
  c.verdict = verdict;
  c.reason = reason;
  return c;
}

inline RunReport sample_report() {
  const std::string bk = "reports/bac-kan-tinh-6thang-2023.txt";
  const std::string cb = "reports/cao-bang-tinh-6thang-2023.txt";
  const std::string clean = "reports/chợ-đồn/sạch.txt";
  RunReport r;

  // Bắc Kạn: a ratio with a malformed operand, a sum that does not add up, a growth rate.
  const std::string l23 = "- Khai thác gỗ: 175.666/310.00 m3 gỗ các loại, đạt 57% KH; củi 12.000 ste.";
  Finding ratio = make_finding("ratio-recompute", "ratio", Severity::Error, bk, 23, l23,
                               "175.666/310.00 m3 gỗ các loại, đạt 57% KH");
  ratio.stated = 57;
  ratio.expected = 56666.45;
  ratio.unit = "%";
  ratio.material = true;
  ratio.message = "175.666/310.00 = 56.666,45%, báo cáo ghi 57%";
  ratio.computation = "175.666 / 310,00 = 56.666,45% ≠ 57%";
  ratio.suggestion = "310.00 có lẽ là 310.000; khi đó tỉ lệ là 56,7%, làm tròn thành 57%";
  ratio.highlight = {bytes_of(ratio.quote, "175.666"), bytes_of(ratio.quote, "310.00"), bytes_of(ratio.quote, "57%")};
  ratio.related = {related(bk, 5, 16, "310.000 m3", "kế hoạch năm")};

  Finding malformed = make_finding("malformed-number", "malformed_number", Severity::Warning, bk, 23, l23, "310.00");
  malformed.stated = 310;
  malformed.expected = 310000;
  malformed.unit = "m3";
  malformed.message = "Số viết sai dạng: \"310.00\" (nhóm nghìn chỉ có 2 chữ số)";
  malformed.suggestion = "viết 310.000";
  malformed.replacement = "310.000";
  malformed.highlight = {Span{0, 6}};

  const std::string l40 = "Tổng lượt khách đạt 719.923 lượt; trong đó nội địa 713.229, quốc tế 6.964 lượt.";
  Finding sum = make_finding("sum-parts", "sum", Severity::Error, bk, 40, l40,
                             "719.923 lượt; trong đó nội địa 713.229, quốc tế 6.964");
  sum.stated = 719923;
  sum.expected = 720193;
  sum.unit = "lượt";
  sum.message = "Các thành phần cộng lại 720.193 lượt, báo cáo ghi tổng 719.923 lượt (lệch 270)";
  sum.computation = "713.229 + 6.964 = 720.193 ≠ 719.923";
  sum.suggestion = "có thể \"6.964\" là \"6.694\" (đảo chữ số)";
  sum.highlight = {bytes_of(sum.quote, "719.923"), bytes_of(sum.quote, "713.229"), bytes_of(sum.quote, "6.964")};
  sum.related = {related(bk, 40, 52, "713.229", "nội địa"), related(bk, 40, 69, "6.964", "quốc tế")};

  const std::string l52 = "Thu ngân sách đạt 350,2 tỷ đồng, tăng 12,5% so với cùng kỳ.";
  Finding growth = make_finding("growth-rate", "growth", Severity::Warning, bk, 52, l52, "350,2 tỷ đồng, tăng 12,5% so với cùng kỳ");
  growth.stated = 12.5;
  growth.expected = 11.8;
  growth.unit = "%";
  growth.message = "Tốc độ tăng tính lại là 11,8%, báo cáo ghi 12,5%";
  growth.computation = "350,2 / 313,2 − 1 = 11,81% ≠ 12,5%";
  growth.highlight = {bytes_of(growth.quote, "350,2"), bytes_of(growth.quote, "12,5%")};
  growth.related = {related(cb, 10, 20, "313,2 tỷ đồng", "cùng kỳ năm trước (báo cáo khác)")};

  // A quote with characters every format must escape: < & " , | : % and a new line in the message.
  const std::string l61 = "Tỷ lệ hộ nghèo chiếm 5,2% (<6% & \"mục tiêu\"), giảm | 1,1 điểm: 100%";
  Finding share = make_finding("share", "share", Severity::Info, bk, 61, l61, "chiếm 5,2% (<6% & \"mục tiêu\")");
  share.stated = 5.2;
  share.unit = "%";
  share.message = "Không tìm thấy tổng để tính lại tỷ lệ,\nchỉ kiểm tra được giới hạn: 100%";

  // Cao Bằng: a repeat accepted in the sidecar file, a pp difference known from the baseline.
  const std::string l12 = "Tỷ lệ che phủ rừng đạt 73,5%.";
  Finding repeat = make_finding("repeat-consistency", "repeat", Severity::Error, cb, 12, l12, "73,5%");
  repeat.stated = 73.5;
  repeat.expected = 73.4;
  repeat.unit = "%";
  repeat.message = "Cùng chỉ tiêu được ghi hai lần với hai giá trị: 73,5% và 73,4%";
  repeat.related = {related(cb, 88, 30, "73,4%", "lần ghi thứ hai")};
  repeat.suppressed = true;
  repeat.suppression_justification = "Số 73,4% là số sơ bộ của quý I, đã đính chính";
  repeat.suppression_accepted_by = "Nguyễn Văn An";

  const std::string l30 = "Tỷ lệ đô thị hóa đạt 25,1%, tăng 0,8 điểm phần trăm so với năm 2022 (24,6%).";
  Finding pp = make_finding("pp-difference", "pp_difference", Severity::Error, cb, 30, l30,
                            "25,1%, tăng 0,8 điểm phần trăm so với năm 2022 (24,6%)");
  pp.stated = 0.8;
  pp.expected = 0.5;
  pp.unit = "điểm %";
  pp.message = "25,1% − 24,6% = 0,5 điểm phần trăm, báo cáo ghi 0,8";
  pp.suppressed = true;
  pp.baselined = true;

  r.findings = {ratio, malformed, sum, growth, share, repeat, pp};

  DocumentResult d1;
  d1.doc.path = bk;
  d1.claims = {make_claim(1, ClaimKind::Ratio, ratio.quote, Verdict::Discrepancy),
               make_claim(2, ClaimKind::MalformedNumber, "310.00", Verdict::Discrepancy),
               make_claim(3, ClaimKind::Sum, sum.quote, Verdict::Discrepancy),
               make_claim(4, ClaimKind::Growth, growth.quote, Verdict::Discrepancy),
               make_claim(5, ClaimKind::PercentOfPlan, "đạt 101,2% kế hoạch", Verdict::Consistent),
               make_claim(6, ClaimKind::Share, share.quote, Verdict::Unchecked, "không có tổng")};
  d1.findings = {ratio, malformed, sum, growth, share};
  DocumentResult d2;
  d2.doc.path = cb;
  d2.claims = {make_claim(1, ClaimKind::Repeat, "73,5%", Verdict::Discrepancy),
               make_claim(2, ClaimKind::PpDifference, pp.quote, Verdict::Discrepancy),
               make_claim(3, ClaimKind::Ratio, "12.400/12.000 ha, đạt 103,3%", Verdict::ConsistentTruncated)};
  d2.findings = {repeat, pp};
  DocumentResult d3;
  d3.doc.path = clean;
  d3.claims = {make_claim(1, ClaimKind::Sum, "1.200 hộ, gồm 700 hộ nghèo và 500 hộ cận nghèo", Verdict::Consistent)};
  r.documents.push_back(std::move(d1));
  r.documents.push_back(std::move(d2));
  r.documents.push_back(std::move(d3));

  r.summary.documents = r.documents.size();
  for (const auto& d : r.documents) r.summary.claims += d.claims.size();
  recount(r);
  return r;
}

/// The catalogue SARIF lists, fixed here so goldens do not change when checks are added.
inline std::vector<CheckMeta> sample_catalogue() {
  return {
      {"growth-rate", Severity::Warning, "Tốc độ tăng/giảm khớp với hai kỳ", "Growth rates match the two periods",
       "# growth-rate\n\nRecomputes \"tăng X% so với cùng kỳ\" from both values.\n"},
      {"malformed-number", Severity::Warning, "Số viết sai dạng", "Malformed numbers",
       "# malformed-number\n\nFlags \"310.00\" where \"310.000\" was meant.\n"},
      {"ratio-recompute", Severity::Error, "Tỷ lệ A/B đạt X% khớp với A và B", "A/B ratios match the stated percent",
       "# ratio-recompute\n\nRecomputes \"A/B … đạt X%\".\n"},
      {"sum-parts", Severity::Error, "Các thành phần cộng đúng bằng tổng", "Parts add up to the total",
       "# sum-parts\n\nAdds the parts of \"gồm\" lists.\n"},
  };
}

inline EmitOptions sample_options(Lang lang = Lang::Vi) {
  EmitOptions o;
  o.lang = lang;
  o.version = "9.9.9-test";
  o.catalogue = sample_catalogue();
  return o;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Compare with fixtures/report/<name>; DOISOAT_UPDATE_GOLDEN=1 rewrites it; a mismatch
/// writes <name>.received beside it so `diff` shows what changed.
inline void expect_golden(const std::string& name, const std::string& actual) {
  std::string path = std::string(FIXTURES_DIR) + "/report/" + name;
  const char* update = std::getenv("DOISOAT_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    std::remove((path + ".received").c_str());
    return;
  }
  std::ifstream probe(path);
  if (!probe) {
    std::ofstream(path + ".received", std::ios::binary) << actual;
    FAIL() << "golden file " << path << " is missing; wrote " << path
           << ".received (rerun with DOISOAT_UPDATE_GOLDEN=1 to accept)";
  }
  std::string expected = read_text(path);
  if (expected != actual) {
    std::ofstream(path + ".received", std::ios::binary) << actual;
    ADD_FAILURE() << "output differs from " << path << "; see: diff " << path << " " << path << ".received";
  } else {
    std::remove((path + ".received").c_str());
  }
}

}  // namespace doisoat::testing
