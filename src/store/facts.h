// Facts: every figure a report states with its key (indicator, region, period, dimension), in
// base units, with where it was read; and the SQLite store that keeps them across runs
// (`--db FILE`), so that this year's report is checked against last year's without re-reading it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/result.h"

struct sqlite3;

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

/// The facts of one analysed document.
DocumentFacts document_facts(const DocumentResult& result, const std::string& read_at);

/// The current time as ISO 8601 UTC ("2024-07-01T08:00:00Z").
std::string now_iso8601();

/// The SQLite facts store. Every write is one transaction: a crash mid-write leaves the store
/// as it was. Errors name the file and say why (not a database, locked, read-only...).
class FactStore {
 public:
  /// Open or create the store.
  static Result<std::unique_ptr<FactStore>> open(const std::string& path);
  ~FactStore();
  FactStore(const FactStore&) = delete;
  FactStore& operator=(const FactStore&) = delete;

  /// Every stored document with its facts (claims not loaded).
  Result<std::vector<DocumentFacts>> load() const;
  /// Replace the stored facts of these documents (same hash or same path) in one transaction.
  Result<bool> save(const std::vector<DocumentFacts>& documents);

  /// Filters of `doisoat facts`: empty matches all; region and period match folded substrings.
  struct Filter {
    std::string indicator, region, period;
  };
  struct Row {
    DocumentFacts document;  // without facts
    Fact fact;
  };
  Result<std::vector<Row>> query(const Filter& filter) const;

  const std::string& path() const { return path_; }

 private:
  FactStore(std::string path, sqlite3* db) : path_(std::move(path)), db_(db) {}
  Error error(const std::string& what) const;
  std::string path_;
  sqlite3* db_ = nullptr;
};

}  // namespace doisoat
