// Unit tests of every check on hand-built documents: fires, does not fire, rounding boundary,
// truncation, qualifiers. Every expected value was recomputed with python3.
#include <gtest/gtest.h>

#include "checks_support.h"

using namespace doisoat;
using namespace doisoat::testing;

namespace {
Operand op(const char* role, uint32_t q) { return Operand{role, q}; }
}  // namespace

// ---- ratio-recompute --------------------------------------------------------------------

TEST(CheckRatio, FiresWhenThePercentDoesNotFollow) {
  DocBuilder b("Diện tích gieo trồng đạt 29.469/30.130 ha, đạt 99% kế hoạch.");
  uint32_t n = b.q("29.469", "ha"), d = b.q("30.130", "ha"), p = b.q("99", "%");
  b.claim(ClaimKind::Ratio, {op("numerator", n), op("denominator", d)}, p);
  auto& r = b.run();
  auto f = by_check(r, "ratio-recompute");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(r.claims[0].verdict, Verdict::Discrepancy);
  EXPECT_DOUBLE_EQ(f[0]->stated, 99);
  ASSERT_TRUE(f[0]->expected.has_value());
  EXPECT_NEAR(*f[0]->expected, 97.806, 0.001);
  EXPECT_EQ(f[0]->severity, Severity::Error);
  EXPECT_FALSE(f[0]->material);
  EXPECT_EQ(f[0]->message, "29.469/30.130 = 97,81%, báo cáo ghi 99%");
  EXPECT_EQ(f[0]->computation, "29.469 / 30.130 = 97,81% → 98%");
  EXPECT_EQ(f[0]->begin.line, 1u);
  EXPECT_EQ(f[0]->highlight.size(), 3u);
  EXPECT_EQ(f[0]->unit, "%");
}

TEST(CheckRatio, EnglishMessage) {
  DocBuilder b("Diện tích gieo trồng đạt 29.469/30.130 ha, đạt 99% kế hoạch.");
  uint32_t n = b.q("29.469", "ha"), d = b.q("30.130", "ha"), p = b.q("99", "%");
  b.claim(ClaimKind::Ratio, {op("numerator", n), op("denominator", d)}, p);
  CheckConfig en;
  en.lang = Lang::En;
  auto f = by_check(b.run(en), "ratio-recompute");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->message, "29.469/30.130 = 97,81%, the report states 99%");
}

TEST(CheckRatio, DoesNotFireWhenConsistent) {
  DocBuilder b("Diện tích gieo trồng đạt 22.214/23.707 ha, đạt 94% KH.");
  uint32_t n = b.q("22.214", "ha"), d = b.q("23.707", "ha"), p = b.q("94", "%");
  b.claim(ClaimKind::Ratio, {op("numerator", n), op("denominator", d)}, p);
  auto& r = b.run();
  EXPECT_TRUE(r.findings.empty());
  EXPECT_EQ(r.claims[0].verdict, Verdict::Consistent);
  ASSERT_TRUE(r.claims[0].computed.has_value());
  EXPECT_NEAR(*r.claims[0].computed, 93.702, 0.001);
  EXPECT_EQ(r.claims[0].unit, "%");
}

TEST(CheckRatio, RoundingBoundaryHalfUp) {
  {  // 187/200 = 93,5 → 94
    DocBuilder b("Tiêm phòng 187/200 con, đạt 94% kế hoạch.");
    uint32_t n = b.q("187", "con"), d = b.q("200", "con"), p = b.q("94", "%");
    b.claim(ClaimKind::Ratio, {op("numerator", n), op("denominator", d)}, p);
    EXPECT_TRUE(b.run().findings.empty());
  }
  {  // 9.349/10.000 = 93,49 → 93, never 94
    DocBuilder b("Tiêm phòng 9.349/10.000 con, đạt 94% kế hoạch.");
    uint32_t n = b.q("9.349", "con"), d = b.q("10.000", "con"), p = b.q("94", "%");
    b.claim(ClaimKind::Ratio, {op("numerator", n), op("denominator", d)}, p);
    EXPECT_EQ(by_check(b.run(), "ratio-recompute").size(), 1u);
  }
}

