// The number grammar: Vietnamese figures -> exact quantities with unit, scale, precision and
// qualifiers; and the many numbers that are not quantities (dates, years, document numbers,
// ranks, ranges, list numbers, names), classified before any claim template runs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace doisoat {

enum class TokKind : uint8_t { Number, Word, Percent, Slash, Punct, Open, Close };

/// One token of the clean text. Words carry their folded form (lowercase, no diacritics).
struct Token {
  // (Largest member first: 56 bytes a token instead of 64; a one-line document holds millions.)
  std::string fold;    // folded text (words), "%" , "/" , punctuation itself
  Span span;
  int quantity = -1;   // Number tokens: index into NumberReading::quantities
  int non_quantity = -1;
  TokKind kind = TokKind::Word;
  bool unit_part = false;  // word consumed as (part of) a quantity's unit
  bool glued = false;      // no white space before this token
  bool upper = false;      // words: starts with an uppercase letter
  bool all_upper = false;  // words: every letter uppercase ("UBND", "KH")
};

/// Number-format convention of a document.
enum class NumberConvention { Vietnamese, English };

struct NumberReading {
  std::vector<Token> tokens;             // whole document, in order
  std::vector<uint32_t> block_first;     // per block: first token index
  std::vector<uint32_t> block_last;      // per block: one past last token index
  std::vector<Quantity> quantities;
  std::vector<NonQuantity> non_quantities;
  NumberConvention convention = NumberConvention::Vietnamese;
};

/// Read every number of the document in one pass over its blocks.
NumberReading read_numbers(const Document& doc);

/// Parse one written number in the given convention. Returns false when it is not a number.
/// Sets malformed (+ reason, + hint) for written forms that are invalid or suspicious.
struct ParsedNumber {
  Decimal value;
  int precision = 0;
  bool malformed = false;
  std::string reason;
  bool has_hint = false;
  Decimal hint;
  bool grouped = false;   // used a thousands separator
  bool short_group = false;  // "310.00", "97.5": a last group of one or two digits
};
bool parse_number(std::string_view written, NumberConvention conv, ParsedNumber& out);

/// Canonical unit for a folded unit phrase; fills dimension and factor. False if unknown.
struct UnitInfo {
  std::string canonical;
  std::string dimension;
  double factor = 1.0;
  bool count = false;  // counts of things are exact integers
};
bool lookup_unit(std::string_view folded_phrase, UnitInfo& out);

}  // namespace doisoat
