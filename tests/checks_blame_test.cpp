// Inject each kind of typo into a consistent claim and check that the finding appears and that
// its suggestion names the injected figure (and the correct value). Values checked with python3.
#include <gtest/gtest.h>

#include "checks_support.h"

using namespace doisoat;
using namespace doisoat::testing;

namespace {
Operand op(const char* role, uint32_t q) { return Operand{role, q}; }

bool mentions(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }
}  // namespace

TEST(Blame, TransposedDigits) {
  // 5.672/9.400 = 60,34%; typed 5.762.
  DocBuilder b("Tiêm vắc xin lở mồm long móng 5.762/9.400 liều, đạt 60,34% kế hoạch.");
  uint32_t n = b.q("5.762", "liều"), d = b.q("9.400", "liều"), p = b.q("60,34", "%");
  b.claim(ClaimKind::Ratio, {op("numerator", n), op("denominator", d)}, p);
  auto f = by_check(b.run(), "ratio-recompute");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(mentions(f[0]->suggestion, "\"5.762\"")) << f[0]->suggestion;
  EXPECT_TRUE(mentions(f[0]->suggestion, "5.672")) << f[0]->suggestion;
  EXPECT_TRUE(mentions(f[0]->suggestion, "đảo hai chữ số")) << f[0]->suggestion;
}

TEST(Blame, WrongDigit) {
  // 5.345,97/5.470 = 97,73%; typed 5.245,97.
  DocBuilder b("Diện tích lúa ước đạt 5.245,97/5.470 ha, đạt 97,73% kế hoạch.");
  uint32_t n = b.q("5.245,97", "ha"), d = b.q("5.470", "ha"), p = b.q("97,73", "%");
  b.claim(ClaimKind::Ratio, {op("numerator", n), op("denominator", d)}, p);
  auto f = by_check(b.run(), "ratio-recompute");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(mentions(f[0]->suggestion, "\"5.245,97\"")) << f[0]->suggestion;
  EXPECT_TRUE(mentions(f[0]->suggestion, "5.345,97")) << f[0]->suggestion;
}

TEST(Blame, DroppedZero) {
  // 2.150 + 1.380 + 1.970 = 5.500; typed 197.
  DocBuilder b("Tổng số khách đạt 5.500 lượt, gồm nội địa 2.150 lượt, quốc tế 1.380 lượt và lưu trú 197 lượt.");
  uint32_t t = b.q("5.500", "lượt"), a = b.q("2.150", "lượt"), c = b.q("1.380", "lượt"), d = b.q("197", "lượt");
  b.claim(ClaimKind::Sum, {op("total", t), op("part", a), op("part", c), op("part", d)}, t);
  auto f = by_check(b.run(), "sum-total");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(mentions(f[0]->suggestion, "\"197\"")) << f[0]->suggestion;
  EXPECT_TRUE(mentions(f[0]->suggestion, "1.970")) << f[0]->suggestion;
}

TEST(Blame, ExtraDigit) {
  // 5.672/9.400 = 60,34%; typed 56.672 (an extra 6).
  DocBuilder b("Tiêm vắc xin lở mồm long móng 56.672/9.400 liều, đạt 60,34% kế hoạch.");
  uint32_t n = b.q("56.672", "liều"), d = b.q("9.400", "liều"), p = b.q("60,34", "%");
  b.claim(ClaimKind::Ratio, {op("numerator", n), op("denominator", d)}, p);
  auto f = by_check(b.run(), "ratio-recompute");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(mentions(f[0]->suggestion, "\"56.672\"")) << f[0]->suggestion;
  EXPECT_TRUE(mentions(f[0]->suggestion, "5.672")) << f[0]->suggestion;
}

TEST(Blame, ThousandsSeparatorSlipIsReadAsIntended) {
  // 175.666/310.000 = 56,67% → 57%; typed 310.00 (read 310,00, hint 310.000). One error, one
  // finding: the malformed number is reported on its own; the ratio holds with the intended value.
  DocBuilder b("Khai thác gỗ 175.666/310.00 m3, đạt 57% kế hoạch.");
  uint32_t n = b.q("175.666", "m3"), d = b.q("310.00", "m3"), p = b.q("57", "%");
  b.quantity(d).value = Decimal{31000, 2};
  b.quantity(d).precision = 2;
  b.quantity(d).malformed = true;
  b.quantity(d).hint = Decimal{310000, 0};
  b.claim(ClaimKind::Ratio, {op("numerator", n), op("denominator", d)}, p);
  auto& r = b.run();
  EXPECT_TRUE(by_check(r, "ratio-recompute").empty());
  ASSERT_EQ(r.claims.size(), 1u);
  EXPECT_EQ(r.claims[0].verdict, Verdict::Consistent);
  EXPECT_TRUE(mentions(r.claims[0].reason, "310.000")) << r.claims[0].reason;
}

