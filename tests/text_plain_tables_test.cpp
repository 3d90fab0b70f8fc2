// Plain-text tables laid out with spaces -> tab-separated rows (issue 13), and the table blocks the
// loader makes of them.
#include <gtest/gtest.h>

#include "text/load.h"
#include "text/plain_tables.h"

using namespace doisoat;

namespace {

const char* kTable =
    "Báo cáo.\n"
    "\n"
    " STT   Chỉ tiêu                      ĐVT        Kế hoạch    Thực hiện    % so KH\n"
    "                                                năm 2023    6 tháng\n"
    "  1    Giá trị sản xuất nông, lâm    tỷ đồng    44.5        20.1         45.2\n"
    "       nghiệp và thủy sản\n"
    "  2    Thu ngân sách                 tỷ đồng    260.5       130.8        50.2\n"
    "\n"
    "Hết.\n";

TEST(PlainTables, NothingToDoWithoutATable) {
  EXPECT_FALSE(tabulate_plain_tables("Một đoạn văn.\nHai  khoảng  trắng  ở  đây.\n"));
  EXPECT_FALSE(tabulate_plain_tables("Chỉ tiêu  ĐVT  Kế hoạch\nkhông có số liệu nào\n"));
}

TEST(PlainTables, RowsBecomeTabSeparatedWithTheirBytesMapped) {
  std::string_view in = kTable;
  auto t = tabulate_plain_tables(in);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->tables, 1u);
  EXPECT_NE(t->text.find("STT\tChỉ tiêu\tĐVT\tKế hoạch năm 2023\tThực hiện 6 tháng\t% so KH\n"), std::string::npos)
      << t->text;
  EXPECT_NE(t->text.find("1\tGiá trị sản xuất nông, lâm nghiệp và thủy sản\ttỷ đồng\t44.5\t20.1\t45.2\n"), std::string::npos)
      << t->text;
  EXPECT_NE(t->text.find("2\tThu ngân sách\ttỷ đồng\t260.5\t130.8\t50.2\n"), std::string::npos) << t->text;
  EXPECT_EQ(t->text.rfind("Báo cáo.\n\n", 0), 0u);
  EXPECT_EQ(t->text.substr(t->text.size() - std::string_view("\nHết.\n").size()), "\nHết.\n");
  ASSERT_EQ(t->origin.size(), t->text.size() + 1);
  // Every copied byte maps back to the same byte of the input.
  for (size_t k = 0; k < t->text.size(); ++k) {
    if (t->text[k] == '\t' || t->text[k] == '\n' || t->text[k] == ' ') continue;
    ASSERT_EQ(in[t->origin[k]], t->text[k]) << k;
  }
  size_t at = t->text.find("nghiệp");
  EXPECT_EQ(t->origin[at], in.find("nghiệp"));
}

TEST(PlainTables, LinesWithTabsAreLeftToTheTextLayer) {
  EXPECT_FALSE(tabulate_plain_tables("Chỉ tiêu\tĐVT\tKế hoạch\tThực hiện\nThu  ngân sách\ttỷ đồng\t260,5\t130,8\n"));
}

TEST(PlainTables, TheLoaderMakesTableRowsAtTheOriginalPositions) {
  auto doc = load_document("t.txt", kTable);
  ASSERT_TRUE(doc);
  std::vector<const Block*> rows;
  for (const Block& b : doc->blocks)
    if (b.kind == BlockKind::TableRow) rows.push_back(&b);
  ASSERT_EQ(rows.size(), 3u);
  ASSERT_EQ(rows[1]->cells.size(), 6u);
  EXPECT_EQ(rows[1]->cells[1], "Giá trị sản xuất nông, lâm nghiệp và thủy sản");
  EXPECT_EQ(rows[2]->cells[4], "130.8");
  SourcePos p = doc->map.at(rows[2]->cell_spans[4].begin);
  EXPECT_EQ(p.line, 7u);
  std::string_view before = "  2    Thu ngân sách                 tỷ đồng    260.5       ";
  uint32_t cps = 0;
  for (char c : before) cps += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  EXPECT_EQ(p.column, cps + 1);
}

}  // namespace

// What pdftotext -layout makes of a table (issue 13): the header's cells off their columns and
// centred over right-aligned figures, on two lines; figures a column off from row to row; a label
// and its unit wrapped together; a unit one space after its label.
TEST(PlainTables, ConverterLayoutKeepsEachCellInItsColumn) {
  const char* in =
      "    STT           Chỉ tiêu              ĐVT      Kế hoạch     Thực hiện 6      % so KH\n"
      "                                                 năm 2024        tháng\n"
      "1        Diện tích lúa cả năm        ha              6.200          3.150       50,8\n"
      "2        Sản lượng lương thực tấn                   32.000         17.640       55,1\n"
      "3        Trồng rừng tập trung        ha              1.100             655       59,5\n"
      "4        Thu ngân sách nhà nước      triệu          48.000         26.350       54,9\n"
      "         trên địa bàn huyện          đồng\n";
  auto t = tabulate_plain_tables(in);
  ASSERT_TRUE(t);
  EXPECT_NE(t->text.find("STT\tChỉ tiêu\tĐVT\tKế hoạch năm 2024\tThực hiện 6 tháng\t% so KH\n"), std::string::npos) << t->text;
  EXPECT_NE(t->text.find("2\tSản lượng lương thực\ttấn\t32.000\t17.640\t55,1\n"), std::string::npos) << t->text;
  EXPECT_NE(t->text.find("3\tTrồng rừng tập trung\tha\t1.100\t655\t59,5\n"), std::string::npos) << t->text;
  EXPECT_NE(t->text.find("4\tThu ngân sách nhà nước trên địa bàn huyện\ttriệu đồng\t48.000\t26.350\t54,9\n"), std::string::npos)
      << t->text;
}

// Two figures one space apart are two cells ("43,05 +1,85"), a number grouped with a space is one.
TEST(PlainTables, FiguresOneSpaceApartAreTwoCells) {
  auto t = tabulate_plain_tables(
      "Chỉ số                  2022             2023        Tăng/giảm\n"
      "Chỉ số hiệu quả          41,20          43,05 +1,85\n"
      "Chỉ số khác                 37               30 +7\n");
  ASSERT_TRUE(t);
  EXPECT_NE(t->text.find("Chỉ số hiệu quả\t41,20\t43,05\t+1,85\n"), std::string::npos) << t->text;
  EXPECT_NE(t->text.find("Chỉ số khác\t37\t30\t+7\n"), std::string::npos) << t->text;
  auto grouped = tabulate_plain_tables(
      "Chỉ tiêu              ĐVT      Năm 2022      Năm 2023\n"
      "Dân số trung bình     người    12 345        12 410\n"
      "Số hộ                 hộ       3 120         3 164\n");
  // (no table at all: such cells are no figures for the table reader; at least never split)
  if (grouped) {
    EXPECT_EQ(grouped->text.find("\t345"), std::string::npos) << grouped->text;
  }
}
