// What the emitters share: the order of findings, counts, wording in vi/en, escaping.
// Internal to src/report; the public entry points are in emit.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "report/emit.h"

namespace doisoat::report {

/// Findings in the CONTRACT order (path, line, column, check), ties broken by id, so that
/// hand-built or merged reports print the same way every time.
std::vector<const Finding*> ordered_findings(const RunReport& r);

/// Counts over the findings themselves (the emitters never trust a stale summary).
struct Tally {
  size_t error = 0, warning = 0, info = 0;  // not suppressed
  size_t suppressed = 0;                    // all suppressed, baseline included
  size_t baselined = 0;
  size_t active() const { return error + warning + info; }
};
Tally tally(const RunReport& r);

inline const char* tr(Lang lang, const char* vi, const char* en) { return lang == Lang::Vi ? vi : en; }

/// "lỗi" / "error" ...
const char* severity_word(Severity s, Lang lang);
/// "3 tài liệu, 412 quan hệ đã kiểm tra: 4 lỗi, 2 cảnh báo, 7 thông tin; 1 đã bỏ qua"
std::string summary_sentence(const RunReport& r, Lang lang);
/// Why a finding is suppressed, for people ("baseline" or the sidecar justification).
std::string suppression_note(const Finding& f, Lang lang);

/// 56666.45 -> "56.666,45" (vi) or "56,666.45" (en); at most 2 decimals (4 below 1).
std::string format_number(double v, Lang lang);
/// Shortest round-trip-ish plain form for machine formats: 57, 56666.45.
std::string plain_number(double v);
/// "57%" / "56.666,45 %" / "22.214 ha"
std::string with_unit(const std::string& number, const std::string& unit);

// UTF-8 helpers (columns count code points: CONTRACT Locations).
std::vector<char32_t> decode_utf8(std::string_view s);
std::string encode_utf8(const std::vector<char32_t>& cps, size_t begin, size_t end);
/// Terminal cells a code point takes: 0 for combining marks, 2 for wide CJK, else 1.
int display_width(char32_t c);

std::string xml_escape(std::string_view s);  // also HTML
/// A cell text that a spreadsheet would evaluate: starts with = + - @ (or a tab/CR before one).
bool starts_like_formula(std::string_view s);
/// RFC 4180 field; a text that starts like a formula is quoted and prefixed with "'".
std::string csv_field(std::string_view s, char separator = ',');
/// A number for a spreadsheet cell: 56666.45, or as a Vietnamese locale reads it, 56.666,45
/// (every digit kept). Never formula-guarded: it is a number we wrote, not text from a report.
std::string spreadsheet_number(double v, bool vietnamese);
std::string markdown_cell(std::string_view s);

std::string emit_text(const RunReport& r, const EmitOptions& o);
std::string emit_sarif(const RunReport& r, const EmitOptions& o);
std::string emit_markdown(const RunReport& r, const EmitOptions& o);
std::string emit_html(const RunReport& r, const EmitOptions& o);
std::string emit_csv(const RunReport& r, const EmitOptions& o);
std::string emit_junit(const RunReport& r, const EmitOptions& o);
std::string emit_github(const RunReport& r, const EmitOptions& o);
/// An .xlsx workbook (bytes): a sheet of findings, a sheet of claims.
std::string emit_xlsx(const RunReport& r, const EmitOptions& o);

}  // namespace doisoat::report