TEST(Blame, ThousandsSeparatorSlipThatDoesNotHelpStaysAnError) {
  // With the intended 310.000 the ratio is 56,67%, not 75%: still a discrepancy.
  DocBuilder b("Khai thác gỗ 175.666/310.00 m3, đạt 75% kế hoạch.");
  uint32_t n = b.q("175.666", "m3"), d = b.q("310.00", "m3"), p = b.q("75", "%");
  b.quantity(d).value = Decimal{31000, 2};
  b.quantity(d).precision = 2;
  b.quantity(d).malformed = true;
  b.quantity(d).hint = Decimal{310000, 0};
  b.claim(ClaimKind::Ratio, {op("numerator", n), op("denominator", d)}, p);
  EXPECT_EQ(by_check(b.run(), "ratio-recompute").size(), 1u);
}

TEST(Blame, UnitSlip) {
  // The total 2.500 tỷ also closes a sum (1.100 + 1.400), so only the part can be the slip:
  // 1.625 tỷ / 2.500 tỷ = 65%; typed "1.625 triệu đồng".
  DocBuilder b(
      "Tổng dư nợ 2.500 tỷ đồng, gồm ngắn hạn 1.100 tỷ đồng và trung dài hạn 1.400 tỷ đồng. "
      "Dư nợ nông nghiệp 1.625 triệu đồng, chiếm 65% tổng dư nợ.");
  uint32_t t = b.q("2.500", "tỷ đồng"), s1 = b.q("1.100", "tỷ đồng"), s2 = b.q("1.400", "tỷ đồng");
  uint32_t a = b.q("1.625", "triệu đồng"), p = b.q("65", "%");
  b.claim(ClaimKind::Sum, {op("total", t), op("part", s1), op("part", s2)}, t);
  b.claim(ClaimKind::Share, {op("part", a), op("total", t)}, p);
  auto& r = b.run();
  auto f = by_check(r, "share");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(by_check(r, "sum-total").empty());
  EXPECT_TRUE(mentions(f[0]->suggestion, "\"1.625\"")) << f[0]->suggestion;
  EXPECT_TRUE(mentions(f[0]->suggestion, "1.625.000")) << f[0]->suggestion;
  EXPECT_TRUE(mentions(f[0]->suggestion, "đơn vị")) << f[0]->suggestion;
}

TEST(Blame, PercentInsteadOfPoints) {
  // 6,5% → 5,2% is a fall of 1,3 points; written "giảm 1,3%".
  DocBuilder b("Tỷ lệ hộ nghèo còn 5,2%, giảm 1,3% so với năm trước (6,5%).");
  uint32_t c = b.q("5,2", "%"), r = b.q("1,3", "%"), e = b.q("6,5", "%");
  b.claim(ClaimKind::Growth, {op("current", c), op("earlier", e), op("rate", r)}, r, true);
  auto f = by_check(b.run(), "percent-vs-points");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(mentions(f[0]->suggestion, "1,3 điểm phần trăm")) << f[0]->suggestion;
}

TEST(Blame, FigureCopiedFromTheNeighbouringLine) {
  // Line 2 repeats the 5.845 of line 1 as its numerator: 5.845/2.930 = 199,5%, not 71%.
  DocBuilder b("Đàn trâu 5.845/6.050 con, đạt 96,6% kế hoạch.\nĐàn bò 5.845/2.930 con, đạt 71% kế hoạch.");
  uint32_t n1 = b.q("5.845", "con"), d1 = b.q("6.050", "con"), p1 = b.q("96,6", "%");
  uint32_t n2 = b.q("5.845", "con"), d2 = b.q("2.930", "con"), p2 = b.q("71", "%");
  b.claim(ClaimKind::Ratio, {op("numerator", n1), op("denominator", d1)}, p1);
  b.claim(ClaimKind::Ratio, {op("numerator", n2), op("denominator", d2)}, p2);
  auto f = by_check(b.run(), "ratio-recompute");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->begin.line, 2u);
  EXPECT_TRUE(mentions(f[0]->suggestion, "\"5.845\"")) << f[0]->suggestion;
  EXPECT_TRUE(mentions(f[0]->suggestion, "dòng 1")) << f[0]->suggestion;
}

TEST(Blame, NoSuggestionWhenTwoCorrectionsFit) {
  // 834.165/1.634.000 = 51,05% stated 50%: "51%" or "814.165" both fit; say nothing.
  DocBuilder b("Trồng cây phân tán được 834.165/1.634.000 cây, đạt 50% kế hoạch.");
  uint32_t n = b.q("834.165", "cây"), d = b.q("1.634.000", "cây"), p = b.q("50", "%");
  b.claim(ClaimKind::Ratio, {op("numerator", n), op("denominator", d)}, p);
  auto f = by_check(b.run(), "ratio-recompute");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(f[0]->suggestion.empty()) << f[0]->suggestion;
}

