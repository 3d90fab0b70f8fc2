// The text layer: decoding, NFC, source map, cleaning, reflow, structure, metadata.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "text/decode.h"
#include "text/fold.h"
#include "text/load.h"
#include "text/metadata.h"
#include "text/sha256.h"
#include "text/structure.h"
#include "text/utf8.h"

using namespace doisoat;

namespace {

Document load(const std::string& s, const std::string& name = "t.txt") {
  auto r = load_document(name, s);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message());
  if (!r.ok()) return Document{};
  return std::move(*r);
}

std::string read_file(const std::string& p) {
  auto r = read_input(p);
  EXPECT_TRUE(r.ok()) << p;
  return r.ok() ? *r : std::string();
}

std::string report(const std::string& name) { return std::string(REPORTS_DIR) + "/" + name; }

Document load_report(const std::string& name) { return load(read_file(report(name)), report(name)); }

// Text of the first block containing `needle`, or "".
std::string block_with(const Document& d, const std::string& needle) {
  for (const auto& b : d.blocks) {
    std::string_view t = d.slice(b.span);
    if (t.find(needle) != std::string_view::npos) return std::string(t);
  }
  return {};
}

const Block* find_block(const Document& d, const std::string& needle) {
  for (const auto& b : d.blocks)
    if (d.slice(b.span).find(needle) != std::string_view::npos) return &b;
  return nullptr;
}

// A hard-wrapped page as PDF extraction gives it: ~75 columns, trailing space on wrapped lines.
std::string wrap_pdf(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (const auto& p : paragraphs) {
    std::string line;
    size_t i = 0;
    while (i < p.size()) {
      size_t sp = p.find(' ', i);
      std::string word = p.substr(i, sp == std::string::npos ? std::string::npos : sp - i);
      if (utf8::count_cps(line) + utf8::count_cps(word) > 75 && !line.empty()) {
        out += line + " \n";
        line.clear();
      }
      if (!line.empty()) line += " ";
      line += word;
      if (sp == std::string::npos) break;
      i = sp + 1;
    }
    out += line + "\n\n";
  }
  return out;
}

const std::string kBody =
    "Tổng diện tích cây trồng vụ Đông Xuân năm 2023 là 22.214/23.707 ha đạt 94% kế hoạch, bằng 100% "
    "so với cùng kỳ năm 2022; sản lượng cây lương thực có hạt đạt 86.681 tấn đạt 103% kế hoạch.";

}  // namespace

// ---------------------------------------------------------------- decoding

TEST(TextDecode, Utf8WithAndWithoutBom) {
  Document a = load("Tổng số 4.086 hộ.\n");
  EXPECT_EQ(a.encoding, "UTF-8");
  EXPECT_EQ(a.text, "Tổng số 4.086 hộ.");
  Document b = load("\xEF\xBB\xBFTổng số 4.086 hộ.\n");
  EXPECT_EQ(b.encoding, "UTF-8 BOM");
  EXPECT_EQ(b.text, "Tổng số 4.086 hộ.");
  EXPECT_EQ(b.map.at(0).column, 1u);
}

TEST(TextDecode, Utf16LittleAndBigEndian) {
  std::u16string u = u"Đạt 94% KH.\nTổng 1.234,5 ha";
  std::string le = "\xFF\xFE", be = "\xFE\xFF";
  for (char16_t c : u) {
    le.push_back(static_cast<char>(c & 0xFF));
    le.push_back(static_cast<char>(c >> 8));
    be.push_back(static_cast<char>(c >> 8));
    be.push_back(static_cast<char>(c & 0xFF));
  }
  Document a = load(le), b = load(be);
  EXPECT_EQ(a.encoding, "UTF-16LE");
  EXPECT_EQ(b.encoding, "UTF-16BE");
  EXPECT_EQ(a.text, "Đạt 94% KH.\nTổng 1.234,5 ha");
  EXPECT_EQ(b.text, a.text);
  EXPECT_FALSE(load_document("x", std::string("\xFF\xFE\x41", 3)).ok());  // odd length
}

