#include <gtest/gtest.h>

#include "core/tolerance.h"

using namespace doisoat;

namespace {

Quantity fig(int64_t mantissa, int scale, Qualifier q = Qualifier::None, bool count = false) {
  Quantity x;
  x.value = Decimal{mantissa, scale};
  x.precision = scale;
  x.qualifier = q;
  x.exact_count = count;
  x.unit = "%";
  return x;
}

Interval pt(int64_t num, int64_t den = 1) { return Interval::point(Rational::fraction(num, den)); }

}  // namespace

TEST(Tolerance, RationalIsExactAndReduced) {
  Rational a = Rational::fraction(6, 8);
  EXPECT_EQ(a.num(), 3);
  EXPECT_EQ(a.den(), 4);
  EXPECT_TRUE(Rational::fraction(1, 3) + Rational::fraction(1, 6) == Rational::fraction(1, 2));
  EXPECT_TRUE(Rational::of(Decimal{935, 1}) == Rational::fraction(187, 2));
  EXPECT_TRUE(Rational::of_factor(1e9) == Rational::pow10(9));
  EXPECT_TRUE(Rational::fraction(1, 3) < Rational::fraction(34, 100));
}

TEST(Tolerance, RoundingBoundaryHalfUp) {
  // 94 stands for [93,5; 94,5): 93,5 rounds up to 94, 93,49 rounds to 93.
  Quantity s94 = fig(94, 0);
  EXPECT_EQ(agree(pt(935, 10), s94), Agreement::Consistent);
  EXPECT_EQ(agree(pt(9349, 100), s94), Agreement::Discrepancy);
  EXPECT_EQ(agree(pt(9349, 100), fig(93, 0)), Agreement::Consistent);
  // 94,5 rounds to 95, not 94: the upper end is open.
  EXPECT_EQ(agree(pt(945, 10), s94, {}, false), Agreement::Discrepancy);
  EXPECT_EQ(agree(pt(945, 10), s94), Agreement::ConsistentTruncated);  // 94,5 truncates to 94
  EXPECT_EQ(agree(pt(945, 10), fig(95, 0)), Agreement::Consistent);
}

TEST(Tolerance, TruncationTier) {
  // 70/80 = 87,5: rounds to 88, truncates to 87.
  Interval p = pt(70, 80) * Rational(100);
  EXPECT_EQ(agree(p, fig(88, 0)), Agreement::Consistent);
  EXPECT_EQ(agree(p, fig(87, 0)), Agreement::ConsistentTruncated);
  EXPECT_EQ(agree(p, fig(86, 0)), Agreement::Discrepancy);
  EXPECT_EQ(agree(p, fig(87, 0), {}, /*allow_truncation=*/false), Agreement::Discrepancy);
  // 7,72/6 = 128,667: 128,7 rounded, 128,6 truncated.
  Interval q = Interval::point(Rational::of(Decimal{772, 2}) / Rational(6) * Rational(100));
  EXPECT_EQ(agree(q, fig(1287, 1)), Agreement::Consistent);
  EXPECT_EQ(agree(q, fig(1286, 1)), Agreement::ConsistentTruncated);
}

TEST(Tolerance, NegativeFiguresRoundAwayFromZero) {
  Quantity s = fig(37, 1);
  s.negative = true;  // "âm 3,7%"
  EXPECT_EQ(agree(pt(-365, 100), s), Agreement::Consistent);
  EXPECT_EQ(agree(pt(-375, 100), s), Agreement::ConsistentTruncated);  // −3,75 rounds to −3,8
  EXPECT_EQ(agree(pt(-379, 100), s), Agreement::ConsistentTruncated);
  EXPECT_EQ(agree(pt(-381, 100), s), Agreement::Discrepancy);
  EXPECT_EQ(agree(pt(-364, 100), s), Agreement::Discrepancy);
}

TEST(Tolerance, CountsAreExact) {
  Quantity c = fig(43, 0, Qualifier::None, true);
  EXPECT_TRUE(rounding_interval(c).is_point());
  EXPECT_EQ(agree(pt(42), c), Agreement::Discrepancy);
  EXPECT_EQ(agree(pt(4299, 100), c), Agreement::Discrepancy);
  EXPECT_EQ(agree(pt(43), c), Agreement::Consistent);
}