TEST(CheckRatio, TruncationGoesToRoundingConvention) {
  DocBuilder b("Phục vụ nhân dân 70/80 buổi, đạt 87% kế hoạch.");
  uint32_t n = b.q("70", "buổi"), d = b.q("80", "buổi"), p = b.q("87", "%");
  b.claim(ClaimKind::Ratio, {op("numerator", n), op("denominator", d)}, p);
  auto& r = b.run();
  EXPECT_EQ(r.claims[0].verdict, Verdict::ConsistentTruncated);
  EXPECT_TRUE(by_check(r, "ratio-recompute").empty());
  auto rc = by_check(r, "rounding-convention");
  ASSERT_EQ(rc.size(), 1u);
  EXPECT_EQ(rc[0]->severity, Severity::Info);
  EXPECT_NE(rc[0]->suggestion.find("88%"), std::string::npos);
}

TEST(CheckRatio, OnlyUnroundedOperandsExplainItIsAWarning) {
  // 87,6/104,0 = 84,23 → 84,2; 84,3 needs an unrounded numerator ≥ 87,62.
  DocBuilder b("Cây khoai tây 87,6/104,0 ha, đạt 84,3% KH.");
  uint32_t n = b.q("87,6", "ha"), d = b.q("104,0", "ha"), p = b.q("84,3", "%");
  b.claim(ClaimKind::Ratio, {op("numerator", n), op("denominator", d)}, p);
  auto f = by_check(b.run(), "ratio-recompute");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->severity, Severity::Warning);
}

TEST(CheckRatio, PlanMetThatWasMissedIsMaterial) {
  DocBuilder b("Trồng rừng 9.850/10.000 ha, đạt 101% kế hoạch.");
  uint32_t n = b.q("9.850", "ha"), d = b.q("10.000", "ha"), p = b.q("101", "%");
  b.claim(ClaimKind::Ratio, {op("numerator", n), op("denominator", d)}, p);
  auto f = by_check(b.run(), "ratio-recompute");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(f[0]->material);
}

TEST(CheckRatio, ApproximateStatedPercentIsWidened) {
  DocBuilder b("Thu hoạch 94/100 tấn, đạt khoảng 95% kế hoạch.");
  uint32_t n = b.q("94", "tấn"), d = b.q("100", "tấn"), p = b.q("95", "%", Qualifier::Approx);
  b.claim(ClaimKind::Ratio, {op("numerator", n), op("denominator", d)}, p);
  EXPECT_TRUE(b.run().findings.empty());
}

TEST(CheckRatio, IncompatibleUnitsAreUnchecked) {
  DocBuilder b("Đạt 94 tấn/100 ha, bằng 94%.");
  uint32_t n = b.q("94", "tấn"), d = b.q("100", "ha"), p = b.q("94%", "%");
  b.claim(ClaimKind::Ratio, {op("numerator", n), op("denominator", d)}, p);
  auto& r = b.run();
  EXPECT_TRUE(r.findings.empty());
  EXPECT_EQ(r.claims[0].verdict, Verdict::Unchecked);
  EXPECT_FALSE(r.claims[0].reason.empty());
}

// ---- percent-of-plan --------------------------------------------------------------------

TEST(CheckPercentOfPlan, FiresAndDoesNot) {
  {
    DocBuilder b("Thu ngân sách ước đạt 1.250 tỷ đồng, dự toán 1.400 tỷ đồng, đạt 92% dự toán.");
    uint32_t a = b.q("1.250", "tỷ đồng"), p = b.q("1.400", "tỷ đồng"), s = b.q("92", "%");
    b.claim(ClaimKind::PercentOfPlan, {op("actual", a), op("plan", p)}, s);
    auto f = by_check(b.run(), "percent-of-plan");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_NEAR(*f[0]->expected, 89.2857, 0.001);
  }
  {
    DocBuilder b("Thu ngân sách ước đạt 1.250 tỷ đồng, dự toán 1.360 tỷ đồng, đạt 92% dự toán.");
    uint32_t a = b.q("1.250", "tỷ đồng"), p = b.q("1.360", "tỷ đồng"), s = b.q("92", "%");
    b.claim(ClaimKind::PercentOfPlan, {op("actual", a), op("plan", p)}, s);
    EXPECT_TRUE(b.run().findings.empty());
  }
}

TEST(CheckPercentOfPlan, ComparesInBaseUnits) {
  // 1.250 tỷ / 1.360.000 triệu = 91,91% → 92%.
  DocBuilder b("Thu ngân sách ước đạt 1.250 tỷ đồng, dự toán 1.360.000 triệu đồng, đạt 92% dự toán.");
  uint32_t a = b.q("1.250", "tỷ đồng"), p = b.q("1.360.000", "triệu đồng"), s = b.q("92", "%");
  b.claim(ClaimKind::PercentOfPlan, {op("actual", a), op("plan", p)}, s);
  auto& r = b.run();
  EXPECT_TRUE(r.findings.empty());
  EXPECT_EQ(r.claims[0].verdict, Verdict::Consistent);
}