TEST(TextDecode, Windows1258WithWarningAndNfc) {
  // "Tổng sản lượng đạt 94% kế hoạch" in windows-1258: tone marks are combining characters.
  std::string cp =
      "T\xF4\xD2ng s" "a\xD2n l\xFD\xF5\xF2ng \xF0" "a\xF2t 94% k\xEA\xEC ho" "a\xF2" "ch.\n";
  Document d = load(cp);
  EXPECT_EQ(d.encoding, "windows-1258");
  EXPECT_EQ(d.text, "Tổng sản lượng đạt 94% kế hoạch.");
  ASSERT_FALSE(d.warnings.empty());
  EXPECT_NE(d.warnings[0].find("windows-1258"), std::string::npos);
  // "94" is at column 20 of the original (tone marks count as code points there).
  size_t p = d.text.find("94");
  EXPECT_EQ(d.map.at(p).column, 24u);
}

TEST(TextDecode, BadInputsAreErrorsOrResultsNeverCrashes) {
  auto empty = load_document("e.txt", "");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().path, "e.txt");
  auto binary = load_document("b.bin", std::string("PK\x03\x04\0\0\x01\x02 data", 14));
  ASSERT_FALSE(binary.ok());
  EXPECT_NE(binary.error().reason.find("binary"), std::string::npos);
  // Truncated inside the last character: read, with a warning.
  auto cut = load_document("c.txt", "Tổng số 4.086 h\xE1\xBB");
  ASSERT_TRUE(cut.ok());
  EXPECT_EQ(cut->text, "Tổng số 4.086 h");
  EXPECT_FALSE(cut->warnings.empty());
  // Damaged UTF-8 in the middle of Vietnamese text is not a legacy code page.
  std::string damaged = "Tổng diện tích đạt 22.214 ha, tăng 5,2% so với cùng kỳ; \xC3\x28 đạt 94% kế hoạch.";
  EXPECT_FALSE(load_document("d.txt", damaged).ok());
  // Bytes that are neither UTF-8 nor Vietnamese in windows-1258.
  std::string junk;
  for (int i = 0; i < 400; ++i) junk.push_back(static_cast<char>(0x80 + (i * 37) % 0x7F));
  EXPECT_FALSE(load_document("j.txt", junk).ok());
  // Only white space: a result without blocks.
  auto blank = load_document("w.txt", " \n\t\n");
  ASSERT_TRUE(blank.ok());
  EXPECT_TRUE(blank->blocks.empty());
}

TEST(TextDecode, FiftyMegabyteSingleLine) {
  std::string big;
  const std::string unit = "Tổng số 1.234,5 ha đạt 94% KH, tăng 3,06 điểm phần trăm; ";
  big.reserve(50u << 20);
  while (big.size() < (50u << 20)) big += unit;
  // Speed is measured by bench/ (never by a timed test); this one must finish and be correct.
  auto r = load_document("big.txt", big);
  ASSERT_TRUE(r.ok());
  const Document& d = *r;
  EXPECT_EQ(d.blocks.size(), 1u);
  // Positions near the end of the one line are computed without scanning the line.
  size_t last = d.text.size() - 1;
  SourcePos p = d.map.at(last);
  EXPECT_EQ(p.line, 1u);
  EXPECT_EQ(p.column, utf8::count_cps(std::string_view(d.original).substr(0, d.map.origin(last))) + 1);
  for (size_t k : {size_t{1}, size_t{12345}, d.text.size() / 2, size_t{3}}) {
    size_t at = k == 3 ? 3 : last - k;
    EXPECT_EQ(d.map.at(at).column, utf8::count_cps(std::string_view(d.original).substr(0, d.map.origin(at))) + 1);
  }
}

// ---------------------------------------------------------------- NFC and source map

TEST(TextNfc, CombiningMarksAreComposedAndMapped) {
  // "Tổng" written with o + U+0302 + U+0309, then a figure.
  Document d = load("To\xCC\x82\xCC\x89ng 1.234,5 ha\n");
  EXPECT_EQ(d.text, "Tổng 1.234,5 ha");
  size_t p = d.text.find("1.234,5");
  SourcePos pos = d.map.at(p);
  EXPECT_EQ(pos.line, 1u);
  EXPECT_EQ(pos.column, 8u);  // T o ̂ ̉ n g space -> the figure is the 8th code point
  // The composed letter maps to where its base letter was.
  EXPECT_EQ(d.map.at(1).column, 2u);
  EXPECT_EQ(d.map.end_at(p + 7).column, 15u);
}

