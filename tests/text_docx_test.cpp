// .docx read directly (src/text/docx.*): paragraphs, tables, footnotes, superscript units,
// locations (line = paragraph), and bad files as errors.
#include <gtest/gtest.h>

#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "engine/engine.h"
#include "text/docx.h"
#include "text/load.h"

using namespace doisoat;
namespace fs = std::filesystem;

namespace {

using Parts = std::vector<std::pair<std::string, std::string>>;

fs::path temp_dir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  fs::path d = fs::temp_directory_path() / ("doisoat-docx-" + std::to_string(::getpid()) + "-" + info->name());
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A zip written with libzip, as Word writes a .docx (deflated parts).
std::string make_zip(const fs::path& file, const Parts& parts) {
  int err = 0;
  zip_t* za = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  EXPECT_NE(za, nullptr) << "zip_open " << err;
  if (!za) return {};
  for (const auto& [name, data] : parts) {
    zip_source_t* src = zip_source_buffer(za, data.data(), data.size(), 0);
    EXPECT_NE(src, nullptr);
    zip_int64_t idx = zip_file_add(za, name.c_str(), src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
    EXPECT_GE(idx, 0) << zip_strerror(za);
    if (idx < 0) zip_source_free(src);
  }
  EXPECT_EQ(zip_close(za), 0);
  return slurp(file);
}

const char* kW = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::string content_types() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Override PartName=\"/word/document.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
         "<Override PartName=\"/word/footnotes.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml\"/>"
         "</Types>";
}

std::string p(const std::string& runs) { return "<w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr>" + runs + "</w:p>"; }
std::string r(const std::string& text) { return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>"; }
std::string sup(const std::string& text) {
  return "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>" + text + "</w:t></w:r>";
}
std::string fnref(const std::string& id) {
  return "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/><w:vertAlign w:val=\"superscript\"/></w:rPr>"
         "<w:footnoteReference w:id=\"" + id + "\"/></w:r>";
}
std::string tc(const std::string& text) { return "<w:tc><w:tcPr><w:tcW w:w=\"2000\"/></w:tcPr>" + p(r(text)) + "</w:tc>"; }

// The body of a small district report; its lines once read: 1 title, 2 subtitle, 3 heading, 4 the
// ratio sentence citing footnote 1, 5 the footnote, 6 timber in m³, 7-8 a paragraph with a line
// break, 9-11 a table, 12 the closing paragraph.
std::string document_xml() {
  std::string body;
  body += p(r("BÁO CÁO"));
  body += p(r("Tình hình kinh tế - xã hội 6 tháng đầu năm 2024 huyện Na Hang"));
  body += p(r("1. Sản xuất nông nghiệp"));
  body += p(r("Diện tích gieo trồng lúa vụ Xuân đạt 12.345/13.000 ha, đạt 95% KH") + fnref("2") +
            r("; năng suất bình quân ước đạt 52,5 tạ/ha."));
  body += p(r("Khai thác gỗ rừng trồng được 1.250 m") + sup("3") + r(", bằng 104% so với cùng kỳ."));
  body += p(r("Tổng đàn trâu có 8.420 con.") + "<w:r><w:br/></w:r>" + r("Tổng đàn bò có 3.115 con."));
  body += "<w:tbl><w:tblPr><w:tblW w:w=\"6000\"/></w:tblPr>";
  body += "<w:tr>" + tc("Chỉ tiêu") + tc("Đơn vị") + tc("Thực hiện") + "</w:tr>";
  body += "<w:tr>" + tc("Diện tích lúa") + tc("ha") + tc("12.345") + "</w:tr>";
  body += "<w:tr>" + tc("Sản lượng lương thực") + tc("tấn") + tc("64.812") + "</w:tr>";
  body += "</w:tbl>";
  body += p(r("Trên đây là báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm 2024."));
  body += "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr>";
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document ") + kW +
         "><w:body>" + body + "</w:body></w:document>";
}

// Word's own separators (ids -1 and 0) and one footnote whose w:id (2) is not its number (1).
std::string footnotes_xml() {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:footnotes ") + kW + ">" +
         "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
         "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p>"
         "</w:footnote>"
         "<w:footnote w:id=\"2\"><w:p><w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:footnoteRef/></w:r>" +
         r(" Số liệu ước tính đến ngày 15/6/2024 của Phòng Nông nghiệp.") + "</w:p></w:footnote></w:footnotes>";
}

std::string make_docx(const fs::path& file) {
  return make_zip(file, {{"[Content_Types].xml", content_types()},
                         {"word/document.xml", document_xml()},
                         {"word/footnotes.xml", footnotes_xml()}});
}

const Block* find_block(const Document& d, const std::string& needle) {
  for (const auto& b : d.blocks)
    if (d.slice(b.span).find(needle) != std::string_view::npos) return &b;
  return nullptr;
}

}  // namespace

TEST(TextDocx, SignatureSniffing) {
  fs::path dir = temp_dir();
  std::string bytes = make_docx(dir / "r.docx");
  EXPECT_TRUE(looks_like_zip(bytes));
  EXPECT_TRUE(looks_like_docx(bytes));
  EXPECT_FALSE(looks_like_docx("Diện tích đạt 12.345 ha."));
  fs::remove_all(dir);
}

TEST(TextDocx, ParagraphsTablesFootnotesAndUnits) {
  fs::path dir = temp_dir();
  std::string bytes = make_docx(dir / "r.docx");
  // Any name: the content decides (a .docx saved as .bin is still a .docx).
  auto loaded = load_document("bao-cao.bin", bytes);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message();
  const Document& d = *loaded;
  EXPECT_EQ(d.encoding, "docx");
  EXPECT_EQ(d.path, "bao-cao.bin");
  EXPECT_EQ(d.sha256.size(), 64u);

  // The produced text: one line per paragraph, the footnote after the paragraph citing it.
  std::vector<std::string> lines;
  {
    std::istringstream in(d.original);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
  }
  ASSERT_EQ(lines.size(), 12u) << d.original;
  EXPECT_EQ(lines[3], "Diện tích gieo trồng lúa vụ Xuân đạt 12.345/13.000 ha, đạt 95% KH¹; năng suất bình quân ước đạt 52,5 tạ/ha.");
  EXPECT_EQ(lines[4], "¹ Số liệu ước tính đến ngày 15/6/2024 của Phòng Nông nghiệp.");
  EXPECT_EQ(lines[5], "Khai thác gỗ rừng trồng được 1.250 m³, bằng 104% so với cùng kỳ.");
  EXPECT_EQ(lines[6], "Tổng đàn trâu có 8.420 con.");
  EXPECT_EQ(lines[7], "Tổng đàn bò có 3.115 con.");
  EXPECT_EQ(lines[8], "Chỉ tiêu\tĐơn vị\tThực hiện");

  // Paragraphs stay apart: the subtitle (no final stop) is not joined to the heading after it.
  const Block* sub = find_block(d, "Tình hình kinh tế");
  ASSERT_NE(sub, nullptr);
  EXPECT_EQ(d.slice(sub->span), "Tình hình kinh tế - xã hội 6 tháng đầu năm 2024 huyện Na Hang");
  const Block* heading = find_block(d, "Sản xuất nông nghiệp");
  ASSERT_NE(heading, nullptr);
  EXPECT_EQ(heading->kind, BlockKind::Heading);

  // The footnote mark leaves the running text and is recorded; its text is a Footnote block.
  const Block* rice = find_block(d, "Diện tích gieo trồng lúa");
  ASSERT_NE(rice, nullptr);
  EXPECT_EQ(rice->kind, BlockKind::Paragraph);
  EXPECT_EQ(d.slice(rice->span),
            "Diện tích gieo trồng lúa vụ Xuân đạt 12.345/13.000 ha, đạt 95% KH; năng suất bình quân ước đạt 52,5 tạ/ha.");
  ASSERT_EQ(d.footnote_refs.size(), 1u);
  EXPECT_EQ(d.footnote_refs[0].id, "1");
  EXPECT_EQ(d.text.substr(d.footnote_refs[0].offset, 1), ";");
  const Block* fn = find_block(d, "Số liệu ước tính");
  ASSERT_NE(fn, nullptr);
  EXPECT_EQ(fn->kind, BlockKind::Footnote);
  EXPECT_EQ(fn->number, "1");
  EXPECT_EQ(d.slice(fn->span), "Số liệu ước tính đến ngày 15/6/2024 của Phòng Nông nghiệp.");

  // m³ is a unit, not a footnote mark.
  EXPECT_NE(d.text.find("1.250 m³"), std::string::npos);

  // Table rows with their cells.
  std::vector<const Block*> rows;
  for (const auto& b : d.blocks)
    if (b.kind == BlockKind::TableRow) rows.push_back(&b);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0]->cells, (std::vector<std::string>{"Chỉ tiêu", "Đơn vị", "Thực hiện"}));
  EXPECT_EQ(rows[2]->cells, (std::vector<std::string>{"Sản lượng lương thực", "tấn", "64.812"}));

  // Locations: line = paragraph (line of the produced text), column = code point in it.
  size_t at = d.text.find("12.345/13.000");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(d.map.at(at).line, 4u);
  EXPECT_EQ(d.map.at(at).column, 38u);
  size_t cell = d.text.find("64.812");
  ASSERT_NE(cell, std::string::npos);
  EXPECT_EQ(d.map.at(cell).line, 11u);
  EXPECT_EQ(d.map.at(cell).column, 26u);  // "Sản lượng lương thực\ttấn\t" is 25 code points
  size_t closing = d.text.find("Trên đây");
  EXPECT_EQ(d.map.at(closing).line, 12u);
  fs::remove_all(dir);
}

