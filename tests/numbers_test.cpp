// The number grammar read through its public API: phrases written the way Vietnamese
// socio-economic reports write figures, each with the reading of every number it holds.
// Every phrase here is made up for the test (none is copied from a real report).
#include <gtest/gtest.h>

#include "numbers_support.h"

using namespace doisoat;
using namespace doisoat::numtest;

namespace {

class NumberReadingTest : public ::testing::TestWithParam<ReadCase> {};

TEST_P(NumberReadingTest, ReadsEveryNumber) {
  const ReadCase& c = GetParam();
  EXPECT_EQ(read(c.text), c.expect) << "text: " << c.text;
}

// Vietnamese format: '.' groups thousands, ',' marks decimals; leading zeros are kept out of
// the value; the decimals shown are the precision.
const ReadCase kFormat[] = {
    {"Tổng thu ngân sách trên địa bàn đạt 4.463,323 tỷ đồng.", "4463.323 tỷ đồng"},
    {"Sản lượng điện thương phẩm đạt 154,873 triệu kWh.", "154.873 triệu kWh"},
    {"Giá trị sản xuất công nghiệp đạt 659,970 tỷ đồng.", "659.970 tỷ đồng"},
    {"Toàn tỉnh đón 1.955.940 lượt khách đến tham quan.", "1955940 lượt khách"},
    {"Thành lập mới 05 hợp tác xã.", "5 HTX"},
    // Thousands grouped with a no-break (U+00A0) or narrow no-break (U+202F) space; a plain space
    // does not group (two figures may stand side by side in a table).
    {"Sản lượng lương thực đạt 12\u00a0345 tấn.", "12345 tấn"},
    {"Tổng vốn đạt 1\u202f234\u202f567,5 triệu đồng.", "1234567.5 triệu đồng"},
    {"Tỷ lệ hộ nghèo còn 08%.", "8 %"},
    {"Tốc độ tăng trưởng kinh tế đạt 5,20%.", "5.20 %"},
    {"Tổng vốn đầu tư toàn xã hội đạt 12.345,6 tỷ đồng.", "12345.6 tỷ đồng"},
    {"Thu từ khu vực doanh nghiệp nhà nước đạt 0,5 tỷ đồng.", "0.5 tỷ đồng"},
    {"Diện tích lúa gieo cấy đạt 1.000 ha.", "1000 ha"},
    {"Có 3 xã đạt chuẩn nông thôn mới.", "3 xã"},
    {"Trồng rừng tập trung được 1.234,50 ha.", "1234.50 ha"},
    {"Giải quyết việc làm cho 2.150 lao động.", "2150 lao động"},
    {"Tỷ lệ che phủ rừng đạt 73,4%.", "73.4 %"},
    {"Chỉ số giá tiêu dùng bình quân tăng 0,05%.", "0.05 %"},
    {"Tổng đàn trâu có 45.678 con.", "45678 con"},
    {"Khám chữa bệnh cho 123.456 lượt người.", "123456 lượt người"},
    {"Khai thác 3.456,78 m³ gỗ rừng trồng.", "3456.78 m3"},
    {"Cứng hóa 12,5 km đường giao thông nông thôn.", "12.5 km"},
    {"Sản lượng lương thực có hạt đạt 98.765,4 tấn.", "98765.4 tấn"},
    {"Tổng mức bán lẻ hàng hóa đạt 7,000 tỷ đồng.", "7.000 tỷ đồng"},
    {"Tăng trưởng tín dụng đạt 2,0 lần cùng kỳ.", "2.0 lần"},
    {"Dư nợ cho vay đạt 1.234.567,89 triệu đồng.", "1234567.89 triệu đồng"},
    {"Tổng số hộ nghèo là 12.345 hộ, chiếm 8,5% tổng số hộ, giảm 1,2 điểm phần trăm so với năm 2022.",
     "12345 hộ; 8.5 %; 1.2 điểm phần trăm; year"},
    {"Kim ngạch xuất khẩu đạt 10 triệu USD, tăng 12,3%.", "10 triệu USD; 12.3 %"},
    {"Có 0 ca mắc mới trong kỳ.", "0 ca"},
};
INSTANTIATE_TEST_SUITE_P(Format, NumberReadingTest, ::testing::ValuesIn(kFormat));

// Malformed and suspicious forms are flagged with the most likely intended reading.
const ReadCase kMalformed[] = {
    {"Đã thu gom và xử lý 175.666/310.00 m3 rác thải.", "175666 m3; 310.00 m3 !310000"},
    {"Hỗ trợ mỗi hộ 1.00.000 đồng.", "100000 đồng !100000"},
    {"Giá trị hàng hóa đạt 2.850,4,5 tỷ đồng.", "2850.4 tỷ đồng !2850.45"},
    // Commas between groups of exactly three digits, twice or more: the English thousands
    // separator, read as the integer the writer meant.
    {"Toàn tỉnh đón 6,530,932 lượt khách.", "6530932 lượt khách !6530932"},
    {"Vốn điều lệ tăng lên 12,000,000 triệu đồng.", "12000000 triệu đồng !12000000"},
    {"Giải ngân được 1,234,56 triệu đồng.", "1.234 triệu đồng !1.23456"},  // (a group of two: two decimal marks)
    {"Tỷ lệ xã đạt chuẩn là 99,%.", "99 % !99"},
    {"Toàn huyện có 12345 hộ dân.", "12345 hộ !12345"},
    {"Sản lượng thủy sản đạt 45000 tấn.", "45000 tấn !45000"},
    {"Tổng doanh thu 1,234.5 tỷ đồng.", "1234 tỷ đồng !1234.5"},
    {"Chỉ số sản xuất tăng 12.5% so với cùng kỳ.", "12.5 % !12.5"},
    {"Năng suất bình quân đạt 97.5 tạ/ha.", "97.5 tạ/ha !97.5"},
    {"Sản lượng chè búp tươi 1.2345 tấn.", "12345 tấn !12345"},
    {"Trồng mới 12.34.567 cây xanh.", "1234567 cây !1234567"},
    {"Doanh thu dịch vụ đạt 150000000 đồng.", "150000000 đồng !150000000"},
    {"Giải ngân được 1.234,56,7 triệu đồng.", "1234.56 triệu đồng !1234.567"},
    {"Khối lượng bê tông 2.45 m3.", "2.45 m3 !2450"},
    {"Tổng diện tích 1.234.56 ha.", "123456 ha !123456"},
    // A stray space inside a percent after a verb that takes a value: one number.
    {"Sản lượng cá bằng 10 6,47% cùng kỳ.", "106.47 % !106.47"},
    {"Doanh thu tăng 2 1,5% so với cùng kỳ.", "21.5 % !21.5"},
    // ... but not after a noun (here a place name), a date word, nor without decimals.
    {"Xã Bằng Lãng 10 6,47% hộ nghèo.", "name; 6.47 %"},
    {"Ngày 10 6,47% số hộ kê khai.", "date; 6.47 %"},
    {"Đạt 10 6% kế hoạch.", "10; 6 %"},
    // A slash for the thousands dot of a denominator, told by the percent that follows.
    {"Giải ngân đạt 2.596/10/361,8 triệu đồng, bằng 25% dự toán.", "2596 triệu đồng; 10361.8 triệu đồng !10361.8; 25 %"},
    {"Đã cấp 1.050/4/200 thẻ, đạt 25% kế hoạch.", "1050 thẻ; 4200 thẻ !4200; 25 %"},
    // ... never a date, nor a chain whose percent does not fit the whole reading.
    {"Đến 24/11/2023 đạt 2.596/10.361,8 triệu đồng, bằng 25% dự toán.",
     "date; date; date; 2596 triệu đồng; 10361.8 triệu đồng; 25 %"},
    {"Hỗ trợ 25/12/500 hộ, bằng 5% tổng số.", "date; date; 500 hộ; 5 %"},
    {"Đã cấp 1.050/40/200 thẻ, đạt 25% kế hoạch.", "1050; 40 thẻ; 200 thẻ; 25 %"},
    // An ungrouped four-digit percent far above its paragraph's other percents: an extra digit.
    {"Diện tích bằng 100,46% cùng kỳ, sản lượng bằng 99,2% cùng kỳ, giá trị bằng 1000,88% cùng kỳ.",
     "100.46 %; 99.2 %; 1000.88 % !100.88"},
    {"Diện tích bằng 100,46% cùng kỳ, sản lượng bằng 99,2% cùng kỳ, giá trị bằng 1009,5% cùng kỳ.",
     "100.46 %; 99.2 %; 1009.5 % !100.5"},
    // ... alone, or not far from the others: left as written.
    {"Kim ngạch tăng 1250,5% so với cùng kỳ.", "1250.5 %"},
    {"Giá trị bằng 1.015,2% cùng kỳ; sản lượng bằng 98,4% cùng kỳ; số hộ bằng 99,1% cùng kỳ.",
     "1015.2 %; 98.4 %; 99.1 %"},
    {"Sản lượng lúa đạt 3456,7 tấn.", "3456.7 tấn"},
    // A thousands dot for the decimal comma: a thousand times the document's other figures of
    // the unit, where the document states the same integer part with three decimals ...
    {"Điện thương phẩm đạt 87,412 triệu kWh.\n\nCác sản phẩm: điện thương phẩm 87.412 triệu kWh.",
     "87.412 triệu kWh; 87412 triệu kWh !87.412"},
    {"Điện thương phẩm đạt 87,412 triệu kWh.\n\nĐiện thương phẩm 87.412 triệu kWh.\n\nTổng hợp: điện 87.412 triệu kWh.",
     "87.412 triệu kWh; 87412 triệu kWh !87.412; 87412 triệu kWh !87.412"},
    // ... or millions of tỷ beside a three-decimal figure of the same unit, in a document whose
    // other money figures are at most a twentieth of it.
    {"Vốn giao 3.215,700 tỷ đồng; giải ngân 1.102,3 tỷ đồng; thu 940 tỷ đồng.\n\n"
     "Trong đó: vốn địa phương 415,200 tỷ đồng; vốn trung ương 2.800.500 tỷ đồng.",
     "3215.700 tỷ đồng; 1102.3 tỷ đồng; 940 tỷ đồng; 415.200 tỷ đồng; 2800500 tỷ đồng !2800.500"},
    // Quiet: a national figure cited alone, a different integer part, figures close in size.
    {"GDP cả nước đạt 10.221.815 tỷ đồng.\n\nVốn huy động 28.500 tỷ đồng; dư nợ 15.300 tỷ đồng; thu 820,980 tỷ đồng.",
     "10221815 tỷ đồng; 28500 tỷ đồng; 15300 tỷ đồng; 820.980 tỷ đồng"},
    {"Điện thương phẩm đạt 86,412 triệu kWh.\n\nĐiện sản xuất 87.412 triệu kWh.", "86.412 triệu kWh; 87412 triệu kWh"},
    {"Chưa phân bổ 1.814.241 triệu đồng, gồm 1.282.541 triệu đồng và 531.700 triệu đồng.",
     "1814241 triệu đồng; 1282541 triệu đồng; 531700 triệu đồng"},
    // A lone letter misread for "(" before a number: the ")" after it has no "(".
    {"Cấp mới 04 dự án, giảm 3 dự án so với năm 2022 ụ 7 dự án với 1.020 tỷ đồng).",
     "4 dự án; 3 dự án; year; 7 dự án !; 1020 tỷ đồng"},
    // ... quiet when the letter is a word inside parentheses, or nothing closes after it.
    {"Hỗ trợ các hộ (trong đó ở 2 xã vùng cao) được 150 triệu đồng.", "2 xã; 150 triệu đồng"},
    {"Người dân ở 3 thôn được hỗ trợ giống.", "3 thôn"},
    {"Kiểm tra ở 2 huyện; kết quả tốt (đạt 100%).", "2 huyện; 100 %"},
};
INSTANTIATE_TEST_SUITE_P(Malformed, NumberReadingTest, ::testing::ValuesIn(kMalformed));

// Signs and multipliers: the direction of "giảm" belongs to the claim, not to the number.
const ReadCase kSigns[] = {
    {"Chỉ số sản xuất công nghiệp âm 3,7% so với cùng kỳ.", "-3.7 %"},
    {"Tăng trưởng ngành xây dựng -5,47% so với cùng kỳ.", "-5.47 %"},
    {"Sản lượng khai khoáng giảm 5,47% so với cùng kỳ.", "5.47 %"},
    {"Chỉ số giá nhóm giao thông tăng -0,8%.", "-0.8 %"},
    {"Khu vực nông nghiệp tăng trưởng −2,1%.", "-2.1 %"},
    {"Giá trị xuất khẩu gấp 2,5 lần cùng kỳ.", "2.5 lần"},
    {"Số doanh nghiệp thành lập mới tăng gấp 3 lần.", "3 lần"},
    {"Số vụ tai nạn giảm một nửa so với năm trước.", ""},
    {"Doanh thu du lịch tăng hai lần.", ""},
    {"Tốc độ tăng trưởng đạt âm 0,25%.", "-0.25 %"},
    {"Số vụ vi phạm giảm 12 vụ.", "12 vụ"},
};
INSTANTIATE_TEST_SUITE_P(Signs, NumberReadingTest, ::testing::ValuesIn(kSigns));

// Scale words compose with the unit that follows them.
const ReadCase kScales[] = {
    {"Chi thường xuyên đạt 776.384 triệu đồng.", "776384 triệu đồng"},
    {"Chi thường xuyên đạt 776,384 tỷ đồng.", "776.384 tỷ đồng"},
    {"Tổng sản phẩm trên địa bàn đạt 1,2 nghìn tỷ đồng.", "1.2 nghìn tỷ đồng"},
    {"Tổng sản phẩm trên địa bàn đạt 3,5 ngàn tỷ đồng.", "3.5 nghìn tỷ đồng"},
    {"Mức hỗ trợ 350 ngàn đồng mỗi tháng.", "350 nghìn đồng"},
    {"Nguồn vốn đối ứng 5 tỉ đồng.", "5 tỷ đồng"},
    {"Vốn FDI đăng ký mới 12,5 triệu USD.", "12.5 triệu USD"},
    {"Học bổng trị giá 2.500.000 VNĐ.", "2500000 đồng"},
    {"Kim ngạch nhập khẩu đạt 300 USD.", "300 USD"},
    {"Thu hút 1,5 triệu lượt khách du lịch.", "1.5 triệu lượt khách"},
    {"Tạo việc làm cho hơn 3 nghìn lao động.", "3 nghìn lao động >"},
    {"Mỗi suất quà trị giá 1.500.000 đ.", "1500000 đồng"},
    {"Sản lượng đạt 2 ngàn tấn.", "2 nghìn tấn"},
    {"Giá trị sản xuất đạt 45 tỷ.", "45 tỷ"},
    {"Doanh số đạt 4,2 triệu đô la Mỹ.", "4.2 triệu USD"},
    {"Tổng nguồn vốn 1.414.100.000,đ.", "1414100000 đồng"},
    // A bare "tỷ" in a paragraph that counts money in đồng is tỷ đồng.
    {"Giảm thu khoảng 10 tỷ đồng (trong đó giảm phí 4,5 tỷ và giảm thuế 4,5 tỷ).",
     "10 tỷ đồng ~; 4.5 tỷ đồng; 4.5 tỷ đồng"},
    {"Vốn đăng ký 1.350 tỷ đồng, tăng 780 tỷ vốn so với cùng kỳ.", "1350 tỷ đồng; 780 tỷ đồng"},
    // ... not in a paragraph without đồng, nor before a noun that it counts.
    {"Dân số thế giới khoảng 8 tỷ.", "8 tỷ ~"},
    {"Chi 20 tỷ đồng; dân số cả nước gần 1 tỷ người.", "20 tỷ đồng; 1 tỷ người <"},
};
INSTANTIATE_TEST_SUITE_P(Scales, NumberReadingTest, ::testing::ValuesIn(kScales));

// Every unit seen in these reports, attached or spaced.
const ReadCase kUnits[] = {
    {"Tỷ lệ lao động qua đào tạo tăng 0,8 điểm phần trăm.", "0.8 điểm phần trăm"},
    {"Tỷ trọng công nghiệp tăng 1,2 điểm %.", "1.2 điểm phần trăm"},
    {"Chỉ số PAPI đạt 42,5 điểm.", "42.5 điểm"},
    {"Trồng mới 250 ha chè.", "250 ha"},
    {"Sản lượng cá nuôi đạt 1.320 tấn.", "1320 tấn"},
    {"Khai thác 15.000 m3 cát sỏi.", "15000 m3"},
    {"Khai thác 15.000 m³ cát sỏi.", "15000 m3"},
    {"Làm mới 8,7 km kênh mương.", "8.7 km"},
    {"Điện sản xuất đạt 320.000 kWh.", "320000 kWh"},
    {"Điện thương phẩm đạt 95,2 triệu kWh.", "95.2 triệu kWh"},
    {"Tổng đàn lợn 38.200 con.", "38200 con"},
    {"Cấp phát 4.500 lượt thuốc.", "4500 lượt"},
    {"Đón 25.000 lượt khách.", "25000 lượt khách"},
    {"Tiếp đón 1.800 lượt người đến làm thủ tục.", "1800 lượt người"},
    {"Dân số trung bình 325.000 người.", "325000 người"},
    {"Đào tạo nghề cho 1.250 lao động nông thôn.", "1250 lao động"},
    {"Hỗ trợ làm nhà cho 140 hộ nghèo.", "140 hộ"},
    {"Có 12 xã hoàn thành.", "12 xã"},
    {"Có 45 thôn đạt chuẩn văn hóa.", "45 thôn"},
    {"Thành lập mới 86 doanh nghiệp.", "86 doanh nghiệp"},
    {"Thành lập mới 7 HTX nông nghiệp.", "7 HTX"},
    {"Khởi công mới 23 dự án.", "23 dự án"},
    {"Phát hiện 31 vụ vi phạm.", "31 vụ"},
    {"Tổ chức 9 cuộc thanh tra.", "9 cuộc"},
    {"Tiếp nhận 64 đơn kiến nghị.", "64 đơn"},
    {"Kiểm tra 112 cơ sở kinh doanh.", "112 cơ sở"},
    {"Có 18 sản phẩm OCOP được công nhận.", "18 sản phẩm"},
    {"Bình quân đạt 16,5 tiêu chí.", "16.5 tiêu chí"},
    {"Có 56 trường đạt chuẩn quốc gia.", "56 trường"},
    {"Tuyển mới 2.340 học sinh.", "2340 học sinh"},
    {"Xây dựng 14 nhà văn hóa.", "14 nhà"},
    {"Cấp 320 thẻ bảo hiểm y tế.", "320 thẻ"},
    {"Thả 5.000 cá giống.", "5000 cá"},
    {"Có 6 bản đặc biệt khó khăn.", "6 bản"},
    {"Sản lượng đạt 12 tạ.", "12 tạ"},
    {"Lắp đặt 2,5 MW điện mặt trời.", "2.5 MW"},
    {"Xây dựng 3.200 m2 nhà xưởng.", "3200 m2"},
    {"Diện tích tự nhiên 4.859,96 km2.", "4859.96 km2"},
    {"Tổ chức 12 lớp tập huấn.", "12 lớp"},
    {"Giải quyết 215 hồ sơ đúng hạn.", "215 hồ sơ"},
};
INSTANTIATE_TEST_SUITE_P(Units, NumberReadingTest, ::testing::ValuesIn(kUnits));

// Units written attached to the number, with spaces, and on either side of "A/B".
const ReadCase kAttached[] = {
    {"Diện tích ngô đạt 5.345,97ha/5.470 ha.", "5345.97 ha; 5470 ha"},
    {"Thu ngân sách đạt 101 % KH.", "101 %"},
    {"Gieo trồng được 90ha KH.", "90 ha"},
    {"Trồng rừng đạt 22.214/23.707 ha.", "22214 ha; 23707 ha"},
    {"Đã điều tra làm rõ 89/96 vụ.", "89 vụ; 96 vụ"},
    {"Thu ngân sách đạt 95%KH.", "95 %"},
    {"Số hộ được hỗ trợ (3238/7195) đạt 45%.", "3238; 7195; 45 %"},
    {"Bình quân đạt 15/20 tiêu chí.", "15 tiêu chí; 20 tiêu chí"},
    {"Năng suất đạt 12,5tấn.", "12.5 tấn"},
    {"Xây dựng 45.000m2 sân phơi.", "45000 m2"},
    {"Nâng cấp 1.250km đường điện.", "1250 km"},
    {"Giải ngân 350 tỷ đồng/400 tỷ đồng.", "350 tỷ đồng; 400 tỷ đồng"},
    {"Tiếp 306 lượt/318 công dân.", "306 lượt; 318 công dân"},
    {"Tiếp 45 lượt/52 người.", "45 lượt; 52 người"},
    {"Có 12/15 xã đạt chuẩn.", "12 xã; 15 xã"},
    {"Hoàn thành 10/12 xã.", "10 xã; 12 xã"},
    {"Đạt 8/10 chỉ tiêu.", "8 chỉ tiêu; 10 chỉ tiêu"},
    {"Giải quyết 120 đơn/135 đơn.", "120 đơn; 135 đơn"},
    {"Diện tích cây ăn quả 1.250ha, tăng 3,5%.", "1250 ha; 3.5 %"},
    {"Đạt 5.200 tấn/KH 5.000 tấn.", "5200 tấn; 5000 tấn"},
};
INSTANTIATE_TEST_SUITE_P(Attached, NumberReadingTest, ::testing::ValuesIn(kAttached));

// Rates are one unit ("kg/người/năm"), not a fraction; a range with a rate is a range.
const ReadCase kRates[] = {
    {"Mức thu nhập 3-4 triệu đồng/tháng.", "range; range"},
    // Spaced, with the unit after the second end only: a range too.
    {"Phần đường dài 2,3 km, rộng 26,5 - 61,5m.", "2.3 km; range; range"},
    {"Giá vé dự kiến tăng 8 - 10%.", "range; range"},
    {"Lương thực bình quân đầu người 563 kg/người/năm.", "563 kg/người/năm"},
    {"Bình quân đạt 12,38 tiêu chí/xã.", "12.38 tiêu chí/xã"},
    {"Thu nhập bình quân 42,5 triệu đồng/người/năm.", "42.5 triệu đồng/người/năm"},
    {"Năng suất lúa đạt 55,6 tạ/ha.", "55.6 tạ/ha"},
    {"Mật độ dân số 120 người/km2.", "120 người/km2"},
    {"Giá điện bình quân 1.200 đồng/kWh.", "1200 đồng/kWh"},
    {"Tiền lương bình quân 5,5 triệu đồng/người/tháng.", "5.5 triệu đồng/người/tháng"},
    {"Mức hỗ trợ 1.500.000 đ/tháng.", "1500000 đồng/tháng"},
    {"Tốc độ xử lý 25 m3/ngày.", "25 m3/ngày"},
};
INSTANTIATE_TEST_SUITE_P(Rates, NumberReadingTest, ::testing::ValuesIn(kRates));

// Qualifiers stay on the quantity so that checks can widen their tolerance.
const ReadCase kQualifiers[] = {
    {"Thu ngân sách ước đạt 1.250 tỷ đồng.", "1250 tỷ đồng ước"},
    {"Sản lượng dự ước đạt 3.400 tấn.", "3400 tấn ước"},
    {"Tổng sản lượng ước 3.400 tấn.", "3400 tấn ước"},
    {"Hỗ trợ khoảng 300 hộ.", "300 hộ ~"},
    {"Thu hút trên 2.000 lao động.", "2000 lao động >"},
    {"Có hơn 150 doanh nghiệp tham gia.", "150 doanh nghiệp >"},
    {"Tỷ lệ giải ngân gần 40%.", "40 % <"},
    {"Tỷ lệ hộ nghèo dưới 5%.", "5 % <"},
    {"Tỷ lệ tiêm chủng tối thiểu 70%.", "70 % >"},
    {"Tỷ lệ thu gom đạt trên 95%.", "95 % >"},
    {"Giá trị xấp xỉ 12 tỷ đồng.", "12 tỷ đồng ~"},
    {"Chi phí ước tính khoảng 20 tỷ đồng.", "20 tỷ đồng ~"},
    {"Giải quyết tối đa 30 hồ sơ.", "30 hồ sơ <"},
    {"Có trên 90% số hộ dùng nước sạch.", "90 % >"},
    {"Tỷ lệ nợ xấu < 5%.", "5 % <"},
    {"Tỷ lệ bao phủ > 50%.", "50 % >"},
    {"Tỷ lệ đạt khoảng 85%.", "85 % ~"},
    {"Doanh thu đạt hơn 1.000 tỷ đồng.", "1000 tỷ đồng >"},
    {"Thu ngân sách ước đạt 98,5% kế hoạch.", "98.5 % ước"},
    {"Dự kiến đạt 60 tỷ đồng.", "60 tỷ đồng ước"},
    {"Trên địa bàn có 15 xã.", "15 xã"},
    {"Được hỗ trợ trên 200 hộ.", "200 hộ >"},
    {"Đạt gần 1.000 ha.", "1000 ha <"},
    {"Có khoảng 1,2 triệu lượt khách.", "1.2 triệu lượt khách ~"},
};
INSTANTIATE_TEST_SUITE_P(Qualifiers, NumberReadingTest, ::testing::ValuesIn(kQualifiers));

// Dates and times are never quantities.
const ReadCase kDates[] = {
    {"Tính đến ngày 30/6/2024, toàn tỉnh có 120 hợp tác xã.", "date; date; date; 120 HTX"},
    {"Ngày 19/6/2023, Ủy ban nhân dân tỉnh tổ chức hội nghị.", "date; date; date"},
    {"Trong hai ngày 01-02/6 đã tổ chức hội chợ.", "date; date; date"},
    {"Trong tháng 01 đã thu 15 tỷ đồng.", "date; 15 tỷ đồng"},
    {"Hội nghị bắt đầu lúc 17h00.", "time; time"},
    {"Lúc 8h30 ngày 12/3 đoàn đến kiểm tra.", "time; time; date; date"},
    {"Từ ngày 15/7 đến 20/7 tổ chức tiêm vắc xin.", "date; date; date; date"},
    {"Trong tháng 6/2024 có 35 doanh nghiệp thành lập.", "date; date; 35 doanh nghiệp"},
    {"Trong quý II/2024 thu được 25 tỷ đồng.", "date; 25 tỷ đồng"},
    {"Hết ngày 31/12, giải ngân đạt 80%.", "date; date; 80 %"},
    {"Hoàn thành trước 15/8/2024.", "date; date; date"},
    {"Ngày 5 tháng 9 năm 2023 khởi công dự án.", "date; date; year"},
    {"Trong các tháng 9-10/2023 mưa lớn kéo dài.", "date; date; date"},
    {"Từ 01/01/2024 đến 30/6/2024 cấp 150 giấy phép.", "date; date; date; date; date; date; 150 giấy"},
    {"Đợt rét kéo dài từ ngày 20 đến ngày 25.", "date; date"},
    {"Lúc 7 giờ 30 phút, đoàn công tác xuất phát.", "duration; duration"},
    {"Trong quý 1/2024 tăng 3 doanh nghiệp.", "date; date; 3 doanh nghiệp"},
    {"Tổ chức Tết Trung thu ngày 15/8 âm lịch.", "date; date"},
};
INSTANTIATE_TEST_SUITE_P(Dates, NumberReadingTest, ::testing::ValuesIn(kDates));

// Years and periods.
const ReadCase kYears[] = {
    {"Thực hiện kế hoạch giai đoạn 2021-2025.", "year_range; year_range"},
    {"Kết quả năm 2023 khả quan.", "year"},
    {"Kế hoạch giai đoạn 2021 - 2025 đã được phê duyệt.", "year_range; year_range"},
    {"Năm học 2023-2024 có 56 trường.", "year_range; year_range; 56 trường"},
    {"So với năm 2022, doanh thu tăng 5,2%.", "year; 5.2 %"},
    {"Giá trị sản xuất (2023) tăng nhẹ.", "year"},
    {"Trong 6 tháng đầu năm 2024, tăng 4,5%.", "duration; year; 4.5 %"},
    {"Trong 9 tháng, thu 20 tỷ đồng.", "duration; 20 tỷ đồng"},
    {"Lao động từ 15 tuổi trở lên tăng.", "duration"},
    {"Vụ Đông Xuân 2023-2024 gieo cấy 8.500 ha.", "year_range; year_range; 8500 ha"},
    {"Năm 2023 có 150 hộ thoát nghèo.", "year; 150 hộ"},
    {"Nhiệm kỳ 2020-2025 đề ra 25 chỉ tiêu.", "year_range; year_range; 25 chỉ tiêu"},
    {"Tốc độ tăng năm 2023/2022 đạt 7,1%.", "year; year; 7.1 %"},
    {"Chương trình mục tiêu đến năm 2030.", "year"},
    {"Chỉ tiêu năm 2024 giao 95%.", "year; 95 %"},
};
INSTANTIATE_TEST_SUITE_P(Years, NumberReadingTest, ::testing::ValuesIn(kYears));

// Document and decision numbers.
const ReadCase kDocNumbers[] = {
    {"Thực hiện Nghị quyết số 52/NQ-HĐND của HĐND tỉnh.", "doc_number"},
    {"Theo Quyết định số 4188/QĐ-UBND ngày 12/10/2023.", "doc_number; date; date; date"},
    {"Quán triệt Chỉ thị 08-CT/TU của Tỉnh ủy.", "doc_number"},
    {"Triển khai Nghị quyết 01/2022/NQ-HĐND.", "doc_number; doc_number"},
    {"Ban hành Kế hoạch số 125/KH-UBND.", "doc_number"},
    {"Theo Công văn số 1553/UBND-VP.", "doc_number"},
    {"Thi hành Luật số 55/2014/QH13.", "doc_number; doc_number; doc_number"},
    {"Thực hiện Nghị định số 100/2019/NĐ-CP.", "doc_number; doc_number"},
    {"Hướng dẫn tại Thông tư 15/2023/TT-BTC.", "doc_number; doc_number"},
    {"Thực hiện Kết luận 10-KL/TW.", "doc_number"},
    {"Nghị quyết số 19-NQ/TU về nông nghiệp.", "doc_number"},
    {"Triển khai Đề án 06 của Chính phủ.", "name"},
    {"Chương trình 135 hỗ trợ 12 xã.", "name; 12 xã"},
    {"Xử phạt theo Nghị định 100 về giao thông.", "name"},
    {"Thực hiện Quyết định 1719/QĐ-TTg.", "doc_number"},
    {"Theo Thông báo số 245-TB/VPTU ngày 3/4/2024.", "doc_number; date; date; date"},
    {"Thực hiện Chương trình hành động số 15-CTr/TU của Tỉnh ủy.", "doc_number"},
    {"Hỗ trợ làm nhà cho tổng số 19 nhà.", "19 nhà"},
    {"Triển khai gói thầu số 02 đúng tiến độ.", "name"},
};
INSTANTIATE_TEST_SUITE_P(DocNumbers, NumberReadingTest, ::testing::ValuesIn(kDocNumbers));

// Ranks and ordinals.
const ReadCase kRanks[] = {
    {"Chỉ số PCI xếp thứ 57/63 tỉnh, thành phố.", "rank; rank"},
    {"Chỉ số PAR INDEX đứng vị trí 22/63.", "rank; rank"},
    {"Doanh nghiệp lọt TOP 183 doanh nghiệp lớn.", "rank"},
    {"Chỉ số SIPAS xếp hạng 12 cả nước.", "rank"},
    {"Tỉnh đứng thứ 3 khu vực miền núi.", "rank"},
    {"Chỉ số cải cách hành chính xếp thứ tự 18/63 tỉnh, thành phố.", "rank; rank"},
    // A fraction over the total of a rank just stated is the earlier rank, not a ratio.
    {"Chỉ số PCI xếp thứ 20/63, tăng 9 bậc so với năm trước (29/63).", "rank; rank; 9 bậc; rank; rank"},
    {"Chỉ số PCI xếp thứ 20/63; có 29/40 xã đạt chuẩn.", "rank; rank; 29 xã; 40 xã"},
    {"Tổ chức Hội chợ lần thứ 14.", "rank"},
    {"Chỉ số PCI xếp thứ 40/63, tăng 5 bậc.", "rank; rank; 5 bậc"},
    {"Năm 2023, chỉ số DDCI xếp thứ 2.", "year; rank"},
};
INSTANTIATE_TEST_SUITE_P(Ranks, NumberReadingTest, ::testing::ValuesIn(kRanks));

// Ranges.
const ReadCase kRanges[] = {
    {"Tỷ lệ hộ sử dụng nước sạch 30-70%.", "range; range"},
    {"Các xã đạt 15-18 tiêu chí.", "range; range"},
    {"Năng suất từ 10 - 12 tấn/ha.", "range; range"},
    {"Mỗi tổ có 2-3 người.", "range; range"},
    {"Tăng trưởng dự kiến khoảng 5–7%.", "range; range"},
    {"Lao động trong độ tuổi 20-25 tuổi.", "range; range"},
    {"Giá lúa từ 7.000-8.500 đồng/kg.", "range; range"},
};
INSTANTIATE_TEST_SUITE_P(Ranges, NumberReadingTest, ::testing::ValuesIn(kRanges));

// List and section numbers.
const ReadCase kLists[] = {
    {"1. Sản xuất nông nghiệp", "list_number"},
    {"3.1. Tài chính - ngân sách", "list_number"},
    {"Gồm: (1) cải cách hành chính; (2) chuyển đổi số.", "list_number; list_number"},
    {"1) Thu ngân sách đạt 120 tỷ đồng.", "list_number; 120 tỷ đồng"},
    {"2.3. Giáo dục: có 45 trường đạt chuẩn.", "list_number; 45 trường"},
    {"Ba nhiệm vụ: 1. Hoàn thiện thể chế; 2. Phát triển hạ tầng.", "list_number; list_number"},
};
INSTANTIATE_TEST_SUITE_P(Lists, NumberReadingTest, ::testing::ValuesIn(kLists));

// Versions and names.
const ReadCase kNames[] = {
    {"Triển khai mô hình chợ 4.0 tại các xã.", "name"},
    {"Phòng chống dịch COVID-19 hiệu quả.", "name"},
    {"Lắp đặt đèn diệt khuẩn UV2+ tại bệnh viện.", "name"},
    {"Nâng cấp QL3 đoạn qua thị trấn.", "name"},
    {"Đạt chứng nhận ISO 9001:2015.", "name; name"},
    {"Phát hiện cúm gia cầm H5N1.", "name; name"},
    {"Ứng dụng công nghiệp 4.0 trong sản xuất.", "name"},
    {"Phủ sóng mạng 5G tại trung tâm.", "name"},
    {"Sử dụng công nghệ in 3D.", "name"},
    {"Thực hiện Dự án 2 của Chương trình.", "name"},
    {"Theo Điều 5 của Luật.", "name"},
};
INSTANTIATE_TEST_SUITE_P(Names, NumberReadingTest, ::testing::ValuesIn(kNames));

// Labels, grades and rounds: a small number after them names something.
const ReadCase kLabels[] = {
    {"Tỷ lệ huy động trẻ vào lớp 6 đạt 99,5%.", "name; 99.5 %"},
    {"Có 12 trường đạt chuẩn quốc gia mức độ 1.", "12 trường; name"},
    {"Toàn tỉnh ở cấp độ 1 về dịch bệnh.", "name"},
    {"Đã tổ chức thi vòng 2 cấp tỉnh.", "name"},
    {"Tỷ lệ tiêm mũi 3 đạt 83,4%.", "name; 83.4 %"},
    {"Vụ việc xảy ra tại tổ 17 phường Phùng Chí Kiên.", "name"},
    {"Miễn học phí học kỳ 2 cho 120 học sinh.", "name; 120 học sinh"},
    {"Chăm sóc rừng trồng năm 3 được 450 ha.", "name; 450 ha"},
    {"Tiểu dự án 2 hỗ trợ 35 hộ.", "name; 35 hộ"},
    {"Hoàn thành Chỉ tiêu 11 về y tế.", "name"},
    {"Dự án Khu dân cư Nam Sơn 4 đang triển khai.", "name"},
    {"Phê duyệt quy hoạch tỷ lệ 1/500 khu trung tâm.", "name; name"},
    {"Kỷ niệm 80 năm (1943 - 2023) ngày thành lập.", "duration; year_range; year_range"},
    {"Phòng chống dịch Covid-19 và sốt xuất huyết.", "name"},
    {"Kiểm soát dịch covid-19 trên địa bàn.", "name"},
    {"Sau dịch Covid -19 để thu hút đầu tư.", "name"},
    {"Các loại cây: (1) Cây chè: 1.200 ha; (2) Cây quế: 800 ha.", "list_number; 1200 ha; list_number; 800 ha"},
    {"Khen thưởng 52 cá nhân và 18 tập thể.", "52 cá nhân; 18 tập thể"},
    {"Có 42 đại biểu tham dự.", "42 đại biểu"},
    {"Ban hành 181 quyết định xử phạt.", "181 quyết định"},
    {"Hỗ trợ 25 hỗ trợ viên pháp lý.", "25 hỗ"},
    {"Có 3 hồ chứa nước bị xuống cấp.", "3 hồ"},
    {"Xây dựng 12 bãi rác tập trung.", "12 bãi"},
    {"Thành lập 4 đồn biên phòng.", "4 đồn"},
    {"Diện tích tự nhiên 9,526 km² sau sáp nhập.", "9.526 km2"},
    {"Xảy ra 02 ổ dịch ở 3 xã.", "2 ổ; 3 xã"},
    {"Căng treo 71 băng rôn, bằng 90% kế hoạch.", "71 băng; 90 %"},
    {"Đăng ký 116 mã QR thanh toán.", "116 mã"},
    {"Thẩm định 04 dự thảo văn bản.", "4 dự thảo"},
    {"Cấp phát hơn 300 tài liệu tại hội nghị.", "300 tài liệu >"},
    {"Phòng chống dịch COVID- 19 hiệu quả.", "name"},
    {"Số hộ nghèo giảm 1.245 hộ so với đầu năm.", "1245 hộ"},
    {"Tiếp nhận 1.245 hồ sơ so với 1.100 hồ sơ năm trước.", "1245 hồ sơ; 1100 hồ sơ"},
    // "tuyến trên", "cấp dưới" name a level: no qualifier.
    {"Chuyển tuyến trên 12 ca, cấp dưới 3 lượt.", "12 ca; 3 lượt"},
    {"Khám cho trên 12 người.", "12 người >"},
    // OCR "họp" for "hợp": the first word is spelled right, so the longer unit stands.
    {"Ghi nhận 2.417 trường họp mắc sởi.", "2417 trường hợp"},
    {"Gồm 12 HTX, 3 tổ họp tác.", "12 HTX; 3 tổ hợp tác"},
    {"Trong đó học sinh dân tộc thiểu số 97 em.", "97 em"},
    {"Thành lập 152 công ty cổ phần.", "152 công ty"},
};
INSTANTIATE_TEST_SUITE_P(Labels, NumberReadingTest, ::testing::ValuesIn(kLabels));

// Table rows: the row number is a list number; a unit column gives its unit to the figures
// after it.
const ReadCase kTables[] = {
    {"TT\tChỉ tiêu\tĐơn vị\tKế hoạch\tThực hiện\n1\tThu ngân sách trên địa bàn\tTỷ đồng\t260\t201,922\n",
     "list_number; 260 tỷ đồng; 201.922 tỷ đồng"},
    {"TT\tChỉ tiêu\tĐơn vị\tKế hoạch\tThực hiện\n5\tTrồng rừng mới\tHa\t150\t172,86\n",
     "list_number; 150 ha; 172.86 ha"},
    {"TT\tChỉ tiêu\tĐơn vị\tKế hoạch\tThực hiện\n2.1\tTỷ lệ che phủ rừng\t%\t66\t66,2\n",
     "list_number; 66 %; 66.2 %"},
    {"TT\tChỉ tiêu\tĐơn vị\tKế hoạch\tThực hiện\n7\tĐàn trâu, bò\tCon\t1.175\t1.730\n",
     "list_number; 1175 con; 1730 con"},
    {"TT\tChỉ tiêu\tĐơn vị\tKế hoạch\tThực hiện\n3\tNăng suất lúa\tTạ/ha\t52\t53,4\n",
     "list_number; 52 tạ/ha; 53.4 tạ/ha"},
    {"TT\tChỉ tiêu\tĐơn vị\tKế hoạch\tThực hiện\n4\tĐiện thương phẩm\tTriệu kWh\t95\t96,3\n",
     "list_number; 95 triệu kWh; 96.3 triệu kWh"},
    {"TT\tChỉ tiêu\tĐơn vị\tKế hoạch\tThực hiện\n8\tThu hút khách du lịch\tLượt khách\t12.000\t13.500 lượt\n",
     "list_number; 12000 lượt khách; 13500 lượt"},
    // A ratio column ("% so KH", "Tỷ lệ", "So sánh") keeps its figures out of the row's unit.
    {"Chỉ tiêu\tĐVT\tKế hoạch\tThực hiện\t% so KH\nTrồng rừng tập trung\tha\t4.800\t4.915\t102,4\n",
     "4800 ha; 4915 ha; 102.4"},
    {"| Chỉ tiêu | ĐVT | Kế hoạch | Thực hiện | Tỷ lệ |\n|---|---|---|---|---|\n| Giải quyết việc làm | người | 2.400 | 2.186 | 91,1 |\n",
     "2400 người; 2186 người; 91.1"},
};
INSTANTIATE_TEST_SUITE_P(Tables, NumberReadingTest, ::testing::ValuesIn(kTables));

// Phone numbers.
const ReadCase kPhones[] = {
    {"Đường dây nóng 0209.3870.123 luôn hoạt động.", "phone"},
    {"Liên hệ số điện thoại 0912345678.", "phone"},
    {"Điện thoại: 0206 3852 123.", "phone; phone; phone"},
};
INSTANTIATE_TEST_SUITE_P(Phones, NumberReadingTest, ::testing::ValuesIn(kPhones));

// Footnote marks are removed by the text layer, so they never become numbers.
const ReadCase kFootnotes[] = {
    {"Tăng trưởng đạt 8,5%¹ so với cùng kỳ.", "8.5 %"},
    {"Thu ngân sách đạt 120 tỷ đồng².", "120 tỷ đồng"},
};
INSTANTIATE_TEST_SUITE_P(Footnotes, NumberReadingTest, ::testing::ValuesIn(kFootnotes));

}  // namespace