TEST(TextNfc, NeverNfkcFootnoteMarksStayApart) {
  Document d = load("Đoạn văn có chú thích⁸.\n\n⁸02 hộ dân bị thiệt hại.\n");
  EXPECT_EQ(block_with(d, "hộ dân"), "02 hộ dân bị thiệt hại.");
  EXPECT_EQ(d.text.find("802"), std::string::npos);
}

TEST(TextSourceMap, RoundTripOnEveryReport) {
  for (const auto& entry : std::filesystem::directory_iterator(REPORTS_DIR)) {
    if (entry.path().extension() != ".txt") continue;
    Document d = load(read_file(entry.path().string()), entry.path().string());
    ASSERT_EQ(d.map.size(), d.text.size()) << entry.path();
    size_t kept = 0;
    for (size_t i = 0; i < d.text.size();) {
      int len = 0;
      char32_t c = utf8::decode(d.text, i, len);
      uint32_t o = d.map.origin(i);
      ASSERT_LT(o, d.original.size()) << entry.path() << " @" << i;
      int olen = 0;
      char32_t oc = utf8::decode(d.original, o, olen);
      bool separator = c == ' ' || c == '\n' || c == '|' || c == '-' || oc == '\\';
      if (!separator) {
        ASSERT_EQ(static_cast<uint32_t>(c), static_cast<uint32_t>(oc))
            << entry.path() << " clean offset " << i << " line " << d.map.at(i).line;
        ++kept;
      }
      SourcePos pos = d.map.at(i);
      ASSERT_GE(pos.line, 1u);
      ASSERT_GE(pos.column, 1u);
      // The original line at that position holds the character.
      std::string_view line = d.map.original_line(pos.line);
      if (!separator) {
        ASSERT_NE(line.find(d.text.substr(i, static_cast<size_t>(len))), std::string_view::npos);
      }
      i += static_cast<size_t>(len);
    }
    EXPECT_GT(kept, d.text.size() / 2);
    // Clean offsets are monotonic inside every block line.
    EXPECT_FALSE(d.sha256.empty());
  }
}

// ---------------------------------------------------------------- cleaning

TEST(TextClean, MarkdownEmphasisAndHeadings) {
  Document d = load("### **3.1. Phát triển công nghiệp**\n\n**Tổng** diện tích *đạt* 22.214/23.707 ha, đạt 94% KH.\n");
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::Heading);
  EXPECT_EQ(d.blocks[0].number, "3.1.");
  EXPECT_EQ(d.slice(d.blocks[0].span), "3.1. Phát triển công nghiệp");
  EXPECT_EQ(d.blocks[0].level, 1);
  EXPECT_EQ(d.slice(d.blocks[1].span), "Tổng diện tích đạt 22.214/23.707 ha, đạt 94% KH.");
  EXPECT_EQ(d.map.at(d.text.find("22.214")).column, 26u);
}

TEST(TextClean, SupUnitsAndFootnotes) {
  Document d = load(
      "Khai thác 175.666/310.000 m<sup>3</sup> gỗ, diện tích 12 km<sup>2</sup>, hiệu quả<sup>1</sup>. "
      "Nhiệt độ 25 <sup>o</sup>C, CO<sub>2</sub> giảm 3%.\n\n<sup>1</sup> Dư nợ 3.260 tỷ đồng.\n");
  EXPECT_EQ(block_with(d, "Khai"),
            "Khai thác 175.666/310.000 m3 gỗ, diện tích 12 km2, hiệu quả. Nhiệt độ 25 oC, CO2 giảm 3%.");
  ASSERT_EQ(d.footnote_refs.size(), 1u);
  EXPECT_EQ(d.footnote_refs[0].id, "1");
  EXPECT_EQ(d.text.substr(d.footnote_refs[0].offset - 5, 5), "quả");
  const Block* fn = find_block(d, "Dư nợ");
  ASSERT_NE(fn, nullptr);
  EXPECT_EQ(fn->kind, BlockKind::Footnote);
  EXPECT_EQ(fn->number, "1");
  EXPECT_EQ(d.slice(fn->span), "Dư nợ 3.260 tỷ đồng.");
}

