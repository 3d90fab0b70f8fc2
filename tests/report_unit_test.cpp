// Behaviour of the emitters and of the CI gate (config, suppressions, baseline, --fail-on).
#include <filesystem>
#include <fstream>
#include <regex>

#include <gtest/gtest.h>
#include <pugixml.hpp>
#include <nlohmann/json.hpp>

#include "report/emit.h"
#include "report/emitters.h"
#include "report/gate.h"
#include "report_sample.h"

using namespace doisoat;
using namespace doisoat::testing;
namespace fs = std::filesystem;

namespace {

size_t count(const std::string& s, const std::string& needle) {
  size_t n = 0;
  for (size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + needle.size())) ++n;
  return n;
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

TEST(ReportText, CaretSitsUnderTheSpanEvenWithCombiningMarksAndWideCharacters) {
  RunReport r;
  // "Hà" written decomposed (a + U+0300): two code points, one cell; "年" takes two cells.
  std::string line = "Ha\xCC\x80 年: 12/10 đạt 50%";
  Finding f = make_finding("ratio-recompute", "ratio", Severity::Error, "x.txt", 3, line, "12/10 đạt 50%");
  f.message = "m";
  r.findings = {f};
  auto out = lines_of(emit_findings(Format::Text, r, EmitOptions{}));
  ASSERT_GE(out.size(), 3u);
  EXPECT_EQ(out[0], "x.txt:3:8: error: [ratio-recompute] m");
  EXPECT_EQ(out[1], "  " + line);
  // H, à (1 cell), space, 年 (2 cells), ':', ' ' = 7 cells before the span; span is 13 code points.
  EXPECT_EQ(out[2], "  " + std::string(7, ' ') + "^" + std::string(12, '~'));
}

TEST(ReportText, LongLinesAreCutAroundTheSpan) {
  RunReport r;
  std::string line = std::string(300, 'x') + " 12/10 đạt 50% " + std::string(300, 'y');
  Finding f = make_finding("ratio-recompute", "ratio", Severity::Error, "x.txt", 1, line, "12/10 đạt 50%");
  r.findings = {f};
  EmitOptions o;
  o.text_line_width = 60;
  auto out = lines_of(emit_findings(Format::Text, r, o));
  ASSERT_GE(out.size(), 3u);
  EXPECT_LT(codepoints(out[1]), 70u);
  EXPECT_EQ(out[1].find("  …"), 0u);
  size_t caret = out[2].find('^');
  ASSERT_NE(caret, std::string::npos);
  // The caret column (in cells) equals the span's column in the cut line.
  EXPECT_EQ(out[1].substr(0, out[1].find("12/10")).size() - 2 /* "…" is 3 bytes, 1 cell */, caret);
}

TEST(ReportText, ColourOnlyWhenAsked) {
  RunReport r = sample_report();
  EmitOptions o = sample_options();
  EXPECT_EQ(emit_findings(Format::Text, r, o).find("\x1b["), std::string::npos);
  o.color = true;
  EXPECT_NE(emit_findings(Format::Text, r, o).find("\x1b[1;31merror"), std::string::npos);
}

TEST(ReportGithub, EscapesPropertiesAndData) {
  RunReport r = sample_report();
  std::string out = emit_findings(Format::Github, r, sample_options());
  auto ls = lines_of(out);
  // 5 active findings + the summary line; suppressed ones are not annotated.
  ASSERT_EQ(ls.size(), 6u);
  for (const auto& l : ls) EXPECT_TRUE(std::regex_search(l, std::regex("^::(error|warning|notice) "))) << l;
  // Errors first (runners show only the first few).
  EXPECT_EQ(ls[0].rfind("::error ", 0), 0u);
  EXPECT_EQ(ls[1].rfind("::error ", 0), 0u);
  // The share finding: ',' and ':' escaped in the title, new line and '%' escaped in the message.
  std::string share;
  for (const auto& l : ls)
    if (l.find("[share]") != std::string::npos) share = l;
  ASSERT_FALSE(share.empty());
  EXPECT_NE(share.find("title=[share] chiếm 5%2C2%25 (<6%25 & \"mục tiêu\")::"), std::string::npos) << share;
  EXPECT_NE(share.find("tỷ lệ,%0Achỉ kiểm tra được giới hạn: 100%25"), std::string::npos) << share;
}

TEST(ReportGithub, CappedWithASummary) {
  RunReport r = sample_report();
  EmitOptions o = sample_options(Lang::En);
  o.github_cap = 2;
  auto ls = lines_of(emit_findings(Format::Github, r, o));
  ASSERT_EQ(ls.size(), 3u);
  EXPECT_NE(ls[2].find("3 more findings not annotated"), std::string::npos) << ls[2];
}

// GitHub drops annotations beyond 10 of a level in a step: each level is capped (the summary
// line, an error here, takes one error slot) and the summary counts what was left out.
TEST(ReportGithub, TenPerLevelMostSevereFirst) {
  RunReport r;
  auto add = [&](Severity s, int n, bool material = false) {
    for (int i = 0; i < n; ++i) {
      std::string line = "dòng " + std::to_string(r.findings.size()) + ": 12/10 đạt 50%";
      Finding f = make_finding("ratio-recompute", "ratio", s, "x.txt", uint32_t(r.findings.size() + 1), line, "12/10 đạt 50%");
      f.message = "m";
      f.material = material;
      r.findings.push_back(f);
    }
  };
  add(Severity::Info, 3);
  add(Severity::Warning, 12);
  add(Severity::Error, 14);
  add(Severity::Error, 1, true);
  EmitOptions o = sample_options(Lang::En);
  auto ls = lines_of(emit_findings(Format::Github, r, o));
  ASSERT_EQ(ls.size(), 9u + 10u + 3u + 1u);
  for (size_t i = 0; i < 9; ++i) EXPECT_EQ(ls[i].rfind("::error file=", 0), 0u) << i;
  EXPECT_NE(ls[0].find("line=30,"), std::string::npos) << "the material error comes first: " << ls[0];
  for (size_t i = 9; i < 19; ++i) EXPECT_EQ(ls[i].rfind("::warning file=", 0), 0u) << i;
  for (size_t i = 19; i < 22; ++i) EXPECT_EQ(ls[i].rfind("::notice file=", 0), 0u) << i;
  EXPECT_EQ(ls[22].rfind("::error title=doisoat::", 0), 0u) << ls[22];
  EXPECT_NE(ls[22].find("8 more findings not annotated (see the full report): 6 errors, 2 warnings"), std::string::npos)
      << ls[22];
}

TEST(ReportCsv, BomQuotingAndOneRowPerFinding) {
  RunReport r = sample_report();
  std::string out = emit_findings(Format::Csv, r, sample_options());
  ASSERT_EQ(out.rfind("\xEF\xBB\xBF", 0), 0u);
  EXPECT_EQ(report::csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(report::csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(report::csv_field("line\nbreak"), "\"line\nbreak\"");
  EXPECT_EQ(report::csv_field("=SUM(A1)"), "\"'=SUM(A1)\"");
  // Every text cell starting with = + - @ is guarded (a negative figure is written as a number).
  EXPECT_EQ(report::csv_field("-5.47"), "\"'-5.47\"");
  EXPECT_EQ(report::csv_field("+1"), "\"'+1\"");
  EXPECT_EQ(report::csv_field("@SUM(A1)"), "\"'@SUM(A1)\"");
  EXPECT_EQ(report::csv_field("-cmd|' /C calc'!A0"), "\"'-cmd|' /C calc'!A0\"");
  EXPECT_EQ(report::csv_field("\t=1"), "\"'\t=1\"");
  EXPECT_EQ(report::csv_field("a-b=c"), "a-b=c");
  // Rows end with CRLF; quoted fields may hold bare LF. Header + 7 findings.
  EXPECT_EQ(count(out, "\r\n"), 8u);
  EXPECT_NE(out.find("\"chiếm 5,2% (<6% & \"\"mục tiêu\"\")\""), std::string::npos);
}

// --csv-locale vi: ';' between fields, figures as Vietnamese reports write them, text guarded.
TEST(ReportCsv, VietnameseLocale) {
  EXPECT_EQ(report::spreadsheet_number(56666.45, true), "56.666,45");
  EXPECT_EQ(report::spreadsheet_number(22214, true), "22.214");
  EXPECT_EQ(report::spreadsheet_number(-5.47, true), "-5,47");
  EXPECT_EQ(report::spreadsheet_number(0.125, true), "0,125");
  EXPECT_EQ(report::spreadsheet_number(1234567.5, true), "1.234.567,5");
  EXPECT_EQ(report::spreadsheet_number(56666.45, false), "56666.45");
  EXPECT_EQ(report::csv_field("a;b", ';'), "\"a;b\"");
  EXPECT_EQ(report::csv_field("a,b", ';'), "a,b");
  RunReport r = sample_report();
  r.findings[0].message = "=HYPERLINK(\"http://x\")";
  EmitOptions o = sample_options();
  o.csv_vietnamese = true;
  std::string out = emit_findings(Format::Csv, r, o);
  auto ls = lines_of(out);
  ASSERT_GE(ls.size(), 2u);
  EXPECT_EQ(ls[0].rfind("\xEF\xBB\xBFid;tệp;dòng;cột;", 0), 0u) << ls[0];
  EXPECT_EQ(count(ls[0], ";"), 17u);
  // The ratio finding: stated 57, expected 56.666,45; the quote has ',' but no ';': not quoted.
  EXPECT_NE(out.find(";175.666/310.00 m3 gỗ các loại, đạt 57% KH;57;56.666,45;%;"), std::string::npos) << out;
  EXPECT_NE(out.find(";\"'=HYPERLINK(\"\"http://x\"\")\";"), std::string::npos) << out;
  EXPECT_EQ(count(out, "\r\n"), 8u);
}

TEST(ReportHtml, HighlightsFiguresAndEscapes) {
  RunReport r = sample_report();
  std::string out = emit_findings(Format::Html, r, sample_options());
  EXPECT_NE(out.find("<mark>175.666</mark>/<mark>310.00</mark> m3 gỗ các loại, đạt <mark>57%</mark> KH"), std::string::npos);
  EXPECT_NE(out.find("chiếm 5,2% (&lt;6% &amp; &quot;mục tiêu&quot;)"), std::string::npos);
  EXPECT_EQ(out.find("<6%"), std::string::npos);
  EXPECT_EQ(count(out, "<article class=\"finding"), r.findings.size());
  EXPECT_EQ(count(out, "data-suppressed=\"true\""), 2u);
  EXPECT_NE(out.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_EQ(out.find("http://"), std::string::npos);   // self-contained: no network
  EXPECT_EQ(out.find("https://"), std::string::npos);
  EXPECT_EQ(out.find(" src="), std::string::npos);
  EXPECT_NE(out.find("@media print"), std::string::npos);
}

TEST(ReportHtml, BadHighlightSpansAreIgnored) {
  RunReport r;
  Finding f = make_finding("x", "ratio", Severity::Error, "a.txt", 1, "đạt 5%", "đạt 5%");
  f.highlight = {Span{1, 3} /* inside "đ" */, Span{4, 99} /* past the end */, Span{7, 9} /* "5%" */};
  r.findings = {f};
  std::string out = emit_findings(Format::Html, r, EmitOptions{});
  EXPECT_NE(out.find("đạt <mark>5%</mark>"), std::string::npos);
  EXPECT_EQ(count(out, "<mark>"), 1u);
}

TEST(ReportSarif, RulesResultsSuppressionsFixesFingerprints) {
  RunReport r = sample_report();
  auto j = nlohmann::json::parse(emit_findings(Format::Sarif, r, sample_options()));
  ASSERT_EQ(j["runs"].size(), 1u);
  const auto& run = j["runs"][0];
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  const auto& rules = run["tool"]["driver"]["rules"];
  const auto& results = run["results"];
  ASSERT_EQ(results.size(), r.findings.size());
  size_t suppressed = 0, fixes = 0;
  for (const auto& res : results) {
    size_t idx = res["ruleIndex"].get<size_t>();
    ASSERT_LT(idx, rules.size());
    EXPECT_EQ(rules[idx]["id"], res["ruleId"]);
    EXPECT_EQ(res["partialFingerprints"]["doisoatFindingId/v1"], res["properties"]["id"]);
    if (res.contains("suppressions")) {
      ++suppressed;
      EXPECT_FALSE(res["suppressions"][0]["justification"].get<std::string>().empty());
    }
    if (res.contains("fixes")) {
      ++fixes;
      EXPECT_EQ(res["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"], "310.000");
    }
  }
  EXPECT_EQ(suppressed, 2u);
  EXPECT_EQ(fixes, 1u);
  // Checks outside the catalogue still get a rule: 4 in the catalogue + share, repeat, pp.
  EXPECT_EQ(rules.size(), 7u);
  // With a baseline in play, results say whether they are new.
  EXPECT_EQ(results[0]["baselineState"], "new");
}

TEST(ReportJunit, OneCasePerClaimFailuresForFindings) {
  RunReport r = sample_report();
  EmitOptions o = sample_options();
  std::string out = emit_findings(Format::Junit, r, o);
  // 10 claims; every finding matches a claim.
  EXPECT_EQ(count(out, "<testcase "), 10u);
  EXPECT_NE(out.find("<testsuites name=\"doisoat 9.9.9-test\" tests=\"10\" failures=\"2\" errors=\"0\" skipped=\"3\">"),
            std::string::npos)
      << out;
  o.fail_on = Severity::Info;
  out = emit_findings(Format::Junit, r, o);
  EXPECT_EQ(count(out, "<failure "), 5u);
  o.fail_on = std::nullopt;
  out = emit_findings(Format::Junit, r, o);
  EXPECT_EQ(count(out, "<failure "), 0u);
}

// Written through pugixml: whatever a report's text holds (markup, "]]>", quotes, control
// characters), the JUnit file parses and gives back the text.
TEST(ReportJunit, WellFormedWhateverTheTextHolds) {
  RunReport r;
  std::string quote = "a < b & \"c\" ]]> '\x01' 12/10 đạt 50%";
  Finding f = make_finding("ratio-recompute", "ratio", Severity::Error, "x&<y>.txt", 1, quote, quote);
  f.message = "m <&> \"q\"";
  r.findings = {f};
  std::string out = emit_findings(Format::Junit, r, sample_options());
  pugi::xml_document xml;
  auto parsed = xml.load_string(out.c_str());
  ASSERT_TRUE(parsed) << parsed.description() << "\n" << out;
  auto suite = xml.child("testsuites").child("testsuite");
  EXPECT_STREQ(suite.attribute("name").value(), "x&<y>.txt");
  EXPECT_STREQ(suite.attribute("failures").value(), "1");
  auto failure = suite.child("testcase").child("failure");
  EXPECT_STREQ(failure.attribute("message").value(), "[ratio-recompute] m <&> \"q\"");
  std::string text = failure.text().get();
  EXPECT_NE(text.find("a < b & \"c\" ]]> '\xEF\xBF\xBD'"), std::string::npos) << text;
}

TEST(ReportNumbers, VietnameseAndEnglishConventions) {
  EXPECT_EQ(report::format_number(56666.45, Lang::Vi), "56.666,45");
  EXPECT_EQ(report::format_number(56666.45, Lang::En), "56,666.45");
  EXPECT_EQ(report::format_number(-3.7, Lang::Vi), "-3,7");
  EXPECT_EQ(report::format_number(719923, Lang::Vi), "719.923");
  EXPECT_EQ(report::format_number(0.0512, Lang::Vi), "0,0512");
}

// ---- the gate -------------------------------------------------------------------------------

const std::set<std::string> kKnown = {"ratio-recompute", "share"};

TEST(ReportConfig, EnablesDisablesAndOverridesSeverity) {
  auto c = parse_config(R"({"checks": {"ratio-recompute": {"severity": "warning"}, "share": {"enabled": false}}})",
                        "c.json", kKnown);
  ASSERT_TRUE(c) << c.error().message();
  RunOptions ro;
  apply_config(*c, ro);
  EXPECT_EQ(ro.severity_override.at("ratio-recompute"), Severity::Warning);
  EXPECT_TRUE(ro.disabled.count("share"));
  // The command line wins: --enable share keeps it on.
  RunOptions ro2;
  ro2.enabled.insert("share");
  apply_config(*c, ro2);
  EXPECT_FALSE(ro2.disabled.count("share"));
}

TEST(ReportConfig, BadConfigsNameTheFileAndTheProblem) {
  struct Bad { const char* text; const char* reason; };
  for (auto [text, reason] : {Bad{"{", "invalid JSON"}, Bad{"[]", "must be a JSON object"},
                              Bad{R"({"chekcs": {}})", "unknown key 'chekcs'"},
                              Bad{R"({"checks": {"nope": {}}})", "unknown check 'nope'"},
                              Bad{R"({"checks": {"share": {"severity": "fatal"}}})", "severity must be"},
                              Bad{R"({"checks": {"share": {"enabled": "no"}}})", "enabled must be true or false"},
                              Bad{R"({"checks": {"share": {"level": "info"}}})", "unknown key 'level'"}}) {
    auto c = parse_config(text, "conf/doisoat.json", kKnown);
    ASSERT_FALSE(c) << text;
    EXPECT_EQ(c.error().path, "conf/doisoat.json");
    EXPECT_NE(c.error().reason.find(reason), std::string::npos) << c.error().reason;
  }
  auto missing = load_config("/nonexistent/doisoat.json", kKnown);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message(), "/nonexistent/doisoat.json: cannot read file");
}

TEST(ReportSuppressions, RequiredFieldsAndApplication) {
  auto bad = parse_suppressions(R"({"suppressions": [{"id": "a", "justification": "x"}]})", "s.json");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().path, "s.json");
  EXPECT_NE(bad.error().reason.find("accepted_by"), std::string::npos);
  EXPECT_FALSE(parse_suppressions(R"({"suppressions": [{"id": "", "justification": "x", "accepted_by": "y"}]})", "s"));
  EXPECT_FALSE(parse_suppressions(R"({"ignore": []})", "s"));

  RunReport r = sample_report();
  const Finding& target = r.findings[0];
  std::string json = R"([{"id": ")" + target.id + R"(", "justification": "đã đính chính", "accepted_by": "Trần Thị B"}])";
  auto s = parse_suppressions(json, "s.json");
  ASSERT_TRUE(s) << s.error().message();
  size_t before = r.summary.suppressed;
  EXPECT_EQ(apply_suppressions(r, *s), 1u);
  EXPECT_EQ(r.summary.suppressed, before + 1);
  EXPECT_TRUE(r.findings[0].suppressed);
  EXPECT_EQ(r.findings[0].suppression_accepted_by, "Trần Thị B");
}

TEST(ReportBaseline, RoundTripSuppressesKnownFindingsAndPassesTheGate) {
  RunReport first = sample_report();
  EXPECT_TRUE(gate_fails(first, Severity::Error));
  std::string text = baseline_json(first, "9.9.9");
  auto ids = parse_baseline(text, "b.json");
  ASSERT_TRUE(ids) << ids.error().message();
  EXPECT_EQ(ids->size(), first.findings.size());

  RunReport again = sample_report();
  Finding fresh = make_finding("sum-parts", "sum", Severity::Error, "reports/new.txt", 2, "gồm 1 và 2 = 4", "gồm 1 và 2 = 4");
  again.findings.push_back(fresh);
  recount(again);
  apply_baseline(again, *ids);
  EXPECT_TRUE(gate_fails(again, Severity::Error));  // the new one still fails
  again.findings.pop_back();
  recount(again);
  EXPECT_FALSE(gate_fails(again, Severity::Info));
  EXPECT_EQ(again.summary.suppressed, first.findings.size());

  // A findings report is a baseline too; anything else is refused with the file named.
  EXPECT_TRUE(parse_baseline(findings_json(first, sample_options()).dump(), "f.json"));
  auto bad = parse_baseline(R"({"schema": "other"})", "x.json");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().path, "x.json");
}

TEST(ReportGate, FailOnThresholds) {
  RunReport r = sample_report();  // active: 2 errors, 2 warnings, 1 info
  EXPECT_TRUE(gate_fails(r, fail_threshold("error")));
  EXPECT_FALSE(gate_fails(r, fail_threshold("never")));
  for (auto& f : r.findings)
    if (f.severity == Severity::Error) f.suppressed = true;
  EXPECT_FALSE(gate_fails(r, fail_threshold("error")));
  EXPECT_TRUE(gate_fails(r, fail_threshold("warning")));
  EXPECT_TRUE(gate_fails(r, fail_threshold("info")));
}

TEST(ReportWrite, AtomicWriteReplacesWholeFileAndLeavesNoTemp) {
  fs::path dir = fs::temp_directory_path() / ("doisoat-write-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string target = (dir / "out.json").string();
  std::ofstream(target) << "old";
  ASSERT_TRUE(write_atomically(target, "new content"));
  EXPECT_EQ(read_text(target), "new content");
  size_t entries = 0;
  for ([[maybe_unused]] auto& e : fs::directory_iterator(dir)) ++entries;
  EXPECT_EQ(entries, 1u);
  auto bad = write_atomically((dir / "no/such/folder/out.json").string(), "x");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message().find("no/such/folder/out.json"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
