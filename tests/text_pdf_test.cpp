// .pdf read directly (src/text/pdf.*): the text layer of each page, handed to the text layer
// (reflow, page furniture, footnotes); bad files as errors. The PDFs are written by hand here:
// a standard Type1 font (no font file) whose /Differences name Vietnamese letters by their
// Unicode glyph names ("uni1EA1"), which is all text extraction needs.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "text/load.h"
#include "text/pdf.h"
#include "text/utf8.h"

using namespace doisoat;
namespace fs = std::filesystem;

namespace {

class PdfWriter {
 public:
  // One page per entry: its lines, top to bottom; each line (x, text in UTF-8).
  struct Line {
    int x = 56;
    std::string text;
  };
  using Page = std::vector<Line>;

  std::string write(const std::vector<Page>& pages) {
    std::vector<std::string> contents;
    for (const auto& pg : pages) {
      std::string c = "BT /F1 10 Tf\n";
      int y = 790;
      for (const auto& l : pg) {
        c += "1 0 0 1 " + std::to_string(l.x) + " " + std::to_string(y) + " Tm (" + encode(l.text) + ") Tj\n";
        y -= 14;
      }
      c += "ET\n";
      contents.push_back(c);
    }
    // Objects: 1 catalog, 2 pages, 3 font, then page + content per page.
    std::vector<std::string> objs;
    objs.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    std::string kids;
    for (size_t i = 0; i < pages.size(); ++i) kids += std::to_string(4 + 2 * i) + " 0 R ";
    objs.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
    std::string diffs;
    for (const auto& [code, cp] : glyphs_) {
      char name[16];
      std::snprintf(name, sizeof name, "/uni%04X", static_cast<unsigned>(cp));
      diffs += std::to_string(code) + " " + name + " ";
    }
    objs.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
                   "/BaseEncoding /WinAnsiEncoding /Differences [" + diffs + "] >> >>");
    for (size_t i = 0; i < pages.size(); ++i) {
      objs.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                     "/Contents " + std::to_string(5 + 2 * i) + " 0 R >>");
      objs.push_back("<< /Length " + std::to_string(contents[i].size()) + " >>\nstream\n" + contents[i] + "endstream");
    }
    std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<size_t> offsets;
    for (size_t i = 0; i < objs.size(); ++i) {
      offsets.push_back(out.size());
      out += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
    }
    size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
    for (size_t off : offsets) {
      char buf[24];
      std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
      out += buf;
    }
    out += "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return out;
  }

 private:
  // ASCII as is; every other character gets a code from 128 up, named uniXXXX in /Differences.
  std::string encode(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
      int len = 0;
      char32_t c = utf8::decode(s, i, len);
      i += static_cast<size_t>(len);
      if (c < 0x80) {
        if (c == '(' || c == ')' || c == '\\') out += '\\';
        out += static_cast<char>(c);
        continue;
      }
      auto it = codes_.find(c);
      if (it == codes_.end()) {
        int code = 128 + static_cast<int>(codes_.size());
        EXPECT_LT(code, 256) << "too many distinct letters for one simple font";
        it = codes_.emplace(c, code).first;
        glyphs_[code] = c;
      }
      char oct[8];
      std::snprintf(oct, sizeof oct, "\\%03o", it->second);
      out += oct;
    }
    return out;
  }

  std::map<char32_t, int> codes_;
  std::map<int, char32_t> glyphs_;
};

