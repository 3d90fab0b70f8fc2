// Indicators: the same indicator phrased differently, or OCR-damaged, gets the same key; roles,
// status and periods of the figures around it.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "claims/indicators.h"
#include "num/numbers.h"
#include "text/load.h"

using namespace doisoat;

namespace {

struct Read {
  Document doc;
  NumberReading numbers;
  const Quantity& q(const std::string& text) const {
    for (const auto& q : numbers.quantities)
      if (q.text == text) return q;
    ADD_FAILURE() << "no quantity " << text;
    static Quantity none;
    return none;
  }
};

Read read(const std::string& body, const std::string& period = "6 tháng đầu năm 2024") {
  std::string text = "ỦY BAN NHÂN DÂN TỈNH SƠN MINH\n\nBÁO CÁO\nTình hình kinh tế - xã hội " + period +
                     " trên địa bàn tỉnh Sơn Minh\n\n" + body + "\n";
  auto doc = load_document("t.txt", text);
  EXPECT_TRUE(static_cast<bool>(doc));
  Read r{std::move(*doc), {}};
  r.numbers = read_numbers(r.doc);
  assign_indicators(r.doc, r.numbers);
  return r;
}

}  // namespace

TEST(IndicatorCatalogue, AtLeastFortyWithUniquePhrases) {
  const auto& cat = indicator_catalogue();
  EXPECT_GE(cat.size(), 40u);
  std::set<std::string> keys;
  std::map<std::string, std::string> phrase_key;  // an OCR spelling may fold to its own phrase
  for (const auto& d : cat) {
    EXPECT_TRUE(keys.insert(d.key).second) << d.key;
    EXPECT_FALSE(d.dimension.empty()) << d.key;
    EXPECT_FALSE(d.phrases.empty()) << d.key;
    for (const auto& p : d.phrases) {
      auto [it, fresh] = phrase_key.emplace(p, d.key);
      EXPECT_EQ(it->second, d.key) << p << " names two indicators";
    }
  }
  for (const char* k : {"grdp_growth", "budget_revenue", "budget_expenditure", "retail_sales_services",
                        "export_value", "import_value", "tourists", "tourism_revenue", "public_investment_disbursement",
                        "afforestation", "timber_harvest", "grain_output", "buffalo_herd", "cattle_herd", "pig_herd",
                        "poultry_flock", "jobs_created", "poverty_rate", "new_enterprises", "traffic_accidents"})
    EXPECT_TRUE(is_canonical_indicator(k)) << k;
}

TEST(IndicatorMatch, PhrasingsAndOcrDamageGetTheSameKey) {
  struct Case {
    const char* phrase;
    const char* key;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "retail_sales_services"},
           {"tổng mức bán lẻ hàng hoá và doanh thu dịch vụ tiêu dùng", "retail_sales_services"},
           {"TỔNG MỨC BÁN LẺ HÀNG HÓA", "retail_sales_services"},
           {"tong muc ban le", "retail_sales_services"},
           {"Tổng mức bản lẻ hàng hóa", "retail_sales_services"},
           {"Tốc độ tăng trưởng kinh tế", "grdp_growth"},
           {"tăng trưởng kỉnh tế", "grdp_growth"},
           {"tốc độ tăng trướng kinh tế (GRDP)", "grdp_growth"},
           {"Tổng thu NSNN trên địa bàn", "budget_revenue"},
           {"thu ngân sảch nhà nước", "budget_revenue"},
           {"Tổng thu ngân sách nhà nước trên địa bàn", "budget_revenue"},
           {"kim ngạch xuất, nhập khẩu", "export_import_value"},
           {"Kim ngạch xuất nhập khẩu", "export_import_value"},
           {"kim ngạch xuất khấu", "export_value"},
           {"Lượt khách du lịch", "tourists"},
           {"khảch du lịch", "tourists"},
           {"giải ngân vốn đầu tư công", "public_investment_disbursement"},
           {"giai ngan von dau tu cong", "public_investment_disbursement"},
           {"Diện tích trồng rừng tập trung", "afforestation"},
           {"trổng rừng", "afforestation"},
           {"Sản lượng khai thác gỗ các loại", "timber_harvest"},
           {"sản lượng lương thực có hạt", "grain_output"},
           {"lương thục có hạt", "grain_output"},
           {"Tổng đàn trâu", "buffalo_herd"},
           {"đàn lọn", "pig_herd"},
           {"đàn gia cằm", "poultry_flock"},
           {"giải quyết viêc làm", "jobs_created"},
           {"Tỷ lệ hộ nghèo đa chiều", "poverty_rate"},
           {"tỷ lệ hộ nghẻo", "poverty_rate"},
           {"doanh nghiệp thành lập mới", "new_enterprises"},
           {"doanh nghiêp thành lập mới", "new_enterprises"},
           {"tai nạn giao thông", "traffic_accidents"},
       }) {
    EXPECT_EQ(match_indicator(c.phrase), c.key) << c.phrase;
  }
  EXPECT_EQ(match_indicator("một câu không nói về chỉ tiêu nào"), "");
}