TEST(TextClean, SuperscriptMarksGluedToWordsAndNumbers) {
  Document d = load(
      "Xử lý nghiêm vi phạm¹. Phong trào năm 2023¹⁶, có 14.058,8m² đất ở và 2.921m³ gỗ; cùng kỳ⁶ tăng 5%.\n\n"
      "¹ Kiểm tra 03 đợt.\n\n¹⁶Có 10.730/10.688 gia đình.\n\n⁶ Bằng 96,63%.\n");
  EXPECT_EQ(block_with(d, "Xử lý"),
            "Xử lý nghiêm vi phạm. Phong trào năm 2023, có 14.058,8m² đất ở và 2.921m³ gỗ; cùng kỳ tăng 5%.");
  ASSERT_EQ(d.footnote_refs.size(), 3u);
  EXPECT_EQ(d.footnote_refs[1].id, "16");
  const Block* f16 = find_block(d, "10.730");
  ASSERT_NE(f16, nullptr);
  EXPECT_EQ(f16->kind, BlockKind::Footnote);
  EXPECT_EQ(f16->number, "16");
  EXPECT_EQ(d.slice(f16->span), "Có 10.730/10.688 gia đình.");
}

TEST(TextClean, ConverterArtifactsSpacesAndTabs) {
  Document d = load(
      "[bookmark: _Hlk161906871]Tổng số\u00a0có 4.086\u2009hộ,  tăng\t200 hộ; trẻ < 5 tuổi \\geq 95%.\n\n"
      "STT\tChỉ tiêu\tĐơn vị tính\tKế hoạch 2023\tThực hiện 2023\n"
      "2\tThu ngân sách\tTỷ đồng\t260\t201,922\n");
  EXPECT_EQ(block_with(d, "Tổng"), "Tổng số có 4.086 hộ, tăng 200 hộ; trẻ < 5 tuổi ≥ 95%.");
  const Block* row = find_block(d, "Thu ngân sách");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->kind, BlockKind::TableRow);
  ASSERT_EQ(row->cells.size(), 5u);
  EXPECT_EQ(row->cells[3], "260");
  EXPECT_EQ(row->cells[4], "201,922");
  EXPECT_EQ(d.slice(row->cell_spans[4]), "201,922");
}

TEST(TextClean, BracketFootnoteReferencesOfPlainTextConverters) {
  Document d = load(
      "Toàn huyện có 64 trường[1], trong đó 22 trường mầm non; tỷ lệ đạt chuẩn 81,3%[2]. Mục [3] và [ 4 ] ở lại.\n\n"
      "[1] Không kể 2 trường tư thục.\n[2] Theo Quyết định số 45/QĐ-UBND.\n[5] Không được dẫn.\n");
  EXPECT_EQ(block_with(d, "Toàn huyện"),
            "Toàn huyện có 64 trường, trong đó 22 trường mầm non; tỷ lệ đạt chuẩn 81,3%. Mục [3] và [ 4 ] ở lại.");
  ASSERT_EQ(d.footnote_refs.size(), 2u);
  EXPECT_EQ(d.footnote_refs[1].id, "2");
  const Block* f1 = find_block(d, "tư thục");
  ASSERT_NE(f1, nullptr);
  EXPECT_EQ(f1->kind, BlockKind::Footnote);
  EXPECT_EQ(f1->number, "1");
  const Block* f5 = find_block(d, "Không được dẫn");  // never cited: no footnote
  ASSERT_NE(f5, nullptr);
  EXPECT_NE(f5->kind, BlockKind::Footnote);
}

TEST(TextClean, SentenceGoesOnAcrossFormFeedAndPageHeader) {
  Document d = load(
      "Tổng đàn gia súc 12.450 con, gồm trâu 3.120 con, bò\n\f\n"
      "Báo cáo tình hình kinh tế - xã hội năm 2024                                4\n"
      "4.210 con, lợn 5.120 con.\n\f- 5 -\nChi ngân sách địa phương 1.120,4 tỷ đồng.\n");
  EXPECT_EQ(block_with(d, "Tổng đàn"), "Tổng đàn gia súc 12.450 con, gồm trâu 3.120 con, bò 4.210 con, lợn 5.120 con.");
  EXPECT_EQ(find_block(d, "Báo cáo tình hình"), nullptr);
  EXPECT_EQ(find_block(d, "- 5 -"), nullptr);
  EXPECT_EQ(block_with(d, "Chi ngân"), "Chi ngân sách địa phương 1.120,4 tỷ đồng.");
}

