// The trigger vocabulary of the claims grammar in one place: the folded words (lowercase, no
// diacritics) that the constructions look for, grouped by what they signal.
#pragma once

#include <string_view>

namespace doisoat::lexicon {

/// Words that only join a clause: prepositions, conjunctions, copulas and the verbs of the
/// relations themselves ("đạt", "tăng", "so với"). A figure followed by one of them has no noun of
/// its own after it.
bool is_function_word(std::string_view folded);

/// Verbs that introduce an actual (achieved) figure: "đạt", "ước đạt", "thực hiện", "được".
bool is_actual_verb(std::string_view folded);

/// Words that name a plan or target: "kế hoạch", "KH", "dự toán", "chỉ tiêu", "mục tiêu", "giao".
bool is_plan_word(std::string_view folded);

}  // namespace doisoat::lexicon
