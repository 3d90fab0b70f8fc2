// Facts: every figure a report states with its key (indicator, region, period, dimension), in
// base units, with where it was read. Read from an analysed document (store/facts.h), compared
// across documents by the cross-report checks (checks/cross_report.h), kept by the store.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/model.h"

namespace doisoat {

/// One stated figure, keyed for comparison across documents.
struct Fact {
  int64_t quantity = -1;      // quantity index in its document
  std::string indicator;      // canonical key, or "~words" from the noun phrase
  std::string indicator_text;
  std::string region;         // a part of the document's region the text names ("huyện Ba Bể"), else ""
  std::string period_key;     // the figure's own period ("2023-H1"), the document's unless the text says otherwise
  std::string unit, dimension;
  std::string role;           // see Quantity::role
  int64_t base = -1;          // quantity index of the level a rate is about
  double value = 0;           // in base units of the dimension, signed ("giảm 4,1%" -> -4.1)
  double half_width = 0;      // half the displayed-precision interval, base units (0: exact count)
  double factor = 1;          // written unit -> base unit ("tỷ đồng": 1e9)
  int precision = 0;
  std::string text;           // as written
  std::string status;         // "estimate" | "preliminary" | "official" | ""
  SourcePos begin, end;
  std::string quote;          // the figure in its context, for `related`
};

/// The facts of one document, with its key and where it came from.
struct DocumentFacts {
  std::string path, sha256;
  std::string region, region_level, parent_region;  // region as read; parent: the province it names
  std::string period, period_key;
  std::string read_at;        // ISO 8601 UTC
  bool current = true;        // read in this run (false: loaded from the store)
  size_t document = 0;        // index into RunReport::documents when current
  std::vector<Fact> facts;
  std::vector<Claim> claims;  // the claims as read and checked (kept by the store)
};

/// Region names compared folded and without their level: "tỉnh Bắc Kạn" -> "bac kan".
std::string region_name_key(const std::string& region);
/// The level word of a region ("tỉnh", "thành phố", "huyện", "thị xã"), folded; "" when none.
std::string region_level_key(const std::string& region, const std::string& level);
/// "tỉnh Bắc Kạn" -> "tinh|bac kan": level and folded name.
std::string region_key(const std::string& region, const std::string& level = {});
/// The folded region of a document as a key.
std::string document_region_key(const DocumentFacts& d);

}  // namespace doisoat
