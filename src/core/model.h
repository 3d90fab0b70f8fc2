// The data model shared by every layer: read -> understand -> check -> report.
// Layers only ever flow one way; a later layer never re-parses what an earlier one made.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/decimal.h"
#include "core/source_map.h"
#include "core/template_id.h"

namespace doisoat {

/// A half-open range of byte offsets into Document::text (the clean text).
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return end <= begin; }
  uint32_t size() const { return end - begin; }
};

enum class BlockKind { Heading, Paragraph, Footnote, TableRow };

struct Block {
  BlockKind kind = BlockKind::Paragraph;
  Span span;
  int level = 0;             // heading level (1 = top); 0 for non-headings
  std::string number;        // "I.", "1.1.", "a)" for headings; the footnote id for footnotes
  int section = -1;          // index into Document::sections of the enclosing section
  std::vector<std::string> cells;  // TableRow: cell texts (spans are not kept per cell)
  std::vector<Span> cell_spans;    // TableRow: span of each cell in the clean text
};

struct Section {
  std::string title;
  std::string number;
  int level = 0;
  int parent = -1;
  Span span;  // heading span
};

struct Sentence {
  Span span;
  uint32_t block = 0;
};

/// A footnote mark removed from the running text ("kỳ⁶", "KH1.") and where it pointed.
struct FootnoteRef {
  uint32_t offset = 0;  // clean-text offset where the mark stood
  std::string id;       // "6"
};

struct Document {
  std::string path;        // as the user gave it (CONTRACT: Locations)
  std::string sha256;      // of the original bytes
  std::string encoding;    // "UTF-8", "UTF-8 BOM", "UTF-16LE", "windows-1258", ...
  std::vector<std::string> warnings;
  std::string original;    // decoded original text (UTF-8), positions refer to this
  std::string text;        // clean NFC text
  SourceMap map;           // clean offset -> original line:column
  bool reflowed = false;   // hard-wrapped (PDF) lines were joined into paragraphs
  std::vector<uint32_t> page_lines;  // PDF: per page, the line of `original` it starts on (1-based)
  std::vector<Block> blocks;
  std::vector<Section> sections;
  std::vector<Sentence> sentences;
  std::vector<FootnoteRef> footnote_refs;
  std::string region;      // "tỉnh Bắc Kạn"
  std::string region_level;  // "tỉnh" | "thành phố" | "huyện" | "thị xã" | ""
  std::string period;      // "6 tháng đầu năm 2023"
  std::string period_key;  // normalised: "2023-H1", "2023", "2024-Q1", "2023-9M" (9 months), "2023-06"
  bool period_in_title = false;  // a report's title block ("BÁO CÁO …") names the period, not only the text

  std::string_view slice(Span s) const { return std::string_view(text).substr(s.begin, s.end - s.begin); }
};

enum class Qualifier { None, Approx, AtLeast, AtMost, Estimate };

/// A figure the text states, in the unit written.
struct Quantity {
  uint32_t id = 0;
  Span span;                 // the number itself (not its unit)
  Span unit_span;            // the unit words, when any
  std::string text;          // the number as written ("22.214")
  Decimal value;             // value in the written unit (22214)
  int precision = 0;         // decimals displayed
  bool exact_count = false;  // an integer count of things: no rounding interval
  std::string unit;          // canonical unit ("ha", "tấn", "%", "triệu đồng", "con")
  std::string dimension;     // "area", "mass", "money", "percent", "pp", "count:con", ...
  double factor = 1.0;       // written unit -> base unit of the dimension (triệu đồng -> 1e6)
  Qualifier qualifier = Qualifier::None;
  bool negative = false;     // "âm 3,7%", "-5,47%"
  bool malformed = false;
  std::string malformed_reason;
  std::optional<Decimal> hint;  // the most likely intended reading of a malformed number
  std::string indicator;        // normalised indicator key, when known
  std::string indicator_text;   // the phrase it was read from
  uint32_t sentence = 0;
  // Filled by claims/indicators.cpp (issue 7): how the figure relates to others, for the facts
  // store and the cross-report checks.
  std::string role;        // "" a level; "plan"; "plan_pct" (đạt X% kế hoạch); "yoy_rate" (tăng/giảm X%
                           // so với cùng kỳ); "yoy_ratio" (bằng X% so với cùng kỳ); "yoy_change"; "yoy_pp"
  int32_t base = -1;       // the level figure a rate or change is about (index into quantities)
  std::string status;      // "estimate" (ước), "preliminary" (sơ bộ), "official" (chính thức), "" not said
  std::string period_key;  // when the text names another period than the document's ("cùng kỳ năm trước")
  bool decrease = false;   // yoy_rate / yoy_change / yoy_pp read after "giảm"
  bool period_stated = false;  // its clause or sentence names its period (else the document's is assumed)
  std::string region;      // when the clause names a part of the document's region ("huyện Ba Bể …")
  // Not written: the period and the place the paragraph last named at or before the figure ("Trong
  // tháng 11, …. Tổng thu …" is of November; "tỉnh Khánh Hòa đón …"), "" for the document's own.
  // Two figures of different contexts are never a restatement of one figure.
  std::string context;
  // Not written: the 100 % that the shares of a structure add up to ("cơ cấu kinh tế: …"), located
  // at the words that name the structure.
  bool implicit = false;
};

