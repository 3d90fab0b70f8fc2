// Regression tests named after what they were.
#include <gtest/gtest.h>

#include "engine/engine.h"
#include "text/load.h"

using namespace doisoat;

namespace {

DocumentResult analyze_text(const std::string& text) {
  auto doc = load_document("t.txt", text);
  EXPECT_TRUE(doc.ok());
  return analyze(std::move(*doc), RunOptions{});
}

size_t count_check(const DocumentResult& r, const std::string& id) {
  size_t n = 0;
  for (const auto& f : r.findings) n += f.check == id;
  return n;
}

}  // namespace

// Two malformed operands with hints used to make evaluate() retry forever (stack overflow).
TEST(Regression, TwoMalformedOperandsDoNotRecurse) {
  auto r = analyze_text("Sản lượng lúa đạt 1013.113/2017.000 tấn, đạt 40% KH.\n");
  EXPECT_EQ(count_check(r, "malformed-number"), 2u);
  EXPECT_EQ(count_check(r, "ratio-recompute"), 1u);  // 50,23% with either reading, not 40%
}

// Two malformed operands whose intended values make the relation hold: one finding per number.
TEST(Regression, TwoMalformedOperandsReadAsIntended) {
  auto r = analyze_text("Sản lượng lúa đạt 1013.113/2017.000 tấn, đạt 50% KH.\n");
  EXPECT_EQ(count_check(r, "malformed-number"), 2u);
  EXPECT_EQ(count_check(r, "ratio-recompute"), 0u);
}

// A finding on a paragraph that is one multi-megabyte line keeps a window of the line, not all of it.
TEST(Regression, FindingOnAHugeLineKeepsAWindow) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "Công tác chỉ đạo được thực hiện tốt trong kỳ. ";
  text += "Diện tích gieo trồng đạt 29.469/30.130 ha, đạt 99% KH. ";
  for (int i = 0; i < 20000; ++i) text += "Công tác chỉ đạo được thực hiện tốt trong kỳ. ";
  auto r = analyze_text(text + "\n");
  ASSERT_EQ(count_check(r, "ratio-recompute"), 1u);
  for (const auto& f : r.findings) {
    EXPECT_LT(f.line_text.size(), 4000u);
    EXPECT_NE(f.line_text.find("29.469/30.130"), std::string::npos);
    EXPECT_GT(f.line_text_column, 1u);
    // The window keeps columns right: its first code point is at line_text_column.
    size_t at = f.line_text.find("29.469");
    uint32_t cps = 0;
    for (size_t i = 0; i < at; ++i) cps += (static_cast<unsigned char>(f.line_text[i]) & 0xC0) != 0x80;
    EXPECT_EQ(f.line_text_column + cps, f.begin.column);
  }
}