// ---- sum-total --------------------------------------------------------------------------

TEST(CheckSum, FiresWhenPartsDoNotAddUp) {
  DocBuilder b("Tổng số khách đạt 5.400 lượt, gồm nội địa 2.150 lượt, quốc tế 1.380 lượt và lưu trú 1.970 lượt.");
  uint32_t t = b.q("5.400", "lượt"), a = b.q("2.150", "lượt"), c = b.q("1.380", "lượt"), d = b.q("1.970", "lượt");
  b.claim(ClaimKind::Sum, {op("total", t), op("part", a), op("part", c), op("part", d)}, t);
  auto f = by_check(b.run(), "sum-total");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_DOUBLE_EQ(f[0]->stated, 5400);
  EXPECT_DOUBLE_EQ(*f[0]->expected, 5500);
}

TEST(CheckSum, DoesNotFireWhenTheyDo) {
  DocBuilder b("Tổng số khách đạt 5.500 lượt, gồm nội địa 2.150 lượt, quốc tế 1.380 lượt và lưu trú 1.970 lượt.");
  uint32_t t = b.q("5.500", "lượt"), a = b.q("2.150", "lượt"), c = b.q("1.380", "lượt"), d = b.q("1.970", "lượt");
  b.claim(ClaimKind::Sum, {op("total", t), op("part", a), op("part", c), op("part", d)}, t);
  EXPECT_TRUE(b.run().findings.empty());
}

TEST(CheckSum, IndependentRoundingOfPartsIsTolerated) {
  // 200,100 + 300,200 + 276,085 = 776,385 against 776,384 (money, rounded figures).
  DocBuilder b("Giá trị sản xuất đạt 776,384 tỷ đồng, gồm 200,100 tỷ đồng, 300,200 tỷ đồng và 276,085 tỷ đồng.");
  uint32_t t = b.q("776,384", "tỷ đồng"), a = b.q("200,100", "tỷ đồng"), c = b.q("300,200", "tỷ đồng"),
           d = b.q("276,085", "tỷ đồng");
  b.claim(ClaimKind::Sum, {op("total", t), op("part", a), op("part", c), op("part", d)}, t);
  EXPECT_TRUE(b.run().findings.empty());
}

TEST(CheckSum, CountsAreExactAndAtLeastBoundsTightly) {
  // "hơn 5.621 lượt" with 144 + 5.482 = 5.626: a precise figure after "hơn" is still ~5.621.
  DocBuilder b("Có hơn 5.621 lượt khách, trong đó 144 lượt khách quốc tế, 5.482 lượt khách trong nước.");
  uint32_t t = b.q("5.621", "lượt", Qualifier::AtLeast), a = b.q("144", "lượt"), c = b.q("5.482", "lượt");
  b.claim(ClaimKind::Sum, {op("total", t), op("part", a), op("part", c)}, t);
  EXPECT_EQ(by_check(b.run(), "sum-total").size(), 1u);
}

// ---- part-bound -------------------------------------------------------------------------

TEST(CheckPartBound, FiresWhenPartsExceedTheTotal) {
  DocBuilder b("Giải ngân 2.500 tỷ đồng, trong đó vốn địa phương 1.250 tỷ đồng, vốn trung ương 1.380 tỷ đồng.");
  uint32_t t = b.q("2.500", "tỷ đồng"), a = b.q("1.250", "tỷ đồng"), c = b.q("1.380", "tỷ đồng");
  b.claim(ClaimKind::PartBound, {op("total", t), op("part", a), op("part", c)}, t);
  auto f = by_check(b.run(), "part-bound");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_DOUBLE_EQ(*f[0]->expected, 2630);
}

TEST(CheckPartBound, FiresWhenOnePartExceedsTheTotal) {
  DocBuilder b("Giải ngân 2.500 tỷ đồng, trong đó vốn địa phương 2.600 tỷ đồng.");
  uint32_t t = b.q("2.500", "tỷ đồng"), a = b.q("2.600", "tỷ đồng");
  b.claim(ClaimKind::PartBound, {op("total", t), op("part", a)}, t);
  EXPECT_EQ(by_check(b.run(), "part-bound").size(), 1u);
}