TEST(TextClean, ParagraphResumesAfterFootnotesAtPageBreak) {
  Document d = load(
      "Giới thiệu quảng bá các sản phẩm OCOP và\n\n¹Kiểm tra 03 đợt với 83 cơ sở.\n\n"
      "nông sản tiềm năng với tổng doanh thu hơn 157 triệu đồng.\n");
  EXPECT_EQ(block_with(d, "OCOP"),
            "Giới thiệu quảng bá các sản phẩm OCOP và nông sản tiềm năng với tổng doanh thu hơn 157 triệu đồng.");
  const Block* fn = find_block(d, "83 cơ sở");
  ASSERT_NE(fn, nullptr);
  EXPECT_EQ(fn->kind, BlockKind::Footnote);
  // The joined paragraph comes before the footnote in the clean text.
  EXPECT_LT(d.text.find("157"), d.text.find("83 cơ sở"));
}

TEST(TextClean, PdfReflowGluedFootnotesWithoutEatingNumbers) {
  std::vector<std::string> paras = {
      "BÁO CÁO",
      kBody,
      "Lũy kế thanh toán vốn từ đầu năm đến 31/5/2023 đạt 659,970/4.463,323 tỷ đồng, bằng 14,8% KH1. "
      "Các chợ đã triển khai mô hình chợ 4.0 thanh toán không dùng tiền mặt trong đại dịch COVID-19, "
      "chỉ số UV2+ và khai thác 63.961 m3 cát, chủng H5N1 được kiểm soát trước2.",
      kBody,
      "1 Theo báo cáo của Bộ Tài chính, tỷ lệ giải ngân cả nước ước đạt 22,2% KH.",
      "2 Gồm 07 mô hình.",
      kBody,
  };
  std::string text = wrap_pdf(paras);
  Document d = load(text);
  EXPECT_TRUE(d.reflowed);
  std::string p = block_with(d, "Lũy kế");
  EXPECT_NE(p.find("bằng 14,8% KH. Các chợ"), std::string::npos) << p;
  for (const char* keep : {"chợ 4.0 thanh", "COVID-19,", "UV2+", "63.961 m3 cát", "H5N1", "trước."})
    EXPECT_NE(p.find(keep), std::string::npos) << keep << " in " << p;
  EXPECT_EQ(d.footnote_refs.size(), 2u);
  const Block* f1 = find_block(d, "Bộ Tài chính");
  ASSERT_NE(f1, nullptr);
  EXPECT_EQ(f1->kind, BlockKind::Footnote);
  EXPECT_EQ(f1->number, "1");
  // Each wrapped paragraph is one block with its whole sentences.
  EXPECT_EQ(block_with(d, "Tổng diện tích"), kBody);
}

// ---------------------------------------------------------------- the PDF-extracted report

TEST(TextReports, PdfParagraphsAreWholeSentences) {
  Document d = load_report("cao-bang-tinh-6thang-2023-part1.txt");
  EXPECT_TRUE(d.reflowed);
  // Phrases that the file splits over two lines (or over a page of footnotes).
  for (const char* phrase : {
           "tăng trưởng thấp đi kèm với rủi ro suy thoái tại nhiều nước",
           "giảm 3,06 điểm phần trăm so với cùng kỳ năm trước (6 tháng đầu năm 2022 tốc độ tăng trưởng đạt 6,35%).",
           "Thanh toán vốn kế hoạch năm là: 403,819/ 2.831,169 tỷ đồng, bằng 14,3% KH.",
           "Ke hoạch thực hiện Chương trình mỗi xã một sản phẩm (OCOP) năm 2023",
           "tình trạng hạn hán nghiêm trọng so với các năm trước",
           "Hướng dẫn xây dựng xóm đạt chuẩn NTM / NTM kiểu mẫu. Triển khai công tác truyền thông",
           "Diện tích rừng giảm 41,552 ha",
       }) {
    const Block* b = find_block(d, phrase);
    ASSERT_NE(b, nullptr) << phrase;
    EXPECT_EQ(b->kind, BlockKind::Paragraph) << phrase;
  }
  // Footnote text is its own block, not part of the sentence it interrupted.
  const Block* f1 = find_block(d, "Theo báo cáo của Bộ Tài chính");
  ASSERT_NE(f1, nullptr);
  EXPECT_EQ(f1->kind, BlockKind::Footnote);
  EXPECT_EQ(f1->number, "1");
  EXPECT_NE(d.slice(f1->span).find("ước đạt 22,2% KH."), std::string_view::npos);
  EXPECT_EQ(block_with(d, "mỗi xã một sản phẩm (OCOP) năm 2023 trên địa bàn").find("Bộ Tài chính"), std::string::npos);
  int footnotes = 0;
  for (const auto& b : d.blocks) footnotes += b.kind == BlockKind::Footnote;
  EXPECT_GE(footnotes, 28);
  EXPECT_GE(d.footnote_refs.size(), 25u);
  // Sections: "1.1." under "1." under "I."
  const Block* h = find_block(d, "1.1. Tổng sản phẩm");
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->kind, BlockKind::Heading);
  const Section& s = d.sections[static_cast<size_t>(h->section)];
  ASSERT_GE(s.parent, 0);
  EXPECT_EQ(d.sections[static_cast<size_t>(s.parent)].number, "1.");
}