TEST(Tolerance, ApproximateWidensAFewPercent) {
  Quantity k = fig(5000, 0, Qualifier::Approx);  // "khoảng 5.000"
  EXPECT_EQ(agree(pt(5080), k), Agreement::Consistent);
  EXPECT_EQ(agree(pt(4920), k), Agreement::Consistent);
  EXPECT_EQ(agree(pt(5300), k), Agreement::Discrepancy);
  Quantity e = fig(5000, 0, Qualifier::Estimate);  // "ước": the estimate is still the figure
  EXPECT_EQ(agree(pt(5080), e), Agreement::Discrepancy);
}

TEST(Tolerance, AtLeastAndAtMostBound) {
  Quantity over = fig(5621, 0, Qualifier::AtLeast);  // "hơn 5.621"
  EXPECT_EQ(agree(pt(5621), over), Agreement::Consistent);
  EXPECT_EQ(agree(pt(56215, 10), over), Agreement::Consistent);
  EXPECT_EQ(agree(pt(5620), over), Agreement::Discrepancy);
  EXPECT_EQ(agree(pt(5626), over), Agreement::Discrepancy);  // a precise figure bounds tightly
  Quantity round_over = fig(1000, 0, Qualifier::AtLeast);     // "hơn 1.000"
  EXPECT_EQ(agree(pt(1004), round_over), Agreement::Consistent);
  EXPECT_EQ(agree(pt(999), round_over), Agreement::Discrepancy);
  Quantity under = fig(1, 0, Qualifier::AtMost);  // "dưới 1%"
  EXPECT_EQ(agree(pt(95, 100), under), Agreement::Consistent);
  EXPECT_EQ(agree(pt(105, 100), under), Agreement::Discrepancy);
}

TEST(Tolerance, IntervalArithmetic) {
  Interval a{Rational(1), Rational(2), false, false}, b{Rational(3), Rational(5), false, false};
  Interval s = a + b, d = a - b, m = a * b, q = a / b;
  EXPECT_TRUE(s.lo == Rational(4) && s.hi == Rational(7));
  EXPECT_TRUE(d.lo == Rational(-4) && d.hi == Rational(-1));
  EXPECT_TRUE(m.lo == Rational(3) && m.hi == Rational(10));
  EXPECT_TRUE(q.lo == Rational::fraction(1, 5) && q.hi == Rational::fraction(2, 3));
  Interval z{Rational(-1), Rational(1), false, false};
  EXPECT_THROW(a / z, std::domain_error);
  // Half-open ends: [1,2) and [2,3] do not meet; [1,2] and [2,3] do.
  EXPECT_FALSE(meets(Interval{Rational(1), Rational(2), false, true}, Interval{Rational(2), Rational(3), false, false}));
  EXPECT_TRUE(meets(Interval{Rational(1), Rational(2), false, false}, Interval{Rational(2), Rational(3), false, false}));
}

TEST(Tolerance, OperandRoundingInterval) {
  Quantity x;
  x.value = Decimal{22214, 0};
  x.unit = "ha";
  Interval r = operand_interval(x, OperandMode::Rounded);
  EXPECT_TRUE(r.lo == Rational::fraction(44427, 2));
  EXPECT_TRUE(r.hi == Rational::fraction(44429, 2));
  EXPECT_TRUE(operand_interval(x, OperandMode::AsPrinted).is_point());
}

TEST(Tolerance, ExtraRelativeToleranceFromConfig) {
  ToleranceOptions o;
  o.extra_relative = 0.01;
  EXPECT_EQ(agree(pt(9540, 100), fig(94, 0), {}), Agreement::Discrepancy);
  EXPECT_EQ(agree(pt(9540, 100), fig(94, 0), o), Agreement::Consistent);
}

TEST(Tolerance, RoundHalfUpAndDisplay) {
  EXPECT_TRUE(round_half_up(Rational::fraction(935, 10), 0) == Rational(94));
  EXPECT_TRUE(round_half_up(Rational::fraction(9349, 100), 0) == Rational(93));
  EXPECT_TRUE(round_half_up(Rational::fraction(-935, 10), 0) == Rational(-94));
  EXPECT_EQ(format_vi(Rational::fraction(29469, 30130) * Rational(100), 2), "97,81");
  EXPECT_EQ(format_vi(Rational(1234567), 0), "1.234.567");
  EXPECT_EQ(format_vi(Rational::fraction(-5, 1000), 2), "-0,01");
  EXPECT_EQ(format_vi(97.806, 1), "97,8");
}

TEST(Tolerance, OverflowIsReportedNotWrapped) {
  Rational big = Rational::pow10(30);
  EXPECT_THROW(big * big, ExactOverflow);
}