TEST(CheckPartBound, DoesNotFireBelowTheTotal) {
  DocBuilder b("Giải ngân 2.500 tỷ đồng, trong đó vốn địa phương 1.250 tỷ đồng, vốn trung ương 980 tỷ đồng.");
  uint32_t t = b.q("2.500", "tỷ đồng"), a = b.q("1.250", "tỷ đồng"), c = b.q("980", "tỷ đồng");
  b.claim(ClaimKind::PartBound, {op("total", t), op("part", a), op("part", c)}, t);
  EXPECT_TRUE(b.run().findings.empty());
}

// ---- pp-difference ----------------------------------------------------------------------

TEST(CheckPpDifference, FiresAndDoesNot) {
  {
    DocBuilder b("Tỷ lệ lao động qua đào tạo đạt 68,4%, tăng 2,3 điểm phần trăm so với năm trước (65,1%).");
    uint32_t c = b.q("68,4", "%"), y = b.q("2,3", "điểm phần trăm"), z = b.q("65,1", "%");
    b.claim(ClaimKind::PpDifference, {op("current", c), op("earlier", z), op("change", y)}, y);
    auto f = by_check(b.run(), "pp-difference");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_NEAR(*f[0]->expected, 3.3, 1e-9);
  }
  {
    DocBuilder b("Tỷ lệ lao động qua đào tạo đạt 68,4%, tăng 3,3 điểm phần trăm so với năm trước (65,1%).");
    uint32_t c = b.q("68,4", "%"), y = b.q("3,3", "điểm phần trăm"), z = b.q("65,1", "%");
    b.claim(ClaimKind::PpDifference, {op("current", c), op("earlier", z), op("change", y)}, y);
    EXPECT_TRUE(b.run().findings.empty());
  }
}

TEST(CheckPpDifference, DecreaseAndMissingEarlier) {
  {
    DocBuilder b("Tỷ lệ hộ nghèo còn 5,2%, giảm 1,3 điểm phần trăm so với năm trước (6,5%).");
    uint32_t c = b.q("5,2", "%"), y = b.q("1,3", "điểm phần trăm"), z = b.q("6,5", "%");
    b.claim(ClaimKind::PpDifference, {op("current", c), op("earlier", z), op("change", y)}, y, true);
    EXPECT_TRUE(b.run().findings.empty());
  }
  {
    DocBuilder b("Tỷ lệ hộ nghèo còn 5,2%, giảm 1,3 điểm phần trăm.");
    uint32_t c = b.q("5,2", "%"), y = b.q("1,3", "điểm phần trăm");
    b.claim(ClaimKind::PpDifference, {op("current", c), op("change", y)}, y, true);
    auto& r = b.run();
    EXPECT_TRUE(r.findings.empty());
    EXPECT_EQ(r.claims[0].verdict, Verdict::Unchecked);
  }
}

// ---- share ------------------------------------------------------------------------------

TEST(CheckShare, FiresAndDoesNot) {
  {
    DocBuilder b("Dư nợ nông nghiệp 1.625 tỷ đồng, chiếm 60% tổng dư nợ 2.500 tỷ đồng.");
    uint32_t a = b.q("1.625", "tỷ đồng"), s = b.q("60", "%"), t = b.q("2.500", "tỷ đồng");
    b.claim(ClaimKind::Share, {op("part", a), op("total", t)}, s);
    EXPECT_EQ(by_check(b.run(), "share").size(), 1u);
  }
  {
    DocBuilder b("Dư nợ nông nghiệp 1.625 tỷ đồng, chiếm 65% tổng dư nợ 2.500 tỷ đồng.");
    uint32_t a = b.q("1.625", "tỷ đồng"), s = b.q("65", "%"), t = b.q("2.500", "tỷ đồng");
    b.claim(ClaimKind::Share, {op("part", a), op("total", t)}, s);
    EXPECT_TRUE(b.run().findings.empty());
  }
}

TEST(CheckShare, ShareAboveHundredIsMaterial) {
  DocBuilder b("Dư nợ nông nghiệp 2.600 tỷ đồng, chiếm 96% tổng dư nợ 2.500 tỷ đồng.");
  uint32_t a = b.q("2.600", "tỷ đồng"), s = b.q("96", "%"), t = b.q("2.500", "tỷ đồng");
  b.claim(ClaimKind::Share, {op("part", a), op("total", t)}, s);
  auto f = by_check(b.run(), "share");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(f[0]->material);
}

// ---- growth-rate ------------------------------------------------------------------------