// Words wrapped at about `width` code points, as a PDF page lays out a paragraph.
std::vector<std::string> wrap(const std::string& para, size_t width = 85) {
  std::vector<std::string> lines;
  std::istringstream in(para);
  std::string line;
  for (std::string w; in >> w;) {
    if (!line.empty() && utf8::count_cps(line) + 1 + utf8::count_cps(w) > width) {
      lines.push_back(line);
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += w;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

const std::string kHeader = "Báo cáo tình hình kinh tế - xã hội huyện Na Hang";

// Three pages of a hard-wrapped report with a running header and page numbers.
std::vector<PdfWriter::Page> report_pages() {
  std::vector<std::string> paras = {
      "Trong 6 tháng đầu năm 2024, tình hình kinh tế - xã hội của huyện tiếp tục ổn định, các ngành, các "
      "lĩnh vực đều có bước phát triển; công tác chỉ đạo, điều hành của Ủy ban nhân dân huyện được triển khai "
      "quyết liệt, đồng bộ trên các lĩnh vực. Tổng sản phẩm trên địa bàn huyện ước tăng 6,8% so với cùng kỳ; "
      "thu ngân sách nhà nước trên địa bàn ước đạt 45.260 triệu đồng, bằng 58% dự toán tỉnh giao. Các chương "
      "trình mục tiêu quốc gia được triển khai kịp thời, Nghị quyết số 12/NQ-HĐND của Hội đồng nhân dân huyện "
      "được cụ thể hóa bằng các kế hoạch của Ủy ban nhân dân huyện.",
      "Diện tích gieo trồng lúa vụ Xuân đạt 12.345/13.000 ha, đạt 95% KH; năng suất bình quân ước đạt 52,5 "
      "tạ/ha, sản lượng lương thực có hạt ước đạt 64.812 tấn, tăng 2,1% so với cùng kỳ năm trước.",
      "Tổng đàn trâu có 8.420 con, tổng đàn bò có 3.115 con; công tác tiêm phòng cho đàn gia súc, gia cầm "
      "được thực hiện đúng kế hoạch, không để xảy ra dịch bệnh lớn trên địa bàn huyện. Trạm Chăn nuôi và Thú y "
      "huyện phối hợp với Ủy ban nhân dân các xã tổ chức tiêm phòng vắc xin lở mồm long móng, tụ huyết trùng "
      "trâu bò, dịch tả lợn cổ điển cho đàn gia súc theo đúng lịch, đạt tỷ lệ bao phủ cao trên toàn huyện.",
      "Công tác quản lý, bảo vệ rừng được tăng cường; trồng rừng tập trung được 1.210 ha, khai thác gỗ rừng "
      "trồng được 1.250 m3, bằng 104% so với cùng kỳ năm trước, giá trị ước đạt 2.350 triệu đồng."};
  std::vector<PdfWriter::Page> pages(3);
  for (size_t pg = 0; pg < pages.size(); ++pg) pages[pg].push_back({56, kHeader});
  size_t pg = 0;
  for (size_t i = 0; i < paras.size(); ++i) {
    if (i == 2) pg = 1;
    bool first = true;
    for (auto& l : wrap(paras[i])) {
      pages[pg].push_back({first ? 84 : 56, l});
      first = false;
    }
  }
  pages[2].push_back({56, "Trên đây là báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm 2024 của huyện."});
  for (size_t k = 0; k < pages.size(); ++k) pages[k].push_back({290, std::to_string(k + 1)});
  return pages;
}

}  // namespace

TEST(TextPdf, SignatureSniffing) {
  EXPECT_TRUE(looks_like_pdf("%PDF-1.7\n"));
  EXPECT_TRUE(looks_like_pdf(std::string(20, ' ') + "%PDF-1.4\n%%EOF\n"));  // junk before the header
  EXPECT_FALSE(looks_like_pdf("Ghi chú: tệp %PDF-1.4 đính kèm.\n"));
  EXPECT_FALSE(looks_like_pdf("Diện tích đạt 12.345 ha."));
}

TEST(TextPdf, AsciiSentenceEndToEnd) {
  PdfWriter w;
  std::string pdf = w.write({{{56, "dat 12.345/13.000 ha, dat 95% KH"}}});
  auto loaded = load_document("r.pdf", pdf);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message();
  EXPECT_EQ(loaded->encoding, "pdf");
  EXPECT_EQ(loaded->text, "dat 12.345/13.000 ha, dat 95% KH");
  DocumentResult res = analyze(std::move(*loaded), RunOptions{});
  ASSERT_EQ(res.claims.size(), 1u);
  EXPECT_EQ(res.claims[0].kind, ClaimKind::Ratio);
  EXPECT_EQ(res.claims[0].verdict, Verdict::Consistent) << res.claims[0].reason;
  EXPECT_TRUE(res.findings.empty());
}

TEST(TextPdf, PagesReflowedFurnitureDroppedFiguresChecked) {
  PdfWriter w;
  std::string pdf = w.write(report_pages());
  auto loaded = load_document("na-hang.pdf", pdf);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message();
  const Document& d = *loaded;
  EXPECT_EQ(d.encoding, "pdf");
  EXPECT_TRUE(d.reflowed) << d.original;
  // The Vietnamese letters came through the text layer.
  EXPECT_NE(d.original.find("Diện tích gieo trồng lúa vụ Xuân đạt 12.345/13.000 ha"), std::string::npos) << d.original;
  // The running header and the page numbers are gone from the clean text.
  EXPECT_EQ(d.text.find(kHeader), std::string::npos) << d.text;
  for (const auto& b : d.blocks) EXPECT_NE(d.slice(b.span), "2");
  // The wrapped paragraph is one block again.
  bool rice = false;
  for (const auto& b : d.blocks) {
    std::string_view t = d.slice(b.span);
    if (t.find("Diện tích gieo trồng lúa") != std::string_view::npos) {
      rice = true;
      EXPECT_NE(t.find("so với cùng kỳ năm trước."), std::string_view::npos) << t;
    }
  }
  EXPECT_TRUE(rice);
  // Lines that reach the margin continue even when the next one starts with a capital.
  bool first = false;
  for (const auto& b : d.blocks) {
    std::string_view t = d.slice(b.span);
    if (t.rfind("Trong 6 tháng đầu năm 2024", 0) == 0) {
      first = true;
      EXPECT_NE(t.find("được cụ thể hóa bằng các kế hoạch của Ủy ban nhân dân huyện."), std::string_view::npos) << t;
    }
  }
  EXPECT_TRUE(first) << d.text;
  // Locations: line of the extracted text.
  size_t at = d.text.find("12.345/13.000");
  ASSERT_NE(at, std::string::npos);
  SourcePos pos = d.map.at(at);
  std::vector<std::string> lines;
  {
    std::istringstream in(d.original);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
  }
  ASSERT_GE(lines.size(), pos.line);
  const std::string& line = lines[pos.line - 1];
  size_t byte = 0;
  for (uint32_t cps = 1; cps < pos.column && byte < line.size(); ++cps) {
    int len = 0;
    utf8::decode(line, byte, len);
    byte += static_cast<size_t>(len);
  }
  EXPECT_EQ(line.substr(byte, 13), "12.345/13.000") << line;

  DocumentResult res = analyze(std::move(*loaded), RunOptions{});
  const Claim* ratio = nullptr;
  for (const auto& c : res.claims)
    if (res.doc.slice(c.span).find("12.345/13.000") != std::string_view::npos) ratio = &c;
  ASSERT_NE(ratio, nullptr);
  EXPECT_EQ(ratio->verdict, Verdict::Consistent) << ratio->reason;
  for (const auto& f : res.findings) ADD_FAILURE() << f.check << ": " << f.message << " «" << f.quote << "»";
}

TEST(TextPdf, BadFilesAreErrorsNeverCrashes) {
  PdfWriter w;
  std::string good = w.write({{{56, "dat 12.345/13.000 ha, dat 95% KH"}}});

  auto corrupt = load_document("hong.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage garbage\n");
  ASSERT_FALSE(corrupt.ok());
  EXPECT_EQ(corrupt.error().path, "hong.pdf");
  EXPECT_NE(corrupt.error().reason.find("PDF"), std::string::npos) << corrupt.error().reason;

  // A scanned report: pages without text.
  std::string scanned = w.write({{}, {}});
  auto scan = load_document("scan.pdf", scanned);
  ASSERT_FALSE(scan.ok());
  EXPECT_EQ(scan.error().reason, "PDF has no text layer (scanned?); OCR it first");

  // Truncations and flipped bytes: an error or a document, never a crash.
  for (size_t n = 0; n < good.size(); n += 37) (void)load_document("t.pdf", good.substr(0, n));
  for (size_t i = 0; i < good.size(); i += 23) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x5A);
    (void)load_document("f.pdf", bad);
  }

  // Through the CLI: exit code 2, the message names the file.
  fs::path dir = fs::temp_directory_path() / ("doisoat-pdf-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "scan.pdf", std::ios::binary) << scanned;
  std::string cmd = "'" DOISOAT_BIN "' check '" + (dir / "scan.pdf").string() + "' > '" + (dir / "err").string() + "' 2>&1";
  int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);
  std::ifstream in(dir / "err");
  std::string err((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(err.find("scan.pdf"), std::string::npos) << err;
  EXPECT_NE(err.find("no text layer"), std::string::npos) << err;
  fs::remove_all(dir);
}