TEST(TextDocx, QuantitiesAndClaimsEndToEnd) {
  fs::path dir = temp_dir();
  std::string bytes = make_docx(dir / "r.docx");
  auto loaded = load_document("r.docx", bytes);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message();
  DocumentResult res = analyze(std::move(*loaded), RunOptions{});
  const Claim* ratio = nullptr;
  for (const auto& c : res.claims)
    if (res.doc.slice(c.span).find("12.345/13.000") != std::string_view::npos) ratio = &c;
  ASSERT_NE(ratio, nullptr);
  EXPECT_TRUE(ratio->verdict == Verdict::Consistent || ratio->verdict == Verdict::ConsistentTruncated)
      << to_string(ratio->verdict) << " " << ratio->reason;
  bool timber = false;
  for (const auto& q : res.quantities)
    if (q.text == "1.250") {
      timber = true;
      EXPECT_EQ(q.unit.substr(0, 1), "m") << q.unit;
      EXPECT_EQ(q.dimension, "volume");
    }
  EXPECT_TRUE(timber);
  for (const auto& f : res.findings) ADD_FAILURE() << f.check << ": " << f.message;
  // Through the engine with a folder, as an auditor runs it: the .docx is found and read.
  std::ofstream(dir / "ghi-chu.txt") << "Tổng số hộ kinh doanh là 4.086 hộ.\n";
  std::ofstream(dir / "~$r.docx") << "lock";  // Word's lock file is not a report
  auto files = find_report_files(dir.string());
  ASSERT_TRUE(files.ok());
  EXPECT_EQ(*files, (std::vector<std::string>{dir.string() + "/ghi-chu.txt", dir.string() + "/r.docx"}));
  RunOptions o;
  o.paths = {dir.string()};
  o.jobs = 1;
  auto run_report = run(o);
  ASSERT_TRUE(run_report.ok()) << run_report.error().message();
  ASSERT_EQ(run_report->documents.size(), 2u);
  EXPECT_EQ(run_report->documents[1].doc.encoding, "docx");
  fs::remove_all(dir);
}

