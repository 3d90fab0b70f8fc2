// Folding Vietnamese for matching: lowercase, no diacritics, đ -> d ("Kế hoạch" -> "ke hoach").
// Table-driven (built once from ICU's decompositions), so it is cheap per token.
#pragma once

#include <string>
#include <string_view>

namespace doisoat {

/// Fold one UTF-8 string. Characters outside Latin letters are copied through (lowercased ASCII).
std::string vfold(std::string_view utf8);

/// Fold into `out` (appended), one output byte per folded letter where possible.
void vfold_append(std::string_view utf8, std::string& out);

/// Decode one code point at s[i]; advances i. Invalid bytes decode as U+FFFD.
char32_t decode_utf8(std::string_view s, size_t& i);

/// True for letters (any script) by ICU; digits are not letters.
bool is_letter(char32_t c);

/// True for an uppercase letter.
bool is_upper(char32_t c);

}  // namespace doisoat