TEST(CheckGrowth, FiresAndDoesNot) {
  {
    DocBuilder b("Khách đạt 45.230 lượt, tăng 6,0% so với cùng kỳ (41.870 lượt).");
    uint32_t c = b.q("45.230", "lượt"), r = b.q("6,0", "%"), e = b.q("41.870", "lượt");
    b.claim(ClaimKind::Growth, {op("current", c), op("earlier", e), op("rate", r)}, r);
    auto f = by_check(b.run(), "growth-rate");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_NEAR(*f[0]->expected, 8.0248, 0.001);
  }
  {
    DocBuilder b("Khách đạt 45.230 lượt, tăng 8,0% so với cùng kỳ (41.870 lượt).");
    uint32_t c = b.q("45.230", "lượt"), r = b.q("8,0", "%"), e = b.q("41.870", "lượt");
    b.claim(ClaimKind::Growth, {op("current", c), op("earlier", e), op("rate", r)}, r);
    EXPECT_TRUE(b.run().findings.empty());
  }
}

TEST(CheckGrowth, DecreaseIndexAndMaterialFall) {
  {  // (1 − 41.870/45.230) × 100 = 7,43 → 7,4
    DocBuilder b("Khách đạt 41.870 lượt, giảm 7,4% so với cùng kỳ (45.230 lượt).");
    uint32_t c = b.q("41.870", "lượt"), r = b.q("7,4", "%"), e = b.q("45.230", "lượt");
    b.claim(ClaimKind::Growth, {op("current", c), op("earlier", e), op("rate", r)}, r, true);
    EXPECT_TRUE(b.run().findings.empty());
  }
  {  // 45.230/41.870 × 100 = 108,02 → 108,0
    DocBuilder b("Khách đạt 45.230 lượt, bằng 108,0% so với cùng kỳ (41.870 lượt).");
    uint32_t c = b.q("45.230", "lượt"), r = b.q("108,0", "%"), e = b.q("41.870", "lượt");
    b.claim(ClaimKind::Growth, {op("current", c), op("earlier", e), op("index", r)}, r);
    EXPECT_TRUE(b.run().findings.empty());
  }
  {  // stated "tăng 3,0%" but the figures fell 7,43%
    DocBuilder b("Khách đạt 41.870 lượt, tăng 3,0% so với cùng kỳ (45.230 lượt).");
    uint32_t c = b.q("41.870", "lượt"), r = b.q("3,0", "%"), e = b.q("45.230", "lượt");
    b.claim(ClaimKind::Growth, {op("current", c), op("earlier", e), op("rate", r)}, r);
    auto f = by_check(b.run(), "growth-rate");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_TRUE(f[0]->material);
  }
}

// ---- percent-vs-points ------------------------------------------------------------------

TEST(CheckPercentVsPoints, ChangeOfRateInPercentWherePointsFit) {
  DocBuilder b("Tỷ lệ hộ nghèo còn 5,2%, giảm 1,3% so với năm trước (6,5%).");
  uint32_t c = b.q("5,2", "%"), r = b.q("1,3", "%"), e = b.q("6,5", "%");
  b.claim(ClaimKind::Growth, {op("current", c), op("earlier", e), op("rate", r)}, r, true);
  auto& res = b.run();
  EXPECT_TRUE(by_check(res, "growth-rate").empty());
  auto f = by_check(res, "percent-vs-points");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->severity, Severity::Warning);
  EXPECT_NE(f[0]->suggestion.find("điểm phần trăm"), std::string::npos);
}

TEST(CheckPercentVsPoints, DoesNotFireOnAGenuineRelativeChange) {
  // (5,2/6,5 − 1) × 100 = −20%: "giảm 20%" is a correct relative change.
  DocBuilder b("Tỷ lệ hộ nghèo còn 5,2%, giảm 20% so với năm trước (6,5%).");
  uint32_t c = b.q("5,2", "%"), r = b.q("20", "%"), e = b.q("6,5", "%");
  b.claim(ClaimKind::Growth, {op("current", c), op("earlier", e), op("rate", r)}, r, true);
  EXPECT_TRUE(b.run().findings.empty());
}

// ---- abs-change -------------------------------------------------------------------------