TEST(TextDocx, BadFilesAreErrorsNeverCrashes) {
  fs::path dir = temp_dir();
  std::string good = make_docx(dir / "r.docx");

  // Truncated download: the central directory is gone.
  auto cut = load_document("cut.docx", good.substr(0, good.size() / 2));
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.error().path, "cut.docx");
  EXPECT_NE(cut.error().reason.find("damaged .docx"), std::string::npos) << cut.error().reason;
  // Every truncation and a flipped byte anywhere: an error or a document, never a crash.
  for (size_t n = 0; n < good.size(); n += 97) {
    auto r = load_document("t.docx", good.substr(0, n));
    if (r.ok()) {
      EXPECT_FALSE(r->original.empty());
    }
  }
  for (size_t i = 0; i < good.size(); i += 61) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x5A);
    auto r = load_document("f.docx", bad);
    (void)r;
  }

  // A zip that is not a Word document.
  std::string other = make_zip(dir / "other.docx", {{"[Content_Types].xml", content_types()}, {"xl/workbook.xml", "<x/>"}});
  auto no_doc = load_document("other.docx", other);
  ASSERT_FALSE(no_doc.ok());
  EXPECT_NE(no_doc.error().reason.find("no word/document.xml"), std::string::npos) << no_doc.error().reason;

  // word/document.xml that is not XML.
  std::string broken = make_zip(dir / "broken.docx", {{"word/document.xml", "<w:document><w:body><w:p>"}});
  auto bad_xml = load_document("broken.docx", broken);
  ASSERT_FALSE(bad_xml.ok());
  EXPECT_NE(bad_xml.error().reason.find("not well-formed XML"), std::string::npos) << bad_xml.error().reason;

  // A legacy .doc (OLE compound file).
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole += std::string(512, '\0');
  auto doc = load_document("cu.doc", ole);
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.error().reason.find(".docx"), std::string::npos);

  // A folder with a broken .docx fails the run with the file's name (exit code 2 in the CLI).
  fs::create_directories(dir / "in");
  std::ofstream(dir / "in" / "hong.docx", std::ios::binary) << good.substr(0, 100);
  RunOptions o;
  o.paths = {(dir / "in").string()};
  auto rr = run(o);
  ASSERT_FALSE(rr.ok());
  EXPECT_EQ(rr.error().path, (dir / "in").string() + "/hong.docx");
  std::string cmd = "'" DOISOAT_BIN "' check '" + (dir / "in").string() + "' > /dev/null 2>&1";
  int status = std::system(cmd.c_str());
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);
  fs::remove_all(dir);
}