TEST(TextReports, Metadata) {
  struct Expect {
    const char* file;
    const char* region;
    const char* level;
    const char* key;
  };
  for (const Expect& e : {Expect{"bac-kan-tinh-6thang-2023.txt", "tỉnh Bắc Kạn", "tỉnh", "2023-H1"},
                          Expect{"bac-kan-thanhpho-nam-2023.txt", "thành phố Bắc Kạn", "thành phố", "2023"},
                          Expect{"cao-bang-tinh-6thang-2023-part1.txt", "tỉnh Cao Bằng", "tỉnh", "2023-H1"},
                          Expect{"cho-don-huyen-nam-2023.txt", "huyện Chợ Đồn", "huyện", "2023"}}) {
    Document d = load_report(e.file);
    EXPECT_EQ(d.region, e.region) << e.file;
    EXPECT_EQ(d.region_level, e.level) << e.file;
    EXPECT_EQ(d.period_key, e.key) << e.file;
    EXPECT_FALSE(d.period.empty()) << e.file;
    EXPECT_FALSE(d.sections.empty()) << e.file;
    EXPECT_EQ(d.sha256.size(), 64u);
  }
}

TEST(TextReports, MarkdownReportsStructure) {
  Document d = load_report("bac-kan-tinh-6thang-2023.txt");
  const Block* b = find_block(d, "175.666/310.00 m3 gỗ");
  ASSERT_NE(b, nullptr);
  EXPECT_NE(block_with(d, "tỉnh triển khai các biện pháp phòng, chống dịch bệnh động vật"), "");
  Document t = load_report("bac-kan-thanhpho-nam-2023.txt");
  EXPECT_NE(block_with(t, "các sản phẩm OCOP và nông sản tiềm năng"), "");
  const Block* f8 = find_block(t, "02 hộ dân bị thiệt hại do cá ao");
  ASSERT_NE(f8, nullptr);
  EXPECT_EQ(f8->kind, BlockKind::Footnote);
  EXPECT_EQ(f8->number, "8");
  EXPECT_NE(block_with(t, "14.058,8m² đất ở"), "");
  EXPECT_NE(block_with(t, "mô hình chợ 4.0 thanh toán"), "");
}

// ---------------------------------------------------------------- sentences, periods, fold

TEST(TextSentences, VietnameseExceptions) {
  std::string t = "Tại TP. Bắc Kạn doanh thu đạt 1.234,5 tỷ đồng, mô hình chợ 4.0 được ThS. Nguyễn Văn A "
                  "giới thiệu, như sách, vở v.v. Tổng số 12 hộ! Còn lại 3 hộ.";
  auto spans = sentence_spans(t, 0, static_cast<uint32_t>(t.size()));
  ASSERT_EQ(spans.size(), 3u);
  std::string first = t.substr(spans[0].begin, spans[0].size());
  EXPECT_EQ(first.substr(first.size() - 4), "v.v.");
  EXPECT_EQ(t.substr(spans[1].begin, spans[1].size()), "Tổng số 12 hộ!");
  Document d = load("Đạt 94% KH. Tăng 5,2%.\nGiảm 3,1%.\n");
  ASSERT_EQ(d.sentences.size(), 3u);
  EXPECT_EQ(d.sentences[2].block, 1u);
}