/// A number that is not a quantity (date, year, document number, rank, range...).
struct NonQuantity {
  Span span;
  std::string text;
  std::string kind;  // "date", "year", "doc_number", "rank", "range", "list_number", "name", ...
};

enum class ClaimKind {
  Ratio, PercentOfPlan, Sum, PartBound, PpDifference, Share, Growth, AbsChange, Repeat,
  CrossReport, MalformedNumber
};
const char* to_string(ClaimKind k);

enum class Verdict { Consistent, ConsistentTruncated, Discrepancy, Unchecked };
const char* to_string(Verdict v);

struct Operand {
  std::string role;  // numerator, denominator, actual, plan, total, part, current, earlier, change, rate, first, second
  uint32_t quantity = 0;
};

/// A relation between figures that the text asserts.
struct Claim {
  uint32_t id = 0;
  ClaimKind kind = ClaimKind::Ratio;
  Span span;                 // the stretch of text the claim was read from
  std::string quote;
  std::vector<Operand> operands;
  uint32_t stated = 0;       // the quantity the claim states (percent, total, rate...)
  bool decrease = false;     // growth/abs_change/pp: "giảm"
  bool exhaustive = true;    // sum vs part_bound
  std::string indicator;
  Template template_id = Template::None;  // which construction read it (spelt by to_string)
  // The text does not mark how the operands are linked (the whole of a share found as the nearest
  // larger figure, not named): when they disagree, a misreading is likelier than an error, so a
  // disagreement is left unchecked (with its reason) instead of reported.
  bool inferred = false;
  // Filled by the checks:
  Verdict verdict = Verdict::Unchecked;
  std::optional<double> computed;
  double expected_lo = 0, expected_hi = 0;
  std::string reason;
  std::string unit;          // unit of stated/computed
};

enum class Severity { Info, Warning, Error };
const char* to_string(Severity s);

struct RelatedLocation {
  std::string path;
  SourcePos begin, end;
  std::string quote;
  std::string message;
};

struct Finding {
  std::string id;            // stable: hash of check, path, quote
  std::string check;
  std::string kind;          // claim kind
  Severity severity = Severity::Error;
  bool material = false;
  bool suppressed = false;
  std::string suppression_justification;
  std::string path;
  SourcePos begin, end;
  std::string quote;
  std::string line_text;     // the original line, for carets (a window of it when the line is very long)
  uint32_t line_text_column = 1;  // column of line_text's first code point in the original line
  double stated = 0;
  std::optional<double> expected;
  std::string unit;
  std::string message;       // in the chosen language
  std::string computation;   // "22.214 / 23.707 = 93,70% → 94%"
  std::string suggestion;
  std::vector<RelatedLocation> related;
  std::vector<Span> highlight;  // figures to highlight, relative to quote start (bytes)
  int32_t claim = -1;           // index into DocumentResult::claims when about one claim (blame)
  // Added for the reports (issue 6):
  std::string replacement;      // when the fix is a literal edit: the text to put in place of begin..end
  std::string suppression_accepted_by;  // who accepted a suppressed finding (sidecar file)
  bool baselined = false;       // suppressed because its id is in the --baseline file
  // When blame finds that one figure breaks several relations: the id of the lead finding this
  // one is a further symptom of (empty for a lead or a finding of its own).
  std::string same_error_as;
  // Where a reader finds it besides line and column (issue 13): the PDF page (0: not a PDF), and
  // for a figure in a table: the table (1-based, in document order; 0: not in a table), the row
  // (1-based within the table, its header row included), the row's label and the column header.
  int page = 0;
  int table = 0;
  int table_row = 0;
  std::string table_row_label;
  std::string table_column;
};

/// Stable finding id: a hash of check, path and quote (CONTRACT: ids survive reruns).
std::string stable_id(const std::string& check, const std::string& path, const std::string& quote);

/// Everything read from and found in one document.
struct DocumentResult {
  Document doc;
  std::vector<Quantity> quantities;
  std::vector<NonQuantity> non_quantities;
  std::vector<Claim> claims;
  std::vector<Finding> findings;
  std::vector<uint32_t> uncovered;  // quantity ids in assertive sentences that no claim uses
  std::unordered_map<uint32_t, std::string> uncovered_reasons;  // why a recognised relation is no claim
};

}  // namespace doisoat