TEST(Blame, OneErrorInTwoRelationsIsOneErrorWithTwoFindings) {
  // 1.380 should be 1.280: it breaks the visitor total (2.150 + 1.280 + 1.970 = 5.400) and its
  // own breakdown (800 + 480 = 1.280). Fellegi-Holt names it; the second broken relation stays a
  // finding at its own place, tied to the first (same_error_as, related both ways).
  DocBuilder b(
      "Tổng số khách đạt 5.400 lượt, gồm nội địa 2.150 lượt, quốc tế 1.380 lượt và lưu trú 1.970 lượt.\n"
      "Khách quốc tế gồm khách châu Á 800 lượt và khách châu Âu 480 lượt.");
  uint32_t t = b.q("5.400", "lượt"), a = b.q("2.150", "lượt"), x = b.q("1.380", "lượt"), c = b.q("1.970", "lượt");
  uint32_t asia = b.q("800", "lượt"), eu = b.q("480", "lượt");
  b.claim(ClaimKind::Sum, {op("total", t), op("part", a), op("part", x), op("part", c)}, t);
  b.claim(ClaimKind::Sum, {op("total", x), op("part", asia), op("part", eu)}, x);
  auto& r = b.run();
  auto f = by_check(r, "sum-total");
  ASSERT_EQ(f.size(), 2u);
  const Finding* lead = f[0]->same_error_as.empty() ? f[0] : f[1];
  const Finding* other = lead == f[0] ? f[1] : f[0];
  EXPECT_TRUE(lead->same_error_as.empty());
  EXPECT_EQ(other->same_error_as, lead->id);
  EXPECT_FALSE(lead->id.empty());
  EXPECT_TRUE(mentions(lead->suggestion, "\"1.380\"")) << lead->suggestion;
  EXPECT_TRUE(mentions(lead->suggestion, "1.280")) << lead->suggestion;
  EXPECT_TRUE(mentions(other->suggestion, "1.280")) << other->suggestion;
  bool lead_names_other = false, other_names_lead = false;
  for (const auto& rel : lead->related) lead_names_other |= mentions(rel.message, "cùng một lỗi") && rel.quote == other->quote;
  for (const auto& rel : other->related) other_names_lead |= mentions(rel.message, "cùng một lỗi với") && rel.quote == lead->quote;
  EXPECT_TRUE(lead_names_other);
  EXPECT_TRUE(other_names_lead);
}

TEST(Blame, CandidatesIncludeEachTypoKind) {
  DocBuilder b("Giá trị 1.625 triệu đồng.");
  uint32_t q = b.q("1.625", "triệu đồng");
  auto& r = b.result();
  auto cands = typo_candidates(r.quantities, q, r.claims, 0);
  auto has = [&](int64_t m, int scale, TypoKind k) {
    for (const auto& c : cands)
      if (c.value == Decimal{m, scale} && c.kind == k) return true;
    return false;
  };
  EXPECT_TRUE(has(1265, 0, TypoKind::Transposition));
  EXPECT_TRUE(has(125, 0, TypoKind::ExtraDigit));
  EXPECT_TRUE(has(16250, 0, TypoKind::DroppedDigit));
  EXPECT_TRUE(has(1725, 0, TypoKind::WrongDigit));
  EXPECT_TRUE(has(1625000, 0, TypoKind::UnitSlip));
  for (const auto& c : cands) EXPECT_FALSE(c.value == Decimal(1625, 0));
}

TEST(Blame, SeparatorSlipInAWellFormedFigure) {
  // 154,837 + 6 = 160,837 tấn; the part is typed "154.837" (a thousands dot for the decimal
  // comma), well formed on its own: only that reading balances the sum.
  DocBuilder b("Tổng sản lượng chè đạt 160,837 tấn, gồm chè búp 154.837 tấn và chè khô 6 tấn.");
  uint32_t t = b.q("160,837", "tấn"), a = b.q("154.837", "tấn"), c = b.q("6", "tấn");
  b.claim(ClaimKind::Sum, {op("total", t), op("part", a), op("part", c)}, t);
  auto f = by_check(b.run(), "sum-total");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(mentions(f[0]->suggestion, "\"154.837\"")) << f[0]->suggestion;
  EXPECT_TRUE(mentions(f[0]->suggestion, "154,837")) << f[0]->suggestion;
  EXPECT_TRUE(mentions(f[0]->suggestion, "sai dấu phân cách")) << f[0]->suggestion;
}

TEST(Blame, CandidatesIncludeSeparatorSlipsBothWays) {
  DocBuilder b("Vốn trung ương 2.469.415 tỷ đồng; điện 154,873 triệu kWh; 12.5 tấn.");
  uint32_t big = b.q("2.469.415", "tỷ đồng"), dec = b.q("154,873", "triệu kWh");
  auto& r = b.result();
  auto has = [&](uint32_t q, int64_t m, int scale) {
    for (const auto& c : typo_candidates(r.quantities, q, r.claims, 0))
      if (c.value == Decimal{m, scale} && c.kind == TypoKind::SeparatorSlip) return true;
    return false;
  };
  EXPECT_TRUE(has(big, 2469415, 3));
  EXPECT_TRUE(has(dec, 154873, 0));
}
