// The number grammar below the phrase level: written forms (parse_number), unit phrases
// (lookup_unit), dimensions and scale factors of whole readings, and the per-document
// number-format convention.
#include <gtest/gtest.h>

#include <cmath>

#include "numbers_support.h"

using namespace doisoat;
using namespace doisoat::numtest;

namespace {

// ---------------------------------------------------------------------------------------------
// parse_number: one written number, in a given convention.

struct ParseCase {
  const char* written;
  NumberConvention conv;
  const char* value;  // plain, '.' decimal point, displayed decimals kept
  int precision;
  bool malformed;
  const char* hint;  // "" when none
};
std::ostream& operator<<(std::ostream& os, const ParseCase& c) { return os << c.written; }

constexpr auto VI = NumberConvention::Vietnamese;
constexpr auto EN = NumberConvention::English;

class NumberParseTest : public ::testing::TestWithParam<ParseCase> {};

TEST_P(NumberParseTest, ParsesWrittenForm) {
  const ParseCase& c = GetParam();
  ParsedNumber p;
  ASSERT_TRUE(parse_number(c.written, c.conv, p));
  EXPECT_EQ(p.value.to_plain(), c.value);
  EXPECT_EQ(p.precision, c.precision);
  EXPECT_EQ(p.malformed, c.malformed) << p.reason;
  if (c.malformed) {
    EXPECT_FALSE(p.reason.empty());
  }
  if (*c.hint) {
    ASSERT_TRUE(p.has_hint);
    EXPECT_EQ(p.hint.to_plain(), c.hint);
  }
}

const ParseCase kParse[] = {
    {"4.463,323", VI, "4463.323", 3, false, ""},
    {"659,970", VI, "659.970", 3, false, ""},
    {"154,873", VI, "154.873", 3, false, ""},
    {"1.955.940", VI, "1955940", 0, false, ""},
    {"05", VI, "5", 0, false, ""},
    {"08", VI, "8", 0, false, ""},
    {"0,5", VI, "0.5", 1, false, ""},
    {"5,2", VI, "5.2", 1, false, ""},
    {"5,20", VI, "5.20", 2, false, ""},
    {"100", VI, "100", 0, false, ""},
    {"1.000", VI, "1000", 0, false, ""},
    {"12.345,6", VI, "12345.6", 1, false, ""},
    {"1.234.567,89", VI, "1234567.89", 2, false, ""},
    {"0", VI, "0", 0, false, ""},
    {"0,05", VI, "0.05", 2, false, ""},
    {"310.00", VI, "310.00", 2, true, "310000"},
    {"1.00.000", VI, "100000", 0, true, "100000"},
    {"2.850,4,5", VI, "2850.4", 1, true, "2850.45"},
    {"1,234.5", VI, "1234", 0, true, "1234.5"},
    {"12.34.567", VI, "1234567", 0, true, "1234567"},
    {"1.2345", VI, "12345", 0, true, "12345"},
    {"1.234.56", VI, "123456", 0, true, "123456"},
    {"1,234.5", EN, "1234.5", 1, false, ""},
    {"3,456,789", EN, "3456789", 0, false, ""},
    {"12.5", EN, "12.5", 1, false, ""},
    {"0.75", EN, "0.75", 2, false, ""},
    {"1.234,5", EN, "1234", 0, true, "1234.5"},
    {"2,500.00", EN, "2500.00", 2, false, ""},
    {"7,000", VI, "7.000", 3, false, ""},
};
INSTANTIATE_TEST_SUITE_P(Written, NumberParseTest, ::testing::ValuesIn(kParse));

TEST(NumberParse, RejectsWhatIsNotANumber) {
  ParsedNumber p;
  EXPECT_FALSE(parse_number("", VI, p));
  EXPECT_FALSE(parse_number("abc", VI, p));
  EXPECT_FALSE(parse_number("12,", VI, p));
  EXPECT_FALSE(parse_number(".5", VI, p));
}

// ---------------------------------------------------------------------------------------------
// lookup_unit: canonical unit, dimension, factor to the base unit, exact count.

struct LookupCase {
  const char* folded;
  const char* canonical;
  const char* dimension;
  double factor;
  bool count;
};
std::ostream& operator<<(std::ostream& os, const LookupCase& c) { return os << c.folded; }

class NumberUnitLookupTest : public ::testing::TestWithParam<LookupCase> {};

TEST_P(NumberUnitLookupTest, KnowsUnit) {
  const LookupCase& c = GetParam();
  UnitInfo u;
  ASSERT_TRUE(lookup_unit(c.folded, u));
  EXPECT_EQ(u.canonical, c.canonical);
  EXPECT_EQ(u.dimension, c.dimension);
  EXPECT_DOUBLE_EQ(u.factor, c.factor);
  EXPECT_EQ(u.count, c.count);
}

const LookupCase kLookup[] = {
    {"diem phan tram", "điểm phần trăm", "pp", 1, false},
    {"diem %", "điểm phần trăm", "pp", 1, false},
    {"diem", "điểm", "score", 1, false},
    {"dong", "đồng", "money:VND", 1, false},
    {"vnd", "đồng", "money:VND", 1, false},
    {"usd", "USD", "money:USD", 1, false},
    {"ha", "ha", "area", 1e4, false},
    {"m2", "m2", "area", 1, false},
    {"km2", "km2", "area", 1e6, false},
    {"tan", "tấn", "mass", 1e3, false},
    {"kg", "kg", "mass", 1, false},
    {"ta", "tạ", "mass", 100, false},
    {"m3", "m3", "volume", 1, false},
    {"m³", "m3", "volume", 1, false},
    {"km", "km", "length", 1e3, false},
    {"kwh", "kWh", "energy", 1, false},
    {"con", "con", "count:con", 1, true},
    {"luot", "lượt", "count:luot", 1, true},
    {"luot khach", "lượt khách", "count:luot", 1, true},
    {"luot nguoi", "lượt người", "count:luot", 1, true},
    {"nguoi", "người", "count:nguoi", 1, true},
    {"lao dong", "lao động", "count:nguoi", 1, true},
    {"ho", "hộ", "count:ho", 1, true},
    {"xa", "xã", "count:xa", 1, true},
    {"thon", "thôn", "count:thon", 1, true},
    {"doanh nghiep", "doanh nghiệp", "count:doanh nghiep", 1, true},
    {"htx", "HTX", "count:htx", 1, true},
    {"hop tac xa", "HTX", "count:htx", 1, true},
    {"du an", "dự án", "count:du an", 1, true},
    {"vu", "vụ", "count:vu", 1, true},
    {"cuoc", "cuộc", "count:cuoc", 1, true},
    {"don", "đơn", "count:don", 1, true},
    {"co so", "cơ sở", "count:co so", 1, true},
    {"san pham", "sản phẩm", "count:san pham", 1, true},
    {"tieu chi", "tiêu chí", "count:tieu chi", 1, true},
    {"truong", "trường", "count:truong", 1, true},
    {"hoc sinh", "học sinh", "count:hoc sinh", 1, true},
    {"lan", "lần", "times", 1, false},
};
INSTANTIATE_TEST_SUITE_P(Table, NumberUnitLookupTest, ::testing::ValuesIn(kLookup));

TEST(NumberUnitLookup, UnknownUnitIsNotGuessed) {
  UnitInfo u;
  EXPECT_FALSE(lookup_unit("nha van hoa", u));
  EXPECT_FALSE(lookup_unit("dat", u));
  EXPECT_FALSE(lookup_unit("", u));
}

// ---------------------------------------------------------------------------------------------
// Whole readings: dimension, factor to the base unit, exact counts.

struct DimensionCase {
  const char* text;
  const char* written;  // the number to look at
  const char* unit;
  const char* dimension;
  double factor;
  bool exact_count;
};
std::ostream& operator<<(std::ostream& os, const DimensionCase& c) { return os << c.text; }

class NumberDimensionTest : public ::testing::TestWithParam<DimensionCase> {};

TEST_P(NumberDimensionTest, ComposesScaleAndUnit) {
  const DimensionCase& c = GetParam();
  Document doc = load(c.text);
  NumberReading r = read_numbers(doc);
  const Quantity* q = find_quantity(r, c.written);
  ASSERT_NE(q, nullptr) << render(r);
  EXPECT_EQ(q->unit, c.unit);
  EXPECT_EQ(q->dimension, c.dimension);
  EXPECT_DOUBLE_EQ(q->factor, c.factor);
  EXPECT_EQ(q->exact_count, c.exact_count);
}

const DimensionCase kDimensions[] = {
    {"Chi đầu tư phát triển 776.384 triệu đồng.", "776.384", "triệu đồng", "money:VND", 1e6, false},
    {"Chi đầu tư phát triển 776,384 tỷ đồng.", "776,384", "tỷ đồng", "money:VND", 1e9, false},
    {"Quy mô kinh tế 1,2 nghìn tỷ đồng.", "1,2", "nghìn tỷ đồng", "money:VND", 1e12, false},
    {"Mức hỗ trợ 500 nghìn đồng.", "500", "nghìn đồng", "money:VND", 1e3, false},
    {"Mức hỗ trợ 500 ngàn đồng.", "500", "nghìn đồng", "money:VND", 1e3, false},
    {"Vốn đầu tư 12 tỉ đồng.", "12", "tỷ đồng", "money:VND", 1e9, false},
    {"Xuất khẩu 45,6 triệu USD.", "45,6", "triệu USD", "money:USD", 1e6, false},
    {"Học phí 1.200.000 VNĐ.", "1.200.000", "đồng", "money:VND", 1, false},
    {"Sản lượng điện 154,873 triệu kWh.", "154,873", "triệu kWh", "energy", 1e6, false},
    {"Diện tích 5.345,97 ha.", "5.345,97", "ha", "area", 1e4, false},
    {"Sản lượng 1.320 tấn.", "1.320", "tấn", "mass", 1e3, false},
    {"Sản lượng 2 nghìn tấn.", "2", "nghìn tấn", "mass", 1e6, false},
    {"Đàn bò 12.400 con.", "12.400", "con", "count:con", 1, true},
    {"Thu hút 1,5 triệu lượt khách.", "1,5", "triệu lượt khách", "count:luot", 1e6, false},
    {"Có 140 hộ thoát nghèo.", "140", "hộ", "count:ho", 1, true},
    {"Tăng 2,5 điểm phần trăm.", "2,5", "điểm phần trăm", "pp", 1, false},
    {"Tăng 12,5%.", "12,5", "%", "percent", 1, false},
    {"Gấp 2,5 lần.", "2,5", "lần", "times", 1, false},
    {"Lương thực 563 kg/người/năm.", "563", "kg/người/năm", "rate", 1, false},
    {"Đạt 12,38 tiêu chí/xã.", "12,38", "tiêu chí/xã", "rate", 1, false},
    {"Trồng rừng 22.214/23.707 ha.", "22.214", "ha", "area", 1e4, false},
    {"Điều tra 89/96 vụ.", "89", "vụ", "count:vu", 1, true},
    {"Khai thác 250 m3 cát.", "250", "m3", "volume", 1, false},
    {"Xây dựng 14 nhà văn hóa.", "14", "nhà", "count:nha", 1, true},
};
INSTANTIATE_TEST_SUITE_P(Readings, NumberDimensionTest, ::testing::ValuesIn(kDimensions));

// Figures in triệu and in tỷ compare in base units: 776.384 triệu đồng = 776,384 tỷ đồng.
TEST(NumberDimension, TrieuAndTyAgreeInBaseUnits) {
  NumberReading a = read_numbers(load("Chi 776.384 triệu đồng."));
  NumberReading b = read_numbers(load("Chi 776,384 tỷ đồng."));
  ASSERT_EQ(a.quantities.size(), 1u);
  ASSERT_EQ(b.quantities.size(), 1u);
  const Quantity& qa = a.quantities[0];
  const Quantity& qb = b.quantities[0];
  EXPECT_EQ(qa.dimension, qb.dimension);
  EXPECT_NEAR(qa.value.to_double() * qa.factor, qb.value.to_double() * qb.factor, 1e-3);
}

// ---------------------------------------------------------------------------------------------
// Locations: the span of a quantity is the number, the unit span is its unit.

TEST(NumberLocation, SpansCoverNumberAndUnit) {
  Document doc = load("Diện tích đạt 5.345,97 ha.");
  NumberReading r = read_numbers(doc);
  ASSERT_EQ(r.quantities.size(), 1u);
  EXPECT_EQ(doc.slice(r.quantities[0].span), "5.345,97");
  EXPECT_EQ(doc.slice(r.quantities[0].unit_span), "ha");
}

TEST(NumberLocation, NonQuantitySpanIsTheNumber) {
  Document doc = load("Theo Quyết định số 4188/QĐ-UBND.");
  NumberReading r = read_numbers(doc);
  ASSERT_EQ(r.non_quantities.size(), 1u);
  EXPECT_EQ(r.non_quantities[0].text, "4188");
  EXPECT_EQ(doc.slice(r.non_quantities[0].span), "4188");
  EXPECT_TRUE(r.quantities.empty());
}

// ---------------------------------------------------------------------------------------------
// Convention: detected per document from its unambiguous numbers, never mixed silently.

TEST(NumberConventionTest, VietnameseByDefault) {
  NumberReading r = read_numbers(load("Doanh thu đạt 1.234,5 tỷ đồng, tăng 12,5%; có 1.200 hộ."));
  EXPECT_EQ(r.convention, NumberConvention::Vietnamese);
  EXPECT_EQ(render(r), "1234.5 tỷ đồng; 12.5 %; 1200 hộ");
}

TEST(NumberConventionTest, EnglishDocumentReadInItsOwnConvention) {
  const char* text =
      "Doanh thu đạt 1,234.5 tỷ đồng, tăng 12.5%.\n\n"
      "Sản lượng đạt 2,345.75 tấn, tăng 3.2%.\n\n"
      "Đón 3,456,789 lượt khách, tăng 8.1%.\n\n"
      "Chi ngân sách 4,567.8 tỷ đồng.\n";
  NumberReading r = read_numbers(load(text));
  EXPECT_EQ(r.convention, NumberConvention::English);
  EXPECT_EQ(render(r), "1234.5 tỷ đồng; 12.5 %; 2345.75 tấn; 3.2 %; 3456789 lượt khách; 8.1 %; 4567.8 tỷ đồng");
}

TEST(NumberConventionTest, ThousandsAloneDoNotSwitchConvention) {
  // "1.200" and "3.400" read the same way in both conventions' grouping: they prove nothing.
  NumberReading r = read_numbers(load("Có 1.200 hộ và 3.400 người; 2.500 lao động; 4.100 học sinh."));
  EXPECT_EQ(r.convention, NumberConvention::Vietnamese);
  EXPECT_EQ(render(r), "1200 hộ; 3400 người; 2500 lao động; 4100 học sinh");
}

TEST(NumberConventionTest, StrayEnglishFormInVietnameseDocumentIsFlagged) {
  NumberReading r = read_numbers(load("Doanh thu đạt 1.234,5 tỷ đồng; chi 2,345.6 tỷ đồng; tăng 5,5%."));
  EXPECT_EQ(r.convention, NumberConvention::Vietnamese);
  EXPECT_EQ(render(r), "1234.5 tỷ đồng; 2345 tỷ đồng !2345.6; 5.5 %");
}

// ---------------------------------------------------------------------------------------------
// Tokens: Number tokens point at their reading; unit words are marked for the claim templates.

TEST(NumberTokens, UnitWordsAreMarked) {
  Document doc = load("Đạt 22.214/23.707 ha, bằng 94% KH.");
  NumberReading r = read_numbers(doc);
  int numbers = 0, unit_words = 0;
  for (const auto& t : r.tokens) {
    if (t.kind == TokKind::Number) {
      ++numbers;
      EXPECT_GE(t.quantity, 0);
    }
    if (t.kind == TokKind::Word && t.unit_part) ++unit_words;
  }
  EXPECT_EQ(numbers, 3);
  EXPECT_EQ(unit_words, 1);  // "ha"; "KH" is a keyword, not a unit
}

}  // namespace
