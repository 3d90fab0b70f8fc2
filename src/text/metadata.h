// Issuer region and report period, from the title block first, then from the text itself.
#pragma once

#include <string>
#include <string_view>

#include "core/model.h"

namespace doisoat {

struct PeriodInfo {
  std::string period;  // "6 tháng đầu năm 2023"
  std::string key;     // "2023-H1"
};

/// Read a period phrase ("6 tháng đầu năm 2023", "năm 2023", "quý I/2024", "9 tháng năm 2023",
/// "tháng 6/2023"); `default_year` completes "6 tháng đầu năm" when the year is elsewhere.
/// Returns an empty key when `text` holds no period.
PeriodInfo parse_period(std::string_view text, int default_year = 0);

/// parse_period of text already folded with vfold (core/vfold.h): the same answer, without
/// folding again. vfold folds character by character, so the fold of a slice of a text is the
/// slice of the text's fold, and callers that read many slices of one text fold it once.
PeriodInfo parse_folded_period(std::string_view folded, int default_year = 0);

/// Fill region, region_level, period and period_key of `doc` (blocks must be built).
void read_metadata(Document& doc);

}  // namespace doisoat
