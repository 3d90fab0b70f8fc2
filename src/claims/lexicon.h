// The trigger vocabulary of the claims grammar in one place: the folded words (lowercase, no
// diacritics) that the constructions look for, grouped by what they signal.
#pragma once

#include <string_view>

namespace doisoat::lexicon {

/// Words that only join a clause: prepositions, conjunctions, copulas and the verbs of the
/// relations themselves ("đạt", "tăng", "so với"). A figure followed by one of them has no noun of
/// its own after it.
bool is_function_word(std::string_view folded);

}  // namespace doisoat::lexicon
