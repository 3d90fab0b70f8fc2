// Indicators: which measure each figure is about ("Tổng mức bán lẻ hàng hóa và doanh thu dịch
// vụ" -> retail_sales_services), read from the words before it in its clause and normalised
// against the canonical list in data/indicators.json (embedded at build time), so that the same
// indicator phrased differently, or OCR-damaged, gets the same key in every report.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "num/numbers.h"

namespace doisoat {

/// One canonical indicator of data/indicators.json.
struct IndicatorDef {
  std::string key;        // "retail_sales_services"
  std::string dimension;  // usual dimension family: "money", "count", "percent", "area", ...
  std::vector<std::string> phrases;  // folded, words separated by one space
};

/// A year as the reports write one: four digits, 1xxx or 2xxx ("2023").
bool is_year(std::string_view s);

/// The canonical indicators (parsed once from the embedded data file).
const std::vector<IndicatorDef>& indicator_catalogue();

/// True when `key` is one of the catalogue's keys (fallback keys start with '~').
bool is_canonical_indicator(std::string_view key);

/// False when `key` is a canonical indicator whose usual dimension family ("money", "count", …)
/// is not that of `dimension`: "tổng vốn đăng ký … 5 dự án" counts projects, not capital.
/// Unknown keys, scalars and indicators with no usual dimension fit.
bool indicator_fits_dimension(std::string_view key, const std::string& dimension);

/// The canonical key of a phrase (any spelling, with or without diacritics), "" if none.
/// The longest catalogue phrase found in the text wins; ties go to the one nearest its end.
std::string match_indicator(std::string_view phrase);

/// Set indicator, indicator_text, role, base, status and period_key of every quantity from the
/// words around it in its clause. One pass over the tokens; phrases are looked up by hashing.
void assign_indicators(const Document& doc, NumberReading& numbers);

}  // namespace doisoat
