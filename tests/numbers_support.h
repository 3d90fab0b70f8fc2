// Shared helpers for the number-grammar suites: load one report phrase and render every number
// it contains, in order, so that a case names ALL the numbers of its text (closed world).
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "num/numbers.h"
#include "text/load.h"

namespace doisoat::numtest {

/// One phrase and the reading of every number in it, in text order, joined by "; ".
/// A quantity reads "[-]VALUE[ UNIT][ QUALIFIER][ !HINT]": VALUE is plain ('.' decimal point)
/// with the displayed decimals kept ("659.970"); QUALIFIER is ~ (approximate), > (at least),
/// < (at most) or "ước" (estimate); "!HINT" marks a malformed figure and its likely reading
/// ("!" alone when there is no hint). A number that is not a quantity reads as its kind
/// ("date", "year", "doc_number", ...). The exponent of "m3"/"km2" is part of the unit and
/// is not listed.
struct ReadCase {
  const char* text;
  const char* expect;
};

inline std::ostream& operator<<(std::ostream& os, const ReadCase& c) { return os << c.text; }

inline const char* qualifier_mark(Qualifier q) {
  switch (q) {
    case Qualifier::Approx: return " ~";
    case Qualifier::AtLeast: return " >";
    case Qualifier::AtMost: return " <";
    case Qualifier::Estimate: return " ước";
    case Qualifier::None: break;
  }
  return "";
}

inline std::string render_quantity(const Quantity& q) {
  std::string out = q.negative ? "-" : "";
  out += q.value.to_plain();
  if (!q.unit.empty()) out += " " + q.unit;
  out += qualifier_mark(q.qualifier);
  if (q.malformed) out += " !" + (q.hint ? q.hint->to_plain() : std::string());
  return out;
}

inline std::string render(const NumberReading& r) {
  std::string out;
  for (const auto& t : r.tokens) {
    if (t.kind != TokKind::Number) continue;
    std::string item;
    if (t.non_quantity >= 0) {
      item = r.non_quantities[t.non_quantity].kind;
      if (item == "unit_exponent") continue;
    } else if (t.quantity >= 0) {
      item = render_quantity(r.quantities[t.quantity]);
    } else {
      item = "?";
    }
    if (!out.empty()) out += "; ";
    out += item;
  }
  return out;
}

inline Document load(const std::string& text) {
  auto doc = load_document("t.txt", text);
  if (!doc) {
    ADD_FAILURE() << "load_document failed: " << doc.error().message();
    return Document{};
  }
  return std::move(*doc);
}

inline std::string read(const std::string& text) { return render(read_numbers(load(text))); }

/// The first quantity whose written text is `written`, or nullptr.
inline const Quantity* find_quantity(const NumberReading& r, const std::string& written) {
  for (const auto& q : r.quantities)
    if (q.text == written) return &q;
  return nullptr;
}

}  // namespace doisoat::numtest