TEST(IndicatorAssign, TheSameIndicatorInTwoReportsGetsTheSameKey) {
  Read a = read("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ ước đạt 4.480 tỷ đồng.");
  Read b = read("TỔNG MỨC BÁN LẺ HÀNG HOÁ VÀ DOANH THU DỊCH VỤ TIÊU DÙNG đạt 4.480.000 triệu đồng.");
  EXPECT_EQ(a.q("4.480").indicator, "retail_sales_services");
  EXPECT_EQ(b.q("4.480.000").indicator, "retail_sales_services");
  EXPECT_EQ(a.q("4.480").status, "estimate");
  EXPECT_EQ(b.q("4.480.000").status, "");
}

TEST(IndicatorAssign, RatesTakeTheirLevelsIndicatorAndRole) {
  Read r = read(
      "Giá trị sản xuất công nghiệp ước đạt 776.384 triệu đồng, tăng 12,07% so với cùng kỳ năm 2023, đạt "
      "43,79% kế hoạch năm; thu ngân sách đạt 415,5 tỷ đồng, giảm 4,1% so với cùng kỳ.");
  const auto& level = r.q("776.384");
  EXPECT_EQ(level.indicator, "industrial_output_value");
  EXPECT_EQ(level.role, "");
  const auto& rate = r.q("12,07");
  EXPECT_EQ(rate.role, "yoy_rate");
  EXPECT_EQ(rate.indicator, "industrial_output_value");
  EXPECT_EQ(rate.base, int32_t(level.id));
  EXPECT_FALSE(rate.decrease);
  const auto& plan = r.q("43,79");
  EXPECT_EQ(plan.role, "plan_pct");
  EXPECT_EQ(plan.period_key, "2024");  // "kế hoạch năm": this year's plan
  const auto& fall = r.q("4,1");
  EXPECT_EQ(fall.role, "yoy_rate");
  EXPECT_TRUE(fall.decrease);
  EXPECT_EQ(fall.indicator, "budget_revenue");
}

TEST(IndicatorAssign, PlansAndOcrDamagedPlanWords) {
  Read r = read("Ke hoạch năm 2025 là 9.500 tỷ đồng tổng mức bán lẻ hàng hóa. Đàn trâu đạt 8.100/8.000 con, đạt 101% KH.");
  EXPECT_EQ(r.q("9.500").role, "plan");
  EXPECT_EQ(r.q("9.500").period_key, "2025");
  EXPECT_EQ(r.q("8.000").role, "plan");
  EXPECT_EQ(r.q("8.000").indicator, "buffalo_herd");
  EXPECT_EQ(r.q("8.100").indicator, "buffalo_herd");
  EXPECT_EQ(r.q("8.100").role, "");
  EXPECT_EQ(r.q("101").role, "plan_pct");
}

TEST(IndicatorAssign, NameAfterTheFigureAndFallbackKeys) {
  Read r = read("Trong kỳ có 60 doanh nghiệp thành lập mới. Sản lượng chè búp tươi đạt 1.250 tấn.");
  EXPECT_EQ(r.q("60").indicator, "new_enterprises");
  EXPECT_EQ(r.q("1.250").indicator, "~san_luong_che_bup_tuoi");
  EXPECT_FALSE(is_canonical_indicator(r.q("1.250").indicator));
}

TEST(IndicatorAssign, AnotherKindOfMeasureDoesNotNameAFigure) {
  // "khách du lịch" counts visitors: a money figure after it is not the number of visitors.
  Read r = read("Doanh thu từ khách du lịch đạt 400 tỷ đồng.");
  EXPECT_NE(r.q("400").indicator, "tourists");
}

TEST(IndicatorAssign, SameKeyWhateverTheCall) {
  Read r = read("Tổng đàn trâu có 9.000 con, tăng 3% so với cùng kỳ.");
  auto before = r.numbers.quantities;
  assign_indicators(r.doc, r.numbers);
  for (size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(before[i].indicator, r.numbers.quantities[i].indicator);
    EXPECT_EQ(before[i].role, r.numbers.quantities[i].role);
    EXPECT_EQ(before[i].base, r.numbers.quantities[i].base);
  }
}

TEST(IndicatorAssign, ChangesJoinedByVaShareTheComparison) {
  Read r = read(
      "Trong kỳ có 60 doanh nghiệp thành lập mới với tổng vốn đăng ký 1.350 tỷ đồng (tăng 14 doanh nghiệp và 780 tỷ "
      "đồng vốn đăng ký so với cùng kỳ).");
  const auto& firms = r.q("14");
  EXPECT_EQ(firms.role, "yoy_change");
  EXPECT_EQ(firms.base, int32_t(r.q("60").id));
  EXPECT_EQ(firms.indicator, "new_enterprises");
  const auto& capital = r.q("780");
  EXPECT_EQ(capital.role, "yoy_change");
  EXPECT_EQ(capital.base, int32_t(r.q("1.350").id));
  EXPECT_EQ(capital.indicator, "new_enterprise_capital");
}

TEST(IndicatorAssign, APartOfTheRegionNamedInTheClause) {
  Read r = read("Diện tích trồng rừng đạt 2.400 ha; trên địa bàn huyện Ba Bể, diện tích trồng rừng đạt 400 ha. "
                "Kế hoạch tỉnh giao 300 ha trồng rừng.");
  EXPECT_EQ(r.q("2.400").region, "");
  EXPECT_EQ(r.q("400").region, "huyện Ba Bể");
  EXPECT_EQ(r.q("400").indicator, "afforestation");
  EXPECT_EQ(r.q("300").region, "");  // a province is not a part of a province
}