TEST(TextMetadata, PeriodKeys) {
  EXPECT_EQ(parse_period("6 tháng đầu năm 2023").key, "2023-H1");
  EXPECT_EQ(parse_period("6 tháng cuối năm 2023").key, "2023-H2");
  EXPECT_EQ(parse_period("năm 2023").key, "2023");
  EXPECT_EQ(parse_period("quý I/2024").key, "2024-Q1");
  EXPECT_EQ(parse_period("Quý III năm 2024").key, "2024-Q3");
  EXPECT_EQ(parse_period("9 tháng năm 2023").key, "2023-9M");
  EXPECT_EQ(parse_period("tháng 6/2023").key, "2023-06");
  EXPECT_EQ(parse_period("Tháng 12 năm 2022").key, "2022-12");
  EXPECT_EQ(parse_period("tình hình 6 tháng đầu năm; nhiệm vụ 2023").key, "2023-H1");
  EXPECT_EQ(parse_period("không có kỳ").key, "");
  // The months up to a month are the cumulative period; the month alone is the month; a month
  // named with no year takes the year it is given.
  EXPECT_EQ(parse_period("Tính đến hết tháng 5/2025").key, "2025-5M");
  EXPECT_EQ(parse_period("lũy kế đến tháng 8", 2024).key, "2024-8M");
  EXPECT_EQ(parse_period("từ đầu năm đến tháng 6/2023").key, "2023-H1");
  EXPECT_EQ(parse_period("Trong tháng 5", 2025).key, "2025-05");
  EXPECT_EQ(parse_period("Trong tháng 5").key, "");
  EXPECT_EQ(parse_period("Từ tháng 9-10/2023").key, "");
  EXPECT_EQ(parse_period("Tính đến hết tháng 5, toàn tỉnh", 2025).key, "2025-5M");
  Document d = load("BÁO CÁO\n\nKết quả quý I/2024 trên địa bàn huyện Ba Bể\n\nKính gửi: UBND huyện Ba Bể\n");
  EXPECT_EQ(d.period_key, "2024-Q1");
  EXPECT_EQ(d.region, "huyện Ba Bể");
  auto over = load_document("x", "Năm 2023 tỉnh Lạng Sơn.\n", LoadOptions{"tỉnh Cao Bằng", "9 tháng năm 2024"});
  ASSERT_TRUE(over.ok());
  EXPECT_EQ(over->region, "tỉnh Cao Bằng");
  EXPECT_EQ(over->region_level, "tỉnh");
  EXPECT_EQ(over->period_key, "2024-9M");
}

TEST(TextMetadata, RegionWordMustBeTheLevelWordNotItsToneless) {
  // "TÌNH HÌNH" folds like "tỉnh": it is no region; a statistics office issues the report; a
  // capitalised title names the same region as the text.
  Document d = load("CỤC THỐNG KÊ TỈNH QUẢNG TRỊ\n\nTÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 9 NĂM 2024\n\n"
                    "Tình hình sản xuất nông nghiệp của tỉnh Quảng Trị ổn định.\n");
  EXPECT_EQ(d.region, "tỉnh Quảng Trị");
  EXPECT_EQ(d.region_level, "tỉnh");
}

TEST(TextMetadata, CommuneIssuerAndDistrictNamingItsCommunes) {
  Document x = load("UBND XÃ TÂN LẬP\n\nBÁO CÁO\n\nKết quả năm 2024\n\nXã Tân Lập có 1.245 hộ; xã Tân Lập đạt chuẩn nông thôn mới.\n");
  EXPECT_EQ(x.region, "xã Tân Lập");
  // A district's report names its communes more often than itself: still the district.
  Document h = load("BÁO CÁO\n\nTình hình kinh tế - xã hội năm 2024 của huyện Yên Lập\n\n"
                    "Xã Mỹ Lung đạt 19 tiêu chí; xã Mỹ Lung về đích; xã Mỹ Lương đạt 17 tiêu chí; xã Mỹ Lung có 3 thôn.\n");
  EXPECT_EQ(h.region, "huyện Yên Lập");
}

TEST(TextMetadata, OneLineMarkdownTitleNamesThePeriod) {
  // The period is in the "BÁO CÁO" line itself, behind a Markdown heading mark; the text names the
  // year before more often ("so với năm 2023").
  Document d = load("# BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024 CỦA UBND HUYỆN YÊN LẬP\n\n"
                    "Sản lượng tăng 2,8% so với năm 2023. Số hộ nghèo giảm so với cuối năm 2023.\n");
  EXPECT_EQ(d.period_key, "2024");
}

