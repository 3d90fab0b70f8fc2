// Facts: every figure a report states with its key (indicator, region, period, dimension), in
// base units, with where it was read; and the store that keeps them across runs (`--db FILE`,
// SQLite, or `--db postgresql://...`), so that this year's report is checked against last year's
// without re-reading it.
#pragma once

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/result.h"

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

/// The keys a stored document must share with this run's documents to take part in a
/// cross-report check: one of its facts has one of these indicators and period keys, and that
/// fact's region key is one of `region_keys`; or its document's parent region is one of
/// `document_keys` (a district of a region of this run); or its region is the parent that a
/// stored document of one of `document_keys` names. A superset of what the checks compare (see
/// `related_keys` in cross.h): looking up only these documents gives the findings of the whole store.
struct RelatedKeys {
  std::set<std::string> indicators, period_keys, region_keys;
  std::set<std::string> document_keys;  // the region keys of this run's documents
};

/// The facts store: every checked report's documents, facts and claims, kept for the
/// cross-report checks of later runs. Two implementations behind one interface: an SQLite file
/// (`--db FILE`, the embedded default) and a PostgreSQL database shared by many runners
/// (`--db postgresql://user@host/dbname`, or `postgresql://` with the PGHOST/PGUSER/PGDATABASE
/// environment). Both create and migrate their schema themselves (a version table; an older
/// schema is upgraded in place), write one save in one transaction (a crash mid-write leaves the
/// store as it was) and let concurrent writers replace documents without losing or duplicating
/// facts. Errors name the store and say why (not a database, locked, unreachable...).
class FactStore {
 public:
  /// The schema this build writes; `open` upgrades older stores to it.
  static constexpr int kSchemaVersion = 2;
  struct OpenOptions {
    bool create = true;                 // false: an absent store is an error (listing never creates one)
    int schema_version = kSchemaVersion;  // tests: create or upgrade only up to this version
  };
  /// Open (create, upgrade) the store at `location`: a postgresql:// or postgres:// URI, else a file.
  static Result<std::unique_ptr<FactStore>> open(const std::string& location, const OpenOptions& options);
  static Result<std::unique_ptr<FactStore>> open(const std::string& location) { return open(location, OpenOptions{}); }
  /// A PostgreSQL connection URI rather than a file name.
  static bool is_postgresql(const std::string& location);

  virtual ~FactStore() = default;
  FactStore(const FactStore&) = delete;
  FactStore& operator=(const FactStore&) = delete;

  /// Every stored document with its facts (claims not loaded), by path.
  virtual Result<std::vector<DocumentFacts>> load() const = 0;
  /// The stored documents sharing a key with this run (whole, with all their facts), by path:
  /// the cross-report look-up of one run, through the indicator/region/period index.
  virtual Result<std::vector<DocumentFacts>> load_related(const RelatedKeys& keys) const = 0;
  /// Replace the stored facts of these documents (same hash or same path) in one transaction.
  virtual Result<bool> save(const std::vector<DocumentFacts>& documents) = 0;

  /// Filters of `doisoat facts`: empty matches all; region and period match folded substrings.
  struct Filter {
    std::string indicator, region, period;
  };
  struct Row {
    DocumentFacts document;  // without facts
    Fact fact;
  };
  Result<std::vector<Row>> query(const Filter& filter) const;

  /// The store as the user named it (a password in a URI is left out).
  const std::string& path() const { return path_; }
  /// The schema version of the open store.
  int schema_version() const { return schema_version_; }

 protected:
  FactStore(std::string path, int version) : path_(std::move(path)), schema_version_(version) {}
  std::string path_;
  int schema_version_ = 0;
};

/// The region key a fact is compared under (CrossContext::region_of): the part of its document's
/// region its text names, else its document's region. Kept in the store for the look-ups.
std::string fact_region_key(const DocumentFacts& document, const Fact& fact);

}  // namespace doisoat