TEST(CheckAbsChange, FiresAndDoesNot) {
  {
    DocBuilder b("Thành lập mới 1.240 doanh nghiệp, tăng 135 doanh nghiệp so với cùng kỳ (1.115 doanh nghiệp).");
    uint32_t c = b.q("1.240", "doanh nghiệp"), n = b.q("135", "doanh nghiệp"), e = b.q("1.115", "doanh nghiệp");
    b.claim(ClaimKind::AbsChange, {op("current", c), op("earlier", e), op("change", n)}, n);
    auto f = by_check(b.run(), "abs-change");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_DOUBLE_EQ(*f[0]->expected, 125);
  }
  {
    DocBuilder b("Thành lập mới 1.240 doanh nghiệp, tăng 125 doanh nghiệp so với cùng kỳ (1.115 doanh nghiệp).");
    uint32_t c = b.q("1.240", "doanh nghiệp"), n = b.q("125", "doanh nghiệp"), e = b.q("1.115", "doanh nghiệp");
    b.claim(ClaimKind::AbsChange, {op("current", c), op("earlier", e), op("change", n)}, n);
    EXPECT_TRUE(b.run().findings.empty());
  }
}

// ---- repeat-agreement -------------------------------------------------------------------

TEST(CheckRepeat, FiresOnTwoValues) {
  DocBuilder b("Sản lượng điện đạt 154,873 triệu kWh.\nBảng: sản lượng điện 154,837 triệu kWh.");
  uint32_t a = b.q("154,873", "triệu kWh"), c = b.q("154,837", "triệu kWh");
  b.claim(ClaimKind::Repeat, {op("first", a), op("second", c)}, c);
  auto f = by_check(b.run(), "repeat-agreement");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NEAR(f[0]->stated, 154.837, 1e-9);
  EXPECT_EQ(f[0]->begin.line, 2u);
  ASSERT_EQ(f[0]->related.size(), 1u);
  EXPECT_EQ(f[0]->related[0].begin.line, 1u);
}

TEST(CheckRepeat, PrecisionAndNoTruncation) {
  {  // 75,32 shown again as 75,3: the rounding agrees
    DocBuilder b("Tỷ lệ lao động qua đào tạo 75,32%.\nBảng: tỷ lệ lao động qua đào tạo 75,3%.");
    uint32_t a = b.q("75,32", "%"), c = b.q("75,3", "%");
    b.claim(ClaimKind::Repeat, {op("first", a), op("second", c)}, c);
    EXPECT_TRUE(b.run().findings.empty());
  }
  {  // 93,89 shown again as 93,8: only a truncation, which a copy never is
    DocBuilder b("Tỷ lệ điều tra khám phá 93,89%.\nBảng: tỷ lệ điều tra khám phá 93,8%.");
    uint32_t a = b.q("93,89", "%"), c = b.q("93,8", "%");
    b.claim(ClaimKind::Repeat, {op("first", a), op("second", c)}, c);
    EXPECT_EQ(by_check(b.run(), "repeat-agreement").size(), 1u);
  }
}

// ---- malformed-number -------------------------------------------------------------------

TEST(CheckMalformed, ReportsWithTheHint) {
  DocBuilder b("Khai thác gỗ đạt 310.00 m3.");
  uint32_t q = b.q("310.00", "m3");
  b.quantity(q).value = Decimal{31000, 2};
  b.quantity(q).malformed = true;
  b.quantity(q).malformed_reason = "nhóm hai chữ số sau dấu chấm hàng nghìn";
  b.quantity(q).hint = Decimal{310000, 0};
  b.claim(ClaimKind::MalformedNumber, {op("number", q)}, q);
  auto f = by_check(b.run(), "malformed-number");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->severity, Severity::Warning);
  EXPECT_DOUBLE_EQ(*f[0]->expected, 310000);
  EXPECT_NE(f[0]->message.find("310.000"), std::string::npos);
}

TEST(CheckMalformed, WellFormedNumbersHaveNoClaim) {
  DocBuilder b("Khai thác gỗ đạt 310.000 m3.");
  b.q("310.000", "m3");
  EXPECT_TRUE(b.run().findings.empty());
}

// ---- every check reports only its own kind ----------------------------------------------

TEST(CheckEngine, FindingsCarryTheirClaim) {
  DocBuilder b("Dư nợ nông nghiệp 1.625 tỷ đồng, chiếm 60% tổng dư nợ 2.500 tỷ đồng.");
  uint32_t a = b.q("1.625", "tỷ đồng"), s = b.q("60", "%"), t = b.q("2.500", "tỷ đồng");
  b.claim(ClaimKind::Share, {op("part", a), op("total", t)}, s);
  auto& r = b.run();
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].claim, 0);
  EXPECT_EQ(r.findings[0].kind, "share");
  EXPECT_EQ(r.findings[0].quote, "1.625 tỷ đồng, chiếm 60% tổng dư nợ 2.500");
}