TEST(TextMetadata, TheOpeningLinesOfAnArticleNameItsPeriod) {
  // No title. The second paragraph opens "Báo cáo … cho thấy": that is text, and the paragraph
  // before it stays among the opening lines; the later year it names is the next half's target.
  const Document report_paragraph =
      load("Sáng 10/7, Sở Tài chính tổ chức hội nghị sơ kết công tác 6 tháng đầu năm, triển khai nhiệm vụ "
           "6 tháng cuối năm 2025.\n\n"
           "Báo cáo của Sở cho thấy thu ngân sách đạt 1.200 tỷ đồng, tăng 8% so với cùng kỳ năm 2024; "
           "chi ngân sách đạt 900 tỷ đồng, bằng 45% dự toán, thấp hơn nhiều so với mức của năm 2024 "
           "và của các năm trước đó, khi tiến độ giải ngân vốn còn chậm.\n\n"
           "Năm 2024, thu ngân sách đạt 2.100 tỷ đồng.\n");
  EXPECT_EQ(report_paragraph.period_key, "2025-H1");
  // "nhiệm vụ năm 2025", "kịch bản tăng trưởng năm 2025" are targets; the period the opening
  // lines report on is the two months.
  const Document targets = load("Chiều 5/3, UBND thành phố họp bàn kịch bản tăng trưởng năm 2025 và nhiệm vụ năm 2025.\n\n"
                                "Trong 2 tháng đầu năm 2025, thu ngân sách của thành phố đạt 3.400 tỷ đồng.\n");
  EXPECT_EQ(targets.period_key, "2025-2M");
}

TEST(TextMetadata, RegionNameStopsAtTheNextSentencesFirstWord) {
  // The title's line and the next are one paragraph: "Mường Tè Toàn" is no name.
  Document d = load("BÁO CÁO tình hình thực hiện nhiệm vụ năm 2023 của UBND huyện Mường Tè\n"
                    "Toàn huyện có 58 trường học.\n");
  EXPECT_EQ(d.region, "huyện Mường Tè");
}

TEST(TextFold, DiacriticAndCaseInsensitive) {
  EXPECT_EQ(fold("Kế hoạch"), "ke hoach");
  EXPECT_EQ(fold("ĐẠT 94% KH"), "dat 94% kh");
  EXPECT_TRUE(folded_equal("Ke hoạch", "kế hoạch"));
  EXPECT_TRUE(folded_equal("kỉnh tế", "kinh tế"));
  EXPECT_EQ(fold("To\xCC\x82\xCC\x89ng"), "tong");  // combining marks dropped
  EXPECT_EQ(fold("Ωμέγα"), "ωμεγα");              // ICU fallback
  FoldedText ft("Thực hiện Ke hoạch năm 2023, đạt 94% KẾ HOẠCH.");
  size_t p = ft.find_word("kế hoạch");
  ASSERT_NE(p, std::string::npos);
  auto [b, e] = ft.original_range(p, fold("kế hoạch").size());
  EXPECT_EQ(std::string("Thực hiện Ke hoạch năm 2023, đạt 94% KẾ HOẠCH.").substr(b, e - b), "Ke hoạch");
  size_t p2 = ft.find_word("ke hoach", p + 1);
  ASSERT_NE(p2, std::string::npos);
  EXPECT_EQ(ft.find_word("hoa"), std::string::npos);
}

// SHA-256 comes from libcrypto: the FIPS 180-4 test vectors, and a digest over many blocks.
TEST(TextMisc, Sha256FromLibcrypto) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(TextMisc, Sha256AndReportDiscovery) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex(std::string(64, 'a')).substr(0, 8), "ffe054fe");
  auto dir = std::filesystem::temp_directory_path() / "doisoat_text_find";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "sub");
  for (const char* f : {"b.md", "a.txt", "README.md", "index.json", "sub/c.txt", "x.pdf"}) std::ofstream(dir / f) << "x";
  auto r = find_report_files(dir.string());
  ASSERT_TRUE(r.ok());
  std::vector<std::string> names;
  for (const auto& p : *r) names.push_back(std::filesystem::path(p).lexically_relative(dir).generic_string());
  EXPECT_EQ(names, (std::vector<std::string>{"a.txt", "b.md", "sub/c.txt", "x.pdf"}));  // .docx and .pdf are read too
  EXPECT_FALSE(find_report_files((dir / "missing").string()).ok());
  std::filesystem::remove_all(dir);
}
